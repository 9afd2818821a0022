import type { CardPage, ColumnSummary } from '../../shared/ipc/contract.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from './context.ts';

/** What the board shows: per-column figures from SQL aggregates, and cards a page at a time. */
export function createBoardService({ leads, catalog }: ServiceContext) {
  return {
    columns(): ColumnSummary[] {
      const columns = new Map<string, ColumnSummary>(
        catalog.stages().map((stage) => [stage.key, { stageKey: stage.key, count: 0, totals: [] }]),
      );
      for (const total of leads.totals()) {
        const column = columns.get(total.stageKey);
        if (!column) continue;
        column.count += total.count;
        if (total.amountMinor > 0) column.totals.push({ currency: total.currency, amountMinor: total.amountMinor });
      }
      for (const column of columns.values()) column.totals.sort((a, b) => b.amountMinor - a.amountMinor);
      return [...columns.values()];
    },

    cards(stageKey: string, after: { position: string; id: number } | null, limit: number): CardPage {
      if (!catalog.stages().some((stage) => stage.key === stageKey)) {
        throw new DomainError('not_found', `There is no stage "${stageKey}".`);
      }
      // One extra row tells whether another page exists without a count query.
      const rows = leads.page(stageKey, after, limit + 1);
      const cards = rows.slice(0, limit);
      const last = cards[cards.length - 1];
      return { cards, next: rows.length > limit && last ? { position: last.position, id: last.id } : null };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
