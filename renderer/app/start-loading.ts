import { loadBoard } from '../state/board-actions.ts';

/**
 * The first screen's data, asked for first (main.tsx imports this module before anything else):
 * main reads the board while the rest of the renderer is evaluated. Settles when the board store
 * has it (or the failure); never rejects.
 */
export const firstLoad: Promise<void> = loadBoard();
