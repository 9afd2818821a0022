import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/index.ts';

/** "Add note": saved as an activity of the lead. */
export function NoteForm({ leadId, onAdded }: { leadId: number; onAdded: () => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    setSaving(true);
    const result = await api['activities.addNote']({ leadId, body });
    setSaving(false);
    if (!result.ok) {
      setError(`Could not add the note: ${result.error.message}`);
      return;
    }
    setBody('');
    setError(null);
    onAdded();
  }

  return (
    <form className="note-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={id} className="field-label">
        Add note
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        value={body}
        placeholder="Call summary, next step…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="note-body"
        onChange={(e) => setBody(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="note-actions">
        <button type="submit" className="button" disabled={saving} data-testid="note-add">
          Add note
        </button>
      </div>
    </form>
  );
}
