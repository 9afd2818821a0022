import type { ColumnMapping, CsvFileDelimiter, CsvFileEncoding, DuplicatePolicy, ImportCounts, ImportField, ImportStatus, PreviewLead, RowAction } from '../../shared/domain/csv-transfer.ts';
import { leadDisplayName } from '../../shared/domain/lead.ts';
import { formatDateTime, formatIsoDate } from '../ui/dates.ts';
import { formatMoney } from '../ui/money.ts';
import { formatCount, plural, ROWS } from '../ui/numbers.ts';
import { fieldLabel } from './mapping-model.ts';

export const ENCODING_LABELS: Record<CsvFileEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251 (Cyrillic, older Excel)',
  'utf-16le': 'UTF-16 LE (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 BE',
};

export const DELIMITER_LABELS: Record<CsvFileDelimiter, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Vertical bar (|)',
};

export const ACTION_LABELS: Record<RowAction, string> = {
  create: 'New',
  update: 'Update',
  skip: 'Skip',
  reject: 'Rejected',
};

export const STATUS_LABELS: Record<ImportStatus, string> = {
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
  undone: 'Undone',
};

export const POLICY_CHOICES: readonly { policy: DuplicatePolicy; title: string; hint: string }[] = [
  { policy: 'skip', title: 'Skip them', hint: 'The leads already in Voronka stay as they are.' },
  { policy: 'update', title: 'Update the leads', hint: 'Fill in and overwrite their fields with the file’s values; undo puts the old values back.' },
  { policy: 'create', title: 'Create new leads anyway', hint: 'You will have two leads with the same e-mail.' },
];

/** Fields the preview does not carry a value of. */
const NOT_PREVIEWED = new Set<ImportField>(['stageEnteredAt', 'updatedAt', 'lastActivityAt']);

/** The fields with a column of their own in the preview table; the rest go to "More". */
const OWN_COLUMN = new Set<ImportField>(['firstName', 'lastName', 'fullName', 'fullNameLastFirst', 'email', 'phone', 'companyName', 'roleTitle', 'stage', 'owner']);

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  return String(value);
}

/** One field of a lead as it will be stored, in words; null when empty. */
export function storedValue(lead: PreviewLead, field: ImportField): string | null {
  switch (field) {
    case 'firstName':
    case 'lastName':
    case 'fullName':
    case 'fullNameLastFirst':
      return leadDisplayName(lead);
    case 'dealValue':
      return lead.dealValueMinor === null ? null : formatMoney(lead.dealValueMinor, lead.currency);
    case 'owner':
      return lead.ownerName;
    case 'stage':
      return lead.stageKey;
    case 'createdAt':
      return lead.createdAt === null ? null : formatDateTime(lead.createdAt);
    case 'roleStartedOn':
    case 'expectedCloseOn': {
      const iso = lead[field];
      return iso ? formatIsoDate(iso) : null;
    }
    case 'stageEnteredAt':
    case 'updatedAt':
    case 'lastActivityAt':
      // Moments the preview does not carry: stored as the file says.
      return null;
    case 'monthlyAdSpendUsd':
      return lead.monthlyAdSpendUsd === null ? null : `$${formatCount(lead.monthlyAdSpendUsd)}`;
    default:
      return text(lead[field as keyof PreviewLead]);
  }
}

/** Some mapped field has no column of its own: the preview table adds "More". */
export function hasOtherFields(columns: ColumnMapping): boolean {
  return columns.some((field) => field !== null && !OWN_COLUMN.has(field) && !NOT_PREVIEWED.has(field));
}

/** "Industry: Banking · Source: Webinar": the mapped fields without a column of their own. */
export function otherDetails(lead: PreviewLead, columns: ColumnMapping): string {
  const parts: string[] = [];
  for (const field of columns) {
    if (field === null || OWN_COLUMN.has(field)) continue;
    const value = storedValue(lead, field);
    if (value !== null) parts.push(`${fieldLabel(field).replace(/ \(.*\)$/, '')}: ${value}`);
  }
  return parts.join(' · ');
}

/** The fields the preview table gives a column, in order, when mapped. */
export function previewColumns(columns: ColumnMapping): { key: 'name' | ImportField; label: string }[] {
  const has = (field: ImportField) => columns.includes(field);
  const list: { key: 'name' | ImportField; label: string }[] = [];
  if (has('firstName') || has('lastName') || has('fullName') || has('fullNameLastFirst') || has('email')) list.push({ key: 'name', label: 'Name' });
  for (const [field, label] of [
    ['email', 'E-mail'],
    ['phone', 'Phone'],
    ['companyName', 'Company'],
    ['roleTitle', 'Role'],
  ] as const) {
    if (has(field)) list.push({ key: field, label });
  }
  list.push({ key: 'stage', label: 'Stage' });
  if (has('owner')) list.push({ key: 'owner', label: 'Owner' });
  return list;
}

/** What happens to the duplicates under the chosen policy, in words. */
export function duplicateOutcome(counts: Pick<ImportCounts, 'duplicates'>, policy: DuplicatePolicy): string {
  if (counts.duplicates === 0) return 'No row matches a lead already in Voronka.';
  const one = counts.duplicates === 1;
  const rows = one ? '1 row has' : `${formatCount(counts.duplicates)} rows have`;
  const what = {
    skip: one ? 'it will be skipped' : 'they will be skipped',
    update: one ? 'that lead will be updated' : 'those leads will be updated',
    create: one ? 'a new lead will be created anyway' : 'new leads will be created anyway',
  }[policy];
  return `${rows} the e-mail of a lead already in Voronka or of an earlier row: ${what}.`;
}

/** "6 rows in the file: 3 new, 1 skipped, 2 not imported." */
export function countsSentence(counts: ImportCounts): string {
  const parts = [
    `${formatCount(counts.created)} new`,
    counts.updated > 0 ? `${formatCount(counts.updated)} updating a lead` : null,
    counts.skipped > 0 ? `${formatCount(counts.skipped)} skipped` : null,
    counts.rejected > 0 ? `${formatCount(counts.rejected)} not imported` : null,
  ].filter(Boolean);
  const companies =
    counts.existingCompanies > 0
      ? ` ${formatCount(counts.existingCompanies)} ${counts.existingCompanies === 1 ? 'company is' : 'companies are'} already in Voronka: the new leads join ${counts.existingCompanies === 1 ? 'it' : 'them'}.`
      : '';
  return `${plural(counts.read, ROWS)} in the file: ${parts.join(', ')}.${companies}`;
}
