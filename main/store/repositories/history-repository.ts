import type { Database } from 'better-sqlite3';
import type { Activity, ActivityType, StageTransition } from '../../../shared/domain/history.ts';

const TRANSITION_COLUMNS = `
  t.id, t.lead_id AS leadId, t.from_stage AS fromStage, t.to_stage AS toStage, t.at,
  t.by_member_id AS byMemberId, m.name AS byName, t.reason, t.undoes_transition_id AS undoesTransitionId`;

/** A transition to record: the database gives it its id, and the member's name comes from a join. */
export type NewTransition = Omit<StageTransition, 'id' | 'byName'>;

export interface NewActivity {
  leadId: number;
  type: ActivityType;
  at: number;
  body: string;
  byMemberId: number | null;
}

/** The record of what happened to a lead: stage transitions and activities (notes, calls...). */
export function createHistoryRepository(db: Database) {
  const insertTransition = db.prepare(`
    INSERT INTO stage_transitions (lead_id, from_stage, to_stage, at, by_member_id, reason, undoes_transition_id)
    VALUES (@leadId, @fromStage, @toStage, @at, @byMemberId, @reason, @undoesTransitionId)`);
  const transitionById = db.prepare<[number], StageTransition>(`
    SELECT ${TRANSITION_COLUMNS} FROM stage_transitions t LEFT JOIN team_members m ON m.id = t.by_member_id
    WHERE t.id = ?`);
  const transitionsOfLead = db.prepare<[number], StageTransition>(`
    SELECT ${TRANSITION_COLUMNS} FROM stage_transitions t LEFT JOIN team_members m ON m.id = t.by_member_id
    WHERE t.lead_id = ? ORDER BY t.at DESC, t.id DESC`);
  const latestOfLead = db.prepare<[number], { id: number }>(
    'SELECT id FROM stage_transitions WHERE lead_id = ? ORDER BY at DESC, id DESC LIMIT 1',
  );
  const insertActivity = db.prepare(`
    INSERT INTO activities (lead_id, type, at, body, by_member_id) VALUES (@leadId, @type, @at, @body, @byMemberId)`);
  const activityById = db.prepare<[number], Activity>(`
    SELECT a.id, a.lead_id AS leadId, a.type, a.at, a.body, a.by_member_id AS byMemberId, m.name AS byName
    FROM activities a LEFT JOIN team_members m ON m.id = a.by_member_id WHERE a.id = ?`);
  const activitiesOfLead = db.prepare<[number], Activity>(`
    SELECT a.id, a.lead_id AS leadId, a.type, a.at, a.body, a.by_member_id AS byMemberId, m.name AS byName
    FROM activities a LEFT JOIN team_members m ON m.id = a.by_member_id
    WHERE a.lead_id = ? ORDER BY a.at DESC, a.id DESC`);

  return {
    addTransition(transition: NewTransition): number {
      return Number(insertTransition.run(transition).lastInsertRowid);
    },
    transition(id: number): StageTransition | undefined {
      return transitionById.get(id);
    },
    latestTransitionId(leadId: number): number | null {
      return latestOfLead.get(leadId)?.id ?? null;
    },
    transitionsOf(leadId: number): StageTransition[] {
      return transitionsOfLead.all(leadId);
    },
    addActivity(activity: NewActivity): number {
      return Number(insertActivity.run(activity).lastInsertRowid);
    },
    activity(id: number): Activity | undefined {
      return activityById.get(id);
    },
    activitiesOf(leadId: number): Activity[] {
      return activitiesOfLead.all(leadId);
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
