import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNDO_REASON } from '../../../main/services/lead-service.ts';
import {
  CONTACT,
  DAY,
  DEAL,
  FULL,
  T0,
  caught,
  countRows,
  createTestServices,
  leadIn,
  rawLead,
  snapshotLeads,
  type TestServices,
} from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

/** Everything a refused call must leave as it was. */
function stateOf(leadId: number) {
  return {
    row: rawLead(t.db, leadId),
    transitions: countRows(t.db, 'stage_transitions'),
    activities: countRows(t.db, 'activities'),
    leads: snapshotLeads(t.db),
  };
}

describe('create', () => {
  it('starts in Awareness by default, with a creation transition from null', () => {
    const lead = t.leads.create({ firstName: 'Ivan' });
    expect(lead).toMatchObject({
      firstName: 'Ivan',
      stageKey: 'awareness',
      currency: 'USD',
      stageEnteredAt: T0,
      createdAt: T0,
      updatedAt: T0,
      deletedAt: null,
      ownerName: null,
    });
    const { transitions } = t.leads.get(lead.id);
    expect(transitions).toEqual([
      { id: expect.any(Number), leadId: lead.id, fromStage: null, toStage: 'awareness', at: T0, byMemberId: null, byName: null, reason: null, undoesTransitionId: null },
    ]);
  });

  it('an anonymous lead is fine in marketing', () => {
    expect(t.leads.create({}).stageKey).toBe('awareness');
    expect(t.leads.create({}, 'conversion').stageKey).toBe('conversion');
  });

  it('a lead created in a sales stage must meet its needs', () => {
    const error = caught(() => t.leads.create({ firstName: 'No Contact' }, 'mql'));
    expect(error).toMatchObject({ code: 'rule_violation', message: 'MQL needs contact info: an e-mail or a phone number.' });
    expect(caught(() => t.leads.create(CONTACT, 'sql'))).toMatchObject({
      code: 'rule_violation',
      message: 'SQL needs deal value, expected close date and urgency.',
    });
    expect(countRows(t.db, 'leads')).toBe(0);
    expect(countRows(t.db, 'stage_transitions')).toBe(0);
    expect(t.leads.create({ ...CONTACT, ...DEAL }, 'sql').stageKey).toBe('sql');
  });

  it('never starts in Closed-won or Closed-lost, nor in an unknown stage', () => {
    expect(caught(() => t.leads.create(FULL, 'won'))).toMatchObject({ code: 'rule_violation', message: 'New leads start in an open stage, not in Closed-won.' });
    expect(caught(() => t.leads.create(FULL, 'lost')).code).toBe('rule_violation');
    expect(caught(() => t.leads.create(FULL, 'nowhere'))).toMatchObject({ code: 'not_found', message: 'There is no stage "nowhere".' });
    expect(countRows(t.db, 'leads')).toBe(0);
  });

  it('refuses an owner who is not on the team', () => {
    expect(caught(() => t.leads.create({ ownerId: 42 }))).toMatchObject({ code: 'invalid_input', message: 'There is no team member with id 42.' });
    expect(countRows(t.db, 'leads')).toBe(0);
  });

  it('records the current member on the creation transition and joins owner names', () => {
    t.demo.seed(1); // brings the demo team and picks the current member
    const memberId = t.catalog.members()[0]!.id;
    const lead = t.leads.create({ ownerId: memberId });
    const detail = t.leads.get(lead.id);
    expect(detail.lead.ownerName).toBe(t.catalog.members()[0]!.name);
    expect(detail.transitions[0]!.byMemberId).toBe(t.catalog.info().currentMemberId);
    expect(detail.transitions[0]!.byName).not.toBeNull();
  });

  it('appends each new lead at the bottom of its column', () => {
    const ids = [t.leads.create({}).id, t.leads.create({}).id, t.leads.create({}).id];
    expect(t.board.cards('awareness', null, 10).cards.map((c) => c.id)).toEqual(ids);
  });
});

