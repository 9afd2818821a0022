import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { secureWebPreferences } from './security.ts';

/**
 * Where the built files live. `app.getAppPath()` is the folder (or app.asar) holding
 * package.json, both for `electron .` and for the packaged app; the bundles sit in dist/.
 */
export function appPaths(): { indexHtml: string; preload: string; appUrl: string } {
  const root = app.getAppPath();
  const indexHtml = path.join(root, 'dist', 'renderer', 'index.html');
  return {
    indexHtml,
    preload: path.join(root, 'dist', 'main', 'preload.cjs'),
    appUrl: pathToFileURL(indexHtml).href,
  };
}

/** The one app window, shown once its first paint is ready so it never flashes white or empty. */
export function createMainWindow(paths: { indexHtml: string; preload: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Voronka',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.indexHtml).catch((error: unknown) => {
    // Typically a missing renderer build. Say so instead of leaving an invisible window behind.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Voronka cannot show its window', `${message}\n\nExpected the app page at ${paths.indexHtml}.`);
    if (!window.isDestroyed()) window.destroy();
  });
  return window;
}
