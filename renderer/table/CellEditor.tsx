import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { updateLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { enumOptions } from '../filters/value-labels.ts';
import { editText, inlineEditorFor, inlinePatch, plainMessage } from './inline-edit.ts';

interface CellEditorProps {
  lead: Lead;
  field: AttributeKey;
  /** Called when editing ends; `moveDown` after Enter, like a spreadsheet. */
  onDone: (how: 'saved' | 'cancelled') => void;
}

/** The input in a cell: Enter saves (leads.update), Escape cancels, a refusal is shown in words. */
export function CellEditor({ lead, field, onDone }: CellEditorProps) {
  const kind = inlineEditorFor(field)!;
  const initial = kind === 'select' && field === 'ownerId' ? (lead.ownerId === null ? '' : String(lead.ownerId)) : editText(lead, field);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const team = useBoard((s) => s.team);
  const stages = useBoard((s) => s.stages);
  const label = attribute(field).label;

  useEffect(() => {
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement) ref.current.select();
  }, []);

  async function save() {
    if (saving) return;
    if (text === initial) {
      onDone('cancelled');
      return;
    }
    const parsed = inlinePatch(field, text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    const result = await updateLead(lead.id, parsed.patch);
    setSaving(false);
    if (result.ok) onDone('saved');
    else setError(plainMessage(result.error.message));
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onDone('cancelled');
    }
  }

  const common = {
    ref,
    className: `input cell-input${error ? ' cell-input-invalid' : ''}`,
    'aria-label': `${label}: press Enter to save, Escape to cancel`,
    'aria-invalid': error ? true : undefined,
    disabled: saving,
    onKeyDown,
    onBlur: () => {
      if (!error) void save();
    },
    'data-testid': 'cell-editor',
  };

  let input;
  if (kind === 'select') {
    const options =
      field === 'ownerId' ? team.map((m) => ({ value: String(m.id), label: m.name })) : enumOptions(field, { team, stages, currentMemberId: null });
    input = (
      <select {...common} value={text} onChange={(e) => setText(e.target.value)}>
        <option value="">{field === 'ownerId' ? 'Unassigned' : 'Not set'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type={kind === 'date' ? 'date' : 'text'}
        inputMode={kind === 'integer' ? 'numeric' : kind === 'money' ? 'decimal' : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
    );
  }

  return (
    <div className="cell-editor" onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      {input}
      {error && (
        <p className="cell-error" role="alert" data-testid="cell-error">
          Not saved: {error} <span className="muted">(Esc to cancel)</span>
        </p>
      )}
    </div>
  );
}
