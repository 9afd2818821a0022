import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services/index.ts';
import { startCheckpointer } from '../../../main/store/checkpointer.ts';
import { openDatabase } from '../../../main/store/open-database.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'voronka-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const autoCheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('the background WAL checkpointer', () => {
  it('takes checkpoints off the app connection\'s commits and copies the WAL back from its own thread', async () => {
    const dbPath = path.join(dir, 'moves.db');
    const db = openDatabase(dbPath);
    const checkpointer = startCheckpointer(db, dbPath, 60_000);
    expect(autoCheckpoint(db)).toBe(10_000);
    const services = createServices(db, { dbPath, version: 'test', rescoreOnOpen: false });
    services.demo.seed(1500);
    const first = await checkpointer.checkpointNow();
    expect(first!.walPages).toBeGreaterThan(100);
    expect(first!.copiedPages).toBe(first!.walPages);
    // What it copied is in the database file: a reader that ignores the WAL sees the leads.
    await checkpointer.close();
    db.close();
    const reader = new Database(dbPath, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1500);
    reader.close();
  });

  it('gives checkpointing back to the app connection when it stops, so the WAL never grows unbounded', async () => {
    const dbPath = path.join(dir, 'stop.db');
    const db = openDatabase(dbPath);
    const checkpointer = startCheckpointer(db, dbPath, 60_000);
    expect(autoCheckpoint(db)).toBe(10_000);
    await checkpointer.close();
    expect(autoCheckpoint(db)).toBe(1000);
    expect(await checkpointer.checkpointNow()).toBeNull();
    db.close();
  });

  it('is started by the services when asked for, for a file only', async () => {
    const dbPath = path.join(dir, 'services.db');
    const db = openDatabase(dbPath);
    const services = createServices(db, { dbPath, version: 'test', rescoreOnOpen: false, checkpointInBackground: true });
    expect(services.checkpointer).not.toBeNull();
    expect(autoCheckpoint(db)).toBe(10_000);
    await services.checkpointer!.close();
    db.close();
    const memory = openDatabase(':memory:');
    expect(createServices(memory, { dbPath: ':memory:', version: 'test', checkpointInBackground: true }).checkpointer).toBeNull();
    expect(createServices(memory, { dbPath: ':memory:', version: 'test' }).checkpointer).toBeNull();
    memory.close();
  });
});
