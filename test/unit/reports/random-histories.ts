import { afterEach } from 'vitest';
import { DomainError } from '../../../shared/ipc/result.ts';
import { createTestServices, DAY, type TestServices } from '../../support/services.ts';

const STAGES = ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost'] as const;
const REASONS = ['Price', 'No budget', 'Not a fit', 'Timing was wrong'];
const SOURCES = ['Webinar', 'Referral', null];
const PERSONAS = ['CFO', null];
const HOUR = 3_600_000;

/** A small seeded generator (mulberry32): the same seed, the same histories. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

/** When the random histories begin, and "now" for their reports: ten weeks later. */
export const RANDOM_START = Date.UTC(2026, 0, 5, 7, 0);
export const RANDOM_NOW = RANDOM_START + 70 * DAY;

/** A maker of fresh test services at RANDOM_START, each closed after its test. Call at a test file's top level. */
export function servicesAtRandomStart(): () => TestServices {
  const open: TestServices[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.close();
  });
  return () => {
    const t = createTestServices({ now: RANDOM_START });
    open.push(t);
    return t;
  };
}

export interface RandomHistories {
  /** A second round of changes to the same leads: more moves, undos, edits of past moves, deletes, restores, new owners and sources. */
  more(): void;
}

/**
 * Sixty leads with random histories over ten weeks from RANDOM_START, written through the real services
 * (moves the rules refuse are skipped), at random hours, so that moves fall on both sides of local
 * and UTC midnights.
 */
export function randomHistories(t: TestServices, seed: number): RandomHistories {
  const random = generator(seed);
  const members = ['Olga', 'James', 'Aiko'].map((name) => t.team.add({ name, email: null, role: 'account_executive' }).id);
  const attempt = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  const leads: { id: number; at: number }[] = [];
  const moveOnce = (lead: { id: number; at: number }) => {
    lead.at += Math.floor(random.next() * 6 * DAY) + Math.floor(random.next() * 24) * HOUR;
    t.clock.set(lead.at);
    t.team.setCurrentMember(random.pick(members));
    attempt(() => {
      t.leads.move({ leadId: lead.id, toStage: random.pick(STAGES), beforeLeadId: null, reason: random.pick(REASONS) });
    });
  };
  for (let i = 0; i < 60; i++) {
    const at = RANDOM_START + Math.floor(random.next() * 40 * DAY) + Math.floor(random.next() * 24) * HOUR;
    t.clock.set(at);
    t.team.setCurrentMember(random.pick(members));
    const fields = {
      email: `lead${i}@example.com`,
      dealValueMinor: 100_000 + i,
      expectedCloseOn: '2026-06-30',
      urgency: 'high',
      // Two currencies: the money reports count the other one apart.
      currency: i % 3 === 0 ? 'EUR' : 'USD',
      source: random.pick(SOURCES),
      persona: random.pick(PERSONAS),
      ownerId: random.pick([...members, null]),
    } as const;
    const lead = { id: t.leads.create(fields, random.pick(STAGES.slice(0, 6))).id, at };
    leads.push(lead);
    const moves = Math.floor(random.next() * 7);
    for (let m = 0; m < moves; m++) moveOnce(lead);
  }

  return {
    more() {
      for (const lead of leads) {
        const roll = random.next();
        if (roll < 0.3) moveOnce(lead);
        else if (roll < 0.4) {
          // Undo the latest move, a minute after it.
          const last = t.db.prepare('SELECT id, at FROM stage_transitions WHERE lead_id = ? ORDER BY at DESC, id DESC LIMIT 1').get(lead.id) as { id: number; at: number };
          const back = t.db.prepare('SELECT from_stage FROM stage_transitions WHERE id = ?').pluck().get(last.id) as string | null;
          if (back === null) continue;
          t.clock.set(last.at + 60_000);
          attempt(() => {
            t.leads.move({ leadId: lead.id, toStage: back, beforeLeadId: null, undoesTransitionId: last.id });
          });
        } else if (roll < 0.5) {
          // An edit of a past move (a correction of its time, across a day boundary).
          t.db.prepare('UPDATE stage_transitions SET at = at - ? WHERE id = (SELECT max(id) FROM stage_transitions WHERE lead_id = ?)').run(HOUR * 30, lead.id);
        } else if (roll < 0.6) attempt(() => t.leads.delete(lead.id));
        else if (roll < 0.7) {
          attempt(() => t.leads.delete(lead.id));
          attempt(() => t.leads.restore(lead.id));
        } else if (roll < 0.8) attempt(() => t.leads.update(lead.id, { source: random.pick(SOURCES), persona: random.pick(PERSONAS), ownerId: random.pick(members) }));
      }
    },
  };
}
