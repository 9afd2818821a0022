import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { CardPage, ColumnSummary } from '../../shared/ipc/contract.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from './context.ts';

/** A filter that keeps every lead: the board then reads its covering indexes directly. */
function isEmpty(filter: LeadFilter | undefined): filter is undefined {
  return !filter || (filter.all.length === 0 && !filter.search?.trim());
}

/**
 * What the board shows: per-column figures from SQL aggregates, and cards a page at a time. With a
 * filter, both go through the same filter→SQL translation as the table, so counts match the cards.
 */
export function createBoardService({ leads, catalog, query, filterContext }: ServiceContext) {
  /** A page of a stage known to exist. */
  function pageOf(stageKey: string, after: { position: string; id: number } | null, limit: number, filter?: LeadFilter): CardPage {
    // One extra row tells whether another page exists without a count query.
    const rows = isEmpty(filter) ? leads.page(stageKey, after, limit + 1) : query.columnPage(stageKey, filter, after, limit + 1, filterContext());
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { cards: page, next: rows.length > limit && last ? { position: last.position, id: last.id } : null };
  }

  return {
    columns(filter?: LeadFilter): ColumnSummary[] {
      const columns = new Map<string, ColumnSummary>(
        catalog.stages().map((stage) => [stage.key, { stageKey: stage.key, count: 0, totals: [] }]),
      );
      const totals = isEmpty(filter) ? leads.totals() : query.totals(filter, filterContext());
      for (const total of totals) {
        const column = columns.get(total.stageKey);
        if (!column) continue;
        column.count += total.count;
        if (total.amountMinor > 0) column.totals.push({ currency: total.currency, amountMinor: total.amountMinor });
      }
      for (const column of columns.values()) column.totals.sort((a, b) => b.amountMinor - a.amountMinor);
      return [...columns.values()];
    },

    cards(stageKey: string, after: { position: string; id: number } | null, limit: number, filter?: LeadFilter): CardPage {
      if (!catalog.stages().some((stage) => stage.key === stageKey)) {
        throw new DomainError('not_found', `There is no stage "${stageKey}".`);
      }
      return pageOf(stageKey, after, limit, filter);
    },

    /** Every column's first page at once: the board's first screen in one round trip. */
    firstPages(limit: number, filter?: LeadFilter): Record<string, CardPage> {
      return Object.fromEntries(catalog.stages().map((stage) => [stage.key, pageOf(stage.key, null, limit, filter)]));
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
