import type { Database } from 'better-sqlite3';
import type { Lead, LeadFields } from '../../../shared/domain/lead.ts';
import { LEAD_COLUMNS, LEAD_FROM, toLead, type LeadRow } from './lead-row.ts';

/** The lead's own columns; company fields live in `companies` and are linked through companyId. */
export type LeadRecord = LeadFields & { companyId: number | null };

const FIELD_ASSIGNMENTS = `
  first_name = @firstName, last_name = @lastName, email = @email, phone = @phone,
  role_title = @roleTitle, role_started_on = @roleStartedOn, seniority = @seniority, department = @department,
  persona = @persona, company_id = @companyId, source = @source, owner_id = @ownerId,
  deal_value_minor = @dealValueMinor, currency = @currency, expected_close_on = @expectedCloseOn, urgency = @urgency`;

/** What a bulk action needs to know of a lead: who it is (for messages) and where it sits. */
export interface LeadBrief {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  stageKey: string;
  position: string;
  deletedAt: number | null;
}

export interface Placement {
  stageKey: string;
  position: string;
}

export interface StageTotal {
  stageKey: string;
  currency: string;
  count: number;
  amountMinor: number;
}

/** Only the named parameters a statement uses: better-sqlite3 refuses unknown ones. */
function columnsOf(fields: LeadFields & { companyId?: number | null }) {
  return {
    firstName: fields.firstName, lastName: fields.lastName, email: fields.email, phone: fields.phone,
    roleTitle: fields.roleTitle, roleStartedOn: fields.roleStartedOn, seniority: fields.seniority,
    department: fields.department, persona: fields.persona, companyId: fields.companyId ?? null, source: fields.source,
    ownerId: fields.ownerId, dealValueMinor: fields.dealValueMinor, currency: fields.currency,
    expectedCloseOn: fields.expectedCloseOn, urgency: fields.urgency,
  };
}

