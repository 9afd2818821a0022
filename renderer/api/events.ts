import type { AppEvent, AppEventListener } from '../../shared/ipc/events.ts';
import { harnessToken } from './index.ts';

/**
 * Main's pushed events (job progress): the preload's onEvent in Electron, server-sent events from
 * the loopback harness in a browser. Returns the unsubscribe function.
 */
export function subscribeToEvents(listener: AppEventListener): () => void {
  if (window.voronka) return window.voronka.onEvent(listener);
  const source = new EventSource(`${window.location.origin}/events?token=${encodeURIComponent(harnessToken ?? '')}`);
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      listener(JSON.parse(message.data) as AppEvent);
    } catch {
      // A malformed event is dropped; the job's final state is still read through its channel.
    }
  };
  return () => source.close();
}
