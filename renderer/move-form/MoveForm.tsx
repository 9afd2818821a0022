import { useId, useState, type FormEvent } from 'react';
import { leadDisplayName, URGENCIES } from '../../shared/domain/lead.ts';
import { REASON_KIND_LABELS } from '../../shared/domain/reasons.ts';
import { describeRequirement, type Requirement } from '../../shared/domain/stage-rules.ts';
import { cancelMoveForm, confirmMoveForm } from '../state/move-actions.ts';
import { stageByKey, useBoard } from '../state/store.ts';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { currencyOptions } from '../ui/money.ts';
import { buildMovePayload, initialMoveValues, type MoveFormErrors, type MoveFormValues } from './move-form-model.ts';
import './move-form.css';

const URGENCY_OPTIONS = URGENCIES.map((u) => ({ value: u, label: u[0]!.toUpperCase() + u.slice(1) }));

/** Asks exactly for what a dropped card lacks (contact, deal data, a reason) before the move is sent. */
export function MoveForm() {
  const pending = useBoard((s) => s.moveForm);
  const lead = useBoard((s) => (s.moveForm ? s.leads[s.moveForm.leadId] : undefined));
  const stages = useBoard((s) => s.stages);
  const reasons = useBoard((s) => s.reasons);
  const [values, setValues] = useState<MoveFormValues | null>(() => (lead ? initialMoveValues(lead) : null));
  const [errors, setErrors] = useState<MoveFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const explanationId = useId();

  if (!pending || !lead || !values) return null;
  const to = stageByKey(stages, pending.toStage);
  const from = stageByKey(stages, pending.fromStage);
  if (!to || !from) return null;

  function set(name: keyof MoveFormValues) {
    return {
      value: values![name],
      error: errors[name],
      name,
      testId: `move-${name}`,
      onChange: (value: string) => {
        setValues((v) => (v ? { ...v, [name]: value } : v));
        if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
      },
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { payload, errors: found } = buildMovePayload(pending!.requirements, values!);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSending(true);
    const error = await confirmMoveForm(payload);
    setSending(false);
    if (error) setServerError(error.message);
  }

  function section(requirement: Requirement) {
    const sentence = describeRequirement(requirement, to!);
    switch (requirement.kind) {
      case 'contact':
        return (
          <fieldset key="contact" className="move-section" data-testid="move-section-contact">
            <legend>Contact info</legend>
            <p className="move-explanation">{sentence}</p>
            <div className="move-grid">
              <TextField label="E-mail" type="email" inputMode="email" placeholder="name@company.com" {...set('email')} />
              <TextField label="Phone" type="tel" inputMode="tel" placeholder="+1 555 010 0000" {...set('phone')} />
            </div>
          </fieldset>
        );
      case 'deal':
        return (
          <fieldset key="deal" className="move-section" data-testid="move-section-deal">
            <legend>Deal</legend>
            <p className="move-explanation">{sentence}</p>
            <div className="move-grid">
              {requirement.missing.includes('dealValueMinor') && (
                <div className="form-pair span-2">
                  <TextField label="Deal value" inputMode="decimal" placeholder="12500" className="grow" {...set('dealValue')} />
                  <SelectField label="Currency" options={currencyOptions(values!.currency)} className="currency" {...set('currency')} />
                </div>
              )}
              {requirement.missing.includes('expectedCloseOn') && <TextField label="Expected close date" type="date" {...set('expectedCloseOn')} />}
              {requirement.missing.includes('urgency') && <SelectField label="Urgency" options={URGENCY_OPTIONS} emptyLabel="Choose…" {...set('urgency')} />}
            </div>
          </fieldset>
        );
      case 'reason': {
        const options = reasons
          .filter((r) => r.kind === requirement.reasonKind)
          .sort((a, b) => a.position - b.position)
          .map((r) => ({ value: r.label, label: r.label }));
        return (
          <fieldset key="reason" className="move-section" data-testid="move-section-reason">
            <legend>{REASON_KIND_LABELS[requirement.reasonKind]}</legend>
            <p className="move-explanation">{sentence}</p>
            <SelectField label="Reason" options={options} emptyLabel="Choose a reason…" {...set('reason')} />
          </fieldset>
        );
      }
    }
  }

  return (
    <Modal title={`Move ${leadDisplayName(lead)} to ${to.name}`} onClose={cancelMoveForm} testId="move-form" describedBy={explanationId}>
      <p className="move-intro" id={explanationId}>
        From {from.name} to {to.name}. A few details are needed first.
      </p>
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={`Details for moving to ${to.name}`}>
        {pending.requirements.map(section)}
        {serverError && (
          <p className="form-error" role="alert">
            Could not move the lead: {serverError}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={cancelMoveForm} data-testid="move-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="move-confirm">
            Move to {to.name}
          </button>
        </div>
      </form>
    </Modal>
  );
}
