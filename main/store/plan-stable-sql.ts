import type { Database } from 'better-sqlite3';

/**
 * Bound parameters the query planner cannot look into, so that a statement is compiled once.
 *
 * SQLite lets a plan depend on the value bound to a parameter in a few places: the truth estimate
 * of `column = ?` (is the value 0 or 1?), a bound LIMIT, a LIKE pattern, STAT4 samples. Each time
 * it marks the statement to be compiled again when that parameter gets a new value, and
 * better-sqlite3 clears every statement's bindings after each run, which expires any so-marked
 * statement outright. So most of our statements were compiled again on every call: reading one
 * lead by id took 170 µs instead of 7, finding the card above a drop 50 µs instead of 2, and a
 * card move paid that four or five times.
 *
 * Unary plus fixes it without changing a result: `+?` is the same value as `?`, with no affinity
 * and no collation either, and an index or a rowid still serves `column = +?`; but the planner
 * sees an expression, not a parameter whose value it could read. Plans then never depend on bound
 * values, which the app's databases (never analyzed) barely allowed anyway.
 */

/**
 * Either text that is never SQL code (a quoted string or identifier, a comment: group 1, kept), or
 * a bound parameter (`?`, `?NNN`, `@name`, `:name`, `$name`; not a `$` inside a name: group 2).
 */
const TOKEN = /('(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|(\?\d*|(?<![\w$])[@:$][A-Za-z_]\w*)/g;

/** `sql` with each bound parameter written `+?` (`+@name`...), quoted text and comments left alone. */
export function hideParametersFromPlanner(sql: string): string {
  return sql.replace(TOKEN, (token, notCode: string | undefined) => (notCode === undefined ? `+${token}` : token));
}

/** Makes every statement this connection prepares from now on hide its parameters from the planner. */
export function preparePlanStable(db: Database): Database {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => prepare(hideParametersFromPlanner(source))) as Database['prepare'];
  return db;
}
