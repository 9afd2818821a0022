import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements for SQL built from a filter's shape. The text never holds a value (values are
 * parameters), so a handful of shapes cover a session; the least recently used ones are dropped.
 */
export function createStatementCache(db: Database, capacity = 200) {
  const cache = new Map<string, Statement>();
  return function statement(sql: string): Statement {
    let found = cache.get(sql);
    if (found) {
      cache.delete(sql);
    } else {
      found = db.prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, found);
    return found;
  };
}
