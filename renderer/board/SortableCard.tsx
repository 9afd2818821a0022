import { memo, useMemo, type KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { openLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { CardView, cardLabel } from './CardView.tsx';

/**
 * A card that can be dragged with the mouse or the keyboard, and opened with a click or Enter.
 * Memoized: a column re-rendering (a page arriving, a drag starting) leaves the cards it already shows alone.
 */
export const SortableCard = memo(function SortableCard({ leadId, stageKey }: { leadId: number; stageKey: string }) {
  const lead = useBoard((s) => s.leads[leadId]);
  const label = useMemo(() => (lead ? cardLabel(lead) : ''), [lead]);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: leadId,
    data: { type: 'card', stageKey },
  });
  if (!lead) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && !useBoard.getState().drag) {
      event.preventDefault();
      openLead(leadId);
      return;
    }
    listeners?.onKeyDown?.(event);
  }

  return (
    <CardView
      ref={setNodeRef}
      lead={lead}
      dragging={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable lead card"
      aria-label={label}
      data-testid={`card-${leadId}`}
      onKeyDown={onKeyDown}
      onClick={() => openLead(leadId)}
    />
  );
});
