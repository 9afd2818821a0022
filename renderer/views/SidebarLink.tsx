import { formatCount } from '../ui/numbers.ts';

interface SidebarLinkProps {
  label: string;
  count: number | null;
  active: boolean;
  note?: string | undefined;
  onClick: () => void;
  testId?: string;
}

/** A sidebar entry: name on the left, its lead count on the right. */
export function SidebarLink({ label, count, active, note, onClick, testId }: SidebarLinkProps) {
  return (
    <button
      type="button"
      className={`sidebar-link${active ? ' sidebar-link-active' : ''}`}
      aria-current={active ? 'true' : undefined}
      onClick={onClick}
      data-testid={testId}
    >
      <span className="sidebar-link-label">
        {label}
        {note && <span className="sidebar-note"> · {note}</span>}
      </span>
      <span className="sidebar-count" aria-label={count === null ? undefined : `${count} leads`}>
        {count === null ? '' : formatCount(count)}
      </span>
    </button>
  );
}
