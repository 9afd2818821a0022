import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { openDatabase } from '../store/open-database.ts';
import { createServices } from '../services/index.ts';
import { createHandlerTable } from '../ipc/handlers.ts';
import { createEventBus } from '../ipc/event-bus.ts';
import { EVENT_CHANNEL } from '../../shared/ipc/events.ts';
import { registerIpcHandlers } from '../ipc/register-ipc.ts';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isTrustedSenderUrl } from './security.ts';
import { appPaths, createMainWindow } from './window.ts';
import { electronFileChooser } from './file-chooser.ts';
import { settleWithin } from './settle-within.ts';

type Db = ReturnType<typeof openDatabase>;

/** The longest a quit waits for the workers (an import's batch, a report) before closing the database anyway. */
const SHUTDOWN_WAIT_MS = 5000;

/**
 * The Electron entry: one instance, one window, one database in the user-data folder.
 * Resolves once the app is up (or has given up with an error box and is quitting).
 */
export function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // Another Voronka already runs; it gets focused through its 'second-instance' event.
    app.quit();
    return Promise.resolve();
  }

  const paths = appPaths();
  let db: Db | null = null;
  let unregisterIpc: (() => void) | null = null;
  let stopWorkers: (() => Promise<void>) | null = null;
  let mainWindow: BrowserWindow | null = null;

  const showWindow = () => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(paths);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  // Registered before any window exists so that no web contents escapes the guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, paths.appUrl));
  app.on('second-instance', () => {
    if (db !== null) showWindow();
  });
  app.on('activate', () => {
    if (db !== null && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting waits for the workers to stop (an export or import ends at its next batch and records
  // it; a worker still starting does not open the file after it closed), then closes the database
  // and quits again. Not longer than SHUTDOWN_WAIT_MS: an import that does not get to say it stopped
  // is marked interrupted by the next start.
  let shutDown: 'no' | 'running' | 'done' = 'no';
  app.on('will-quit', (event) => {
    if (shutDown === 'done') return;
    event.preventDefault();
    if (shutDown === 'running') return;
    shutDown = 'running';
    unregisterIpc?.();
    unregisterIpc = null;
    const workersStopped = stopWorkers?.() ?? Promise.resolve();
    stopWorkers = null;
    void settleWithin(workersStopped, SHUTDOWN_WAIT_MS, 'Voronka: a worker did not stop cleanly:').then(() => {
      db?.close();
      db = null;
      shutDown = 'done';
      app.quit();
    });
  });

  return app
    .whenReady()
    .then(() => {
      lockDownSession();
      const dbPath = path.join(app.getPath('userData'), 'voronka.db');
      try {
        mkdirSync(path.dirname(dbPath), { recursive: true });
        db = openDatabase(dbPath);
        const events = createEventBus();
        // Progress of exports, imports and reports goes to every window (there is one).
        events.subscribe((event) => {
          for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event);
        });
        // CSV export and import ask where to save and what to open through the OS dialogs.
        const chooser = electronFileChooser(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null), () => app.getPath('downloads'));
        const services = createServices(db, { dbPath, version: app.getVersion(), events, chooser, checkpointInBackground: true, countInBackground: true });
        stopWorkers = services.stopWorkers;
        unregisterIpc = registerIpcHandlers(ipcMain, createHandlerTable(services), (event) =>
          isTrustedSenderUrl(event.senderFrame?.url, paths.appUrl),
        );
      } catch (error) {
        // Never delete, recreate or "repair" the file: the user's pipeline lives in it.
        db?.close();
        db = null;
        dialog.showErrorBox(
          'Voronka cannot open its database',
          `${errorMessage(error)}\n\nDatabase file: ${dbPath}\nThe file was left as it is.`,
        );
        app.quit();
        return;
      }
      showWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Voronka cannot start', errorMessage(error));
      app.quit();
    });
}

/** CSP on every response, and no permission (camera, notifications, geolocation…) is ever granted. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** No new windows, no webviews, no navigation away from the app page; web links go to the browser. */
function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isTrustedSenderUrl(event.url, appUrl)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedSenderUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`Voronka: cannot open ${url}:`, error);
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Started on load: this module is the bundle's entry (dist/main/main.cjs). */
export const started: Promise<void> = startApp();
