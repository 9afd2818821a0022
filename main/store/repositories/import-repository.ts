import type { Database } from 'better-sqlite3';
import type { ColumnMapping, DuplicatePolicy, ImportCounts, ImportRecord, ImportStatus } from '../../../shared/domain/csv-transfer.ts';

interface ImportRow {
  id: number;
  fileName: string;
  byName: string | null;
  status: ImportStatus;
  onDuplicate: DuplicatePolicy;
  startedAt: number;
  finishedAt: number | null;
  undoneAt: number | null;
  message: string | null;
  read: number;
  created: number;
  duplicates: number;
  updated: number;
  skipped: number;
  rejected: number;
  existingCompanies: number;
  blockedBy: number | null;
}

/** How many leads an import wrote (its rows in import_leads). */
const TOUCHED = (alias: string) => `(${alias}.created_count + ${alias}.updated_count)`;

/**
 * blockedBy: the first later import, not undone, that touched one of this import's leads. The
 * overlap is looked up from the smaller of the two imports' leads (a primary-key probe into the
 * other's), so that the record of a million-lead import is read in microseconds when nothing came
 * after it, and never costs more than the smaller import's size per later import.
 */
const IMPORT_COLUMNS = `
  i.id, i.file_name AS fileName, i.status, i.on_duplicate AS onDuplicate, i.started_at AS startedAt,
  i.finished_at AS finishedAt, i.undone_at AS undoneAt, i.message,
  (SELECT name FROM team_members WHERE id = i.by_member_id) AS byName,
  i.read_count AS read, i.created_count AS created, i.duplicate_count AS duplicates, i.updated_count AS updated,
  i.skipped_count AS skipped, i.rejected_count AS rejected, i.existing_company_count AS existingCompanies,
  (SELECT min(li.id) FROM imports li
   WHERE li.id > i.id AND li.status <> 'undone' AND (
     (${TOUCHED('i')} <= ${TOUCHED('li')} AND EXISTS (
       SELECT 1 FROM import_leads mine JOIN import_leads later ON later.import_id = li.id AND later.lead_id = mine.lead_id WHERE mine.import_id = i.id))
     OR (${TOUCHED('i')} > ${TOUCHED('li')} AND EXISTS (
       SELECT 1 FROM import_leads later JOIN import_leads mine ON mine.import_id = i.id AND mine.lead_id = later.lead_id WHERE later.import_id = li.id))
   )) AS blockedBy`;

export interface LeadBeforeImage {
  row: Record<string, unknown>;
  tags: string[];
  /** The lead's latest stage transition before the import: undo removes the ones after it. */
  maxTransitionId: number | null;
}

export interface CompanyBeforeImage {
  row: Record<string, unknown>;
  attributes: { kind: string; value: string }[];
}

