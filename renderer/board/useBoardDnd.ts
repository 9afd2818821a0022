import { useEffect, useMemo, useRef } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { findColumnOf, neighbourBelow } from '../state/columns.ts';
import { commitDrop, rollbackCard } from '../state/move-actions.ts';
import { useBoard } from '../state/store.ts';
import { makeAnnouncements, screenReaderInstructions } from './announcements.ts';
import { kanbanCollision, type CollisionMemory } from './collision.ts';
import { moveAcrossColumns, reorderInColumn } from './drop-logic.ts';
import { followReleases, lastRelease, measureDropToSaved } from './drop-timing.ts';

/** Everything the board's DndContext needs: sensors, collision detection, handlers, announcements. */
export function useBoardDnd() {
  const memory = useRef<CollisionMemory>({ lastOverId: null, movedToNewColumn: false });

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so that a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens the card; only Space picks it up.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  useEffect(followReleases, []);

  const collisionDetection = useMemo(() => kanbanCollision(() => useBoard.getState().columns, memory.current), []);
  const accessibility = useMemo(
    () => ({ announcements: makeAnnouncements(useBoard.getState), screenReaderInstructions }),
    [],
  );

  function onDragStart({ active }: DragStartEvent) {
    if (typeof active.id !== 'number') return;
    const { columns } = useBoard.getState();
    const fromStage = findColumnOf(columns, active.id);
    if (fromStage === null) return;
    memory.current = { lastOverId: active.id, movedToNewColumn: false };
    useBoard.setState({ drag: { leadId: active.id, fromStage, beforeLeadId: neighbourBelow(columns, active.id) } });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || typeof active.id !== 'number') return;
    const translated = active.rect.current.translated;
    const placeBelow = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const { columns } = useBoard.getState();
    const next = moveAcrossColumns(columns, active.id, over.id, placeBelow);
    if (next !== columns) {
      memory.current.movedToNewColumn = true;
      requestAnimationFrame(() => {
        memory.current.movedToNewColumn = false;
      });
      useBoard.setState({ columns: next });
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const origin = useBoard.getState().drag;
    useBoard.setState({ drag: null });
    if (!origin) return;
    if (!over) {
      rollbackCard(origin.leadId, origin.fromStage, origin.beforeLeadId);
      return;
    }
    const released = lastRelease();
    useBoard.setState((s) => ({ columns: reorderInColumn(s.columns, origin.leadId, over.id) }));
    void commitDrop(origin).then((saved) => {
      if (saved) measureDropToSaved(released);
    });
  }

  function onDragCancel() {
    const origin = useBoard.getState().drag;
    useBoard.setState({ drag: null });
    if (origin) rollbackCard(origin.leadId, origin.fromStage, origin.beforeLeadId);
  }

  return { sensors, collisionDetection, accessibility, onDragStart, onDragOver, onDragEnd, onDragCancel };
}
