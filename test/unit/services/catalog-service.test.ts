import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '../../../shared/domain/reasons.ts';
import { caught, countRows, createTestServices, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

describe('catalog', () => {
  it('stages come back typed: requiresDeal is a boolean', () => {
    const stages = t.catalog.stages();
    expect(stages).toHaveLength(8);
    expect(stages.filter((s) => s.requiresDeal).map((s) => s.key)).toEqual(['sql', 'won']);
    expect(stages.every((s) => typeof s.requiresDeal === 'boolean')).toBe(true);
  });

  it('reasons are listed by kind, then position', () => {
    const reasons = t.catalog.reasons();
    expect(reasons.filter((r) => r.kind === 'lost').map((r) => r.label)).toEqual(DEFAULT_REASONS.lost);
    expect(reasons.map((r) => r.kind)).toEqual([...reasons.map((r) => r.kind)].sort());
  });

  it('addReason appends to the end of its kind; a duplicate (any case) is a conflict', () => {
    const added = t.catalog.addReason('recycled', 'Back from parental leave');
    expect(added).toEqual({ id: expect.any(Number), kind: 'recycled', label: 'Back from parental leave', position: DEFAULT_REASONS.recycled.length });
    expect(t.catalog.reasons().filter((r) => r.kind === 'recycled').at(-1)).toEqual(added);
    const count = countRows(t.db, 'reasons');
    expect(caught(() => t.catalog.addReason('lost', 'PRICE'))).toMatchObject({ code: 'conflict', message: '"PRICE" is already in the list.' });
    expect(countRows(t.db, 'reasons')).toBe(count);
    // The same label may live in another kind.
    expect(t.catalog.addReason('disqualified', 'Price').kind).toBe('disqualified');
  });

  it('a duplicate in another case is refused for Cyrillic labels too', () => {
    t.catalog.addReason('lost', 'Дорого');
    expect(caught(() => t.catalog.addReason('lost', 'ДОРОГО'))).toMatchObject({ code: 'conflict' });
    expect(t.catalog.reasons().filter((r) => r.label.toLowerCase() === 'дорого')).toHaveLength(1);
  });

  it('removeReason removes it; removing again is not_found', () => {
    const reason = t.catalog.reasons().find((r) => r.label === 'Went silent')!;
    expect(t.catalog.removeReason(reason.id)).toEqual({ id: reason.id });
    expect(t.catalog.reasons().some((r) => r.id === reason.id)).toBe(false);
    expect(caught(() => t.catalog.removeReason(reason.id))).toMatchObject({ code: 'not_found', message: `Reason ${reason.id} does not exist.` });
  });

  it('info reports version, path, live lead count and the current member', () => {
    expect(t.catalog.info()).toEqual({ version: 'test', dbPath: ':memory:', leadCount: 0, currentMemberId: null });
    t.demo.seed(5);
    const lead = t.leads.create({});
    t.leads.delete(lead.id);
    const info = t.catalog.info();
    expect(info.leadCount).toBe(5);
    // Demo data picks a team member as "me" (the first in the list) so that moves are attributed.
    expect(info.currentMemberId).toBe(t.catalog.members()[0]!.id);
  });

  it('members are listed by name', () => {
    t.demo.seed(1);
    const names = t.catalog.members().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(5);
  });

  it('a current member id that points at nobody reads as null', () => {
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('current_member_id', '42')").run();
    expect(t.catalog.info().currentMemberId).toBeNull();
  });
});
