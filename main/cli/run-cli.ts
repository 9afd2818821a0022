import { parseArgs } from 'node:util';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { HandlerTable } from '../../shared/ipc/handler-table.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { leadFilterSchema } from '../../shared/ipc/schemas.ts';
import { createHandlerTable, describeInputError } from '../ipc/handlers.ts';
import { createServices, type Services } from '../services/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { ReportUsageError, runReport, type ReportOptions } from '../reports/report-cli.ts';
import { createEventBus } from '../ipc/event-bus.ts';
import { runExportCommand, runImportCommand, TransferUsageError } from './transfer-cli.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const USAGE = `Usage: npm run cli -- --db FILE <command> [options]

Commands:
  seed --leads N                       add N demo leads (with a year of stage history)
  leads [--stage KEY] [--filter JSON] [--search TEXT] [--json]
                                       list leads, board order, optionally of one stage
  move LEAD_ID STAGE_KEY [--reason T]  move a lead (same stage rules as the app)
  stages [--json]                      list the stages
  views [--json]                       list the saved views with their lead counts
  report KIND [--from DATE --to DATE] [--tz ZONE] [--mode cohort|activity] [--compare]
         [--currency CODE] [--format csv|json]
                                       a funnel report (KIND: funnel, time-in-stage, win-rate,
                                       reasons, team, pipeline, sources) as CSV (default) or JSON;
                                       the period defaults to this month, in the system's time zone
  export leads --out FILE [--delimiter ';'] [--filter JSON] [--columns a,b,c] [--no-bom]
                                       leads to CSV (UTF-8 with BOM, CRLF, formula guard): every
                                       stored field (what import reads back), or --columns (keys of
                                       shared/domain/lead-attributes.ts) as the table shows them
  import FILE [--map auto|MAPFILE] [--on-duplicate skip|update|create] [--dry-run] [--json]
                                       import a CSV or TSV file (UTF-8, Windows-1251, UTF-16); the
                                       columns are mapped from the header (auto: the mapping last
                                       used for these headers, else suggestions), or by MAPFILE:
                                       JSON {"CSV header": "field"} with fields firstName, lastName,
                                       fullName, fullNameLastFirst, email, phone, companyName, stage,
                                       owner, dealValue... (columns left out are not imported);
                                       duplicates (same e-mail) are skipped by default; --dry-run
                                       reads and checks everything and writes nothing

--filter takes a LeadFilter as JSON, checked like the app's: {"all": [...]} where every entry holds
(AND) and an entry {"any": [...]} holds when one of its conditions does (OR). A condition is
{"field", "op", ...}: values (is_any_of, is_none_of, has_any_of, has_all_of, has_none_of),
value (gt, lt, within_last_days, not_within_last_days, within_next_days, in_role_less_than_months,
in_role_more_than_months), min + max (between), text (contains), date (before, after), or nothing
(is_empty, is_not_empty). "me" as an ownerId value is the current member. For example:
  --filter '{"all":[{"field":"industry","op":"is_any_of","values":["Banking"]},
    {"field":"technologies","op":"has_any_of","values":["HubSpot"]},
    {"any":[{"field":"employeeCount","op":"gt","value":10},{"field":"ownerId","op":"is_any_of","values":["me"]}]}]}'
--search TEXT adds the quick search (names, e-mails, companies, domains, notes; prefixes match).

