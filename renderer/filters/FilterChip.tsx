interface FilterChipProps {
  text: string;
  index: number;
  editing: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

/** One active condition (or OR group): click to edit, × to remove. */
export function FilterChip({ text, index, editing, onEdit, onRemove }: FilterChipProps) {
  return (
    <li className={`filter-chip${editing ? ' filter-chip-editing' : ''}`} data-testid={`filter-chip-${index}`}>
      <button type="button" className="filter-chip-text" title={text} aria-label={`Edit filter: ${text}`} onClick={onEdit} data-filter-opener>
        {text}
      </button>
      <button type="button" className="filter-chip-remove" aria-label={`Remove filter: ${text}`} title="Remove this filter" onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
