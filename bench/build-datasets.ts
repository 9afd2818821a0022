import { parseArgs } from 'node:util';
import { dataset } from './lib/datasets.ts';

/** Builds (or finds) the cached benchmark datasets: `node bench/build-datasets.ts --leads 100000,1000000`. */
const { values } = parseArgs({ options: { leads: { type: 'string', default: '100000,1000000' } } });
for (const leads of values.leads.split(',').map(Number)) {
  const started = performance.now();
  const file = dataset(leads, (text) => console.log(text));
  console.log(`${file} ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
