import { generateKeyBetween } from 'fractional-indexing';
import { EMPTY_LEAD_FIELDS, type Lead, type LeadFields } from '../../shared/domain/lead.ts';
import type { ServiceContext } from '../services/context.ts';
import { linkCompany } from '../services/company-link.ts';
import type { ImportRepository } from '../store/repositories/import-repository.ts';
import type { Decision, ExistingLead } from './decide.ts';
import { cachedCompanies } from './cached-companies.ts';
import { recordingCompanies } from './recording-companies.ts';
import type { ConvertedRow } from './row-to-lead.ts';

/**
 * Writes decided rows the way the app's lead service would, on the import's own connection:
 * company linking (shared companies, matched by domain), tags, the creation transition at the
 * row's "created" time, a stage move for an update that changes the stage; and records each
 * lead and company it touches so that the import can be undone. Call inside a transaction; one
 * row that fails rolls back alone (a savepoint) and is reported as rejected.
 */
export interface ImportWriter {
  /** The live lead with this e-mail (any case), if any; its fields only when `withFields` (an update needs them). */
  findByEmail(email: string, withFields: boolean): ExistingLead | null;
  /** Whether a company with this domain was stored before this import created it. */
  companyExists(domain: string): boolean;
  /** Writes a create or update decision; returns the lead id and a shared company whose leads need rescoring. */
  apply(decision: Extract<Decision, { action: 'create' | 'update' }>, row: RowMoments & { values: Partial<LeadFields> }): { leadId: number; changedCompanyId: number | null };
  /** Asks the DB for the bottom of each column and the companies again (the app may have changed them between batches). */
  startBatch(): void;
}

type RowMoments = Pick<ConvertedRow, 'createdAt' | 'stageEnteredAt' | 'updatedAt' | 'lastActivityAt'>;

export function createImportWriter(ctx: ServiceContext, imports: ImportRepository, importId: number, at: number): ImportWriter {
  const { db, leads, history, team } = ctx;
  // Companies as read in this batch (most rows name one already stored), recorded for undo.
  const cache = cachedCompanies(ctx.companies);
  const companies = recordingCompanies(cache, imports, importId);
  const byEmail = db.prepare<[string], { id: number }>(
    'SELECT id FROM leads WHERE email = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY id LIMIT 1',
  );
  const createdCompany = db.prepare<[number, number], { n: number }>(
    "SELECT count(*) AS n FROM import_companies WHERE import_id = ? AND company_id = ? AND action = 'created'",
  );
  // A created lead keeps the file's "updated" and "last activity" (the creation transition's trigger keeps the later one).
  const setMoments = db.prepare('UPDATE leads SET updated_at = coalesce(?, updated_at), last_activity_at = ? WHERE id = ?');
  const memberId = team.currentMemberId();
  const lastKey = new Map<string, string | null>();

  function bottomOf(stageKey: string): string {
    const position = generateKeyBetween(lastKey.has(stageKey) ? lastKey.get(stageKey)! : leads.lastPosition(stageKey, 0), null);
    lastKey.set(stageKey, position);
    return position;
  }

  function fieldsOf(lead: Lead): LeadFields {
    const fields = { ...EMPTY_LEAD_FIELDS };
    for (const key of Object.keys(fields) as (keyof LeadFields)[]) (fields as Record<string, unknown>)[key] = lead[key];
    return fields;
  }

  const applyRow = db.transaction((decision: Extract<Decision, { action: 'create' | 'update' }>, row: Parameters<ImportWriter['apply']>[1]) => {
    const patch = row.values;
    if (decision.action === 'create') {
      const createdAt = row.createdAt ?? at;
      const enteredAt = row.stageEnteredAt ?? createdAt;
      const link = linkCompany(companies, null, decision.fields, patch, at);
      const leadId = leads.insert({ ...decision.fields, companyId: link.companyId }, { stageKey: decision.stage.key, position: bottomOf(decision.stage.key) }, createdAt, enteredAt);
      leads.setTags(leadId, decision.fields.tags);
      if (row.updatedAt !== null || row.lastActivityAt !== null) setMoments.run(row.updatedAt, row.lastActivityAt, leadId);
      history.addTransition({ leadId, fromStage: null, toStage: decision.stage.key, at: createdAt, byMemberId: memberId, reason: null, undoesTransitionId: null });
      imports.recordCreatedLead(importId, leadId);
      return { leadId, changedCompanyId: link.changedCompanyId };
    }
    const lead = leads.get(decision.leadId)!;
    const before = imports.leadBeforeImage(lead.id)!;
    const link = linkCompany(companies, lead.companyId, decision.fields, patch, at);
    leads.updateFields(lead.id, { ...decision.fields, companyId: link.companyId }, at);
    if (patch.tags !== undefined) leads.setTags(lead.id, decision.fields.tags);
    if (lead.companyId !== null && lead.companyId !== link.companyId) companies.deleteIfOrphan(lead.companyId);
    let transitionId: number | null = null;
    if (decision.stage.key !== decision.from.key) {
      leads.place(lead.id, { stageKey: decision.stage.key, position: bottomOf(decision.stage.key) }, at);
      transitionId = history.addTransition({
        leadId: lead.id, fromStage: decision.from.key, toStage: decision.stage.key, at, byMemberId: memberId, reason: null, undoesTransitionId: null,
      });
    }
    imports.recordUpdatedLead(importId, lead.id, before, transitionId);
    return { leadId: lead.id, changedCompanyId: link.changedCompanyId };
  });

  return {
    findByEmail(email, withFields) {
      const found = byEmail.get(email);
      if (!found) return null;
      if (!withFields) return { id: found.id, fields: EMPTY_LEAD_FIELDS, stageKey: '' };
      const lead = leads.get(found.id)!;
      return { id: lead.id, fields: fieldsOf(lead), stageKey: lead.stageKey };
    },
    companyExists(domain) {
      const id = ctx.companies.findByDomain(domain);
      return id !== null && createdCompany.get(importId, id)!.n === 0;
    },
    apply(decision, row) {
      try {
        return applyRow(decision, row);
      } catch (error) {
        cache.forgetReads(); // the row's savepoint was rolled back: what the cache read of it is gone
        throw error;
      }
    },
    startBatch() {
      lastKey.clear();
      cache.clear();
    },
  };
}
