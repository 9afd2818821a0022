import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCsvStream, type CsvReadOptions, type CsvRecord } from '../../../main/csv/reader.ts';

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function makeTempDir(prefix = 'voronka-csv-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `bytes` as an async source cut into chunks of the given sizes (cycled), to hit every boundary. */
export async function* chunked(bytes: Uint8Array, sizes: number[] = [bytes.length || 1]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[i++ % sizes.length]!);
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Every record of `bytes`, read from chunks of `sizes`. */
export async function readAll(bytes: Uint8Array, options: CsvReadOptions = {}, sizes?: number[]): Promise<CsvRecord[]> {
  const reader = await openCsvStream(chunked(bytes, sizes), options);
  const records: CsvRecord[] = [];
  for await (const record of reader.records()) records.push(record);
  return records;
}

export const fieldsOf = (records: CsvRecord[]): string[][] => records.map((r) => r.fields);

/** A small seeded PRNG (mulberry32), so a failing random case can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
