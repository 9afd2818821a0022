/**
 * Drop-to-saved as the seller lives it: from letting go of a card (the pointerup's or key press's
 * own timestamp, so time the event waited behind other work counts) to the moment main's answer to
 * `leads.move` is applied and rendered. Recorded as a performance measure, for the bench and for
 * DevTools' Timings track.
 */
export const DROP_TO_SAVED = 'card-drop-to-saved';

let releasedAt = 0;

function remember(event: Event): void {
  releasedAt = event.timeStamp;
}

/** Follows the releases (pointerup, and the key that drops a keyboard drag); returns the unsubscribe. */
export function followReleases(): () => void {
  window.addEventListener('pointerup', remember, true);
  window.addEventListener('keydown', remember, true);
  return () => {
    window.removeEventListener('pointerup', remember, true);
    window.removeEventListener('keydown', remember, true);
  };
}

/** The release that ended the drag now ending, to hand to `measureDropToSaved` once the move is saved. */
export function lastRelease(): number {
  return releasedAt;
}

export function measureDropToSaved(released: number): void {
  performance.measure(DROP_TO_SAVED, { start: released, end: performance.now() });
}
