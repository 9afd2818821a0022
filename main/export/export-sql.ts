import { ALL_FIELDS_HEADERS, LIST_SEPARATOR } from '../../shared/domain/csv-transfer.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { SortKey } from '../../shared/domain/views.ts';
import type { CsvExportQuery } from '../csv/export-query.ts';
import type { CsvColumn } from '../csv/writer.ts';
import { compileFilter, type FilterContext } from '../store/filter/compile-filter.ts';
import { orderBy } from '../store/filter/sort.ts';

/**
 * The SELECT of an export: the table's own filter→SQL translation and sort (so the file holds
 * exactly the rows, in the order, the table shows), with one result column per CSV column. Money
 * comes out in major units, lists as one cell joined with "; ", owner and stage by name.
 * Every name in the SQL comes from the fixed tables below; values are parameters.
 */

const FROM = `
  FROM leads l
  LEFT JOIN companies c ON c.id = l.company_id
  LEFT JOIN team_members m ON m.id = l.owner_id
  LEFT JOIN stages s ON s.key = l.stage_key`;

const SEP = `'${LIST_SEPARATOR}'`;
const tags = `(SELECT group_concat(v, ${SEP}) FROM (SELECT tag AS v FROM lead_tags WHERE lead_id = l.id ORDER BY tag))`;
const companyList = (kind: string) =>
  `(SELECT group_concat(v, ${SEP}) FROM (SELECT value AS v FROM company_attributes WHERE company_id = l.company_id AND kind = '${kind}' ORDER BY value))`;
const NAME = "nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), '')";
const MONEY = 'l.deal_value_minor / 100.0';

type Column = CsvColumn & { sql: string };

const text = (header: string, sql: string): Column => ({ header, sql, type: 'text' });
const number = (header: string, sql: string): Column => ({ header, sql, type: 'number' });
const datetime = (header: string, sql: string): Column => ({ header, sql, type: 'datetime' });

/** The table's columns, by attribute key, as the table shows them. */
const ATTRIBUTE_SQL: Record<AttributeKey, string> = {
  name: NAME,
  email: 'l.email',
  phone: 'l.phone',
  companyName: 'c.name',
  companyDomain: 'c.domain',
  industry: 'c.industry',
  employeeCount: 'c.employee_count',
  monthlyAdSpendUsd: 'c.monthly_ad_spend_usd',
  adChannels: companyList('ad_channel'),
  technologies: companyList('technology'),
  openJobPostings: 'c.open_job_postings',
  jobDepartments: companyList('job_department'),
  country: 'c.country',
  city: 'c.city',
  website: 'c.website',
  roleTitle: 'l.role_title',
  seniority: 'l.seniority',
  department: 'l.department',
  roleStartedOn: 'l.role_started_on',
  persona: 'l.persona',
  tags,
  source: 'l.source',
  ownerId: 'm.name',
  stageKey: 's.name',
  dealValueMinor: MONEY,
  currency: 'l.currency',
  expectedCloseOn: 'l.expected_close_on',
  urgency: 'l.urgency',
  score: 'l.score',
  createdAt: 'l.created_at',
  lastActivityAt: 'l.last_activity_at',
  stageEnteredAt: 'l.stage_entered_at',
};

function attributeColumn(key: AttributeKey): Column {
  const { label, kind } = attribute(key);
  const sql = ATTRIBUTE_SQL[key];
  if (kind === 'number' || kind === 'money') return number(label, sql);
  if (kind === 'timestamp') return datetime(label, sql);
  return text(label, sql);
}

/** Every stored field, in ALL_FIELDS_HEADERS order: what an import reads back as it was. */
const ALL_FIELDS: Column[] = [
  number('ID', 'l.id'),
  text('First name', 'l.first_name'),
  text('Last name', 'l.last_name'),
  text('E-mail', 'l.email'),
  text('Phone', 'l.phone'),
  text('Role', 'l.role_title'),
  text('In role since', 'l.role_started_on'),
  text('Seniority', 'l.seniority'),
  text('Department', 'l.department'),
  text('Persona', 'l.persona'),
  text('Tags', tags),
  text('Company', 'c.name'),
  text('Domain', 'c.domain'),
  text('Industry', 'c.industry'),
  number('Employees', 'c.employee_count'),
  number('Ad spend / month (USD)', 'c.monthly_ad_spend_usd'),
  text('Ad channels', companyList('ad_channel')),
  text('Technologies', companyList('technology')),
  number('Open jobs', 'c.open_job_postings'),
  text('Hiring in', companyList('job_department')),
  text('Country', 'c.country'),
  text('City', 'c.city'),
  text('Website', 'c.website'),
  text('Source', 'l.source'),
  text('Owner', 'm.name'),
  text('Owner e-mail', 'm.email'),
  text('Stage key', 'l.stage_key'),
  text('Stage', 's.name'),
  number('Deal value', MONEY),
  text('Currency', 'l.currency'),
  text('Expected close', 'l.expected_close_on'),
  text('Urgency', 'l.urgency'),
  number('Score', 'l.score'),
  datetime('Created', 'l.created_at'),
  datetime('Updated', 'l.updated_at'),
  datetime('Last activity', 'l.last_activity_at'),
  datetime('In stage since', 'l.stage_entered_at'),
];

if (ALL_FIELDS.map((c) => c.header).join() !== ALL_FIELDS_HEADERS.join()) throw new Error('export-sql: ALL_FIELDS is out of step with ALL_FIELDS_HEADERS');

export interface ExportSelect {
  query: CsvExportQuery;
  columns: CsvColumn[];
}

function select(columns: Column[], where: { sql: string; params: unknown[] }, order: string): ExportSelect {
  return {
    query: { sql: `SELECT ${columns.map((c) => c.sql).join(', ')} ${FROM} WHERE l.deleted_at IS NULL AND (${where.sql}) ${order}`, params: where.params },
    columns: columns.map(({ header, type }) => ({ header, type })),
  };
}

/** The board or table as shown: its filter (with the quick search), visible columns and sort. */
export function tableExportSelect(filter: LeadFilter, keys: readonly AttributeKey[], sort: readonly SortKey[], context: FilterContext): ExportSelect {
  return select(keys.map(attributeColumn), compileFilter(filter, context), orderBy(sort));
}

/** Every live lead (of `filter`, if given) with every stored field, oldest first (an import creates them in the same order). */
export function allFieldsExportSelect(filter: LeadFilter | undefined, context: FilterContext): ExportSelect {
  return select(ALL_FIELDS, filter ? compileFilter(filter, context) : { sql: '1', params: [] }, 'ORDER BY l.id');
}
