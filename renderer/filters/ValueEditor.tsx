import { useMemo } from 'react';
import { attribute } from '../../shared/domain/lead-attributes.ts';
import { allowsFreeValues, valueEditorFor, type ConditionDraft } from './condition-model.ts';
import { enumOptions, valueLabel, type LabelContext } from './value-labels.ts';
import { ValuePicker } from './ValuePicker.tsx';

interface ValueEditorProps {
  draft: ConditionDraft;
  onChange: (draft: ConditionDraft) => void;
  ctx: LabelContext;
  testId: string;
  compact?: boolean;
}

/** The input that fits the operator: a pick-list, a number, an amount, a range, a date, N days or months. */
export function ValueEditor({ draft, onChange, ctx, testId, compact }: ValueEditorProps) {
  const kind = valueEditorFor(draft.field, draft.op);
  const meta = attribute(draft.field);
  const fixed = useMemo(() => (meta.kind === 'enum' ? enumOptions(draft.field, ctx) : undefined), [meta.kind, draft.field, ctx]);
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...draft, ...patch });

  switch (kind) {
    case 'none':
      return null;
    case 'list':
      return (
        <ValuePicker
          key={draft.field}
          field={draft.field}
          label={meta.label}
          values={draft.values}
          onChange={(values) => set({ values })}
          {...(fixed ? { fixedOptions: fixed } : {})}
          allowFree={allowsFreeValues(draft.field)}
          labelOf={(value) => valueLabel(draft.field, value, ctx)}
          compact={compact ?? false}
          testId={`${testId}-values`}
        />
      );
    case 'number':
    case 'money':
      return (
        <label className="value-line">
          <input
            className="input value-number"
            inputMode="decimal"
            aria-label={kind === 'money' ? `${meta.label}, amount in whole units` : `${meta.label}, number`}
            placeholder={kind === 'money' ? '10000' : '10'}
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            data-testid={`${testId}-number`}
          />
          {kind === 'money' && <span className="muted">in the deal’s currency (whole units)</span>}
        </label>
      );
    case 'range':
      return (
        <div className="value-line">
          <input className="input value-number" inputMode="decimal" aria-label={`${meta.label}, from`} placeholder="from" value={draft.min} onChange={(e) => set({ min: e.target.value })} data-testid={`${testId}-min`} />
          <span className="muted">and</span>
          <input className="input value-number" inputMode="decimal" aria-label={`${meta.label}, to`} placeholder="to" value={draft.max} onChange={(e) => set({ max: e.target.value })} data-testid={`${testId}-max`} />
        </div>
      );
    case 'days':
    case 'months':
      return (
        <label className="value-line">
          <input
            className="input value-count"
            inputMode="numeric"
            aria-label={`Number of ${kind}`}
            placeholder={kind === 'days' ? '14' : '12'}
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            data-testid={`${testId}-count`}
          />
          <span className="muted">{kind}</span>
        </label>
      );
    case 'date':
      return (
        <input type="date" className="input value-date" aria-label={`${meta.label}, date`} value={draft.text} onChange={(e) => set({ text: e.target.value })} data-testid={`${testId}-date`} />
      );
    case 'text':
      return (
        <input className="input" aria-label={`${meta.label}, text to look for`} placeholder="Text to look for" value={draft.text} onChange={(e) => set({ text: e.target.value })} data-testid={`${testId}-text`} />
      );
  }
}
