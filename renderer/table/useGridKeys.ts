import { useCallback, useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

export interface GridPos {
  row: number;
  col: number;
}

/** Where an arrow, Home/End or Page key moves the focused cell; null for other keys. */
export function nextPosition(pos: GridPos, key: string, ctrl: boolean, rows: number, cols: number, page = 10): GridPos | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (key) {
    case 'ArrowDown':
      return { ...pos, row: clampRow(pos.row + 1) };
    case 'ArrowUp':
      return { ...pos, row: clampRow(pos.row - 1) };
    case 'ArrowRight':
      return { ...pos, col: clampCol(pos.col + 1) };
    case 'ArrowLeft':
      return { ...pos, col: clampCol(pos.col - 1) };
    case 'PageDown':
      return { ...pos, row: clampRow(pos.row + page) };
    case 'PageUp':
      return { ...pos, row: clampRow(pos.row - page) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { ...pos, col: 0 };
    case 'End':
      return ctrl ? { row: clampRow(rows - 1), col: clampCol(cols - 1) } : { ...pos, col: clampCol(cols - 1) };
    default:
      return null;
  }
}

/**
 * Roving focus in the table: one cell is in the Tab order; arrows, Page and Home/End keys move it
 * (scrolling the row into view), and the cell takes the focus once it is rendered.
 */
export function useGridKeys(gridRef: RefObject<HTMLElement | null>, rows: number, cols: number, scrollToRow: (row: number) => void) {
  const [active, setActive] = useState<GridPos>({ row: 0, col: 1 });
  const [wantsFocus, setWantsFocus] = useState(false);

  useEffect(() => {
    if (!wantsFocus) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`);
    if (!cell) return;
    const target = cell.querySelector<HTMLElement>('input[type="checkbox"]') ?? cell;
    target.focus({ preventScroll: true });
    setWantsFocus(false);
  });

  const moveTo = useCallback(
    (pos: GridPos, focus = true) => {
      setActive(pos);
      if (focus) {
        scrollToRow(pos.row);
        setWantsFocus(true);
      }
    },
    [scrollToRow],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      const next = nextPosition(active, event.key, event.ctrlKey || event.metaKey, rows, cols);
      if (!next) return false;
      event.preventDefault();
      moveTo(next);
      return true;
    },
    [active, rows, cols, moveTo],
  );

  return { active: { row: Math.min(active.row, Math.max(0, rows - 1)), col: Math.min(active.col, Math.max(0, cols - 1)) }, moveTo, onKeyDown, focusActive: () => setWantsFocus(true) };
}
