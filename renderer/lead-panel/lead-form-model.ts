import { URGENCIES, type LeadFields, type Urgency } from '../../shared/domain/lead.ts';
import { leadPatchSchema, type LeadPatch } from '../../shared/ipc/schemas.ts';
import { minorToMajorText, parseMajorToMinor } from '../ui/money.ts';

/** What the lead form edits: text as typed. */
export interface LeadFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  roleTitle: string;
  roleStartedOn: string;
  companyName: string;
  companyDomain: string;
  industry: string;
  employeeCount: string;
  source: string;
  ownerId: string;
  dealValue: string;
  currency: string;
  expectedCloseOn: string;
  urgency: string;
}

export type LeadFormField = keyof LeadFormValues;
export type LeadFormErrors = Partial<Record<LeadFormField, string>>;

export const FIELD_LABELS: Record<LeadFormField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  roleTitle: 'Role / title',
  roleStartedOn: 'In role since',
  companyName: 'Company',
  companyDomain: 'Domain',
  industry: 'Industry',
  employeeCount: 'Employees',
  source: 'Source',
  ownerId: 'Owner',
  dealValue: 'Deal value',
  currency: 'Currency',
  expectedCloseOn: 'Expected close',
  urgency: 'Urgency',
};

export function toFormValues(fields: LeadFields): LeadFormValues {
  return {
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    email: fields.email ?? '',
    phone: fields.phone ?? '',
    roleTitle: fields.roleTitle ?? '',
    roleStartedOn: fields.roleStartedOn ?? '',
    companyName: fields.companyName ?? '',
    companyDomain: fields.companyDomain ?? '',
    industry: fields.industry ?? '',
    employeeCount: fields.employeeCount === null ? '' : String(fields.employeeCount),
    source: fields.source ?? '',
    ownerId: fields.ownerId === null ? '' : String(fields.ownerId),
    dealValue: minorToMajorText(fields.dealValueMinor),
    currency: fields.currency,
    expectedCloseOn: fields.expectedCloseOn ?? '',
    urgency: fields.urgency ?? '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Schema paths that are named differently in the form. */
const PATH_TO_FIELD: Record<string, LeadFormField> = { dealValueMinor: 'dealValue' };

/**
 * Turns the typed values into a patch for `leads.create` / `leads.update`, checked with the
 * same schema main uses. Errors are sentences, keyed by form field.
 */
export function fromFormValues(values: LeadFormValues): { patch: LeadPatch; errors: LeadFormErrors } {
  const errors: LeadFormErrors = {};

  let employeeCount: number | null = null;
  if (values.employeeCount.trim() !== '') {
    const n = Number(values.employeeCount.replace(/[\s,]/g, ''));
    if (Number.isInteger(n) && n >= 0) employeeCount = n;
    else errors.employeeCount = 'Employees is a whole number, such as 250.';
  }

  let dealValueMinor: number | null = null;
  if (values.dealValue.trim() !== '') {
    dealValueMinor = parseMajorToMinor(values.dealValue);
    if (dealValueMinor === null) errors.dealValue = 'Deal value is an amount such as 12500 or 12500.50.';
  }

  const urgency = (URGENCIES as readonly string[]).includes(values.urgency) ? (values.urgency as Urgency) : null;
  const patch: LeadPatch = {
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    email: text(values.email),
    phone: text(values.phone),
    roleTitle: text(values.roleTitle),
    roleStartedOn: text(values.roleStartedOn),
    companyName: text(values.companyName),
    companyDomain: text(values.companyDomain),
    industry: text(values.industry),
    employeeCount,
    source: text(values.source),
    ownerId: values.ownerId ? Number(values.ownerId) : null,
    dealValueMinor,
    currency: values.currency.trim().toUpperCase() || 'USD',
    expectedCloseOn: text(values.expectedCloseOn),
    urgency,
  };

  const checked = leadPatchSchema.safeParse(patch);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = PATH_TO_FIELD[key] ?? (key in FIELD_LABELS ? (key as LeadFormField) : null);
      if (field && !errors[field]) errors[field] = issue.message.endsWith('.') ? issue.message : `${FIELD_LABELS[field]}: ${issue.message}`;
    }
  }
  return { patch, errors };
}

/**
 * Main answers invalid input with one message such as "fields.email: That e-mail address does
 * not look right."; when it names a field, show it next to that field (else above the form).
 */
export function fieldOfServerMessage(message: string): { field: LeadFormField; text: string } | null {
  const match = /^(?:fields\.|patch\.)?([A-Za-z]+):\s*(.*)$/s.exec(message.split('; ')[0] ?? '');
  if (!match) return null;
  const key = match[1]!;
  const field = PATH_TO_FIELD[key] ?? (key in FIELD_LABELS ? (key as LeadFormField) : null);
  return field ? { field, text: match[2]! } : null;
}
