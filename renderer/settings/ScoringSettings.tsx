import { useEffect, useState } from 'react';
import { api } from '../api/index.ts';
import { useLabelContext } from '../filters/useLabelContext.ts';
import { applyFilterToBoard } from '../state/board-actions.ts';
import { emitLeadEvent } from '../state/lead-events.ts';
import { showToast } from '../state/toasts.ts';
import { ruleDraft, rulesFromDrafts, type RuleDraft } from './scoring-model.ts';
import { ScoreRuleRow } from './ScoreRuleRow.tsx';

/** The lead score: rules (a condition and its points) summed per lead. Saving rescores every lead. */
export function ScoringSettings() {
  const ctx = useLabelContext();
  const [rules, setRules] = useState<RuleDraft[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['scoring.list'](undefined).then((result) => {
      if (result.ok) setRules(result.value.map((r) => ruleDraft(r)));
      else setLoadError(result.error.message);
    });
  }, []);

  function change(next: RuleDraft[]) {
    setRules(next);
    setSaved(null);
  }

  async function save() {
    if (!rules) return;
    const checked = rulesFromDrafts(rules);
    setSaveError(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await api['scoring.save']({ rules: checked.rules });
    setBusy(false);
    if (!result.ok) {
      setSaveError(result.error.message);
      return;
    }
    setRules(result.value.map((r) => ruleDraft(r)));
    setSaved(`Saved ${result.value.length} ${result.value.length === 1 ? 'rule' : 'rules'}; every lead was rescored.`);
    showToast({ tone: 'info', message: 'Scoring rules saved: every lead was rescored' });
    emitLeadEvent({ kind: 'changed' });
    void applyFilterToBoard();
  }

  return (
    <section className="settings-section" aria-labelledby="settings-scoring">
      <h3 id="settings-scoring" className="settings-heading">
        Lead scoring
      </h3>
      <p className="field-hint">A lead’s score is the sum of the points of the rules it matches. The table sorts and filters by it; cards show it.</p>
      {loadError && (
        <p className="form-error" role="alert">
          Could not load the rules: {loadError}
        </p>
      )}
      {!rules && !loadError && <p className="muted">Loading the rules…</p>}
      {rules && (
        <>
          <ol className="rule-list" data-testid="rule-list">
            {rules.map((rule, index) => (
              <ScoreRuleRow
                key={rule.key}
                rule={rule}
                index={index}
                error={errors[rule.key]}
                ctx={ctx}
                onChange={(next) => change(rules.map((r) => (r.key === rule.key ? next : r)))}
                onRemove={() => change(rules.filter((r) => r.key !== rule.key))}
              />
            ))}
          </ol>
          {rules.length === 0 && <p className="muted">No rules: every lead scores 0.</p>}
          <div className="settings-actions">
            <button type="button" className="button" onClick={() => change([...rules, ruleDraft()])} data-testid="rule-add">
              + Add rule
            </button>
            <span className="settings-spacer" />
            {saved && (
              <span className="settings-saved" role="status">
                {saved}
              </span>
            )}
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()} data-testid="rules-save">
              {busy ? 'Rescoring…' : 'Save and rescore'}
            </button>
          </div>
          {saveError && (
            <p className="form-error" role="alert">
              Could not save the rules: {saveError}
            </p>
          )}
        </>
      )}
    </section>
  );
}
