import type { Database } from 'better-sqlite3';
import { createLeadRepository } from '../store/repositories/lead-repository.ts';
import { createHistoryRepository } from '../store/repositories/history-repository.ts';
import { createCatalogRepository } from '../store/repositories/catalog-repository.ts';
import { createTeamRepository } from '../store/repositories/team-repository.ts';

/** What every service gets: the DB (for transactions), the repositories and the clock. */
export interface ServiceContext {
  db: Database;
  leads: ReturnType<typeof createLeadRepository>;
  history: ReturnType<typeof createHistoryRepository>;
  catalog: ReturnType<typeof createCatalogRepository>;
  team: ReturnType<typeof createTeamRepository>;
  now: () => number;
}

export function createServiceContext(db: Database, now: () => number): ServiceContext {
  return {
    db,
    leads: createLeadRepository(db),
    history: createHistoryRepository(db),
    catalog: createCatalogRepository(db),
    team: createTeamRepository(db),
    now,
  };
}
