import { attribute, type AttributeKey } from '../../../shared/domain/lead-attributes.ts';
import { CURRENT_MEMBER, isGroup, opFitsField, type FilterCondition, type LeadFilter } from '../../../shared/domain/filter.ts';
import { DomainError } from '../../../shared/ipc/result.ts';
import { DAY_MS, dayOffset, localDay, monthOffset } from './dates.ts';
import { fieldSql, type FieldSql, type ScalarField, type SetField } from './fields.ts';
import { searchQuery } from './search-query.ts';

/** A piece of SQL with its `?` parameters, in order. */
export interface Sql {
  sql: string;
  params: SqlValue[];
}
export type SqlValue = string | number | null;

/** What a filter needs from outside: who "me" is, and when "now" is. */
export interface FilterContext {
  currentMemberId: number | null;
  now: number;
  /**
   * For a handful of leads (rescoring one lead): company and set conditions as correlated EXISTS
   * probes of the lead's own company and tags. The default, `IN (SELECT ...)` sets, suits scans of
   * many leads; for one lead SQLite would build each set in full, per statement, to test one id.
   */
  perLead?: boolean;
}

const TRUE: Sql = { sql: '1', params: [] };
const FALSE: Sql = { sql: '0', params: [] };
const marks = (count: number) => Array(count).fill('?').join(', ');

/**
 * A LeadFilter as a boolean SQL expression over `leads l` (company fields are read through subqueries).
 * The SQL text depends only on the filter's shape (fields, operators, how many values), so prepared
 * statements can be cached by it; every value is a parameter. Deleted leads are the caller's concern.
 */
export function compileFilter(filter: LeadFilter, context: FilterContext): Sql {
  // The company side of a prospect filter (industry, size, technologies...) becomes one set of
  // companies, so the leads indexes are searched for the few companies that meet all of it rather
  // than for those that meet one condition.
  const restrictions: Sql[] = [];
  const parts: Sql[] = [];
  for (const entry of filter.all) {
    const restriction = isGroup(entry) ? null : companyRestriction(entry, checkedField(entry), context);
    if (restriction) restrictions.push(restriction);
    else parts.push(isGroup(entry) ? anyOf(entry.any.map((c) => compileCondition(c, context))) : compileCondition(entry, context));
  }
  if (restrictions.length > 0) parts.unshift(ofCompanies(allOf(restrictions), context));
  if (filter.search?.trim()) {
    // Text with no letter or digit ("%", "--") can match no word: it finds nothing rather than everything.
    const search = searchQuery(filter.search);
    parts.push(search === null ? FALSE : { sql: 'l.id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?)', params: [search] });
  }
  return allOf(parts);
}

function allOf(parts: Sql[]): Sql {
  if (parts.length === 0) return TRUE;
  return { sql: parts.map((part) => `(${part.sql})`).join(' AND '), params: parts.flatMap((part) => part.params) };
}

function anyOf(parts: Sql[]): Sql {
  if (parts.length === 0) return FALSE;
  return { sql: `(${parts.map((part) => `(${part.sql})`).join(' OR ')})`, params: parts.flatMap((part) => part.params) };
}

export function compileCondition(condition: FilterCondition, context: FilterContext): Sql {
  const field = checkedField(condition);
  const restriction = companyRestriction(condition, field, context);
  if (restriction) return ofCompanies(restriction, context);
  if (field.type === 'set') return setCondition(field, condition, field.source === 'tags' ? 'l.id' : 'l.company_id', context);
  const compiled = scalarCondition(field, condition, context);
  if (!field.expr.startsWith('c.')) return compiled;
  // A lead without a company has every company field empty: it meets "is empty" and "is none of".
  return { sql: `l.company_id IS NULL OR ${ofCompanies(compiled, context).sql}`, params: compiled.params };
}

