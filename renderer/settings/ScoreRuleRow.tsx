import { ConditionEditor } from '../filters/ConditionEditor.tsx';
import type { LabelContext } from '../filters/value-labels.ts';
import type { RuleDraft } from './scoring-model.ts';

interface ScoreRuleRowProps {
  rule: RuleDraft;
  index: number;
  error: string | undefined;
  ctx: LabelContext;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
}

/** One rule: its name, the condition a lead must match, and the points it earns. */
export function ScoreRuleRow({ rule, index, error, ctx, onChange, onRemove }: ScoreRuleRowProps) {
  return (
    <li className={`rule${error ? ' rule-invalid' : ''}`} data-testid={`rule-${index}`}>
      <div className="rule-head">
        <input
          className="input rule-label"
          aria-label={`Rule ${index + 1} name`}
          placeholder="Rule name, e.g. Uses HubSpot"
          value={rule.label}
          onChange={(e) => onChange({ ...rule, label: e.target.value })}
          data-testid={`rule-${index}-label`}
        />
        <label className="rule-points">
          <span className="muted">Points</span>
          <input
            className="input"
            inputMode="numeric"
            aria-label={`Rule ${index + 1} points`}
            value={rule.points}
            onChange={(e) => onChange({ ...rule, points: e.target.value })}
            data-testid={`rule-${index}-points`}
          />
        </label>
        <button type="button" className="icon-button" aria-label={`Remove rule ${rule.label || index + 1}`} title="Remove this rule" onClick={onRemove}>
          ×
        </button>
      </div>
      <ConditionEditor draft={rule.condition} onChange={(condition) => onChange({ ...rule, condition })} ctx={ctx} testId={`rule-${index}-condition`} compact />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
