/**
 * Cell text → typed values, for the import. Each parser takes the trimmed, non-empty text of a
 * cell and returns the value or what is wrong with it, worded to follow the quoted value. Nothing is guessed: "03/04/2026"
 * could be March or April, so it is refused with the forms that are read.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/** Spaces used as thousands separators: plain, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009]/g;

/** A whole number: "1 200", "1,200" (groups of three) and "1200" are the same; "12.5" is not whole. */
export function parseWholeNumber(text: string): Parsed<number> {
  let digits = text.replace(GROUP_SPACES, '');
  if (/^\d{1,3}(,\d{3})+$/.test(digits)) digits = digits.replaceAll(',', '');
  if (!/^\d+$/.test(digits)) return no('is not a whole number');
  const value = Number(digits);
  return Number.isSafeInteger(value) ? ok(value) : no('is too large');
}

/**
 * An amount in major units to minor units (×100, exactly, with no floating point): "12 500,50",
 * "12500.50", "12,500.50", "$12,500", "12 500 ₽". More than two decimals is refused.
 */
export function parseMoney(text: string): Parsed<number> {
  let t = text.replace(GROUP_SPACES, '').replace(/^[$€£₽]|[$€£₽]$|(руб\.?|р\.)$/giu, '');
  if (t.startsWith('-')) return no('is negative: a deal value cannot be');
  const bothSeparators = t.includes(',') && t.includes('.');
  if (bothSeparators) t = t.lastIndexOf('.') > t.lastIndexOf(',') ? t.replaceAll(',', '') : t.replaceAll('.', '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+$/.test(t)) t = t.replaceAll(',', '');
  else t = t.replace(',', '.');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!match) return no('is not an amount like 12500 or 12 500,50');
  const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? ok(minor) : no('is too large');
}

/** A calendar date: 2026-03-31, 31.03.2026, or the date of an ISO timestamp. */
export function parseDate(text: string): Parsed<string> {
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) iso = `${ru[3]}-${ru[2]!.padStart(2, '0')}-${ru[1]!.padStart(2, '0')}`;
  if (iso === null || !isRealDate(iso)) return no('is not a date like 2026-03-31 or 31.03.2026');
  return ok(iso);
}

/**
 * A moment: ISO 8601 with a zone (what our export writes), a date-time without one or a bare date
 * (read as UTC), or 31.03.2026 [14:30[:00]] (UTC).
 */
export function parseTimestamp(text: string): Parsed<number> {
  if (isCanonicalIso(text)) {
    // What our export writes (Date.toISOString): read without the regular expressions below.
    const ms = Date.parse(text);
    if (isRealDate(text) && !Number.isNaN(ms)) return ok(ms);
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(text);
  let date: string;
  let time: string;
  let zone: string;
  if (iso) {
    date = iso[1]!;
    time = iso[2] ?? '00:00';
    zone = iso[3] ?? 'Z';
  } else if (ru) {
    date = `${ru[3]}-${ru[2]!.padStart(2, '0')}-${ru[1]!.padStart(2, '0')}`;
    time = (ru[4] ?? '00:00').padStart(5, '0');
    zone = 'Z';
  } else {
    return no('is not a date and time like 2026-03-31T14:30:00Z or 31.03.2026 14:30');
  }
  if (!isRealDate(date)) return no('is a day that does not exist');
  if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${date}T${time}${zone}`);
  return Number.isNaN(ms) ? no('is not a date and time like 2026-03-31T14:30:00Z') : ok(ms);
}

/** YYYY-MM-DDTHH:MM:SS.sssZ, digits where digits go: the form Date.toISOString writes. */
function isCanonicalIso(text: string): boolean {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return false;
  for (let i = 0; i < 23; i++) {
    const code = text.charCodeAt(i);
    const expected = CANONICAL_ISO_SEPARATORS[i];
    if (expected === undefined ? code < 48 || code > 57 : code !== expected) return false;
  }
  return true;
}
const CANONICAL_ISO_SEPARATORS: (number | undefined)[] = [];
for (const [index, char] of [[4, '-'], [7, '-'], [10, 'T'], [13, ':'], [16, ':'], [19, '.']] as const) CANONICAL_ISO_SEPARATORS[index] = char.charCodeAt(0);

/** Whether YYYY-MM-DD names a day of the calendar (no 30 February). Arithmetic: it runs for every date cell. */
function isRealDate(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** "a; b; c" → ['a', 'b', 'c']: our export's separator (line breaks split too); blanks and repeats dropped. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[;\r\n]+/).map((part) => part.trim()).filter(Boolean))];
}

/** "Anna Maria Petrova" → first "Anna", last "Maria Petrova"; one word is a first name. */
export function splitName(text: string): { firstName: string | null; lastName: string | null } {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0]!, lastName: words.length > 1 ? words.slice(1).join(' ') : null };
}

/** "Петрова Анна Сергеевна" → last "Петрова", first "Анна Сергеевна" (the patronymic stays with the first name). */
export function splitNameLastFirst(text: string): { firstName: string | null; lastName: string | null } {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: null, lastName: words[0]! };
  return { firstName: words.slice(1).join(' '), lastName: words[0]! };
}

/** "https://www.Acme.com/about" or "acme.com" → "acme.com". */
export function domainOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
}

/** A website without a scheme gets https://, so that "acme.com" is a link like any other. */
export function websiteOf(text: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}

/** Keys and their common spellings, normalized: "C-level" → c_level, "высокая" → high. */
export function enumValue<T extends string>(text: string, values: readonly T[], synonyms: Record<string, T> = {}): T | null {
  const key = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((values as readonly string[]).includes(key)) return key as T;
  return synonyms[key] ?? null;
}

export const SENIORITY_SYNONYMS = {
  junior: 'entry', entry_level: 'entry', specialist: 'entry', head: 'director', vice_president: 'vp', clevel: 'c_level',
  c_suite: 'c_level', founder: 'owner', co_founder: 'owner', 'руководитель': 'director', 'менеджер': 'manager', 'директор': 'director', 'владелец': 'owner',
} as const;

export const URGENCY_SYNONYMS = {
  'низкая': 'low', 'средняя': 'medium', 'высокая': 'high', 'низкий': 'low', 'средний': 'medium', 'высокий': 'high', normal: 'medium',
} as const;

const CURRENCY_SYMBOLS: Record<string, string> = { '$': 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', 'руб': 'RUB', 'руб.': 'RUB', 'р.': 'RUB', rur: 'RUB' };

export function currencyOf(text: string): Parsed<string> {
  const code = CURRENCY_SYMBOLS[text.toLowerCase()] ?? text.toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? ok(code) : no('is not a three-letter currency code such as USD or RUB');
}
