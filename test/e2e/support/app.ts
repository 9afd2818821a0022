import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readCall } from '../../../main/harness/ipc-socket.ts';
import { startHarness, type Harness } from '../../../main/harness/server.ts';
import type { Channel } from '../../../shared/ipc/channels.ts';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/ipc/result.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2EApp {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  dbPath: string;
  /** Console errors and CSP violations seen by the page; a test can assert there are none. */
  pageErrors: string[];
  /** Calls a channel straight on the harness, as the renderer does. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Same as `call`, throwing unless the result is ok. */
  must<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /**
   * The page gets `result` instead of main's answer to `channel` (as when main refuses a move);
   * reloads the page, so that its IPC socket goes through the route. Returns what lets the channel
   * through to main again.
   */
  answerInstead<C extends Channel>(channel: C, result: Result<ChannelOutput<C>>): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * Builds the current renderer into a folder of this run (so parallel test files never share or
 * race on dist/), so the tests always exercise the sources as they are.
 */
function buildRenderer(outDir: string): void {
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** A real harness on a temp DB file, the renderer built from source, and Chromium on it. */
export async function startApp(options: { viewport?: { width: number; height: number } } = {}): Promise<E2EApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'voronka-e2e-'));
  const dbPath = path.join(dir, 'voronka.db');
  const rendererDir = path.join(dir, 'renderer');
  buildRenderer(rendererDir);
  const harness = await startHarness({ dbPath, rendererDir, version: 'e2e' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    const response = await fetch(`${harness.origin}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voronka-token': harness.token },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as Result<ChannelOutput<C>>;
  }

  return {
    harness,
    browser,
    context,
    page,
    dir,
    dbPath,
    pageErrors,
    call,
    async must(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async answerInstead(channel, result) {
      let replacing = true;
      await page.routeWebSocket(/\/ipc\?/, (socket) => {
        const server = socket.connectToServer();
        socket.onMessage((message) => {
          const call = typeof message === 'string' ? readCall(message) : null;
          if (replacing && call?.channel === channel) socket.send(JSON.stringify({ id: call.id, result }));
          else server.send(message);
        });
      });
      await page.reload();
      return () => {
        replacing = false;
      };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
