import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server.ts';

/**
 * `npm run web`: the app in a browser through the loopback harness, for machines without the
 * Electron binary. The DB defaults to ~/.voronka/voronka.db; `--db FILE` picks another.
 */
const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
const defaultDir = join(homedir(), '.voronka');
if (!values.db) mkdirSync(defaultDir, { recursive: true });
const dbPath = resolve(values.db ?? join(defaultDir, 'voronka.db'));
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}".`);
  process.exit(2);
}
const harness = await startHarness({ dbPath, rendererDir: resolve(import.meta.dirname, '../../dist/renderer'), port }).catch(
  (error: Error) => {
    console.error(`Cannot start Voronka: ${error.message}`);
    process.exit(1);
  },
);
console.log(`Voronka is running for this browser session only. Open:\n\n  ${harness.url}\n\nDatabase: ${dbPath}\nPress Ctrl+C to stop.`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