describe('update', () => {
  it('saves the patch, keeps other fields and stamps updated_at', () => {
    const lead = t.leads.create({ firstName: 'Anna', companyName: 'Acme' });
    t.clock.advance(5_000);
    const updated = t.leads.update(lead.id, { lastName: 'Petrova', companyName: null });
    expect(updated).toMatchObject({ firstName: 'Anna', lastName: 'Petrova', companyName: null, updatedAt: T0 + 5_000, createdAt: T0 });
    expect(updated.position).toBe(lead.position);
    expect(updated.stageEnteredAt).toBe(T0);
  });

  it('an MQL lead cannot drop both its e-mail and its phone: rule_violation, nothing changed', () => {
    const lead = t.leads.create({ email: 'a@example.com', phone: '+7 900 000-00-00' }, 'mql');
    const before = stateOf(lead.id);
    t.clock.advance();
    const error = caught(() => t.leads.update(lead.id, { email: null, phone: null }));
    expect(error).toMatchObject({ code: 'rule_violation', message: 'MQL needs contact info: an e-mail or a phone number.' });
    expect(stateOf(lead.id)).toEqual(before);
    // Dropping only one of them is fine.
    expect(t.leads.update(lead.id, { phone: null }).email).toBe('a@example.com');
  });

  it('an SQL lead cannot lose its deal fields', () => {
    const lead = leadIn(t, 'sql');
    const before = stateOf(lead.id);
    expect(caught(() => t.leads.update(lead.id, { urgency: null, dealValueMinor: null }))).toMatchObject({
      code: 'rule_violation',
      message: 'SQL needs deal value and urgency.',
    });
    expect(stateOf(lead.id)).toEqual(before);
  });

  it('a deleted or unknown lead cannot be edited', () => {
    const lead = t.leads.create({});
    t.leads.delete(lead.id);
    expect(caught(() => t.leads.update(lead.id, { firstName: 'X' })).code).toBe('not_found');
    expect(caught(() => t.leads.update(999, { firstName: 'X' })).code).toBe('not_found');
  });
});

