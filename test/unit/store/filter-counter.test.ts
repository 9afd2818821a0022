import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import { createServices } from '../../../main/services/index.ts';
import { inProcessFilterCounter, startFilterCountWorker } from '../../../main/store/filter-counter.ts';
import { createLeadQueryRepository } from '../../../main/store/repositories/lead-query-repository.ts';
import { openDatabase } from '../../../main/store/open-database.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'voronka-filter-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MQL: LeadFilter = { all: [{ field: 'stageKey', op: 'is_any_of', values: ['mql'] }] };
const AWARENESS: LeadFilter = { all: [{ field: 'stageKey', op: 'is_any_of', values: ['awareness'] }] };
const viewCount = async (services: ReturnType<typeof createServices>, name: string) =>
  (await services.views.list()).find((view) => view.name === name)?.count;

describe('the filter counter thread', () => {
  it('counts the saved views on its own connection and sees every move main commits', async () => {
    const dbPath = path.join(dir, 'views.db');
    const db = openDatabase(dbPath);
    const services = createServices(db, { dbPath, version: 'test', rescoreOnOpen: false, countInBackground: true });
    const anna = services.leads.create({ firstName: 'Anna', email: 'anna@example.com' });
    services.leads.create({ firstName: 'Boris', email: 'boris@example.com' });
    expect(await viewCount(services, 'MQLs waiting for sales acceptance')).toBe(0);

    services.leads.move({ leadId: anna.id, toStage: 'mql', beforeLeadId: null });
    expect(await viewCount(services, 'MQLs waiting for sales acceptance')).toBe(1);
    // The same figures as counting on main's own connection.
    const here = inProcessFilterCounter(createLeadQueryRepository(db));
    expect(await services.filterCounter.count([MQL, AWARENESS], { currentMemberId: null, now: Date.now() })).toEqual(
      await here.count([MQL, AWARENESS], { currentMemberId: null, now: Date.now() }),
    );
    await services.filterCounter.close();
    db.close();
  });

  it('answers several requests at once, each with its own counts', async () => {
    const dbPath = path.join(dir, 'many.db');
    const db = openDatabase(dbPath);
    const services = createServices(db, { dbPath, version: 'test', rescoreOnOpen: false });
    services.demo.seed(300);
    const here = inProcessFilterCounter(createLeadQueryRepository(db));
    const counter = startFilterCountWorker(dbPath, here);
    const context = { currentMemberId: null, now: Date.now() };
    const [both, mql, none] = await Promise.all([counter.count([MQL, AWARENESS], context), counter.count([MQL], context), counter.count([], context)]);
    expect(both).toEqual(await here.count([MQL, AWARENESS], context));
    expect(both[0]).toBeGreaterThan(0);
    expect(mql).toEqual([both[0]]);
    expect(none).toEqual([]);
    await counter.close();
    db.close();
  });

  it('hands counting back to main once it is stopped', async () => {
    const dbPath = path.join(dir, 'stopped.db');
    const db = openDatabase(dbPath);
    const services = createServices(db, { dbPath, version: 'test', rescoreOnOpen: false, countInBackground: true });
    const lead = services.leads.create({ firstName: 'Clara', email: 'clara@example.com' }, 'mql');
    await services.filterCounter.close();
    expect(await viewCount(services, 'MQLs waiting for sales acceptance')).toBe(1);
    services.leads.move({ leadId: lead.id, toStage: 'awareness', beforeLeadId: null });
    expect(await viewCount(services, 'MQLs waiting for sales acceptance')).toBe(0);
    db.close();
  });

  it('is left out for an in-memory store, which has no file for a second connection', async () => {
    const memory = openDatabase(':memory:');
    const services = createServices(memory, { dbPath: ':memory:', version: 'test', countInBackground: true });
    services.leads.create({ firstName: 'Dina', email: 'dina@example.com' }, 'mql');
    expect(await viewCount(services, 'MQLs waiting for sales acceptance')).toBe(1);
    memory.close();
  });
});
