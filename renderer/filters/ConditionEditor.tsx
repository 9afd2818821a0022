import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { FilterOp } from '../../shared/domain/filter.ts';
import { groupedAttributes } from './attribute-groups.ts';
import { changeField, changeOp, opsFor, type ConditionDraft } from './condition-model.ts';
import type { LabelContext } from './value-labels.ts';
import { ValueEditor } from './ValueEditor.tsx';

const GROUPS = groupedAttributes();

interface ConditionEditorProps {
  draft: ConditionDraft;
  onChange: (draft: ConditionDraft) => void;
  ctx: LabelContext;
  testId: string;
  /** Pick-lists open only while focused (many conditions on one screen). */
  compact?: boolean;
}

/** Attribute, operator, value: one condition, used by the filter builder and the scoring rules. */
export function ConditionEditor({ draft, onChange, ctx, testId, compact }: ConditionEditorProps) {
  return (
    <div className={compact ? 'condition-editor condition-editor-compact' : 'condition-editor'} data-testid={testId}>
      <div className="condition-head">
        <select
          className="input select condition-field"
          aria-label="Attribute"
          value={draft.field}
          onChange={(e) => onChange(changeField(draft, e.target.value as AttributeKey))}
          data-testid={`${testId}-field`}
        >
          {GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.attributes.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          className="input select condition-op"
          aria-label="Operator"
          value={draft.op}
          onChange={(e) => onChange(changeOp(draft, e.target.value as FilterOp))}
          data-testid={`${testId}-op`}
        >
          {opsFor(draft.field).map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <ValueEditor draft={draft} onChange={onChange} ctx={ctx} testId={testId} compact={compact ?? false} />
    </div>
  );
}
