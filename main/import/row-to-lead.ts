import { regexes as zodRegexes, type z } from 'zod';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type RowError, type ValueMapping } from '../../shared/domain/csv-transfer.ts';
import { SENIORITIES, URGENCIES, type LeadFields } from '../../shared/domain/lead.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import type { TeamMember } from '../../shared/domain/history.ts';
import { DOMAIN_PATTERN, leadFieldsSchema, PHONE_PATTERN } from '../../shared/ipc/schemas.ts';
import {
  currencyOf,
  domainOf,
  enumValue,
  parseDate,
  parseList,
  parseMoney,
  parseTimestamp,
  parseWholeNumber,
  SENIORITY_SYNONYMS,
  splitName,
  splitNameLastFirst,
  URGENCY_SYNONYMS,
  websiteOf,
  type Parsed,
} from './parse-values.ts';

/**
 * One CSV record → the lead values it carries, with every problem in words. Pure: the preview and
 * the import call the same function, so what the preview shows is what gets stored. Only the
 * cells the file fills are in `values`: an update leaves the fields of empty cells as they are.
 */

/** How stage and owner values are resolved: the stages and team of the DB, and the seller's value mapping. */
export interface Resolver {
  stageOf(text: string): { stageKey: string } | { unknown: true } | { leftOut: true };
  ownerOf(text: string): { ownerId: number | null } | { unknown: true };
}

export interface ConvertedRow {
  values: Partial<LeadFields>;
  /** The stage the row names; null when it names none (the default stage on create, unchanged on update). */
  stageKey: string | null;
  createdAt: number | null;
  stageEnteredAt: number | null;
  updatedAt: number | null;
  lastActivityAt: number | null;
  /** Lower-cased, for duplicate matching. */
  email: string | null;
  errors: RowError[];
  unknownStage: string | null;
  unknownOwner: string | null;
}

const LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<ImportField, string>;

/** Lead fields taken as text and checked by the app's own schema (length, e-mail, phone, domain, website). */
const SCHEMA_CHECKED = new Set<ImportField>([
  'firstName', 'lastName', 'email', 'phone', 'roleTitle', 'department', 'persona', 'companyName', 'companyDomain',
  'industry', 'country', 'city', 'website', 'source',
]);
const LIST_FIELDS = new Set<ImportField>(['tags', 'adChannels', 'technologies', 'jobDepartments']);
const WHOLE_NUMBERS = new Set<ImportField>(['employeeCount', 'monthlyAdSpendUsd', 'openJobPostings']);

const shape = leadFieldsSchema.shape as unknown as Record<string, z.ZodType>;

/**
 * What the schema (shared/ipc/schemas.ts) accepts, said cheaply, for the cells an import meets by
 * the hundred thousand: a value these accept is exactly what the schema would return for it; any
 * other value goes to the schema itself, which rejects it with its own message (or accepts it).
 * The cell text is already trimmed and not empty. test/unit/import/row-to-lead.test.ts checks each
 * one against the schema.
 */
const TEXT_MAX: Partial<Record<ImportField, number>> = {
  firstName: 100, lastName: 100, roleTitle: 120, department: 100, persona: 100, companyName: 200, industry: 100, country: 100, city: 100, source: 100,
};

/** The value the schema returns for `raw`, when it surely accepts it; undefined when only the schema can say. */
export function quickCheck(field: ImportField, raw: string): string | undefined {
  const max = TEXT_MAX[field];
  if (max !== undefined) return raw.length <= max ? raw : undefined;
  switch (field) {
    case 'email':
      return raw.length <= 254 && zodRegexes.email.test(raw) ? raw : undefined;
    case 'phone':
      return raw.length <= 40 && PHONE_PATTERN.test(raw) ? raw : undefined;
    case 'companyDomain':
      return raw.length <= 253 && DOMAIN_PATTERN.test(raw) ? raw : undefined;
    default:
      return undefined;
  }
}

/** A list cell as the schema keeps it: parseList already trims, drops blanks and repeats. */
export function quickListCheck(list: string[]): string[] | undefined {
  if (list.length > 100) return undefined;
  for (const value of list) if (value.length > 80) return undefined;
  return list;
}

/** Shortened for messages: a long cell must not flood the error column. */
function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

