import { clearFilter } from '../state/workspace-actions.ts';

/** The filter or the search leaves no lead. */
export function NoMatches() {
  return (
    <div className="empty-board" data-testid="no-matches">
      <div className="empty-card">
        <h2>No leads match these filters</h2>
        <p>Loosen a condition in the filter bar, or clear the filters and the search to see every lead.</p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={() => clearFilter()} data-testid="no-matches-clear">
            Clear filters
          </button>
        </div>
      </div>
    </div>
  );
}