describe('move', () => {
  it('moves, restarts stage_entered_at and records the transition with who and when', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const at = t.clock.advance(DAY);
    const { lead: moved, transition } = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    expect(moved).toMatchObject({ stageKey: 'sal', stageEnteredAt: at, updatedAt: at, createdAt: T0 });
    expect(transition).toEqual({
      id: expect.any(Number), leadId: lead.id, fromStage: 'mql', toStage: 'sal', at, byMemberId: null, byName: null, reason: null, undoesTransitionId: null,
    });
    expect(t.leads.get(lead.id).transitions.map((tr) => [tr.fromStage, tr.toStage])).toEqual([
      ['mql', 'sal'],
      [null, 'mql'],
    ]);
  });

  it.each([
    ['an anonymous lead into MQL', {}, 'awareness', 'mql', undefined, 'MQL needs contact info: an e-mail or a phone number.'],
    ['a lead without deal data into SQL', CONTACT, 'sal', 'sql', undefined, 'SQL needs deal value, expected close date and urgency.'],
    ['a qualified deal into Closed-lost without a reason', FULL, 'sql', 'lost', undefined, 'Moving to Closed-lost needs a lost reason.'],
    ['an MQL into Closed-lost without a reason', CONTACT, 'mql', 'lost', undefined, 'Disqualifying a lead needs a reason.'],
    ['a lost lead back to marketing without a reason', FULL, 'lost', 'awareness', undefined, 'Recycling a lost lead back to marketing needs a reason.'],
    ['a lost deal with a reason that is not in the list', FULL, 'sql', 'lost', 'Aliens', '"Aliens" is not in the lost reasons list.'],
    ['an anonymous lead into SQL (two needs, one message)', {}, 'awareness', 'sql', undefined,
      'SQL needs contact info: an e-mail or a phone number. SQL needs deal value, expected close date and urgency.'],
  ] as const)('refuses %s, says why, and changes nothing', (_name, fields, from, to, reason, message) => {
    const lead = leadIn(t, from, fields);
    const before = stateOf(lead.id);
    t.clock.advance();
    const error = caught(() => t.leads.move({ leadId: lead.id, toStage: to, beforeLeadId: null, ...(reason ? { reason } : {}) }));
    expect(error.code).toBe('rule_violation');
    expect(error.message.startsWith(message)).toBe(true);
    expect(stateOf(lead.id)).toEqual(before);
  });

  it('refuses a move of an unknown or deleted lead, or to an unknown stage', () => {
    const lead = t.leads.create({});
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'limbo', beforeLeadId: null }))).toMatchObject({ code: 'not_found' });
    expect(caught(() => t.leads.move({ leadId: 404, toStage: 'mql', beforeLeadId: null })).code).toBe('not_found');
    t.leads.delete(lead.id);
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null })).code).toBe('not_found');
    expect(rawLead(t.db, lead.id).stage_key).toBe('awareness');
  });

  it('saves the move form data and the move in one transaction', () => {
    const lead = t.leads.create({ firstName: 'Ольга' }, 'conversion');
    const at = t.clock.advance();
    const { lead: moved } = t.leads.move({ leadId: lead.id, toStage: 'sql', beforeLeadId: null, patch: { phone: '+7 900 111-22-33', ...DEAL } });
    expect(moved).toMatchObject({ stageKey: 'sql', phone: '+7 900 111-22-33', ...DEAL, firstName: 'Ольга', updatedAt: at });
  });

  it('a patch that does not satisfy the rules is not saved either', () => {
    const lead = t.leads.create({ firstName: 'Ольга' }, 'conversion');
    const before = stateOf(lead.id);
    const error = caught(() =>
      t.leads.move({ leadId: lead.id, toStage: 'sql', beforeLeadId: null, patch: { phone: '+7 900 111-22-33', dealValueMinor: 5 } }),
    );
    expect(error).toMatchObject({ code: 'rule_violation', message: 'SQL needs expected close date and urgency.' });
    expect(stateOf(lead.id)).toEqual(before);
    expect(rawLead(t.db, lead.id).phone).toBeNull();
  });

  it('a patch with an unknown owner refuses the whole move', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const before = stateOf(lead.id);
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null, patch: { ownerId: 77 } })).code).toBe('invalid_input');
    expect(stateOf(lead.id)).toEqual(before);
  });

  it('if recording the transition fails, the patch and the placement roll back too', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const before = stateOf(lead.id);
    t.db.exec(`CREATE TRIGGER refuse_transitions BEFORE INSERT ON stage_transitions BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() => t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null, patch: { firstName: 'Changed' } })).toThrow('disk full');
    expect(stateOf(lead.id)).toEqual(before);
  });

  it('stage_entered_at restarts only when the column changes', () => {
    const a = t.leads.create(CONTACT, 'mql');
    const b = t.leads.create(CONTACT, 'mql');
    t.clock.advance(DAY);
    const reordered = t.leads.move({ leadId: b.id, toStage: 'mql', beforeLeadId: a.id });
    expect(reordered.transition).toBeNull();
    expect(reordered.lead.stageEnteredAt).toBe(T0);
    expect(reordered.lead.updatedAt).toBe(T0 + DAY);
    const moved = t.leads.move({ leadId: b.id, toStage: 'sal', beforeLeadId: null });
    expect(moved.lead.stageEnteredAt).toBe(T0 + DAY);
  });

  it('reordering in the same column needs nothing and writes no transition, even for an incomplete lead', () => {
    const a = t.leads.create({}, 'awareness');
    const b = t.leads.create({}, 'awareness');
    const before = countRows(t.db, 'stage_transitions');
    const { transition } = t.leads.move({ leadId: b.id, toStage: 'awareness', beforeLeadId: a.id });
    expect(transition).toBeNull();
    expect(countRows(t.db, 'stage_transitions')).toBe(before);
    // Reordering inside Closed-lost needs no new reason either.
    const lost = [leadIn(t, 'lost'), leadIn(t, 'lost')];
    expect(t.leads.move({ leadId: lost[1]!.id, toStage: 'lost', beforeLeadId: lost[0]!.id }).transition).toBeNull();
  });

  it('Closed-lost → a sales stage needs no reason; forward through the whole funnel works with the data', () => {
    const lead = t.leads.create({});
    const steps = ['consideration', 'conversion', 'mql', 'sal', 'sql', 'won'];
    t.leads.update(lead.id, FULL);
    for (const step of steps) expect(t.leads.move({ leadId: lead.id, toStage: step, beforeLeadId: null }).lead.stageKey).toBe(step);
    t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'Price' });
    expect(t.leads.move({ leadId: lead.id, toStage: 'sql', beforeLeadId: null }).transition?.reason).toBeNull();
  });
});

describe('reasons', () => {
  it('SQL → lost takes a lost reason; a case-insensitive match stores the list spelling', () => {
    const lead = leadIn(t, 'sql');
    const { transition } = t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'chose a COMPETITOR' });
    expect(transition?.reason).toBe('Chose a competitor');
    expect(t.leads.get(lead.id).transitions[0]!.reason).toBe('Chose a competitor');
  });

  it('a Cyrillic reason typed in another case stores the list spelling', () => {
    t.catalog.addReason('lost', 'Выбрали конкурента');
    const lead = leadIn(t, 'sql');
    const { transition } = t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'выбрали КОНКУРЕНТА' });
    expect(transition?.reason).toBe('Выбрали конкурента');
  });

  it('a reason of the wrong kind is refused, listing the choices of the right kind', () => {
    const lead = t.leads.create(CONTACT, 'sal');
    const before = stateOf(lead.id);
    // "Price" is a lost reason; disqualifying an SAL needs a disqualification reason.
    const error = caught(() => t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'Price' }));
    expect(error).toMatchObject({
      code: 'rule_violation',
      message: '"Price" is not in the disqualified reasons list. Choose one of: Not a fit, No budget, No authority, No response, Duplicate, Student or job seeker.',
    });
    expect(stateOf(lead.id)).toEqual(before);
    expect(t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'no authority' }).transition?.reason).toBe('No authority');
  });

  it('recycling takes a recycled reason', () => {
    const lead = leadIn(t, 'lost');
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null, reason: 'Price' })).code).toBe('rule_violation');
    const { transition } = t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null, reason: 'new budget cycle' });
    expect(transition).toMatchObject({ fromStage: 'lost', toStage: 'consideration', reason: 'New budget cycle' });
  });

  it('a reason added to the list can be used at once; a removed one no longer can', () => {
    const added = t.catalog.addReason('lost', 'Company closed');
    const a = leadIn(t, 'sql');
    expect(t.leads.move({ leadId: a.id, toStage: 'lost', beforeLeadId: null, reason: 'company closed' }).transition?.reason).toBe('Company closed');
    t.catalog.removeReason(added.id);
    const b = leadIn(t, 'sql');
    const error = caught(() => t.leads.move({ leadId: b.id, toStage: 'lost', beforeLeadId: null, reason: 'Company closed' }));
    expect(error.code).toBe('rule_violation');
    expect(error.message).not.toContain('Company closed,');
    // History keeps the label it was recorded with.
    expect(t.leads.get(a.id).transitions[0]!.reason).toBe('Company closed');
  });

  it('a reason on a move that needs none is kept as given', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    expect(t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null, reason: 'Booked a call' }).transition?.reason).toBe('Booked a call');
  });
});

describe('undo', () => {
  it('moving back with undoesTransitionId of the latest transition is recorded, linked and reasoned "Undo"', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const forward = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null }).transition!;
    const at = t.clock.advance();
    const { lead: back, transition } = t.leads.move({ leadId: lead.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: forward.id });
    expect(back.stageKey).toBe('mql');
    expect(transition).toMatchObject({ fromStage: 'sal', toStage: 'mql', reason: UNDO_REASON, undoesTransitionId: forward.id, at });
    expect(rawLead(t.db, lead.id).stage_entered_at).toBe(at);
  });

  it('undoes a disqualification without asking for a reason (back to SAL)', () => {
    const lead = t.leads.create(CONTACT, 'sal');
    const lost = t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'Duplicate' }).transition!;
    const undo = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null, undoesTransitionId: lost.id });
    expect(undo.transition).toMatchObject({ reason: 'Undo', undoesTransitionId: lost.id });
  });

  it('undoes a recycling even though marketing → Closed-lost would need a disqualification reason', () => {
    const lead = leadIn(t, 'lost');
    const recycle = t.leads.move({ leadId: lead.id, toStage: 'awareness', beforeLeadId: null, reason: 'Nurture for later' }).transition!;
    // Without the undo link the same move is refused for want of a reason.
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null })).message).toBe('Disqualifying a lead needs a reason.');
    const undo = t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, undoesTransitionId: recycle.id });
    expect(undo.lead.stageKey).toBe('lost');
    expect(undo.transition).toMatchObject({ fromStage: 'awareness', toStage: 'lost', reason: 'Undo', undoesTransitionId: recycle.id });
  });

  it('undoing an undo (redo) works and is linked to the undo', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const forward = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null }).transition!;
    const undo = t.leads.move({ leadId: lead.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: forward.id }).transition!;
    const redo = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null, undoesTransitionId: undo.id }).transition!;
    expect(redo.undoesTransitionId).toBe(undo.id);
  });

  it('data rules still apply on undo', () => {
    const lead = leadIn(t, 'sql');
    const lost = t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'Price', patch: {} }).transition!;
    t.leads.update(lead.id, { urgency: null });
    const error = caught(() => t.leads.move({ leadId: lead.id, toStage: 'sql', beforeLeadId: null, undoesTransitionId: lost.id }));
    expect(error).toMatchObject({ code: 'rule_violation', message: 'SQL needs urgency.' });
    expect(rawLead(t.db, lead.id).stage_key).toBe('lost');
  });

  it('is refused (conflict) when the transition is not the latest of the lead', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const first = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null }).transition!;
    t.leads.move({ leadId: lead.id, toStage: 'mql', beforeLeadId: null });
    t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    const before = stateOf(lead.id);
    const error = caught(() => t.leads.move({ leadId: lead.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: first.id }));
    expect(error).toMatchObject({ code: 'conflict', message: 'That move cannot be undone any more: the lead has moved since.' });
    expect(stateOf(lead.id)).toEqual(before);
  });

  it('is refused (conflict) when the transition belongs to another lead', () => {
    const a = t.leads.create(CONTACT, 'mql');
    const b = t.leads.create(CONTACT, 'mql');
    const aMove = t.leads.move({ leadId: a.id, toStage: 'sal', beforeLeadId: null }).transition!;
    t.leads.move({ leadId: b.id, toStage: 'sal', beforeLeadId: null });
    const before = stateOf(b.id);
    expect(caught(() => t.leads.move({ leadId: b.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: aMove.id })).code).toBe('conflict');
    expect(stateOf(b.id)).toEqual(before);
  });

  it('is refused when the target is not where the undone move came from, or the id is unknown, or it is the creation', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    const forward = t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null }).transition!;
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'awareness', beforeLeadId: null, undoesTransitionId: forward.id })).code).toBe('conflict');
    expect(caught(() => t.leads.move({ leadId: lead.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: 9_999 })).code).toBe('conflict');
    const fresh = t.leads.create(CONTACT, 'mql');
    const creation = t.leads.get(fresh.id).transitions[0]!;
    expect(caught(() => t.leads.move({ leadId: fresh.id, toStage: 'mql', beforeLeadId: null, undoesTransitionId: creation.id })).code).toBe('conflict');
    expect(t.leads.get(lead.id).transitions).toHaveLength(2);
  });
});

describe('delete and restore', () => {
  it('delete is soft: the row and its history stay, the board no longer shows it', () => {
    const keep = t.leads.create({ ...CONTACT, dealValueMinor: 100 }, 'mql');
    const gone = t.leads.create({ ...CONTACT, dealValueMinor: 900 }, 'mql');
    t.leads.addNote(gone.id, 'Called twice');
    const at = t.clock.advance();
    expect(t.leads.delete(gone.id)).toEqual({ id: gone.id });
    expect(rawLead(t.db, gone.id)).toMatchObject({ deleted_at: at, stage_key: 'mql', position: gone.position });
    expect(countRows(t.db, 'stage_transitions', `lead_id = ${gone.id}`)).toBe(1);
    expect(countRows(t.db, 'activities', `lead_id = ${gone.id}`)).toBe(1);
    expect(t.board.cards('mql', null, 50).cards.map((c) => c.id)).toEqual([keep.id]);
    expect(t.board.columns().find((c) => c.stageKey === 'mql')).toEqual({ stageKey: 'mql', count: 1, totals: [{ currency: 'USD', amountMinor: 100 }] });
    expect(t.catalog.info().leadCount).toBe(1);
    // Still readable by id (the undo toast and history need it), marked deleted.
    expect(t.leads.get(gone.id).lead.deletedAt).toBe(at);
  });

  it('deleting twice or an unknown lead is not_found; a deleted lead takes no notes', () => {
    const lead = t.leads.create({});
    t.leads.delete(lead.id);
    expect(caught(() => t.leads.delete(lead.id)).code).toBe('not_found');
    expect(caught(() => t.leads.delete(12345)).code).toBe('not_found');
    expect(caught(() => t.leads.addNote(lead.id, 'hello')).code).toBe('not_found');
  });

  it('restore brings it back in place: same column, same spot, same stage time', () => {
    const ids = [1, 2, 3].map(() => t.leads.create(CONTACT, 'sal').id);
    t.leads.delete(ids[1]!);
    expect(t.board.cards('sal', null, 50).cards.map((c) => c.id)).toEqual([ids[0], ids[2]]);
    t.clock.advance();
    const restored = t.leads.restore(ids[1]!);
    expect(restored).toMatchObject({ deletedAt: null, stageKey: 'sal', stageEnteredAt: T0 });
    expect(t.board.cards('sal', null, 50).cards.map((c) => c.id)).toEqual(ids);
    expect(countRows(t.db, 'stage_transitions', `lead_id = ${ids[1]}`)).toBe(1);
  });

  it('restore keeps the column strictly ordered when its spot was handed out while it was deleted', () => {
    // a b c; delete b; drop x between a and c (x gets the key b had); restore b; drop y just above x.
    const [a, b, c] = [1, 2, 3].map(() => t.leads.create(CONTACT, 'mql'));
    t.leads.delete(b!.id);
    const x = t.leads.create(CONTACT, 'sal');
    t.leads.move({ leadId: x.id, toStage: 'mql', beforeLeadId: c!.id });
    t.leads.restore(b!.id);
    const positions = t.board.cards('mql', null, 50).cards.map((card) => card.position);
    expect(new Set(positions).size).toBe(positions.length);
    const y = t.leads.create(CONTACT, 'sal');
    t.leads.move({ leadId: y.id, toStage: 'mql', beforeLeadId: x.id });
    const order = t.board.cards('mql', null, 50).cards.map((card) => card.id);
    expect(order.indexOf(y.id)).toBe(order.indexOf(x.id) - 1);
    expect(order).toEqual([a!.id, b!.id, y.id, x.id, c!.id]);
  });

  it('restore keeps the order when a new card took the bottom spot of a deleted last card', () => {
    const first = t.leads.create({});
    const last = t.leads.create({});
    t.leads.delete(last.id);
    const newcomer = t.leads.create({});
    expect(newcomer.position).toBe(last.position);
    t.leads.restore(last.id);
    const cards = t.board.cards('awareness', null, 50).cards;
    expect(new Set(cards.map((card) => card.position)).size).toBe(3);
    const dropped = t.leads.create({}, 'consideration');
    t.leads.move({ leadId: dropped.id, toStage: 'awareness', beforeLeadId: newcomer.id });
    const order = t.board.cards('awareness', null, 50).cards.map((card) => card.id);
    expect(order.indexOf(dropped.id)).toBe(order.indexOf(newcomer.id) - 1);
    expect(order[0]).toBe(first.id);
  });

  it('restoring a live lead changes nothing; an unknown one is not_found', () => {
    const lead = t.leads.create({});
    const before = rawLead(t.db, lead.id);
    t.clock.advance();
    expect(t.leads.restore(lead.id).deletedAt).toBeNull();
    expect(rawLead(t.db, lead.id)).toEqual(before);
    expect(caught(() => t.leads.restore(777)).code).toBe('not_found');
  });
});

describe('notes', () => {
  it('addNote records a note on the lead, newest first in the detail', () => {
    const lead = t.leads.create({});
    const first = t.leads.addNote(lead.id, 'Asked for a demo.');
    t.clock.advance(60_000);
    const second = t.leads.addNote(lead.id, 'Встреча перенесена.\nПерезвонить в пятницу.');
    expect(first).toEqual({ id: expect.any(Number), leadId: lead.id, type: 'note', at: T0, body: 'Asked for a demo.', byMemberId: null, byName: null });
    expect(t.leads.get(lead.id).activities.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(t.leads.get(lead.id).activities[0]!.body).toBe('Встреча перенесена.\nПерезвонить в пятницу.');
  });

  it('an unknown lead takes no notes', () => {
    expect(caught(() => t.leads.addNote(31337, 'hi')).code).toBe('not_found');
    expect(countRows(t.db, 'activities')).toBe(0);
  });
});

describe('get', () => {
  it('returns the lead with its transitions and activities; not_found otherwise', () => {
    const lead = t.leads.create(CONTACT, 'mql');
    t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    const detail = t.leads.get(lead.id);
    expect(detail.lead.id).toBe(lead.id);
    expect(detail.transitions).toHaveLength(2);
    expect(caught(() => t.leads.get(0)).code).toBe('not_found');
  });
});
