import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Lead } from '../../shared/domain/lead.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { createServices, type Services } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';

/** 2026-03-02 09:00 UTC: a fixed "now" so that every timestamp in a test is predictable. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const DAY = 86_400_000;

export interface TestClock {
  now: () => number;
  set(ms: number): void;
  /** Moves time forward by `ms` (default one second) and returns the new time. */
  advance(ms?: number): number;
}

export function createClock(start = T0): TestClock {
  let current = start;
  return {
    now: () => current,
    set(ms) {
      current = ms;
    },
    advance(ms = 1000) {
      current += ms;
      return current;
    },
  };
}

export interface TestServices extends Services {
  db: Database;
  clock: TestClock;
  services: Services;
  handlers: ReturnType<typeof createHandlerTable>;
  /** Every error the handler table logged. */
  logged: unknown[];
  close(): void;
}

/** The real services over a fresh ':memory:' store (or `dbPath`), with a clock the test drives. */
export function createTestServices(options: { now?: number; dbPath?: string } = {}): TestServices {
  const dbPath = options.dbPath ?? ':memory:';
  const db = openDatabase(dbPath);
  const clock = createClock(options.now ?? T0);
  const services = createServices(db, { dbPath, version: 'test', now: clock.now });
  const logged: unknown[] = [];
  const handlers = createHandlerTable(services, (error) => logged.push(error));
  return { ...services, db, clock, services, handlers, logged, close: () => db.close() };
}

export const CONTACT = { email: 'anna.petrova@example.com' } as const satisfies LeadPatch;
export const DEAL = { dealValueMinor: 1_250_000, expectedCloseOn: '2026-06-30', urgency: 'high' } as const satisfies LeadPatch;
export const FULL = { firstName: 'Anna', lastName: 'Petrova', ...CONTACT, ...DEAL } as const satisfies LeadPatch;

/**
 * A lead sitting in `stageKey`, reached through the real service (create in an open stage, then
 * the moves a seller would make), so that its history is a valid chain.
 */
export function leadIn(t: Services, stageKey: string, fields: LeadPatch = FULL): Lead {
  switch (stageKey) {
    case 'won': {
      const lead = t.leads.create(fields, 'sql');
      return t.leads.move({ leadId: lead.id, toStage: 'won', beforeLeadId: null }).lead;
    }
    case 'lost': {
      const lead = t.leads.create(fields, 'mql');
      return t.leads.move({ leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'Not a fit' }).lead;
    }
    default:
      return t.leads.create(fields, stageKey);
  }
}

/** Raw row counts, straight from SQL. */
export function countRows(db: Database, table: string, where = '1 = 1'): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

export function rawLead(db: Database, id: number): Record<string, unknown> {
  return db.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown>;
}

/** Every leads row, keyed by id: to prove which rows a statement touched. */
export function snapshotLeads(db: Database): Map<number, Record<string, unknown>> {
  const rows = db.prepare('SELECT * FROM leads ORDER BY id').all() as Record<string, unknown>[];
  return new Map(rows.map((row) => [row.id as number, row]));
}

/** Ids of a column in board order, read page by page through the board service. */
export function columnIds(t: Services, stageKey: string, pageSize = 500): number[] {
  const ids: number[] = [];
  let after: { position: string; id: number } | null = null;
  do {
    const page = t.board.cards(stageKey, after, pageSize);
    ids.push(...page.cards.map((card) => card.id));
    after = page.next;
  } while (after);
  return ids;
}

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function makeTempDir(prefix = 'voronka-test-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Catches a thrown DomainError (or any error) so that its code and message can be asserted. */
export function caught(fn: () => unknown): { code?: string; message: string; name: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string; name: string };
  }
  throw new Error('Expected the call to throw, but it returned.');
}
