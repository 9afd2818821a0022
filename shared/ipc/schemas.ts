import { z } from 'zod';
import { SENIORITIES, URGENCIES } from '../domain/lead.ts';
import { ATTRIBUTE_KEYS } from '../domain/lead-attributes.ts';
import { opFitsField } from '../domain/filter.ts';
import { TEAM_ROLES } from '../domain/history.ts';
import { REASON_KINDS } from '../domain/reasons.ts';
import { COUNTING_MODES, REPORT_KINDS } from '../domain/reports.ts';
import { daysBetween, isValidTimeZone } from '../domain/report-period.ts';
import { IMPORT_FIELD_KEYS } from '../domain/csv-transfer.ts';
import type { Channel } from './channels.ts';

/** Blank text means "no value": forms send '' for an emptied field. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
const isoDate = z.preprocess(blankToNull, z.iso.date({ message: 'Use a date like 2026-03-31.' }).nullable());

export const idSchema = z.int().positive();
export const stageKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Unknown stage key.');

/** Tags, technologies, ad channels...: trimmed, no blanks, no duplicates. */
const labelList = z
  .array(z.string().trim().min(1).max(80))
  .max(100)
  .transform((values) => [...new Set(values)]);

/** Digits with spaces and + ( ) - . / around them (the import checks cells against the same pattern). */
export const PHONE_PATTERN = /^[+()\d\s.\-/]*\d[+()\d\s.\-/]*$/;
/** A lower-case domain name such as example.com. */
export const DOMAIN_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export const leadFieldsSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  email: z.preprocess(blankToNull, z.email({ message: 'That e-mail address does not look right.' }).max(254).nullable()),
  phone: z.preprocess(
    blankToNull,
    z.string().trim().max(40).regex(PHONE_PATTERN, 'A phone number holds digits, spaces and + ( ) - . / only.').nullable(),
  ),
  roleTitle: text(120),
  roleStartedOn: isoDate,
  seniority: z.enum(SENIORITIES).nullable(),
  department: text(100),
  persona: text(100),
  tags: labelList,
  companyName: text(200),
  companyDomain: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().max(253).regex(DOMAIN_PATTERN, 'A domain looks like example.com.').nullable(),
  ),
  industry: text(100),
  employeeCount: z.int().min(0).max(10_000_000).nullable(),
  monthlyAdSpendUsd: z.int().min(0).max(1_000_000_000_000).nullable(),
  adChannels: labelList,
  technologies: labelList,
  openJobPostings: z.int().min(0).max(1_000_000).nullable(),
  jobDepartments: labelList,
  country: text(100),
  city: text(100),
  website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, message: 'A website looks like https://example.com.' }).max(500).nullable()),
  source: text(100),
  ownerId: idSchema.nullable(),
  dealValueMinor: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as USD or RUB.'),
  expectedCloseOn: isoDate,
  urgency: z.enum(URGENCIES).nullable(),
});

export const leadPatchSchema = leadFieldsSchema.partial();
export type LeadPatch = z.infer<typeof leadPatchSchema>;

const filterValue = z.string().trim().min(1).max(200);
const attributeKey = z.enum(ATTRIBUTE_KEYS);

export const filterConditionSchema = z
  .discriminatedUnion('op', [
    z.object({ field: attributeKey, op: z.enum(['is_any_of', 'is_none_of', 'has_any_of', 'has_all_of', 'has_none_of']), values: z.array(filterValue).min(1).max(500) }),
    z.object({
      field: attributeKey,
      op: z.enum(['gt', 'lt', 'within_last_days', 'not_within_last_days', 'within_next_days', 'in_role_less_than_months', 'in_role_more_than_months']),
      value: z.number().finite().min(-1e15).max(1e15),
    }),
    z.object({ field: attributeKey, op: z.literal('between'), min: z.number().finite(), max: z.number().finite() }),
    z.object({ field: attributeKey, op: z.literal('contains'), text: filterValue }),
    z.object({ field: attributeKey, op: z.enum(['before', 'after']), date: z.iso.date({ message: 'Use a date like 2026-03-31.' }) }),
    z.object({ field: attributeKey, op: z.enum(['is_empty', 'is_not_empty']) }),
  ])
  .refine((condition) => opFitsField(condition.field, condition.op), {
    message: 'That operator does not apply to that field.',
  });