export function createResolver(stages: readonly Stage[], members: readonly TeamMember[], mapping: ValueMapping): Resolver {
  const stageByText = new Map<string, string>();
  for (const stage of stages) {
    stageByText.set(stage.key.toLowerCase(), stage.key);
    stageByText.set(stage.name.trim().toLowerCase(), stage.key);
  }
  const stageMapped = new Map(mapping.stage.map((m) => [m.value.trim().toLowerCase(), m.stageKey]));
  const ownerByText = new Map<string, number>();
  for (const member of members) {
    ownerByText.set(member.name.trim().toLowerCase(), member.id);
    if (member.email) ownerByText.set(member.email.trim().toLowerCase(), member.id);
  }
  const ownerMapped = new Map(mapping.owner.map((m) => [m.value.trim().toLowerCase(), m.ownerId]));
  const knownStages = new Set(stages.map((s) => s.key));
  const knownOwners = new Set(members.map((m) => m.id));
  return {
    stageOf(text) {
      const key = text.trim().toLowerCase();
      const found = stageByText.get(key);
      if (found) return { stageKey: found };
      if (!stageMapped.has(key)) return { unknown: true };
      const mapped = stageMapped.get(key)!;
      return mapped !== null && knownStages.has(mapped) ? { stageKey: mapped } : { leftOut: true };
    },
    ownerOf(text) {
      const key = text.trim().toLowerCase();
      const found = ownerByText.get(key);
      if (found !== undefined) return { ownerId: found };
      if (!ownerMapped.has(key)) return { unknown: true };
      const mapped = ownerMapped.get(key)!;
      return { ownerId: mapped !== null && knownOwners.has(mapped) ? mapped : null };
    },
  };
}

type Step = (text: string, row: ConvertedRow, values: Record<string, unknown>) => void;

function fail(row: ConvertedRow, field: ImportField, text: string, message: string): void {
  row.errors.push({ field, message: `${LABELS[field]}: ${quoted(text)} ${message.replace(/\.$/, '')}.` });
}

function taking<T>(field: ImportField, parse: (text: string) => Parsed<T>, apply: (value: T, row: ConvertedRow, values: Record<string, unknown>) => void): Step {
  return (text, row, values) => {
    const parsed = parse(text);
    if (parsed.ok) apply(parsed.value, row, values);
    else fail(row, field, text, parsed.message);
  };
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/** The lead field a column fills and how its cell becomes that field's value (or what is wrong with it). */
function checkFor(field: ImportField): { key: keyof LeadFields; check: (text: string) => Parsed<unknown> } | null {
  if (SCHEMA_CHECKED.has(field)) {
    const schema = shape[field]!;
    const rawOf = field === 'companyDomain' ? domainOf : field === 'website' ? websiteOf : (text: string) => text;
    return {
      key: field as keyof LeadFields,
      check(text) {
        const raw = rawOf(text);
        const quick = quickCheck(field, raw);
        if (quick !== undefined) return ok(quick);
        const checked = schema.safeParse(raw);
        return checked.success ? ok(checked.data) : no(`— ${checked.error.issues[0]?.message ?? 'is not valid'}`);
      },
    };
  }
  if (LIST_FIELDS.has(field)) {
    const schema = shape[field]!;
    return {
      key: field as keyof LeadFields,
      check(text) {
        const list = parseList(text);
        const quick = quickListCheck(list);
        if (quick !== undefined) return ok(quick);
        const checked = schema.safeParse(list);
        return checked.success ? ok(checked.data) : no('— each value is at most 80 characters, at most 100 values');
      },
    };
  }
  if (WHOLE_NUMBERS.has(field)) return { key: field as keyof LeadFields, check: parseWholeNumber };
  switch (field) {
    case 'roleStartedOn':
    case 'expectedCloseOn':
      return { key: field, check: parseDate };
    case 'seniority':
      return { key: field, check: (text) => { const value = enumValue(text, SENIORITIES, SENIORITY_SYNONYMS); return value ? ok(value) : no(`is not a seniority: use one of ${SENIORITIES.join(', ')}`); } };
    case 'urgency':
      return { key: field, check: (text) => { const value = enumValue(text, URGENCIES, URGENCY_SYNONYMS); return value ? ok(value) : no('is not an urgency: use low, medium or high'); } };
    case 'dealValue':
      return { key: 'dealValueMinor', check: parseMoney };
    case 'currency':
      return { key: 'currency', check: currencyOf };
    default:
      return null;
  }
}

/** Columns whose cells repeat little (one value per person): remembering their values would not pay. */
const UNIQUE_PER_ROW = new Set<ImportField>(['firstName', 'lastName', 'email', 'phone']);
/** Distinct cells remembered per column. */
const REMEMBERED = 4096;

/**
 * The check of a column whose cells repeat (industries, cities, companies and their websites, tag
 * lists...): a cell seen before gets the same answer without being checked again. The answer is a
 * pure function of the cell's text; a list comes back as a copy of its own.
 */
function remembering(check: (text: string) => Parsed<unknown>): (text: string) => Parsed<unknown> {
  const seen = new Map<string, Parsed<unknown>>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known.ok && Array.isArray(known.value) ? ok(known.value.slice()) : known;
    if (seen.size >= REMEMBERED) return check(text);
    // Remembered: the cell's own copy, and what is checked from it (see ownCopy).
    const own = ownCopy(text);
    const result = check(own);
    seen.set(own, result.ok && Array.isArray(result.value) ? ok(result.value.slice()) : result);
    return result;
  };
}

