import { generateKeyBetween } from 'fractional-indexing';
import { EMPTY_LEAD_FIELDS, type Lead, type LeadFields } from '../../shared/domain/lead.ts';
import type { ServiceContext } from '../services/context.ts';
import { linkCompany } from '../services/company-link.ts';
import type { ImportRepository } from '../store/repositories/import-repository.ts';
import type { Decision, ExistingLead } from './decide.ts';
import { createBulkWrite } from './bulk-write.ts';
import { cachedCompanies } from './cached-companies.ts';
import { recordingCompanies } from './recording-companies.ts';
import type { ConvertedRow } from './row-to-lead.ts';

/**
 * Writes decided rows the way the app's lead service would, on the import's own connection:
 * company linking (shared companies, matched by domain), tags, the creation transition at the
 * row's "created" time, a stage move for an update that changes the stage; and records each
 * lead and company it touches so that the import can be undone. Call inside the batch's
 * transaction, between startBatch and finishBatch: the row triggers on inserts leave their work
 * to finishBatch, which does it for the whole batch at once (see bulk-write.ts). A row refused
 * by a rule of the app (a DomainError) writes nothing and is reported as rejected.
 */
export interface ImportWriter {
  /** The live lead with this e-mail (any case), if any; its fields only when `withFields` (an update needs them). */
  findByEmail(email: string, withFields: boolean): ExistingLead | null;
  /** Whether a company with this domain was stored before this import created it. */
  companyExists(domain: string): boolean;
  /** Writes a create or update decision; returns the lead id and a shared company whose leads need rescoring. */
  apply(decision: Extract<Decision, { action: 'create' | 'update' }>, row: RowMoments & { values: Partial<LeadFields> }): { leadId: number; changedCompanyId: number | null };
  /**
   * First in the batch's transaction, with the e-mails (lower case) of the batch's rows: the leads
   * stored with them are looked up at once; the bottom of each column and the companies are read
   * again (the app may have changed them between batches).
   */
  startBatch(emails: readonly string[]): void;
  /** Last write of the batch's transaction: what the row triggers left to the batch (search index, report marks, last activity). */
  finishBatch(): void;
}

type RowMoments = Pick<ConvertedRow, 'createdAt' | 'stageEnteredAt' | 'updatedAt' | 'lastActivityAt'>;