Exit codes: 0 done, 1 refused or failed (the message says why; import: nothing could be read),
2 wrong usage.`;

const COMMANDS = ['seed', 'leads', 'move', 'stages', 'views', 'report', 'export', 'import'];

class UsageError extends Error {}

/** The CLI over the same handler table as the app: same validation, same rules, same messages. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        leads: { type: 'string' },
        stage: { type: 'string' },
        reason: { type: 'string' },
        filter: { type: 'string' },
        search: { type: 'string' },
        json: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        tz: { type: 'string' },
        mode: { type: 'string' },
        compare: { type: 'boolean', default: false },
        currency: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        delimiter: { type: 'string' },
        columns: { type: 'string' },
        'no-bom': { type: 'boolean', default: false },
        map: { type: 'string' },
        'on-duplicate': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  // Checked before --db: a mistyped command must not create or migrate a database file.
  if (!COMMANDS.includes(command)) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (!values.db) {
    io.err(`--db FILE is required.\n\n${USAGE}`);
    return 2;
  }
  let db;
  try {
    db = openDatabase(values.db);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  try {
    // Scores are brought up to date (time-based rules drift) only by the commands that show them,
    // so that seed, move and stages stay quick on a big file.
    const rescoreOnOpen = command === 'leads' || command === 'views';
    const events = createEventBus();
    // recoverImports: false, since the app may be running an import on this very file.
    const services = createServices(db, { dbPath: values.db, version: 'cli', rescoreOnOpen, events, recoverImports: false });
    const handlers = createHandlerTable(services, (error) => io.err(String(error)));
    try {
      if (command === 'export' || command === 'import') return await runTransfer(command, rest, values, services, events, io);
      return await runCommand(command, rest, values, { services, handlers }, io);
    } finally {
      await services.transfer.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof TransferUsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    db.close();
  }
}

type Values = { leads?: string; stage?: string; reason?: string; filter?: string; search?: string; json: boolean } & ReportOptions & TransferValues;

type TransferValues = { out?: string; delimiter?: string; columns?: string; 'no-bom'?: boolean; map?: string; 'on-duplicate'?: string; 'dry-run'?: boolean };

async function runTransfer(command: 'export' | 'import', args: string[], values: Values, services: Services, events: ReturnType<typeof createEventBus>, io: CliIo): Promise<number> {
  if (args.length > 1) throw new UsageError(`${command} takes one ${command === 'export' ? 'thing to export (leads)' : 'FILE'}.`);
  if (command === 'export') {
    const filter = leadFilter(values);
    return runExportCommand(
      args[0],
      { out: values.out, delimiter: values.delimiter, columns: values.columns, noBom: values['no-bom'], ...(filter ? { filter } : {}) },
      services.transfer,
      events,
      io,
    );
  }
  return runImportCommand(args[0], { map: values.map, onDuplicate: values['on-duplicate'], dryRun: values['dry-run'], json: values.json }, services.transfer, events, io);
}

async function runCommand(
  command: string,
  args: string[],
  values: Values,
  { services, handlers }: { services: Services; handlers: HandlerTable },
  io: CliIo,
): Promise<number> {
  switch (command) {
    case 'seed': {
      const count = wholeNumber(values.leads, '--leads');
      if (count < 1 || count > 10_000_000) throw new UsageError('--leads must be between 1 and 10000000.');
      // Unlike the app's first-run button, seeding (for tests and benchmarks) may add to a non-empty DB.
      const added = services.demo.seed(count);
      io.out(`Added ${added.leads} demo leads; the team has ${added.members} members.`);
      return 0;
    }
    case 'stages': {
      const result = await handlers['stages.list'](undefined);
      return report(result, io, (stages) =>
        values.json ? JSON.stringify(stages, null, 2) : stages.map((s) => `${s.key.padEnd(14)} ${s.name} (${s.funnel})`).join('\n'),
      );
    }
    case 'leads':
      return listLeads(values, leadFilter(values), handlers, io);
    case 'views': {
      const result = await handlers['views.list'](undefined);
      return report(result, io, (views) =>
        values.json ? JSON.stringify(views, null, 2) : views.map((v) => `${String(v.id).padStart(4)}  ${String(v.count).padStart(7)}  ${v.name}`).join('\n'),
      );
    }
    case 'move': {
      const [leadId, stageKey] = args;
      if (!leadId || !stageKey || args.length > 2) throw new UsageError('move takes LEAD_ID and STAGE_KEY.');
      const result = await handlers['leads.move']({
        leadId: wholeNumber(leadId, 'LEAD_ID'),
        toStage: stageKey,
        beforeLeadId: null,
        ...(values.reason !== undefined ? { reason: values.reason } : {}),
      });
      return report(result, io, ({ lead, transition }) =>
        values.json
          ? JSON.stringify({ lead, transition }, null, 2)
          : transition
            ? `Moved lead ${lead.id} (${leadDisplayName(lead)}) from ${transition.fromStage} to ${transition.toStage}.`
            : `Lead ${lead.id} is already in ${lead.stageKey}; moved to the bottom of the column.`,
      );
    }
    case 'report': {
      const [kind, ...extra] = args;
      if (!kind || extra.length > 0) throw new UsageError('report takes one KIND.');
      try {
        return await runReport(kind, values, handlers, io);
      } catch (error) {
        if (error instanceof ReportUsageError) throw new UsageError(error.message);
        throw error;
      } finally {
        await services.reports.close();
      }
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/** --filter and --search as one LeadFilter, validated by the same schema as the app's channels. */
function leadFilter(values: Values): LeadFilter | undefined {
  if (values.filter === undefined && values.search === undefined) return undefined;
  let raw: unknown = { all: [] };
  if (values.filter !== undefined) {
    try {
      raw = JSON.parse(values.filter);
    } catch (error) {
      throw new UsageError(`--filter is not valid JSON: ${(error as Error).message}`);
    }
  }
  // --search joins the filter before validation, so its limits are the app's too.
  if (values.search !== undefined && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) raw = { ...raw, search: values.search };
  const parsed = leadFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const what = values.filter === undefined ? '--search is not valid' : '--filter is not a valid filter';
    throw new UsageError(`${what}: ${describeInputError(parsed.error)}`);
  }
  return parsed.data;
}

async function listLeads(values: Values, filter: LeadFilter | undefined, handlers: HandlerTable, io: CliIo): Promise<number> {
  const stages = await handlers['stages.list'](undefined);
  if (!stages.ok) return report(stages, io, () => '');
  const keys = values.stage ? [values.stage] : stages.value.map((stage) => stage.key);
  if (values.stage && !stages.value.some((stage) => stage.key === values.stage)) {
    io.err(`There is no stage "${values.stage}". Stages: ${stages.value.map((s) => s.key).join(', ')}.`);
    return 1;
  }
  // Streamed page by page so that a million leads never sit in memory at once; one line is held
  // back so that the last JSON element gets no trailing comma.
  let pending: string | null = null;
  if (values.json) io.out('[');
  for (const stageKey of keys) {
    let after: { position: string; id: number } | null = null;
    do {
      const page = await handlers['board.cards']({ stageKey, after, limit: 500, ...(filter ? { filter } : {}) });
      if (!page.ok) return report(page, io, () => '');
      for (const lead of page.value.cards) {
        if (!values.json) {
          io.out(formatLeadLine(lead));
          continue;
        }
        if (pending !== null) io.out(`  ${pending},`);
        pending = JSON.stringify(lead);
      }
      after = page.value.next;
    } while (after);
  }
  if (values.json) io.out(pending === null ? ']' : `  ${pending}\n]`);
  return 0;
}

function formatLeadLine(lead: Lead): string {
  return [String(lead.id).padStart(7), lead.stageKey.padEnd(14), leadDisplayName(lead), lead.companyName ?? ''].join('  ').trimEnd();
}

function wholeNumber(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError(`${name} must be a whole number${raw === undefined ? '' : `, not "${raw}"`}.`);
  return Number(raw);
}

function report<T>(result: Result<T>, io: CliIo, format: (value: T) => string): number {
  if (!result.ok) {
    io.err(`Refused (${result.error.code}): ${result.error.message}`);
    return 1;
  }
  io.out(format(result.value));
  return 0;
}
