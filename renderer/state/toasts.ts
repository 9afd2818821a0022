import { useBoard, type Toast } from './store.ts';

let nextToastId = 1;

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextToastId++;
  // Keep the last few only: a burst of actions must not cover the board.
  useBoard.setState((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-4) }));
  return id;
}

export function showError(message: string): number {
  return showToast({ tone: 'error', message });
}

export function dismissToast(id: number): void {
  useBoard.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
