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
import type { EventBus } from '../ipc/event-bus.ts';

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
}

/** Every main-process service over one open DB: what IPC, the harness and the CLI all call. */
export function createServices(db: Database, options: ServiceOptions) {
  const context = createServiceContext(db, options.now ?? Date.now);
  const leads = createLeadService(context);
  const scoring = createScoringService(context);
  if (options.rescoreOnOpen ?? true) scoring.rescoreAll();
  return {
    catalog: createCatalogService(context, options),
    board: createBoardService(context),
    leads,
    query: createQueryService(context),
    bulk: createBulkService(context, leads),
    views: createViewService(context),
    scoring,
    team: createTeamService(context),
    demo: createDemoService(context),
    reports: createReportService({ db, dbPath: options.dbPath, now: context.now }),
  };
}

export type Services = ReturnType<typeof createServices>;
