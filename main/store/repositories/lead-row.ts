import type { Lead } from '../../../shared/domain/lead.ts';
import type { CompanyAttributeKind } from '../filter/fields.ts';

/** Two subqueries per row, not four: the company's lists arrive together as [kind, value] pairs. */
const COMPANY_LISTS = '(SELECT json_group_array(json_array(kind, value)) FROM company_attributes WHERE company_id = l.company_id)';
const TAGS = '(SELECT json_group_array(tag) FROM lead_tags WHERE lead_id = l.id)';

/** Every column of a Lead, flattened from the lead, its company, its tags and its owner. */
export const LEAD_COLUMNS = `
  l.id, l.first_name AS firstName, l.last_name AS lastName, l.email, l.phone,
  l.role_title AS roleTitle, l.role_started_on AS roleStartedOn, l.seniority, l.department, l.persona,
  ${TAGS} AS tags,
  c.name AS companyName, c.domain AS companyDomain, c.industry, c.employee_count AS employeeCount,
  c.monthly_ad_spend_usd AS monthlyAdSpendUsd, ${COMPANY_LISTS} AS companyLists,
  c.open_job_postings AS openJobPostings,
  c.country, c.city, c.website,
  l.source, l.owner_id AS ownerId, m.name AS ownerName,
  l.deal_value_minor AS dealValueMinor, l.currency, l.expected_close_on AS expectedCloseOn, l.urgency,
  l.stage_key AS stageKey, l.position, l.stage_entered_at AS stageEnteredAt,
  l.created_at AS createdAt, l.updated_at AS updatedAt, l.deleted_at AS deletedAt,
  l.company_id AS companyId, l.score, l.last_activity_at AS lastActivityAt`;

export const LEAD_FROM = `
  FROM leads l
  LEFT JOIN companies c ON c.id = l.company_id
  LEFT JOIN team_members m ON m.id = l.owner_id`;

/** A row as SQLite returns it: the sets arrive as JSON. */
export type LeadRow = Omit<Lead, 'tags' | 'adChannels' | 'technologies' | 'jobDepartments'> & {
  tags: string;
  companyLists: string;
};

const parse = <T>(json: string): T[] => (json === '[]' ? [] : (JSON.parse(json) as T[]));

/**
 * Sets come back sorted (SQLite's aggregate order is not guaranteed, so sort here). The row object
 * is reused rather than copied: boards and CLI exports read thousands of rows.
 */
export function toLead(row: LeadRow): Lead {
  const lists: Record<CompanyAttributeKind, string[]> = { ad_channel: [], technology: [], job_department: [] };
  for (const [kind, value] of parse<[CompanyAttributeKind, string]>(row.companyLists)) lists[kind].push(value);
  const lead = row as unknown as Lead & { companyLists?: string };
  delete lead.companyLists;
  lead.tags = parse<string>(row.tags).sort();
  lead.adChannels = lists.ad_channel.sort();
  lead.technologies = lists.technology.sort();
  lead.jobDepartments = lists.job_department.sort();
  return lead;
}
