import type { Database } from 'better-sqlite3';
import type { Lead } from '../../../shared/domain/lead.ts';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import type { SortKey } from '../../../shared/domain/views.ts';
import { compileFilter, type FilterContext } from '../filter/compile-filter.ts';
import { orderBy } from '../filter/sort.ts';
import { searchQuery } from '../filter/search-query.ts';
import { createStatementCache } from '../statement-cache.ts';
import { createUnchangedMemo } from '../unchanged-memo.ts';
import { LEAD_COLUMNS, LEAD_FROM, toLead, type LeadRow } from './lead-row.ts';
import type { StageTotal } from './lead-repository.ts';

/** Filters and sorts read companies through subqueries: counts and id pages never join. */
const FILTER_FROM = 'FROM leads l';
/**
 * A quick search alone, in the default order: each FTS match, as the index yields it, is looked up
 * in leads_live, which tells whether it is live and when it was created from a narrow index. SQLite
 * would otherwise read the wide leads rows, one per match (tens of thousands for a common first
 * name), and first copy every match into a temporary table to serve `l.id IN (...)`.
 */
const SEARCH_PAGE = `
  SELECT l.id FROM lead_search s CROSS JOIN leads l INDEXED BY leads_live ON l.id = s.rowid
  WHERE s.lead_search MATCH ? AND l.deleted_at IS NULL ${orderBy([])} LIMIT ? OFFSET ?`;
/**
 * The same page looked for among the newest live leads only, read in order from leads_created
 * until the page is full. Those leads come first in the default order, so a full page found there
 * is the page; a word that few of them hold (or a page further down) leaves it short.
 */
const RECENT_LEADS = 20_000;
const SEARCH_RECENT_PAGE = `
  SELECT l.id FROM (
    SELECT l.id, l.created_at FROM leads l INDEXED BY leads_created WHERE l.deleted_at IS NULL ${orderBy([])} LIMIT ${RECENT_LEADS}
  ) l
  WHERE l.id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?) ${orderBy([])} LIMIT ? OFFSET ?`;
const DELETED_FROM = 'FROM leads l INDEXED BY leads_deleted';

/** The FTS query of a filter that is a quick search and nothing else; null for any other filter. */
const searchAlone = (filter: LeadFilter) => (filter.all.length === 0 && filter.search ? searchQuery(filter.search) : null);

/**
 * Leads through a filter: the table's pages and total, the board's filtered columns, and the ids a
 * bulk action targets. SQL is built from the filter's shape only and cached per shape.
 */
export function createLeadQueryRepository(db: Database) {
  const statement = createStatementCache(db);
  const byIds = db.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} ${LEAD_FROM} WHERE l.id IN (SELECT value FROM json_each(?))`);
  const searchPage = db.prepare<[string, number, number], number>(SEARCH_PAGE).pluck();
  const searchRecentPage = db.prepare<[string, number, number], number>(SEARCH_RECENT_PAGE).pluck();
  // The table asks the total again with every page it fetches as the seller scrolls.
  const lastCount = createUnchangedMemo<number>(db);
  const counted = (sql: string, params: unknown[]) =>
    lastCount(`${sql}\n${JSON.stringify(params)}`, () => (statement(sql).get(...params) as { n: number }).n);

  function where(filter: LeadFilter, context: FilterContext, deleted = false) {
    const compiled = compileFilter(filter, context);
    return { sql: `l.deleted_at IS ${deleted ? 'NOT NULL' : 'NULL'} AND (${compiled.sql})`, params: compiled.params };
  }

  /** A common word fills its first pages from the newest leads; others sort all their matches. */
  function searchPageIds(search: string, offset: number, limit: number): number[] {
    const recent = searchRecentPage.all(search, limit, offset);
    return recent.length === limit ? recent : searchPage.all(search, limit, offset);
  }

  function pageIds(filter: LeadFilter, sort: readonly SortKey[], offset: number, limit: number, context: FilterContext) {
    const w = where(filter, context);
    return statement(`SELECT l.id ${FILTER_FROM} WHERE ${w.sql} ${orderBy(sort)} LIMIT ? OFFSET ?`).pluck().all(...w.params, limit, offset) as number[];
  }

  return {
    /**
     * A page of the table in two steps: the ids of the page (sorting reads only the sort keys), then
     * the full rows of those ids. One step would compute every column (tags, technologies...) of
     * every row a sort or an OFFSET passes over.
     */
    page(filter: LeadFilter, sort: readonly SortKey[], offset: number, limit: number, context: FilterContext): Lead[] {
      const search = searchAlone(filter);
      const ids = search !== null && sort.length === 0 ? searchPageIds(search, offset, limit) : pageIds(filter, sort, offset, limit, context);
      if (ids.length === 0) return [];
      const rows = byIds.all(JSON.stringify(ids)).map(toLead);
      const rank = new Map(ids.map((id, index) => [id, index]));
      return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    },

    count(filter: LeadFilter, context: FilterContext): number {
      const search = searchAlone(filter);
      if (search !== null) {
        // The FTS index holds every lead, deleted ones too, and nothing else: its matches less the
        // deleted leads among them, without reading a live lead at all.
        const deleted = where(filter, context, true);
        const sql = `SELECT (SELECT count(*) FROM lead_search WHERE lead_search MATCH ?) - (SELECT count(*) ${DELETED_FROM} WHERE ${deleted.sql}) AS n`;
        return counted(sql, [search, ...deleted.params]);
      }
      const w = where(filter, context);
      return counted(`SELECT count(*) AS n ${FILTER_FROM} WHERE ${w.sql}`, w.params);
    },

    totals(filter: LeadFilter, context: FilterContext): StageTotal[] {
      const w = where(filter, context);
      return statement(`
        SELECT l.stage_key AS stageKey, l.currency, count(*) AS count, coalesce(sum(l.deal_value_minor), 0) AS amountMinor
        ${FILTER_FROM} WHERE ${w.sql} GROUP BY l.stage_key, l.currency`).all(...w.params) as StageTotal[];
    },

    /** A board column through the filter, in board order, with the same keyset cursor as unfiltered. */
    columnPage(stageKey: string, filter: LeadFilter, after: { position: string; id: number } | null, limit: number, context: FilterContext): Lead[] {
      const w = where(filter, context);
      const cursor = after ? ' AND (l.position, l.id) > (?, ?)' : '';
      const rows = statement(`
        SELECT ${LEAD_COLUMNS} ${LEAD_FROM}
        WHERE l.stage_key = ? AND ${w.sql}${cursor} ORDER BY l.position, l.id LIMIT ?`).all(
        stageKey,
        ...w.params,
        ...(after ? [after.position, after.id] : []),
        limit,
      ) as LeadRow[];
      return rows.map(toLead);
    },

    /** Ids of live leads (or of deleted ones, for restore) matching the filter, in board order. */
    ids(filter: LeadFilter, context: FilterContext, options: { deleted: boolean }): number[] {
      const w = where(filter, context, options.deleted);
      return (
        statement(`
          SELECT l.id ${FILTER_FROM} WHERE ${w.sql}
          ORDER BY (SELECT position FROM stages WHERE key = l.stage_key), l.position, l.id`)
          .pluck()
          .all(...w.params) as number[]
      );
    },
  };
}

export type LeadQueryRepository = ReturnType<typeof createLeadQueryRepository>;