/** The import history and the records an undo needs. Statements are prepared once. */
export function createImportRepository(db: Database) {
  const insert = db.prepare(`
    INSERT INTO imports (file_name, header_json, settings_json, on_duplicate, by_member_id, status, started_at)
    VALUES (?, ?, ?, ?, ?, 'running', ?)`);
  const setCounts = db.prepare(`
    UPDATE imports SET read_count = @read, created_count = @created, duplicate_count = @duplicates, updated_count = @updated,
      skipped_count = @skipped, rejected_count = @rejected, existing_company_count = @existingCompanies
    WHERE id = @id`);
  const finish = db.prepare("UPDATE imports SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = 'running'");
  const failRunning = db.prepare("UPDATE imports SET status = 'failed', finished_at = ?, message = ? WHERE status = 'running'");
  const markUndone = db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?");
  const byId = db.prepare<[number], ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM imports i WHERE i.id = ?`);
  const all = db.prepare<[], ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM imports i ORDER BY i.id DESC`);
  const header = db.prepare<[number], { json: string }>('SELECT header_json AS json FROM imports WHERE id = ?');
  const recordLead = db.prepare(`
    INSERT INTO import_leads (import_id, lead_id, action, before_json, transition_id) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (import_id, lead_id) DO NOTHING`);
  const recordCompany = db.prepare(`
    INSERT INTO import_companies (import_id, company_id, action, before_json) VALUES (?, ?, ?, ?)
    ON CONFLICT (import_id, company_id) DO NOTHING`);
  const companyRecorded = db.prepare<[number, number], { action: string }>(
    'SELECT action FROM import_companies WHERE import_id = ? AND company_id = ?',
  );
  const leadsOf = db.prepare<[number, string], { leadId: number; before: string | null; transitionId: number | null }>(`
    SELECT lead_id AS leadId, before_json AS before, transition_id AS transitionId FROM import_leads WHERE import_id = ? AND action = ?`);
  const companiesOf = db.prepare<[number, string], { companyId: number; before: string | null }>(`
    SELECT company_id AS companyId, before_json AS before FROM import_companies WHERE import_id = ? AND action = ?`);
  const insertReject = db.prepare('INSERT OR REPLACE INTO import_rejects (import_id, line, fields_json, error) VALUES (?, ?, ?, ?)');
  const rejects = db.prepare<[number, number, number], { line: number; fields: string; error: string }>(
    'SELECT line, fields_json AS fields, error FROM import_rejects WHERE import_id = ? AND line > ? ORDER BY line LIMIT ?',
  );
  const mapping = db.prepare<[string], { json: string }>('SELECT columns_json AS json FROM import_mappings WHERE signature = ?');
  const saveMapping = db.prepare(`
    INSERT INTO import_mappings (signature, columns_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (signature) DO UPDATE SET columns_json = excluded.columns_json, updated_at = excluded.updated_at`);
  const leadRow = db.prepare<[number], Record<string, unknown>>('SELECT * FROM leads WHERE id = ?');
  const companyRow = db.prepare<[number], Record<string, unknown>>('SELECT * FROM companies WHERE id = ?');
  const tagsOf = db.prepare<[number], { tag: string }>('SELECT tag FROM lead_tags WHERE lead_id = ? ORDER BY tag');
  const maxTransition = db.prepare<[number], { id: number | null }>('SELECT max(id) AS id FROM stage_transitions WHERE lead_id = ?');
  const promoteToDeleted = db.prepare("UPDATE import_companies SET action = 'deleted' WHERE import_id = ? AND company_id = ? AND action = 'updated'");
  const attributesOf = db.prepare<[number], { kind: string; value: string }>(
    'SELECT kind, value FROM company_attributes WHERE company_id = ? ORDER BY kind, value',
  );

  function toRecord(row: ImportRow): ImportRecord {
    const { read, created, duplicates, updated, skipped, rejected, existingCompanies, blockedBy, ...rest } = row;
    const undoable = row.status !== 'running' && row.status !== 'undone' && created + updated > 0;
    return {
      ...rest,
      counts: { read, created, duplicates, updated, skipped, rejected, existingCompanies },
      canUndo: undoable && blockedBy === null,
      undoBlockedBy: undoable && blockedBy !== null ? `Import ${blockedBy} changed some of the same leads later: undo it first.` : null,
    };
  }

  return {
    /** `byMemberId`: who ran it (the current member), shown in the import history. */
    start(fileName: string, headerNames: readonly string[], settings: unknown, onDuplicate: DuplicatePolicy, byMemberId: number | null, at: number): number {
      return Number(insert.run(fileName, JSON.stringify(headerNames), JSON.stringify(settings), onDuplicate, byMemberId, at).lastInsertRowid);
    },
    setCounts(id: number, counts: ImportCounts): void {
      setCounts.run({ id, ...counts });
    },
    /** Only a running import ends, once. */
    finish(id: number, status: 'done' | 'cancelled' | 'failed', at: number, message: string | null = null): boolean {
      return finish.run(status, at, message, id).changes > 0;
    },
    /** Imports a closed app left 'running': they ended when it closed. */
    failRunning(at: number, message: string): number {
      return failRunning.run(at, message).changes;
    },
    markUndone(id: number, at: number): void {
      markUndone.run(at, id);
    },
    get(id: number): ImportRecord | undefined {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    list(): ImportRecord[] {
      return all.all().map(toRecord);
    },
    header(id: number): string[] {
      const row = header.get(id);
      return row ? (JSON.parse(row.json) as string[]) : [];
    },
    recordCreatedLead(importId: number, leadId: number): void {
      recordLead.run(importId, leadId, 'created', null, null);
    },
    recordUpdatedLead(importId: number, leadId: number, before: LeadBeforeImage, transitionId: number | null): void {
      recordLead.run(importId, leadId, 'updated', JSON.stringify(before), transitionId);
    },
    /** A company's first change in this import is the one that counts: its state before the import. */
    recordCompany(importId: number, companyId: number, action: 'created' | 'updated' | 'deleted', before: CompanyBeforeImage | null): void {
      recordCompany.run(importId, companyId, action, before && JSON.stringify(before));
    },
    companyRecorded(importId: number, companyId: number): 'created' | 'updated' | 'deleted' | null {
      return (companyRecorded.get(importId, companyId)?.action as 'created' | 'updated' | 'deleted' | undefined) ?? null;
    },
    /** A company the import changed, then removed as an orphan: undo must recreate it from its first image. */
    promoteToDeleted(importId: number, companyId: number): void {
      promoteToDeleted.run(importId, companyId);
    },
    createdLeads(importId: number): number[] {
      return leadsOf.all(importId, 'created').map((row) => row.leadId);
    },
    updatedLeads(importId: number): { leadId: number; before: LeadBeforeImage; transitionId: number | null }[] {
      return leadsOf.all(importId, 'updated').map((row) => ({ leadId: row.leadId, before: JSON.parse(row.before!) as LeadBeforeImage, transitionId: row.transitionId }));
    },
    companies(importId: number, action: 'created' | 'updated' | 'deleted'): { companyId: number; before: CompanyBeforeImage | null }[] {
      return companiesOf.all(importId, action).map((row) => ({ companyId: row.companyId, before: row.before === null ? null : (JSON.parse(row.before) as CompanyBeforeImage) }));
    },
    addReject(importId: number, line: number, fields: readonly string[], error: string): void {
      insertReject.run(importId, line, JSON.stringify(fields), error);
    },
    /** A page of rejected rows after `afterLine`: read in pages, so no statement stays open across a file write. */
    rejects(importId: number, afterLine: number, limit: number): { line: number; fields: string[]; error: string }[] {
      return rejects.all(importId, afterLine, limit).map((row) => ({ line: row.line, fields: JSON.parse(row.fields) as string[], error: row.error }));
    },
    mapping(signature: string): ColumnMapping | null {
      const row = mapping.get(signature);
      return row ? (JSON.parse(row.json) as ColumnMapping) : null;
    },
    saveMapping(signature: string, columns: ColumnMapping, at: number): void {
      saveMapping.run(signature, JSON.stringify(columns), at);
    },
    leadBeforeImage(leadId: number): LeadBeforeImage | null {
      const row = leadRow.get(leadId);
      return row ? { row, tags: tagsOf.all(leadId).map((t) => t.tag), maxTransitionId: maxTransition.get(leadId)?.id ?? null } : null;
    },
    companyBeforeImage(companyId: number): CompanyBeforeImage | null {
      const row = companyRow.get(companyId);
      return row ? { row, attributes: attributesOf.all(companyId) } : null;
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
