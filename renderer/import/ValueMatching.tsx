import { useBoard } from '../state/store.ts';
import { plural, ROWS } from '../ui/numbers.ts';
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
      <UnknownValues
        kind="stage"
        heading="Stages in the file"
        items={unknown.stage}
        options={[{ value: LEAVE_OUT, label: 'Don’t import these rows' }, ...sortedStages.map((stage) => ({ value: stage.key, label: stage.name }))]}
        chosen={(value) => stageChoice.get(value) ?? LEAVE_OUT}
        choose={(value, option) => setStageValue(value, option === LEAVE_OUT ? null : option)}
      />
      <UnknownValues
        kind="owner"
        heading="Owners in the file"
        items={unknown.owner}
        options={[{ value: '', label: 'No owner' }, ...team.map((member) => ({ value: String(member.id), label: member.name }))]}
        chosen={(value) => String(ownerChoice.get(value) ?? '')}
        choose={(value, option) => setOwnerValue(value, option ? Number(option) : null)}
      />
    </div>
  );
}

interface UnknownValuesProps {
  kind: 'stage' | 'owner';
  heading: string;
  items: readonly { value: string; count: number }[];
  options: readonly { value: string; label: string }[];
  /** The option chosen for a value of the file. */
  chosen: (value: string) => string;
  choose: (value: string, option: string) => void;
}

/** One kind of unmatched values (stages or owners), each with the rows it holds and a choice. */
function UnknownValues({ kind, heading, items, options, chosen, choose }: UnknownValuesProps) {
  if (items.length === 0) return null;
  const label = kind === 'stage' ? 'Stage' : 'Owner';
  return (
    <section aria-labelledby={`import-${kind}-values`}>
      <h4 id={`import-${kind}-values`} className="import-values-heading">
        {heading}
      </h4>
      <ul className="import-value-list">
        {items.map((item) => (
          <li key={item.value} className="import-value">
            <span className="import-value-name" title={item.value}>
              “{item.value}” <span className="muted">· {plural(item.count, ROWS)}</span>
            </span>
            <select
              className="input select"
              aria-label={`${label} for “${item.value}”`}
              value={chosen(item.value)}
              onChange={(e) => choose(item.value, e.target.value)}
              data-testid={`${kind}-value-${item.value}`}
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </section>
  );
}
