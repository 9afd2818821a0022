import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/open-database.ts';
import { hideParametersFromPlanner, preparePlanStable } from '../../../main/store/plan-stable-sql.ts';

describe('hideParametersFromPlanner', () => {
  it('writes every kind of bound parameter behind a unary plus', () => {
    expect(hideParametersFromPlanner('SELECT * FROM t WHERE a = ? AND b = ?2 AND c = @c AND d = :d AND e = $e LIMIT ?')).toBe(
      'SELECT * FROM t WHERE a = +? AND b = +?2 AND c = +@c AND d = +:d AND e = +$e LIMIT +?',
    );
    expect(hideParametersFromPlanner('INSERT INTO t VALUES (?,?) ')).toBe('INSERT INTO t VALUES (+?,+?) ');
    expect(hideParametersFromPlanner('SELECT value FROM json_each(?)')).toBe('SELECT value FROM json_each(+?)');
  });

  it('leaves quoted text, quoted names, comments and names with a dollar alone', () => {
    const untouched = [
      "SELECT 'why? @not :here $x' AS s",
      "SELECT 'it''s ?' AS s",
      'SELECT "odd?name", [b?], `c?` FROM t',
      'SELECT 1 -- a comment? @x\n',
      'SELECT 1 /* why? :x */',
      "SELECT json_extract(doc, '$.a') FROM t",
      'SELECT a$b FROM t',
    ];
    for (const sql of untouched) expect(hideParametersFromPlanner(sql)).toBe(sql);
    expect(hideParametersFromPlanner("SELECT 'a?' || ? -- ?\n, ?")).toBe("SELECT 'a?' || +? -- ?\n, +?");
  });
});

describe('a connection preparing plan-stable statements', () => {
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  function tables(db: Database.Database): Database.Database {
    open.push(db);
    db.exec(`
      CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT COLLATE NOCASE, r REAL);
      CREATE INDEX t_n ON t (n, id);
      CREATE INDEX t_s ON t (s);
      INSERT INTO t (n, s, r) VALUES (0, 'Awareness', 1.5), (1, 'awareness', 2), (1, 'Won', 2.0), (2, '1', NULL), (10, '10', 10);`);
    return db;
  }

  it('gets the same rows as plain parameters, whatever the bound types', () => {
    const plain = tables(new Database(':memory:'));
    const stable = tables(preparePlanStable(new Database(':memory:')));
    const queries: [string, unknown[]][] = [
      ['SELECT id FROM t WHERE n = ? ORDER BY id', [1]],
      ['SELECT id FROM t WHERE n = ? ORDER BY id', ['1']],
      ['SELECT id FROM t WHERE s = ? ORDER BY id', ['AWARENESS']],
      ['SELECT id FROM t WHERE s = ? ORDER BY id', [1]],
      ['SELECT id FROM t WHERE r = ? ORDER BY id', [2]],
      ['SELECT id FROM t WHERE s LIKE ? ORDER BY id', ['%a%']],
      ['SELECT id FROM t WHERE n > ? ORDER BY n DESC, id LIMIT ? OFFSET ?', [0, 2, 1]],
      ['SELECT id FROM t WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id', ['[1,3,9]']],
      ['SELECT id FROM t WHERE n = @n AND s = @s', [{ n: 1, s: 'won' }]],
    ];
    for (const [sql, params] of queries) expect(stable.prepare(sql).all(...params), sql).toEqual(plain.prepare(sql).all(...params));
  });

  it('keeps using the rowid and the indexes', () => {
    const db = tables(preparePlanStable(new Database(':memory:')));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan('SELECT * FROM t a JOIN t b ON b.id = a.n WHERE a.id = ?')).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan('SELECT id FROM t WHERE n = ? ORDER BY id DESC LIMIT 1')).toContain('USING COVERING INDEX t_n (n=?)');
  });

  it('is how the app opens its databases', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    expect(db.prepare('SELECT id FROM leads WHERE id = ?').source).toBe('SELECT id FROM leads WHERE id = +?');
  });
});
