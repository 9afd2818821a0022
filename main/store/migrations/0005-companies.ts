import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';

interface OldCompanyColumns {
  id: number;
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  updatedAt: number;
}

interface CompanyDraft {
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  createdAt: number;
  updatedAt: number;
  leadIds: number[];
}

/**
 * Companies become rows of their own, shared by their leads: one per distinct domain, else one per
 * distinct name among leads without a domain. The most recently edited lead's values win; a value
 * it lacks is taken from the other leads of that company. A lead that held company details without
 * a name or a domain gets a company of its own, so that no data is lost.
 */
function moveCompanies(db: Database): void {
  const rows = db
    .prepare<[], OldCompanyColumns>(`
      SELECT id, company_name AS name, company_domain AS domain, industry, employee_count AS employees, updated_at AS updatedAt
      FROM leads
      WHERE company_name IS NOT NULL OR company_domain IS NOT NULL OR industry IS NOT NULL OR employee_count IS NOT NULL
      ORDER BY updated_at DESC, id DESC`)
    .iterate();
  const drafts = new Map<string, CompanyDraft>();
  for (const row of rows) {
    const key = row.domain ? `domain:${row.domain.toLowerCase()}` : row.name ? `name:${row.name}` : `lead:${row.id}`;
    const draft = drafts.get(key);
    if (!draft) {
      drafts.set(key, {
        name: row.name, domain: row.domain?.toLowerCase() ?? null, industry: row.industry, employees: row.employees,
        createdAt: row.updatedAt, updatedAt: row.updatedAt, leadIds: [row.id],
      });
      continue;
    }
    draft.name ??= row.name;
    draft.industry ??= row.industry;
    draft.employees ??= row.employees;
    draft.createdAt = Math.min(draft.createdAt, row.updatedAt);
    draft.leadIds.push(row.id);
  }
  const insert = db.prepare(`
    INSERT INTO companies (name, domain, industry, employee_count, created_at, updated_at)
    VALUES (@name, @domain, @industry, @employees, @createdAt, @updatedAt)`);
  const attach = db.prepare('UPDATE leads SET company_id = ? WHERE id = ?');
  for (const draft of drafts.values()) {
    const companyId = insert.run(draft).lastInsertRowid;
    for (const leadId of draft.leadIds) attach.run(companyId, leadId);
  }
}

export const companies: Migration = {
  version: 5,
  name: 'companies, contact details, tags, score and last activity',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id INTEGER PRIMARY KEY,
        name TEXT,
        domain TEXT,
        industry TEXT,
        employee_count INTEGER CHECK (employee_count >= 0),
        monthly_ad_spend_usd INTEGER CHECK (monthly_ad_spend_usd >= 0),
        open_job_postings INTEGER CHECK (open_job_postings >= 0),
        country TEXT,
        city TEXT,
        website TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- Leads find their company by domain (unique when set), else by exact name.
      CREATE UNIQUE INDEX companies_domain ON companies (domain) WHERE domain IS NOT NULL;
      CREATE INDEX companies_name ON companies (name) WHERE name IS NOT NULL;
      CREATE INDEX companies_industry ON companies (industry);
      CREATE INDEX companies_employees ON companies (employee_count);
      CREATE INDEX companies_ad_spend ON companies (monthly_ad_spend_usd);

      -- Technologies, ad channels and hiring departments: "has any of" reads the (kind, value) index.
      CREATE TABLE company_attributes (
        company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('technology', 'ad_channel', 'job_department')),
        value TEXT NOT NULL,
        PRIMARY KEY (company_id, kind, value)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX company_attributes_by_value ON company_attributes (kind, value, company_id);

      CREATE TABLE lead_tags (
        lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (lead_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX lead_tags_by_tag ON lead_tags (tag, lead_id);

      ALTER TABLE leads ADD COLUMN company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL;
      ALTER TABLE leads ADD COLUMN seniority TEXT CHECK (seniority IN ('entry', 'manager', 'director', 'vp', 'c_level', 'owner'));
      ALTER TABLE leads ADD COLUMN department TEXT;
      ALTER TABLE leads ADD COLUMN persona TEXT;
      ALTER TABLE leads ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE leads ADD COLUMN last_activity_at INTEGER;
    `);
    moveCompanies(db);
    db.exec(`
      ALTER TABLE leads DROP COLUMN company_name;
      ALTER TABLE leads DROP COLUMN company_domain;
      ALTER TABLE leads DROP COLUMN industry;
      ALTER TABLE leads DROP COLUMN employee_count;

      UPDATE leads SET last_activity_at = (
        SELECT max(at) FROM (
          SELECT at FROM stage_transitions WHERE lead_id = leads.id
          UNION ALL SELECT at FROM activities WHERE lead_id = leads.id
        )
      );

      -- Not partial: orphan checks and the search index follow deleted leads' companies too.
      CREATE INDEX leads_company ON leads (company_id);
      CREATE INDEX leads_score ON leads (score) WHERE deleted_at IS NULL;
      CREATE INDEX leads_last_activity ON leads (last_activity_at) WHERE deleted_at IS NULL;
      CREATE INDEX leads_created ON leads (created_at) WHERE deleted_at IS NULL;
      -- The table's name sort, written exactly as main/store/filter/sort.ts orders by it.
      CREATE INDEX leads_name ON leads (
        nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '') COLLATE NOCASE
      ) WHERE deleted_at IS NULL;
      CREATE INDEX leads_role_title ON leads (role_title) WHERE deleted_at IS NULL;
      CREATE INDEX leads_source ON leads (source) WHERE deleted_at IS NULL;

      -- Every activity and stage move (creation included) counts as the lead's latest activity,
      -- whoever writes it: the app, the demo generator or an import.
      CREATE TRIGGER activities_touch_lead AFTER INSERT ON activities BEGIN
        UPDATE leads SET last_activity_at = max(coalesce(last_activity_at, NEW.at), NEW.at) WHERE id = NEW.lead_id;
      END;
      CREATE TRIGGER transitions_touch_lead AFTER INSERT ON stage_transitions BEGIN
        UPDATE leads SET last_activity_at = max(coalesce(last_activity_at, NEW.at), NEW.at) WHERE id = NEW.lead_id;
      END;
    `);
  },
};
