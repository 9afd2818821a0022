import type { Database } from 'better-sqlite3';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { createServices } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';
import { createRandom } from '../../main/demo/random.ts';
import type { Measurement } from '../lib/results.ts';
import { summarize, timeMs } from '../lib/stats.ts';
import { workingCopy } from '../lib/datasets.ts';
import type { SuiteContext } from './suite.ts';

const MARKETING = ['awareness', 'consideration', 'conversion'];

function marketingColumns(db: Database): Map<string, number[]> {
  const columns = new Map(MARKETING.map((key) => [key, [] as number[]]));
  const rows = db
    .prepare<[], { id: number; stageKey: string }>(
      "SELECT id, stage_key AS stageKey FROM leads WHERE deleted_at IS NULL AND stage_key IN ('awareness', 'consideration', 'conversion')",
    )
    .all();
  for (const row of rows) columns.get(row.stageKey)!.push(row.id);
  return columns;
}

/**
 * Move a card, service level: the IPC handler (zod validation, rules, position key, transaction
 * with the transition row) timed call by call. Moves stay in the marketing funnel, where no rule
 * needs extra data, half between columns and half reordering, dropped above a random card or at
 * the bottom: what a seller's drags look like.
 */
export async function moveSuite({ leads, moves, tempDir, dataset }: SuiteContext & { moves: number }): Promise<Measurement[]> {
  const dbPath = workingCopy(dataset(leads), tempDir);
  const db = openDatabase(dbPath);
  try {
    // As the app runs it: WAL checkpoints in the background, not inside a move's commit.
    const services = createServices(db, { dbPath, version: 'bench', checkpointInBackground: true });
    const handlers = createHandlerTable(services);
    const columns = marketingColumns(db);
    const where = new Map<number, string>();
    for (const [stage, ids] of columns) for (const id of ids) where.set(id, stage);
    const all = [...where.keys()];
    const random = createRandom(7);
    const samples: number[] = [];
    for (let i = 0; i < moves; i++) {
      const leadId = random.pick(all);
      const from = where.get(leadId)!;
      const to = random.chance(0.5) ? from : random.pick(MARKETING);
      const target = columns.get(to)!;
      const beforeLeadId = target.length > 1 && random.chance(0.7) ? random.pick(target) : null;
      const input = { leadId, toStage: to, beforeLeadId: beforeLeadId === leadId ? null : beforeLeadId };
      let ok = true;
      samples.push(await timeMs(async () => (ok = (await handlers['leads.move'](input)).ok)));
      if (!ok) throw new Error(`bench move ${JSON.stringify(input)} was refused`);
      if (to !== from) {
        const source = columns.get(from)!;
        source.splice(source.indexOf(leadId), 1);
        target.push(leadId);
        where.set(leadId, to);
      }
    }
    const summary = summarize(samples);
    // Before the DB closes: the next suite copies a fresh DB to the same path.
    await services.checkpointer?.close();
    return [
      { suite: 'move', name: 'move a card, service level (handler + transaction)', leads, unit: 'ms', stat: 'p99', value: summary.p99, summary, target: 2 },
    ];
  } finally {
    db.close();
  }
}
