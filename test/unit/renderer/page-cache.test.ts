import { describe, expect, it } from 'vitest';
import type { LeadQueryPage } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { PageCache, pagesCovering, type PageFetcher } from '../../../renderer/table/page-cache.ts';
import { makeLead } from './fixtures.ts';

/** A fake `leads.query` over `total` leads with ids 1..total; records every request. */
function fakeQuery(total: number) {
  const calls: { offset: number; limit: number }[] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  const fetch: PageFetcher = (offset, limit) => {
    calls.push({ offset, limit });
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(makeLead({ id: i + 1 }));
    const answer: Result<LeadQueryPage> = { ok: true, value: { rows, total } };
    if (!hold) return Promise.resolve(answer);
    return new Promise((resolve) => pending.push(() => resolve(answer)));
  };
  return {
    fetch,
    calls,
    holdAnswers: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const p of pending.splice(0)) p();
    },
  };
}

describe('table page cache', () => {
  it('knows which pages hold a window of rows', () => {
    expect(pagesCovering(0, 99, 100)).toEqual([0]);
    expect(pagesCovering(95, 230, 100)).toEqual([0, 1, 2]);
    expect(pagesCovering(10, 5, 100)).toEqual([]);
  });

  it('fetches only the pages of the visible window, once, by offset and limit', async () => {
    const q = fakeQuery(100_000);
    const cache = new PageCache({ pageSize: 100 });
    await cache.ensure(0, 40, q.fetch);
    expect(q.calls).toEqual([{ offset: 0, limit: 100 }]);
    expect(cache.total).toBe(100_000);
    expect(cache.rowAt(40)?.id).toBe(41);
    expect(cache.rowAt(140)).toBeUndefined();

    // Scrolling within the page asks nothing; scrolling far asks for just those pages.
    await cache.ensure(10, 60, q.fetch);
    await cache.ensure(50_050, 50_090, q.fetch);
    expect(q.calls).toEqual([
      { offset: 0, limit: 100 },
      { offset: 50_000, limit: 100 },
    ]);
    expect(cache.rowAt(50_060)?.id).toBe(50_061);
  });

  it('never asks for pages past the end', async () => {
    const q = fakeQuery(150);
    const cache = new PageCache({ pageSize: 100 });
    await cache.ensure(0, 10, q.fetch);
    await cache.ensure(120, 400, q.fetch);
    expect(q.calls.map((c) => c.offset)).toEqual([0, 100]);
    expect(cache.missing(0, 1000)).toEqual([]);
  });

  it('does not ask twice for a page on its way', async () => {
    const q = fakeQuery(1000);
    const cache = new PageCache({ pageSize: 100 });
    q.holdAnswers();
    const first = cache.ensure(0, 50, q.fetch);
    const second = cache.ensure(20, 80, q.fetch);
    expect(cache.isLoading()).toBe(true);
    q.release();
    await Promise.all([first, second]);
    expect(q.calls).toHaveLength(1);
    expect(cache.isLoading()).toBe(false);
  });

  it('drops answers for the old query after a reset (new filter or sort)', async () => {
    const q = fakeQuery(1000);
    const cache = new PageCache({ pageSize: 100 });
    q.holdAnswers();
    const stale = cache.ensure(0, 50, q.fetch);
    cache.reset();
    q.release();
    await stale;
    expect(cache.rowAt(0)).toBeUndefined();
    expect(cache.total).toBeNull();
  });

  it('keeps only the pages near the window', async () => {
    const q = fakeQuery(100_000);
    const cache = new PageCache({ pageSize: 100, maxPages: 3 });
    for (const start of [0, 100, 200, 300, 400]) await cache.ensure(start, start + 50, q.fetch);
    expect(cache.loadedPages()).toEqual([2, 3, 4]);
  });

  it('updates a saved lead in place, and re-reads the rows after a change without blanking them', async () => {
    const q = fakeQuery(300);
    let changes = 0;
    const cache = new PageCache({ pageSize: 100, onChange: () => changes++ });
    await cache.ensure(0, 150, q.fetch);
    expect(cache.replaceLead(makeLead({ id: 5, firstName: 'Анна' }))).toBe(true);
    expect(cache.rowAt(4)?.firstName).toBe('Анна');
    expect(cache.replaceLead(makeLead({ id: 299 }))).toBe(false);

    const before = changes;
    cache.invalidate();
    expect(changes).toBeGreaterThan(before);
    expect(cache.rowAt(4)?.id).toBe(5);
    expect(cache.missing(0, 150)).toEqual([0, 1]);
    await cache.ensure(0, 150, q.fetch);
    expect(cache.missing(0, 150)).toEqual([]);
    expect(cache.rowAt(4)?.firstName).toBeNull();
  });

  it('re-reads an empty result after a change (all deleted, then restored)', async () => {
    let total = 0;
    const fetch: PageFetcher = (offset, limit) => {
      const rows = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(makeLead({ id: i + 1 }));
      return Promise.resolve({ ok: true, value: { rows, total } });
    };
    const cache = new PageCache({ pageSize: 100 });
    await cache.ensure(0, 99, fetch);
    expect(cache.total).toBe(0);
    total = 400;
    cache.invalidate();
    await cache.ensure(0, 99, fetch);
    expect(cache.total).toBe(400);
    expect(cache.rowAt(0)?.id).toBe(1);
  });

  it('reports a failed page in words and tries again later', async () => {
    const cache = new PageCache({ pageSize: 100 });
    await cache.ensure(0, 10, () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'The database is locked.' } }));
    expect(cache.error).toBe('The database is locked.');
    expect(cache.missing(0, 10)).toEqual([0]);
    await cache.ensure(0, 10, fakeQuery(20).fetch);
    expect(cache.error).toBeNull();
    expect(cache.idsBetween(0, 3)).toEqual([1, 2, 3, 4]);
  });
});
