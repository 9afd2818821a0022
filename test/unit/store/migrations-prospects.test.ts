import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { leadFilterSchema, filterConditionSchema } from '../../../shared/ipc/schemas.ts';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';

const open: Database.Database[] = [];
function migratedTo(n: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  migrate(db, MIGRATIONS.slice(0, n));
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const names = (db: Database.Database, type: string) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]).map((r) => r.name);
const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name);

/** A v4 lead with the old company columns. */
function oldLead(db: Database.Database, fields: Record<string, unknown>, updatedAt: number): number {
  const row = {
    first_name: null, company_name: null, company_domain: null, industry: null, employee_count: null, ...fields,
    stage_key: 'awareness', position: `a${updatedAt}`, at: updatedAt,
  };
  return Number(
    db
      .prepare(`
        INSERT INTO leads (first_name, company_name, company_domain, industry, employee_count, stage_key, position, stage_entered_at, created_at, updated_at)
        VALUES (@first_name, @company_name, @company_domain, @industry, @employee_count, @stage_key, @position, @at, @at, @at)`)
      .run(row).lastInsertRowid,
  );
}

function companyOf(db: Database.Database, leadId: number) {
  return db
    .prepare(`
      SELECT c.id, c.name, c.domain, c.industry, c.employee_count AS employees
      FROM leads l LEFT JOIN companies c ON c.id = l.company_id WHERE l.id = ?`)
    .get(leadId) as { id: number | null; name: string | null; domain: string | null; industry: string | null; employees: number | null };
}

