import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { ViewColumn } from '../../shared/domain/views.ts';

/** Shows a hidden column (at the end) or hides a shown one; the last column cannot be hidden. */
export function toggleColumn(columns: readonly ViewColumn[], key: AttributeKey): ViewColumn[] {
  if (columns.some((c) => c.key === key)) {
    return columns.length > 1 ? columns.filter((c) => c.key !== key) : [...columns];
  }
  return [...columns, { key, width: null }];
}

/** Moves a column one place left (-1) or right (+1). */
export function moveColumn(columns: readonly ViewColumn[], key: AttributeKey, delta: -1 | 1): ViewColumn[] {
  const from = columns.findIndex((c) => c.key === key);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= columns.length) return [...columns];
  const next = [...columns];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** A header dragged onto another: it takes that one's place. */
export function reorderColumn(columns: readonly ViewColumn[], activeKey: string, overKey: string): ViewColumn[] {
  const from = columns.findIndex((c) => c.key === activeKey);
  const to = columns.findIndex((c) => c.key === overKey);
  if (from === -1 || to === -1 || from === to) return [...columns];
  const next = [...columns];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Widths from react-table's sizing state (pixels, rounded, within what a view accepts); absent → default. */
export function withWidths(columns: readonly ViewColumn[], sizing: Record<string, number>): ViewColumn[] {
  return columns.map((c) => {
    const size = sizing[c.key];
    return { ...c, width: size === undefined ? null : Math.min(2000, Math.max(40, Math.round(size))) };
  });
}

/** react-table's sizing state from a view's columns. */
export function sizingOf(columns: readonly ViewColumn[]): Record<string, number> {
  return Object.fromEntries(columns.filter((c) => c.width !== null).map((c) => [c.key, c.width!]));
}
