import { describe, expect, it } from 'vitest';
import { buildLadder, deriveJourneys, effectiveSteps, type HistoryStep } from '../../../main/reports/journeys.ts';

const ladder = buildLadder([
  { key: 'awareness', funnel: 'marketing', kind: 'open', position: 0, requiresDeal: false },
  { key: 'consideration', funnel: 'marketing', kind: 'open', position: 1, requiresDeal: false },
  { key: 'conversion', funnel: 'marketing', kind: 'open', position: 2, requiresDeal: false },
  { key: 'mql', funnel: 'sales', kind: 'open', position: 3, requiresDeal: false },
  { key: 'sal', funnel: 'sales', kind: 'open', position: 4, requiresDeal: false },
  { key: 'sql', funnel: 'sales', kind: 'open', position: 5, requiresDeal: true },
  { key: 'won', funnel: 'sales', kind: 'won', position: 6, requiresDeal: true },
  { key: 'lost', funnel: 'sales', kind: 'lost', position: 7, requiresDeal: false },
]);

let id = 0;
function steps(...moves: [string | null, string, number, string?][]): HistoryStep[] {
  return moves.map(([fromStage, toStage, at, reason]) => ({ id: ++id, fromStage, toStage, at, byMemberId: 1, reason: reason ?? null, undoesTransitionId: null }));
}

describe('journeys', () => {
  it('the ladder: open and won stages by position; lost is an exit', () => {
    expect([...ladder.stages.values()].map((s) => s.rung)).toEqual([0, 1, 2, 3, 4, 5, 6, null]);
    expect(ladder.mqlRung).toBe(3);
  });

  it('a skip passes the rungs below at the time of the skipping move', () => {
    const [journey] = deriveJourneys(steps([null, 'awareness', 10], ['awareness', 'sql', 20]), ladder, 10);
    expect(journey!.rungs).toEqual([
      { rung: 0, enteredAt: 10, skipped: false },
      { rung: 1, enteredAt: 20, skipped: true },
      { rung: 2, enteredAt: 20, skipped: true },
      { rung: 3, enteredAt: 20, skipped: true },
      { rung: 4, enteredAt: 20, skipped: true },
      { rung: 5, enteredAt: 20, skipped: false },
    ]);
    expect(journey).toMatchObject({ maxRung: 5, mqlAt: 20, outcome: null });
  });

  it('a recycle starts a new journey; the lost one keeps its reason', () => {
    const journeys = deriveJourneys(
      steps([null, 'mql', 1], ['mql', 'lost', 2, 'Not a fit'], ['lost', 'consideration', 5, 'New budget cycle'], ['consideration', 'won', 9]),
      ladder,
      1,
    );
    expect(journeys.map((j) => [j.seq, j.startKind, j.startStage, j.maxRung, j.outcome, j.closedAt, j.lostReason ?? j.startReason])).toEqual([
      [0, 'created', 'mql', 3, 'disqualified', 2, 'Not a fit'],
      [1, 'recycled', 'consideration', 6, 'won', 9, 'New budget cycle'],
    ]);
    expect(journeys[0]!.stays.map((s) => [s.stageKey, s.enteredAt, s.leftAt])).toEqual([
      ['mql', 1, 2],
      ['lost', 2, 5],
    ]);
    expect(journeys[1]!.rungs.map((r) => [r.rung, r.enteredAt])).toEqual([[0, 5], [1, 5], [2, 9], [3, 9], [4, 9], [5, 9], [6, 9]]);
  });

  it('an undo pair cancels out, whatever comes after', () => {
    const history = steps([null, 'awareness', 1], ['awareness', 'mql', 2], ['mql', 'awareness', 3], ['awareness', 'consideration', 4]);
    history[2]!.undoesTransitionId = history[1]!.id;
    expect(effectiveSteps(history).map((s) => s.toStage)).toEqual(['awareness', 'consideration']);
    const [journey] = deriveJourneys(history, ladder, 1);
    expect(journey!.maxRung).toBe(1);
    expect(journey!.stays.map((s) => [s.stageKey, s.enteredAt, s.leftAt])).toEqual([
      ['awareness', 1, 4],
      ['consideration', 4, null],
    ]);
  });

  it('lost from SQL or a won deal is lost; earlier it is disqualified; a reopened deal is open again', () => {
    const [fromSql] = deriveJourneys(steps([null, 'sql', 1], ['sql', 'lost', 2, 'Price']), ladder, 1);
    expect(fromSql).toMatchObject({ outcome: 'lost', lostFromStage: 'sql' });
    const [fromSal] = deriveJourneys(steps([null, 'sal', 1], ['sal', 'lost', 2, 'No budget']), ladder, 1);
    expect(fromSal).toMatchObject({ outcome: 'disqualified', lostFromStage: 'sal' });
    const [reopened] = deriveJourneys(steps([null, 'sql', 1], ['sql', 'lost', 2, 'Price'], ['lost', 'sql', 3]), ladder, 1);
    expect(reopened).toMatchObject({ outcome: null, closedAt: null, lostReason: null });
  });

  it('orders by time, then id; a history without its creation starts at the lead\'s creation', () => {
    const history = steps(['awareness', 'consideration', 5]);
    const [journey] = deriveJourneys(history, ladder, 2);
    expect(journey).toMatchObject({ startedAt: 2, startStage: 'awareness', maxRung: 1 });
    const tie = steps([null, 'awareness', 1], ['awareness', 'consideration', 3], ['consideration', 'conversion', 3]);
    expect(deriveJourneys([...tie].reverse(), ladder, 1)[0]!.stays.map((s) => s.stageKey)).toEqual(['awareness', 'consideration', 'conversion']);
  });
});
