import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportScan, type UnknownValue, type ValueMapping } from '../../shared/domain/csv-transfer.ts';

const PERSON: readonly ImportField[] = ['firstName', 'lastName', 'fullName', 'fullNameLastFirst', 'email', 'phone', 'roleTitle', 'roleStartedOn', 'seniority', 'department', 'persona', 'tags'];
const COMPANY: readonly ImportField[] = ['companyName', 'companyDomain', 'industry', 'employeeCount', 'monthlyAdSpendUsd', 'adChannels', 'technologies', 'openJobPostings', 'jobDepartments', 'country', 'city', 'website'];

/**
 * The fields a column can fill, grouped as the select shows them. Person and company fields by
 * name; everything else of the contract (source, owner, stage, deal, dates...) under "Funnel", so
 * a field added to IMPORT_FIELDS is offered without a change here.
 */
export const FIELD_GROUPS: { label: string; keys: readonly ImportField[] }[] = [
  { label: 'Person', keys: PERSON.filter((key) => IMPORT_FIELDS.some((f) => f.key === key)) },
  { label: 'Company', keys: COMPANY.filter((key) => IMPORT_FIELDS.some((f) => f.key === key)) },
  { label: 'Funnel', keys: IMPORT_FIELDS.map((f) => f.key).filter((key) => !PERSON.includes(key) && !COMPANY.includes(key)) },
];

const LABELS = new Map<ImportField, string>(IMPORT_FIELDS.map((field) => [field.key, field.label]));

export function fieldLabel(field: ImportField): string {
  return LABELS.get(field) ?? field;
}

/** A column's name as shown: its header, or "Column 3" when the header cell is blank. */
export function columnName(header: readonly string[], index: number): string {
  const name = header[index]?.trim();
  return name ? name : `Column ${index + 1}`;
}

export type MappingOrigin = 'remembered' | 'suggested';

/** The mapping to start from: the one remembered for these headers, else the suggestions. */
export function initialMapping(scan: Pick<ImportScan, 'header' | 'suggested' | 'remembered'>): { columns: ColumnMapping; origin: MappingOrigin } {
  const fit = (mapping: ColumnMapping | null): ColumnMapping | null =>
    mapping && mapping.length === scan.header.length ? dedupe(mapping) : null;
  const remembered = fit(scan.remembered);
  if (remembered) return { columns: remembered, origin: 'remembered' };
  return { columns: fit(scan.suggested) ?? scan.header.map(() => null), origin: 'suggested' };
}

/** Keeps the first column of each field (main refuses two columns for one field). */
function dedupe(columns: ColumnMapping): ColumnMapping {
  const seen = new Set<ImportField>();
  return columns.map((field) => {
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/**
 * Column `index` now fills `field` (null: not imported). A field belongs to one column: a column
 * that had it gives it up, and is reported so that the screen can say so.
 */
export function assignField(columns: ColumnMapping, index: number, field: ImportField | null): { columns: ColumnMapping; displaced: number | null } {
  let displaced: number | null = null;
  const next = columns.map((current, i) => {
    if (i === index) return field;
    if (field !== null && current === field) {
      displaced = i;
      return null;
    }
    return current;
  });
  return { columns: next, displaced };
}

export function mappedCount(columns: ColumnMapping): number {
  return columns.filter((field) => field !== null).length;
}

/** What keeps the mapping from being previewed, in words; null when it is fine. */
export function mappingProblem(columns: ColumnMapping): string | null {
  if (mappedCount(columns) === 0) return 'Choose what at least one column holds: every column is set to “Don’t import”.';
  return null;
}

/** A mapping that works but is likely a mistake, in words; null when none. */
export function mappingWarning(columns: ColumnMapping): string | null {
  const has = (field: ImportField) => columns.includes(field);
  const named = has('firstName') || has('lastName') || has('fullName') || has('fullNameLastFirst') || has('email') || has('companyName');
  if (mappedCount(columns) > 0 && !named) return 'No column gives a name, an e-mail or a company: the leads will be hard to tell apart, and duplicates cannot be found without an e-mail.';
  if (mappedCount(columns) > 0 && !has('email')) return 'No column gives an e-mail: duplicates are found by e-mail, so every row will be a new lead.';
  return null;
}

/** Up to `n` non-empty values of a column from the scan's sample. */
export function sampleValues(sample: ImportScan['sample'], index: number, n = 3): string[] {
  const values: string[] = [];
  for (const record of sample) {
    const value = record.fields[index]?.trim();
    if (value) values.push(value);
    if (values.length === n) break;
  }
  return values;
}

/** The unknown values seen so far and the new ones, by value (the newest count wins); the list only grows. */
export function mergeUnknown(known: readonly UnknownValue[], incoming: readonly UnknownValue[]): UnknownValue[] {
  const byValue = new Map(known.map((item) => [item.value, item]));
  for (const item of incoming) byValue.set(item.value, item);
  return [...byValue.values()];
}

/**
 * One entry per unknown value, keeping what the seller chose. A value nobody chose for yet: a
 * stage leaves its rows out (null), an owner imports them without an owner (null); both are shown
 * with their select, so the seller sees the default and can change it.
 */
export function completeValueMapping(current: ValueMapping, unknown: { stage: readonly UnknownValue[]; owner: readonly UnknownValue[] }): ValueMapping {
  const stageChoice = new Map(current.stage.map((entry) => [entry.value, entry.stageKey]));
  const ownerChoice = new Map(current.owner.map((entry) => [entry.value, entry.ownerId]));
  return {
    stage: unknown.stage.map(({ value }) => ({ value, stageKey: stageChoice.get(value) ?? null })),
    owner: unknown.owner.map(({ value }) => ({ value, ownerId: ownerChoice.get(value) ?? null })),
  };
}

/** Only the values of a field still mapped to a column matter. */
export function relevantUnknown(columns: ColumnMapping, unknown: { stage: UnknownValue[]; owner: UnknownValue[] }): { stage: UnknownValue[]; owner: UnknownValue[] } {
  return { stage: columns.includes('stage') ? unknown.stage : [], owner: columns.includes('owner') ? unknown.owner : [] };
}
