/** Where the loopback harness token is kept so that a reload keeps working. */
export const TOKEN_STORAGE_KEY = 'voronka-token';

export interface TokenEnvironment {
  /** The current URL hash, e.g. "#token=abc". */
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Drops the hash from the address bar without reloading. */
  clearHash: () => void;
}

/** Reads `token` from a "#token=..." hash (other hash parameters are ignored). */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.trim() ? token.trim() : null;
}

/**
 * The harness token: taken from the hash on first load (then stored and removed from the
 * address bar), else from session storage.
 */
export function resolveToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.hash);
  if (fromHash) {
    try {
      env.storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    env.clearHash();
    return fromHash;
  }
  try {
    return env.storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function browserTokenEnvironment(): TokenEnvironment {
  return {
    hash: window.location.hash,
    storage: window.sessionStorage,
    clearHash: () => {
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    },
  };
}
