import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../main/harness/server.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import { startTestHarness } from '../../support/harness.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';

const tmp: TempDir = makeTempDir('voronka-harness-events-');
let harness: Harness;

beforeAll(async () => {
  ({ harness } = await startTestHarness(tmp, { dbName: 'events.db', indexHtml: '<!doctype html><title>Voronka</title>' }));
});

afterAll(async () => {
  await harness?.close();
  tmp.remove();
});

describe('harness event stream', () => {
  it('refuses a stream without the secret', async () => {
    const response = await fetch(`${harness.origin}/events`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('streams the bus events as server-sent events to a page holding the secret', async () => {
    const response = await fetch(`${harness.origin}/events?token=${encodeURIComponent(harness.token)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const event: AppEvent = { name: 'job.finished', payload: { jobId: 'j7', kind: 'export', status: 'done', message: null } };
    let text = '';
    // The first chunk is the connection comment; the event follows once emitted.
    text += new TextDecoder().decode((await reader.read()).value);
    harness.events.emit(event);
    while (!text.includes('\n\ndata: ') || !text.endsWith('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const data = text.split('\n').find((line) => line.startsWith('data: '))!;
    expect(JSON.parse(data.slice('data: '.length))).toEqual(event);
  });
});
