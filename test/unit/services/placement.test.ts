import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonKindForMove } from '../../../shared/domain/stage-rules.ts';
import { createRandom } from '../../../main/demo/random.ts';
import {
  CONTACT,
  FULL,
  caught,
  columnIds,
  countRows,
  createTestServices,
  leadIn,
  snapshotLeads,
  type TestServices,
} from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

const STAGE_KEYS = ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost'];

function totalChanges(): number {
  return (t.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Ids of the leads rows that differ between two snapshots. */
function changedRows(before: ReturnType<typeof snapshotLeads>, after: ReturnType<typeof snapshotLeads>): number[] {
  return [...after.keys()].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
}

/** Every column of the board: strictly ordered by (position, id), and positions never repeat. */
function expectStrictColumns(): void {
  for (const stageKey of STAGE_KEYS) {
    const rows = t.db
      .prepare('SELECT id, position FROM leads WHERE stage_key = ? AND deleted_at IS NULL ORDER BY position, id')
      .all(stageKey) as { id: number; position: string }[];
    for (let i = 1; i < rows.length; i++) {
      // Fractional-index keys are ASCII, so JS string order is SQLite's BINARY order.
      expect(rows[i - 1]!.position < rows[i]!.position, `${stageKey}: ${rows[i - 1]!.position} < ${rows[i]!.position}`).toBe(true);
    }
    expect(columnIds(t, stageKey, 7)).toEqual(rows.map((row) => row.id));
  }
}

function reasonFor(fromKey: string, toKey: string): string | undefined {
  const stages = t.catalog.stages();
  const kind = reasonKindForMove(stages.find((s) => s.key === fromKey)!, stages.find((s) => s.key === toKey)!);
  return kind ? t.catalog.reasons().find((r) => r.kind === kind)!.label : undefined;
}

describe('dropping a card', () => {
  it('before a lead places it right above that lead, in another column', () => {
    const column = [1, 2, 3].map(() => t.leads.create(CONTACT, 'sal').id);
    const moving = t.leads.create(CONTACT, 'mql');
    t.leads.move({ leadId: moving.id, toStage: 'sal', beforeLeadId: column[1]! });
    expect(columnIds(t, 'sal')).toEqual([column[0], moving.id, column[1], column[2]]);
    const top = t.leads.create(CONTACT, 'mql');
    t.leads.move({ leadId: top.id, toStage: 'sal', beforeLeadId: column[0]! });
    expect(columnIds(t, 'sal')).toEqual([top.id, column[0], moving.id, column[1], column[2]]);
  });

  it('with beforeLeadId null puts it at the bottom', () => {
    const column = [1, 2].map(() => t.leads.create(CONTACT, 'sal').id);
    const moving = t.leads.create(CONTACT, 'mql');
    t.leads.move({ leadId: moving.id, toStage: 'sal', beforeLeadId: null });
    expect(columnIds(t, 'sal')).toEqual([...column, moving.id]);
  });

  it('into an empty column works', () => {
    const lead = leadIn(t, 'sql');
    t.leads.move({ leadId: lead.id, toStage: 'won', beforeLeadId: null });
    expect(columnIds(t, 'won')).toEqual([lead.id]);
  });

  it('reorders inside a column, up and down, writing no transition', () => {
    const ids = [1, 2, 3, 4].map(() => t.leads.create({}).id);
    const transitions = countRows(t.db, 'stage_transitions');
    t.leads.move({ leadId: ids[3]!, toStage: 'awareness', beforeLeadId: ids[0]! }); // last to top
    expect(columnIds(t, 'awareness')).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    t.leads.move({ leadId: ids[3]!, toStage: 'awareness', beforeLeadId: ids[2]! }); // back down, above the old third
    expect(columnIds(t, 'awareness')).toEqual([ids[0], ids[1], ids[3], ids[2]]);
    t.leads.move({ leadId: ids[0]!, toStage: 'awareness', beforeLeadId: null }); // top to bottom
    expect(columnIds(t, 'awareness')).toEqual([ids[1], ids[3], ids[2], ids[0]]);
    t.leads.move({ leadId: ids[0]!, toStage: 'awareness', beforeLeadId: null }); // bottom to bottom: stays
    expect(columnIds(t, 'awareness')).toEqual([ids[1], ids[3], ids[2], ids[0]]);
    expect(countRows(t.db, 'stage_transitions')).toBe(transitions);
  });

  it('dropping a card just above the card already below it keeps the order', () => {
    const ids = [1, 2, 3].map(() => t.leads.create({}).id);
    t.leads.move({ leadId: ids[0]!, toStage: 'awareness', beforeLeadId: ids[1]! });
    expect(columnIds(t, 'awareness')).toEqual(ids);
  });

  it('a reorder updates exactly one leads row and nothing else', () => {
    const ids = Array.from({ length: 6 }, () => t.leads.create(CONTACT, 'mql').id);
    t.clock.advance();
    const before = snapshotLeads(t.db);
    const changes = totalChanges();
    t.leads.move({ leadId: ids[5]!, toStage: 'mql', beforeLeadId: ids[2]! });
    expect(totalChanges() - changes).toBe(1);
    expect(changedRows(before, snapshotLeads(t.db))).toEqual([ids[5]]);
  });

  it('a move to another column updates exactly one leads row (plus its transition)', () => {
    const target = Array.from({ length: 5 }, () => t.leads.create(CONTACT, 'sal').id);
    const moving = t.leads.create(CONTACT, 'mql');
    t.clock.advance();
    const before = snapshotLeads(t.db);
    const changes = totalChanges();
    t.leads.move({ leadId: moving.id, toStage: 'sal', beforeLeadId: target[1]! });
    // One stage_transitions row, the moved lead's row written twice (its placement, then its
    // last_activity_at by the transitions trigger; its score is unchanged, so not rewritten), and
    // the two lead_totals rows it leaves and enters.
    expect(totalChanges() - changes).toBe(5);
    expect(changedRows(before, snapshotLeads(t.db))).toEqual([moving.id]);
  });

  it('with a patch still touches only the moved lead', () => {
    const others = Array.from({ length: 3 }, () => t.leads.create(CONTACT, 'sal').id);
    const moving = t.leads.create(CONTACT, 'sal');
    const before = snapshotLeads(t.db);
    t.leads.move({ leadId: moving.id, toStage: 'sql', beforeLeadId: null, patch: FULL });
    expect(changedRows(before, snapshotLeads(t.db))).toEqual([moving.id]);
    expect(others).toHaveLength(3);
  });

  it('before a lead in another column is a conflict and changes nothing', () => {
    const elsewhere = t.leads.create(CONTACT, 'sal');
    const moving = t.leads.create(CONTACT, 'mql');
    const before = snapshotLeads(t.db);
    const transitions = countRows(t.db, 'stage_transitions');
    const error = caught(() => t.leads.move({ leadId: moving.id, toStage: 'sql', beforeLeadId: elsewhere.id, patch: FULL }));
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'The board changed while you were dragging: the card you dropped next to has moved. Try again.',
    });
    expect(snapshotLeads(t.db)).toEqual(before);
    expect(countRows(t.db, 'stage_transitions')).toBe(transitions);
  });

  it('before a deleted or unknown lead is a conflict', () => {
    const gone = t.leads.create(CONTACT, 'sal');
    t.leads.delete(gone.id);
    const moving = t.leads.create(CONTACT, 'mql');
    expect(caught(() => t.leads.move({ leadId: moving.id, toStage: 'sal', beforeLeadId: gone.id })).code).toBe('conflict');
    expect(caught(() => t.leads.move({ leadId: moving.id, toStage: 'sal', beforeLeadId: 4040 })).code).toBe('conflict');
    expect(t.leads.get(moving.id).lead.stageKey).toBe('mql');
  });

  it('next to itself is invalid input and changes nothing', () => {
    const a = t.leads.create(CONTACT, 'mql');
    t.leads.create(CONTACT, 'mql');
    const before = snapshotLeads(t.db);
    expect(caught(() => t.leads.move({ leadId: a.id, toStage: 'mql', beforeLeadId: a.id }))).toMatchObject({
      code: 'invalid_input',
      message: 'A card cannot be dropped next to itself.',
    });
    expect(caught(() => t.leads.move({ leadId: a.id, toStage: 'sal', beforeLeadId: a.id })).code).toBe('invalid_input');
    expect(snapshotLeads(t.db)).toEqual(before);
  });

  it('keeps order when many cards are dropped into the same gap (keys grow, never collide)', () => {
    const [top, bottom] = [t.leads.create({}), t.leads.create({})];
    const dropped: number[] = [];
    for (let i = 0; i < 60; i++) {
      const lead = t.leads.create({}, 'consideration');
      t.leads.move({ leadId: lead.id, toStage: 'awareness', beforeLeadId: bottom.id });
      dropped.push(lead.id);
    }
    expect(columnIds(t, 'awareness')).toEqual([top.id, ...dropped, bottom.id]);
    expectStrictColumns();
  });
});