/** The schema already refuses a mismatched operator; checked again because score rules and views are read back from the DB. */
function checkedField(condition: FilterCondition): FieldSql {
  const field = fieldSql(condition.field);
  if (!opFitsField(condition.field, condition.op)) {
    throw new DomainError('invalid_input', `"${condition.op}" does not apply to ${attribute(condition.field).label}.`);
  }
  return field;
}

/**
 * A company condition that no lead without a company meets, as a condition on `companies c`; null
 * for lead conditions and for those a lead without a company meets ("is empty", "is none of").
 */
function companyRestriction(condition: FilterCondition, field: FieldSql, context: FilterContext): Sql | null {
  if (field.type === 'set') {
    const restricts = field.source === 'company' && ['has_any_of', 'has_all_of', 'is_not_empty'].includes(condition.op);
    return restricts ? setCondition(field, condition, 'c.id', context) : null;
  }
  if (!field.expr.startsWith('c.') || condition.op === 'is_empty' || condition.op === 'is_none_of') return null;
  return scalarCondition(field, condition, context);
}

/**
 * Leads of the companies meeting `companies`: the (small) companies table is asked, and the leads
 * indexes that hold company_id find their leads; no join, so counts read the leads indexes alone.
 */
function ofCompanies(companies: Sql, context: FilterContext): Sql {
  if (context.perLead) return { sql: `EXISTS (SELECT 1 FROM companies c WHERE c.id = l.company_id AND (${companies.sql}))`, params: companies.params };
  return { sql: `l.company_id IN (SELECT c.id FROM companies c WHERE ${companies.sql})`, params: companies.params };
}

function scalarCondition(field: ScalarField, condition: FilterCondition, context: FilterContext): Sql {
  const x = field.expr;
  const kind = attribute(condition.field).kind;
  const numeric = kind === 'number' || kind === 'money' || kind === 'timestamp';
  const scale = kind === 'money' ? 100 : 1; // money filters speak major units; the column holds minor units
  const exact = field.nocase ? `${x} COLLATE NOCASE` : x;
  switch (condition.op) {
    case 'is_any_of': {
      const values = listValues(condition.field, condition.values, context);
      return values.length === 0 ? FALSE : { sql: `${exact} IN (${marks(values.length)})`, params: values };
    }
    case 'is_none_of': {
      // "None of" keeps leads without a value: they are none of those.
      const values = listValues(condition.field, condition.values, context);
      return values.length === 0 ? TRUE : { sql: `${x} IS NULL OR ${exact} NOT IN (${marks(values.length)})`, params: values };
    }
    case 'contains':
      return containsText(x, condition.text);
    case 'is_empty':
      return numeric ? { sql: `${x} IS NULL`, params: [] } : { sql: `${x} IS NULL OR ${x} = ''`, params: [] };
    case 'is_not_empty':
      return numeric ? { sql: `${x} IS NOT NULL`, params: [] } : { sql: `${x} IS NOT NULL AND ${x} <> ''`, params: [] };
    case 'gt':
      return { sql: `${x} > ?`, params: [condition.value * scale] };
    case 'lt':
      return { sql: `${x} < ?`, params: [condition.value * scale] };
    case 'between':
      return {
        sql: `${x} BETWEEN ? AND ?`,
        params: [Math.min(condition.min, condition.max) * scale, Math.max(condition.min, condition.max) * scale],
      };
    case 'within_last_days':
      return { sql: `${x} >= ?`, params: [context.now - condition.value * DAY_MS] };
    case 'not_within_last_days':
      // Empty is not "not within": say so with an OR group (the stale-leads view does).
      return { sql: `${x} < ?`, params: [context.now - condition.value * DAY_MS] };
    case 'within_next_days':
      return { sql: `${x} BETWEEN ? AND ?`, params: [localDay(context.now), dayOffset(context.now, condition.value)] };
    case 'before':
      return { sql: `${x} < ?`, params: [condition.date] };
    case 'after':
      return { sql: `${x} > ?`, params: [condition.date] };
    case 'in_role_less_than_months':
      return { sql: `${x} > ?`, params: [monthOffset(context.now, -condition.value)] };
    case 'in_role_more_than_months':
      return { sql: `${x} < ?`, params: [monthOffset(context.now, -condition.value)] };
    default:
      throw new DomainError('invalid_input', `"${condition.op}" does not apply to ${attribute(condition.field).label}.`);
  }
}

