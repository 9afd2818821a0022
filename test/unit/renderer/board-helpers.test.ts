import { describe, expect, it } from 'vitest';
import type { Active, Over } from '@dnd-kit/core';
import type { Lead } from '../../../shared/domain/lead.ts';
import { makeLead } from './fixtures.ts';
import type { Stage } from '../../../shared/domain/stage.ts';
import { makeAnnouncements } from '../../../renderer/board/announcements.ts';
import { cardLabel, initials } from '../../../renderer/board/CardView.tsx';
import { columnDroppableId } from '../../../renderer/board/drop-logic.ts';
import { initialBoardState, type BoardState } from '../../../renderer/state/store.ts';
import { shiftSummary } from '../../../renderer/state/summaries.ts';

const stage = (key: string, name: string, position: number): Stage => ({
  key, name, position, funnel: 'sales', probability: 0.1, kind: 'open', requiresDeal: false,
});

function lead(id: number, fields: Partial<Lead> = {}): Lead {
  return makeLead({ id, ...fields });
}

describe('screen reader announcements', () => {
  const col = (ids: number[]) => ({ ids, next: null, loaded: true, loading: false });
  let state: BoardState = {
    ...initialBoardState,
    stages: [stage('mql', 'MQL', 3), stage('sql', 'SQL', 5)],
    leads: { 1: lead(1, { firstName: 'Anna', lastName: 'Petrova' }), 2: lead(2, { email: 'b@x.io' }), 3: lead(3) },
    columns: { mql: col([1, 3]), sql: col([2]) },
    drag: { leadId: 1, fromStage: 'mql', beforeLeadId: 3 },
  };
  const a = makeAnnouncements(() => state);
  const active = { id: 1 } as Active;
  const over = (id: number | string) => ({ id }) as Over;

  it('speaks pick-up, moves, drop and cancel in words', () => {
    expect(a.onDragStart({ active })).toBe('Picked up lead Anna Petrova from MQL.');
    // The first "over itself" right after the pick-up stays silent.
    expect(a.onDragOver({ active, over: over(1) })).toBeUndefined();
    expect(a.onDragOver({ active, over: over(3) })).toBe('Lead Anna Petrova moved to MQL, position 2.');
    state = { ...state, columns: { mql: col([3]), sql: col([2, 1]) } };
    expect(a.onDragOver({ active, over: over(columnDroppableId('sql')) })).toBe('Lead Anna Petrova moved to SQL, position 2.');
    expect(a.onDragEnd({ active, over: over(1) })).toBe('Lead Anna Petrova dropped in SQL, position 2.');
    expect(a.onDragCancel({ active, over: null })).toBe('Moving lead Anna Petrova was cancelled. It is back in MQL.');
  });
});

describe('cards', () => {
  it('labels a card for screen readers', () => {
    const l = lead(1, { firstName: 'Anna', companyName: 'Severstal', dealValueMinor: 4_200_000, ownerName: 'Olga Smirnova', urgency: 'high', stageEnteredAt: 0 });
    expect(cardLabel(l, 3 * 86_400_000)).toBe('Anna, Severstal, $42,000, owner Olga Smirnova, high urgency, 3 d in stage, score 0');
    expect(cardLabel(lead(2, { score: 35 }), 0)).toBe('Anonymous visitor, 0 d in stage, score 35');
  });

  it('shows owner initials', () => {
    expect(initials('Olga Smirnova')).toBe('OS');
    expect(initials('Priya')).toBe('P');
    expect(initials(null)).toBe('?');
  });
});

describe('optimistic column summaries', () => {
  it('moves the count and the money of a lead between columns', () => {
    const summaries = {
      mql: { stageKey: 'mql', count: 2, totals: [{ currency: 'USD', amountMinor: 5_000 }] },
      sql: { stageKey: 'sql', count: 0, totals: [] },
    };
    const next = shiftSummary(summaries, lead(1, { dealValueMinor: 3_000, currency: 'USD' }), 'mql', 'sql');
    expect(next.mql).toEqual({ stageKey: 'mql', count: 1, totals: [{ currency: 'USD', amountMinor: 2_000 }] });
    expect(next.sql).toEqual({ stageKey: 'sql', count: 1, totals: [{ currency: 'USD', amountMinor: 3_000 }] });
    expect(shiftSummary(summaries, lead(1), 'mql', 'mql')).toBe(summaries);
  });
});
