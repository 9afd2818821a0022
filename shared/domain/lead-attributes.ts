/**
 * Every attribute of a lead that a seller can see as a table column, sort by, filter on or export.
 * One catalog serves the table, the filter builder, the SQL translation (main maps each key to a
 * column) and CSV export, so that a new attribute is added in one place.
 */
export type AttributeKind =
  | 'text' // free text: contains, exact match
  | 'choice' // text with a pick-list of the values in use (industry, role...)
  | 'enum' // a fixed list (stage, owner, seniority, urgency)
  | 'number'
  | 'money' // filter values in major units; stored in minor units
  | 'set' // several values per lead (technologies, tags...)
  | 'date' // calendar date (YYYY-MM-DD)
  | 'timestamp' // a moment (created, last activity)
  | 'tenure'; // a start date read as "time in role"

export interface LeadAttribute {
  key: AttributeKey;
  label: string;
  kind: AttributeKind;
  /** Shown in a new table and in "all columns" exports. */
  defaultColumn: boolean;
}

export const LEAD_ATTRIBUTES = [
  { key: 'name', label: 'Name', kind: 'text', defaultColumn: true },
  { key: 'email', label: 'E-mail', kind: 'text', defaultColumn: true },
  { key: 'phone', label: 'Phone', kind: 'text', defaultColumn: false },
  { key: 'companyName', label: 'Company', kind: 'choice', defaultColumn: true },
  { key: 'companyDomain', label: 'Domain', kind: 'text', defaultColumn: false },
  { key: 'industry', label: 'Industry', kind: 'choice', defaultColumn: true },
  { key: 'employeeCount', label: 'Employees', kind: 'number', defaultColumn: true },
  { key: 'monthlyAdSpendUsd', label: 'Ad spend / month (USD)', kind: 'number', defaultColumn: false },
  { key: 'adChannels', label: 'Ad channels', kind: 'set', defaultColumn: false },
  { key: 'technologies', label: 'Technologies', kind: 'set', defaultColumn: true },
  { key: 'openJobPostings', label: 'Open jobs', kind: 'number', defaultColumn: false },
  { key: 'jobDepartments', label: 'Hiring in', kind: 'set', defaultColumn: false },
  { key: 'country', label: 'Country', kind: 'choice', defaultColumn: false },
  { key: 'city', label: 'City', kind: 'choice', defaultColumn: false },
  { key: 'website', label: 'Website', kind: 'text', defaultColumn: false },
  { key: 'roleTitle', label: 'Role', kind: 'choice', defaultColumn: true },
  { key: 'seniority', label: 'Seniority', kind: 'enum', defaultColumn: false },
  { key: 'department', label: 'Department', kind: 'choice', defaultColumn: false },
  { key: 'roleStartedOn', label: 'In role since', kind: 'tenure', defaultColumn: false },
  { key: 'persona', label: 'Persona', kind: 'choice', defaultColumn: false },
  { key: 'tags', label: 'Tags', kind: 'set', defaultColumn: false },
  { key: 'source', label: 'Source', kind: 'choice', defaultColumn: true },
  { key: 'ownerId', label: 'Owner', kind: 'enum', defaultColumn: true },
  { key: 'stageKey', label: 'Stage', kind: 'enum', defaultColumn: true },
  { key: 'dealValueMinor', label: 'Deal value', kind: 'money', defaultColumn: true },
  { key: 'currency', label: 'Currency', kind: 'choice', defaultColumn: false },
  { key: 'expectedCloseOn', label: 'Expected close', kind: 'date', defaultColumn: false },
  { key: 'urgency', label: 'Urgency', kind: 'enum', defaultColumn: false },
  { key: 'score', label: 'Score', kind: 'number', defaultColumn: true },
  { key: 'createdAt', label: 'Created', kind: 'timestamp', defaultColumn: false },
  { key: 'lastActivityAt', label: 'Last activity', kind: 'timestamp', defaultColumn: true },
  { key: 'stageEnteredAt', label: 'In stage since', kind: 'timestamp', defaultColumn: false },
] as const satisfies readonly { key: string; label: string; kind: AttributeKind; defaultColumn: boolean }[];

export type AttributeKey = (typeof LEAD_ATTRIBUTES)[number]['key'];
export const ATTRIBUTE_KEYS = LEAD_ATTRIBUTES.map((attribute) => attribute.key) as [AttributeKey, ...AttributeKey[]];

export function attribute(key: AttributeKey): LeadAttribute {
  return LEAD_ATTRIBUTES.find((candidate) => candidate.key === key)!;
}
