import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { leadDisplayName } from '../../shared/domain/lead.ts';
import type { BoardState } from '../state/store.ts';
import { containerOf } from './drop-logic.ts';

/**
 * The id of the hidden text dnd-kit reads out as the instructions: the board's DndContext takes it
 * as its own id (dnd-kit then uses it for that text), and every card refers to it, plain or sortable.
 */
export const DRAG_INSTRUCTIONS_ID = 'board-drag-instructions';

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this lead, press Space to pick it up. Use the Left and Right arrow keys to move it to another stage, ' +
    'and the Up and Down arrow keys to change its place in the column. Press Space again to drop it, or Escape to cancel. ' +
    'Press Enter to open the lead.',
};

/** Spoken updates while a card is dragged, e.g. "Picked up lead Anna Petrova from MQL." */
export function makeAnnouncements(get: () => BoardState): Announcements {
  // Our drag handlers run before these, so the origin is remembered here when the drag starts.
  let origin = 'its stage';
  // dnd-kit reports the card over itself right after the pick-up; that must not drown "Picked up".
  let justPickedUp = false;
  const name = (id: UniqueIdentifier) => {
    const lead = typeof id === 'number' ? get().leads[id] : undefined;
    return lead ? leadDisplayName(lead) : 'lead';
  };
  const stageName = (key: string | null) => get().stages.find((s) => s.key === key)?.name ?? 'no stage';
  /** Where the card is now: its stage and 1-based place in that column. */
  const place = (activeId: UniqueIdentifier, overId: UniqueIdentifier) => {
    const { columns } = get();
    const activeStage = containerOf(columns, activeId);
    const ids = activeStage ? (columns[activeStage]?.ids ?? []) : [];
    // Inside its own column the card only looks moved (sortable); it takes the place of the card it is over.
    const overIndex = typeof overId === 'number' ? ids.indexOf(overId) : -1;
    const index = overIndex !== -1 ? overIndex : ids.indexOf(activeId as number);
    return { stage: stageName(activeStage), position: index + 1 };
  };

  return {
    onDragStart({ active }) {
      origin = stageName(get().drag?.fromStage ?? containerOf(get().columns, active.id));
      justPickedUp = true;
      return `Picked up lead ${name(active.id)} from ${origin}.`;
    },
    onDragOver({ active, over }) {
      const first = justPickedUp;
      justPickedUp = false;
      if (first && over?.id === active.id) return undefined;
      if (!over) return `Lead ${name(active.id)} is no longer over a stage.`;
      const { stage, position } = place(active.id, over.id);
      return `Lead ${name(active.id)} moved to ${stage}, position ${position}.`;
    },
    onDragEnd({ active, over }) {
      if (!over) return `Lead ${name(active.id)} dropped outside the board. It stays in ${origin}.`;
      const { stage, position } = place(active.id, active.id);
      return `Lead ${name(active.id)} dropped in ${stage}, position ${position}.`;
    },
    onDragCancel({ active }) {
      return `Moving lead ${name(active.id)} was cancelled. It is back in ${origin}.`;
    },
  };
}
