import { useBoard } from '../state/store.ts';
import { plural, ROWS } from '../jobs/progress-format.ts';
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
  const mapsStage = wizard.columns.includes('stage');
  const mapsOwner = wizard.columns.includes('owner');
  const sortedStages = [...stages].sort((a, b) => a.position - b.position);
  const stageChoice = new Map(wizard.valueMapping.stage.map((e) => [e.value, e.stageKey]));
  const ownerChoice = new Map(wizard.valueMapping.owner.map((e) => [e.value, e.ownerId]));

  if (!mapsStage && !mapsOwner) {
    return <p className="muted import-side-note">A column mapped to a stage or an owner is matched here to Voronka’s stages and team.</p>;
  }
  const none = unknown.stage.length === 0 && unknown.owner.length === 0;

  return (
    <div className="import-values" data-testid="value-matching">
      <p className="muted import-side-note" role="status" data-testid="values-status">
        {checking
          ? 'Checking the stages and owners of the file…'
          : none
            ? wizard.preview
              ? 'Every stage and owner in the file matches Voronka’s.'
              : ''
            : 'Some values of the file match nothing in Voronka: choose what each one means. The rows keep their other values.'}
      </p>
      {unknown.stage.length > 0 && (
        <section aria-labelledby="import-stage-values">
          <h4 id="import-stage-values" className="import-values-heading">
            Stages in the file
          </h4>
          <ul className="import-value-list">
            {unknown.stage.map((item) => (
              <li key={item.value} className="import-value">
                <span className="import-value-name" title={item.value}>
                  “{item.value}” <span className="muted">· {plural(item.count, ROWS)}</span>
                </span>
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
              </li>
            ))}
          </ul>
        </section>
      )}
      {unknown.owner.length > 0 && (
        <section aria-labelledby="import-owner-values">
          <h4 id="import-owner-values" className="import-values-heading">
            Owners in the file
          </h4>
          <ul className="import-value-list">
            {unknown.owner.map((item) => (
              <li key={item.value} className="import-value">
                <span className="import-value-name" title={item.value}>
                  “{item.value}” <span className="muted">· {plural(item.count, ROWS)}</span>
                </span>
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
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
