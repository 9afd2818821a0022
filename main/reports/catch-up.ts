import type { Database } from 'better-sqlite3';
import { createDayTotalsUpkeep } from './day-totals-upkeep.ts';
import { buildLadder, deriveJourneys, type HistoryStep, type Ladder, type StageRow } from './journeys.ts';

/**
 * Keeps the derived report tables (migration 0008) in step with leads and their history. Triggers
 * list every lead whose history or report attributes changed in report_dirty; before a report runs,
 * those leads' rows are deleted and rebuilt from their own transitions (a handful each), a batch of
 * leads per transaction. The transaction is IMMEDIATE, so a move cannot slip in between reading a
 * lead's history and clearing its dirty mark. The first build over a big history is the same loop
 * over every lead, with progress; the app's writes interleave between batches. The per-day totals
 * (day-totals-upkeep.ts) move with the rows: a batch takes its leads' old counts away and adds the
 * new ones; a bulk build counts everything once at the end.
 */

export interface CatchUpControl {
  /** phase: 'building' while leads are rebuilt, 'indexing' while the report indexes are recreated. */
  progress?(done: number, total: number, phase?: 'building' | 'indexing'): void;
  /** Throws to stop between batches (the worker's cancel). */
  checkCancelled?(): void;
  batchSize?: number;
  /** Leads to rebuild from which the indexes are dropped and recreated (tests lower it). */
  bulkFrom?: number;
}

interface LeadAttrs {
  id: number;
  createdAt: number;
  deletedAt: number | null;
  source: string | null;
  ownerId: number | null;
  persona: string | null;
}

interface StepRow extends HistoryStep {
  leadId: number;
}

const DEFAULT_BATCH = 2_000;
/**
 * From this many leads to rebuild, the report indexes are dropped first and created again at the
 * end: one sorted build per index instead of millions of random inserts (minutes → seconds on a
 * million leads). Their SQL waits in settings meanwhile, so a build killed half-way gets them back
 * on the next run.
 */
const BULK_LEADS = 50_000;
const DROPPED_INDEXES_KEY = 'reports.dropped_indexes';

