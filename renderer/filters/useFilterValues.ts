import { useEffect, useState } from 'react';
import { api } from '../api/index.ts';
import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';

const cache = new Map<string, string[]>();
const DEBOUNCE_MS = 150;

/** Forget the cached pick-lists (after leads changed). */
export function clearFilterValuesCache(): void {
  cache.clear();
}

/**
 * The values in use for a choice or set field (`filters.values`), narrowed by what is typed.
 * Debounced; answers are cached per field and prefix.
 */
export function useFilterValues(field: AttributeKey, prefix: string, enabled: boolean) {
  const key = `${field}\u0000${prefix.trim().toLowerCase()}`;
  const [state, setState] = useState<{ key: string; values: string[]; error: string | null }>(() => ({
    key,
    values: cache.get(key) ?? [],
    error: null,
  }));

  useEffect(() => {
    if (!enabled) return;
    const cached = cache.get(key);
    if (cached) {
      setState({ key, values: cached, error: null });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const typed = prefix.trim();
      void api['filters.values']({ field, ...(typed ? { prefix: typed } : {}) }).then((result) => {
        if (!live) return;
        if (result.ok) {
          cache.set(key, result.value);
          setState({ key, values: result.value, error: null });
        } else {
          setState({ key, values: [], error: result.error.message });
        }
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, field, prefix, enabled]);

  const current = state.key === key;
  return { values: current ? state.values : (cache.get(key) ?? []), loading: enabled && !current && !cache.has(key), error: current ? state.error : null };
}
