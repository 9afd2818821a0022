import type { Migration } from './migration.ts';

/** The search document of the leads matched by `where` (a condition on `l`); 0011 and the bulk import reuse it. */
export function indexLeads(where: string): string {
  return `
    INSERT INTO lead_search (rowid, name, email, company, domain, notes)
    SELECT l.id, trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), l.email, c.name, c.domain,
      (SELECT group_concat(a.body, char(10)) FROM activities a WHERE a.lead_id = l.id)
    FROM leads l LEFT JOIN companies c ON c.id = l.company_id
    WHERE ${where};`;
}

/**
 * Quick search: an FTS5 index over names, e-mails, company names, domains and notes, one row per
 * lead (rowid = lead id), kept in sync by triggers so that no writer can forget it. unicode61 folds
 * case for Cyrillic too; remove_diacritics 2 lets "Muller" find "Müller". Deleted leads stay indexed
 * (a restore needs no rebuild); queries join back to leads and skip them.
 */
export const search: Migration = {
  version: 6,
  name: 'full-text search over leads',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE lead_search USING fts5 (
        name, email, company, domain, notes,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      ${indexLeads('1 = 1')}

      CREATE TRIGGER lead_search_insert AFTER INSERT ON leads BEGIN
        ${indexLeads('l.id = NEW.id')}
      END;
      CREATE TRIGGER lead_search_update AFTER UPDATE OF first_name, last_name, email, company_id ON leads
      WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
        OR OLD.email IS NOT NEW.email OR OLD.company_id IS NOT NEW.company_id
      BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.id;
        ${indexLeads('l.id = NEW.id')}
      END;
      CREATE TRIGGER lead_search_delete AFTER DELETE ON leads BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.id;
      END;

      -- A renamed company (or a new domain) re-indexes every lead of it.
      CREATE TRIGGER lead_search_company AFTER UPDATE OF name, domain ON companies
      WHEN OLD.name IS NOT NEW.name OR OLD.domain IS NOT NEW.domain
      BEGIN
        DELETE FROM lead_search WHERE rowid IN (SELECT id FROM leads WHERE company_id = NEW.id);
        ${indexLeads('l.company_id = NEW.id')}
      END;

      CREATE TRIGGER lead_search_activity_insert AFTER INSERT ON activities BEGIN
        DELETE FROM lead_search WHERE rowid = NEW.lead_id;
        ${indexLeads('l.id = NEW.lead_id')}
      END;
      CREATE TRIGGER lead_search_activity_update AFTER UPDATE OF body, lead_id ON activities BEGIN
        DELETE FROM lead_search WHERE rowid IN (OLD.lead_id, NEW.lead_id);
        ${indexLeads('l.id IN (OLD.lead_id, NEW.lead_id)')}
      END;
      CREATE TRIGGER lead_search_activity_delete AFTER DELETE ON activities BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.lead_id;
        ${indexLeads('l.id = OLD.lead_id')}
      END;
    `);
  },
};
