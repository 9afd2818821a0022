import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../shared/ipc/channels.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security.ts';

/**
 * main.ts is the real Electron entry: it starts itself on import. Each test gets a fresh fake
 * Electron (below) and re-imports the module; store, services and handlers are the real ones,
 * over a database in a temporary userData folder.
 */

type Listener = (...args: any[]) => any;

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  /** Emits a navigation-like event the way Electron 45 does: an event carrying the url, then the url. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string) {
    const event = { url, preventDefault: vi.fn() };
    this.emit(kind, event, url);
    return event;
  }
}

function makeElectron(opts: { lock: boolean; userData: string; appRoot: string }) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => opts.lock),
    /** Set once a quit was not prevented: the process would end. */
    quitted: false,
    /** As Electron's: 'will-quit', and the app ends unless a listener prevents it. */
    quit: vi.fn(() => {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          event.defaultPrevented = true;
        },
      };
      app.emit('will-quit', event);
      if (!event.defaultPrevented) app.quitted = true;
    }),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
      return opts.userData;
    }),
    getAppPath: vi.fn(() => opts.appRoot),
    getVersion: vi.fn(() => '9.8.7'),
  });
  vi.spyOn(app, 'on');

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = vi.fn(() => windows.filter((w) => !w.destroyed));
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    loadFile = vi.fn(async (_file: string) => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    isMinimized = vi.fn(() => this.minimized);
    isDestroyed = vi.fn(() => this.destroyed);
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
    readonly options: Record<string, any>;
    constructor(options: Record<string, any>) {
      super();
      this.options = options;
      windows.push(this);
      // Electron announces every new web contents on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const ipcListeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (ipcListeners.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcListeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcListeners.delete(channel);
    }),
  };

  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
    },
  };
  const shell = { openExternal: vi.fn(async (_url: string) => {}) };
  const dialog = { showErrorBox: vi.fn() };

  return { app, BrowserWindow: FakeBrowserWindow, windows, ipcMain, ipcListeners, session, shell, dialog };
}

const h = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof makeElectron> }));

vi.mock('electron', () => ({
  get app() {
    return h.current.app;
  },
  get BrowserWindow() {
    return h.current.BrowserWindow;
  },
  get ipcMain() {
    return h.current.ipcMain;
  },
  get session() {
    return h.current.session;
  },
  get shell() {
    return h.current.shell;
  },
  get dialog() {
    return h.current.dialog;
  },
}));

let tmp: string;
let userData: string;
let appRoot: string;
let appUrl: string;

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'voronka-main-'));
  userData = path.join(tmp, 'userData');
  appRoot = path.join(tmp, 'app');
  appUrl = pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'index.html')).href;
  vi.resetModules();
});

afterEach(async () => {
  // Run the app's own shutdown so the workers have stopped and the database is closed before the folder goes.
  const current = h.current;
  if (current) {
    current.app.quit();
    await vi.waitFor(() => expect(current.app.quitted).toBe(true));
  }
  rmSync(tmp, { recursive: true, force: true });
});

async function start(opts: { lock?: boolean } = {}) {
  h.current = makeElectron({ lock: opts.lock ?? true, userData, appRoot });
  const mod = await import('../../../main/electron/main.ts');
  await mod.started;
  return h.current;
}

