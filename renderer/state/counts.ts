import { api } from '../api/index.ts';
import { MY_LEADS_FILTER } from '../filters/filter-ops.ts';
import { useBoard } from './store.ts';
import { useWorkspace } from './workspace.ts';

const DELAY_MS = 250;
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Re-reads the sidebar: the saved views with their counts, "All leads" and "My leads". Called after
 * every change; a burst of changes (a drag, a bulk action) makes one round trip.
 */
export function scheduleCountsRefresh(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void refreshCounts();
  }, DELAY_MS);
}

export async function refreshCounts(): Promise<void> {
  const [views, info, mine] = await Promise.all([
    api['views.list'](undefined),
    api['app.info'](undefined),
    api['leads.query']({ filter: MY_LEADS_FILTER, sort: [], offset: 0, limit: 1 }),
  ]);
  if (views.ok) useWorkspace.setState({ views: views.value, viewsLoaded: true, viewsError: null });
  else useWorkspace.setState({ viewsLoaded: true, viewsError: views.error.message });
  if (info.ok) useBoard.setState({ info: info.value });
  useWorkspace.setState((s) => ({
    counts: { all: info.ok ? info.value.leadCount : s.counts.all, mine: mine.ok ? mine.value.total : s.counts.mine },
  }));
}
