import { useId, useState, type KeyboardEvent } from 'react';
import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import { useFilterValues } from '../filters/useFilterValues.ts';

interface TagInputProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Suggests the values already in use for this field. */
  suggestFrom?: AttributeKey;
  placeholder?: string;
  hint?: string;
  testId?: string;
}

/** Several short values (tags, technologies…): Enter or comma adds, × or Backspace removes. */
export function TagInput({ label, values, onChange, suggestFrom, placeholder, hint, testId }: TagInputProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [focused, setFocused] = useState(false);
  const { values: inUse } = useFilterValues(suggestFrom ?? 'tags', typed, Boolean(suggestFrom) && focused);
  const suggestions = inUse.filter((v) => !values.includes(v)).slice(0, 8);

  function add(text: string) {
    const value = text.trim().replace(/,$/, '').trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setTyped('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      if (!typed.trim()) return;
      event.preventDefault();
      add(typed);
    } else if (event.key === 'Backspace' && typed === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <div className="field tag-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="tag-input" data-testid={testId}>
        {values.map((value) => (
          <span key={value} className="value-chip">
            <span>{value}</span>
            <button type="button" className="value-chip-remove" aria-label={`Remove ${value} from ${label}`} onClick={() => onChange(values.filter((v) => v !== value))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          className="tag-input-text"
          value={typed}
          placeholder={values.length === 0 ? (placeholder ?? 'Type and press Enter') : ''}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            if (typed.trim()) add(typed);
          }}
          data-testid={testId ? `${testId}-input` : undefined}
        />
      </div>
      {focused && suggestions.length > 0 && (
        <div className="tag-suggestions" aria-label={`Suggestions for ${label}`}>
          {suggestions.map((s) => (
            <button key={s} type="button" className="tag-suggestion" onMouseDown={(e) => e.preventDefault()} onClick={() => add(s)}>
              + {s}
            </button>
          ))}
        </div>
      )}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
