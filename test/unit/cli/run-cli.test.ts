import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead.ts';
import type { Stage } from '../../../shared/domain/stage.ts';
import { USAGE } from '../../../main/cli/run-cli.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { cli } from '../../support/cli.ts';
import { createTestServices, FULL, makeTempDir, type TempDir } from '../../support/services.ts';

let tmp: TempDir;
let dbFile: string;
beforeEach(() => {
  tmp = makeTempDir('voronka-cli-');
  dbFile = tmp.file('cli.db');
});
afterEach(() => tmp.remove());

/** Sets up the DB file through the real services, then closes it so that the CLI opens it afresh. */
function withServices<T>(fn: (t: ReturnType<typeof createTestServices>) => T): T {
  const t = createTestServices({ dbPath: dbFile });
  try {
    return fn(t);
  } finally {
    t.close();
  }
}

function readLead(id: number) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return {
      lead: db.prepare('SELECT stage_key AS stageKey, updated_at AS updatedAt FROM leads WHERE id = ?').get(id) as { stageKey: string; updatedAt: number },
      transitions: (db.prepare('SELECT count(*) AS n FROM stage_transitions WHERE lead_id = ?').get(id) as { n: number }).n,
      lastReason: (db.prepare('SELECT reason FROM stage_transitions WHERE lead_id = ? ORDER BY id DESC LIMIT 1').get(id) as { reason: string | null }).reason,
    };
  } finally {
    db.close();
  }
}

