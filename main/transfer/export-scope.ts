import type { ExportScope } from '../../shared/domain/csv-transfer.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import { allFieldsExportSelect, tableExportSelect, type ExportSelect } from '../export/export-sql.ts';
import type { ServiceContext } from '../services/context.ts';
import type { FilterContext } from '../store/filter/compile-filter.ts';

/** What an export scope selects: the table as shown, a saved view as saved, or every field of every lead. */
export function exportSelect(ctx: ServiceContext, scope: ExportScope, context: FilterContext): ExportSelect {
  switch (scope.kind) {
    case 'all':
      return allFieldsExportSelect(scope.filter, context);
    case 'table':
      return tableExportSelect(scope.filter, scope.columns, scope.sort, context);
    case 'view': {
      const view = ctx.views.get(scope.viewId);
      if (!view) throw new DomainError('not_found', `View ${scope.viewId} does not exist.`);
      return tableExportSelect(view.filter, view.columns.map((column) => column.key), view.sort, context);
    }
  }
}

/** "leads-2026-03-02.csv", "my-open-leads-2026-03-02.csv": safe on every file system. */
export function exportFileName(ctx: ServiceContext, scope: ExportScope, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const name = scope.kind === 'view' ? (ctx.views.get(scope.viewId)?.name ?? 'view') : scope.kind === 'all' ? 'all-leads' : 'leads';
  const safe = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${safe || 'leads'}-${day}.csv`;
}
