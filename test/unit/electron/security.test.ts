import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isTrustedSenderUrl,
  secureWebPreferences,
} from '../../../main/electron/security.ts';

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/deal?id=1', 'http://intranet.local/crm', 'mailto:anna@example.com'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://server/share',
    'ftp://example.com/file',
    'not a url',
    '//example.com/no-scheme',
    '',
    'https://',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  const appUrl = 'file:///opt/Voronka%20App/resources/app.asar/dist/renderer/index.html';

  it('accepts the app page itself, with or without hash and query', () => {
    expect(isTrustedSenderUrl(appUrl, appUrl)).toBe(true);
    expect(isTrustedSenderUrl(`${appUrl}#/board`, appUrl)).toBe(true);
    expect(isTrustedSenderUrl(`${appUrl}?lead=4#x`, appUrl)).toBe(true);
    // The same path written differently by the sender still parses to the same URL.
    expect(isTrustedSenderUrl('file:///opt/Voronka App/resources/app.asar/dist/renderer/index.html', appUrl)).toBe(true);
  });

  it.each([
    ['another file next to it', 'file:///opt/Voronka%20App/resources/app.asar/dist/renderer/other.html'],
    ['a file elsewhere', 'file:///tmp/index.html'],
    ['a web page', 'https://evil.example/opt/Voronka%20App/resources/app.asar/dist/renderer/index.html'],
    ['a file on a network host', 'file://evil-host/opt/Voronka%20App/resources/app.asar/dist/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['an empty url', ''],
    ['garbage', 'not a url'],
  ])('rejects %s', (_label, url) => {
    expect(isTrustedSenderUrl(url, appUrl)).toBe(false);
  });

  it('rejects a missing url', () => {
    expect(isTrustedSenderUrl(undefined, appUrl)).toBe(false);
    expect(isTrustedSenderUrl(null, appUrl)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('allows no inline or eval-ed code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('denies by default and allows only the app own files', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(secureWebPreferences('/app/dist/main/preload.cjs')).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });
});