describe('single instance', () => {
  it('asks for the lock and quits at once when another instance holds it', async () => {
    const e = await start({ lock: false });
    expect(e.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(e.app.quit).toHaveBeenCalledTimes(1);
    expect(e.app.whenReady).not.toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(e.ipcMain.handle).not.toHaveBeenCalled();
    expect(existsSync(path.join(userData, 'voronka.db'))).toBe(false);
  });

  it('brings the existing window back when a second instance starts', async () => {
    const e = await start();
    const [win] = e.windows;
    win!.minimized = true;
    e.app.emit('second-instance', {}, [], '/');
    expect(win!.restore).toHaveBeenCalled();
    expect(win!.focus).toHaveBeenCalled();
    expect(e.windows).toHaveLength(1);
  });
});

describe('startup', () => {
  it('creates the database in userData and serves every channel through the real handlers', async () => {
    const e = await start();
    const dbPath = path.join(userData, 'voronka.db');
    expect(existsSync(dbPath)).toBe(true);
    expect([...e.ipcListeners.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());

    const info = await e.ipcListeners.get(`${IPC_PREFIX}app.info`)!({ senderFrame: { url: `${appUrl}#/board` } }, undefined);
    expect(info).toMatchObject({ ok: true, value: { version: '9.8.7', dbPath } });
  });

  it('refuses IPC from any frame other than the app page', async () => {
    const e = await start();
    const listener = e.ipcListeners.get(`${IPC_PREFIX}app.info`)!;
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }]) {
      await expect(listener(event, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('opens one secure window on the built renderer', async () => {
    const e = await start();
    expect(e.windows).toHaveLength(1);
    const win = e.windows[0]!;
    expect(win.options).toMatchObject({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      title: 'Voronka',
      show: false,
      backgroundColor: '#f6f7f9',
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    });
    expect(win.options.webPreferences.preload).toBe(path.join(appRoot, 'dist', 'main', 'preload.cjs'));
    expect(win.loadFile).toHaveBeenCalledWith(path.join(appRoot, 'dist', 'renderer', 'index.html'));
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('sets the CSP header on responses, replacing any other', async () => {
    const e = await start();
    const listener = e.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as Listener;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] },
    });
  });

  it('denies every permission request', async () => {
    const e = await start();
    const handler = e.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as Listener;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      handler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
});

describe('web contents guards', () => {
  it('denies every new window and hands only web and mail links to the system', async () => {
    const e = await start();
    const open = e.windows[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://example.com/company' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:anna@example.com' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: appUrl })).toEqual({ action: 'deny' });
    expect(e.shell.openExternal.mock.calls).toEqual([['https://example.com/company'], ['mailto:anna@example.com']]);
    expect(e.windows).toHaveLength(1);
  });

  it('keeps navigation on the app page', async () => {
    const e = await start();
    const contents = e.windows[0]!.webContents;
    expect(contents.navigate('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(contents.navigate('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(contents.navigate('will-redirect', 'https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(contents.navigate('will-navigate', `${appUrl}#/leads/3`).preventDefault).not.toHaveBeenCalled();
    // A plain web link clicked in the page opens in the browser instead; a file never does.
    expect(e.shell.openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('refuses webviews', async () => {
    const e = await start();
    const event = { preventDefault: vi.fn() };
    e.windows[0]!.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('lifecycle', () => {
  it('quits when the last window closes (not on macOS): IPC goes at once, the workers stop, then the database closes and the app quits', async () => {
    const e = await start();
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    if (process.platform === 'darwin') e.app.quit();
    expect(e.ipcListeners.size).toBe(0);
    // The first quit waits for the workers; the second, once they stopped, goes through.
    expect(e.app.quitted).toBe(false);
    await vi.waitFor(() => expect(e.app.quitted).toBe(true));
    expect(e.app.quit).toHaveBeenCalledTimes(2);
    // The file is free again: another connection can take an exclusive lock.
    const db = new Database(path.join(userData, 'voronka.db'));
    expect(() => db.exec('BEGIN EXCLUSIVE; COMMIT;')).not.toThrow();
    db.close();
  });
});

describe('a database that cannot be opened', () => {
  it('shows the error, quits and leaves a damaged file untouched', async () => {
    mkdirSync(userData, { recursive: true });
    const dbPath = path.join(userData, 'voronka.db');
    const junk = Buffer.from('This is not an SQLite database, but it is the user file. '.repeat(40));
    writeFileSync(dbPath, junk);

    const e = await start();
    expect(e.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = e.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/database/i);
    expect(message).toContain(dbPath);
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(e.ipcMain.handle).not.toHaveBeenCalled();
    expect(readFileSync(dbPath).equals(junk)).toBe(true);
  });

  it('refuses a database from a newer Voronka with a clear message', async () => {
    mkdirSync(userData, { recursive: true });
    const dbPath = path.join(userData, 'voronka.db');
    const newer = new Database(dbPath);
    newer.pragma('user_version = 999');
    newer.close();
    const before = readFileSync(dbPath);

    const e = await start();
    expect(e.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(e.dialog.showErrorBox.mock.calls[0]![1]).toMatch(/newer version of Voronka/);
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});
