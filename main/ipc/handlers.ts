import type { z } from 'zod';
import { CHANNELS, type Channel } from '../../shared/ipc/channels.ts';
import type { ChannelOutput } from '../../shared/ipc/contract.ts';
import type { HandlerTable } from '../../shared/ipc/handler-table.ts';
import { inputSchemas } from '../../shared/ipc/schemas.ts';
import { DomainError, fail, ok, type Result } from '../../shared/ipc/result.ts';
import type { Services } from '../services/index.ts';
import { reportCsv } from '../reports/report-csv.ts';

type Implementations = {
  [C in Channel]: (input: z.output<(typeof inputSchemas)[C]>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

function implementations(services: Services): Implementations {
  const { catalog, board, leads, query, bulk, views, scoring, team, demo, reports, transfer } = services;
  return {
    'app.open': ({ filter, cardLimit }) => ({
      info: catalog.info(),
      stages: catalog.stages(),
      team: catalog.members(),
      reasons: catalog.reasons(),
      summaries: board.columns(filter),
      firstPages: cardLimit === undefined ? null : board.firstPages(cardLimit, filter),
    }),
    'app.info': () => catalog.info(),
    'stages.list': () => catalog.stages(),
    'team.list': () => catalog.members(),
    'reasons.list': () => catalog.reasons(),
    'reasons.add': ({ kind, label }) => catalog.addReason(kind, label),
    'reasons.remove': ({ id }) => catalog.removeReason(id),
    'board.columns': (input) => board.columns(input?.filter),
    'board.cards': ({ stageKey, after, limit, filter }) => board.cards(stageKey, after, limit, filter),
    'board.firstPages': ({ limit, filter }) => board.firstPages(limit, filter),
    'leads.get': ({ id }) => leads.get(id),
    'leads.create': ({ fields, stageKey }) => leads.create(fields, stageKey),
    'leads.update': ({ id, patch }) => leads.update(id, patch),
    'leads.move': (request) => leads.move(request),
    'leads.delete': ({ id }) => leads.delete(id),
    'leads.restore': ({ id }) => leads.restore(id),
    'leads.query': ({ filter, sort, offset, limit }) => query.query(filter, sort, offset, limit),
    'leads.bulk': ({ target, action }) => bulk.run(target, action),
    'leads.scoreBreakdown': ({ id }) => scoring.breakdown(id),
    'filters.values': ({ field, prefix }) => query.values(field, prefix),
    'views.list': () => views.list(),
    'views.save': (draft) => views.save(draft),
    'views.delete': ({ id }) => views.remove(id),
    'team.add': (member) => team.add(member),
    'team.update': ({ id, ...member }) => team.update(id, member),
    'settings.setCurrentMember': ({ id }) => {
      team.setCurrentMember(id);
      return catalog.info();
    },
    'scoring.list': () => scoring.rules(),
    'scoring.save': ({ rules }) => scoring.save(rules),
    'activities.addNote': ({ leadId, body }) => leads.addNote(leadId, body),
    'demo.load': (input) => demo.loadIntoEmpty(input?.leads),
    'reports.run': (request) => reports.run(request),
    'reports.csv': async ({ request, delimiter }) => reportCsv(await reports.run(request), delimiter ? { delimiter } : {}),
    'reports.status': () => reports.status(),
    'reports.limits': () => reports.limits(),
    'reports.setLimits': ({ limits }) => reports.setLimits(limits),
    'files.openImport': () => transfer.openImport(),
    'export.start': ({ scope, options }) => transfer.startExport(scope, options),
    'import.scan': ({ fileId, delimiter, encoding }) => transfer.scan(fileId, delimiter, encoding),
    'import.preview': ({ settings, limit }) => transfer.preview(settings, limit),
    'import.start': ({ settings }) => transfer.startImport(settings),
    'imports.list': () => transfer.listImports(),
    'imports.undo': ({ importId }) => transfer.undoImport(importId),
    'imports.rejectedCsv': ({ importId, delimiter }) => transfer.rejectedCsv(importId, delimiter),
    'jobs.status': ({ jobId }) => transfer.jobStatus(jobId),
    'jobs.cancel': ({ jobId }) => transfer.cancelJob(jobId),
  };
}

/** "email: That e-mail address does not look right." — the first problem, in words. */
export function describeInputError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The table Electron's ipcMain and the loopback harness both serve: validate the raw input with the
 * channel's zod schema, run the service, and turn every outcome into a Result. Nothing throws out.
 */
export function createHandlerTable(services: Services, log: (error: unknown) => void = console.error): HandlerTable {
  const impl = implementations(services);
  const entries = CHANNELS.map((channel) => {
    const handler = async (raw: unknown): Promise<Result<unknown>> => {
      const parsed = inputSchemas[channel].safeParse(raw);
      if (!parsed.success) return fail('invalid_input', describeInputError(parsed.error));
      try {
        return ok(await (impl[channel] as (input: unknown) => unknown)(parsed.data));
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message);
        log(error);
        return fail('internal', `Something went wrong in ${channel}: ${(error as Error)?.message ?? String(error)}`);
      }
    };
    return [channel, handler] as const;
  });
  return Object.fromEntries(entries) as HandlerTable;
}
