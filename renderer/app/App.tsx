import { useEffect } from 'react';
import { Board } from '../board/Board.tsx';
import { EmptyBoard } from '../board/EmptyBoard.tsx';
import { FilterBar } from '../filters/FilterBar.tsx';
import { loadBoard } from '../state/board-actions.ts';
import { totalLeadCount, useBoard } from '../state/store.ts';
import { useWorkspace } from '../state/workspace.ts';
import { Toasts } from '../ui/Toasts.tsx';
import { Sidebar } from '../views/Sidebar.tsx';
import { useReports } from '../reports/report-store.ts';
import { connectAppEvents } from '../jobs/job-events.ts';
import { useExport } from '../export/export-store.ts';
import { useImport } from '../import/import-store.ts';
import { ExportDialog, ImportWizard, LeadPanel, MoveForm, ReportsScreen, SettingsDialog, TableView } from './lazy-screens.tsx';
import { NoMatches } from './NoMatches.tsx';
import { TopBar } from './TopBar.tsx';
import { useUndoShortcut } from './useUndoShortcut.ts';
import './app.css';

export function App() {
  const phase = useBoard((s) => s.phase);
  const loadError = useBoard((s) => s.loadError);
  const noLeads = useBoard((s) => s.phase === 'ready' && totalLeadCount(s.summaries) === 0);
  const narrowed = useWorkspace((s) => s.filter.all.length > 0 || s.search !== '');
  const mode = useWorkspace((s) => s.mode);
  const panelOpen = useBoard((s) => s.panel !== null);
  const moveFormOpen = useBoard((s) => s.moveForm !== null);
  const settingsOpen = useWorkspace((s) => s.settingsOpen);
  const reportsOpen = useReports((s) => s.open);
  // Mounted only when open: they load as chunks of their own on first use.
  const importOpen = useImport((s) => s.open);
  const exportOpen = useExport((s) => s.source !== null);
  useUndoShortcut();

  // Job progress (exports, imports) is pushed by main: listen from the start.
  useEffect(connectAppEvents, []);

  let content = null;
  if (phase === 'ready') {
    if (noLeads) content = narrowed ? <NoMatches /> : <EmptyBoard />;
    else content = mode === 'board' ? <Board /> : <TableView />;
  }

  return (
    <div className="app">
      <TopBar />
      {reportsOpen ? (
        <div className="app-reports">
          <ReportsScreen />
        </div>
      ) : (
        <div className="app-body">
          <Sidebar />
          <div className="workspace">
            <FilterBar />
            <main className="app-main" aria-label={mode === 'board' ? 'Funnel board' : 'Leads table'}>
              {phase === 'loading' && (
                <div className="app-message" role="status">
                  Loading your funnel…
                </div>
              )}
              {phase === 'failed' && (
                <div className="app-message" role="alert">
                  <p>Voronka could not load the board: {loadError}</p>
                  <button type="button" className="button" onClick={() => void loadBoard()}>
                    Try again
                  </button>
                </div>
              )}
              {content}
            </main>
          </div>
        </div>
      )}
      {panelOpen && <LeadPanel />}
      {moveFormOpen && <MoveForm />}
      {settingsOpen && <SettingsDialog />}
      {importOpen && <ImportWizard />}
      {exportOpen && <ExportDialog />}
      <Toasts />
    </div>
  );
}
