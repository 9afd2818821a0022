import { useBoard } from '../state/store.ts';
import { formatCount } from '../jobs/progress-format.ts';
import { setOwnerValue, setStageValue } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { unknownToMatch } from './wizard.ts';

const LEAVE_OUT = '__leave_out__';

/** Stage and owner values of the file that match no stage or team member: the seller picks one for each. */
export function ValueMatching() {
  const wizard = useImport((s) => s.wizard);
  const stages = useBoard((s) => s.stages);
  const team = useBoard((s) => s.team);
  const unknown = unknownToMatch(wizard);
  const checking = wizard.busy?.kind === 'preview';
  const needsCheck = wizard.columns.includes('stage') || wizard.columns.includes('owner');
  const sortedStages = [...stages].sort((a, b) => a.position - b.position);
  if (!needsCheck) return null;
  if (unknown.stage.length === 0 && unknown.owner.length === 0) {
    return (
      <p className="muted" role="status" data-testid="values-status">
        {checking ? 'Checking the stage and owner values of the file…' : wizard.preview ? 'Every stage and owner in the file matches Voronka’s.' : ''}
      </p>
    );
  }
  const stageChoice = new Map(wizard.valueMapping.stage.map((e) => [e.value, e.stageKey]));
  const ownerChoice = new Map(wizard.valueMapping.owner.map((e) => [e.value, e.ownerId]));

  return (
    <section className="import-values" aria-labelledby="import-values-heading" data-testid="value-matching">
      <h3 id="import-values-heading" className="import-subheading">
        Values Voronka does not know
      </h3>
      <p className="muted">Choose what each one means here. Rows keep the file’s other values.</p>
      <div className="import-values-grid">
        {unknown.stage.length > 0 && (
          <table className="import-table import-values-table">
            <thead>
              <tr>
                <th scope="col">Stage in the file</th>
                <th scope="col">Rows</th>
                <th scope="col">Stage in Voronka</th>
              </tr>
            </thead>
            <tbody>
              {unknown.stage.map((item) => (
                <tr key={item.value}>
                  <th scope="row">{item.value}</th>
                  <td className="import-num">{formatCount(item.count)}</td>
                  <td>
                    <select
                      className="input select"
                      aria-label={`Stage for “${item.value}”`}
                      value={stageChoice.get(item.value) ?? LEAVE_OUT}
                      onChange={(e) => setStageValue(item.value, e.target.value === LEAVE_OUT ? null : e.target.value)}
                      data-testid={`stage-value-${item.value}`}
                    >
                      <option value={LEAVE_OUT}>Don’t import these rows</option>
                      {sortedStages.map((stage) => (
                        <option key={stage.key} value={stage.key}>
                          {stage.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {unknown.owner.length > 0 && (
          <table className="import-table import-values-table">
            <thead>
              <tr>
                <th scope="col">Owner in the file</th>
                <th scope="col">Rows</th>
                <th scope="col">Team member</th>
              </tr>
            </thead>
            <tbody>
              {unknown.owner.map((item) => (
                <tr key={item.value}>
                  <th scope="row">{item.value}</th>
                  <td className="import-num">{formatCount(item.count)}</td>
                  <td>
                    <select
                      className="input select"
                      aria-label={`Owner for “${item.value}”`}
                      value={String(ownerChoice.get(item.value) ?? '')}
                      onChange={(e) => setOwnerValue(item.value, e.target.value ? Number(e.target.value) : null)}
                      data-testid={`owner-value-${item.value}`}
                    >
                      <option value="">No owner</option>
                      {team.map((member) => (
                        <option key={member.id} value={member.id}>
                          {member.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
