import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { leadPatchSchema, type LeadPatch } from '../../shared/ipc/schemas.ts';
import { minorToMajorText, parseMajorToMinor } from '../ui/money.ts';

/** How a cell is edited in place; sets, names, stages and computed values are edited in the panel. */
export type InlineEditorKind = 'text' | 'integer' | 'money' | 'date' | 'select';

const EDITORS: Partial<Record<AttributeKey, InlineEditorKind>> = {
  email: 'text',
  phone: 'text',
  companyName: 'text',
  companyDomain: 'text',
  industry: 'text',
  roleTitle: 'text',
  department: 'text',
  persona: 'text',
  country: 'text',
  city: 'text',
  website: 'text',
  source: 'text',
  currency: 'text',
  employeeCount: 'integer',
  monthlyAdSpendUsd: 'integer',
  openJobPostings: 'integer',
  dealValueMinor: 'money',
  expectedCloseOn: 'date',
  roleStartedOn: 'date',
  ownerId: 'select',
  seniority: 'select',
  urgency: 'select',
};

export function inlineEditorFor(key: AttributeKey): InlineEditorKind | null {
  return EDITORS[key] ?? null;
}

/** The text the editor starts with. */
export function editText(lead: Lead, key: AttributeKey): string {
  if (key === 'dealValueMinor') return minorToMajorText(lead.dealValueMinor);
  if (key === 'name') return '';
  const value = lead[key as keyof Lead];
  return value === null || value === undefined ? '' : String(value);
}

export type InlinePatch = { ok: true; patch: LeadPatch } | { ok: false; error: string };

/** "fields.email: That e-mail…" → "That e-mail…". */
export function plainMessage(message: string): string {
  return message.replace(/^(?:fields\.|patch\.)?[A-Za-z]+:\s*/, '');
}

/**
 * The `leads.update` patch for what was typed in a cell (money typed in major units becomes minor
 * units), checked with the schema main uses; an error is a sentence.
 */
export function inlinePatch(key: AttributeKey, text: string): InlinePatch {
  const kind = inlineEditorFor(key);
  if (!kind) return { ok: false, error: 'This column is edited in the lead panel.' };
  const trimmed = text.trim();
  let patch: LeadPatch;
  if (kind === 'integer') {
    const digits = trimmed.replace(/[\s,_']/g, '');
    if (digits !== '' && !/^\d+$/.test(digits)) return { ok: false, error: 'Enter a whole number, such as 250.' };
    patch = { [key]: digits === '' ? null : Number(digits) };
  } else if (kind === 'money') {
    const minor = trimmed === '' ? null : parseMajorToMinor(trimmed);
    if (trimmed !== '' && minor === null) return { ok: false, error: 'Enter an amount such as 12500 or 12500.50.' };
    patch = { dealValueMinor: minor };
  } else if (key === 'ownerId') {
    patch = { ownerId: trimmed === '' ? null : Number(trimmed) };
  } else if (key === 'currency') {
    patch = { currency: trimmed.toUpperCase() };
  } else {
    patch = { [key]: trimmed === '' ? null : trimmed };
  }
  const checked = leadPatchSchema.safeParse(patch);
  if (!checked.success) return { ok: false, error: plainMessage(checked.error.issues[0]?.message ?? 'That value does not fit.') };
  return { ok: true, patch };
}
