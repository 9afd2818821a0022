import { LEAD_ATTRIBUTES, type AttributeKey, type LeadAttribute } from '../../shared/domain/lead-attributes.ts';

/** How the filter builder and the "Columns" menu group the attributes, in the order a seller scans them. */
export const ATTRIBUTE_GROUPS: readonly { label: string; keys: readonly AttributeKey[] }[] = [
  {
    label: 'Company',
    keys: [
      'companyName',
      'companyDomain',
      'industry',
      'employeeCount',
      'monthlyAdSpendUsd',
      'adChannels',
      'technologies',
      'openJobPostings',
      'jobDepartments',
      'country',
      'city',
      'website',
    ],
  },
  { label: 'Contact', keys: ['name', 'email', 'phone', 'roleTitle', 'seniority', 'department', 'roleStartedOn', 'persona'] },
  {
    label: 'Deal & funnel',
    keys: ['stageKey', 'ownerId', 'source', 'tags', 'score', 'dealValueMinor', 'currency', 'expectedCloseOn', 'urgency'],
  },
  { label: 'Activity', keys: ['lastActivityAt', 'createdAt', 'stageEnteredAt'] },
];

export function groupedAttributes(): { label: string; attributes: LeadAttribute[] }[] {
  return ATTRIBUTE_GROUPS.map((group) => ({
    label: group.label,
    attributes: group.keys.map((key) => LEAD_ATTRIBUTES.find((a) => a.key === key)!),
  }));
}
