import type { Migration } from './migration.ts';
import { stagesAndTeam } from './0001-stages-and-team.ts';
import { leads } from './0002-leads.ts';
import { history } from './0003-history.ts';
import { reasons } from './0004-reasons.ts';
import { companies } from './0005-companies.ts';
import { search } from './0006-search.ts';
import { viewsAndScoring } from './0007-views-and-scoring.ts';
import { reports } from './0008-reports.ts';
import { imports } from './0009-imports.ts';
import { importBy } from './0010-import-by.ts';
import { bulkWrite } from './0011-bulk-write.ts';
import { filterIndexes } from './0012-filter-indexes.ts';
import { reportDayTotals } from './0013-report-day-totals.ts';
import { leadTotals } from './0014-lead-totals.ts';

/** In order; each file's version is its position. Add new steps at the end, never edit a landed one. */
export const MIGRATIONS: readonly Migration[] = [
  stagesAndTeam, leads, history, reasons, companies, search, viewsAndScoring, reports, imports, importBy, bulkWrite, filterIndexes, reportDayTotals, leadTotals,
];
