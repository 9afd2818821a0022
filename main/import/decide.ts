import type { DuplicatePolicy, RowError } from '../../shared/domain/csv-transfer.ts';
import { EMPTY_LEAD_FIELDS, type LeadFields } from '../../shared/domain/lead.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import { describeRequirement, reasonKindForMove, unmetStageNeeds } from '../../shared/domain/stage-rules.ts';
import type { ConvertedRow } from './row-to-lead.ts';

/**
 * What happens to one converted row: created, an update of the lead with its e-mail, skipped as a
 * duplicate, or rejected with the reasons. Pure, shared by the preview and the import.
 *
 * Stage rules: a created lead must meet what its stage needs (shared/domain/stage-rules.ts); an
 * update that changes the stage is a move, so it must meet the target's needs and may not be a
 * move that needs a reason (to Closed-lost, or recycling), which a file cannot give.
 */

export interface ExistingLead {
  id: number;
  fields: LeadFields;
  stageKey: string;
}

export type Decision =
  | { action: 'create'; fields: LeadFields; stage: Stage }
  | { action: 'update'; leadId: number; fields: LeadFields; from: Stage; stage: Stage }
  | { action: 'skip'; leadId: number }
  | { action: 'reject'; errors: RowError[] };

export interface DecideContext {
  policy: DuplicatePolicy;
  stages: ReadonlyMap<string, Stage>;
  defaultStage: Stage;
}

export function decideRow(row: ConvertedRow, existing: ExistingLead | null, context: DecideContext): Decision {
  if (row.errors.length > 0) return { action: 'reject', errors: row.errors };
  if (existing && context.policy === 'skip') return { action: 'skip', leadId: existing.id };
  if (existing && context.policy === 'update') {
    const from = context.stages.get(existing.stageKey)!;
    const stage = row.stageKey ? context.stages.get(row.stageKey)! : from;
    const fields = merged(existing.fields, row.values);
    const reasonKind = reasonKindForMove(from, stage);
    if (reasonKind) {
      return { action: 'reject', errors: [{ field: 'stage', message: `${describeRequirement({ kind: 'reason', reasonKind }, stage)} Move this lead in the app.` }] };
    }
    const unmet = unmetStageNeeds(fields, stage);
    if (unmet.length > 0) return { action: 'reject', errors: unmet.map((need) => ({ field: null, message: describeRequirement(need, stage) })) };
    return { action: 'update', leadId: existing.id, fields, from, stage };
  }
  const stage = row.stageKey ? context.stages.get(row.stageKey)! : context.defaultStage;
  const fields = merged(EMPTY_LEAD_FIELDS, row.values);
  const unmet = unmetStageNeeds(fields, stage);
  if (unmet.length > 0) return { action: 'reject', errors: unmet.map((need) => ({ field: null, message: describeRequirement(need, stage) })) };
  return { action: 'create', fields, stage };
}

/**
 * `{ ...base, ...values }` written out: spreading an object with keys added one by one (the values a
 * row fills) is several times slower, and this runs for every row of an import.
 */
function merged(base: LeadFields, values: Partial<LeadFields>): LeadFields {
  const fields = { ...base };
  for (const key in values) (fields as Record<string, unknown>)[key] = values[key as keyof LeadFields];
  return fields;
}

/** A rejected row's reasons as one cell of the rejected-rows CSV. */
export function errorText(errors: readonly RowError[]): string {
  return errors.map((error) => error.message).join(' ');
}
