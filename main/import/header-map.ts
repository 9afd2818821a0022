import { createHash } from 'node:crypto';
import { ALL_FIELDS_HEADERS, type ColumnMapping, type ImportField } from '../../shared/domain/csv-transfer.ts';
import { LEAD_ATTRIBUTES } from '../../shared/domain/lead-attributes.ts';

/**
 * Column suggestions from header names: our own export's headers exactly, then the names common
 * CRMs export (HubSpot, Salesforce, Pipedrive, Twenty) and Russian ones. Matching is on a
 * normalized form (case, spacing, punctuation, ё/е), so "E-mail", "e‑mail " and "EMAIL" agree.
 * Each field is suggested once: the strongest match wins, then the leftmost column.
 */

/** Lower case, ё → е, every run of non-letters-or-digits → one space, trimmed. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key a remembered mapping is stored under: the normalized headers, in order. */
export function headerSignature(header: readonly string[]): string {
  return createHash('sha256').update(header.map(normalizeHeader).join('\u001f')).digest('hex');
}

/** Our export's own headers ("all leads", and the table's column labels), strongest. */
const OWN_EXPORT: Partial<Record<(typeof ALL_FIELDS_HEADERS)[number], ImportField>> = {
  'First name': 'firstName',
  'Last name': 'lastName',
  'E-mail': 'email',
  Phone: 'phone',
  Role: 'roleTitle',
  'In role since': 'roleStartedOn',
  Seniority: 'seniority',
  Department: 'department',
  Persona: 'persona',
  Tags: 'tags',
  Company: 'companyName',
  Domain: 'companyDomain',
  Industry: 'industry',
  Employees: 'employeeCount',
  'Ad spend / month (USD)': 'monthlyAdSpendUsd',
  'Ad channels': 'adChannels',
  Technologies: 'technologies',
  'Open jobs': 'openJobPostings',
  'Hiring in': 'jobDepartments',
  Country: 'country',
  City: 'city',
  Website: 'website',
  Source: 'source',
  'Owner e-mail': 'owner',
  'Stage key': 'stage',
  'Deal value': 'dealValue',
  Currency: 'currency',
  'Expected close': 'expectedCloseOn',
  Urgency: 'urgency',
  Created: 'createdAt',
  'In stage since': 'stageEnteredAt',
  Updated: 'updatedAt',
  'Last activity': 'lastActivityAt',
};

/** Our names that also fit a field less exactly: a file with "Owner e-mail" maps that, else "Owner". */
const OWN_WEAKER: Record<string, ImportField> = { Owner: 'owner', Stage: 'stage', Name: 'fullName' };

