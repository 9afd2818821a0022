import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SavedViewWithCount } from '../../shared/domain/views.ts';
import { renameView } from '../state/workspace-actions.ts';
import { DownloadIcon, PencilIcon, TrashIcon } from '../ui/icons.tsx';
import { SidebarLink } from './SidebarLink.tsx';

interface ViewItemProps {
  view: SavedViewWithCount;
  active: boolean;
  changed: boolean;
  onPick: () => void;
  onDelete: () => void;
  onExport: () => void;
}

/** A saved view in the sidebar: name and count; export to CSV, rename in place, delete after a confirmation. */
export function ViewItem({ view, active, changed, onPick, onDelete, onExport }: ViewItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (renaming) inputRef.current?.select();
  }, [renaming]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the view a name.');
      return;
    }
    if (name.trim() === view.name) {
      setRenaming(false);
      return;
    }
    const result = await renameView(view, name.trim());
    if (result.ok) setRenaming(false);
    else setError(result.error.message);
  }

  if (renaming) {
    return (
      <li className="sidebar-item sidebar-item-editing">
        <form onSubmit={(e) => void onSubmit(e)} className="sidebar-rename">
          <input
            ref={inputRef}
            className="input"
            aria-label={`New name for ${view.name}`}
            value={name}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setName(view.name);
                setRenaming(false);
              }
            }}
            data-testid="view-rename-input"
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <span className="sidebar-rename-hint">Enter saves · Esc cancels</span>
        </form>
      </li>
    );
  }

  return (
    <li className="sidebar-item" data-testid={`view-${view.id}`}>
      <SidebarLink
        label={view.name}
        count={view.count}
        active={active}
        note={active && changed ? 'changed' : undefined}
        onClick={onPick}
        testId={`view-link-${view.id}`}
      />
      <span className="sidebar-item-tools">
        <button type="button" className="icon-button small" aria-label={`Export view ${view.name} to CSV`} title="Export CSV" onClick={onExport} data-testid={`view-export-${view.id}`}>
          <DownloadIcon />
        </button>
        <button type="button" className="icon-button small" aria-label={`Rename view ${view.name}`} title="Rename" onClick={() => setRenaming(true)}>
          <PencilIcon />
        </button>
        <button type="button" className="icon-button small" aria-label={`Delete view ${view.name}`} title="Delete" onClick={onDelete}>
          <TrashIcon />
        </button>
      </span>
    </li>
  );
}
