import type { Database } from 'better-sqlite3';
import { createServiceContext } from './context.ts';
import { createBoardService } from './board-service.ts';
import { createCatalogService } from './catalog-service.ts';
import { createDemoService } from './demo-service.ts';
import { createLeadService } from './lead-service.ts';

export interface ServiceOptions {
  dbPath: string;
  version: string;
  now?: () => number;
}

/** Every main-process service over one open DB: what IPC, the harness and the CLI all call. */
export function createServices(db: Database, options: ServiceOptions) {
  const context = createServiceContext(db, options.now ?? Date.now);
  return {
    catalog: createCatalogService(context, options),
    board: createBoardService(context),
    leads: createLeadService(context),
    demo: createDemoService(context),
  };
}

export type Services = ReturnType<typeof createServices>;
