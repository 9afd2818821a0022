import { useState, type FormEvent } from 'react';
import { TEAM_ROLES, type TeamRole } from '../../shared/domain/history.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { SelectField, TextField } from '../ui/Field.tsx';
import { ROLE_LABELS, type MemberInput } from './settings-actions.ts';

interface MemberFormProps {
  initial?: MemberInput;
  submitLabel: string;
  onSubmit: (input: MemberInput) => Promise<Result<unknown>>;
  onCancel?: () => void;
  testId: string;
}

const ROLE_OPTIONS = TEAM_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Name, e-mail and role of a team member: to add one or to edit one. */
export function MemberForm({ initial, submitLabel, onSubmit, onCancel, testId }: MemberFormProps) {
  const [values, setValues] = useState<MemberInput>(initial ?? { name: '', email: '', role: 'sdr' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) {
      setError('Give a name.');
      return;
    }
    setBusy(true);
    const result = await onSubmit({ ...values, name: values.name.trim(), email: values.email.trim() });
    setBusy(false);
    if (!result.ok) setError(result.error.message.replace(/^[a-z]+:\s*/, ''));
    else if (!initial) setValues({ name: '', email: '', role: values.role });
  }

  return (
    <form className="member-form" noValidate onSubmit={(e) => void submit(e)} data-testid={testId}>
      <TextField label="Name" value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} testId={`${testId}-name`} />
      <TextField label="E-mail" type="email" value={values.email} onChange={(email) => setValues((v) => ({ ...v, email }))} placeholder="name@company.com" testId={`${testId}-email`} />
      <SelectField label="Role" value={values.role} onChange={(role) => setValues((v) => ({ ...v, role: role as TeamRole }))} options={ROLE_OPTIONS} testId={`${testId}-role`} />
      <div className="member-form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
      {error && (
        <p className="form-error member-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