export const leadFilterSchema = z.object({
  all: z.array(z.union([filterConditionSchema, z.object({ any: z.array(filterConditionSchema).min(1).max(50) })])).max(50),
  search: z.string().trim().max(200).optional(),
});

const sortSchema = z.array(z.object({ field: attributeKey, dir: z.enum(['asc', 'desc']) })).max(3);
const columnsSchema = z.array(z.object({ key: attributeKey, width: z.int().min(40).max(2000).nullable() })).min(1).max(60);

const bulkTargetSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(100_000) }),
  z.object({ filter: leadFilterSchema }),
]);

const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('move'), toStage: stageKeySchema, reason: z.string().trim().min(1).max(200).optional() }),
  z.object({ type: z.literal('assign'), ownerId: idSchema.nullable() }),
  z.object({ type: z.literal('tag'), add: labelList, remove: labelList }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('restore') }),
]);

const teamMemberSchema = z.object({
  name: z.string().trim().min(1, 'Give a name.').max(100),
  email: z.preprocess(blankToNull, z.email({ message: 'That e-mail address does not look right.' }).max(254).nullable()),
  role: z.enum(TEAM_ROLES),
});

const reasonText = z.string().trim().min(1, 'Give a reason.').max(200);

const reportDate = z.iso.date({ message: 'Use a date like 2026-03-31.' });

export const reportRequestSchema = z.object({
  report: z.enum(REPORT_KINDS),
  period: z
    .object({
      from: reportDate,
      to: reportDate,
      timeZone: z.string().max(64).refine(isValidTimeZone, 'Unknown time zone: use a name like Europe/Moscow or an offset like +03:00.'),
    })
    .refine((p) => daysBetween(p.from, p.to) >= 0, 'The period ends before it starts.')
    .refine((p) => daysBetween(p.from, p.to) < 366 * 20, 'A period is at most 20 years.'),
  compare: z.boolean(),
  segment: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.enum(['source', 'persona', 'industry']), value: z.string().trim().min(1).max(200).nullable() }),
      z.object({ kind: z.literal('owner'), ownerId: idSchema.nullable() }),
      z.object({ kind: z.literal('view'), viewId: idSchema }),
    ])
    .nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as USD or RUB.').nullable(),
  mode: z.enum(COUNTING_MODES),
});

/** Opaque ids main hands out for files and jobs; never a path. */
const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Unknown id.');

const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), filter: leadFilterSchema, columns: z.array(attributeKey).min(1).max(60), sort: sortSchema }),
  z.object({ kind: z.literal('view'), viewId: idSchema }),
  z.object({ kind: z.literal('all'), filter: leadFilterSchema.optional() }),
]);

const csvReadChoice = {
  delimiter: z.enum([',', ';', '\t', '|']).nullable().default(null),
  encoding: z.enum(['utf-8', 'windows-1251', 'utf-16le', 'utf-16be']).nullable().default(null),
};

export const importSettingsSchema = z
  .object({
    fileId: opaqueId,
    ...csvReadChoice,
    /** One entry per column of the file: the field it fills, or null. */
    columns: z.array(z.enum(IMPORT_FIELD_KEYS).nullable()).min(1).max(500),
    onDuplicate: z.enum(['skip', 'update', 'create']),
    valueMapping: z
      .object({
        stage: z.array(z.object({ value: z.string().max(500), stageKey: stageKeySchema.nullable() })).max(1000),
        owner: z.array(z.object({ value: z.string().max(500), ownerId: idSchema.nullable() })).max(1000),
      })
      .default({ stage: [], owner: [] }),
    defaultStageKey: stageKeySchema.nullable().default(null),
  })
  .refine((settings) => new Set(settings.columns.filter(Boolean)).size === settings.columns.filter(Boolean).length, {
    message: 'Two columns are mapped to the same field: keep one of them.',
    path: ['columns'],
  });