describe('0005 companies, contact details, tags, score and last activity', () => {
  it('moves existing company data into shared companies and keeps every lead its data', () => {
    const db = migratedTo(4);
    // Two leads of one domain: the most recently edited one wins, gaps are filled from the other.
    const older = oldLead(db, { first_name: 'Old', company_name: 'Bluefin', company_domain: 'bluefinbank.eu', industry: 'Banking', employee_count: 800 }, 10);
    const newer = oldLead(db, { first_name: 'New', company_name: 'Bluefin Bank', company_domain: 'bluefinbank.eu' }, 20);
    // Name only: one company per distinct name.
    const named1 = oldLead(db, { first_name: 'N1', company_name: 'ООО «Ромашка»', industry: 'Retail' }, 30);
    const named2 = oldLead(db, { first_name: 'N2', company_name: 'ООО «Ромашка»' }, 31);
    const other = oldLead(db, { first_name: 'N3', company_name: 'ООО «Лютик»' }, 32);
    // Details without a name or domain still survive, in a company of the lead's own.
    const bare = oldLead(db, { first_name: 'Bare', industry: 'Software', employee_count: 12 }, 40);
    const none = oldLead(db, { first_name: 'Nobody' }, 50);
    db.prepare("INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (?, NULL, 'awareness', 10)").run(older);
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'note', 99, 'later note')").run(older);
    db.prepare("INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (?, NULL, 'awareness', 20)").run(newer);

    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(companyOf(db, older)).toEqual({ id: expect.any(Number), name: 'Bluefin Bank', domain: 'bluefinbank.eu', industry: 'Banking', employees: 800 });
    expect(companyOf(db, newer)).toEqual(companyOf(db, older));
    expect(companyOf(db, named1)).toMatchObject({ name: 'ООО «Ромашка»', domain: null, industry: 'Retail' });
    expect(companyOf(db, named2).id).toBe(companyOf(db, named1).id);
    expect(companyOf(db, other).id).not.toBe(companyOf(db, named1).id);
    expect(companyOf(db, bare)).toMatchObject({ name: null, domain: null, industry: 'Software', employees: 12 });
    expect(companyOf(db, none).id).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 4 });
    // Names and the rest of the lead rows are untouched.
    expect((db.prepare('SELECT first_name FROM leads ORDER BY id').all() as { first_name: string }[]).map((r) => r.first_name)).toEqual([
      'Old', 'New', 'N1', 'N2', 'N3', 'Bare', 'Nobody',
    ]);
    // Last activity: the latest transition or activity; none for leads without history.
    const lastActivity = db.prepare('SELECT last_activity_at AS at FROM leads WHERE id = ?').pluck();
    expect([lastActivity.get(older), lastActivity.get(newer), lastActivity.get(none)]).toEqual([99, 20, null]);
  });

  it('drops the old columns, adds the new ones, keeps the board indexes and adds the filter indexes', () => {
    const db = migratedTo(5);
    const leadColumns = columns(db, 'leads');
    for (const gone of ['company_name', 'company_domain', 'industry', 'employee_count']) expect(leadColumns).not.toContain(gone);
    expect(leadColumns).toEqual(expect.arrayContaining(['company_id', 'seniority', 'department', 'persona', 'score', 'last_activity_at', 'role_title', 'role_started_on', 'source']));
    expect(columns(db, 'companies')).toEqual([
      'id', 'name', 'domain', 'industry', 'employee_count', 'monthly_ad_spend_usd', 'open_job_postings', 'country', 'city', 'website', 'created_at', 'updated_at',
    ]);
    expect(columns(db, 'company_attributes')).toEqual(['company_id', 'kind', 'value']);
    expect(columns(db, 'lead_tags')).toEqual(['lead_id', 'tag']);
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'leads_by_stage_position', 'leads_stage_value', 'leads_owner', 'leads_email',
        'leads_company', 'leads_score', 'leads_last_activity', 'leads_created', 'leads_name',
        'companies_domain', 'companies_name', 'companies_industry', 'companies_employees',
        'company_attributes_by_value', 'lead_tags_by_tag',
      ]),
    );
    const withoutRowid = (table: string) => (db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(table) as string).includes('WITHOUT ROWID');
    expect(withoutRowid('company_attributes') && withoutRowid('lead_tags')).toBe(true);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'company_attributes_by_value'").pluck().get()).toMatch(/\(kind, value, company_id\)/);
  });

  it('constraints: unique domain when set, known attribute kinds and seniorities, score defaults to 0', () => {
    const db = migratedTo(5);
    const company = db.prepare('INSERT INTO companies (name, domain, created_at, updated_at) VALUES (?, ?, 0, 0)');
    const a = Number(company.run('A', 'a.com').lastInsertRowid);
    expect(() => company.run('A again', 'a.com')).toThrow(/UNIQUE/);
    company.run('No domain 1', null);
    company.run('No domain 2', null);
    expect(() => db.prepare("INSERT INTO company_attributes VALUES (?, 'religion', 'x')").run(a)).toThrow(/CHECK/);
    db.prepare("INSERT INTO company_attributes VALUES (?, 'technology', 'HubSpot')").run(a);
    const lead = db.prepare("INSERT INTO leads (stage_key, position, stage_entered_at, created_at, updated_at, company_id) VALUES ('mql', 'a0', 0, 0, 0, ?)").run(a);
    expect(db.prepare('SELECT score, last_activity_at AS at FROM leads').get()).toEqual({ score: 0, at: null });
    expect(() => db.prepare("UPDATE leads SET seniority = 'intern'").run()).toThrow(/CHECK/);
    // Tags and attributes follow their lead and company.
    db.prepare("INSERT INTO lead_tags VALUES (?, 'vip')").run(lead.lastInsertRowid);
    db.prepare('DELETE FROM leads').run();
    db.prepare('DELETE FROM companies WHERE id = ?').run(a);
    expect(db.prepare('SELECT (SELECT count(*) FROM lead_tags) + (SELECT count(*) FROM company_attributes) AS n').get()).toEqual({ n: 0 });
  });

  it('keeps last_activity_at current from any writer: new transitions and activities, never moving it back', () => {
    const db = migratedTo(5);
    const id = db.prepare("INSERT INTO leads (stage_key, position, stage_entered_at, created_at, updated_at) VALUES ('awareness', 'a0', 0, 0, 0)").run().lastInsertRowid;
    const at = () => db.prepare('SELECT last_activity_at FROM leads WHERE id = ?').pluck().get(id);
    db.prepare("INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at) VALUES (?, NULL, 'awareness', 100)").run(id);
    expect(at()).toBe(100);
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'call', 300, 'x')").run(id);
    expect(at()).toBe(300);
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'note', 200, 'back-dated')").run(id);
    expect(at()).toBe(300);
  });
});

