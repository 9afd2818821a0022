import { SENIORITIES, URGENCIES, type LeadFields, type Seniority, type Urgency } from '../../shared/domain/lead.ts';
import { leadPatchSchema, type LeadPatch } from '../../shared/ipc/schemas.ts';
import { minorToMajorText, parseMajorToMinor } from '../ui/money.ts';

/** What the lead form edits: text as typed, and the lists of several values. */
export interface LeadFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  roleTitle: string;
  roleStartedOn: string;
  seniority: string;
  department: string;
  persona: string;
  companyName: string;
  companyDomain: string;
  industry: string;
  employeeCount: string;
  monthlyAdSpendUsd: string;
  openJobPostings: string;
  country: string;
  city: string;
  website: string;
  source: string;
  ownerId: string;
  dealValue: string;
  currency: string;
  expectedCloseOn: string;
  urgency: string;
}

/** The fields holding several values (chips). */
export interface LeadFormLists {
  tags: string[];
  adChannels: string[];
  technologies: string[];
  jobDepartments: string[];
}

export type LeadFormField = keyof LeadFormValues;
export type LeadFormList = keyof LeadFormLists;
export type LeadFormErrors = Partial<Record<LeadFormField | LeadFormList, string>>;

export const FIELD_LABELS: Record<LeadFormField | LeadFormList, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  roleTitle: 'Role / title',
  roleStartedOn: 'In role since',
  seniority: 'Seniority',
  department: 'Department',
  persona: 'Persona',
  companyName: 'Company',
  companyDomain: 'Domain',
  industry: 'Industry',
  employeeCount: 'Employees',
  monthlyAdSpendUsd: 'Ad spend / month (USD)',
  openJobPostings: 'Open job postings',
  country: 'Country',
  city: 'City',
  website: 'Website',
  source: 'Source',
  ownerId: 'Owner',
  dealValue: 'Deal value',
  currency: 'Currency',
  expectedCloseOn: 'Expected close',
  urgency: 'Urgency',
  tags: 'Tags',
  adChannels: 'Ad channels',
  technologies: 'Technologies',
  jobDepartments: 'Hiring in',
};

const num = (value: number | null) => (value === null ? '' : String(value));

export function toFormValues(fields: LeadFields): LeadFormValues {
  return {
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    email: fields.email ?? '',
    phone: fields.phone ?? '',
    roleTitle: fields.roleTitle ?? '',
    roleStartedOn: fields.roleStartedOn ?? '',
    seniority: fields.seniority ?? '',
    department: fields.department ?? '',
    persona: fields.persona ?? '',
    companyName: fields.companyName ?? '',
    companyDomain: fields.companyDomain ?? '',
    industry: fields.industry ?? '',
    employeeCount: num(fields.employeeCount),
    monthlyAdSpendUsd: num(fields.monthlyAdSpendUsd),
    openJobPostings: num(fields.openJobPostings),
    country: fields.country ?? '',
    city: fields.city ?? '',
    website: fields.website ?? '',
    source: fields.source ?? '',
    ownerId: fields.ownerId === null ? '' : String(fields.ownerId),
    dealValue: minorToMajorText(fields.dealValueMinor),
    currency: fields.currency,
    expectedCloseOn: fields.expectedCloseOn ?? '',
    urgency: fields.urgency ?? '',
  };
}

export function toFormLists(fields: LeadFields): LeadFormLists {
  return { tags: [...fields.tags], adChannels: [...fields.adChannels], technologies: [...fields.technologies], jobDepartments: [...fields.jobDepartments] };
}

const EMPTY_LISTS: LeadFormLists = { tags: [], adChannels: [], technologies: [], jobDepartments: [] };

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Schema paths that are named differently in the form. */
const PATH_TO_FIELD: Record<string, LeadFormField> = { dealValueMinor: 'dealValue' };

const WHOLE_NUMBERS = {
  employeeCount: 'Employees is a whole number, such as 250.',
  monthlyAdSpendUsd: 'Ad spend is a whole number of dollars, such as 5000.',
  openJobPostings: 'Open job postings is a whole number, such as 3.',
} as const;

/**
 * Turns the typed values into a patch for `leads.create` / `leads.update`, checked with the
 * same schema main uses. Errors are sentences, keyed by form field.
 */
export function fromFormValues(values: LeadFormValues, lists: LeadFormLists = EMPTY_LISTS): { patch: LeadPatch; errors: LeadFormErrors } {
  const errors: LeadFormErrors = {};

  const whole: Record<keyof typeof WHOLE_NUMBERS, number | null> = { employeeCount: null, monthlyAdSpendUsd: null, openJobPostings: null };
  for (const key of Object.keys(WHOLE_NUMBERS) as (keyof typeof WHOLE_NUMBERS)[]) {
    if (values[key].trim() === '') continue;
    const n = Number(values[key].replace(/[\s,]/g, ''));
    if (Number.isInteger(n) && n >= 0) whole[key] = n;
    else errors[key] = WHOLE_NUMBERS[key];
  }

  let dealValueMinor: number | null = null;
  if (values.dealValue.trim() !== '') {
    dealValueMinor = parseMajorToMinor(values.dealValue);
    if (dealValueMinor === null) errors.dealValue = 'Deal value is an amount such as 12500 or 12500.50.';
  }

  const urgency = (URGENCIES as readonly string[]).includes(values.urgency) ? (values.urgency as Urgency) : null;
  const seniority = (SENIORITIES as readonly string[]).includes(values.seniority) ? (values.seniority as Seniority) : null;
  const patch: LeadPatch = {
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    email: text(values.email),
    phone: text(values.phone),
    roleTitle: text(values.roleTitle),
    roleStartedOn: text(values.roleStartedOn),
    seniority,
    department: text(values.department),
    persona: text(values.persona),
    tags: lists.tags,
    companyName: text(values.companyName),
    companyDomain: text(values.companyDomain),
    industry: text(values.industry),
    employeeCount: whole.employeeCount,
    monthlyAdSpendUsd: whole.monthlyAdSpendUsd,
    adChannels: lists.adChannels,
    technologies: lists.technologies,
    openJobPostings: whole.openJobPostings,
    jobDepartments: lists.jobDepartments,
    country: text(values.country),
    city: text(values.city),
    website: text(values.website),
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
      const field = PATH_TO_FIELD[key] ?? (key in FIELD_LABELS ? (key as LeadFormField | LeadFormList) : null);
      if (field && !errors[field]) errors[field] = issue.message.endsWith('.') ? issue.message : `${FIELD_LABELS[field]}: ${issue.message}`;
    }
  }
  return { patch, errors };
}

/**
 * Main answers invalid input with one message such as "fields.email: That e-mail address does
 * not look right."; when it names a field, show it next to that field (else above the form).
 */
export function fieldOfServerMessage(message: string): { field: LeadFormField | LeadFormList; text: string } | null {
  const match = /^(?:fields\.|patch\.)?([A-Za-z]+):\s*(.*)$/s.exec(message.split('; ')[0] ?? '');
  if (!match) return null;
  const key = match[1]!;
  const field = PATH_TO_FIELD[key] ?? (key in FIELD_LABELS ? (key as LeadFormField | LeadFormList) : null);
  return field ? { field, text: match[2]! } : null;
}
