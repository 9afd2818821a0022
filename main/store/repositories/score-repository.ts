import type { Database } from 'better-sqlite3';
import type { FilterCondition } from '../../../shared/domain/filter.ts';
import type { ScoreRule } from '../../../shared/domain/views.ts';
import { compileCondition, type FilterContext, type SqlValue } from '../filter/compile-filter.ts';
import { createStatementCache } from '../statement-cache.ts';

/** Which leads to rescore. Company changes rescore every lead of the company. */
export type ScoreScope = { all: true } | { leadIds: readonly number[] } | { companyId: number } | { idRange: [number, number] };

export interface RuleDraft {
  label: string;
  condition: FilterCondition;
  points: number;
}

interface RuleRow {
  id: number;
  label: string;
  condition: string;
  points: number;
}

const FROM = 'FROM leads l';

/**
 * Score rules and the SQL that applies them. A rule's condition goes through the same filter→SQL
 * translation as the table's filters, so a rule matches exactly the leads the filter would list.
 */
export function createScoreRepository(db: Database) {
  const statement = createStatementCache(db, 32);
  const all = db.prepare<[], RuleRow>('SELECT id, label, condition_json AS condition, points FROM score_rules ORDER BY position, id');
  const clear = db.prepare('DELETE FROM score_rules');
  const insert = db.prepare('INSERT INTO score_rules (label, condition_json, points, position) VALUES (?, ?, ?, ?)');
  const setScore = db.prepare('UPDATE leads SET score = ? WHERE id = ?');
  // Two subqueries: SQLite reads a lone min() or max() off the rowid's ends, but min and max in one
  // SELECT scan the table (10 ms at 100,000 leads, on main as the app opens).
  const idBounds = db.prepare<[], { low: number | null; high: number | null }>('SELECT (SELECT min(id) FROM leads) AS low, (SELECT max(id) FROM leads) AS high');

  function rules(): ScoreRule[] {
    return all.all().map((row) => ({ ...row, condition: JSON.parse(row.condition) as FilterCondition }));
  }

  /** The sum of the points of matched rules, as one SQL expression over `l` and `c`. */
  function scoreExpression(list: ScoreRule[], context: FilterContext): { sql: string; params: SqlValue[] } {
    const parts = list.map((rule) => compileCondition(rule.condition, context));
    return {
      sql: parts.length === 0 ? '0' : parts.map((part) => `(CASE WHEN (${part.sql}) THEN ? ELSE 0 END)`).join(' + '),
      params: parts.flatMap((part, index) => [...part.params, list[index]!.points]),
    };
  }

  function scopeSql(scope: ScoreScope): { sql: string; params: SqlValue[] } {
    if ('all' in scope) return { sql: '1 = 1', params: [] };
    if ('companyId' in scope) return { sql: 'l.company_id = ?', params: [scope.companyId] };
    if ('idRange' in scope) return { sql: 'l.id BETWEEN ? AND ?', params: scope.idRange };
    return { sql: 'l.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(scope.leadIds)] };
  }

  return {
    rules,
    replaceRules(drafts: readonly RuleDraft[]): void {
      clear.run();
      drafts.forEach((rule, index) => insert.run(rule.label, JSON.stringify(rule.condition), rule.points, index));
    },
    /**
     * Recomputes leads.score in one statement; only rows whose score changes are written (no WAL
     * churn when the app opens a DB whose scores are current). Returns how many changed.
     */
    rescore(scope: ScoreScope, context: FilterContext): number {
      const few = 'leadIds' in scope;
      const score = scoreExpression(rules(), few ? { ...context, perLead: true } : context);
      const where = scopeSql(scope);
      if (few) {
        // A few leads (a move, an edit): read the scores, write the ones that changed. One UPDATE
        // ... FROM would evaluate every rule's company subquery twice (for SET and for WHERE).
        const scored = statement(`SELECT l.id, ${score.sql} AS score, l.score AS stored ${FROM} WHERE ${where.sql}`)
          .all(...score.params, ...where.params) as { id: number; score: number; stored: number }[];
        const changed = scored.filter((row) => row.score !== row.stored);
        for (const row of changed) setScore.run(row.score, row.id);
        return changed.length;
      }
      return statement(`
        UPDATE leads SET score = s.score
        FROM (SELECT l.id, ${score.sql} AS score ${FROM} WHERE ${where.sql}) AS s
        WHERE leads.id = s.id AND leads.score <> s.score`).run(...score.params, ...where.params).changes;
    },
    /** The smallest and largest lead id, to cut "every lead" into slices; null for an empty table. */
    idBounds(): [number, number] | null {
      const { low, high } = idBounds.get()!;
      return low === null || high === null ? null : [low, high];
    },
    /** Whether each rule matches the lead, in rule order. */
    matches(leadId: number, context: FilterContext): { rule: ScoreRule; matched: boolean }[] {
      const list = rules();
      if (list.length === 0) return [];
      const parts = list.map((rule) => compileCondition(rule.condition, context));
      const row = statement(`SELECT ${parts.map((part) => `(CASE WHEN (${part.sql}) THEN 1 ELSE 0 END)`).join(', ')} ${FROM} WHERE l.id = ?`)
        .raw()
        .get(...parts.flatMap((part) => part.params), leadId) as number[] | undefined;
      return list.map((rule, index) => ({ rule, matched: row?.[index] === 1 }));
    },
  };
}

export type ScoreRepository = ReturnType<typeof createScoreRepository>;