export function createImportWriter(ctx: ServiceContext, imports: ImportRepository, importId: number, at: number): ImportWriter {
  const { db, leads, history, team } = ctx;
  const cache = cachedCompanies(ctx.companies);
  const companies = recordingCompanies(cache, imports, importId);
  const bulk = createBulkWrite(db, importId);
  const byEmails = db.prepare<[string], { email: string; id: number }>(`
    SELECT j.value AS email, (SELECT id FROM leads WHERE email = j.value COLLATE NOCASE AND deleted_at IS NULL ORDER BY id LIMIT 1) AS id
    FROM json_each(?) j WHERE id IS NOT NULL`);
  /** The batch's e-mails stored before it (the smallest id), looked up by startBatch. */
  let stored = new Map<string, number>();
  const createdCompany = db.prepare<[number, number], { n: number }>(
    "SELECT count(*) AS n FROM import_companies WHERE import_id = ? AND company_id = ? AND action = 'created'",
  );
  // New leads are staged and written a batch at a time (see bulk-write.ts), with ids given here:
  // the batch's transaction is the only writer, so the next ids are the ones after the largest.
  const maxLeadId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM leads');
  /**
   * E-mails of the leads created in this batch, with the first one's id (lower case, which is how
   * NOCASE compares them: an e-mail the schema accepts is ASCII), and those not written yet.
   */
  const createdEmails = new Map<string, number>();
  const stagedEmails = new Set<string>();
  let nextLeadId = 0;
  const memberId = team.currentMemberId();
  const lastKey = new Map<string, string | null>();
  let moved: number[] = [];
  /** The stored lead findByEmail read last, for the update that follows its decision. */
  let lastRead: Lead | null = null;

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

  type Row = Parameters<ImportWriter['apply']>[1];

  // No savepoint needed: the one rule that can refuse a new row (a company without a name or a
  // domain) throws in linkCompany before anything is written.
  function create(decision: Extract<Decision, { action: 'create' }>, row: Row) {
    const fields = decision.fields;
    const createdAt = row.createdAt ?? at;
    const link = linkCompany(companies, null, fields, row.values, at);
    const stageKey = decision.stage.key;
    const leadId = nextLeadId++;
    // A created lead keeps the file's "updated" and "last activity"; its last activity is never
    // before its creation (the creation transition counts as activity).
    const lastActivityAt = row.lastActivityAt === null ? createdAt : Math.max(row.lastActivityAt, createdAt);
    bulk.stage(
      [
        leadId, fields.firstName, fields.lastName, fields.email, fields.phone, fields.roleTitle, fields.roleStartedOn, fields.seniority, fields.department,
        fields.persona, link.companyId, fields.source, fields.ownerId, fields.dealValueMinor, fields.currency, fields.expectedCloseOn, fields.urgency,
        stageKey, bottomOf(stageKey), row.stageEnteredAt ?? createdAt, createdAt, row.updatedAt ?? createdAt, lastActivityAt,
      ],
      fields.tags,
      memberId,
    );
    if (fields.email !== null) {
      const email = fields.email.toLowerCase();
      if (!createdEmails.has(email)) createdEmails.set(email, leadId);
      stagedEmails.add(email);
    }
    return { leadId, changedCompanyId: link.changedCompanyId };
  }

  function writeStaged(): void {
    bulk.flush();
    stagedEmails.clear();
  }

  // An update writes in several places before a rule may still refuse it: a savepoint each.
  const updateRow = db.transaction((decision: Extract<Decision, { action: 'update' }>, row: Row) => {
    const patch = row.values;
    // findByEmail has just read it for the decision, and nothing wrote to it since.
    const lead = lastRead?.id === decision.leadId ? lastRead : leads.get(decision.leadId)!;
    lastRead = null;
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
      moved.push(lead.id);
    }
    imports.recordUpdatedLead(importId, lead.id, before, transitionId);
    return { leadId: lead.id, changedCompanyId: link.changedCompanyId };
  });

  function update(decision: Extract<Decision, { action: 'update' }>, row: Row) {
    // The lead may be one of this batch's new leads, and its company shared with them.
    writeStaged();
    try {
      return updateRow(decision, row);
    } catch (error) {
      cache.forgetReads(); // the row's savepoint was rolled back: what the cache read of it is gone
      throw error;
    }
  }

  return {
    findByEmail(email, withFields) {
      // A lead stored before the batch comes first (its id is smaller than any created in it).
      // The batch changes no stored e-mail: an update keeps the address it was found by.
      const key = email.toLowerCase();
      const id = stored.get(key) ?? createdEmails.get(key);
      if (id === undefined) return null;
      // An update needs the lead in the table; a skip or a count of duplicates only its id.
      if (!withFields) return { id, fields: EMPTY_LEAD_FIELDS, stageKey: '' };
      if (stagedEmails.has(key)) writeStaged();
      const lead = leads.get(id)!;
      lastRead = lead;
      return { id: lead.id, fields: fieldsOf(lead), stageKey: lead.stageKey };
    },
    companyExists(domain) {
      const id = ctx.companies.findByDomain(domain);
      return id !== null && createdCompany.get(importId, id)!.n === 0;
    },
    apply(decision, row) {
      return decision.action === 'create' ? create(decision, row) : update(decision, row);
    },
    startBatch(emails) {
      lastRead = null;
      lastKey.clear();
      cache.clear();
      moved = [];
      createdEmails.clear();
      stagedEmails.clear();
      stored = new Map(emails.length === 0 ? [] : byEmails.all(JSON.stringify(emails)).map((row) => [row.email, row.id]));
      nextLeadId = (maxLeadId.get()!.id ?? 0) + 1;
      bulk.begin();
    },
    finishBatch() {
      bulk.end(moved, at, cache.renamed);
      stagedEmails.clear();
      createdEmails.clear();
    },
  };
}