/** Leads: rows, tags, their place on the board, and the column figures. Statements are prepared once. */
export function createLeadRepository(db: Database) {
  const byId = db.prepare<[number], LeadRow>(`SELECT ${LEAD_COLUMNS} ${LEAD_FROM} WHERE l.id = ?`);
  const insert = db.prepare(`
    INSERT INTO leads (
      first_name, last_name, email, phone, role_title, role_started_on, seniority, department, persona, company_id,
      source, owner_id, deal_value_minor, currency, expected_close_on, urgency,
      stage_key, position, stage_entered_at, created_at, updated_at
    ) VALUES (
      @firstName, @lastName, @email, @phone, @roleTitle, @roleStartedOn, @seniority, @department, @persona, @companyId,
      @source, @ownerId, @dealValueMinor, @currency, @expectedCloseOn, @urgency,
      @stageKey, @position, @stageEnteredAt, @at, @at
    )`);
  const updateFields = db.prepare(`UPDATE leads SET ${FIELD_ASSIGNMENTS}, updated_at = @at WHERE id = @id`);
  const updateOwner = db.prepare('UPDATE leads SET owner_id = ?, updated_at = ? WHERE id = ? AND owner_id IS NOT ?');
  const touch = db.prepare('UPDATE leads SET updated_at = ? WHERE id = ?');
  const updatePlacement = db.prepare(`
    UPDATE leads SET stage_key = @stageKey, position = @position, updated_at = @at,
      stage_entered_at = CASE WHEN stage_key = @stageKey THEN stage_entered_at ELSE @at END
    WHERE id = @id`);
  const updateDeleted = db.prepare('UPDATE leads SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const briefs = db.prepare<[string], LeadBrief>(`
    SELECT id, first_name AS firstName, last_name AS lastName, email, stage_key AS stageKey, position, deleted_at AS deletedAt
    FROM leads WHERE id IN (SELECT value FROM json_each(?))`);
  const tagsOf = db.prepare<[number], { tag: string }>('SELECT tag FROM lead_tags WHERE lead_id = ? ORDER BY tag');
  const insertTag = db.prepare('INSERT OR IGNORE INTO lead_tags (lead_id, tag) VALUES (?, ?)');
  const deleteTag = db.prepare('DELETE FROM lead_tags WHERE lead_id = ? AND tag = ?');
  const firstPage = db.prepare<[string, number], LeadRow>(`
    SELECT ${LEAD_COLUMNS} ${LEAD_FROM}
    WHERE l.stage_key = ? AND l.deleted_at IS NULL ORDER BY l.position, l.id LIMIT ?`);
  const nextPage = db.prepare<[string, string, number, number], LeadRow>(`
    SELECT ${LEAD_COLUMNS} ${LEAD_FROM}
    WHERE l.stage_key = ? AND l.deleted_at IS NULL AND (l.position, l.id) > (?, ?)
    ORDER BY l.position, l.id LIMIT ?`);
  const lastPosition = db.prepare<[string, number], { position: string }>(`
    SELECT position FROM leads WHERE stage_key = ? AND deleted_at IS NULL AND id <> ?
    ORDER BY position DESC LIMIT 1`);
  const positionBelow = db.prepare<[string, string, number], { position: string }>(`
    SELECT position FROM leads WHERE stage_key = ? AND deleted_at IS NULL AND position < ? AND id <> ?
    ORDER BY position DESC LIMIT 1`);
  const positionTaken = db.prepare<[string, string, number], { id: number }>(`
    SELECT id FROM leads WHERE stage_key = ? AND deleted_at IS NULL AND position = ? AND id <> ? LIMIT 1`);
  // Column figures and the live count from the totals kept by triggers (migration 0014): tens of
  // rows, where counting the leads read every live lead's index entry (0.3 s at a million).
  const totals = db.prepare<[], StageTotal>(`
    SELECT stage_key AS stageKey, currency, sum(leads) AS count, sum(value_minor) AS amountMinor
    FROM lead_totals GROUP BY stage_key, currency HAVING sum(leads) > 0`);
  const liveCount = db.prepare<[], { count: number }>('SELECT coalesce(sum(leads), 0) AS count FROM lead_totals');

  function tags(leadId: number): string[] {
    return tagsOf.all(leadId).map((row) => row.tag);
  }

  /** Adds and removes tags; stamps updated_at when `at` is given and something changed. */
  function changeTags(leadId: number, add: readonly string[], remove: readonly string[], at: number | null): boolean {
    let changes = 0;
    for (const tag of add) changes += insertTag.run(leadId, tag).changes;
    for (const tag of remove) changes += deleteTag.run(leadId, tag).changes;
    if (changes > 0 && at !== null) touch.run(at, leadId);
    return changes > 0;
  }

  return {
    get(id: number): Lead | undefined {
      const row = byId.get(id);
      return row && toLead(row);
    },
    /** `stageEnteredAt` differs from `at` only for leads with a past (demo data, imports). */
    insert(fields: LeadFields & { companyId?: number | null }, placement: Placement, at: number, stageEnteredAt = at): number {
      return Number(insert.run({ ...columnsOf(fields), ...placement, at, stageEnteredAt }).lastInsertRowid);
    },
    updateFields(id: number, fields: LeadRecord, at: number): void {
      updateFields.run({ ...columnsOf(fields), id, at });
    },
    /** Many leads at once, in no particular order; unknown ids are simply absent. */
    briefs(ids: readonly number[]): LeadBrief[] {
      return briefs.all(JSON.stringify(ids));
    },
    /** Whether the owner changed. */
    assign(id: number, ownerId: number | null, at: number): boolean {
      return updateOwner.run(ownerId, at, id, ownerId).changes > 0;
    },
    tags,
    /** Makes the lead's tags exactly `next`; whether anything changed. */
    setTags(leadId: number, next: readonly string[]): boolean {
      const current = new Set(tags(leadId));
      const wanted = new Set(next);
      return changeTags(leadId, [...wanted].filter((t) => !current.has(t)), [...current].filter((t) => !wanted.has(t)), null);
    },
    changeTags,
    /** Puts the lead in a column; `stage_entered_at` restarts only when the column changes. */
    place(id: number, placement: Placement, at: number): void {
      updatePlacement.run({ ...placement, id, at });
    },
    setDeleted(id: number, deletedAt: number | null, at: number): void {
      updateDeleted.run(deletedAt, at, id);
    },
    page(stageKey: string, after: { position: string; id: number } | null, limit: number): Lead[] {
      return (after ? nextPage.all(stageKey, after.position, after.id, limit) : firstPage.all(stageKey, limit)).map(toLead);
    },
    /** The last position in a column, ignoring `exceptId` (the lead being moved). */
    lastPosition(stageKey: string, exceptId: number): string | null {
      return lastPosition.get(stageKey, exceptId)?.position ?? null;
    },
    /** The nearest position strictly above `position` in a column, ignoring `exceptId`. */
    positionBelow(stageKey: string, position: string, exceptId: number): string | null {
      return positionBelow.get(stageKey, position, exceptId)?.position ?? null;
    },
    /** Whether a live lead other than `exceptId` holds `position` in the column. */
    positionTaken(stageKey: string, position: string, exceptId: number): boolean {
      return positionTaken.get(stageKey, position, exceptId) !== undefined;
    },
    totals(): StageTotal[] {
      return totals.all();
    },
    liveCount(): number {
      return liveCount.get()?.count ?? 0;
    },
  };
}

export type LeadRepository = ReturnType<typeof createLeadRepository>;
