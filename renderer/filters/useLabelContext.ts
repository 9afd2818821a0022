import { useMemo } from 'react';
import { useBoard } from '../state/store.ts';
import type { LabelContext } from './value-labels.ts';

/** Team, stages and the current user, for turning filter values into words. */
export function useLabelContext(): LabelContext {
  const team = useBoard((s) => s.team);
  const stages = useBoard((s) => s.stages);
  const currentMemberId = useBoard((s) => s.info?.currentMemberId ?? null);
  return useMemo(() => ({ team, stages, currentMemberId }), [team, stages, currentMemberId]);
}