describe('seed and leads', () => {
  it('seed --leads 50, then leads --json parses as JSON with 50 leads in board order', async () => {
    const seeded = await cli('--db', dbFile, 'seed', '--leads', '50');
    expect(seeded).toEqual({ code: 0, out: 'Added 50 demo leads; the team has 5 members.', err: '' });

    const listed = await cli('--db', dbFile, 'leads', '--json');
    expect(listed.code).toBe(0);
    expect(listed.err).toBe('');
    const leads = JSON.parse(listed.out) as Lead[];
    expect(leads).toHaveLength(50);
    expect(new Set(leads.map((lead) => lead.id)).size).toBe(50);
    // Board order: stage by stage, and by position inside a stage.
    const stageOrder = ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost'];
    const stageIndexes = leads.map((lead) => stageOrder.indexOf(lead.stageKey));
    expect(stageIndexes).toEqual([...stageIndexes].sort((a, b) => a - b));
    for (let i = 1; i < leads.length; i++) {
      if (leads[i]!.stageKey === leads[i - 1]!.stageKey) expect(leads[i - 1]!.position < leads[i]!.position).toBe(true);
    }
    expect(leads[0]).toHaveProperty('email');
    expect(leads[0]).toHaveProperty('dealValueMinor');
  });

  it('seed adds to an existing DB', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '3');
    await cli('--db', dbFile, 'seed', '--leads', '4');
    expect(JSON.parse((await cli('--db', dbFile, 'leads', '--json')).out)).toHaveLength(7);
  });

  it('leads --stage filters to one column, as text or JSON', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '60');
    const all = JSON.parse((await cli('--db', dbFile, 'leads', '--json')).out) as Lead[];
    const inAwareness = all.filter((lead) => lead.stageKey === 'awareness');
    expect(inAwareness.length).toBeGreaterThan(0);

    const json = await cli('--db', dbFile, 'leads', '--stage', 'awareness', '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as Lead[]).map((lead) => lead.id)).toEqual(inAwareness.map((lead) => lead.id));

    const text = await cli('--db', dbFile, 'leads', '--stage', 'awareness');
    const lines = text.out.split('\n');
    expect(lines).toHaveLength(inAwareness.length);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^\\s*${inAwareness[i]!.id}  awareness\\s+`)));
  });

  it('an empty column gives an empty JSON array', async () => {
    await cli('--db', dbFile, 'stages');
    const listed = await cli('--db', dbFile, 'leads', '--stage', 'won', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([]);
  });

  it('an unknown --stage is refused with the list of stages', async () => {
    const result = await cli('--db', dbFile, 'leads', '--stage', 'limbo');
    expect(result.code).toBe(1);
    expect(result.err).toBe('There is no stage "limbo". Stages: awareness, consideration, conversion, mql, sal, sql, won, lost.');
  });
});

describe('move', () => {
  it('a refused move exits 1 with the rule message on err, and changes nothing', async () => {
    const id = withServices((t) => t.leads.create({ firstName: 'Anonymous-ish' }).id);
    const before = readLead(id);
    const result = await cli('--db', dbFile, 'move', String(id), 'mql');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toBe('Refused (rule_violation): MQL needs contact info: an e-mail or a phone number.');
    expect(readLead(id)).toEqual(before);
  });

  it('a move that needs a reason is refused without --reason and done with it', async () => {
    const id = withServices((t) => t.leads.create(FULL, 'sql').id);
    const refused = await cli('--db', dbFile, 'move', String(id), 'lost');
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('Refused (rule_violation): Moving to Closed-lost needs a lost reason.');
    const done = await cli('--db', dbFile, 'move', String(id), 'lost', '--reason', 'no BUDGET');
    expect(done).toEqual({ code: 0, out: `Moved lead ${id} (Anna Petrova) from sql to lost.`, err: '' });
    expect(readLead(id)).toMatchObject({ lead: { stageKey: 'lost' }, transitions: 2, lastReason: 'No budget' });
  });

  it('an allowed move exits 0 and is recorded', async () => {
    const id = withServices((t) => t.leads.create({ email: 'ivan@example.ru' }).id);
    const result = await cli('--db', dbFile, 'move', String(id), 'mql');
    expect(result).toEqual({ code: 0, out: `Moved lead ${id} (ivan@example.ru) from awareness to mql.`, err: '' });
    expect(readLead(id)).toMatchObject({ lead: { stageKey: 'mql' }, transitions: 2 });
  });

  it('--json prints the lead and the transition', async () => {
    const id = withServices((t) => t.leads.create({}).id);
    const result = await cli('--db', dbFile, 'move', String(id), 'consideration', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out);
    expect(parsed.lead).toMatchObject({ id, stageKey: 'consideration' });
    expect(parsed.transition).toMatchObject({ leadId: id, fromStage: 'awareness', toStage: 'consideration' });
  });

  it('moving to the stage it is in reorders it to the bottom', async () => {
    const id = withServices((t) => t.leads.create({}).id);
    const result = await cli('--db', dbFile, 'move', String(id), 'awareness');
    expect(result).toEqual({ code: 0, out: `Lead ${id} is already in awareness; moved to the bottom of the column.`, err: '' });
  });

  it('an unknown lead or stage is refused with exit 1', async () => {
    expect(await cli('--db', dbFile, 'move', '999', 'mql')).toMatchObject({ code: 1, err: 'Refused (not_found): Lead 999 does not exist or was deleted.' });
    const id = withServices((t) => t.leads.create({}).id);
    expect(await cli('--db', dbFile, 'move', String(id), 'limbo')).toMatchObject({ code: 1, err: 'Refused (not_found): There is no stage "limbo".' });
    expect(await cli('--db', dbFile, 'move', String(id), 'Limbo')).toMatchObject({ code: 1, err: 'Refused (invalid_input): toStage: Unknown stage key.' });
    expect(await cli('--db', dbFile, 'move', '0', 'mql')).toMatchObject({ code: 1, err: expect.stringMatching(/^Refused \(invalid_input\): leadId: /) });
  });

  it.each([
    [['abc', 'mql'], 'LEAD_ID must be a whole number, not "abc".'],
    [['1.5', 'mql'], 'LEAD_ID must be a whole number, not "1.5".'],
    [['12'], 'move takes LEAD_ID and STAGE_KEY.'],
    [[], 'move takes LEAD_ID and STAGE_KEY.'],
    [['1', 'mql', 'extra'], 'move takes LEAD_ID and STAGE_KEY.'],
  ])('bad arguments %j → exit 2 with usage', async (args, message) => {
    const result = await cli('--db', dbFile, 'move', ...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(`${message}\n\n${USAGE}`);
  });

  it('a negative LEAD_ID is not an option either → exit 2 with usage', async () => {
    const result = await cli('--db', dbFile, 'move', '-3', 'mql');
    expect(result.code).toBe(2);
    expect(result.err).toContain(USAGE);
  });
});

describe('usage', () => {
  it('an unknown command → exit 2 with usage, and no database is created', async () => {
    const result = await cli('--db', dbFile, 'frobnicate');
    expect(result).toEqual({ code: 2, out: '', err: `Unknown command "frobnicate".\n\n${USAGE}` });
    expect(existsSync(dbFile)).toBe(false);
  });

  it('missing --db → exit 2 with usage', async () => {
    const result = await cli('leads');
    expect(result).toEqual({ code: 2, out: '', err: `--db FILE is required.\n\n${USAGE}` });
  });

  it('no command → exit 2 with usage on err; --help → exit 0 with usage on out', async () => {
    expect(await cli('--db', dbFile)).toEqual({ code: 2, out: '', err: USAGE });
    expect(await cli('--help')).toEqual({ code: 0, out: USAGE, err: '' });
    expect(await cli('-h')).toEqual({ code: 0, out: USAGE, err: '' });
    expect(existsSync(dbFile)).toBe(false);
  });

  it('an unknown option → exit 2 with usage', async () => {
    const result = await cli('--db', dbFile, 'leads', '--colour');
    expect(result.code).toBe(2);
    expect(result.err).toContain("Unknown option '--colour'");
    expect(result.err).toContain(USAGE);
  });

  it.each([['abc'], ['0'], ['-5'], ['10000001'], ['']])('seed --leads %j → exit 2', async (count) => {
    const result = await cli('--db', dbFile, 'seed', '--leads', count);
    expect(result.code).toBe(2);
    expect(result.err).toContain(USAGE);
  });

  it('seed without --leads → exit 2', async () => {
    expect(await cli('--db', dbFile, 'seed')).toMatchObject({ code: 2, err: expect.stringContaining('--leads must be a whole number.') });
  });
});

describe('the database file', () => {
  it('a garbage file → exit 1 with the clear message, and the file is unchanged', async () => {
    const garbage = Buffer.from('%PDF-1.7 definitely not sqlite\n'.repeat(300));
    writeFileSync(dbFile, garbage);
    const result = await cli('--db', dbFile, 'leads', '--json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`${dbFile} is not a readable Voronka database`);
    expect(result.err).toContain('The file was not changed.');
    expect(readFileSync(dbFile).equals(garbage)).toBe(true);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });

  it('a DB from a newer Voronka → exit 1 with the "newer version" message', async () => {
    const db = new Database(dbFile);
    db.pragma('user_version = 42');
    db.close();
    const before = readFileSync(dbFile);
    const result = await cli('--db', dbFile, 'stages');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`written by a newer version of Voronka (schema 42; this app knows up to ${MIGRATIONS.length})`);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('the CLI closes the database when done (no WAL left behind)', async () => {
    await cli('--db', dbFile, 'seed', '--leads', '5');
    expect(existsSync(dbFile)).toBe(true);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });
});

describe('stages', () => {
  it('--json lists the 8 stages', async () => {
    const result = await cli('--db', dbFile, 'stages', '--json');
    expect(result.code).toBe(0);
    const stages = JSON.parse(result.out) as Stage[];
    expect(stages).toHaveLength(8);
    expect(stages.map((s) => s.name)).toEqual(['Awareness (ToFu)', 'Consideration (MoFu)', 'Conversion (BoFu)', 'MQL', 'SAL', 'SQL', 'Closed-won', 'Closed-lost']);
    expect(stages.find((s) => s.key === 'sql')).toMatchObject({ requiresDeal: true, funnel: 'sales', kind: 'open' });
  });

  it('as text, one line per stage with its funnel', async () => {
    const result = await cli('--db', dbFile, 'stages');
    const lines = result.out.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('awareness      Awareness (ToFu) (marketing)');
    expect(lines[7]).toBe('lost           Closed-lost (sales)');
  });
});

describe('leads --filter and --search', () => {
  function seedProspects() {
    withServices((t) => {
      t.leads.create({ firstName: 'Анна', lastName: 'Петрова', companyName: 'Bluefin Bank', industry: 'Banking', technologies: ['HubSpot'] });
      t.leads.create({ ...FULL, firstName: 'Bob', lastName: 'Stone', companyName: 'Atlas Payments', industry: 'Financial services' }, 'sql');
      t.leads.create({ firstName: 'Cara', companyName: 'Verde', industry: 'Retail' });
    });
  }
  const names = (out: string) => (JSON.parse(out) as Lead[]).map((lead) => lead.firstName);

  it('--filter takes a LeadFilter as JSON and lists the matching leads in board order', async () => {
    seedProspects();
    const filter = JSON.stringify({ all: [{ field: 'industry', op: 'is_any_of', values: ['Banking', 'Financial services'] }] });
    const result = await cli('--db', dbFile, 'leads', '--filter', filter, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(names(result.out)).toEqual(['Анна', 'Bob']);
    const text = await cli('--db', dbFile, 'leads', '--filter', filter, '--stage', 'sql');
    expect(text.out).toMatch(/^\s+\d+  sql\s+Bob Stone  Atlas Payments$/);
  });

  it('--search finds by name prefix, Cyrillic included, alone or with --filter', async () => {
    seedProspects();
    expect(names((await cli('--db', dbFile, 'leads', '--search', 'ПЕТР', '--json')).out)).toEqual(['Анна']);
    const retail = JSON.stringify({ all: [{ field: 'industry', op: 'is_any_of', values: ['Retail'] }] });
    expect(names((await cli('--db', dbFile, 'leads', '--filter', retail, '--search', 'петр', '--json')).out)).toEqual([]);
    expect(names((await cli('--db', dbFile, 'leads', '--filter', retail, '--search', 'car', '--json')).out)).toEqual(['Cara']);
  });

  it('invalid JSON → exit 2 with a clear message and the usage', async () => {
    const result = await cli('--db', dbFile, 'leads', '--filter', '{all: [}', '--json');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^--filter is not valid JSON: /);
    expect(result.err).toContain(USAGE);
  });

  it.each([
    ['an unknown field', { all: [{ field: 'password', op: 'is_any_of', values: ['x'] }] }, /^--filter is not a valid filter: all\.0/],
    ['an operator the field does not take', { all: [{ field: 'industry', op: 'gt', value: 1 }] }, /That operator does not apply to that field\./],
    ['not a filter at all', [1, 2], /^--filter is not a valid filter: /],
  ])('a filter with %s → exit 2 with the schema message', async (_name, filter, message) => {
    const result = await cli('--db', dbFile, 'leads', '--filter', JSON.stringify(filter));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('the usage documents the syntax with an example', () => {
    expect(USAGE).toContain('--filter');
    expect(USAGE).toContain('"op":"is_any_of"');
    const example = USAGE.slice(USAGE.indexOf("--filter '") + "--filter '".length, USAGE.indexOf("'\n", USAGE.indexOf("--filter '")));
    expect(() => JSON.parse(example.replace(/\n\s*/g, ''))).not.toThrow();
  });
});

describe('views', () => {
  it('--json lists the saved views with their counts; as text one line each', async () => {
    withServices((t) => {
      t.clock.set(Date.now()); // the CLI reads the real clock: the lead is fresh, not stale
      const me = t.team.add({ name: 'Olga', email: null, role: 'sdr' }).id;
      t.team.setCurrentMember(me);
      t.leads.create({ ...FULL, ownerId: me }, 'mql');
      t.views.save({ name: 'Everyone', filter: { all: [] }, columns: [{ key: 'name', width: null }], sort: [] });
    });
    const json = await cli('--db', dbFile, 'views', '--json');
    expect(json.code).toBe(0);
    const views = JSON.parse(json.out) as { name: string; count: number; filter: unknown }[];
    expect(views.map((v) => [v.name, v.count])).toEqual([
      ['My open leads', 1],
      ['MQLs waiting for sales acceptance', 1],
      ['Stale: no activity in 14 days', 0],
      ['Everyone', 1],
    ]);
    const text = await cli('--db', dbFile, 'views');
    expect(text.out.split('\n')[3]).toMatch(/^\s+4\s+1  Everyone$/);
  });
});

describe('scores in the CLI', () => {
  it('leads brings drifted scores up to date before listing them (time-based rules)', async () => {
    const id = withServices((t) => {
      t.scoring.save([{ label: 'Active this week', condition: { field: 'lastActivityAt', op: 'within_last_days', value: 7 }, points: 10 }]);
      return t.leads.create({ firstName: 'Old' }).id; // active at T0, long before the real clock
    });
    const rawScore = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare('SELECT score FROM leads WHERE id = ?').pluck().get(id);
      } finally {
        db.close();
      }
    };
    expect(rawScore()).toBe(10);
    await cli('--db', dbFile, 'stages');
    expect(rawScore()).toBe(10); // stages, seed and move leave the scores alone
    const listed = JSON.parse((await cli('--db', dbFile, 'leads', '--json')).out) as Lead[];
    expect(listed.find((lead) => lead.id === id)!.score).toBe(0);
  });
});
