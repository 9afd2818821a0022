import type { Database } from 'better-sqlite3';
import type { CompanyFields } from '../../../shared/domain/lead.ts';
import type { CompanyAttributeKind } from '../filter/fields.ts';

export interface Company extends CompanyFields {
  id: number;
}

type CompanyRow = Omit<Company, 'adChannels' | 'technologies' | 'jobDepartments'>;

const COLUMNS = `
  id, name AS companyName, domain AS companyDomain, industry, employee_count AS employeeCount,
  monthly_ad_spend_usd AS monthlyAdSpendUsd, open_job_postings AS openJobPostings, country, city, website`;

/** Which attribute kind holds which list field of a company. */
const LISTS = [
  ['adChannels', 'ad_channel'],
  ['technologies', 'technology'],
  ['jobDepartments', 'job_department'],
] as const satisfies readonly (readonly [keyof CompanyFields, CompanyAttributeKind])[];

const SCALARS = [
  'companyName', 'companyDomain', 'industry', 'employeeCount', 'monthlyAdSpendUsd', 'openJobPostings', 'country', 'city', 'website',
] as const satisfies readonly (keyof CompanyFields)[];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.every((value, index) => value === b[index])) return true;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.length === sortedB.length && sortedA.every((value, index) => value === sortedB[index]);
}

/** Whether writing `fields` over `current` would change anything. */
export function companyDiffers(current: Company, fields: CompanyFields): boolean {
  return SCALARS.some((key) => current[key] !== fields[key]) || LISTS.some(([key]) => !sameList(current[key], fields[key]));
}

/** Companies: shared by their leads, found by domain or exact name, with list attributes. */
export function createCompanyRepository(db: Database) {
  const byId = db.prepare<[number], CompanyRow>(`SELECT ${COLUMNS} FROM companies WHERE id = ?`);
  const byDomain = db.prepare<[string], { id: number }>('SELECT id FROM companies WHERE domain = ?');
  const byName = db.prepare<[string], { id: number }>('SELECT id FROM companies WHERE name = ? ORDER BY id LIMIT 1');
  const byNameWithoutDomain = db.prepare<[string], { id: number }>(
    'SELECT id FROM companies WHERE name = ? AND domain IS NULL ORDER BY id LIMIT 1',
  );
  const attributesOf = db.prepare<[number], { kind: CompanyAttributeKind; value: string }>(
    'SELECT kind, value FROM company_attributes WHERE company_id = ? ORDER BY kind, value',
  );
  const insert = db.prepare(`
    INSERT INTO companies (name, domain, industry, employee_count, monthly_ad_spend_usd, open_job_postings, country, city, website, created_at, updated_at)
    VALUES (@companyName, @companyDomain, @industry, @employeeCount, @monthlyAdSpendUsd, @openJobPostings, @country, @city, @website, @at, @at)`);
  const update = db.prepare(`
    UPDATE companies SET name = @companyName, domain = @companyDomain, industry = @industry, employee_count = @employeeCount,
      monthly_ad_spend_usd = @monthlyAdSpendUsd, open_job_postings = @openJobPostings, country = @country, city = @city,
      website = @website, updated_at = @at
    WHERE id = @id`);
  const clearKind = db.prepare('DELETE FROM company_attributes WHERE company_id = ? AND kind = ?');
  const insertAttribute = db.prepare('INSERT OR IGNORE INTO company_attributes (company_id, kind, value) VALUES (?, ?, ?)');
  const deleteOrphan = db.prepare('DELETE FROM companies WHERE id = ? AND NOT EXISTS (SELECT 1 FROM leads WHERE company_id = ?)');

  function scalars(fields: CompanyFields) {
    return Object.fromEntries(SCALARS.map((key) => [key, fields[key]])) as Pick<CompanyFields, (typeof SCALARS)[number]>;
  }

  function writeLists(id: number, fields: CompanyFields, only: readonly (keyof CompanyFields)[] | null): void {
    for (const [key, kind] of LISTS) {
      if (only && !only.includes(key)) continue;
      clearKind.run(id, kind);
      for (const value of fields[key] as string[]) insertAttribute.run(id, kind, value);
    }
  }

  function get(id: number): Company | undefined {
    const row = byId.get(id);
    if (!row) return undefined;
    const company: Company = { ...row, adChannels: [], technologies: [], jobDepartments: [] };
    for (const { kind, value } of attributesOf.all(id)) {
      const key = LISTS.find(([, k]) => k === kind)![0];
      company[key].push(value);
    }
    return company;
  }

  return {
    get,
    findByDomain(domain: string): number | null {
      return byDomain.get(domain)?.id ?? null;
    },
    findByName(name: string): number | null {
      return byName.get(name)?.id ?? null;
    },
    /** A company known by its name only: a lead that brings the domain can complete it. */
    findByNameWithoutDomain(name: string): number | null {
      return byNameWithoutDomain.get(name)?.id ?? null;
    },
    insert(fields: CompanyFields, at: number): number {
      const id = Number(insert.run({ ...scalars(fields), at }).lastInsertRowid);
      writeLists(id, fields, null);
      return id;
    },
    /**
     * Writes what differs and says whether anything did: an unchanged company is not touched, so
     * that its leads are neither re-indexed for search nor rescored for nothing.
     */
    update(id: number, fields: CompanyFields, at: number): boolean {
      const current = get(id);
      if (!current) return false;
      const scalarsChanged = SCALARS.some((key) => current[key] !== fields[key]);
      const listsChanged = LISTS.filter(([key]) => !sameList(current[key], fields[key])).map(([key]) => key);
      if (!scalarsChanged && listsChanged.length === 0) return false;
      update.run({ ...scalars(fields), id, at });
      writeLists(id, fields, listsChanged);
      return true;
    },
    /** Removes a company no lead (deleted ones included) points at any more. */
    deleteIfOrphan(id: number): boolean {
      return deleteOrphan.run(id, id).changes > 0;
    },
  };
}

export type CompanyRepository = ReturnType<typeof createCompanyRepository>;
