import type { TeamMember, TeamRole } from '../../shared/domain/history.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from './context.ts';

export interface MemberDraft {
  name: string;
  email: string | null;
  role: TeamRole;
}

/** The team, and who uses this copy of the app (recorded on every move and activity). */
export function createTeamService({ db, team, scores, now, filterContext }: ServiceContext) {
  return {
    add(member: MemberDraft): TeamMember {
      return team.member(team.addMember(member, now()))!;
    },
    update(id: number, member: MemberDraft): TeamMember {
      if (!team.updateMember(id, member)) throw new DomainError('not_found', `There is no team member with id ${id}.`);
      return team.member(id)!;
    },
    /** Score rules may say "owner is me": who "me" is changes every lead's score. */
    setCurrentMember(id: number): void {
      db.transaction(() => {
        if (!team.member(id)) throw new DomainError('not_found', `There is no team member with id ${id}.`);
        team.setCurrentMemberId(id);
        scores.rescore({ all: true }, filterContext());
      })();
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
