import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { attribute } from '../../shared/domain/lead-attributes.ts';
import type { FilterCondition } from '../../shared/domain/filter.ts';
import { setConditions } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { conditionFromDraft, draftFromCondition, emptyDraft, type ConditionDraft } from './condition-model.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { conditionsOf, entryOf, withEntry, type FilterEntry } from './filter-ops.ts';
import { useLabelContext } from './useLabelContext.ts';

interface FilterBuilderProps {
  /** The chip being edited, or null for "+ Filter". */
  entry: FilterEntry | null;
  index: number | null;
  onClose: () => void;
}

const FIRST_FIELD = 'industry';

/** The popover of "+ Filter" and of a chip: one condition, or several joined with OR. */
export function FilterBuilder({ entry, index, onClose }: FilterBuilderProps) {
  const ctx = useLabelContext();
  const [drafts, setDrafts] = useState<ConditionDraft[]>(() => (entry ? conditionsOf(entry).map(draftFromCondition) : [emptyDraft(FIRST_FIELD)]));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    // Focus comes back to "+ Filter" or the chip when the builder closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const builder = ref.current;
    builder?.querySelector<HTMLElement>('select')?.focus();
    function onPointerDown(event: MouseEvent) {
      const target = event.target as Node;
      if (ref.current && !ref.current.contains(target) && !(target as Element).closest?.('[data-filter-opener]')) onCloseRef.current();
    }
    document.addEventListener('mousedown', onPointerDown);
    return () => {
      document.removeEventListener('mousedown', onPointerDown);
      const focusWasInside = !document.activeElement || document.activeElement === document.body || builder?.contains(document.activeElement);
      if (focusWasInside && opener?.isConnected) opener.focus();
    };
  }, []);

  function update(at: number, draft: ConditionDraft) {
    setDrafts((list) => list.map((d, i) => (i === at ? draft : d)));
    setError(null);
  }

  function apply() {
    const conditions: FilterCondition[] = [];
    for (const [at, draft] of drafts.entries()) {
      const result = conditionFromDraft(draft);
      if (!result.ok) {
        const which = drafts.length > 1 ? ` (alternative ${at + 1}, ${attribute(draft.field).label})` : '';
        setError(`${result.error}${which}`);
        return;
      }
      conditions.push(result.condition);
    }
    const next = entryOf(conditions);
    if (next) setConditions(withEntry(useWorkspace.getState().filter, index, next));
    onClose();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply();
    }
  }

  return (
    <div ref={ref} className="filter-builder" role="dialog" aria-label={entry ? 'Edit filter' : 'Add a filter'} onKeyDown={onKeyDown} data-testid="filter-builder">
      <h2 className="filter-builder-title">{entry ? 'Edit filter' : 'Add a filter'}</h2>
      <ol className="filter-alternatives">
        {drafts.map((draft, at) => (
          <li key={at} className="filter-alternative">
            {at > 0 && <span className="filter-or">or</span>}
            <div className="filter-alternative-body">
              <ConditionEditor draft={draft} onChange={(d) => update(at, d)} ctx={ctx} testId={`condition-${at}`} />
              {drafts.length > 1 && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove alternative ${at + 1}`}
                  title="Remove this alternative"
                  onClick={() => setDrafts((list) => list.filter((_, i) => i !== at))}
                >
                  ×
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="link-button"
        onClick={() => setDrafts((list) => [...list, emptyDraft(list[list.length - 1]?.field ?? FIRST_FIELD)])}
        data-testid="filter-add-or"
      >
        + OR
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="filter-builder-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={apply} data-testid="filter-apply">
          {entry ? 'Apply' : 'Add filter'}
        </button>
      </div>
    </div>
  );
}
