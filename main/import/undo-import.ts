import type { Database } from 'better-sqlite3';
import type { ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CompanyBeforeImage, ImportRepository } from '../store/repositories/import-repository.ts';

/**
 * Undoes an import as a whole, in one transaction: companies it removed come back, companies and
 * leads it updated get their rows (and tags, lists) from before it, the stage moves it made go,
 * and the leads it created are deleted with their history; companies it created go once no lead
 * points at them. Leads it updated come back as they were before the import, so a change made
 * to them after the import goes too. Refused while a later import touched the same leads: undo
 * that one first.
 */
export function createImportUndo(ctx: ServiceContext, imports: ImportRepository) {
  const { db } = ctx;
  const leadColumns = columnsOf(db, 'leads').filter((column) => column !== 'id');
  const companyColumns = columnsOf(db, 'companies');
  const restoreLead = db.prepare(`UPDATE leads SET ${leadColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const clearTags = db.prepare('DELETE FROM lead_tags WHERE lead_id = ?');
  const addTag = db.prepare('INSERT INTO lead_tags (lead_id, tag) VALUES (?, ?)');
  const dropLaterTransitions = db.prepare('DELETE FROM stage_transitions WHERE lead_id = ? AND id > ?');
  const deleteLead = db.prepare('DELETE FROM leads WHERE id = ?');
  // OR REPLACE: a company the import removed may have had its id handed to one the import created.
  const insertCompany = db.prepare(`INSERT OR REPLACE INTO companies (${companyColumns.join(', ')}) VALUES (${companyColumns.map((c) => `@${c}`).join(', ')})`);
  const restoreCompany = db.prepare(`UPDATE companies SET ${companyColumns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const clearAttributes = db.prepare('DELETE FROM company_attributes WHERE company_id = ?');
  const addAttribute = db.prepare('INSERT INTO company_attributes (company_id, kind, value) VALUES (?, ?, ?)');

  function putCompanyBack(companyId: number, before: CompanyBeforeImage, insert: boolean): void {
    const row = pick(before.row, companyColumns);
    if (insert) insertCompany.run(row);
    else restoreCompany.run(row);
    clearAttributes.run(companyId);
    for (const { kind, value } of before.attributes) addAttribute.run(companyId, kind, value);
  }

  return db.transaction((importId: number, at: number): ImportRecord => {
    const record = imports.get(importId);
    if (!record) throw new DomainError('not_found', `There is no import ${importId}.`);
    if (record.status === 'running') throw new DomainError('conflict', 'The import is still running: cancel it first, then undo it.');
    if (record.status === 'undone') throw new DomainError('conflict', 'That import was already undone.');
    if (record.undoBlockedBy) throw new DomainError('conflict', record.undoBlockedBy);

    const restoredCompanies = [...imports.companies(importId, 'deleted'), ...imports.companies(importId, 'updated')];
    for (const { companyId, before } of imports.companies(importId, 'deleted')) putCompanyBack(companyId, before!, true);
    for (const { companyId, before } of imports.companies(importId, 'updated')) putCompanyBack(companyId, before!, false);
    const updated = imports.updatedLeads(importId);
    for (const { leadId, before } of updated) {
      dropLaterTransitions.run(leadId, before.maxTransitionId ?? 0);
      restoreLead.run({ ...pick(before.row, leadColumns), id: leadId });
      clearTags.run(leadId);
      for (const tag of before.tags) addTag.run(leadId, tag);
    }
    for (const leadId of imports.createdLeads(importId)) deleteLead.run(leadId);
    for (const { companyId } of imports.companies(importId, 'created')) ctx.companies.deleteIfOrphan(companyId);

    // Time-based score rules may have moved since the before-images were taken.
    const context = ctx.filterContext();
    if (updated.length > 0) ctx.scores.rescore({ leadIds: updated.map((u) => u.leadId) }, context);
    for (const { companyId } of restoredCompanies) ctx.scores.rescore({ companyId }, context);
    imports.markUndone(importId, at);
    return imports.get(importId)!;
  });
}

function columnsOf(db: Database, table: 'leads' | 'companies'): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((row) => row.name);
}

/** Exactly the named parameters a statement uses (better-sqlite3 refuses unknown ones). */
function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
