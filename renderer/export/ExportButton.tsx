import { useBoard } from '../state/store.ts';
import { DownloadIcon } from '../ui/icons.tsx';
import { openExport } from './export-actions.ts';

/** "Export CSV" in the filter bar: the board or table as shown (filter, search, columns, sort). */
export function ExportButton() {
  const ready = useBoard((s) => s.phase === 'ready');
  return (
    <button type="button" className="button" disabled={!ready} onClick={() => openExport({ kind: 'workspace' })} data-testid="export-open">
      <DownloadIcon />
      Export CSV
    </button>
  );
}