/** Other tools' and Russian names, already normalized. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'name first name', 'person first name', 'contact first name', 'имя', 'имя контакта'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'name last name', 'person last name', 'contact last name', 'фамилия'],
  fullName: ['name', 'full name', 'person name', 'contact name', 'contact', 'contact person', 'lead name', 'имя фамилия', 'контакт', 'контактное лицо'],
  fullNameLastFirst: ['фио', 'ф и о', 'фамилия имя отчество', 'фамилия имя'],
  email: [
    'email', 'e mail', 'email address', 'e mail address', 'primary email', 'emails primary email', 'emails', 'person email',
    'person email work', 'contact email', 'эл почта', 'электронная почта', 'почта', 'емейл', 'емэйл', 'имейл', 'email адрес',
  ],
  phone: [
    'phone', 'phone number', 'phones', 'mobile', 'mobile phone', 'mobile phone number', 'work phone', 'person phone',
    'person phone work', 'person phone mobile', 'phones primary phone number', 'phones primary phone', 'телефон', 'мобильный телефон',
    'мобильный', 'рабочий телефон', 'номер телефона', 'тел',
  ],
  roleTitle: ['job title', 'title', 'role', 'position', 'person job title', 'должность', 'позиция', 'роль'],
  roleStartedOn: ['role start date', 'in role since', 'в должности с'],
  seniority: ['seniority', 'seniority level', 'уровень должности'],
  department: ['department', 'person department', 'отдел', 'подразделение', 'департамент'],
  persona: ['persona', 'buyer persona', 'персона'],
  tags: ['tags', 'tag', 'labels', 'person labels', 'теги', 'метки', 'ярлыки'],
  companyName: [
    'company', 'company name', 'account name', 'account', 'organization', 'organization name', 'organisation', 'company name name',
    'компания', 'организация', 'название компании', 'наименование организации', 'клиент',
  ],
  companyDomain: ['domain', 'company domain', 'company domain name', 'domain name', 'company domain name primary link url', 'домен'],
  industry: ['industry', 'company industry', 'organization industry', 'отрасль', 'индустрия', 'сфера', 'сфера деятельности'],
  employeeCount: [
    'employees', 'number of employees', 'employee count', 'employees count', 'company employees', 'organization employees',
    'количество сотрудников', 'число сотрудников', 'сотрудников', 'численность', 'численность сотрудников',
  ],
  monthlyAdSpendUsd: ['ad spend', 'monthly ad spend', 'ad spend month usd', 'рекламный бюджет'],
  adChannels: ['ad channels', 'advertising channels', 'рекламные каналы'],
  technologies: ['technologies', 'tech stack', 'technology', 'технологии', 'стек'],
  openJobPostings: ['open jobs', 'job postings', 'open job postings', 'открытые вакансии', 'вакансии'],
  jobDepartments: ['hiring in', 'hiring departments', 'найм в отделы'],
  country: ['country', 'country region', 'mailing country', 'person country', 'страна'],
  city: ['city', 'mailing city', 'person city', 'город'],
  website: ['website', 'website url', 'web site', 'company website', 'url', 'сайт', 'веб сайт', 'сайт компании'],
  source: ['source', 'lead source', 'original source', 'deal source', 'utm source', 'источник', 'источник лида', 'канал'],
  owner: [
    'owner', 'contact owner', 'lead owner', 'owner name', 'account owner', 'deal owner', 'person owner', 'assigned to',
    'account owner name', 'ответственный', 'ответственный менеджер', 'менеджер', 'владелец',
  ],
  stage: ['stage', 'lifecycle stage', 'lead status', 'deal stage', 'pipeline stage', 'status', 'стадия', 'этап', 'статус', 'стадия сделки', 'этап сделки', 'статус лида'],
  dealValue: ['deal value', 'amount', 'deal amount', 'value', 'opportunity amount', 'сумма сделки', 'сумма', 'бюджет', 'стоимость'],
  currency: ['currency', 'deal currency', 'deal value currency', 'валюта'],
  expectedCloseOn: ['expected close', 'close date', 'expected close date', 'deal expected close date', 'ожидаемая дата закрытия', 'дата закрытия'],
  urgency: ['urgency', 'priority', 'срочность', 'приоритет'],
  createdAt: ['created', 'create date', 'created at', 'created date', 'creation date', 'person add time', 'add time', 'дата создания', 'создан'],
  stageEnteredAt: ['in stage since', 'stage entered', 'в стадии с'],
  updatedAt: ['updated', 'last modified', 'last modified date', 'updated at', 'update time', 'дата изменения', 'изменен'],
  lastActivityAt: ['last activity', 'last activity date', 'last activity at', 'последняя активность', 'дата последней активности'],
};

const STRONG = 3;
const WEAKER = 2;
const SYNONYM = 1;

const TABLE = (() => {
  const table = new Map<string, { field: ImportField; strength: number }>();
  const add = (header: string, field: ImportField, strength: number) => {
    const key = normalizeHeader(header);
    const known = table.get(key);
    if (!known || known.strength < strength) table.set(key, { field, strength });
  };
  for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) for (const name of names) add(name, field, SYNONYM);
  // The table's column labels (a board or view export) read back too.
  const fromAttribute: Partial<Record<string, ImportField>> = { name: 'fullName', ownerId: 'owner', stageKey: 'stage', dealValueMinor: 'dealValue' };
  for (const attribute of LEAD_ATTRIBUTES) {
    const field = fromAttribute[attribute.key] ?? (attribute.key as ImportField);
    if (field in SYNONYMS) add(attribute.label, field, WEAKER);
  }
  for (const [header, field] of Object.entries(OWN_WEAKER)) add(header, field, WEAKER);
  for (const [header, field] of Object.entries(OWN_EXPORT)) add(header, field!, STRONG);
  return table;
})();

/** The suggested field of each column, or null; a field goes to one column only. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  let candidates = header
    .map((name, column) => ({ column, match: TABLE.get(normalizeHeader(name)) }))
    .filter((c): c is { column: number; match: { field: ImportField; strength: number } } => c.match !== undefined);
  // Separate first and last name columns say more than a full name column: the full name stays unmapped.
  if (candidates.some((c) => c.match.field === 'firstName' || c.match.field === 'lastName')) {
    candidates = candidates.filter((c) => c.match.field !== 'fullName' && c.match.field !== 'fullNameLastFirst');
  }
  candidates.sort((a, b) => b.match.strength - a.match.strength || a.column - b.column);
  const mapping: ColumnMapping = header.map(() => null);
  const taken = new Set<ImportField>();
  for (const { column, match } of candidates) {
    if (taken.has(match.field)) continue;
    if (match.field === 'fullName' && taken.has('fullNameLastFirst')) continue;
    if (match.field === 'fullNameLastFirst' && taken.has('fullName')) continue;
    taken.add(match.field);
    mapping[column] = match.field;
  }
  return mapping;
}
