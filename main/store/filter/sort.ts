import { attribute } from '../../../shared/domain/lead-attributes.ts';
import type { SortKey } from '../../../shared/domain/views.ts';
import { companyValueSql, fieldSql, setValuesSql } from './fields.ts';

const DIRECTIONS = { asc: 'ASC', desc: 'DESC' } as const;
const TEXT_KINDS = new Set(['text', 'choice']);

/**
 * ORDER BY for the table: up to three keys from the fixed field table, empty values last in both
 * directions, and the lead id as the final tie-break (in the last key's direction, so an index on
 * a NOT NULL column such as score serves the whole order) so that OFFSET paging never repeats or
 * skips a row. Without keys, newest leads first.
 */
export function orderBy(sort: readonly SortKey[]): string {
  if (sort.length === 0) return 'ORDER BY l.created_at DESC, l.id DESC';
  const keys = sort.slice(0, 3);
  const terms = keys.map((key) => {
    const field = fieldSql(key.field);
    const direction = DIRECTIONS[key.dir];
    if (!direction) throw new Error(`Unknown sort direction "${String(key.dir)}".`);
    if (field.type === 'set') return `${setValuesSql(field)} COLLATE NOCASE ${direction} NULLS LAST`;
    if (field.notNull) return `${field.sortExpr ?? field.expr} ${direction}`;
    if (field.sortExpr) return `${field.sortExpr} ${direction} NULLS LAST`;
    const value = field.expr.startsWith('c.') ? companyValueSql(field.expr) : field.expr;
    // The name form matches the leads_name expression index, so sorting by name reads that index.
    const expr = TEXT_KINDS.has(attribute(key.field).kind) ? `nullif(${value}, '') COLLATE NOCASE` : value;
    return `${expr} ${direction} NULLS LAST`;
  });
  return `ORDER BY ${terms.join(', ')}, l.id ${DIRECTIONS[keys[keys.length - 1]!.dir]}`;
}
