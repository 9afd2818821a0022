const DAY_MS = 86_400_000;

/** Made on first use: a date formatter loads the time zone data, which the board never needs. */
function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | null = null;
  return () => (format ??= new Intl.DateTimeFormat('en-GB', options));
}

const dateTime = lazyFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = lazyFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 Mar 2026 14:05" in local time. */
export function formatDateTime(epochMs: number): string {
  const parts = Object.fromEntries(dateTime().formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "31 Mar 2026" for an ISO date (YYYY-MM-DD); the text itself when it is not one. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return dateOnly().format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** Whole days since `sinceMs` (0 on the first day). */
export function daysSince(sinceMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - sinceMs) / DAY_MS));
}

/** "3 d in stage". */
export function daysInStageLabel(stageEnteredAt: number, nowMs: number): string {
  return `${daysSince(stageEnteredAt, nowMs)} d in stage`;
}

/** "just now", "5 min ago", "3 h ago", "3 d ago", "2 mo ago", "1 y ago"; "in 3 d" for a future moment. */
export function relativeTime(epochMs: number, nowMs: number): string {
  const diff = nowMs - epochMs;
  const future = diff < 0;
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  let text: string;
  if (minutes < 1) return 'just now';
  if (minutes < 60) text = `${minutes} min`;
  else if (minutes < 24 * 60) text = `${Math.floor(minutes / 60)} h`;
  else {
    const days = Math.floor(abs / DAY_MS);
    if (days < 45) text = `${days} d`;
    else if (days < 365) text = `${Math.floor(days / 30.44)} mo`;
    else text = `${Math.floor(days / 365.25)} y`;
  }
  return future ? `in ${text}` : `${text} ago`;
}

/** Whole months between an ISO date and now: the time a contact has been in their role. */
export function monthsSince(iso: string, nowMs: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const now = new Date(nowMs);
  const months = (now.getUTCFullYear() - Number(match[1])) * 12 + (now.getUTCMonth() + 1 - Number(match[2]));
  return Math.max(0, now.getUTCDate() < Number(match[3]) ? months - 1 : months);
}
