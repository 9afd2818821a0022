import { useBoard } from '../state/store.ts';
import { DownloadIcon } from '../ui/icons.tsx';
import { openExport } from './export-actions.ts';

/** "Export CSV" in the filter bar: the board or table as shown (filter, search, columns, sort). */
export function ExportButton() {
  const ready = useBoard((s) => s.phase === 'ready');
  const empty = useBoard((s) => s.info?.leadCount === 0);
  return (
    <button
      type="button"
      className="button"
      disabled={!ready || empty}
      title={empty ? 'No leads to export yet' : undefined}
      onClick={() => openExport({ kind: 'workspace' })}
      data-testid="export-open"
    >
      <DownloadIcon />
      Export CSV
    </button>
  );
}
