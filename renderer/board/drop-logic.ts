import type { UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { EMPTY_COLUMN, findColumnOf, placeCard, type Columns } from '../state/columns.ts';

/** Droppable ids: cards use the lead id (a number), columns this prefix and the stage key. */
const COLUMN_PREFIX = 'column:';

export function columnDroppableId(stageKey: string): string {
  return `${COLUMN_PREFIX}${stageKey}`;
}

export function stageOfColumnId(id: UniqueIdentifier): string | null {
  return typeof id === 'string' && id.startsWith(COLUMN_PREFIX) ? id.slice(COLUMN_PREFIX.length) : null;
}

/** The column a droppable id belongs to: the column itself, or the column holding that card. */
export function containerOf(columns: Columns, id: UniqueIdentifier): string | null {
  const stageKey = stageOfColumnId(id);
  if (stageKey !== null) return columns[stageKey] ? stageKey : null;
  return typeof id === 'number' ? findColumnOf(columns, id) : null;
}

/**
 * While dragging over another column: the card joins it above the card under the pointer
 * (or below it when the dragged card's middle is past that card's middle), or at the end
 * when hovering the column itself. Returns the columns unchanged when nothing moves.
 */
export function moveAcrossColumns(
  columns: Columns,
  activeId: number,
  overId: UniqueIdentifier,
  placeBelowOver: boolean,
): Columns {
  const from = findColumnOf(columns, activeId);
  const to = containerOf(columns, overId);
  if (from === null || to === null || from === to) return columns;
  if (stageOfColumnId(overId) !== null || typeof overId !== 'number') return placeCard(columns, activeId, to, null);
  const ids = columns[to]?.ids ?? [];
  const overIndex = ids.indexOf(overId);
  const before = placeBelowOver ? (ids[overIndex + 1] ?? null) : overId;
  return placeCard(columns, activeId, to, before);
}

/** On drop inside one column: the dragged card takes the place of the card it is over. */
export function reorderInColumn(columns: Columns, activeId: number, overId: UniqueIdentifier): Columns {
  if (typeof overId !== 'number' || overId === activeId) return columns;
  const stageKey = findColumnOf(columns, activeId);
  if (stageKey === null || findColumnOf(columns, overId) !== stageKey) return columns;
  const column = columns[stageKey] ?? EMPTY_COLUMN;
  const from = column.ids.indexOf(activeId);
  const to = column.ids.indexOf(overId);
  return { ...columns, [stageKey]: { ...column, ids: arrayMove(column.ids, from, to) } };
}

/** What `leads.move` wants: the card the dropped one now sits just above, or null at the bottom. */
export function beforeLeadIdAfterDrop(ids: readonly number[], leadId: number): number | null {
  const index = ids.indexOf(leadId);
  if (index === -1) return null;
  return ids[index + 1] ?? null;
}
