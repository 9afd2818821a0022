import type { Lead } from '../../shared/domain/lead.ts';
import type { LeadQueryPage } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/ipc/result.ts';

export type PageFetcher = (offset: number, limit: number) => Promise<Result<LeadQueryPage>>;

/** The pages (0-based) that hold rows start..end (inclusive). */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end < start || end < 0) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor(end / pageSize);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/**
 * The table's rows, fetched a page at a time by offset/limit (`leads.query`) as the seller scrolls:
 * only the pages around the visible window are kept, so the table never holds every lead. A reset
 * (new filter or sort) drops everything; answers for the old query are ignored.
 */
export class PageCache {
  readonly pageSize: number;
  readonly maxPages: number;
  private pages = new Map<number, Lead[]>();
  private pending = new Set<number>();
  /** Pages kept on screen while their fresh copy is on its way (after invalidate). */
  private stale = new Set<number>();
  /** After invalidate the total may have changed too: do not trust it to skip pages. */
  private totalStale = false;
  private generation = 0;
  /** Leads matching the query; null until the first page arrived. */
  total: number | null = null;
  error: string | null = null;
  /** Bumped on every change, so that React can re-render cheaply. */
  version = 0;
  private readonly onChange: () => void;

  constructor(options: { pageSize?: number; maxPages?: number; onChange?: () => void } = {}) {
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = options.maxPages ?? 20;
    this.onChange = options.onChange ?? (() => undefined);
  }

  private changed(): void {
    this.version++;
    this.onChange();
  }

  /** Another query: forget every row. */
  reset(): void {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.stale.clear();
    this.totalStale = false;
    this.total = null;
    this.error = null;
    this.changed();
  }

  /** Re-reads the same query (after a change elsewhere) without blanking the rows on screen. */
  invalidate(): void {
    this.generation++;
    this.pending.clear();
    this.stale = new Set(this.pages.keys());
    this.totalStale = true;
    this.changed();
  }

  rowAt(index: number): Lead | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  isLoading(): boolean {
    return this.pending.size > 0;
  }

  loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  /** Pages of start..end that are neither loaded (fresh) nor on their way. */
  missing(start: number, end: number): number[] {
    const last = this.total === null || this.totalStale ? end : Math.min(end, this.total - 1);
    return pagesCovering(start, last, this.pageSize).filter(
      (page) => (!this.pages.has(page) || this.stale.has(page)) && !this.pending.has(page),
    );
  }

  /** Fetches the pages rows start..end need; resolves once they arrived (or failed). */
  async ensure(start: number, end: number, fetch: PageFetcher): Promise<void> {
    const wanted = this.missing(start, end);
    if (wanted.length === 0) return;
    const generation = this.generation;
    for (const page of wanted) this.pending.add(page);
    this.error = null;
    this.changed();
    await Promise.all(
      wanted.map(async (page) => {
        const result = await fetch(page * this.pageSize, this.pageSize);
        if (generation !== this.generation) return;
        this.pending.delete(page);
        if (!result.ok) {
          this.error = result.error.message;
          return;
        }
        this.pages.set(page, result.value.rows);
        this.stale.delete(page);
        this.total = result.value.total;
        this.totalStale = false;
      }),
    );
    if (generation !== this.generation) return;
    this.evict(Math.floor((start + end) / 2 / this.pageSize));
    this.changed();
  }

  /** Keeps the pages nearest to the one in view. */
  private evict(centre: number): void {
    if (this.pages.size <= this.maxPages) return;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, this.pages.size - this.maxPages)) this.pages.delete(page);
  }

  /** A lead saved elsewhere (inline edit, the panel): updated where it is shown. */
  replaceLead(lead: Lead): boolean {
    for (const rows of this.pages.values()) {
      const at = rows.findIndex((row) => row.id === lead.id);
      if (at !== -1) {
        rows[at] = lead;
        this.changed();
        return true;
      }
    }
    return false;
  }

  /** The ids of rows start..end, undefined where a row is not loaded. */
  idsBetween(start: number, end: number): (number | undefined)[] {
    const ids: (number | undefined)[] = [];
    for (let i = Math.max(0, start); i <= end; i++) ids.push(this.rowAt(i)?.id);
    return ids;
  }

  /** Every loaded lead, in table order. */
  loadedLeads(): Lead[] {
    return this.loadedPages().flatMap((page) => this.pages.get(page)!);
  }
}
