import { openImport } from '../import/import-actions.ts';
import { loadDemoData } from '../state/board-actions.ts';
import { openNewLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';

/** First run: no leads yet. */
export function EmptyBoard() {
  const demoLoading = useBoard((s) => s.demoLoading);
  return (
    <div className="empty-board" data-testid="empty-board">
      <div className="empty-card">
        <div className="empty-illustration" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h2>Your funnel is empty</h2>
        <p>
          Add your first lead, import a CSV file of prospects or another CRM’s export, or load a sample team with demo leads to
          see how Voronka works. Everything stays on this computer.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={() => openNewLead()}>
            + New lead
          </button>
          <button type="button" className="button" onClick={openImport} data-testid="empty-import">
            Import CSV
          </button>
          <button type="button" className="button" disabled={demoLoading} onClick={() => void loadDemoData()} data-testid="load-demo">
            {demoLoading ? 'Loading demo data…' : 'Load demo data'}
          </button>
        </div>
      </div>
    </div>
  );
}
