import { openImport } from '../import/import-actions.ts';
import { openNewLead } from '../state/lead-actions.ts';
import { UploadIcon } from '../ui/icons.tsx';
import { totalLeadCount, useBoard } from '../state/store.ts';
import { useWorkspace } from '../state/workspace.ts';
import { ModeSwitch } from './ModeSwitch.tsx';
import { SearchBox } from './SearchBox.tsx';
import { LEADS, plural } from '../ui/numbers.ts';

export function TopBar() {
  const ready = useBoard((s) => s.phase === 'ready');
  const count = useBoard((s) => totalLeadCount(s.summaries));
  const narrowed = useWorkspace((s) => s.filter.all.length > 0 || s.search !== '');
  const mode = useWorkspace((s) => s.mode);
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="topbar-logo" aria-hidden="true" />
        <h1 className="topbar-title">Voronka</h1>
      </div>
      <ModeSwitch />
      <SearchBox />
      {ready && (
        <span className="topbar-count" data-testid="lead-count" aria-live="polite">
          {plural(count, LEADS)}
          {narrowed ? ' match' : ''}
        </span>
      )}
      <div className="topbar-spacer" />
      <span className="topbar-hint" aria-hidden="true">
        {mode === 'board' ? 'Drag cards between stages · Ctrl+Z to undo' : 'Shift+click: range or second sort · Ctrl+Z to undo'}
      </span>
      <button type="button" className="button" disabled={!ready} onClick={openImport} data-testid="import-open">
        <UploadIcon />
        Import CSV
      </button>
      <button type="button" className="button button-primary" disabled={!ready} onClick={() => openNewLead()} data-testid="new-lead">
        + New lead
      </button>
    </header>
  );
}
