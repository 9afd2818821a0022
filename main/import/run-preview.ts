import Database from 'better-sqlite3';
import type { ImportPreview, PreviewRow, RowAction, RowError, UnknownValue } from '../../shared/domain/csv-transfer.ts';
import { EMPTY_LEAD_FIELDS, type LeadFields } from '../../shared/domain/lead.ts';
import { createServiceContext } from '../services/context.ts';
import { decideRow, type ExistingLead } from './decide.ts';
import { createScratchSet, importSetup, onLine, recordProblem, recordsOf, type ResolvedSettings } from './import-setup.ts';
import { ZERO_COUNTS, type RunControl } from './run-import.ts';
import { createRowConverter, type ConvertedRow } from './row-to-lead.ts';

/**
 * The import without writing: the whole file read and decided row by row exactly as the import
 * will (same conversion, same decisions), against the DB as it is now. A row repeating an e-mail
 * met earlier in the file counts as a duplicate of it, as it will when imported; what the preview
 * keeps of earlier rows (e-mail, the stage and what the stage rules look at) sits in a temporary
 * SQLite file, not in memory.
 */

export interface PreviewRunInput {
  path: string;
  settings: ResolvedSettings;
  limit: number;
  at: number;
  expectedRecords: number | null;
}

const MAX_LISTED_VALUES = 200;
const MAX_SUMMARY_KEYS = 1000;
const BATCH = 2000;

/** What a later row of the file needs of an earlier one with the same e-mail. */
interface RuleFacts {
  stageKey: string;
  email: string | null;
  phone: string | null;
  dealValueMinor: number | null;
  expectedCloseOn: string | null;
  urgency: LeadFields['urgency'];
}

export async function runPreview(db: Database.Database, input: PreviewRunInput, control: RunControl): Promise<ImportPreview> {
  const ctx = createServiceContext(db, () => input.at);
  const setup = importSetup(ctx, input.settings);
  const convert = createRowConverter(input.settings.columns, setup.resolver);
  const byEmail = db.prepare<[string], { id: number }>('SELECT id FROM leads WHERE email = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY id LIMIT 1');
  const emails = createScratchSet((path) => new Database(path));
  const domains = createScratchSet((path) => new Database(path));
  const counts = { ...ZERO_COUNTS };
  const rows: PreviewRow[] = [];
  const unknownStages = new Map<string, number>();
  const unknownOwners = new Map<string, number>();
  const summary = new Map<string, number>();

  function existingFor(email: string): ExistingLead | null {
    const stored = byEmail.get(email);
    // Only an update looks at the stored lead's fields (reading a whole lead costs more than the rest of the row).
    if (stored && setup.decide.policy !== 'update') return { id: stored.id, fields: EMPTY_LEAD_FIELDS, stageKey: '' };
    if (stored) {
      const lead = ctx.leads.get(stored.id)!;
      const fields = { ...EMPTY_LEAD_FIELDS };
      for (const key of Object.keys(fields) as (keyof LeadFields)[]) (fields as Record<string, unknown>)[key] = lead[key];
      return { id: lead.id, fields, stageKey: lead.stageKey };
    }
    const earlier = emails.get(email);
    if (earlier === null) return null;
    const facts = JSON.parse(earlier) as RuleFacts;
    return { id: 0, fields: { ...EMPTY_LEAD_FIELDS, ...facts }, stageKey: facts.stageKey };
  }

  function note(errors: readonly RowError[]): void {
    for (const error of errors) {
      // "E-mail: "x@" — ..." and "E-mail: "y@" — ..." are one kind of problem.
      const key = error.message.replace(/"[^"]*"/g, '…').replace(/^Line \d+: /, '');
      if (summary.has(key) || summary.size < MAX_SUMMARY_KEYS) summary.set(key, (summary.get(key) ?? 0) + 1);
    }
  }

  function count(map: Map<string, number>, value: string | null): void {
    if (value === null) return;
    if (map.has(value) || map.size < MAX_SUMMARY_KEYS) map.set(value, (map.get(value) ?? 0) + 1);
  }

  function show(line: number, action: RowAction, row: ConvertedRow | null, fields: LeadFields | null, stageKey: string | null, errors: RowError[], duplicateOf: number | null): void {
    if (rows.length >= input.limit) return;
    const lead = row && {
      ...(fields ?? { ...EMPTY_LEAD_FIELDS, ...row.values }),
      stageKey: stageKey ?? row.stageKey ?? setup.decide.defaultStage.key,
      ownerName: null as string | null,
      createdAt: row.createdAt ?? (action === 'create' ? input.at : null),
    };
    if (lead && lead.ownerId !== null) lead.ownerName = ctx.team.member(lead.ownerId)?.name ?? null;
    rows.push({ line, action, lead, errors, duplicateOfLeadId: duplicateOf || null });
  }

  let sinceCheck = 0;
  control.progress(0, input.expectedRecords, 'checking');
  try {
    for await (const record of recordsOf(input.path, input.settings)) {
      if ('header' in record) continue;
      counts.read++;
      if (++sinceCheck >= BATCH) {
        sinceCheck = 0;
        control.throwIfCancelled();
        control.progress(counts.read, input.expectedRecords, 'checking');
      }
      const problem = recordProblem(record);
      if (problem) {
        counts.rejected++;
        const errors = [{ field: null, message: problem }];
        note(errors);
        show(record.line, 'reject', null, null, null, errors, null);
        continue;
      }
      const row = convert(record.fields);
      count(unknownStages, row.unknownStage);
      count(unknownOwners, row.unknownOwner);
      const existing = row.email ? existingFor(row.email) : null;
      if (existing) counts.duplicates++;
      const decision = decideRow(row, existing, setup.decide);
      switch (decision.action) {
        case 'reject': {
          counts.rejected++;
          const errors = decision.errors.map((e) => ({ ...e, message: onLine(record.line, e.message) }));
          note(decision.errors);
          show(record.line, 'reject', row, null, null, errors, existing?.id ?? null);
          continue;
        }
        case 'skip':
          counts.skipped++;
          show(record.line, 'skip', row, null, null, [], existing!.id);
          continue;
        case 'create':
        case 'update': {
          if (decision.action === 'create') counts.created++;
          else counts.updated++;
          const domain = decision.fields.companyDomain;
          if (domain && !domains.has(domain)) {
            domains.set(domain);
            if (ctx.companies.findByDomain(domain) !== null) counts.existingCompanies++;
          }
          if (row.email) {
            const { email, phone, dealValueMinor, expectedCloseOn, urgency } = decision.fields;
            emails.set(row.email, JSON.stringify({ stageKey: decision.stage.key, email, phone, dealValueMinor, expectedCloseOn, urgency } satisfies RuleFacts));
          }
          show(record.line, decision.action, row, decision.fields, decision.stage.key, [], decision.action === 'update' ? decision.leadId : null);
        }
      }
    }
  } finally {
    emails.close();
    domains.close();
  }
  control.progress(counts.read, counts.read, 'checking');
  const listed = (map: Map<string, number>): UnknownValue[] =>
    [...map].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_LISTED_VALUES);
  return {
    rows,
    counts,
    unknownValues: { stage: listed(unknownStages), owner: listed(unknownOwners) },
    errorSummary: [...summary].map(([message, n]) => ({ message, count: n })).sort((a, b) => b.count - a.count).slice(0, 50),
  };
}