export function createCatchUp(db: Database) {
  const stages = db.prepare<[], Omit<StageRow, 'requiresDeal'> & { requiresDeal: number }>(
    'SELECT key, funnel, kind, position, requires_deal AS requiresDeal FROM stages ORDER BY position',
  );
  const readState = db.prepare<[], { ladder: string }>('SELECT ladder FROM report_state WHERE id = 1');
  const writeState = db.prepare(`
    INSERT INTO report_state (id, ladder, built_at) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET ladder = excluded.ladder, built_at = excluded.built_at`);
  const dirtyCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM report_dirty');
  const dirtyBatch = db.prepare<[number], { leadId: number }>('SELECT lead_id AS leadId FROM report_dirty ORDER BY lead_id LIMIT ?');
  const clearDirty = db.prepare('DELETE FROM report_dirty WHERE lead_id IN (SELECT value FROM json_each(?))');
  const markAll = db.prepare('INSERT OR IGNORE INTO report_dirty (lead_id) SELECT id FROM leads');
  const leadAttrs = db.prepare<[string], LeadAttrs>(`
    SELECT id, created_at AS createdAt, deleted_at AS deletedAt, source, owner_id AS ownerId, persona
    FROM leads WHERE id IN (SELECT value FROM json_each(?))`);
  const steps = db.prepare<[string], StepRow>(`
    SELECT lead_id AS leadId, id, from_stage AS fromStage, to_stage AS toStage, at, by_member_id AS byMemberId, reason,
      undoes_transition_id AS undoesTransitionId
    FROM stage_transitions WHERE lead_id IN (SELECT value FROM json_each(?)) ORDER BY lead_id, at, id`);
  const deleteEntries = db.prepare(`
    DELETE FROM report_rung_entries WHERE journey_id IN (
      SELECT j.id FROM report_journeys j WHERE j.lead_id IN (SELECT value FROM json_each(?)))`);
  const deleteStays = db.prepare(`
    DELETE FROM report_stays WHERE journey_id IN (
      SELECT j.id FROM report_journeys j WHERE j.lead_id IN (SELECT value FROM json_each(?)))`);
  const deleteJourneys = db.prepare('DELETE FROM report_journeys WHERE lead_id IN (SELECT value FROM json_each(?))');
  const clearAll = db.prepare('DELETE FROM report_journeys');
  const clearAllEntries = db.prepare('DELETE FROM report_rung_entries');
  const clearAllStays = db.prepare('DELETE FROM report_stays');
  const insertJourney = db.prepare(`
    INSERT INTO report_journeys (lead_id, seq, start_kind, started_at, start_stage, start_reason, max_rung, mql_at, outcome,
      closed_at, lost_reason, lost_from_stage, source, owner_id, persona)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEntry = db.prepare(`
    INSERT INTO report_rung_entries (journey_id, rung, entered_at, lead_id, start_kind, skipped, source, owner_id, persona)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertStay = db.prepare(`
    INSERT INTO report_stays (journey_id, seq, lead_id, stage_key, entered_at, left_at, days, entry, by_member_id, source, owner_id, persona)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const reportIndexes = db.prepare<[], { name: string; sql: string }>(`
    SELECT name, sql FROM sqlite_schema
    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('report_journeys', 'report_rung_entries', 'report_stays')`);
  const readDropped = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeDropped = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const forgetDropped = db.prepare('DELETE FROM settings WHERE key = ?');
  const totals = createDayTotalsUpkeep(db);

  const dropIndexes = db.transaction(() => {
    totals.markStale();
    const indexes = reportIndexes.all();
    writeDropped.run(DROPPED_INDEXES_KEY, JSON.stringify(indexes));
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  });

  /** Creates again the indexes a bulk build dropped and counts the totals again (also after a build that was killed). */
  const restoreIndexes = db.transaction(() => {
    const row = readDropped.get(DROPPED_INDEXES_KEY);
    if (row) {
      for (const index of JSON.parse(row.value) as { name: string; sql: string }[]) {
        if (!db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(index.name)) db.exec(index.sql);
      }
      forgetDropped.run(DROPPED_INDEXES_KEY);
    }
    totals.refillIfStale();
  });

  function currentLadder(): { ladder: Ladder; signature: string } {
    const rows = stages.all().map((row) => ({ ...row, requiresDeal: row.requiresDeal === 1 }));
    return { ladder: buildLadder(rows), signature: JSON.stringify(rows.map((r) => [r.key, r.funnel, r.kind, r.position, r.requiresDeal])) };
  }

  function writeLead(lead: LeadAttrs, history: HistoryStep[], ladder: Ladder): void {
    const { id, source, ownerId, persona } = lead;
    for (const journey of deriveJourneys(history, ladder, lead.createdAt)) {
      const journeyId = Number(
        insertJourney.run(
          id, journey.seq, journey.startKind, journey.startedAt, journey.startStage, journey.startReason, journey.maxRung, journey.mqlAt,
          journey.outcome, journey.closedAt, journey.lostReason, journey.lostFromStage, source, ownerId, persona,
        ).lastInsertRowid,
      );
      for (const entry of journey.rungs) {
        insertEntry.run(journeyId, entry.rung, entry.enteredAt, id, journey.startKind, entry.skipped ? 1 : 0, source, ownerId, persona);
      }
      journey.stays.forEach((stay, seq) => {
        const days = stay.leftAt === null ? null : (stay.leftAt - stay.enteredAt) / 86_400_000;
        insertStay.run(journeyId, seq, id, stay.stageKey, stay.enteredAt, stay.leftAt, days, stay.entry, stay.byMemberId, source, ownerId, persona);
      });
    }
  }

  /** One batch in one IMMEDIATE transaction; returns how many leads it handled. */
  const runBatch = db.transaction((size: number, ladder: Ladder, keepTotals: boolean): number => {
    const ids = dirtyBatch.all(size).map((row) => row.leadId);
    if (ids.length === 0) return 0;
    const json = JSON.stringify(ids);
    if (keepTotals) totals.countLeads(json, -1);
    // Always: even in a rebuild a lead may have been built already (moved again meanwhile, or another process).
    deleteEntries.run(json);
    deleteStays.run(json);
    deleteJourneys.run(json);
    const byLead = new Map<number, HistoryStep[]>();
    for (const { leadId, ...step } of steps.iterate(json)) {
      let list = byLead.get(leadId);
      if (!list) byLead.set(leadId, (list = []));
      list.push(step);
    }
    for (const lead of leadAttrs.all(json)) {
      if (lead.deletedAt !== null) continue;
      writeLead(lead, byLead.get(lead.id) ?? [], ladder);
    }
    if (keepTotals) totals.countLeads(json, 1);
    clearDirty.run(json);
    return ids.length;
  });

  return {
    /** Leads waiting to be (re)built. */
    pending(): number {
      return dirtyCount.get()!.n;
    },

    /** Brings the derived tables up to date; returns how many leads were rebuilt. */
    run(now: number, control: CatchUpControl = {}): number {
      restoreIndexes.immediate();
      const { ladder, signature } = currentLadder();
      const state = readState.get();
      // A new ladder (or none yet) re-derives everything from empty tables.
      const rebuild = state?.ladder !== signature;
      if (rebuild) {
        db.transaction(() => {
          clearAllEntries.run();
          clearAllStays.run();
          clearAll.run();
          totals.clear();
          markAll.run();
        }).immediate();
      }
      const total = dirtyCount.get()!.n;
      if (total === 0 && !rebuild) return 0;
      const batch = control.batchSize ?? DEFAULT_BATCH;
      let done = 0;
      const bulk = total >= (control.bulkFrom ?? BULK_LEADS);
      if (bulk) dropIndexes.immediate();
      control.progress?.(0, total, 'building');
      try {
        for (;;) {
          control.checkCancelled?.();
          const handled = runBatch.immediate(batch, ladder, !bulk);
          if (handled === 0) break;
          done += handled;
          control.progress?.(Math.min(done, total), total, 'building');
        }
      } finally {
        if (bulk) {
          control.progress?.(done, total, 'indexing');
          restoreIndexes.immediate();
        }
      }
      if (rebuild) writeState.run(signature, now);
      return done;
    },
  };
}

export type CatchUp = ReturnType<typeof createCatchUp>;
