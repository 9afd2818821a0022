import type { SavedView, SavedViewWithCount } from '../../shared/domain/views.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { FilterCounter } from '../store/filter-counter.ts';
import type { ViewDraft } from '../store/repositories/view-repository.ts';
import type { ServiceContext } from './context.ts';

/** Saved views: named filters with their columns and sort, listed with live counts. */
export function createViewService({ db, views, filterContext }: ServiceContext, counter: FilterCounter) {
  /** Names are unique regardless of case (Cyrillic too: NOCASE folds ASCII only). */
  function refuseTakenName(name: string, exceptId: number | null): void {
    const folded = name.toLowerCase();
    if (views.list().some((view) => view.id !== exceptId && view.name.toLowerCase() === folded)) {
      throw new DomainError('conflict', `There is already a view named "${name}".`);
    }
  }

  return {
    /** Each view with the number of live leads it shows now ("me" and dates resolved at this moment). */
    async list(): Promise<SavedViewWithCount[]> {
      const list = views.list();
      const counts = await counter.count(list.map((view) => view.filter), filterContext());
      return list.map((view, index) => ({ ...view, count: counts[index]! }));
    },

    /** Creates a view, or with an id renames and updates it. */
    save(draft: ViewDraft & { id?: number }): SavedView {
      return db.transaction(() => {
        const id = draft.id ?? null;
        if (id !== null && !views.get(id)) throw new DomainError('not_found', `View ${id} does not exist.`);
        refuseTakenName(draft.name, id);
        const clean: ViewDraft = { name: draft.name, filter: draft.filter, columns: draft.columns, sort: draft.sort };
        if (id === null) return views.get(views.insert(clean))!;
        views.update(id, clean);
        return views.get(id)!;
      })();
    },

    remove(id: number): { id: number } {
      if (!views.remove(id)) throw new DomainError('not_found', `View ${id} does not exist.`);
      return { id };
    },
  };
}

export type ViewService = ReturnType<typeof createViewService>;
