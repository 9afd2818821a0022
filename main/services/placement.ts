import { generateKeyBetween } from 'fractional-indexing';
import { DomainError } from '../../shared/ipc/result.ts';
import type { LeadRepository } from '../store/repositories/lead-repository.ts';

/**
 * The position key for a card dropped in `stageKey` just above `beforeLeadId` (or at the bottom).
 * The neighbour above is read from the DB, not trusted from the renderer, so a stale board can
 * never produce an out-of-order key; only the moved lead's row is written.
 */
export function positionForDrop(
  leads: LeadRepository,
  stageKey: string,
  beforeLeadId: number | null,
  movingLeadId: number,
): string {
  if (beforeLeadId === null) return generateKeyBetween(leads.lastPosition(stageKey, movingLeadId), null);
  if (beforeLeadId === movingLeadId) throw new DomainError('invalid_input', 'A card cannot be dropped next to itself.');
  const before = leads.get(beforeLeadId);
  if (!before || before.deletedAt !== null || before.stageKey !== stageKey) {
    throw new DomainError('conflict', 'The board changed while you were dragging: the card you dropped next to has moved. Try again.');
  }
  return generateKeyBetween(leads.positionBelow(stageKey, before.position, movingLeadId), before.position);
}
