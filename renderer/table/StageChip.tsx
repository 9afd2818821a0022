import { useBoard } from '../state/store.ts';

/** A stage by its name, coloured by funnel. */
export function StageChip({ stageKey }: { stageKey: string }) {
  const stage = useBoard((s) => s.stages.find((st) => st.key === stageKey));
  if (!stage) return <span>{stageKey}</span>;
  return <span className={`stage-chip stage-chip-${stage.funnel}`}>{stage.name}</span>;
}
