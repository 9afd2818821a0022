import { openNewLead } from '../state/lead-actions.ts';
import { totalLeadCount, useBoard } from '../state/store.ts';

export function TopBar() {
  const ready = useBoard((s) => s.phase === 'ready');
  const count = useBoard((s) => totalLeadCount(s.summaries));
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="topbar-logo" aria-hidden="true" />
        <h1 className="topbar-title">Voronka</h1>
      </div>
      {ready && (
        <span className="topbar-count" data-testid="lead-count">
          {count.toLocaleString('en-US')} {count === 1 ? 'lead' : 'leads'}
        </span>
      )}
      <div className="topbar-spacer" />
      <span className="topbar-hint" aria-hidden="true">
        Drag cards between stages · Ctrl+Z to undo
      </span>
      <button type="button" className="button button-primary" disabled={!ready} onClick={() => openNewLead()} data-testid="new-lead">
        + New lead
      </button>
    </header>
  );
}
