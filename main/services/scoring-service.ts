import type { ScoreBreakdown, ScoreRule } from '../../shared/domain/views.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { RuleDraft } from '../store/repositories/score-repository.ts';
import type { ServiceContext } from './context.ts';

/**
 * The lead score: the sum of the points of the rules a lead matches, stored in leads.score so the
 * table can sort and filter by it. Services rescore a lead whenever it, its company, its tags or its
 * activity change. Rules on time ("activity in the last 14 days") drift as days pass without any
 * change, so every lead is rescored when the app opens the DB and when the rules change.
 */
/** Leads per statement when rescoring everything in the background: a few milliseconds each. */
const RESCORE_SLICE = 2_000;

export function createScoringService({ db, leads, scores, filterContext }: ServiceContext) {
  return {
    rules(): ScoreRule[] {
      return scores.rules();
    },

    /** Replaces the whole rule set and rescores every lead, in one transaction. */
    save(rules: RuleDraft[]): ScoreRule[] {
      return db.transaction(() => {
        scores.replaceRules(rules);
        scores.rescore({ all: true }, filterContext());
        return scores.rules();
      })();
    },

    /** Every lead, deleted ones included (a restored lead comes back with a current score). */
    rescoreAll(): number {
      return db.transaction(() => scores.rescore({ all: true }, filterContext()))();
    },

    /**
     * Every lead, a slice of ids at a time with the event loop free in between: what the app does
     * when it opens a DB (a million leads take seconds; one statement would freeze the window and
     * hold the write lock). Each slice is one statement, so it never sees half a change. Stops
     * quietly if the DB is closed meanwhile (the app quit). Resolves to how many scores changed.
     */
    async rescoreAllInSlices(sliceSize = RESCORE_SLICE): Promise<number> {
      const bounds = scores.idBounds();
      let changed = 0;
      for (let low = bounds?.[0] ?? 1; bounds && low <= bounds[1]; low += sliceSize) {
        if (!db.open) return changed;
        changed += scores.rescore({ idRange: [low, low + sliceSize - 1] }, filterContext());
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return changed;
    },

    /**
     * Each rule, its points and whether the lead matches it now. The lead is rescored first, so the
     * parts always sum to the score stored (and shown) even after time-based rules drifted.
     */
    breakdown(leadId: number): ScoreBreakdown {
      return db.transaction(() => {
        if (!leads.get(leadId)) throw new DomainError('not_found', `Lead ${leadId} does not exist.`);
        const context = filterContext();
        scores.rescore({ leadIds: [leadId] }, context);
        const parts = scores.matches(leadId, context).map(({ rule, matched }) => ({ ruleId: rule.id, label: rule.label, points: rule.points, matched }));
        return { total: leads.get(leadId)!.score, parts };
      })();
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
