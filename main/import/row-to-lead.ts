import type { z } from 'zod';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type RowError, type ValueMapping } from '../../shared/domain/csv-transfer.ts';
import { SENIORITIES, URGENCIES, type LeadFields } from '../../shared/domain/lead.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import type { TeamMember } from '../../shared/domain/history.ts';
import { leadFieldsSchema } from '../../shared/ipc/schemas.ts';
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

export function convertRow(fields: readonly string[], columns: ColumnMapping, resolver: Resolver): ConvertedRow {
  const row: ConvertedRow = {
    values: {}, stageKey: null, createdAt: null, stageEnteredAt: null, updatedAt: null, lastActivityAt: null, email: null, errors: [], unknownStage: null, unknownOwner: null,
  };
  const values = row.values as Record<string, unknown>;
  const fail = (field: ImportField, text: string, message: string) =>
    row.errors.push({ field, message: `${LABELS[field]}: ${quoted(text)} ${message.replace(/\.$/, '')}.` });
  const take = <T>(field: ImportField, text: string, parsed: Parsed<T>, apply: (value: T) => void) => {
    if (parsed.ok) apply(parsed.value);
    else fail(field, text, parsed.message);
  };

  columns.forEach((field, column) => {
    if (field === null) return;
    const text = (fields[column] ?? '').trim();
    if (text === '') return;
    if (SCHEMA_CHECKED.has(field)) {
      const raw = field === 'companyDomain' ? domainOf(text) : field === 'website' ? websiteOf(text) : text;
      const checked = shape[field]!.safeParse(raw);
      if (checked.success) values[field] = checked.data;
      else fail(field, text, `— ${checked.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    if (LIST_FIELDS.has(field)) {
      const list = parseList(text);
      const checked = shape[field]!.safeParse(list);
      if (checked.success) values[field] = checked.data;
      else fail(field, text, '— each value is at most 80 characters, at most 100 values');
      return;
    }
    if (WHOLE_NUMBERS.has(field)) return take(field, text, parseWholeNumber(text), (n) => (values[field] = n));
    switch (field) {
      case 'fullName':
      case 'fullNameLastFirst': {
        const split = field === 'fullName' ? splitName(text) : splitNameLastFirst(text);
        if (split.firstName && split.firstName.length > 100) return fail(field, text, 'is longer than 100 characters');
        if (split.lastName && split.lastName.length > 100) return fail(field, text, 'is longer than 100 characters');
        if (split.firstName) values.firstName = split.firstName;
        if (split.lastName) values.lastName = split.lastName;
        return;
      }
      case 'roleStartedOn':
      case 'expectedCloseOn':
        return take(field, text, parseDate(text), (date) => (values[field] = date));
      case 'seniority': {
        const value = enumValue(text, SENIORITIES, SENIORITY_SYNONYMS);
        if (value) values.seniority = value;
        else fail(field, text, `is not a seniority: use one of ${SENIORITIES.join(', ')}`);
        return;
      }
      case 'urgency': {
        const value = enumValue(text, URGENCIES, URGENCY_SYNONYMS);
        if (value) values.urgency = value;
        else fail(field, text, `is not an urgency: use low, medium or high`);
        return;
      }
      case 'dealValue':
        return take(field, text, parseMoney(text), (minor) => (values.dealValueMinor = minor));
      case 'currency':
        return take(field, text, currencyOf(text), (code) => (values.currency = code));
      case 'createdAt':
        return take(field, text, parseTimestamp(text), (ms) => (row.createdAt = ms));
      case 'stageEnteredAt':
      case 'updatedAt':
      case 'lastActivityAt':
        return take(field, text, parseTimestamp(text), (ms) => (row[field] = ms));
      case 'stage': {
        const found = resolver.stageOf(text);
        if ('stageKey' in found) row.stageKey = found.stageKey;
        else if ('leftOut' in found) fail(field, text, 'was set to be left out');
        else {
          row.unknownStage = text;
          fail(field, text, 'is not a stage (key or name): choose a stage for it');
        }
        return;
      }
      case 'owner': {
        const found = resolver.ownerOf(text);
        if ('ownerId' in found) {
          if (found.ownerId !== null) values.ownerId = found.ownerId;
        } else {
          row.unknownOwner = text;
          fail(field, text, 'is nobody in the team (name or e-mail): choose a member for it');
        }
        return;
      }
    }
  });

  // Without a domain column, a website still says which company it is (companies match on domain).
  if (values.companyDomain === undefined && typeof values.website === 'string' && !columns.includes('companyDomain')) {
    const checked = shape.companyDomain!.safeParse(domainOf(values.website));
    if (checked.success && checked.data) values.companyDomain = checked.data;
  }
  if (row.createdAt !== null && row.stageEnteredAt !== null && row.stageEnteredAt < row.createdAt) {
    row.errors.push({ field: 'stageEnteredAt', message: `${LABELS.stageEnteredAt}: it is before the lead was created.` });
  }
  row.email = typeof values.email === 'string' ? values.email.toLowerCase() : null;
  return row;
}
