import { useEffect, useMemo } from 'react';
import { DndContext, DragOverlay, MeasuringStrategy, useDndContext } from '@dnd-kit/core';
import { stagesByFunnel } from '../../shared/domain/stage.ts';
import { ensureCardsForFilter } from '../state/board-actions.ts';
import { useBoard } from '../state/store.ts';
import { DRAG_INSTRUCTIONS_ID } from './announcements.ts';
import { CardView } from './CardView.tsx';
import { FunnelGroup } from './FunnelGroup.tsx';
import { useBoardDnd } from './useBoardDnd.ts';
import './board.css';

const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };
/** Scroll the board or a column only when the pointer is close to its edge (dnd-kit's default is 20% of it). */
const AUTO_SCROLL = { threshold: { x: 0.05, y: 0.1 }, acceleration: 12 };

/** The kanban board: marketing and sales columns side by side, cards dragged between them. */
export function Board() {
  const stages = useBoard((s) => s.stages);
  const groups = useMemo(() => stagesByFunnel(stages).filter((g) => g.stages.length > 0), [stages]);
  const dnd = useBoardDnd();

  // Shown again after the table: re-read the cards when the filter changed meanwhile.
  useEffect(() => {
    void ensureCardsForFilter();
  }, []);

  return (
    <DndContext
      id={DRAG_INSTRUCTIONS_ID}
      sensors={dnd.sensors}
      collisionDetection={dnd.collisionDetection}
      measuring={MEASURING}
      autoScroll={AUTO_SCROLL}
      accessibility={dnd.accessibility}
      onDragStart={dnd.onDragStart}
      onDragOver={dnd.onDragOver}
      onDragEnd={dnd.onDragEnd}
      onDragCancel={dnd.onDragCancel}
    >
      <div className="board" data-testid="board">
        {groups.map((group) => (
          <FunnelGroup key={group.funnel} funnel={group.funnel} name={group.name} stages={group.stages} />
        ))}
      </div>
      <DraggedCard />
    </DndContext>
  );
}

/**
 * The copy of the dragged card that follows the pointer. It reads the dragged card from dnd-kit
 * itself: a drag starting or ending re-renders this overlay only, not the Board around the columns.
 */
function DraggedCard() {
  const { active } = useDndContext();
  const lead = useBoard((s) => (typeof active?.id === 'number' ? s.leads[active.id] : undefined));
  // No drop animation: the card is in its new place the moment it is let go, not 250 ms of frames later.
  return (
    <DragOverlay zIndex={45} dropAnimation={null}>
      {lead ? <CardView lead={lead} overlay /> : null}
    </DragOverlay>
  );
}
