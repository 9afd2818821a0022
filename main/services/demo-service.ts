import { generateKeyBetween } from 'fractional-indexing';
import type { LeadFields } from '../../shared/domain/lead.ts';
import { REASON_KINDS, type ReasonKind } from '../../shared/domain/reasons.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import { generateDemoLead } from '../demo/demo-leads.ts';
import { createRandom } from '../demo/random.ts';
import { TEAM } from '../demo/vocabulary.ts';
import type { ServiceContext } from './context.ts';

/** Rows per transaction: big enough to be fast, small enough to keep memory flat at a million leads. */
const BATCH = 5_000;

/** Realistic demo data: a team, and leads with a year of stage history that obeys the rules. */
export function createDemoService({ db, leads, history, catalog, team, companies, scores, now, filterContext }: ServiceContext) {
  function ensureTeam(): number[] {
    if (team.members().length === 0) {
      const at = now();
      for (const member of TEAM) team.addMember(member, at);
    }
    const ids = team.members().map((member) => member.id);
    if (team.currentMemberId() === null) team.setCurrentMemberId(ids[0]!);
    return ids;
  }

  return {
    /** Adds `count` demo leads (the CLI's `seed`, and benchmarks, which ask for a 'long' history). */
    seed(count: number, seed = 20_260_101, pace: 'typical' | 'long' = 'typical'): { leads: number; members: number } {
      const ownerIds = db.transaction(ensureTeam)();
      const reasons = Object.fromEntries(
        REASON_KINDS.map((kind) => [kind, catalog.reasons().filter((r) => r.kind === kind).map((r) => r.label)]),
      ) as Record<ReasonKind, string[]>;
      // An emptied list gets an "Other" entry, so that every reason in the history is one of the list.
      for (const kind of REASON_KINDS) if (reasons[kind].length === 0) reasons[kind].push(catalog.addReason(kind, 'Other').label);
      const random = createRandom(seed);
      const settings = { now: now(), ownerIds, reasons, history: pace };
      const lastKey = new Map(catalog.stages().map((stage) => [stage.key, leads.lastPosition(stage.key, 0)]));
      // Demo companies are shared by their leads; one already in the DB (same domain) is reused as it is.
      const companyIds = new Map<string, number>();
      const companyOf = (fields: LeadFields, at: number): number | null => {
        const domain = fields.companyDomain;
        if (!domain) return null;
        let id = companyIds.get(domain) ?? companies.findByDomain(domain);
        id ??= companies.insert(fields, at);
        companyIds.set(domain, id);
        return id;
      };
      const writeBatch = db.transaction((size: number) => {
        for (let i = 0; i < size; i++) {
          const demo = generateDemoLead(random, settings);
          const first = demo.journey[0]!;
          const final = demo.journey[demo.journey.length - 1]!;
          const position = generateKeyBetween(lastKey.get(final.stageKey) ?? null, null);
          lastKey.set(final.stageKey, position);
          const companyId = companyOf(demo.fields, first.at);
          const id = leads.insert({ ...demo.fields, companyId }, { stageKey: final.stageKey, position }, first.at, final.at);
          leads.setTags(id, demo.fields.tags);
          let previous: string | null = null;
          for (const step of demo.journey) {
            history.addTransition({
              leadId: id, fromStage: previous, toStage: step.stageKey, at: step.at,
              byMemberId: demo.fields.ownerId, reason: step.reason, undoesTransitionId: null,
            });
            previous = step.stageKey;
          }
          for (const note of demo.notes) history.addActivity({ leadId: id, type: 'note', at: note.at, body: note.body, byMemberId: demo.fields.ownerId });
        }
      });
      for (let done = 0; done < count; done += BATCH) writeBatch(Math.min(BATCH, count - done));
      db.transaction(() => scores.rescore({ all: true }, filterContext()))();
      return { leads: count, members: ownerIds.length };
    },

    /** The first-run "Load demo data" button: only into an empty funnel, never mixed with real leads. */
    loadIntoEmpty(count = 400): { leads: number; members: number } {
      if (leads.liveCount() > 0) throw new DomainError('conflict', 'Demo data can only be loaded into an empty funnel.');
      return this.seed(count);
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