/**
 * A copy of `text` that holds only its own characters. A cell is a slice of the decoded chunk of
 * the file it was read from, and V8 keeps the whole chunk alive for as long as the slice lives:
 * what outlives its row must not keep the cell itself (remembered cells would keep the whole file
 * in memory).
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** What one mapped column does with its (trimmed, non-empty) cell. */
function stepFor(field: ImportField, resolver: Resolver): Step {
  const valued = checkFor(field);
  if (valued) {
    const { key } = valued;
    const check = UNIQUE_PER_ROW.has(field) ? valued.check : remembering(valued.check);
    return (text, row, values) => {
      const result = check(text);
      if (result.ok) values[key] = result.value;
      else fail(row, field, text, result.message);
    };
  }
  switch (field) {
    case 'fullName':
    case 'fullNameLastFirst':
      return (text, row, values) => {
        const split = field === 'fullName' ? splitName(text) : splitNameLastFirst(text);
        if (split.firstName && split.firstName.length > 100) return fail(row, field, text, 'is longer than 100 characters');
        if (split.lastName && split.lastName.length > 100) return fail(row, field, text, 'is longer than 100 characters');
        if (split.firstName) values.firstName = split.firstName;
        if (split.lastName) values.lastName = split.lastName;
      };
    case 'createdAt':
      return taking(field, parseTimestamp, (ms, row) => (row.createdAt = ms));
    case 'stageEnteredAt':
      return taking(field, parseTimestamp, (ms, row) => (row.stageEnteredAt = ms));
    case 'updatedAt':
      return taking(field, parseTimestamp, (ms, row) => (row.updatedAt = ms));
    case 'lastActivityAt':
      return taking(field, parseTimestamp, (ms, row) => (row.lastActivityAt = ms));
    case 'stage':
      return (text, row) => {
        const found = resolver.stageOf(text);
        if ('stageKey' in found) row.stageKey = found.stageKey;
        else if ('leftOut' in found) fail(row, field, text, 'was set to be left out');
        else {
          row.unknownStage = text;
          fail(row, field, text, 'is not a stage (key or name): choose a stage for it');
        }
      };
    case 'owner':
      return (text, row, values) => {
        const found = resolver.ownerOf(text);
        if ('ownerId' in found) {
          if (found.ownerId !== null) values.ownerId = found.ownerId;
        } else {
          row.unknownOwner = text;
          fail(row, field, text, 'is nobody in the team (name or e-mail): choose a member for it');
        }
      };
    default:
      return () => {};
  }
}

/**
 * The conversion of a file's records with one mapping: what each column does is worked out once,
 * not for every cell (an import converts every row of files of a million rows).
 */
export function createRowConverter(columns: ColumnMapping, resolver: Resolver): (fields: readonly string[]) => ConvertedRow {
  const steps: { column: number; step: Step }[] = [];
  columns.forEach((field, column) => {
    if (field !== null) steps.push({ column, step: stepFor(field, resolver) });
  });
  // Without a domain column, a website still says which company it is (companies match on domain).
  const domainFromWebsite = !columns.includes('companyDomain');
  const domainSchema = shape.companyDomain!;
  return (fields) => {
    const row: ConvertedRow = {
      values: {}, stageKey: null, createdAt: null, stageEnteredAt: null, updatedAt: null, lastActivityAt: null, email: null, errors: [], unknownStage: null, unknownOwner: null,
    };
    const values = row.values as Record<string, unknown>;
    for (let i = 0; i < steps.length; i++) {
      const { column, step } = steps[i]!;
      const text = (fields[column] ?? '').trim();
      if (text !== '') step(text, row, values);
    }
    if (domainFromWebsite && values.companyDomain === undefined && typeof values.website === 'string') {
      const raw = domainOf(values.website);
      const quick = quickCheck('companyDomain', raw);
      if (quick !== undefined) values.companyDomain = quick;
      else {
        const checked = domainSchema.safeParse(raw);
        if (checked.success && checked.data) values.companyDomain = checked.data;
      }
    }
    if (row.createdAt !== null && row.stageEnteredAt !== null && row.stageEnteredAt < row.createdAt) {
      row.errors.push({ field: 'stageEnteredAt', message: `${LABELS.stageEnteredAt}: it is before the lead was created.` });
    }
    row.email = typeof values.email === 'string' ? values.email.toLowerCase() : null;
    return row;
  };
}
