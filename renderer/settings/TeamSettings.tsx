import { useState } from 'react';
import { useBoard } from '../state/store.ts';
import { MemberForm } from './MemberForm.tsx';
import { addMember, ROLE_LABELS, setCurrentMember, updateMember } from './settings-actions.ts';

/** The team: who is who, who "I am" in this copy of the app, add and edit members. */
export function TeamSettings() {
  const team = useBoard((s) => s.team);
  const currentMemberId = useBoard((s) => s.info?.currentMemberId ?? null);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <section className="settings-section" aria-labelledby="settings-team">
      <h3 id="settings-team" className="settings-heading">
        Team
      </h3>
      <div className="field settings-me">
        <label className="field-label" htmlFor="settings-me">
          I am
        </label>
        <select
          id="settings-me"
          className="input select"
          value={currentMemberId === null ? '' : String(currentMemberId)}
          onChange={(e) => {
            setError(null);
            if (e.target.value) void setCurrentMember(Number(e.target.value)).then((r) => !r.ok && setError(r.error.message));
          }}
          data-testid="settings-me"
        >
          {currentMemberId === null && <option value="">Choose who you are…</option>}
          {team.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <p className="field-hint">Recorded on every stage move and note you make; “My leads” are the leads you own.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <ul className="member-list" aria-label="Team members" data-testid="member-list">
        {team.map((m) =>
          editing === m.id ? (
            <li key={m.id} className="member-item member-item-editing">
              <MemberForm
                initial={{ name: m.name, email: m.email ?? '', role: m.role }}
                submitLabel="Save"
                onSubmit={async (input) => {
                  const result = await updateMember(m.id, input);
                  if (result.ok) setEditing(null);
                  return result;
                }}
                onCancel={() => setEditing(null)}
                testId="member-edit"
              />
            </li>
          ) : (
            <li key={m.id} className="member-item">
              <span className="member-name">
                {m.name}
                {m.id === currentMemberId && <span className="member-me"> (you)</span>}
              </span>
              <span className="member-email">{m.email ?? <span className="muted">no e-mail</span>}</span>
              <span className="member-role">{ROLE_LABELS[m.role]}</span>
              <button type="button" className="button button-small" onClick={() => setEditing(m.id)} aria-label={`Edit ${m.name}`}>
                Edit
              </button>
            </li>
          ),
        )}
        {team.length === 0 && <li className="muted">Nobody yet: add the first member below.</li>}
      </ul>
      <h4 className="settings-subheading">Add a member</h4>
      <MemberForm submitLabel="Add member" onSubmit={addMember} testId="member-add" />
    </section>
  );
}
