import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import { pickerOptions, toggleValue, type PickerOption } from './picker-model.ts';
import { useFilterValues } from './useFilterValues.ts';

interface ValuePickerProps {
  field: AttributeKey;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Fixed choices (owner, stage…); when absent the values in use are asked from main. */
  fixedOptions?: PickerOption[];
  allowFree: boolean;
  /** How a stored value reads (owner ids → names). */
  labelOf: (value: string) => string;
  /** The list opens under the input only while it has the focus (scoring rules); else it is always shown. */
  compact?: boolean;
  testId?: string;
}

/** Multi-select with the values in use: typing narrows the list, Enter picks (or adds what was typed). */
export function ValuePicker({ field, label, values, onChange, fixedOptions, allowFree, labelOf, compact, testId }: ValuePickerProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const listShown = !compact || focused;
  const remote = useFilterValues(field, typed, fixedOptions === undefined && listShown);
  const available = useMemo(
    () => fixedOptions ?? remote.values.map((value) => ({ value, label: value })),
    [fixedOptions, remote.values],
  );
  const options = pickerOptions(available, values, typed, allowFree);
  const activeIndex = Math.min(active, options.length - 1);

  const chipLabel = (value: string) => fixedOptions?.find((o) => o.value === value)?.label ?? labelOf(value);

  function pick(option: PickerOption) {
    onChange(toggleValue(values, option.value));
    // The whole list again, for the next pick.
    setTyped('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) pick(option);
    } else if (event.key === 'Backspace' && typed === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    } else if (event.key === 'Escape' && compact && focused) {
      event.stopPropagation();
      setFocused(false);
    }
  }

  return (
    <div
      className={compact ? 'picker picker-compact' : 'picker'}
      data-testid={testId}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {values.length > 0 && (
        <ul className="picker-chosen" aria-label={`Picked ${label.toLowerCase()} values`}>
          {values.map((value) => (
            <li key={value} className="value-chip">
              <span>{chipLabel(value)}</span>
              <button type="button" className="value-chip-remove" aria-label={`Remove ${chipLabel(value)}`} onClick={() => onChange(values.filter((v) => v !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        className="input"
        role="combobox"
        aria-label={`${label}: type to narrow the list${allowFree ? ' or add a value' : ''}`}
        aria-expanded={listShown}
        aria-controls={`${id}-list`}
        aria-activedescendant={options[activeIndex] ? `${id}-opt-${activeIndex}` : undefined}
        aria-autocomplete="list"
        placeholder={allowFree ? 'Type to search or add…' : 'Type to search…'}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      {listShown && (
        <ul className="picker-list" id={`${id}-list`} role="listbox" aria-label={`${label} values`} aria-multiselectable="true">
          {options.map((option, index) => {
            const selected = values.includes(option.value);
            return (
              <li
                key={`${option.isNew ? 'new:' : ''}${option.value}`}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={selected}
                className={`picker-option${index === activeIndex ? ' picker-option-active' : ''}${option.isNew ? ' picker-option-new' : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
                onMouseEnter={() => setActive(index)}
              >
                <span className="picker-check" aria-hidden="true">
                  {selected ? '✓' : ''}
                </span>
                <span className="picker-label">{option.label}</span>
              </li>
            );
          })}
          {options.length === 0 && (
            <li className="picker-empty" role="presentation">
              {remote.loading ? 'Loading values…' : remote.error ? `Could not load the values: ${remote.error}` : typed ? 'Nothing matches.' : 'No values in use yet.'}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
