import type { WebPreferences } from 'electron';

/**
 * The renderer is plain web content: no Node, its own isolated world, Chromium's sandbox. The
 * only bridge to main is the preload's `window.voronka`.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/** Everything the renderer needs comes from its own files; nothing inline, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** Links the app may hand to the operating system (browser, mail client); never file:, javascript:, etc. */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && EXTERNAL_PROTOCOLS.has(url.protocol);
}

/**
 * True when `url` is the app's own page (`appUrl`, the file URL of the renderer's index.html),
 * ignoring query and hash. Used both for IPC senders and for navigation targets.
 */
export function isTrustedSenderUrl(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false;
  const actual = parseUrl(url);
  const expected = parseUrl(appUrl);
  if (actual === null || expected === null) return false;
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname &&
    actual.username === '' &&
    actual.password === ''
  );
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
