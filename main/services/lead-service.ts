import { generateKeyBetween } from 'fractional-indexing';
import { EMPTY_LEAD_FIELDS, type Lead, type LeadFields } from '../../shared/domain/lead.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import { describeRequirement, reasonKindForMove, unmetRequirements, unmetStageNeeds, type Requirement } from '../../shared/domain/stage-rules.ts';
import type { ReasonKind } from '../../shared/domain/reasons.ts';
import type { LeadDetail, MoveOutcome } from '../../shared/ipc/contract.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { StageTransition } from '../../shared/domain/history.ts';
import type { NewTransition } from '../store/repositories/history-repository.ts';
import type { ServiceContext } from './context.ts';
import { linkCompany, type CompanyLink } from './company-link.ts';
import { positionForDrop } from './placement.ts';

export interface MoveRequest {
  leadId: number;
  toStage: string;
  beforeLeadId: number | null;
  reason?: string;
  patch?: LeadPatch;
  undoesTransitionId?: number;
}

/** The reason recorded on a Ctrl+Z move; it satisfies any reason rule because it cancels a move. */
export const UNDO_REASON = 'Undo';

/** Creating, editing, moving and deleting leads, every change checked against the stage rules. */
export function createLeadService(ctx: ServiceContext) {
  const { db, leads, history, catalog, team, companies, scores, now } = ctx;

  function stage(key: string): Stage {
    const found = catalog.stages().find((s) => s.key === key);
    if (!found) throw new DomainError('not_found', `There is no stage "${key}".`);
    return found;
  }

  function liveLead(id: number): Lead {
    const lead = leads.get(id);
    if (!lead || lead.deletedAt !== null) throw new DomainError('not_found', `Lead ${id} does not exist or was deleted.`);
    return lead;
  }

  function withPatch(base: LeadFields, patch: LeadPatch | undefined): LeadFields {
    const merged = { ...base };
    for (const [key, value] of Object.entries(patch ?? {})) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    if (merged.ownerId !== null && !team.member(merged.ownerId)) {
      throw new DomainError('invalid_input', `There is no team member with id ${merged.ownerId}.`);
    }
    return merged;
  }

  function refuseUnmet(unmet: Requirement[], target: Stage): void {
    if (unmet.length > 0) {
      throw new DomainError('rule_violation', unmet.map((requirement) => describeRequirement(requirement, target)).join(' '));
    }
  }

  /** Reasons must come from the list of their kind, so that the lost-reason report stays honest. */
  function checkReason(kind: ReasonKind | null, reason: string | null): string | null {
    if (!kind || reason === null || reason === UNDO_REASON) return reason;
    const listed = catalog.reasonByLabel(kind, reason);
    if (listed) return listed.label;
    const choices = catalog.reasons().filter((r) => r.kind === kind).map((r) => r.label);
    throw new DomainError('rule_violation', `"${reason}" is not in the ${kind} reasons list. Choose one of: ${choices.join(', ')}.`);
  }

  function checkUndo(lead: Lead, to: Stage, transitionId: number): void {
    const undone = history.transition(transitionId);
    const isLatest = history.latestTransitionId(lead.id) === transitionId;
    if (!undone || undone.leadId !== lead.id || !isLatest || undone.toStage !== lead.stageKey || undone.fromStage !== to.key) {
      throw new DomainError('conflict', 'That move cannot be undone any more: the lead has moved since.');
    }
  }

  function recordTransition(transition: NewTransition): StageTransition {
    return history.transition(history.addTransition(transition))!;
  }

  function fieldsOf(lead: Lead): LeadFields {
    const fields = { ...EMPTY_LEAD_FIELDS };
    for (const key of Object.keys(fields) as (keyof LeadFields)[]) (fields as Record<string, unknown>)[key] = lead[key];
    return fields;
  }

  /** Writes an edited lead: its row, its company (shared, see company-link.ts) and its tags. */
  function saveFields(lead: Lead, fields: LeadFields, patch: LeadPatch | undefined, at: number): CompanyLink {
    const link = linkCompany(companies, lead.companyId, fields, patch, at);
    leads.updateFields(lead.id, { ...fields, companyId: link.companyId }, at);
    if (patch?.tags !== undefined) leads.setTags(lead.id, fields.tags);
    if (lead.companyId !== null && lead.companyId !== link.companyId) companies.deleteIfOrphan(lead.companyId);
    return link;
  }

  /** The lead's score follows every change of it; a changed company rescores all its leads. */
  function rescore(leadId: number, link?: CompanyLink): void {
    const context = ctx.filterContext();
    scores.rescore({ leadIds: [leadId] }, context);
    if (link?.changedCompanyId != null) scores.rescore({ companyId: link.changedCompanyId }, context);
  }

  return {
    get(id: number): LeadDetail {
      const lead = leads.get(id);
      if (!lead) throw new DomainError('not_found', `Lead ${id} does not exist.`);
      return { lead, transitions: history.transitionsOf(id), activities: history.activitiesOf(id) };
    },

    create(patch: LeadPatch, stageKey?: string): Lead {
      return db.transaction(() => {
        const target = stageKey ? stage(stageKey) : catalog.stages()[0]!;
        if (target.kind !== 'open') throw new DomainError('rule_violation', `New leads start in an open stage, not in ${target.name}.`);
        const fields = withPatch(EMPTY_LEAD_FIELDS, patch);
        refuseUnmet(unmetStageNeeds(fields, target), target);
        const at = now();
        const position = positionForDrop(leads, target.key, null, 0);
        const link = linkCompany(companies, null, fields, patch, at);
        const id = leads.insert({ ...fields, companyId: link.companyId }, { stageKey: target.key, position }, at);
        leads.setTags(id, fields.tags);
        history.addTransition({
          leadId: id, fromStage: null, toStage: target.key, at, byMemberId: team.currentMemberId(), reason: null, undoesTransitionId: null,
        });
        rescore(id, link);
        return leads.get(id)!;
      })();
    },

    update(id: number, patch: LeadPatch): Lead {
      return db.transaction(() => {
        const lead = liveLead(id);
        const fields = withPatch(fieldsOf(lead), patch);
        const current = stage(lead.stageKey);
        refuseUnmet(unmetStageNeeds(fields, current), current);
        rescore(id, saveFields(lead, fields, patch, now()));
        return leads.get(id)!;
      })();
    },

    move(request: MoveRequest): MoveOutcome {
      return db.transaction(() => {
        const lead = liveLead(request.leadId);
        const from = stage(lead.stageKey);
        const to = stage(request.toStage);
        const fields = withPatch(fieldsOf(lead), request.patch);
        let reason = request.reason ?? null;
        if (request.undoesTransitionId !== undefined) {
          checkUndo(lead, to, request.undoesTransitionId);
          reason ??= UNDO_REASON;
        }
        refuseUnmet(unmetRequirements(fields, from, to, reason), to);
        reason = checkReason(reasonKindForMove(from, to), reason);
        const at = now();
        const position = positionForDrop(leads, to.key, request.beforeLeadId, lead.id);
        const link = request.patch ? saveFields(lead, fields, request.patch, at) : undefined;
        leads.place(lead.id, { stageKey: to.key, position }, at);
        const transition =
          from.key === to.key
            ? null
            : recordTransition({
                leadId: lead.id,
                fromStage: from.key,
                toStage: to.key,
                at,
                byMemberId: team.currentMemberId(),
                reason,
                undoesTransitionId: request.undoesTransitionId ?? null,
              });
        // A reorder within a column changes nothing a score rule can read (position, updated_at).
        if (transition !== null || link !== undefined) rescore(lead.id, link);
        return { lead: leads.get(lead.id)!, transition };
      })();
    },

    delete(id: number): { id: number } {
      liveLead(id);
      leads.setDeleted(id, now(), now());
      return { id };
    },

    restore(id: number): Lead {
      return db.transaction(() => {
        const lead = leads.get(id);
        if (!lead) throw new DomainError('not_found', `Lead ${id} does not exist.`);
        if (lead.deletedAt === null) return lead;
        const at = now();
        leads.setDeleted(id, null, at);
        // While it was deleted its key may have been handed out again (a card dropped into the gap,
        // a new card at the bottom). Two cards on one key break "drop just above": put it back just
        // above the card that took its place.
        if (leads.positionTaken(lead.stageKey, lead.position, id)) {
          const below = leads.positionBelow(lead.stageKey, lead.position, id);
          leads.place(id, { stageKey: lead.stageKey, position: generateKeyBetween(below, lead.position) }, at);
        }
        // Time-based rules may have drifted while it was deleted.
        rescore(id);
        return leads.get(id)!;
      })();
    },

    /** The note also becomes the lead's latest activity (a trigger keeps last_activity_at), so it is rescored. */
    addNote(leadId: number, body: string) {
      return db.transaction(() => {
        liveLead(leadId);
        const id = history.addActivity({ leadId, type: 'note', at: now(), body, byMemberId: team.currentMemberId() });
        rescore(leadId);
        return history.activity(id)!;
      })();
    },
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
