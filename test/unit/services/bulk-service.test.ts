import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT, DEAL, FULL, caught, columnIds, countRows, createTestServices, leadIn, rawLead, snapshotLeads, type TestServices } from '../../support/services.ts';

let t: TestServices;
let me: number;
let other: number;
beforeEach(() => {
  t = createTestServices();
  me = t.team.add({ name: 'Olga', email: null, role: 'sdr' }).id;
  other = t.team.add({ name: 'James', email: null, role: 'account_executive' }).id;
  t.team.setCurrentMember(me);
});
afterEach(() => t.close());

describe('bulk move', () => {
  it('moves the leads the rules allow, each with its transition, and lists the others with the reason in words', () => {
    const ready = [t.leads.create({ firstName: 'Ann', ...CONTACT }), t.leads.create({ firstName: 'Ben', phone: '+7 900 000-00-00' })];
    const anonymous = t.leads.create({});
    const nameless = t.leads.create({ firstName: 'Cleo' });
    const existing = t.leads.create(CONTACT, 'mql');
    const at = t.clock.advance();

    const outcome = t.bulk.run({ ids: [nameless.id, ready[1]!.id, anonymous.id, ready[0]!.id] }, { type: 'move', toStage: 'mql' });
    expect(outcome.appliedIds).toEqual([ready[0]!.id, ready[1]!.id]);
    expect(outcome.refused).toEqual([
      { id: anonymous.id, name: 'Anonymous visitor', message: 'MQL needs contact info: an e-mail or a phone number.' },
      { id: nameless.id, name: 'Cleo', message: 'MQL needs contact info: an e-mail or a phone number.' },
    ]);
    for (const lead of ready) {
      expect(t.leads.get(lead.id).transitions[0]).toMatchObject({ fromStage: 'awareness', toStage: 'mql', at, byMemberId: me, reason: null });
    }
    // The moved ones go to the bottom of the column, in their board order.
    expect(columnIds(t, 'mql')).toEqual([existing.id, ready[0]!.id, ready[1]!.id]);
    expect(rawLead(t.db, anonymous.id).stage_key).toBe('awareness');
    expect(t.leads.get(nameless.id).transitions).toHaveLength(1);
  });

  it('checks the reason per lead: a lost reason fits a deal, not an MQL being disqualified', () => {
    const deal = leadIn(t, 'sql', { firstName: 'Deal', ...CONTACT, ...DEAL });
    const mql = t.leads.create({ firstName: 'Early', ...CONTACT }, 'mql');
    const outcome = t.bulk.run({ ids: [deal.id, mql.id] }, { type: 'move', toStage: 'lost', reason: 'price' });
    expect(outcome.appliedIds).toEqual([deal.id]);
    expect(outcome.refused).toEqual([{ id: mql.id, name: 'Early', message: expect.stringMatching(/^"price" is not in the disqualified reasons list\./) }]);
    expect(t.leads.get(deal.id).transitions[0]).toMatchObject({ toStage: 'lost', reason: 'Price' });
  });

  it('leaves leads already in the stage where they are; refuses unknown and deleted ids; an unknown stage is not_found', () => {
    const there = t.leads.create(CONTACT, 'mql');
    const gone = t.leads.create({ firstName: 'Gone' });
    t.leads.delete(gone.id);
    const before = snapshotLeads(t.db);
    const outcome = t.bulk.run({ ids: [there.id, gone.id, 999] }, { type: 'move', toStage: 'mql' });
    expect(outcome).toEqual({
      appliedIds: [],
      refused: [
        { id: gone.id, name: 'Gone', message: 'It was deleted.' },
        { id: 999, name: 'Lead 999', message: 'Lead 999 does not exist.' },
      ],
    });
    expect(snapshotLeads(t.db)).toEqual(before);
    expect(caught(() => t.bulk.run({ ids: [there.id] }, { type: 'move', toStage: 'limbo' }))).toMatchObject({ code: 'not_found' });
  });

  it('a filter target moves exactly the leads the filter shows', () => {
    const banks = [1, 2, 3].map((i) => t.leads.create({ firstName: `Bank ${i}`, ...CONTACT, companyName: 'Bluefin', industry: 'Banking' }));
    const shop = t.leads.create({ firstName: 'Shop', ...CONTACT, companyName: 'Verde', industry: 'Retail' });
    const outcome = t.bulk.run({ filter: { all: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }] } }, { type: 'move', toStage: 'consideration' });
    expect(outcome.appliedIds).toEqual(banks.map((l) => l.id));
    expect(rawLead(t.db, shop.id).stage_key).toBe('awareness');
  });

  it('is one transaction: a failure that is not a rule refusal undoes every lead', () => {
    const leads = [1, 2, 3].map(() => t.leads.create(CONTACT));
    t.db.exec(`CREATE TRIGGER explode BEFORE INSERT ON stage_transitions WHEN NEW.lead_id = ${leads[2]!.id} AND NEW.from_stage IS NOT NULL BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const before = snapshotLeads(t.db);
    const transitions = countRows(t.db, 'stage_transitions');
    expect(() => t.bulk.run({ ids: leads.map((l) => l.id) }, { type: 'move', toStage: 'consideration' })).toThrow('disk full');
    expect(snapshotLeads(t.db)).toEqual(before);
    expect(countRows(t.db, 'stage_transitions')).toBe(transitions);
  });
});

describe('bulk assign, tags, delete and restore', () => {
  it('assigns an owner (or nobody); only leads whose owner changed are applied', () => {
    const a = t.leads.create({ ownerId: other });
    const b = t.leads.create({});
    const at = t.clock.advance();
    expect(t.bulk.run({ ids: [a.id, b.id] }, { type: 'assign', ownerId: other })).toEqual({ appliedIds: [b.id], refused: [] });
    expect(t.leads.get(b.id).lead).toMatchObject({ ownerId: other, ownerName: 'James', updatedAt: at });
    expect(t.bulk.run({ ids: [a.id, b.id] }, { type: 'assign', ownerId: null }).appliedIds).toEqual([a.id, b.id]);
    expect(rawLead(t.db, a.id).owner_id).toBeNull();
  });

  it('refuses an owner who is not on the team, changing nothing', () => {
    const a = t.leads.create({});
    const before = snapshotLeads(t.db);
    expect(caught(() => t.bulk.run({ ids: [a.id] }, { type: 'assign', ownerId: 77 }))).toMatchObject({ code: 'invalid_input', message: 'There is no team member with id 77.' });
    expect(snapshotLeads(t.db)).toEqual(before);
  });

  it('adds and removes tags', () => {
    const a = t.leads.create({ tags: ['old', 'keep'] });
    const b = t.leads.create({});
    const c = t.leads.create({ tags: ['new'] });
    const outcome = t.bulk.run({ ids: [a.id, b.id, c.id] }, { type: 'tag', add: ['new', 'горячий'], remove: ['old'] });
    expect(outcome).toEqual({ appliedIds: [a.id, b.id, c.id], refused: [] });
    expect([a, b, c].map((lead) => t.leads.get(lead.id).lead.tags)).toEqual([['keep', 'new', 'горячий'], ['new', 'горячий'], ['new', 'горячий']]);
    expect(t.bulk.run({ ids: [b.id] }, { type: 'tag', add: ['new'], remove: ['absent'] }).appliedIds).toEqual([]);
  });

  it('deletes softly and restores (the undo), by ids or by filter', () => {
    const leads = [1, 2, 3].map((i) => t.leads.create({ firstName: `L${i}`, tags: i < 3 ? ['cleanup'] : [] }));
    const filter = { all: [{ field: 'tags' as const, op: 'has_any_of' as const, values: ['cleanup'] }] };
    const at = t.clock.advance();
    const deleted = t.bulk.run({ filter }, { type: 'delete' });
    expect(deleted.appliedIds).toEqual([leads[0]!.id, leads[1]!.id]);
    expect(rawLead(t.db, leads[0]!.id).deleted_at).toBe(at);
    expect(columnIds(t, 'awareness')).toEqual([leads[2]!.id]);
    // Deleting again by id refuses the deleted ones; restoring a live one is refused too.
    expect(t.bulk.run({ ids: [leads[0]!.id] }, { type: 'delete' }).refused).toEqual([{ id: leads[0]!.id, name: 'L1', message: 'It was deleted.' }]);
    expect(t.bulk.run({ ids: [leads[2]!.id] }, { type: 'restore' }).refused).toEqual([{ id: leads[2]!.id, name: 'L3', message: 'It is not deleted.' }]);

    const restored = t.bulk.run({ ids: deleted.appliedIds }, { type: 'restore' });
    expect(restored).toEqual({ appliedIds: deleted.appliedIds, refused: [] });
    expect(columnIds(t, 'awareness')).toEqual(leads.map((l) => l.id));
    // A filter target for restore looks at deleted leads.
    t.bulk.run({ filter }, { type: 'delete' });
    expect(t.bulk.run({ filter }, { type: 'restore' }).appliedIds).toEqual(deleted.appliedIds);
    expect(countRows(t.db, 'leads', 'deleted_at IS NULL')).toBe(3);
  });

  it('rescores what it changes: tags and owners may be in the rules', () => {
    t.scoring.save([
      { label: 'VIP', condition: { field: 'tags', op: 'has_any_of', values: ['vip'] }, points: 30 },
      { label: 'Mine', condition: { field: 'ownerId', op: 'is_any_of', values: ['me'] }, points: 5 },
    ]);
    const a = t.leads.create(FULL);
    t.bulk.run({ ids: [a.id] }, { type: 'tag', add: ['vip'], remove: [] });
    expect(t.leads.get(a.id).lead.score).toBe(30);
    t.bulk.run({ ids: [a.id] }, { type: 'assign', ownerId: me });
    expect(t.leads.get(a.id).lead.score).toBe(35);
  });
});