describe('0006 full-text search over leads', () => {
  const match = (db: Database.Database, query: string) => db.prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ? ORDER BY rowid').pluck().all(query);

  it('indexes the leads already there, then follows leads, companies and activities through triggers', () => {
    const db = migratedTo(5);
    const company = db.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Банк «Восток»', 'vostokbank.ru', 0, 0)").run().lastInsertRowid;
    const insertLead = db.prepare(
      "INSERT INTO leads (first_name, last_name, email, company_id, stage_key, position, stage_entered_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'awareness', ?, 0, 0, 0)",
    );
    const old = insertLead.run('Ольга', 'Петрова', 'olga@vostokbank.ru', company, 'a0').lastInsertRowid;
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'note', 1, 'Просили КП')").run(old);

    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(names(db, 'table')).toContain('lead_search');
    expect(names(db, 'trigger')).toEqual(expect.arrayContaining(['lead_search_insert', 'lead_search_update', 'lead_search_delete', 'lead_search_company', 'lead_search_activity_insert']));
    // Existing data is searchable at once: name (any case), e-mail, company, domain, notes.
    for (const query of ['"петр"*', '"ПЕТРОВА"*', '"olga@vostokbank.ru"*', '"восток"*', '"vostokbank"*', '"кп"*']) expect(match(db, query), query).toEqual([old]);

    const fresh = insertLead.run('Ivan', 'Smirnov', null, null, 'a1').lastInsertRowid;
    expect(match(db, '"smirn"*')).toEqual([fresh]);
    db.prepare("UPDATE leads SET last_name = 'Popov' WHERE id = ?").run(fresh);
    expect(match(db, '"smirn"*')).toEqual([]);
    expect(match(db, '"popov"*')).toEqual([fresh]);
    db.prepare("UPDATE companies SET name = 'Восток Финанс' WHERE id = ?").run(company);
    expect(match(db, '"финанс"*')).toEqual([old]);
    expect(match(db, '"банк"*')).toEqual([]);
    db.prepare("INSERT INTO activities (lead_id, type, at, body) VALUES (?, 'note', 2, 'Budget approved')").run(fresh);
    expect(match(db, '"budget"*')).toEqual([fresh]);
    db.prepare('DELETE FROM activities WHERE lead_id = ?').run(fresh);
    expect(match(db, '"budget"*')).toEqual([]);
    db.prepare('DELETE FROM leads WHERE id = ?').run(fresh);
    expect(match(db, '"popov"*')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM lead_search').pluck().get()).toBe(1);
  });
});

describe('0007 saved views and lead score rules', () => {
  it('creates the tables and seeds three default views and the default score rules, all valid for the schemas', () => {
    const db = migratedTo(7);
    expect(schemaVersion(db)).toBe(7);
    const views = db.prepare('SELECT name, filter_json AS filter, columns_json AS columns, sort_json AS sort, position FROM saved_views ORDER BY position').all() as {
      name: string; filter: string; columns: string; sort: string; position: number;
    }[];
    expect(views.map((v) => v.name)).toEqual(['My open leads', 'MQLs waiting for sales acceptance', 'Stale: no activity in 14 days']);
    for (const view of views) expect(leadFilterSchema.safeParse(JSON.parse(view.filter)).success, view.name).toBe(true);
    expect(JSON.parse(views[0]!.filter)).toEqual({
      all: [
        { field: 'ownerId', op: 'is_any_of', values: ['me'] },
        { field: 'stageKey', op: 'is_any_of', values: ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql'] },
      ],
    });
    expect(JSON.parse(views[1]!.filter)).toEqual({ all: [{ field: 'stageKey', op: 'is_any_of', values: ['mql'] }] });
    expect(JSON.parse(views[2]!.filter).all[0]).toEqual({
      any: [{ field: 'lastActivityAt', op: 'not_within_last_days', value: 14 }, { field: 'lastActivityAt', op: 'is_empty' }],
    });
    expect(JSON.parse(views[0]!.columns)[0]).toEqual({ key: 'name', width: null });
    expect(JSON.parse(views[0]!.sort)).toEqual([{ field: 'score', dir: 'desc' }]);

    const rules = db.prepare('SELECT label, condition_json AS condition, points FROM score_rules ORDER BY position').all() as { label: string; condition: string; points: number }[];
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) expect(filterConditionSchema.safeParse(JSON.parse(rule.condition)).success, rule.label).toBe(true);
    expect(rules.some((r) => r.points < 0)).toBe(true);
    expect(() => db.prepare("INSERT INTO saved_views (name, filter_json, columns_json, sort_json, position) VALUES ('My open leads', '{}', '[]', '[]', 9)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO score_rules (label, condition_json, points, position) VALUES ('x', 'not json', 1, 9)").run()).toThrow(/CHECK/);
  });
});
