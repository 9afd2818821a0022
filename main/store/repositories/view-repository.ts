import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import type { SavedView, SortKey, ViewColumn } from '../../../shared/domain/views.ts';

interface ViewRow {
  id: number;
  name: string;
  filter: string;
  columns: string;
  sort: string;
  position: number;
}

export interface ViewDraft {
  name: string;
  filter: LeadFilter;
  columns: ViewColumn[];
  sort: SortKey[];
}

const COLUMNS = 'id, name, filter_json AS filter, columns_json AS columns, sort_json AS sort, position';

function toView(row: ViewRow): SavedView {
  return {
    ...row,
    filter: JSON.parse(row.filter) as LeadFilter,
    columns: JSON.parse(row.columns) as ViewColumn[],
    sort: JSON.parse(row.sort) as SortKey[],
  };
}

/** Saved views: a name, a filter, columns and sort, stored as JSON the channel schemas validated. */
export function createViewRepository(db: Database) {
  const all = db.prepare<[], ViewRow>(`SELECT ${COLUMNS} FROM saved_views ORDER BY position, id`);
  const byId = db.prepare<[number], ViewRow>(`SELECT ${COLUMNS} FROM saved_views WHERE id = ?`);
  const insert = db.prepare(`
    INSERT INTO saved_views (name, filter_json, columns_json, sort_json, position)
    VALUES (@name, @filter, @columns, @sort, (SELECT coalesce(max(position), -1) + 1 FROM saved_views))`);
  const update = db.prepare(`
    UPDATE saved_views SET name = @name, filter_json = @filter, columns_json = @columns, sort_json = @sort WHERE id = @id`);
  const remove = db.prepare('DELETE FROM saved_views WHERE id = ?');

  const json = (draft: ViewDraft) => ({
    name: draft.name,
    filter: JSON.stringify(draft.filter),
    columns: JSON.stringify(draft.columns),
    sort: JSON.stringify(draft.sort),
  });

  return {
    list(): SavedView[] {
      return all.all().map(toView);
    },
    get(id: number): SavedView | undefined {
      const row = byId.get(id);
      return row && toView(row);
    },
    insert(draft: ViewDraft): number {
      return Number(insert.run(json(draft)).lastInsertRowid);
    },
    update(id: number, draft: ViewDraft): boolean {
      return update.run({ ...json(draft), id }).changes > 0;
    },
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}

export type ViewRepository = ReturnType<typeof createViewRepository>;
