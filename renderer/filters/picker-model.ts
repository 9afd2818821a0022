export interface PickerOption {
  value: string;
  label: string;
  /** The "Add “…”" entry for a value typed in that is not in the list. */
  isNew?: boolean;
}

function norm(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/**
 * What the value picker lists: the values in use narrowed by the typed text (anywhere in the
 * label, any script), values already picked that the list lacks, and, where free entry is allowed,
 * an entry to add the typed text itself.
 */
export function pickerOptions(available: readonly PickerOption[], selected: readonly string[], typed: string, allowFree: boolean): PickerOption[] {
  const query = norm(typed);
  const seen = new Set<string>();
  const result: PickerOption[] = [];
  const push = (option: PickerOption) => {
    if (seen.has(option.value)) return;
    seen.add(option.value);
    result.push(option);
  };
  const matches = (option: PickerOption) => !query || norm(option.label).includes(query) || norm(option.value).includes(query);
  for (const value of selected) {
    const known = available.find((o) => o.value === value);
    const option = known ?? { value, label: value };
    if (matches(option)) push(option);
  }
  for (const option of available) if (matches(option)) push(option);
  const exact = [...seen].some((value) => norm(value) === query) || available.some((o) => norm(o.label) === query);
  if (allowFree && query && !exact) result.push({ value: typed.trim(), label: `Add “${typed.trim()}”`, isNew: true });
  return result;
}

/** Ticks or unticks a value, keeping the picked order. */
export function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
