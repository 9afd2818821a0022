import { EMPTY_LEAD_FIELDS, type Lead } from '../../../shared/domain/lead.ts';

/** A lead with every field of the contract, empty unless given. */
export function makeLead(fields: Partial<Lead> & { id: number }): Lead {
  return {
    ...EMPTY_LEAD_FIELDS,
    stageKey: 'mql',
    position: 'a0',
    stageEnteredAt: 0,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ownerName: null,
    companyId: null,
    score: 0,
    lastActivityAt: null,
    ...fields,
  };
}
