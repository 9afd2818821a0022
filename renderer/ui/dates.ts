const DAY_MS = 86_400_000;

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 Mar 2026 14:05" in local time. */
export function formatDateTime(epochMs: number): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "31 Mar 2026" for an ISO date (YYYY-MM-DD); the text itself when it is not one. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return dateOnly.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** Whole days since `sinceMs` (0 on the first day). */
export function daysSince(sinceMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - sinceMs) / DAY_MS));
}

/** "3 d in stage". */
export function daysInStageLabel(stageEnteredAt: number, nowMs: number): string {
  return `${daysSince(stageEnteredAt, nowMs)} d in stage`;
}
