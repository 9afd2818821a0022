import { leadDisplayName } from '../../shared/domain/lead.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { BulkOutcome } from '../../shared/ipc/contract.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { LeadBrief } from '../store/repositories/lead-repository.ts';
import type { ServiceContext } from './context.ts';
import type { LeadService } from './lead-service.ts';

export type BulkTarget = { ids: number[] } | { filter: LeadFilter };

export type BulkAction =
  | { type: 'move'; toStage: string; reason?: string }
  | { type: 'assign'; ownerId: number | null }
  | { type: 'tag'; add: string[]; remove: string[] }
  | { type: 'delete' }
  | { type: 'restore' };

/** Codes a single lead can be refused with; anything else aborts the whole action. */
const PER_LEAD_CODES = new Set(['rule_violation', 'not_found', 'conflict']);

/**
 * One action on many leads, in one transaction. Each lead goes through the same rules as a single
 * edit; a lead a rule refuses is listed with the reason in words, never silently skipped.
 */
export function createBulkService(ctx: ServiceContext, leadService: LeadService) {
  const { db, leads, query, team, scores, catalog, now, filterContext } = ctx;

  /** The leads an action aims at: live ones, or deleted ones for restore. Unknown ids are refused. */
  function resolve(target: BulkTarget, deleted: boolean, outcome: BulkOutcome): LeadBrief[] {
    const ids = 'ids' in target ? [...new Set(target.ids)] : query.ids(target.filter, filterContext(), { deleted });
    const byId = new Map(leads.briefs(ids).map((lead) => [lead.id, lead]));
    const found: LeadBrief[] = [];
    for (const id of ids) {
      const lead = byId.get(id);
      if (!lead) outcome.refused.push({ id, name: `Lead ${id}`, message: `Lead ${id} does not exist.` });
      else if ((lead.deletedAt !== null) !== deleted) {
        const message = deleted ? 'It is not deleted.' : 'It was deleted.';
        outcome.refused.push({ id, name: leadDisplayName(lead), message });
      } else found.push(lead);
    }
    return found;
  }

  /** Runs `apply` for one lead; a per-lead refusal is recorded and rolls back that lead only. */
  function each(list: LeadBrief[], outcome: BulkOutcome, apply: (lead: LeadBrief) => boolean): void {
    for (const lead of list) {
      try {
        if (db.transaction(() => apply(lead))()) outcome.appliedIds.push(lead.id);
      } catch (error) {
        if (!(error instanceof DomainError) || !PER_LEAD_CODES.has(error.code)) throw error;
        outcome.refused.push({ id: lead.id, name: leadDisplayName(lead), message: error.message });
      }
    }
  }

  function boardOrder(list: LeadBrief[]): LeadBrief[] {
    const order = new Map(catalog.stages().map((stage) => [stage.key, stage.position]));
    return [...list].sort((a, b) => order.get(a.stageKey)! - order.get(b.stageKey)! || (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id - b.id));
  }

  return {
    run(target: BulkTarget, action: BulkAction): BulkOutcome {
      return db.transaction(() => {
        const outcome: BulkOutcome = { appliedIds: [], refused: [] };
        const list = boardOrder(resolve(target, action.type === 'restore', outcome));
        const at = now();
        switch (action.type) {
          case 'move':
            if (!catalog.stages().some((stage) => stage.key === action.toStage)) {
              throw new DomainError('not_found', `There is no stage "${action.toStage}".`);
            }
            // Each lead through the single-move rules, to the bottom of the column, in board order;
            // a lead already there stays where it is.
            each(list, outcome, (lead) => {
              if (lead.stageKey === action.toStage) return false;
              leadService.move({ leadId: lead.id, toStage: action.toStage, beforeLeadId: null, ...(action.reason ? { reason: action.reason } : {}) });
              return true;
            });
            break;
          case 'assign':
            if (action.ownerId !== null && !team.member(action.ownerId)) {
              throw new DomainError('invalid_input', `There is no team member with id ${action.ownerId}.`);
            }
            each(list, outcome, (lead) => leads.assign(lead.id, action.ownerId, at));
            break;
          case 'tag':
            each(list, outcome, (lead) => leads.changeTags(lead.id, action.add, action.remove, at));
            break;
          case 'delete':
            each(list, outcome, (lead) => (leadService.delete(lead.id), true));
            break;
          case 'restore':
            each(list, outcome, (lead) => (leadService.restore(lead.id), true));
            break;
        }
        // Moves rescore as they go; owners and tags may be in score rules too.
        if (action.type === 'assign' || action.type === 'tag') scores.rescore({ leadIds: outcome.appliedIds }, filterContext());
        return outcome;
      })();
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
