import { loadBoard } from '../state/board-actions.ts';

// Imported first by main.tsx: main reads the board while the rest of the renderer is evaluated
// and React renders the shell, instead of after.
void loadBoard();
