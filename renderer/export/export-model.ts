import { ALL_FIELDS_HEADERS, type ExportDelimiter, type ExportScope } from '../../shared/domain/csv-transfer.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import { attribute } from '../../shared/domain/lead-attributes.ts';
import type { SortKey, ViewColumn } from '../../shared/domain/views.ts';
import { queryFilter } from '../filters/filter-ops.ts';

/** Where the export dialog was opened: the board or table as shown, or a saved view of the sidebar. */
export type ExportSource = { kind: 'workspace' } | { kind: 'view'; viewId: number; viewName: string; count: number };

/** What the seller picked in the dialog. */
export type ExportChoice = 'shown' | 'all';

export interface ExportPrefs {
  delimiter: ExportDelimiter;
  bom: boolean;
}

export const DEFAULT_PREFS: ExportPrefs = { delimiter: ',', bom: true };
const PREFS_KEY = 'voronka-export-prefs';

/** The delimiter and BOM chosen last time: a seller whose Excel wants semicolons wants them every time. */
export function readPrefs(storage: Pick<Storage, 'getItem'> | undefined): ExportPrefs {
  try {
    const raw = storage?.getItem(PREFS_KEY);
    if (!raw) return DEFAULT_PREFS;
    const parsed = JSON.parse(raw) as Partial<ExportPrefs>;
    return {
      delimiter: parsed.delimiter === ';' ? ';' : ',',
      bom: typeof parsed.bom === 'boolean' ? parsed.bom : true,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: ExportPrefs): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage can be disabled: the choice still holds for this export.
  }
}

export interface WorkspaceShown {
  filter: LeadFilter;
  search: string;
  columns: ViewColumn[];
  sort: SortKey[];
}

/** The scope `export.start` is asked for. */
export function exportScope(source: ExportSource, choice: ExportChoice, shown: WorkspaceShown): ExportScope {
  if (choice === 'all') return { kind: 'all' };
  if (source.kind === 'view') return { kind: 'view', viewId: source.viewId };
  return { kind: 'table', filter: queryFilter(shown.filter, shown.search), columns: shown.columns.map((c) => c.key), sort: shown.sort };
}

/** "Name, E-mail, Company and 6 more". */
export function describeColumns(columns: readonly ViewColumn[], shownNames = 3): string {
  const labels = columns.map((c) => attribute(c.key).label);
  if (labels.length <= shownNames + 1) return labels.join(', ');
  return `${labels.slice(0, shownNames).join(', ')} and ${labels.length - shownNames} more`;
}

export const ALL_FIELDS_COUNT = ALL_FIELDS_HEADERS.length;