export const inputSchemas = {
  'app.open': z.object({ filter: leadFilterSchema.optional(), cardLimit: z.int().min(1).max(500).optional() }),
  'app.info': z.undefined(),
  'stages.list': z.undefined(),
  'team.list': z.undefined(),
  'reasons.list': z.undefined(),
  'reasons.add': z.object({ kind: z.enum(REASON_KINDS), label: reasonText }),
  'reasons.remove': z.object({ id: idSchema }),
  'board.columns': z.object({ filter: leadFilterSchema }).optional(),
  'board.cards': z.object({
    stageKey: stageKeySchema,
    filter: leadFilterSchema.optional(),
    limit: z.int().min(1).max(500),
    /** Keyset cursor: the last card of the previous page. */
    after: z.object({ position: z.string().max(200), id: idSchema }).nullable(),
  }),
  'board.firstPages': z.object({ filter: leadFilterSchema.optional(), limit: z.int().min(1).max(500) }),
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
  'leads.query': z.object({
    filter: leadFilterSchema,
    sort: sortSchema,
    offset: z.int().min(0).max(100_000_000),
    limit: z.int().min(1).max(1000),
  }),
  /** Acts on many leads at once; leads a rule refuses are listed, never silently skipped. */
  'leads.bulk': z.object({ target: bulkTargetSchema, action: bulkActionSchema }),
  'leads.scoreBreakdown': z.object({ id: idSchema }),
  /** The values in use for a choice or set field (industries, technologies...), for pick-lists. */
  'filters.values': z.object({ field: attributeKey, prefix: z.string().max(100).optional() }),
  'views.list': z.undefined(),
  'views.save': z.object({
    id: idSchema.optional(),
    name: z.string().trim().min(1, 'Give the view a name.').max(80),
    filter: leadFilterSchema,
    columns: columnsSchema,
    sort: sortSchema,
  }),
  'views.delete': z.object({ id: idSchema }),
  'team.add': teamMemberSchema,
  'team.update': teamMemberSchema.extend({ id: idSchema }),
  'settings.setCurrentMember': z.object({ id: idSchema }),
  'scoring.list': z.undefined(),
  /** Replaces the whole rule set and rescores every lead. */
  'scoring.save': z.object({
    rules: z.array(z.object({ label: z.string().trim().min(1).max(100), condition: filterConditionSchema, points: z.int().min(-1000).max(1000) })).max(50),
  }),
  'demo.load': z.object({ leads: z.int().min(1).max(1_000_000).optional() }).optional(),
  'reports.run': reportRequestSchema,
  'reports.csv': z.object({ request: reportRequestSchema, delimiter: z.enum([',', ';']).optional() }),
  /** Progress of the derived report tables' build (first report after an upgrade or a big import). */
  'reports.status': z.undefined(),
  'reports.limits': z.undefined(),
  'reports.setLimits': z.object({
    limits: z.array(z.object({ stageKey: stageKeySchema, staleAfterDays: z.int().min(1).max(3650).nullable() })).min(1).max(50),
  }),
  'files.openImport': z.undefined(),
  /** Electron asks where to save (save dialog); the browser gets a download when the job is done. */
  'export.start': z.object({
    scope: exportScopeSchema,
    options: z.object({ delimiter: z.enum([',', ';']).default(','), bom: z.boolean().default(true) }).default({ delimiter: ',', bom: true }),
  }),
  /** Reads the whole file in a worker (progress as a job of kind 'import-scan'); writes nothing. */
  'import.scan': z.object({ fileId: opaqueId, ...csvReadChoice }),
  /** Reads the whole file and checks every row against the DB in a worker; writes nothing. */
  'import.preview': z.object({ settings: importSettingsSchema, limit: z.int().min(1).max(500).default(50) }),
  /** Remembers the mapping for these headers, then imports in a worker: follow the job's events. */
  'import.start': z.object({ settings: importSettingsSchema }),
  'imports.list': z.undefined(),
  /** Removes the leads the import created (with their history) and restores the ones it updated. */
  'imports.undo': z.object({ importId: idSchema }),
  'imports.rejectedCsv': z.object({ importId: idSchema, delimiter: z.enum([',', ';']).default(',') }),
  'jobs.status': z.object({ jobId: opaqueId }),
  /** An import keeps the batches it committed before the cancel (undo them from the history). */
  'jobs.cancel': z.object({ jobId: opaqueId }),
} as const satisfies Record<Channel, z.ZodType>;
