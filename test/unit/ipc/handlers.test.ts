import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels.ts';
import { DomainError, type Result } from '../../../shared/ipc/result.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { inputSchemas } from '../../../shared/ipc/schemas.ts';
import { CONTACT, DEAL, FULL, countRows, createTestServices, leadIn, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => {
  vi.restoreAllMocks();
  if (t.db.open) t.close();
});

function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
  return (t.handlers[channel] as (input: unknown) => Promise<Result<unknown>>)(input);
}

/** A handler must answer with a Result, never throw or reject. */
async function answer(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let result: Result<unknown> | undefined;
  await expect(
    (async () => {
      result = await call(channel, input);
    })(),
  ).resolves.toBeUndefined();
  expect(result).toBeDefined();
  expect(typeof result!.ok).toBe('boolean');
  return result!;
}

async function expectInvalid(channel: Channel, input: unknown): Promise<string> {
  const result = await answer(channel, input);
  expect(result.ok, `${channel} accepted ${String(JSON.stringify(input))?.slice(0, 80)}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe('invalid_input');
  // Readable: words, no stack trace, no raw JSON dump of zod issues.
  expect(result.error.message.length).toBeGreaterThan(3);
  expect(result.error.message.length).toBeLessThan(600);
  expect(result.error.message).not.toMatch(/\n\s+at |"code":|\[\s*\{/);
  return result.error.message;
}

describe('the table', () => {
  it('has a handler for every channel and nothing else', () => {
    expect(Object.keys(t.handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof t.handlers[channel]).toBe('function');
  });

  it('every channel returns an ok Result for valid input', async () => {
    const lead = leadIn(t, 'sql');
    const other = t.leads.create(CONTACT, 'mql');
    const gone = t.leads.create({});
    t.leads.delete(gone.id);
    const reason = t.catalog.reasons().find((r) => r.label === 'Went silent')!;
    const valid: Record<Channel, unknown> = {
      'app.open': { cardLimit: 10 },
      'app.info': undefined,
      'stages.list': undefined,
      'team.list': undefined,
      'reasons.list': undefined,
      'reasons.add': { kind: 'lost', label: 'Company closed' },
      'reasons.remove': { id: reason.id },
      'board.columns': undefined,
      'board.cards': { stageKey: 'sql', limit: 10, after: null },
      'board.firstPages': { limit: 10 },
      'leads.get': { id: lead.id },
      'leads.create': { fields: { firstName: 'Иван', email: '' } },
      'leads.update': { id: other.id, patch: { phone: '+7 900 123-45-67' } },
      'leads.move': { leadId: lead.id, toStage: 'lost', beforeLeadId: null, reason: 'price' },
      'leads.delete': { id: other.id },
      'leads.restore': { id: gone.id },
      'activities.addNote': { leadId: lead.id, body: '  Sent the proposal.  ' },
      'leads.query': { filter: { all: [{ field: 'industry', op: 'is_none_of', values: ['Banking'] }], search: 'anna' }, sort: [{ field: 'score', dir: 'desc' }], offset: 0, limit: 50 },
      'leads.bulk': { target: { ids: [lead.id] }, action: { type: 'tag', add: ['vip'], remove: [] } },
      'leads.scoreBreakdown': { id: lead.id },
      'filters.values': { field: 'industry', prefix: 'b' },
      'views.list': undefined,
      'views.save': { name: 'Banks', filter: { all: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }] }, columns: [{ key: 'name', width: null }], sort: [] },
      'views.delete': { id: 1 },
      'team.add': { name: 'Priya', email: '', role: 'marketing' },
      'team.update': { id: 1, name: 'Priya Nair', email: 'priya@example.com', role: 'marketing' },
      'settings.setCurrentMember': { id: 1 },
      'scoring.list': undefined,
      'scoring.save': { rules: [{ label: 'Banks', condition: { field: 'industry', op: 'is_any_of', values: ['Banking'] }, points: 20 }] },
      'demo.load': undefined,
      'reports.run': { report: 'funnel', period: { from: '2026-03-01', to: '2026-03-31', timeZone: 'Europe/Moscow' }, compare: true, segment: null, currency: null, mode: 'cohort' },
      'reports.csv': { request: { report: 'sources', period: { from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC' }, compare: false, segment: { kind: 'source', value: 'Webinar' }, currency: 'USD', mode: 'activity' } },
      'reports.status': undefined,
      'reports.limits': undefined,
      'reports.setLimits': { limits: [{ stageKey: 'mql', staleAfterDays: 3 }] },
      // The CSV transfer channels are checked in test/unit/import and test/unit/export (they need files).
      'files.openImport': undefined,
      'export.start': { scope: { kind: 'all' } },
      'import.scan': { fileId: 'f1' },
      'import.preview': { settings: { fileId: 'f1', columns: ['email'], onDuplicate: 'skip' } },
      'import.start': { settings: { fileId: 'f1', columns: ['email'], onDuplicate: 'skip' } },
      'imports.list': undefined,
      'imports.undo': { importId: 1 },
      'imports.rejectedCsv': { importId: 1 },
      'jobs.status': { jobId: 'j1' },
      'jobs.cancel': { jobId: 'j1' },
    };
    const transfer = new Set<Channel>(['files.openImport', 'export.start', 'import.scan', 'import.preview', 'import.start', 'imports.list', 'imports.undo', 'imports.rejectedCsv', 'jobs.status', 'jobs.cancel']);
    // demo.load needs an empty funnel: run it on its own fresh store.
    const fresh = createTestServices();
    expect(await fresh.handlers['demo.load']({ leads: 10 })).toEqual({ ok: true, value: { leads: 10, members: 5 } });
    fresh.close();

    for (const channel of CHANNELS) {
      if (channel === 'demo.load') continue;
      if (transfer.has(channel)) {
        expect(inputSchemas[channel].safeParse(valid[channel]).success, channel).toBe(true);
        continue;
      }
      const result = await answer(channel, valid[channel]);
      expect(result, channel).toMatchObject({ ok: true });
    }
    const detail = await call('leads.get', { id: lead.id });
    expect(detail.ok && (detail.value as { activities: { body: string }[] }).activities[0]!.body).toBe('Sent the proposal.');
    expect(detail.ok && (detail.value as { transitions: { reason: string }[] }).transitions[0]!.reason).toBe('Price');
    expect(t.logged).toEqual([]);
  });

  it('app.open answers the first screen at once: what the single channels answer, the first pages when asked', async () => {
    leadIn(t, 'sql');
    t.leads.create(CONTACT, 'mql');
    const board = await call('app.open', { cardLimit: 1 });
    expect(board).toEqual({
      ok: true,
      value: {
        info: t.catalog.info(),
        stages: t.catalog.stages(),
        team: t.catalog.members(),
        reasons: t.catalog.reasons(),
        summaries: t.board.columns(),
        firstPages: t.board.firstPages(1),
      },
    });
    const MQL = { all: [{ field: 'stageKey' as const, op: 'is_any_of' as const, values: ['mql'] }] };
    const table = await call('app.open', { filter: MQL });
    expect(table.ok && table.value).toMatchObject({ summaries: t.board.columns(MQL), firstPages: null });
  });

  it('the Result carries what the service returned', async () => {
    const created = await call('leads.create', { fields: { ...CONTACT, ...DEAL }, stageKey: 'sql' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toEqual(t.leads.get((created.value as { id: number }).id).lead);
    expect(await call('stages.list', undefined)).toEqual({ ok: true, value: t.catalog.stages() });
  });
});

describe('invalid input', () => {
  const NON_OBJECTS = [null, 42, 'leads', true, [], [1, 2], () => 1];

  it.each(CHANNELS.filter((c) => !['app.open', 'app.info', 'stages.list', 'team.list', 'reasons.list', 'board.columns', 'views.list', 'scoring.list', 'demo.load', 'reports.status', 'reports.limits', 'files.openImport', 'imports.list'].includes(c)))(
    '%s refuses non-objects and empty objects',
    async (channel) => {
      for (const input of [...NON_OBJECTS, undefined, {}]) await expectInvalid(channel, input);
    },
  );

  it.each(['app.info', 'stages.list', 'team.list', 'reasons.list', 'views.list', 'scoring.list', 'reports.status', 'reports.limits', 'files.openImport', 'imports.list'] as const)('%s takes no input at all', async (channel) => {
    for (const input of [null, 0, '', {}, { evil: true }]) await expectInvalid(channel, input);
  });

  it('app.open takes a filter and a card limit, both optional, and nothing else', async () => {
    for (const input of [undefined, null, 0, '', { cardLimit: 0 }, { cardLimit: 501 }, { filter: null }]) await expectInvalid('app.open', input);
    expect(await answer('app.open', {})).toMatchObject({ ok: true });
  });

  it('board.columns takes nothing or a filter', async () => {
    for (const input of [null, 0, '', {}, { evil: true }, { filter: null }, { filter: { all: [{ field: 'x', op: 'is_empty' }] } }]) await expectInvalid('board.columns', input);
    expect(await answer('board.columns', { filter: { all: [] } })).toMatchObject({ ok: true });
  });

  it.each([
    ['leads.get', { id: -1 }, /^id: /],
    ['leads.get', { id: 0 }, /^id: /],
    ['leads.get', { id: 1.5 }, /^id: /],
    ['leads.get', { id: '1' }, /^id: /],
    ['leads.get', { id: Number.NaN }, /^id: /],
    ['leads.get', { id: Infinity }, /^id: /],
    ['leads.delete', { id: -7 }, /^id: /],
    ['leads.restore', { id: null }, /^id: /],
    ['reasons.remove', { id: -1 }, /^id: /],
    ['reasons.add', { kind: 'lost' }, /^label: /],
    ['reasons.add', { kind: 'forgotten', label: 'x' }, /^kind: /],
    ['reasons.add', { kind: 'lost', label: '   ' }, /^label: Give a reason\.$/],
    ['reasons.add', { kind: 'lost', label: 'x'.repeat(201) }, /^label: /],
    ['board.cards', { stageKey: 'sql', limit: 0, after: null }, /^limit: /],
    ['board.cards', { stageKey: 'sql', limit: 501, after: null }, /^limit: /],
    ['board.cards', { stageKey: 'sql', limit: 10 }, /^after: /],
    ['board.cards', { stageKey: 'sql', limit: 10, after: { position: 'a0', id: -1 } }, /^after\.id: /],
    ['board.cards', { stageKey: 'sql', limit: 10, after: { position: 'a'.repeat(201), id: 1 } }, /^after\.position: /],
    ['board.cards', { stageKey: 'DROP TABLE leads', limit: 10, after: null }, /^stageKey: Unknown stage key\.$/],
    ['leads.create', { fields: { email: 'nope' } }, /^fields\.email: That e-mail address does not look right\.$/],
    ['leads.create', { fields: { firstName: 'x'.repeat(101) } }, /^fields\.firstName: /],
    ['leads.create', { fields: { employeeCount: -3 } }, /^fields\.employeeCount: /],
    ['leads.create', { fields: { currency: 'rub' } }, /^fields\.currency: A currency is a three-letter code such as USD or RUB\.$/],
    ['leads.create', { fields: 'Anna' }, /^fields: /],
    ['leads.create', { fields: {}, stageKey: 7 }, /^stageKey: /],
    ['leads.update', { id: 1 }, /^patch: /],
    ['leads.update', { id: 1, patch: { expectedCloseOn: '31/12/2026' } }, /^patch\.expectedCloseOn: Use a date like 2026-03-31\.$/],
    ['leads.update', { id: 1, patch: { urgency: 'yesterday' } }, /^patch\.urgency: /],
    ['leads.update', { id: 1, patch: { dealValueMinor: 12.34 } }, /^patch\.dealValueMinor: /],
    ['leads.update', { id: 1, patch: { phone: 'ring ring' } }, /^patch\.phone: A phone number holds/],
    ['leads.move', { leadId: 1, toStage: 'sql' }, /^beforeLeadId: /],
    ['leads.move', { leadId: 1, beforeLeadId: null }, /^toStage: /],
    ['leads.move', { leadId: 1, toStage: 'sql', beforeLeadId: -2 }, /^beforeLeadId: /],
    ['leads.move', { leadId: 1, toStage: 'lost', beforeLeadId: null, reason: '' }, /^reason: Give a reason\.$/],
    ['leads.move', { leadId: 1, toStage: 'lost', beforeLeadId: null, reason: 'x'.repeat(10_000) }, /^reason: /],
    ['leads.move', { leadId: 1, toStage: 'sql', beforeLeadId: null, undoesTransitionId: 0 }, /^undoesTransitionId: /],
    ['leads.move', { leadId: 1, toStage: 'sql', beforeLeadId: null, patch: { email: 'x' } }, /^patch\.email: /],
    ['activities.addNote', { leadId: 1, body: '' }, /^body: Write something first\.$/],
    ['activities.addNote', { leadId: 1, body: 'x'.repeat(10_001) }, /^body: /],
    ['activities.addNote', { leadId: 1, body: 42 }, /^body: /],
    ['demo.load', { leads: 0 }, /^leads: /],
    ['demo.load', { leads: 2_000_000 }, /^leads: /],
    ['demo.load', { leads: 'many' }, /^leads: /],
    ['demo.load', 400, /./],
    ['leads.query', { filter: { all: [] }, sort: [], offset: 0, limit: 1001 }, /^limit: /],
    ['leads.query', { filter: { all: [] }, sort: [], offset: -1, limit: 10 }, /^offset: /],
    ['leads.query', { filter: { all: [{ field: 'password', op: 'is_any_of', values: ['x'] }] }, sort: [], offset: 0, limit: 10 }, /^filter\.all\.0/],
    ['leads.query', { filter: { all: [{ field: 'industry', op: 'gt', value: 3 }] }, sort: [], offset: 0, limit: 10 }, /That operator does not apply to that field\./],
    ['leads.query', { filter: { all: [{ field: 'industry', op: 'matches', values: ['x'] }] }, sort: [], offset: 0, limit: 10 }, /^filter\.all\.0/],
    ['leads.query', { filter: { all: [{ field: 'industry', op: 'is_any_of', values: [] }] }, sort: [], offset: 0, limit: 10 }, /^filter\.all\.0/],
    ['leads.query', { filter: { all: [] }, sort: [{ field: 'score', dir: 'up' }], offset: 0, limit: 10 }, /^sort\.0\.dir: /],
    ['leads.query', { filter: { all: [] }, sort: Array(4).fill({ field: 'score', dir: 'asc' }), offset: 0, limit: 10 }, /^sort: /],
    ['leads.query', { filter: { all: [] }, sort: [{ field: 'first_name; DROP TABLE leads', dir: 'asc' }], offset: 0, limit: 10 }, /^sort\.0\.field: /],
    ['leads.bulk', { target: { ids: [] }, action: { type: 'delete' } }, /^target/],
    ['leads.bulk', { target: { ids: [1] }, action: { type: 'explode' } }, /^action/],
    ['leads.bulk', { target: { ids: [1] }, action: { type: 'move', toStage: 'Won' } }, /^action\.toStage: /],
    ['filters.values', { field: 'nope' }, /^field: /],
    ['views.save', { name: '  ', filter: { all: [] }, columns: [{ key: 'name', width: null }], sort: [] }, /^name: Give the view a name\.$/],
    ['views.save', { name: 'X', filter: { all: [] }, columns: [], sort: [] }, /^columns: /],
    ['team.add', { name: 'A', email: null, role: 'ceo' }, /^role: /],
    ['scoring.save', { rules: [{ label: 'x', condition: { field: 'score', op: 'contains', text: '1' }, points: 5 }] }, /does not apply/],
    ['scoring.save', { rules: [{ label: 'x', condition: { field: 'score', op: 'gt', value: 1 }, points: 1.5 }] }, /points: /],
  ] as const)('%s %j → invalid_input', async (channel, input, message) => {
    expect(await expectInvalid(channel, input)).toMatch(message);
  });

  it('reports at most three problems, each with its field', async () => {
    const message = await expectInvalid('leads.create', {
      fields: { email: 'a', phone: 'b', currency: 'c', companyDomain: 'd', roleStartedOn: 'e' },
    });
    expect(message.split('; ')).toHaveLength(3);
    expect(message).toMatch(/^fields\.\w+: /);
  });

  it('never touches the store on invalid input', async () => {
    const lead = t.leads.create({ firstName: 'Keep' });
    const before = t.db.prepare('SELECT * FROM leads').all();
    await expectInvalid('leads.update', { id: lead.id, patch: { firstName: 'x'.repeat(500) } });
    await expectInvalid('leads.move', { leadId: lead.id, toStage: 'Consideration', beforeLeadId: null });
    await expectInvalid('leads.delete', { id: String(lead.id) });
    expect(t.db.prepare('SELECT * FROM leads').all()).toEqual(before);
    expect(countRows(t.db, 'stage_transitions')).toBe(1);
  });

  it('__proto__ payloads are invalid input and pollute nothing', async () => {
    // How such payloads really arrive: parsed from JSON (harness) or structured-cloned (Electron).
    await expectInvalid('leads.get', JSON.parse('{"__proto__": {"id": 1}}'));
    await expectInvalid('leads.move', JSON.parse('{"__proto__": {"leadId": 1, "toStage": "won", "beforeLeadId": null}}'));
    await expectInvalid('reasons.add', JSON.parse('{"kind": "lost", "__proto__": {"label": "Injected"}}'));
    await expectInvalid('board.cards', JSON.parse('{"__proto__": {"stageKey": "sql", "limit": 1, "after": null}}'));
    await expectInvalid('app.info', JSON.parse('{"__proto__": {"isAdmin": true}}'));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).label).toBeUndefined();
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it('__proto__ inside a patch is dropped, never merged into the lead or Object.prototype', async () => {
    const lead = t.leads.create({ firstName: 'Anna' }, 'awareness');
    const result = await call('leads.update', JSON.parse(`{"id": ${lead.id}, "patch": {"__proto__": {"email": "x@y.zz", "stageKey": "won"}}}`));
    expect(result.ok).toBe(true);
    expect(t.leads.get(lead.id).lead).toMatchObject({ email: null, stageKey: 'awareness' });
    const move = await call('leads.create', JSON.parse('{"fields": {"__proto__": {"email": "x@y.zz"}}, "stageKey": "mql"}'));
    expect(move).toEqual({ ok: false, error: { code: 'rule_violation', message: 'MQL needs contact info: an e-mail or a phone number.' } });
    expect(({} as Record<string, unknown>).email).toBeUndefined();
    expect(({} as Record<string, unknown>).stageKey).toBeUndefined();
  });
});

describe('errors from services', () => {
  it('DomainError codes pass through with their message', async () => {
    const lead = t.leads.create({});
    expect(await call('leads.get', { id: 999 })).toEqual({ ok: false, error: { code: 'not_found', message: 'Lead 999 does not exist.' } });
    expect(await call('leads.move', { leadId: lead.id, toStage: 'mql', beforeLeadId: null })).toEqual({
      ok: false,
      error: { code: 'rule_violation', message: 'MQL needs contact info: an e-mail or a phone number.' },
    });
    expect(await call('reasons.add', { kind: 'lost', label: 'price' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: '"price" is already in the list.' },
    });
    expect((await call('leads.move', { leadId: lead.id, toStage: 'awareness', beforeLeadId: lead.id })) as unknown).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('demo.load', undefined)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Demo data can only be loaded into an empty funnel.' } });
    // A DomainError with any code, from any service, is passed through untouched and not logged.
    vi.spyOn(t.services.catalog, 'members').mockImplementation(() => {
      throw new DomainError('forbidden', 'Not for you.');
    });
    expect(await call('team.list', undefined)).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not for you.' } });
    expect(t.logged).toEqual([]);
  });

  it('a plain Error becomes code internal and is logged through the injected log', async () => {
    const boom = new Error('disk I/O error');
    vi.spyOn(t.services.board, 'columns').mockImplementation(() => {
      throw boom;
    });
    const result = await answer('board.columns', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in board.columns: disk I/O error' } });
    expect(t.logged).toEqual([boom]);
  });

  it('a rejected promise and a thrown non-Error are caught too', async () => {
    vi.spyOn(t.services.catalog, 'reasons').mockImplementation((() => Promise.reject(new TypeError('async boom'))) as never);
    expect(await answer('reasons.list', undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in reasons.list: async boom' },
    });
    vi.spyOn(t.services.catalog, 'stages').mockImplementation(() => {
      throw 'a string';
    });
    expect(await answer('stages.list', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    vi.spyOn(t.services.catalog, 'members').mockImplementation(() => {
      throw undefined;
    });
    expect(await answer('team.list', undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in team.list: undefined' },
    });
    expect(t.logged).toHaveLength(3);
  });

  it('a real store failure (closed DB) is internal and logged, for every channel', async () => {
    const lead = leadIn(t, 'mql', FULL);
    t.close();
    const inputs: Partial<Record<Channel, unknown>> = {
      'leads.get': { id: lead.id },
      'board.cards': { stageKey: 'mql', limit: 5, after: null },
      'leads.move': { leadId: lead.id, toStage: 'sal', beforeLeadId: null },
    };
    for (const [channel, input] of Object.entries(inputs) as [Channel, unknown][]) {
      const result = await answer(channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'internal' } });
      if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^Something went wrong in ${channel.replace('.', '\\.')}: `));
    }
    expect(t.logged).toHaveLength(3);
  });

  it('logs with console.error when no log function is given', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers = createHandlerTable(t.services);
    vi.spyOn(t.services.catalog, 'info').mockImplementation(() => {
      throw new Error('nope');
    });
    expect(await handlers['app.info'](undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
