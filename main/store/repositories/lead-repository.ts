import type { Database } from 'better-sqlite3';
import type { Lead, LeadFields } from '../../../shared/domain/lead.ts';

const LEAD_COLUMNS = `
  l.id, l.first_name AS firstName, l.last_name AS lastName, l.email, l.phone,
  l.role_title AS roleTitle, l.role_started_on AS roleStartedOn,
  l.company_name AS companyName, l.company_domain AS companyDomain, l.industry,
  l.employee_count AS employeeCount, l.source, l.owner_id AS ownerId, m.name AS ownerName,
  l.deal_value_minor AS dealValueMinor, l.currency, l.expected_close_on AS expectedCloseOn, l.urgency,
  l.stage_key AS stageKey, l.position, l.stage_entered_at AS stageEnteredAt,
  l.created_at AS createdAt, l.updated_at AS updatedAt, l.deleted_at AS deletedAt`;
const LEAD_FROM = 'FROM leads l LEFT JOIN team_members m ON m.id = l.owner_id';

const FIELD_ASSIGNMENTS = `
  first_name = @firstName, last_name = @lastName, email = @email, phone = @phone,
  role_title = @roleTitle, role_started_on = @roleStartedOn, company_name = @companyName,
  company_domain = @companyDomain, industry = @industry, employee_count = @employeeCount,
  source = @source, owner_id = @ownerId, deal_value_minor = @dealValueMinor, currency = @currency,
  expected_close_on = @expectedCloseOn, urgency = @urgency`;

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

/** Leads: rows, their place on the board, and the column figures. Statements are prepared once. */
export function createLeadRepository(db: Database) {
  const byId = db.prepare<[number], Lead>(`SELECT ${LEAD_COLUMNS} ${LEAD_FROM} WHERE l.id = ?`);
  const insert = db.prepare(`
    INSERT INTO leads (
      first_name, last_name, email, phone, role_title, role_started_on, company_name, company_domain,
      industry, employee_count, source, owner_id, deal_value_minor, currency, expected_close_on, urgency,
      stage_key, position, stage_entered_at, created_at, updated_at
    ) VALUES (
      @firstName, @lastName, @email, @phone, @roleTitle, @roleStartedOn, @companyName, @companyDomain,
      @industry, @employeeCount, @source, @ownerId, @dealValueMinor, @currency, @expectedCloseOn, @urgency,
      @stageKey, @position, @stageEnteredAt, @at, @at
    )`);
  const updateFields = db.prepare(`UPDATE leads SET ${FIELD_ASSIGNMENTS}, updated_at = @at WHERE id = @id`);
  const updatePlacement = db.prepare(`
    UPDATE leads SET stage_key = @stageKey, position = @position, updated_at = @at,
      stage_entered_at = CASE WHEN stage_key = @stageKey THEN stage_entered_at ELSE @at END
    WHERE id = @id`);
  const updateDeleted = db.prepare('UPDATE leads SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const firstPage = db.prepare<[string, number], Lead>(`
    SELECT ${LEAD_COLUMNS} ${LEAD_FROM}
    WHERE l.stage_key = ? AND l.deleted_at IS NULL ORDER BY l.position, l.id LIMIT ?`);
  const nextPage = db.prepare<[string, string, number, number], Lead>(`
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
  const totals = db.prepare<[], StageTotal>(`
    SELECT stage_key AS stageKey, currency, count(*) AS count, coalesce(sum(deal_value_minor), 0) AS amountMinor
    FROM leads WHERE deleted_at IS NULL GROUP BY stage_key, currency`);
  const liveCount = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM leads WHERE deleted_at IS NULL');

  return {
    get(id: number): Lead | undefined {
      return byId.get(id);
    },
    /** `stageEnteredAt` differs from `at` only for leads with a past (demo data, imports). */
    insert(fields: LeadFields, placement: Placement, at: number, stageEnteredAt = at): number {
      return Number(insert.run({ ...fields, ...placement, at, stageEnteredAt }).lastInsertRowid);
    },
    updateFields(id: number, fields: LeadFields, at: number): void {
      updateFields.run({ ...fields, id, at });
    },
    /** Puts the lead in a column; `stage_entered_at` restarts only when the column changes. */
    place(id: number, placement: Placement, at: number): void {
      updatePlacement.run({ ...placement, id, at });
    },
    setDeleted(id: number, deletedAt: number | null, at: number): void {
      updateDeleted.run(deletedAt, at, id);
    },
    page(stageKey: string, after: { position: string; id: number } | null, limit: number): Lead[] {
      return after ? nextPage.all(stageKey, after.position, after.id, limit) : firstPage.all(stageKey, limit);
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
