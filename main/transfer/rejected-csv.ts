import type { Database } from 'better-sqlite3';
import { createAtomicFile } from '../csv/atomic-file.ts';
import { createCsvWriter } from '../csv/writer.ts';
import type { ImportRepository } from '../store/repositories/import-repository.ts';

const PAGE = 2000;

/**
 * The rows an import rejected, as they were read, with an "Error" column: fix them in a spreadsheet
 * and import this file. Written with the shared writer (BOM, formula guard, CRLF) to an atomic file.
 * A ragged row keeps every field it had: the header is widened to the longest row.
 */
export async function writeRejectedCsv(db: Database, imports: ImportRepository, importId: number, target: string, delimiter: ',' | ';'): Promise<{ rows: number; bytes: number }> {
  const header = imports.header(importId);
  const widest = (db.prepare('SELECT max(json_array_length(fields_json)) AS n FROM import_rejects WHERE import_id = ?').get(importId) as { n: number | null }).n ?? 0;
  const names = [...header, ...Array.from({ length: Math.max(0, widest - header.length) }, () => '')];
  const writer = createCsvWriter({ columns: [...names.map((name) => ({ header: name })), { header: 'Error' }], delimiter });
  const file = await createAtomicFile(target);
  let rows = 0;
  try {
    await file.write(writer.start());
    let after = 0;
    for (;;) {
      const page = imports.rejects(importId, after, PAGE);
      if (page.length === 0) break;
      let text = '';
      for (const reject of page) {
        const cells = names.map((_, i) => reject.fields[i] ?? '');
        text += writer.row([...cells, reject.error]);
      }
      await file.write(text);
      rows += page.length;
      after = page[page.length - 1]!.line;
    }
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
  return { rows, bytes: file.bytesWritten };
}
