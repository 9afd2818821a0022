import type { Lead } from '../../shared/domain/lead.ts';

/**
 * Tells the other views that leads changed: the panel saves a lead the table shows, a bulk action
 * changes rows the board holds. 'saved' carries the new lead; 'changed' means "re-read".
 */
export type LeadEvent = { kind: 'saved'; lead: Lead } | { kind: 'removed'; id: number } | { kind: 'changed' };

type Listener = (event: LeadEvent) => void;
const listeners = new Set<Listener>();

export function onLeadEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitLeadEvent(event: LeadEvent): void {
  for (const listener of listeners) listener(event);
}
