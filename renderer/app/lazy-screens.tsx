import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * Screens the board does not need at first paint load on first use, as separate chunks: the
 * charts (recharts), the table (react-table), settings, import and export, the lead panel and the
 * move form (their forms validate with zod). The board's first load then parses a third of the code.
 */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P): ReactNode {
    return (
      <Suspense fallback={<div className="app-message" role="status">Loading…</div>}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const ReportsScreen = deferred(() => import('../reports/ReportsScreen.tsx').then((m) => m.ReportsScreen));
export const TableView = deferred(() => import('../table/TableView.tsx').then((m) => m.TableView));
export const SettingsDialog = deferred(() => import('../settings/SettingsDialog.tsx').then((m) => m.SettingsDialog));
export const ImportWizard = deferred(() => import('../import/ImportWizard.tsx').then((m) => m.ImportWizard));
export const ExportDialog = deferred(() => import('../export/ExportDialog.tsx').then((m) => m.ExportDialog));
export const LeadPanel = deferred(() => import('../lead-panel/LeadPanel.tsx').then((m) => m.LeadPanel));
export const MoveForm = deferred(() => import('../move-form/MoveForm.tsx').then((m) => m.MoveForm));
