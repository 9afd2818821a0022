import type { Services } from '../../../main/services/index.ts';
import type { LeadPatch } from '../../../shared/ipc/schemas.ts';
import type { TestClock } from '../../support/services.ts';

/**
 * A hand-built March 2026 in Moscow (UTC+3, no daylight saving): nine leads whose every report
 * figure is worked out by hand in the tests. Times are Moscow wall-clock time.
 *
 *   A  Webinar  Olga   awareness 03-02 → consideration 03-05 → conversion 03-10 → MQL 03-12 → SAL 03-15 → SQL 03-20 → won 03-25
 *   B  Referral Olga   created in MQL 03-03 (skips three stages) → SAL 03-06 → lost 03-08 (disqualified, No budget)
 *   C  Webinar  Olga   awareness 03-04 → consideration 03-06; open, deal 2,000 USD
 *   D  Webinar  James  awareness 02-20 → MQL 03-01 00:30 → SQL 03-31 23:30 → lost 04-01 00:30 (Price)
 *   E  Webinar  James  awareness 03-01 12:00 → MQL 03-02 → lost 03-03 (disqualified, Not a fit)
 *                      → recycled to consideration 03-09 (Timing was wrong) → conversion 03-11; open, deal 10,000 USD
 *   F  Webinar  James  awareness 03-05 → consideration 03-06, then deleted
 *   G  Webinar  Olga   awareness 03-07 → consideration 03-08 → conversion 03-09, undone a minute later; deal 5,000 EUR
 *   H  Webinar  James  awareness 02-10, still there
 *   I  Referral James  created in SQL 03-10 → lost 03-20 (Price)
 *   J  Webinar  James  created in MQL 03-15 → SAL 03-18; open, deal 3,000 USD
 *   and a note James writes on H on 04-08 (this week, for "now" = 04-10).
 *
 * D's moves sit on the period's edges: 03-01 00:30 and 03-31 23:30 Moscow are inside March there
 * but 02-28 21:30 and 03-31 20:30 UTC; its loss at 04-01 00:30 Moscow is 03-31 21:30 UTC.
 */

export const ZONE = 'Europe/Moscow';
export const MARCH = { from: '2026-03-01', to: '2026-03-31', timeZone: ZONE };
/** "Now" for the stale figures: 10 April 10:00 Moscow. */
export const NOW = moscow('04-10 10:00');

/** 'MM-DD HH:MM' in Moscow 2026 → epoch ms. */
export function moscow(text: string): number {
  const [date, time] = text.split(' ');
  const [month, day] = date!.split('-').map(Number);
  const [hour, minute] = (time ?? '10:00').split(':').map(Number);
  return Date.UTC(2026, month! - 1, day!, hour! - 3, minute!);
}

const PERSON = { email: 'buyer@example.com' } as const;
const DEAL = { dealValueMinor: 1_250_000, expectedCloseOn: '2026-06-30', urgency: 'high', currency: 'USD' } as const;

export interface MarchFixture {
  olga: number;
  james: number;
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J', number>;
}

export function buildMarchFixture(t: Services, clock: TestClock): MarchFixture {
  const olga = t.team.add({ name: 'Olga Smirnova', email: null, role: 'account_executive' }).id;
  const james = t.team.add({ name: 'James Carter', email: null, role: 'sdr' }).id;
  let actor = olga;
  const as = (member: number) => {
    if (member !== actor) t.team.setCurrentMember(member);
    actor = member;
  };
  as(olga);
  t.team.setCurrentMember(olga);

  const create = (when: string, member: number, stageKey: string, fields: LeadPatch) => {
    clock.set(moscow(when));
    as(member);
    return t.leads.create({ ...PERSON, ownerId: member, ...fields }, stageKey).id;
  };
  const move = (id: number, when: string, toStage: string, reason?: string) => {
    clock.set(moscow(when));
    const lead = t.leads.get(id).lead;
    as(lead.ownerId!);
    return t.leads.move({ leadId: id, toStage, beforeLeadId: null, ...(reason ? { reason } : {}) }).transition!;
  };
  const path = (id: number, steps: [string, string, string?][]) => {
    for (const [when, stage, reason] of steps) move(id, when, stage, reason);
  };

  const A = create('03-02 10:00', olga, 'awareness', { firstName: 'Anna', source: 'Webinar', ...DEAL });
  path(A, [['03-05', 'consideration'], ['03-10', 'conversion'], ['03-12', 'mql'], ['03-15', 'sal'], ['03-20', 'sql'], ['03-25', 'won']]);

  const B = create('03-03 10:00', olga, 'mql', { firstName: 'Boris', source: 'Referral' });
  path(B, [['03-06', 'sal'], ['03-08', 'lost', 'No budget']]);

  const C = create('03-04 10:00', olga, 'awareness', { firstName: 'Clara', source: 'Webinar', dealValueMinor: 200_000, currency: 'USD' });
  path(C, [['03-06', 'consideration']]);

  const D = create('02-20 10:00', james, 'awareness', { firstName: 'Denis', source: 'Webinar', ...DEAL });
  path(D, [['03-01 00:30', 'mql'], ['03-31 23:30', 'sql'], ['04-01 00:30', 'lost', 'Price']]);

  const E = create('03-01 12:00', james, 'awareness', { firstName: 'Elena', source: 'Webinar', dealValueMinor: 1_000_000, currency: 'USD' });
  path(E, [['03-02', 'mql'], ['03-03', 'lost', 'Not a fit'], ['03-09', 'consideration', 'Timing was wrong'], ['03-11', 'conversion']]);

  const F = create('03-05 10:00', james, 'awareness', { firstName: 'Fedor', source: 'Webinar' });
  path(F, [['03-06', 'consideration']]);
  clock.set(moscow('03-07 10:00'));
  t.leads.delete(F);

  const G = create('03-07 10:00', olga, 'awareness', { firstName: 'Galina', source: 'Webinar', dealValueMinor: 500_000, currency: 'EUR' });
  path(G, [['03-08', 'consideration']]);
  const undone = move(G, '03-09 10:00', 'conversion');
  clock.set(moscow('03-09 10:01'));
  t.leads.move({ leadId: G, toStage: 'consideration', beforeLeadId: null, undoesTransitionId: undone.id });

  const H = create('02-10 10:00', james, 'awareness', { firstName: 'Hugo', source: 'Webinar' });

  const I = create('03-10 10:00', james, 'sql', { firstName: 'Irina', source: 'Referral', ...DEAL });
  path(I, [['03-20', 'lost', 'Price']]);

  const J = create('03-15 10:00', james, 'mql', { firstName: 'Jana', source: 'Webinar', dealValueMinor: 300_000, currency: 'USD' });
  path(J, [['03-18', 'sal']]);

  clock.set(moscow('04-08 10:00'));
  as(james);
  t.leads.addNote(H, 'Asked for the price list.');

  clock.set(NOW);
  return { olga, james, ids: { A, B, C, D, E, F, G, H, I, J } };
}
