import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import { LEAD_ATTRIBUTES, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { alignsRight, defaultWidth, leadValue, sortsDescFirst } from './cell-format.ts';

/**
 * The table's react-table features: sorting (done in SQL: manualSorting), column order, visibility
 * and sizes (all three from the view's columns), resizing, and row selection state.
 */
export const features = tableFeatures({
  rowSortingFeature,
  columnOrderingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSelectionFeature,
  columnMeta: {} as { field: AttributeKey | null; alignRight: boolean },
});

export type LeadColumnDef = ColumnDef<typeof features, Lead, unknown>;

const helper = createColumnHelper<typeof features, Lead>();

export const SELECT_COLUMN = 'select';
export const SELECT_WIDTH = 40;

/** One column per attribute of the catalog, plus the checkbox column. Cells are rendered by the row. */
export const COLUMNS: LeadColumnDef[] = [
  helper.display({
    id: SELECT_COLUMN,
    header: 'Select',
    size: SELECT_WIDTH,
    minSize: SELECT_WIDTH,
    maxSize: SELECT_WIDTH,
    enableSorting: false,
    enableResizing: false,
    enableHiding: false,
    meta: { field: null, alignRight: false },
  }) as LeadColumnDef,
  ...LEAD_ATTRIBUTES.map(
    (a) =>
      helper.accessor((lead: Lead) => leadValue(lead, a.key), {
        id: a.key,
        header: a.label,
        size: defaultWidth(a.key),
        minSize: 60,
        maxSize: 800,
        sortDescFirst: sortsDescFirst(a.key),
        meta: { field: a.key, alignRight: alignsRight(a.key) },
      }) as LeadColumnDef,
  ),
];
