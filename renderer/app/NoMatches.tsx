import { clearFilter } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';

/** The filter or the search leaves no lead. */
export function NoMatches() {
  const search = useWorkspace((s) => s.search);
  const onlySearch = useWorkspace((s) => s.filter.all.length === 0 && s.search !== '');
  return (
    <div className="empty-board" data-testid="no-matches">
      <div className="empty-card">
        <h2>{onlySearch ? `No leads match “${search}”` : 'No leads match these filters'}</h2>
        <p>
          {onlySearch
            ? 'Check the spelling, or search for part of a name, an e-mail, a company or a domain.'
            : 'Loosen a condition in the filter bar, or clear the filters and the search to see every lead.'}
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={() => clearFilter()} data-testid="no-matches-clear">
            {onlySearch ? 'Clear the search' : 'Clear filters'}
          </button>
        </div>
      </div>
    </div>
  );
}
