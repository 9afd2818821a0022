import type { AttributeKey } from '../../../shared/domain/lead-attributes.ts';
import { DomainError } from '../../../shared/ipc/result.ts';

export type CompanyAttributeKind = 'technology' | 'ad_channel' | 'job_department';

/** A column (or expression) over `leads l LEFT JOIN companies c`. */
export interface ScalarField {
  type: 'scalar';
  expr: string;
  /** Sort by this instead (owner name rather than id, stage order, seniority rank...). */
  sortExpr?: string;
  /** Exact matches ignore ASCII case (e-mails). */
  nocase?: boolean;
  /** Never NULL: sorts need no NULLS LAST, so an index can serve them. */
  notNull?: boolean;
}

/** Several values per lead: the company's attributes by kind, or the lead's tags. */
export type SetField = { type: 'set'; source: 'tags' } | { type: 'set'; source: 'company'; kind: CompanyAttributeKind };

export type FieldSql = ScalarField | SetField;

const NAME = "trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, ''))";
const rank = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} END`;
const column = (expr: string, extra: Partial<ScalarField> = {}): ScalarField => ({ type: 'scalar', expr, ...extra });

/**
 * The fixed table from attribute keys to SQL. Filters and sorts never put a name from the outside
 * into SQL: a key either is in this table or is refused; every value is a bound parameter.
 */
export const FIELD_SQL: Record<AttributeKey, FieldSql> = {
  name: column(NAME),
  email: column('l.email', { nocase: true }),
  phone: column('l.phone'),
  companyName: column('c.name'),
  companyDomain: column('c.domain', { nocase: true }),
  industry: column('c.industry'),
  employeeCount: column('c.employee_count'),
  monthlyAdSpendUsd: column('c.monthly_ad_spend_usd'),
  adChannels: { type: 'set', source: 'company', kind: 'ad_channel' },
  technologies: { type: 'set', source: 'company', kind: 'technology' },
  openJobPostings: column('c.open_job_postings'),
  jobDepartments: { type: 'set', source: 'company', kind: 'job_department' },
  country: column('c.country'),
  city: column('c.city'),
  website: column('c.website'),
  roleTitle: column('l.role_title'),
  seniority: column('l.seniority', { sortExpr: rank('l.seniority', ['entry', 'manager', 'director', 'vp', 'c_level', 'owner']) }),
  department: column('l.department'),
  roleStartedOn: column('l.role_started_on'),
  persona: column('l.persona'),
  tags: { type: 'set', source: 'tags' },
  source: column('l.source'),
  ownerId: column('l.owner_id', { sortExpr: '(SELECT name FROM team_members WHERE id = l.owner_id) COLLATE NOCASE' }),
  stageKey: column('l.stage_key', { sortExpr: '(SELECT position FROM stages WHERE key = l.stage_key)', notNull: true }),
  dealValueMinor: column('l.deal_value_minor'),
  currency: column('l.currency', { notNull: true }),
  expectedCloseOn: column('l.expected_close_on'),
  urgency: column('l.urgency', { sortExpr: rank('l.urgency', ['low', 'medium', 'high']) }),
  score: column('l.score', { notNull: true }),
  createdAt: column('l.created_at', { notNull: true }),
  lastActivityAt: column('l.last_activity_at'),
  stageEnteredAt: column('l.stage_entered_at', { notNull: true }),
};

/** A company field read for one lead without a join (sorting): null for a lead without a company. */
export function companyValueSql(expr: string): string {
  return `(SELECT ${expr} FROM companies c WHERE c.id = l.company_id)`;
}

export function fieldSql(key: AttributeKey): FieldSql {
  // Own-property lookup: "__proto__" or "constructor" is never a field.
  if (!Object.hasOwn(FIELD_SQL, key)) throw new DomainError('invalid_input', `There is no attribute "${String(key)}".`);
  return FIELD_SQL[key];
}

/** The values of a set field, sorted and joined into one text ("HubSpot, Stripe"), to sort by. */
export function setValuesSql(field: SetField): string {
  const inner =
    field.source === 'tags'
      ? 'SELECT tag AS v FROM lead_tags WHERE lead_id = l.id ORDER BY tag'
      : `SELECT value AS v FROM company_attributes WHERE company_id = l.company_id AND kind = '${field.kind}' ORDER BY value`;
  return `(SELECT group_concat(v, ', ') FROM (${inner}))`;
}
