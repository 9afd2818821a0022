import type { AppEvent, AppEventListener } from '../../shared/ipc/events.ts';

/** Fan-out of main's events to whoever shows them: Electron windows, harness event streams, tests. */
export interface EventBus {
  emit(event: AppEvent): void;
  subscribe(listener: AppEventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<AppEventListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // One broken listener (a closed window) must not stop the others from hearing it.
          console.error('Voronka: an event listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
