import type { Database } from 'better-sqlite3';
import type { AttributeKey } from '../../../shared/domain/lead-attributes.ts';
import { fieldSql } from '../filter/fields.ts';
import { createStatementCache } from '../statement-cache.ts';

const LIVE_COMPANY = 'EXISTS (SELECT 1 FROM leads WHERE company_id = c.id AND deleted_at IS NULL)';

/**
 * The distinct values in use for a pick-list: of live leads, or of companies that still have a
 * live lead. A prefix matches case-insensitively, Cyrillic included (fold_case).
 */
export function createValuesRepository(db: Database) {
  const statement = createStatementCache(db, 64);

  /** DISTINCT first (an index scan), then the prefix test on the few distinct values. */
  function sqlFor(key: AttributeKey, withPrefix: boolean): string {
    const field = fieldSql(key);
    let distinct: string;
    if (field.type === 'set' && field.source === 'tags') {
      distinct = 'SELECT DISTINCT t.tag AS v FROM lead_tags t JOIN leads l ON l.id = t.lead_id WHERE l.deleted_at IS NULL';
    } else if (field.type === 'set') {
      distinct = `SELECT DISTINCT a.value AS v FROM company_attributes a JOIN companies c ON c.id = a.company_id
        WHERE a.kind = '${field.kind}' AND ${LIVE_COMPANY}`;
    } else if (field.expr.startsWith('c.')) {
      distinct = `SELECT DISTINCT ${field.expr} AS v FROM companies c WHERE ${LIVE_COMPANY}`;
    } else {
      distinct = `SELECT DISTINCT ${field.expr} AS v FROM leads l WHERE l.deleted_at IS NULL`;
    }
    const prefix = withPrefix ? ' AND substr(fold_case(v), 1, ?) = ?' : '';
    // MATERIALIZED: otherwise SQLite pushes the prefix test down and folds every row, not every value.
    return `WITH d AS MATERIALIZED (${distinct})
      SELECT v FROM d WHERE v IS NOT NULL AND v <> ''${prefix} ORDER BY v COLLATE NOCASE, v LIMIT ?`;
  }

  return {
    inUse(key: AttributeKey, prefix: string | undefined, limit: number): string[] {
      const folded = prefix?.toLowerCase() ?? '';
      const params = folded ? [[...folded].length, folded, limit] : [limit];
      return statement(sqlFor(key, folded !== '')).pluck().all(...params) as string[];
    },
  };
}

export type ValuesRepository = ReturnType<typeof createValuesRepository>;