/** `(subquery) <comparison>`, with the comparison's own parameter if any. */
function compare(sub: Sql, comparison: string, ...params: SqlValue[]): Sql {
  return { sql: `(${sub.sql}) ${comparison}`, params: [...sub.params, ...params] };
}

/** `owner` is the lead id for tags, and the company id (of the lead, or `c.id`) for company sets. */
function setCondition(field: SetField, condition: FilterCondition, owner: string, context: FilterContext): Sql {
  const [scope, table, valueColumn, scopeParams]: [string, string, string, SqlValue[]] =
    field.source === 'tags' ? ['lead_id', 'lead_tags', 'tag', []] : ['company_id', 'company_attributes', 'value', [field.kind]];
  const kindFilter = field.source === 'tags' ? '' : ' AND kind = ?';
  const holders = (values: string[]) => ({
    sql: `SELECT ${scope} FROM ${table} WHERE ${valueColumn} IN (${marks(values.length)})${kindFilter}`,
    params: [...values, ...scopeParams],
  });
  // The owner's own rows with one of the values (perLead): (owner, value) pairs are unique.
  const held = (values: string[]) => ({
    sql: `SELECT count(*) FROM ${table} WHERE ${scope} = ${owner} AND ${valueColumn} IN (${marks(values.length)})${kindFilter}`,
    params: [...values, ...scopeParams],
  });
  switch (condition.op) {
    case 'has_any_of': {
      const values = unique(condition.values);
      if (context.perLead) return compare(held(values), '> 0');
      const sub = holders(values);
      return { sql: `${owner} IN (${sub.sql})`, params: sub.params };
    }
    case 'has_all_of': {
      const values = unique(condition.values);
      if (context.perLead) return compare(held(values), '= ?', values.length);
      const sub = holders(values);
      return { sql: `${owner} IN (${sub.sql} GROUP BY ${scope} HAVING count(*) = ?)`, params: [...sub.params, values.length] };
    }
    case 'has_none_of': {
      const values = unique(condition.values);
      if (context.perLead) return compare(held(values), '= 0');
      const sub = holders(values);
      return { sql: `${owner} IS NULL OR ${owner} NOT IN (${sub.sql})`, params: sub.params };
    }
    case 'is_empty':
    case 'is_not_empty': {
      const exists = `EXISTS (SELECT 1 FROM ${table} WHERE ${scope} = ${owner}${kindFilter})`;
      return { sql: condition.op === 'is_empty' ? `NOT ${exists}` : exists, params: scopeParams };
    }
    default:
      throw new DomainError('invalid_input', `"${condition.op}" does not apply to ${attribute(condition.field).label}.`);
  }
}

/**
 * Case-insensitive "contains" with % and _ as plain characters. ASCII text goes through LIKE (fast,
 * in C; its case folding is ASCII-only, which is all ASCII text needs), anything else through
 * fold_case, which folds Cyrillic and the rest of Unicode.
 */
function containsText(x: string, text: string): Sql {
  if (/^[\x20-\x7e]*$/.test(text)) {
    return { sql: `${x} LIKE ? ESCAPE '\\'`, params: [`%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`] };
  }
  return { sql: `instr(fold_case(${x}), ?) > 0`, params: [text.toLowerCase()] };
}

/** Owner values are member ids as text, or "me"; anything else matches nobody. */
function listValues(field: AttributeKey, values: string[], context: FilterContext): SqlValue[] {
  if (field !== 'ownerId') return unique(values);
  const ids = values.flatMap((value) => {
    if (value === CURRENT_MEMBER) return context.currentMemberId === null ? [] : [context.currentMemberId];
    return /^\d{1,15}$/.test(value) ? [Number(value)] : [];
  });
  return [...new Set(ids)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
