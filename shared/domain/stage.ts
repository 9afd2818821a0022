/** A column of the board. Stages live in the DB so that names and probabilities can be edited. */
export type Funnel = 'marketing' | 'sales';
/** open: work in progress; won / lost: the journey ended (lost leads may be recycled). */
export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  key: string;
  name: string;
  funnel: Funnel;
  position: number;
  /** Chance (0..1) that a lead in this stage ends won; used for the weighted pipeline. */
  probability: number;
  kind: StageKind;
  /** Entering this stage needs deal value, expected close date and urgency (SQL, Closed-won). */
  requiresDeal: boolean;
}

export const FUNNELS: readonly { key: Funnel; name: string }[] = [
  { key: 'marketing', name: 'Marketing' },
  { key: 'sales', name: 'Sales' },
];

/** Groups stages under their funnel, in board order. */
export function stagesByFunnel(stages: readonly Stage[]): { funnel: Funnel; name: string; stages: Stage[] }[] {
  const sorted = [...stages].sort((a, b) => a.position - b.position);
  return FUNNELS.map((f) => ({ funnel: f.key, name: f.name, stages: sorted.filter((s) => s.funnel === f.key) }));
}
