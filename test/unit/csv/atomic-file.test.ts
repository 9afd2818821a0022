import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtomicFile, removeStaleTempFiles, writeFileAtomically } from '../../../main/csv/atomic-file.ts';
import { makeTempDir, type TempDir } from './csv-test-support.ts';

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.remove());

const files = () => readdirSync(tmp.dir).sort();

describe('createAtomicFile', () => {
  it('writes to a hidden temp file in the same folder and renames it on commit', async () => {
    const target = tmp.file('leads.csv');
    const file = await createAtomicFile(target);
    expect(path.dirname(file.tempPath)).toBe(tmp.dir);
    expect(path.basename(file.tempPath)).toMatch(/^\.leads\.csv\.[0-9a-f]{12}\.voronka-tmp$/);
    await file.write('\uFEFFимя\r\n');
    await file.write(Uint8Array.from([0x41, 0x0d, 0x0a]));
    expect(existsSync(target)).toBe(false);
    await file.commit();
    expect(files()).toEqual(['leads.csv']);
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFимя\r\nA\r\n');
    expect(file.bytesWritten).toBe(readFileSync(target).length);
  });

  it('leaves no file and no temp file when aborted mid-way', async () => {
    const target = tmp.file('leads.csv');
    const file = await createAtomicFile(target);
    for (let i = 0; i < 3000; i++) await file.write(`row ${i},${'x'.repeat(500)}\r\n`); // > 1 MiB: some bytes reached the disk
    await file.abort();
    await file.abort(); // twice is fine
    expect(files()).toEqual([]);
    await expect(file.write('late')).rejects.toThrow(/already committed or aborted/);
  });

  it('does not touch an existing target until the new file is complete', async () => {
    const target = tmp.file('leads.csv');
    writeFileSync(target, 'old contents\r\n');
    const file = await createAtomicFile(target);
    await file.write('new,contents\r\n'.repeat(100_000));
    expect(readFileSync(target, 'utf8')).toBe('old contents\r\n');
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('new,contents\r\n'.repeat(100_000));
    expect(files()).toEqual(['leads.csv']);
  });

  it('keeps the existing target when aborted', async () => {
    const target = tmp.file('leads.csv');
    writeFileSync(target, 'old contents\r\n');
    const file = await createAtomicFile(target);
    await file.write('half a file');
    await file.abort();
    expect(readFileSync(target, 'utf8')).toBe('old contents\r\n');
    expect(files()).toEqual(['leads.csv']);
  });

  it('says why a finished file cannot replace the target, and cleans up after itself', async () => {
    const target = tmp.file('taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'x');
    const file = await createAtomicFile(target);
    await file.write('data');
    await expect(file.commit()).rejects.toThrow(/^Could not save .*taken: .*The previous file, if any, is unchanged\.$/);
    expect(files()).toEqual(['taken']);
    await file.abort(); // after a failed commit: still safe
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(createAtomicFile(tmp.file('no/such/folder/x.csv'))).rejects.toThrow(/ENOENT/);
  });
});

describe('writeFileAtomically', () => {
  it('commits what the producer wrote and returns its value', async () => {
    const target = tmp.file('out.csv');
    expect(await writeFileAtomically(target, async (file) => (await file.write('a,b\r\n'), 42))).toBe(42);
    expect(readFileSync(target, 'utf8')).toBe('a,b\r\n');
  });

  it('removes the temp file and rethrows when the producer throws (a cancel or a failure)', async () => {
    const target = tmp.file('out.csv');
    writeFileSync(target, 'previous');
    const cancelled = new Error('cancelled by the user');
    await expect(
      writeFileAtomically(target, async (file) => {
        await file.write('partial');
        throw cancelled;
      }),
    ).rejects.toBe(cancelled);
    expect(files()).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('previous');
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only the temp files left for that target', async () => {
    const target = tmp.file('leads.csv');
    const stale = tmp.file('.leads.csv.0123456789ab.voronka-tmp');
    writeFileSync(stale, 'left by a killed export');
    writeFileSync(tmp.file('.other.csv.0123456789ab.voronka-tmp'), 'another target');
    writeFileSync(tmp.file('.leads.csv.notours.voronka-tmp'), 'not our name');
    writeFileSync(target, 'keep');
    expect(await removeStaleTempFiles(target)).toEqual([stale]);
    expect(files()).toEqual(['.leads.csv.notours.voronka-tmp', '.other.csv.0123456789ab.voronka-tmp', 'leads.csv']);
    expect(await removeStaleTempFiles(tmp.file('missing-dir/x.csv'))).toEqual([]);
  });
});
