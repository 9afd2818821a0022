import { useEffect } from 'react';
import { useBoard } from '../state/store.ts';
import { undoLast } from '../state/undo-actions.ts';

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** True when the key press belongs to a text field (its own undo must keep working). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A ticked row checkbox has no undo of its own: Ctrl+Z there undoes the last action.
  if (target instanceof HTMLInputElement) return !NOT_TYPING.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Ctrl+Z / Cmd+Z undoes the last board action, except while typing, dragging or in the move form. */
export function useUndoShortcut(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'z' && event.code !== 'KeyZ') return;
      if (isTypingTarget(event.target)) return;
      const { drag, moveForm } = useBoard.getState();
      if (drag || moveForm) return;
      event.preventDefault();
      void undoLast();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
