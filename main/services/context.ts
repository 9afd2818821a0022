import type { Database } from 'better-sqlite3';
import type { FilterContext } from '../store/filter/compile-filter.ts';
import { createLeadRepository } from '../store/repositories/lead-repository.ts';
import { createHistoryRepository } from '../store/repositories/history-repository.ts';
import { createCatalogRepository } from '../store/repositories/catalog-repository.ts';
import { createTeamRepository } from '../store/repositories/team-repository.ts';
import { createCompanyRepository } from '../store/repositories/company-repository.ts';
import { createLeadQueryRepository } from '../store/repositories/lead-query-repository.ts';
import { createValuesRepository } from '../store/repositories/values-repository.ts';
import { createViewRepository } from '../store/repositories/view-repository.ts';
import { createScoreRepository } from '../store/repositories/score-repository.ts';

/** What every service gets: the DB (for transactions), the repositories and the clock. */
export interface ServiceContext {
  db: Database;
  leads: ReturnType<typeof createLeadRepository>;
  history: ReturnType<typeof createHistoryRepository>;
  catalog: ReturnType<typeof createCatalogRepository>;
  team: ReturnType<typeof createTeamRepository>;
  companies: ReturnType<typeof createCompanyRepository>;
  query: ReturnType<typeof createLeadQueryRepository>;
  values: ReturnType<typeof createValuesRepository>;
  views: ReturnType<typeof createViewRepository>;
  scores: ReturnType<typeof createScoreRepository>;
  now: () => number;
  /** "me" and "now" for filters and score rules, read fresh on every call. */
  filterContext: () => FilterContext;
}

export function createServiceContext(db: Database, now: () => number): ServiceContext {
  const team = createTeamRepository(db);
  return {
    db,
    leads: createLeadRepository(db),
    history: createHistoryRepository(db),
    catalog: createCatalogRepository(db),
    team,
    companies: createCompanyRepository(db),
    query: createLeadQueryRepository(db),
    values: createValuesRepository(db),
    views: createViewRepository(db),
    scores: createScoreRepository(db),
    now,
    filterContext: () => ({ currentMemberId: team.currentMemberId(), now: now() }),
  };
}
