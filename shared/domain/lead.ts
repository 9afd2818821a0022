export const URGENCIES = ['low', 'medium', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SENIORITIES = ['entry', 'manager', 'director', 'vp', 'c_level', 'owner'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/**
 * What a lead's company looks like to a lead database. Companies live in their own table, shared by
 * their leads and matched by domain; on a lead they appear flattened so forms and tables stay simple.
 */
export interface CompanyFields {
  companyName: string | null;
  companyDomain: string | null;
  industry: string | null;
  employeeCount: number | null;
  /** Monthly advertising spend, whole US dollars (lead databases quote it in USD). */
  monthlyAdSpendUsd: number | null;
  /** e.g. Google Ads, Meta, LinkedIn. */
  adChannels: string[];
  /** e.g. HubSpot, Salesforce, Shopify. */
  technologies: string[];
  openJobPostings: number | null;
  /** Departments with open job postings, e.g. Marketing, Sales. */
  jobDepartments: string[];
  country: string | null;
  city: string | null;
  website: string | null;
}

/** The fields a seller edits. Money is kept in minor units (cents, kopecks) so sums stay exact. */
export interface LeadFields extends CompanyFields {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  roleTitle: string | null;
  /** ISO date (YYYY-MM-DD) the contact started in the current role. */
  roleStartedOn: string | null;
  seniority: Seniority | null;
  department: string | null;
  persona: string | null;
  tags: string[];
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
  companyId: number | null;
  /** Sum of the points of the scoring rules the lead matches (ScoreRule in shared/domain/views.ts). */
  score: number;
  /** Latest activity or stage move, epoch milliseconds. */
  lastActivityAt: number | null;
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
  seniority: null,
  department: null,
  persona: null,
  tags: [],
  companyName: null,
  companyDomain: null,
  industry: null,
  employeeCount: null,
  monthlyAdSpendUsd: null,
  adChannels: [],
  technologies: [],
  openJobPostings: null,
  jobDepartments: [],
  country: null,
  city: null,
  website: null,
  source: null,
  ownerId: null,
  dealValueMinor: null,
  currency: 'USD',
  expectedCloseOn: null,
  urgency: null,
};
