import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT, caught, createTestServices, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

describe('team', () => {
  it('adds and updates members', () => {
    const added = t.team.add({ name: 'Priya Nair', email: 'priya@example.com', role: 'marketing' });
    expect(added).toEqual({ id: expect.any(Number), name: 'Priya Nair', email: 'priya@example.com', role: 'marketing' });
    expect(t.team.update(added.id, { name: 'Прия Наир', email: null, role: 'sdr' })).toEqual({ id: added.id, name: 'Прия Наир', email: null, role: 'sdr' });
    expect(t.catalog.members()).toEqual([{ id: added.id, name: 'Прия Наир', email: null, role: 'sdr' }]);
    expect(caught(() => t.team.update(999, { name: 'X', email: null, role: 'sdr' }))).toMatchObject({ code: 'not_found' });
  });

  it('the current member is recorded on every transition and activity from then on', () => {
    const olga = t.team.add({ name: 'Olga', email: null, role: 'account_executive' }).id;
    const james = t.team.add({ name: 'James', email: null, role: 'sdr' }).id;
    t.team.setCurrentMember(olga);
    expect(t.catalog.info().currentMemberId).toBe(olga);
    const lead = t.leads.create(CONTACT, 'mql');
    t.team.setCurrentMember(james);
    t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    const note = t.leads.addNote(lead.id, 'Hi');
    expect(t.leads.get(lead.id).transitions.map((tr) => tr.byName)).toEqual(['James', 'Olga']);
    expect(note.byName).toBe('James');
    expect(caught(() => t.team.setCurrentMember(999))).toMatchObject({ code: 'not_found', message: 'There is no team member with id 999.' });
    expect(t.catalog.info().currentMemberId).toBe(james);
  });
});
