import { useEffect, useId, useRef, useState } from 'react';
import { leadDisplayName } from '../../shared/domain/lead.ts';
import { closePanel } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { formatDateTime } from '../ui/dates.ts';
import { LeadForm } from './LeadForm.tsx';
import { LeadHistory } from './LeadHistory.tsx';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';
import { useLeadDetail } from './useLeadDetail.ts';
import './lead-panel.css';

type Tab = 'details' | 'history';

/** The side panel: a lead's fields, its history and notes; or the form for a new lead. */
export function LeadPanel() {
  const panel = useBoard((s) => s.panel);
  const leadId = panel?.mode === 'edit' ? panel.leadId : null;
  const storedLead = useBoard((s) => (leadId === null ? undefined : s.leads[leadId]));
  const stages = useBoard((s) => s.stages);
  const { detail, error, reload } = useLeadDetail(leadId, storedLead?.updatedAt);
  const [tab, setTab] = useState<Tab>('details');
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => setTab('details'), [leadId]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const { moveForm, drag } = useBoard.getState();
      if (moveForm || drag) return;
      closePanel();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Focus moves into the panel when it opens, and back to the card it came from when it closes.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (!panelRef.current?.contains(document.activeElement)) panelRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  if (!panel) return null;
  const lead = storedLead ?? detail?.lead;
  const stage = stages.find((s) => s.key === (panel.mode === 'new' ? panel.stageKey : lead?.stageKey));
  const title = panel.mode === 'new' ? 'New lead' : lead ? leadDisplayName(lead) : 'Lead';
  const historyCount = detail ? detail.transitions.length + detail.activities.length : null;

  return (
    <aside ref={panelRef} className="panel" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-testid="lead-panel">
      <header className="panel-header">
        <div className="panel-heading">
          <h2 className="panel-title" id={titleId}>
            {title}
          </h2>
          <p className="panel-subtitle">
            {stage && <span className={`stage-chip stage-chip-${stage.funnel}`}>{stage.name}</span>}
            {lead && panel.mode === 'edit' && <span className="muted">Added {formatDateTime(lead.createdAt)}</span>}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close lead panel" onClick={closePanel} data-testid="panel-close">
          ×
        </button>
      </header>
      {panel.mode === 'edit' && (
        <div className="tabs" role="tablist" aria-label="Lead sections">
          <button
            type="button"
            role="tab"
            id={`${titleId}-tab-details`}
            aria-selected={tab === 'details'}
            aria-controls={`${titleId}-panel`}
            className="tab"
            onClick={() => setTab('details')}
          >
            Details
          </button>
          <button
            type="button"
            role="tab"
            id={`${titleId}-tab-history`}
            aria-selected={tab === 'history'}
            aria-controls={`${titleId}-panel`}
            className="tab"
            data-testid="tab-history"
            onClick={() => setTab('history')}
          >
            History{historyCount !== null ? ` (${historyCount})` : ''}
          </button>
        </div>
      )}
      <div
        className="panel-body"
        id={`${titleId}-panel`}
        role={panel.mode === 'edit' ? 'tabpanel' : undefined}
        aria-labelledby={panel.mode === 'edit' ? `${titleId}-tab-${tab}` : undefined}
      >
        {panel.mode === 'new' && <LeadForm key="new" mode="new" stageKey={panel.stageKey} />}
        {panel.mode === 'edit' && !lead && !error && <p className="muted">Loading…</p>}
        {panel.mode === 'edit' && error && !lead && (
          <p className="form-error" role="alert">
            Could not open this lead: {error}
          </p>
        )}
        {panel.mode === 'edit' && lead && tab === 'details' && (
          <>
            <ScoreBreakdown leadId={lead.id} score={lead.score} version={lead.updatedAt} />
            <LeadForm key={`edit-${lead.id}-${lead.updatedAt}`} mode="edit" lead={lead} />
          </>
        )}
        {panel.mode === 'edit' && tab === 'history' && (detail ? <LeadHistory detail={detail} onNoteAdded={reload} /> : <p className="muted">Loading history…</p>)}
      </div>
    </aside>
  );
}
