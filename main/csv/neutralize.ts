/**
 * Formula-injection guard for CSV cells (OWASP "CSV injection").
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, so
 * such a text cell is written with a leading apostrophe, which every spreadsheet shows as text.
 *
 * Two refinements keep the data honest:
 * - A value made only of a sign, digits, spaces and `( ) - .` (a phone number such as
 *   `+7 915 123-45-67`, or `-5` typed into a text field) is left alone: with no letters it can
 *   neither call a function nor reference a cell, and a seller must be able to read it.
 * - The rule must be undoable exactly, including for a real value that already starts with
 *   `'=`. So the apostrophe is also added in front of any run of leading apostrophes followed by
 *   a trigger (`'=x` is written `''=x`). The decision depends only on what follows the leading
 *   apostrophes, which makes `restoreCell(neutralizeCell(v)) === v` for every string v.
 *
 * Numbers written from numeric columns never pass through here: a negative number is a number
 * cell, not a formula.
 */

const APOSTROPHE = 39; // '
const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;
const TAB = 9;
const CR = 13;

/** Sign, then digits, spaces, parentheses, dashes and dots, with at least one digit. */
const INERT_NUMBER_LIKE = /^[+-][\d ().-]*\d[\d ().-]*$/;

function isTrigger(code: number): boolean {
  return code === EQUALS || code === PLUS || code === MINUS || code === AT || code === TAB || code === CR;
}

/** Whether `value` (after its leading apostrophes) would be taken for a formula. */
function needsGuard(value: string): boolean {
  let start = 0;
  while (value.charCodeAt(start) === APOSTROPHE) start++;
  const first = value.charCodeAt(start);
  if (!isTrigger(first)) return false;
  if (first === PLUS || first === MINUS) {
    return !INERT_NUMBER_LIKE.test(start === 0 ? value : value.slice(start));
  }
  return true;
}

/** The text to write for a string cell: prefixed with `'` when a spreadsheet could run it. */
export function neutralizeCell(value: string): string {
  // Fast path: nearly every cell starts with a letter or a digit.
  const first = value.charCodeAt(0);
  if (first !== APOSTROPHE && !isTrigger(first)) return value;
  return needsGuard(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell` exactly: drops the one apostrophe that it added, nothing else. */
export function restoreCell(value: string): string {
  if (value.charCodeAt(0) !== APOSTROPHE) return value;
  return needsGuard(value.slice(1)) ? value.slice(1) : value;
}
