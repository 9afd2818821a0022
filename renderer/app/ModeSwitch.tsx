import { setMode } from '../state/workspace-actions.ts';
import { useWorkspace, type Mode } from '../state/workspace.ts';
import { BoardIcon, TableIcon } from '../ui/icons.tsx';

const MODES: { mode: Mode; label: string; Icon: () => React.JSX.Element }[] = [
  { mode: 'board', label: 'Board', Icon: BoardIcon },
  { mode: 'table', label: 'Table', Icon: TableIcon },
];

/** Board | Table: the same leads and filter, two ways to look at them. */
export function ModeSwitch() {
  const mode = useWorkspace((s) => s.mode);
  return (
    <div className="mode-switch" role="group" aria-label="View as">
      {MODES.map(({ mode: m, label, Icon }) => (
        <button key={m} type="button" className="mode-button" aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
          <Icon />
          {label}
        </button>
      ))}
    </div>
  );
}
