export interface StageTransition {
  id: number;
  leadId: number;
  /** null for the transition that created the lead. */
  fromStage: string | null;
  toStage: string;
  at: number;
  byMemberId: number | null;
  byName: string | null;
  reason: string | null;
  /** Set when this transition reverses an earlier one (Ctrl+Z); reports cancel the pair. */
  undoesTransitionId: number | null;
}

export const ACTIVITY_TYPES = ['note', 'call', 'email', 'meeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity {
  id: number;
  leadId: number;
  type: ActivityType;
  at: number;
  body: string;
  byMemberId: number | null;
  byName: string | null;
}

export const TEAM_ROLES = ['marketing', 'sdr', 'account_executive'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  id: number;
  name: string;
  email: string | null;
  role: TeamRole;
}
