import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';

const CACHE_DIR = fileURLToPath(new URL('../cache/', import.meta.url));

/** Fixed so that cached datasets are comparable run to run; leads look a year old from here. */
export const BENCH_NOW = Date.UTC(2026, 10, 1);

/**
 * Bump when the demo generator changes what it writes: cached datasets are then rebuilt.
 * 2: no ANALYZE after seeding. The app never analyzes a seller's DB, so the bench measures plans
 * made without statistics, as the app gets them.
 */
const DATASET_VERSION = 2;

/**
 * A demo DB of `leads` leads, built once and cached in bench/cache. A cached one from an older
 * schema is migrated forward, as the app would migrate a seller's DB (a million leads take twenty
 * minutes to seed). Benchmarks that write get their own copy (`workingCopy`).
 */
export function dataset(leads: number, log: (text: string) => void): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `demo-${leads}-long-v${DATASET_VERSION}.db`);
  if (existsSync(file)) {
    const db = openDatabase(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return file;
  }
  log(`building a ${leads.toLocaleString('en-US')}-lead dataset (cached in bench/cache)...`);
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const db = openDatabase(building);
  createServices(db, { dbPath: building, version: 'bench', now: () => BENCH_NOW }).demo.seed(leads, 20_260_101, 'long');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  renameSync(building, file);
  return file;
}

/** A throwaway copy of a cached dataset for benchmarks that change data. */
export function workingCopy(source: string, dir: string): string {
  const target = path.join(dir, path.basename(source));
  copyFileSync(source, target);
  return target;
}
