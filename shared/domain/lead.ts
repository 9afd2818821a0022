export const URGENCIES = ['low', 'medium', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The fields a seller edits. Money is kept in minor units (cents, kopecks) so sums stay exact. */
export interface LeadFields {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  roleTitle: string | null;
  /** ISO date (YYYY-MM-DD) the contact started in the current role. */
  roleStartedOn: string | null;
  companyName: string | null;
  companyDomain: string | null;
  industry: string | null;
  employeeCount: number | null;
  source: string | null;
  ownerId: number | null;
  dealValueMinor: number | null;
  currency: string;
  /** ISO date (YYYY-MM-DD). */
  expectedCloseOn: string | null;
  urgency: Urgency | null;
}

export interface Lead extends LeadFields {
  id: number;
  stageKey: string;
  /** Fractional-index key: ordering inside a column; a move rewrites only the moved lead. */
  position: string;
  /** Epoch milliseconds. */
  stageEnteredAt: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  /** Display name of the owner, joined in for cards. */
  ownerName: string | null;
}

export const ANONYMOUS_NAME = 'Anonymous visitor';

export function leadDisplayName(lead: Pick<LeadFields, 'firstName' | 'lastName' | 'email'>): string {
  const name = [lead.firstName, lead.lastName].filter((part) => part && part.trim()).join(' ').trim();
  if (name) return name;
  return lead.email ?? ANONYMOUS_NAME;
}

export function hasContactInfo(lead: Pick<LeadFields, 'email' | 'phone'>): boolean {
  return Boolean(lead.email?.trim() || lead.phone?.trim());
}

export function hasDealInfo(lead: Pick<LeadFields, 'dealValueMinor' | 'expectedCloseOn' | 'urgency'>): boolean {
  return lead.dealValueMinor !== null && lead.expectedCloseOn !== null && lead.urgency !== null;
}

export const EMPTY_LEAD_FIELDS: LeadFields = {
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  roleTitle: null,
  roleStartedOn: null,
  companyName: null,
  companyDomain: null,
  industry: null,
  employeeCount: null,
  source: null,
  ownerId: null,
  dealValueMinor: null,
  currency: 'USD',
  expectedCloseOn: null,
  urgency: null,
};
