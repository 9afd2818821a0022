import type { AppEventListener } from '../../shared/ipc/events.ts';
import { subscribeToEvents } from '../api/events.ts';

const listeners = new Set<AppEventListener>();
let connected = false;

/**
 * One subscription to main's pushed events for the whole page, opened once and kept (an
 * EventSource reconnects by itself), so that a job started later never waits for a stream to open.
 */
export function connectAppEvents(): void {
  if (connected) return;
  connected = true;
  subscribeToEvents((event) => {
    for (const listener of listeners) listener(event);
  });
}

export function onAppEvent(listener: AppEventListener): () => void {
  connectAppEvents();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
