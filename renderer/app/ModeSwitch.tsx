import { setMode } from '../state/workspace-actions.ts';
import { useWorkspace, type Mode } from '../state/workspace.ts';
import { BoardIcon, TableIcon } from '../ui/icons.tsx';
import { ChartIcon } from '../reports/ChartIcon.tsx';
import { closeReports, openReports } from '../reports/report-actions.ts';
import { useReports } from '../reports/report-store.ts';

const MODES: { mode: Mode; label: string; Icon: () => React.JSX.Element }[] = [
  { mode: 'board', label: 'Board', Icon: BoardIcon },
  { mode: 'table', label: 'Table', Icon: TableIcon },
];

/** Board | Table: the same leads and filter, two ways to look at them; Reports: the funnel's figures. */
export function ModeSwitch() {
  const mode = useWorkspace((s) => s.mode);
  const reportsOpen = useReports((s) => s.open);
  return (
    <div className="mode-switch" role="group" aria-label="View as">
      {MODES.map(({ mode: m, label, Icon }) => (
        <button
          key={m}
          type="button"
          className="mode-button"
          aria-pressed={!reportsOpen && mode === m}
          onClick={() => {
            closeReports();
            setMode(m);
          }}
          data-testid={`mode-${m}`}
        >
          <Icon />
          {label}
        </button>
      ))}
      <button type="button" className="mode-button" aria-pressed={reportsOpen} onClick={openReports} data-testid="mode-reports">
        <ChartIcon />
        Reports
      </button>
    </div>
  );
}
