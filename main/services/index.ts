import type { Database } from 'better-sqlite3';
import { createServiceContext } from './context.ts';
import { createBoardService } from './board-service.ts';
import { createBulkService } from './bulk-service.ts';
import { createCatalogService } from './catalog-service.ts';
import { createDemoService } from './demo-service.ts';
import { createLeadService } from './lead-service.ts';
import { createQueryService } from './query-service.ts';
import { createScoringService } from './scoring-service.ts';
import { createTeamService } from './team-service.ts';
import { createViewService } from './view-service.ts';
import { createReportService } from '../reports/report-service.ts';
import { startCheckpointer } from '../store/checkpointer.ts';
import { inProcessFilterCounter, startFilterCountWorker } from '../store/filter-counter.ts';
import type { EventBus } from '../ipc/event-bus.ts';
import { createTransferService, type FileChooser } from '../transfer/transfer-service.ts';
import type { FileRegistry } from '../transfer/file-registry.ts';

export interface ServiceOptions {
  dbPath: string;
  version: string;
  now?: () => number;
  /**
   * Rescore every lead now, because time-based score rules drift while the app is closed (default
   * true: the app and the harness; the CLI only for the commands that list leads).
   */
  rescoreOnOpen?: boolean;
  /** Where long jobs report progress; the app and the harness forward it to the renderer. */
  events?: EventBus;
  /** The OS open and save dialogs (Electron); without them exports become downloads and imports uploads. */
  chooser?: FileChooser;
  /** Where uploads and downloads are kept (the harness shares it with its /upload and /download endpoints). */
  files?: FileRegistry;
  /** Mark imports a closed app left running as interrupted (default true; the CLI passes false). */
  recoverImports?: boolean;
  /**
   * Checkpoint the WAL in a worker thread instead of inside commits (see store/checkpointer.ts):
   * the app and the harness, which live long and write on every drag; not the CLI or tests.
   */
  checkpointInBackground?: boolean;
  /**
   * Count the saved views' leads in a worker thread (see store/filter-counter.ts): the app and the
   * harness, whose main thread answers every move; not the CLI or tests.
   */
  countInBackground?: boolean;
}

/** Every main-process service over one open DB: what IPC, the harness and the CLI all call. */
export function createServices(db: Database, options: ServiceOptions) {
  const context = createServiceContext(db, options.now ?? Date.now);
  const leads = createLeadService(context);
  const scoring = createScoringService(context);
  // Time-based score rules drift while the app is closed: rescore in slices, in the background.
  const rescoredOnOpen =
    options.rescoreOnOpen ?? true
      ? scoring.rescoreAllInSlices().catch((error: unknown) => {
          // Scores stay as they were (still right for every rule not about time); the app goes on.
          console.error('Voronka: rescoring on open failed:', error);
          return 0;
        })
      : Promise.resolve(0);
  const checkpointer = options.checkpointInBackground && options.dbPath !== ':memory:' ? startCheckpointer(db, options.dbPath) : null;
  const countHere = inProcessFilterCounter(context.query);
  const filterCounter = options.countInBackground && options.dbPath !== ':memory:' ? startFilterCountWorker(options.dbPath, countHere) : countHere;
  const reports = createReportService({ db, dbPath: options.dbPath, now: context.now });
  const transfer = createTransferService(context, {
    dbPath: options.dbPath,
    ...(options.events ? { events: options.events } : {}),
    ...(options.chooser ? { chooser: options.chooser } : {}),
    ...(options.files ? { files: options.files } : {}),
    recoverInterrupted: options.recoverImports ?? true,
  });
  return {
    /** Settles when the open-time rescore is done (how many scores changed). */
    rescoredOnOpen,
    /** The background WAL checkpointer, when asked for; close it before the DB. */
    checkpointer,
    /** Where the saved views are counted; close it before the DB. */
    filterCounter,
    catalog: createCatalogService(context, options),
    board: createBoardService(context),
    leads,
    query: createQueryService(context),
    bulk: createBulkService(context, leads),
    views: createViewService(context, filterCounter),
    scoring,
    team: createTeamService(context),
    demo: createDemoService(context),
    reports,
    transfer,
    /**
     * Before the DB closes (the app quitting, the harness stopping): running exports and imports are
     * asked to stop (an import keeps its committed batches), the checkpointer, the counter and the
     * report worker end (reports still waiting are refused).
     */
    stopWorkers: async (): Promise<void> => {
      await Promise.all([transfer.close(), checkpointer?.close(), filterCounter.close(), reports.close()]);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
