import { z } from 'zod';
import { URGENCIES } from '../domain/lead.ts';
import { REASON_KINDS } from '../domain/reasons.ts';
import type { Channel } from './channels.ts';

/** Blank text means "no value": forms send '' for an emptied field. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
const isoDate = z.preprocess(blankToNull, z.iso.date({ message: 'Use a date like 2026-03-31.' }).nullable());

export const idSchema = z.int().positive();
export const stageKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Unknown stage key.');

export const leadFieldsSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  email: z.preprocess(blankToNull, z.email({ message: 'That e-mail address does not look right.' }).max(254).nullable()),
  phone: z.preprocess(
    blankToNull,
    z.string().trim().max(40).regex(/^[+()\d\s.\-/]*\d[+()\d\s.\-/]*$/, 'A phone number holds digits, spaces and + ( ) - . / only.').nullable(),
  ),
  roleTitle: text(120),
  roleStartedOn: isoDate,
  companyName: text(200),
  companyDomain: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().max(253).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'A domain looks like example.com.').nullable(),
  ),
  industry: text(100),
  employeeCount: z.int().min(0).max(10_000_000).nullable(),
  source: text(100),
  ownerId: idSchema.nullable(),
  dealValueMinor: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as USD or RUB.'),
  expectedCloseOn: isoDate,
  urgency: z.enum(URGENCIES).nullable(),
});

export const leadPatchSchema = leadFieldsSchema.partial();
export type LeadPatch = z.infer<typeof leadPatchSchema>;

const reasonText = z.string().trim().min(1, 'Give a reason.').max(200);

export const inputSchemas = {
  'app.info': z.undefined(),
  'stages.list': z.undefined(),
  'team.list': z.undefined(),
  'reasons.list': z.undefined(),
  'reasons.add': z.object({ kind: z.enum(REASON_KINDS), label: reasonText }),
  'reasons.remove': z.object({ id: idSchema }),
  'board.columns': z.undefined(),
  'board.cards': z.object({
    stageKey: stageKeySchema,
    limit: z.int().min(1).max(500),
    /** Keyset cursor: the last card of the previous page. */
    after: z.object({ position: z.string().max(200), id: idSchema }).nullable(),
  }),
  'leads.get': z.object({ id: idSchema }),
  'leads.create': z.object({ fields: leadPatchSchema, stageKey: stageKeySchema.optional() }),
  'leads.update': z.object({ id: idSchema, patch: leadPatchSchema }),
  'leads.move': z.object({
    leadId: idSchema,
    toStage: stageKeySchema,
    /** Drop the card just above this lead; null drops it at the bottom of the column. */
    beforeLeadId: idSchema.nullable(),
    reason: reasonText.optional(),
    /** Data the move form collected (contact, deal); saved in the same transaction as the move. */
    patch: leadPatchSchema.optional(),
    /**
     * Ctrl+Z: this move reverses that transition (which must be the lead's latest). The reverse
     * move is recorded too, linked to it, and needs no reason; data rules still apply.
     */
    undoesTransitionId: idSchema.optional(),
  }),
  'leads.delete': z.object({ id: idSchema }),
  'leads.restore': z.object({ id: idSchema }),
  'activities.addNote': z.object({ leadId: idSchema, body: z.string().trim().min(1, 'Write something first.').max(10_000) }),
  'demo.load': z.object({ leads: z.int().min(1).max(1_000_000).optional() }).optional(),
} as const satisfies Record<Channel, z.ZodType>;
