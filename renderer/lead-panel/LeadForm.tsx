import { useState, type FormEvent } from 'react';
import { EMPTY_LEAD_FIELDS, URGENCIES, type Lead } from '../../shared/domain/lead.ts';
import { enumOptions } from '../filters/value-labels.ts';
import { createLead, deleteLead, openNewLead, updateLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { SelectField, TextField } from '../ui/Field.tsx';
import { TagInput } from '../ui/TagInput.tsx';
import { currencyOptions } from '../ui/money.ts';
import { CompanySection } from './CompanySection.tsx';
import type { FieldOf, ListOf } from './form-field-props.ts';
import {
  FIELD_LABELS,
  fieldOfServerMessage,
  fromFormValues,
  toFormLists,
  toFormValues,
  type LeadFormErrors,
  type LeadFormLists,
  type LeadFormValues,
} from './lead-form-model.ts';

type LeadFormProps = { mode: 'new'; stageKey: string; lead?: undefined } | { mode: 'edit'; lead: Lead; stageKey?: undefined };

const URGENCY_OPTIONS = URGENCIES.map((u) => ({ value: u, label: u[0]!.toUpperCase() + u.slice(1) }));
const SENIORITY_OPTIONS = enumOptions('seniority', { team: [], stages: [], currentMemberId: null });

/** Every field of a lead; Save creates or updates it, Delete removes it (undoable). */
export function LeadForm(props: LeadFormProps) {
  const team = useBoard((s) => s.team);
  const stages = useBoard((s) => s.stages);
  const currentMemberId = useBoard((s) => s.info?.currentMemberId ?? null);
  const initial = props.mode === 'edit' ? props.lead : { ...EMPTY_LEAD_FIELDS, ownerId: currentMemberId };
  const [values, setValues] = useState<LeadFormValues>(() => toFormValues(initial));
  const [lists, setLists] = useState<LeadFormLists>(() => toFormLists(initial));
  const [errors, setErrors] = useState<LeadFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const marketingStages = stages.filter((s) => s.funnel === 'marketing').sort((a, b) => a.position - b.position);
  const ownerOptions = team.map((m) => ({ value: String(m.id), label: m.name }));

  const field: FieldOf = (name) => ({
    label: FIELD_LABELS[name],
    value: values[name],
    error: errors[name],
    name,
    testId: `lead-${name}`,
    onChange: (value: string) => {
      setValues((v) => ({ ...v, [name]: value }));
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  const list: ListOf = (name) => ({
    label: FIELD_LABELS[name],
    values: lists[name],
    testId: `lead-${name}`,
    onChange: (next: string[]) => setLists((l) => ({ ...l, [name]: next })),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { patch, errors: found } = fromFormValues(values, lists);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError('Some fields need a fix before saving.');
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    const result = props.mode === 'new' ? await createLead(patch, props.stageKey) : await updateLead(props.lead.id, patch);
    setSaving(false);
    if (!result.ok) {
      const target = fieldOfServerMessage(result.error.message);
      if (target) {
        setErrors({ [target.field]: target.text });
        setFormError(`Could not save: ${FIELD_LABELS[target.field]}: ${target.text}`);
      } else {
        setFormError(`Could not save: ${result.error.message}`);
      }
    }
  }

  async function onDelete() {
    if (props.mode !== 'edit') return;
    setSaving(true);
    await deleteLead(props.lead.id);
    setSaving(false);
  }

  return (
    <form className="lead-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Lead details" data-testid="lead-form">
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <fieldset className="form-section">
        <legend>Contact</legend>
        <div className="form-grid">
          <TextField {...field('firstName')} autoFocus={props.mode === 'new'} />
          <TextField {...field('lastName')} />
          <TextField {...field('email')} type="email" inputMode="email" placeholder="name@company.com" />
          <TextField {...field('phone')} type="tel" inputMode="tel" placeholder="+1 555 010 0000" />
          <TextField {...field('roleTitle')} placeholder="Head of Sales" />
          <TextField {...field('roleStartedOn')} type="date" />
          <SelectField {...field('seniority')} options={SENIORITY_OPTIONS} emptyLabel="Not set" />
          <TextField {...field('department')} placeholder="Human resources" />
          <TextField {...field('persona')} placeholder="Economic buyer" className="span-2" />
        </div>
      </fieldset>
      <CompanySection field={field} list={list} shared={props.mode === 'edit' && props.lead.companyId !== null} />
      <fieldset className="form-section">
        <legend>Deal</legend>
        <div className="form-grid">
          {props.mode === 'new' && (
            <SelectField
              label="Stage"
              name="stageKey"
              testId="lead-stage"
              value={props.stageKey}
              onChange={(key) => openNewLead(key)}
              options={marketingStages.map((s) => ({ value: s.key, label: s.name }))}
            />
          )}
          <SelectField {...field('ownerId')} options={ownerOptions} emptyLabel="Unassigned" />
          <TextField {...field('source')} placeholder="Webinar, referral…" />
          <div className="form-pair">
            <TextField {...field('dealValue')} inputMode="decimal" placeholder="12500" className="grow" />
            <SelectField {...field('currency')} options={currencyOptions(values.currency)} className="currency" />
          </div>
          <TextField {...field('expectedCloseOn')} type="date" />
          <SelectField {...field('urgency')} options={URGENCY_OPTIONS} emptyLabel="Not set" />
          <div className="span-2">
            <TagInput {...list('tags')} suggestFrom="tags" placeholder="Add a tag and press Enter" />
          </div>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="lead-save">
          {props.mode === 'new' ? 'Create lead' : 'Save changes'}
        </button>
        {props.mode === 'edit' && (
          <button type="button" className="button button-danger" disabled={saving} onClick={() => void onDelete()} data-testid="lead-delete">
            Delete lead
          </button>
        )}
      </div>
    </form>
  );
}