describe('200 random drops', () => {
  it('keep every column strictly ordered, matching what the drops asked for', () => {
    const random = createRandom(7);
    const model = new Map<string, number[]>(STAGE_KEYS.map((key) => [key, []]));
    // 40 complete leads spread over the open stages, so that every move is allowed with a listed reason.
    for (let i = 0; i < 40; i++) {
      const stageKey = STAGE_KEYS[random.int(0, 5)]!;
      model.get(stageKey)!.push(t.leads.create(FULL, stageKey).id);
    }
    const stageOf = (id: number) => [...model].find(([, ids]) => ids.includes(id))![0];

    let transitions = countRows(t.db, 'stage_transitions');
    for (let step = 0; step < 200; step++) {
      t.clock.advance(1_000);
      const all = [...model.values()].flat();
      const leadId = random.pick(all);
      const from = stageOf(leadId);
      const to = random.chance(0.3) ? from : random.pick(STAGE_KEYS);
      const candidates = model.get(to)!.filter((id) => id !== leadId);
      const beforeLeadId = candidates.length > 0 && random.chance(0.7) ? random.pick(candidates) : null;

      const before = snapshotLeads(t.db);
      const reason = reasonFor(from, to);
      const outcome = t.leads.move({ leadId, toStage: to, beforeLeadId, ...(reason ? { reason } : {}) });

      model.set(from, model.get(from)!.filter((id) => id !== leadId));
      const column = model.get(to)!;
      column.splice(beforeLeadId === null ? column.length : column.indexOf(beforeLeadId), 0, leadId);

      expect(changedRows(before, snapshotLeads(t.db)), `step ${step}`).toEqual([leadId]);
      expect(outcome.transition === null, `step ${step}`).toBe(from === to);
      if (from !== to) transitions++;
      for (const key of new Set([from, to])) expect(columnIds(t, key, 5), `step ${step}: ${key}`).toEqual(model.get(key));
    }
    for (const key of STAGE_KEYS) expect(columnIds(t, key), key).toEqual(model.get(key));
    expect(countRows(t.db, 'stage_transitions')).toBe(transitions);
    expectStrictColumns();
  });

  it('mixed with deletes and restores, columns stay strict and drops still land right above their target', () => {
    const random = createRandom(99);
    for (let i = 0; i < 30; i++) t.leads.create(FULL, STAGE_KEYS[random.int(0, 5)]!);
    const deleted: number[] = [];
    const live = () => STAGE_KEYS.flatMap((key) => columnIds(t, key));
    for (let step = 0; step < 200; step++) {
      t.clock.advance(1_000);
      const roll = random.next();
      if (roll < 0.1 && live().length > 5) {
        const id = random.pick(live());
        t.leads.delete(id);
        deleted.push(id);
      } else if (roll < 0.2 && deleted.length > 0) {
        const id = deleted.splice(random.int(0, deleted.length - 1), 1)[0]!;
        const stageKey = t.leads.get(id).lead.stageKey;
        const othersBefore = columnIds(t, stageKey);
        t.leads.restore(id);
        expect(columnIds(t, stageKey).filter((other) => other !== id), `step ${step}`).toEqual(othersBefore);
      } else if (roll < 0.3) {
        const id = t.leads.create(FULL, STAGE_KEYS[random.int(0, 5)]!).id;
        const stageKey = t.leads.get(id).lead.stageKey;
        expect(columnIds(t, stageKey).at(-1)).toBe(id);
      } else {
        const leadId = random.pick(live());
        const from = t.leads.get(leadId).lead.stageKey;
        const to = random.pick(STAGE_KEYS);
        const targetBefore = columnIds(t, to).filter((id) => id !== leadId);
        const beforeLeadId = targetBefore.length > 0 && random.chance(0.8) ? random.pick(targetBefore) : null;
        const reason = reasonFor(from, to);
        t.leads.move({ leadId, toStage: to, beforeLeadId, ...(reason ? { reason } : {}) });
        const expected = [...targetBefore];
        expected.splice(beforeLeadId === null ? expected.length : expected.indexOf(beforeLeadId), 0, leadId);
        expect(columnIds(t, to), `step ${step}`).toEqual(expected);
      }
      expectStrictColumns();
    }
  });
});
