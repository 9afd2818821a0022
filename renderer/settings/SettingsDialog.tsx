import { useId } from 'react';
import { ImportHistory } from '../import/ImportHistory.tsx';
import { closeSettings, setSettingsTab } from '../state/workspace-actions.ts';
import { useWorkspace, type SettingsTab } from '../state/workspace.ts';
import { Modal } from '../ui/Modal.tsx';
import { ReasonSettings } from './ReasonSettings.tsx';
import { ScoringSettings } from './ScoringSettings.tsx';
import { TeamSettings } from './TeamSettings.tsx';
import './settings.css';

const TABS: { key: SettingsTab; label: string }[] = [
  { key: 'team', label: 'Team' },
  { key: 'scoring', label: 'Lead scoring' },
  { key: 'reasons', label: 'Reason lists' },
  { key: 'imports', label: 'Imports' },
];

/** Settings: the team and "I am", the scoring rules, the reason lists, the import history. */
export function SettingsDialog() {
  const tab = useWorkspace((s) => s.settingsTab);
  const setTab = setSettingsTab;
  const id = useId();
  return (
    <Modal title="Settings" onClose={closeSettings} testId="settings" wide>
      <div className="tabs settings-tabs" role="tablist" aria-label="Settings sections">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-panel`}
            className="tab"
            onClick={() => setTab(t.key)}
            data-testid={`settings-tab-${t.key}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="settings-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'team' && <TeamSettings />}
        {tab === 'scoring' && <ScoringSettings />}
        {tab === 'reasons' && <ReasonSettings />}
        {tab === 'imports' && <ImportHistory />}
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeSettings} data-testid="settings-close">
          Close
        </button>
      </div>
    </Modal>
  );
}
