import { useState } from 'react';
import type { SavedView } from '../../shared/domain/views.ts';
import { openExport } from '../export/export-actions.ts';
import { applyView, openSettings, showAllLeads, showMyLeads } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { GearIcon, HistoryIcon } from '../ui/icons.tsx';
import { DeleteViewDialog } from './DeleteViewDialog.tsx';
import { SidebarLink } from './SidebarLink.tsx';
import { sidebarPick, viewDiffers } from './view-model.ts';
import { ViewItem } from './ViewItem.tsx';
import './views.css';

/** Left: all leads, my leads, the saved views with their counts, and Settings. */
export function Sidebar() {
  const views = useWorkspace((s) => s.views);
  const viewsLoaded = useWorkspace((s) => s.viewsLoaded);
  const viewsError = useWorkspace((s) => s.viewsError);
  const counts = useWorkspace((s) => s.counts);
  const filter = useWorkspace((s) => s.filter);
  const columns = useWorkspace((s) => s.columns);
  const sort = useWorkspace((s) => s.sort);
  const activeViewId = useWorkspace((s) => s.activeViewId);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const pick = sidebarPick({ filter, columns, sort, activeViewId });
  const sorted = [...views].sort((a, b) => a.position - b.position || a.id - b.id);

  return (
    <nav className="sidebar" aria-label="Lead lists" data-testid="sidebar">
      <ul className="sidebar-list">
        <li className="sidebar-item">
          <SidebarLink label="All leads" count={counts.all} active={pick.kind === 'all'} onClick={showAllLeads} testId="sidebar-all" />
        </li>
        <li className="sidebar-item">
          <SidebarLink label="My leads" count={counts.mine} active={pick.kind === 'mine'} onClick={showMyLeads} testId="sidebar-mine" />
        </li>
      </ul>
      <h2 className="sidebar-heading">Saved views</h2>
      {viewsError && (
        <p className="sidebar-error" role="alert">
          Could not load the views: {viewsError}
        </p>
      )}
      {viewsLoaded && !viewsError && sorted.length === 0 && <p className="sidebar-empty">No saved views yet. Filter the leads, then “Save as view”.</p>}
      <ul className="sidebar-list sidebar-views" aria-label="Saved views">
        {sorted.map((view) => (
          <ViewItem
            key={view.id}
            view={view}
            active={pick.kind === 'view' && pick.id === view.id}
            changed={viewDiffers(view, { filter, columns, sort })}
            onPick={() => applyView(view)}
            onDelete={() => setDeleting(view)}
            onExport={() => openExport({ kind: 'view', viewId: view.id, viewName: view.name, count: view.count })}
          />
        ))}
      </ul>
      <div className="sidebar-spacer" />
      <button type="button" className="sidebar-settings" onClick={() => openSettings('imports')} data-testid="open-import-history">
        <HistoryIcon /> Import history
      </button>
      <button type="button" className="sidebar-settings" onClick={() => openSettings()} data-testid="open-settings">
        <GearIcon /> Settings
      </button>
      {deleting && <DeleteViewDialog view={deleting} onClose={() => setDeleting(null)} />}
    </nav>
  );
}
