import type { StageTransition } from '../../shared/domain/history.ts';
import type { Funnel, StageKind } from '../../shared/domain/stage.ts';

/**
 * A lead's stage history turned into the rows the reports read (pure: no SQL here).
 *
 * - Undo pairs cancel: a transition that undoes X and X itself are both dropped.
 * - The rest, ordered by (at, id), is walked from the creation (from_stage NULL). Each recycle
 *   (a lost stage → a marketing stage) ends the journey and starts a new one.
 * - The ladder is the open and won stages by position; Closed-lost is an exit, not a rung. Entering
 *   rung k passes every rung below k not passed yet in this journey, at the same instant (skips count).
 * - Every effective transition opens a stay in its target stage, closed by the next one.
 */

export interface LadderStage {
  key: string;
  funnel: Funnel;
  kind: StageKind;
  requiresDeal: boolean;
  /** Index among the open and won stages by position; null for lost stages. */
  rung: number | null;
}

export interface Ladder {
  stages: Map<string, LadderStage>;
  /** Rung of the MQL stage (the first sales rung): velocity is measured from it. */
  mqlRung: number | null;
}

/** One transition of a lead's history, as walked here: the lead is known, the member's name not needed. */
export type HistoryStep = Omit<StageTransition, 'leadId' | 'byName'>;

export type Outcome = 'won' | 'lost' | 'disqualified';

export interface DerivedJourney {
  seq: number;
  startKind: 'created' | 'recycled';
  startedAt: number;
  startStage: string;
  /** The recycling reason for a recycled journey. */
  startReason: string | null;
  maxRung: number;
  mqlAt: number | null;
  outcome: Outcome | null;
  closedAt: number | null;
  lostReason: string | null;
  lostFromStage: string | null;
  rungs: { rung: number; enteredAt: number; skipped: boolean }[];
  stays: DerivedStay[];
}

export interface DerivedStay {
  stageKey: string;
  enteredAt: number;
  leftAt: number | null;
  entry: 'created' | 'move';
  byMemberId: number | null;
}

export interface StageRow {
  key: string;
  funnel: Funnel;
  kind: StageKind;
  position: number;
  requiresDeal: boolean;
}

export function buildLadder(stages: readonly StageRow[]): Ladder {
  const sorted = [...stages].sort((a, b) => a.position - b.position);
  let rung = 0;
  const map = new Map<string, LadderStage>();
  for (const stage of sorted) {
    map.set(stage.key, { key: stage.key, funnel: stage.funnel, kind: stage.kind, requiresDeal: stage.requiresDeal, rung: stage.kind === 'lost' ? null : rung++ });
  }
  const firstSales = sorted.find((stage) => stage.funnel === 'sales' && stage.kind !== 'lost');
  return { stages: map, mqlRung: firstSales ? map.get(firstSales.key)!.rung : null };
}

/** Drops undo pairs: the undoing transition and the one it undoes. */
export function effectiveSteps(steps: readonly HistoryStep[]): HistoryStep[] {
  const cancelled = new Set<number>();
  for (const step of steps) {
    if (step.undoesTransitionId === null) continue;
    cancelled.add(step.id);
    cancelled.add(step.undoesTransitionId);
  }
  return steps.filter((step) => !cancelled.has(step.id)).sort((a, b) => a.at - b.at || a.id - b.id);
}

/**
 * The journeys of one lead. `createdAt` stands in for a missing creation step (a history that
 * starts with a move): the lead is taken to have been in that move's from-stage since creation.
 */
export function deriveJourneys(steps: readonly HistoryStep[], ladder: Ladder, createdAt: number): DerivedJourney[] {
  const walk: Walk = { ladder, journeys: [], journey: null, current: null, stay: null };
  for (const step of effectiveSteps(steps)) {
    const to = ladder.stages.get(step.toStage);
    if (!to) continue; // a stage that no longer exists: nothing to count it as
    if (walk.journey === null || walk.current === null || walk.stay === null) {
      if (step.fromStage === null) {
        // A lead is never created closed; if the data says so, it starts (and ends) there all the same.
        const journey = start(walk, to, step.at, 'created', null, step.byMemberId);
        close(journey, to, null, step);
        continue;
      }
      const origin = ladder.stages.get(step.fromStage);
      if (!origin) continue;
      start(walk, origin, Math.min(createdAt, step.at), 'created', null, null);
    }
    const from = walk.current!;
    if (to.key === from.key) continue;
    walk.stay!.leftAt = step.at;
    if (from.kind === 'lost' && to.funnel === 'marketing') {
      start(walk, to, step.at, 'recycled', step.reason, step.byMemberId);
      continue;
    }
    enter(walk, walk.journey!, to, step.at, 'move', step.byMemberId);
    close(walk.journey!, to, from, step);
  }
  return walk.journeys;
}

interface Walk {
  ladder: Ladder;
  journeys: DerivedJourney[];
  journey: DerivedJourney | null;
  current: LadderStage | null;
  stay: DerivedStay | null;
}

function start(walk: Walk, stage: LadderStage, at: number, kind: 'created' | 'recycled', reason: string | null, byMemberId: number | null): DerivedJourney {
  const journey: DerivedJourney = {
    seq: walk.journeys.length, startKind: kind, startedAt: at, startStage: stage.key, startReason: reason,
    maxRung: -1, mqlAt: null, outcome: null, closedAt: null, lostReason: null, lostFromStage: null, rungs: [], stays: [],
  };
  walk.journeys.push(journey);
  walk.journey = journey;
  enter(walk, journey, stage, at, kind === 'created' ? 'created' : 'move', byMemberId);
  return journey;
}

function enter(walk: Walk, journey: DerivedJourney, stage: LadderStage, at: number, entry: 'created' | 'move', byMemberId: number | null): void {
  if (stage.rung !== null && stage.rung > journey.maxRung) {
    for (let rung = journey.maxRung + 1; rung <= stage.rung; rung++) journey.rungs.push({ rung, enteredAt: at, skipped: rung < stage.rung });
    journey.maxRung = stage.rung;
    const mqlRung = walk.ladder.mqlRung;
    if (mqlRung !== null && journey.mqlAt === null && stage.rung >= mqlRung) journey.mqlAt = at;
  }
  walk.stay = { stageKey: stage.key, enteredAt: at, leftAt: null, entry, byMemberId };
  journey.stays.push(walk.stay);
  walk.current = stage;
}

/** A journey's outcome follows its latest stage: a reopened deal is open again. */
function close(journey: DerivedJourney, to: LadderStage, from: LadderStage | null, step: HistoryStep): void {
  if (to.kind === 'open') {
    journey.outcome = null;
    journey.closedAt = null;
    journey.lostReason = null;
    journey.lostFromStage = null;
    return;
  }
  journey.closedAt = step.at;
  if (to.kind === 'won') {
    journey.outcome = 'won';
    journey.lostReason = null;
    journey.lostFromStage = null;
    return;
  }
  // The same split as the move rules: a qualified deal (SQL on, or a won one) is lost, earlier ones are disqualified.
  journey.outcome = from && (from.requiresDeal || from.kind === 'won') ? 'lost' : 'disqualified';
  journey.lostReason = step.reason;
  journey.lostFromStage = from?.key ?? null;
}
