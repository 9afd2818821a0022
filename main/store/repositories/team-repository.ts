import type { Database } from 'better-sqlite3';
import type { TeamMember, TeamRole } from '../../../shared/domain/history.ts';

const CURRENT_MEMBER_KEY = 'current_member_id';

/** Team members and the app settings that point at them (who is using this copy of the app). */
export function createTeamRepository(db: Database) {
  const all = db.prepare<[], TeamMember>('SELECT id, name, email, role FROM team_members ORDER BY name, id');
  const byId = db.prepare<[number], TeamMember>('SELECT id, name, email, role FROM team_members WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO team_members (name, email, role, created_at) VALUES (@name, @email, @role, @createdAt)',
  );
  const update = db.prepare('UPDATE team_members SET name = @name, email = @email, role = @role WHERE id = @id');
  const readSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    members(): TeamMember[] {
      return all.all();
    },
    member(id: number): TeamMember | undefined {
      return byId.get(id);
    },
    addMember(member: { name: string; email: string | null; role: TeamRole }, createdAt: number): number {
      return Number(insert.run({ ...member, createdAt }).lastInsertRowid);
    },
    updateMember(id: number, member: { name: string; email: string | null; role: TeamRole }): boolean {
      return update.run({ ...member, id }).changes > 0;
    },
    /** The member recorded on transitions and activities made in this app; null until one is chosen. */
    currentMemberId(): number | null {
      const value = readSetting.get(CURRENT_MEMBER_KEY)?.value;
      const id = value === undefined ? null : Number(value);
      return id !== null && byId.get(id) ? id : null;
    },
    setCurrentMemberId(id: number): void {
      writeSetting.run(CURRENT_MEMBER_KEY, String(id));
    },
  };
}

export type TeamRepository = ReturnType<typeof createTeamRepository>;
