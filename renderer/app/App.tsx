import { useEffect } from 'react';
import { Board } from '../board/Board.tsx';
import { EmptyBoard } from '../board/EmptyBoard.tsx';
import { LeadPanel } from '../lead-panel/LeadPanel.tsx';
import { MoveForm } from '../move-form/MoveForm.tsx';
import { loadBoard } from '../state/board-actions.ts';
import { totalLeadCount, useBoard } from '../state/store.ts';
import { Toasts } from '../ui/Toasts.tsx';
import { TopBar } from './TopBar.tsx';
import { useUndoShortcut } from './useUndoShortcut.ts';
import './app.css';

export function App() {
  const phase = useBoard((s) => s.phase);
  const loadError = useBoard((s) => s.loadError);
  const empty = useBoard((s) => s.phase === 'ready' && totalLeadCount(s.summaries) === 0);
  const panelOpen = useBoard((s) => s.panel !== null);
  const moveFormOpen = useBoard((s) => s.moveForm !== null);
  useUndoShortcut();

  useEffect(() => {
    void loadBoard();
  }, []);

  return (
    <div className="app">
      <TopBar />
      <main className="app-main" aria-label="Funnel board">
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
        {phase === 'ready' && (empty ? <EmptyBoard /> : <Board />)}
      </main>
      {panelOpen && <LeadPanel />}
      {moveFormOpen && <MoveForm />}
      <Toasts />
    </div>
  );
}
