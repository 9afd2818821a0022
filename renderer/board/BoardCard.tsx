import { memo, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { DraggableSyntheticListeners } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { openLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { CardView, cardLabel } from './CardView.tsx';
import { DRAG_INSTRUCTIONS_ID } from './announcements.ts';

interface BoardCardProps {
  leadId: number;
  stageKey: string;
  /** Its column is the one the seller points at or works in: the card carries dnd-kit's hooks. */
  live: boolean;
}

/**
 * A card that can be dragged with the mouse or the keyboard, and opened with a click or Enter.
 * Only the cards of a live column (see Column) are sortables: every sortable re-renders whenever a
 * drag starts, moves over something new or ends, and 70-odd of them made each drop and the first
 * render of the board slow. The card's element and its own render stay the same either way; the
 * sortable is a child that drives the element (`DragBinding`). Memoized: a column re-rendering
 * leaves the cards it already shows alone.
 */
export const BoardCard = memo(function BoardCard({ leadId, stageKey, live }: BoardCardProps) {
  const lead = useBoard((s) => s.leads[leadId]);
  const label = useMemo(() => (lead ? cardLabel(lead) : ''), [lead]);
  const element = useRef<HTMLDivElement>(null);
  const listeners = useRef<DraggableSyntheticListeners>(undefined);
  if (!lead) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && !useBoard.getState().drag) {
      event.preventDefault();
      openLead(leadId);
      return;
    }
    listeners.current?.onKeyDown?.(event);
  }

  return (
    <>
      <CardView
        ref={element}
        lead={lead}
        role="button"
        tabIndex={0}
        aria-roledescription="draggable lead card"
        aria-describedby={DRAG_INSTRUCTIONS_ID}
        aria-label={label}
        data-testid={`card-${leadId}`}
        onPointerDown={(event: PointerEvent<HTMLDivElement>) => listeners.current?.onPointerDown?.(event)}
        onKeyDown={onKeyDown}
        onClick={() => openLead(leadId)}
      />
      {live && <DragBinding leadId={leadId} stageKey={stageKey} element={element} listeners={listeners} />}
    </>
  );
});

interface DragBindingProps {
  leadId: number;
  stageKey: string;
  element: RefObject<HTMLDivElement | null>;
  listeners: RefObject<DraggableSyntheticListeners>;
}

/**
 * The card as a dnd-kit sortable: registers its element, hands its pointer and key listeners to the
 * card, and moves it (transform, transition, the dashed placeholder while it is dragged) without
 * re-rendering it. Renders nothing.
 */
function DragBinding({ leadId, stageKey, element, listeners }: DragBindingProps) {
  const sortable = useSortable({ id: leadId, data: { type: 'card', stageKey } });
  const { setNodeRef, transform, transition, isDragging } = sortable;

  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    setNodeRef(node);
    listeners.current = sortable.listeners;
    node.style.transform = CSS.Translate.toString(transform) ?? '';
    node.style.transition = transition ?? '';
    node.classList.toggle('card-placeholder', isDragging);
    if (isDragging) node.setAttribute('aria-pressed', 'true');
    else node.removeAttribute('aria-pressed');
  });

  // Back to a plain card when the column is no longer live.
  useLayoutEffect(
    () => () => {
      const node = element.current;
      listeners.current = undefined;
      if (!node) return;
      node.style.transform = '';
      node.style.transition = '';
      node.classList.remove('card-placeholder');
      node.removeAttribute('aria-pressed');
    },
    [element, listeners],
  );

  return null;
}
