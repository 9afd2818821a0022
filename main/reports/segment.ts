import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { ReportSegment } from '../../shared/domain/reports.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { SliceColumn } from './day-totals.ts';
import { compileFilter, type FilterContext, type Sql, type SqlValue } from '../store/filter/compile-filter.ts';

/**
 * A segment as SQL. source, owner and persona are copied onto every derived report row, so they are
 * a plain comparison on the row (read from the report indexes); industry and saved views go through
 * the leads table as `lead_id IN (SELECT ...)`, a view with the same filter→SQL translation as the
 * table and the board.
 */
export interface SegmentSql {
  /** A condition on a derived report row (alias `x`): x.source, x.owner_id, x.persona, x.lead_id. */
  onRow(alias: string): Sql;
  /** A condition on a leads row (alias `l`). */
  onLead(alias: string): Sql;
  /**
   * The slice of the per-day totals that holds this segment; null when they have none (industry,
   * views). Everyone ('') and one owner are also what lead_totals splits by (figures/open-deals.ts).
   */
  slice: { column: SliceColumn; value: SqlValue } | null;
}

const EVERYONE: SegmentSql = { onRow: () => ({ sql: '1', params: [] }), onLead: () => ({ sql: '1', params: [] }), slice: { column: '', value: null } };

export function resolveSegment(db: Database, segment: ReportSegment | null, context: FilterContext): SegmentSql {
  if (segment === null) return EVERYONE;
  switch (segment.kind) {
    case 'source':
    case 'persona':
      return byColumn(segment.kind, segment.kind, segment.value);
    case 'owner':
      return byColumn('owner', 'owner_id', segment.ownerId);
    case 'industry': {
      // Industry belongs to the company (shared by its leads), so it is read where it lives.
      const leads: Sql =
        segment.value === null
          ? { sql: 'SELECT l.id FROM leads l LEFT JOIN companies c ON c.id = l.company_id WHERE c.industry IS NULL', params: [] }
          : { sql: 'SELECT l.id FROM leads l WHERE l.company_id IN (SELECT c.id FROM companies c WHERE c.industry = ?)', params: [segment.value] };
      return byLeads(leads);
    }
    case 'view': {
      const row = db.prepare<[number], { filter: string }>('SELECT filter_json AS filter FROM saved_views WHERE id = ?').get(segment.viewId);
      if (!row) throw new DomainError('not_found', `There is no saved view ${segment.viewId}.`);
      const where = compileFilter(JSON.parse(row.filter) as LeadFilter, context);
      return byLeads({ sql: `SELECT l.id FROM leads l WHERE l.deleted_at IS NULL AND (${where.sql})`, params: where.params });
    }
  }
}

function byColumn(slice: Exclude<SliceColumn, ''>, column: string, value: SqlValue): SegmentSql {
  // IS compares null too: "no source" is a segment of its own. The derived rows and leads name the column alike.
  return {
    onRow: (alias) => ({ sql: `${alias}.${column} IS ?`, params: [value] }),
    onLead: (alias) => ({ sql: `${alias}.${column} IS ?`, params: [value] }),
    slice: { column: slice, value },
  };
}

function byLeads(leads: Sql): SegmentSql {
  return {
    onRow: (alias) => ({ sql: `${alias}.lead_id IN (${leads.sql})`, params: leads.params }),
    onLead: (alias) => ({ sql: `${alias}.id IN (${leads.sql})`, params: leads.params }),
    slice: null,
  };
}
