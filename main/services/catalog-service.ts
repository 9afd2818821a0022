import type { Reason, ReasonKind } from '../../shared/domain/reasons.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { AppInfo } from '../../shared/ipc/contract.ts';
import type { ServiceContext } from './context.ts';

/** Stages, team, reason lists and facts about this copy of the app. */
export function createCatalogService({ catalog, team, leads }: ServiceContext, app: { dbPath: string; version: string }) {
  return {
    info(): AppInfo {
      return { version: app.version, dbPath: app.dbPath, leadCount: leads.liveCount(), currentMemberId: team.currentMemberId() };
    },
    stages: () => catalog.stages(),
    members: () => team.members(),
    reasons: () => catalog.reasons(),
    addReason(kind: ReasonKind, label: string): Reason {
      if (catalog.reasonByLabel(kind, label)) throw new DomainError('conflict', `"${label}" is already in the list.`);
      return catalog.addReason(kind, label);
    },
    removeReason(id: number): { id: number } {
      if (!catalog.removeReason(id)) throw new DomainError('not_found', `Reason ${id} does not exist.`);
      return { id };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
