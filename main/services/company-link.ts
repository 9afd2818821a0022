import type { CompanyFields, LeadFields } from '../../shared/domain/lead.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { Company, CompanyRepository } from '../store/repositories/company-repository.ts';

export const COMPANY_KEYS = [
  'companyName', 'companyDomain', 'industry', 'employeeCount', 'monthlyAdSpendUsd', 'adChannels', 'technologies',
  'openJobPostings', 'jobDepartments', 'country', 'city', 'website',
] as const satisfies readonly (keyof CompanyFields)[];

export interface CompanyLink {
  /** The company the lead points at after the change. */
  companyId: number | null;
  /** A shared company whose fields changed: all its leads need rescoring. */
  changedCompanyId: number | null;
}

const blank = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/** The COMPANY_KEYS of `fields` (written out: an import calls this for every row). */
function companyFieldsOf(fields: CompanyFields): CompanyFields {
  return {
    companyName: fields.companyName, companyDomain: fields.companyDomain, industry: fields.industry, employeeCount: fields.employeeCount,
    monthlyAdSpendUsd: fields.monthlyAdSpendUsd, adChannels: fields.adChannels, technologies: fields.technologies,
    openJobPostings: fields.openJobPostings, jobDepartments: fields.jobDepartments, country: fields.country, city: fields.city, website: fields.website,
  };
}

/** A company is the same one while its domain is (or, without a domain, its exact name). */
function identity(fields: Pick<CompanyFields, 'companyName' | 'companyDomain'>): string | null {
  if (fields.companyDomain) return `domain:${fields.companyDomain}`;
  return fields.companyName ? `name:${fields.companyName}` : null;
}

/**
 * Which company a lead points at after `patch`, writing the company as needed:
 * - a patch without company fields changes nothing;
 * - clearing both name and domain detaches the lead (its other company fields go with it);
 * - while the identity stays (same domain, or same name without one) the edit goes to the current
 *   company, which all its leads share: renaming it renames it for everyone;
 * - a new identity is looked up: by domain when given (then by exact name among companies that have
 *   no domain yet, which gain it), else by exact name. Joining an existing company adds the patch's
 *   non-empty values to it but never erases what it knows; none found makes a new company.
 */
export function linkCompany(
  companies: CompanyRepository,
  currentId: number | null,
  merged: LeadFields,
  patch: LeadPatch | undefined,
  at: number,
): CompanyLink {
  const touched = COMPANY_KEYS.filter((key) => patch?.[key] !== undefined);
  if (touched.length === 0) return { companyId: currentId, changedCompanyId: null };
  const wanted = companyFieldsOf(merged);
  const current: Company | undefined = currentId === null ? undefined : companies.get(currentId);
  const wantedIdentity = identity(wanted);

  if (wantedIdentity === null) {
    if (touched.includes('companyName') || touched.includes('companyDomain')) return { companyId: null, changedCompanyId: null };
    // A company kept from before companies had names (see migration 0005) stays editable.
    if (current) return { companyId: current.id, changedCompanyId: companies.update(current.id, wanted, at) ? current.id : null };
    if (COMPANY_KEYS.some((key) => !blank(wanted[key]))) {
      throw new DomainError('invalid_input', 'A company needs a name or a domain: give one to save its industry, size and other details.');
    }
    return { companyId: null, changedCompanyId: null };
  }

  if (current && identity(current) === wantedIdentity) {
    return { companyId: current.id, changedCompanyId: companies.update(current.id, wanted, at) ? current.id : null };
  }

  let existingId = wanted.companyDomain ? companies.findByDomain(wanted.companyDomain) : companies.findByName(wanted.companyName!);
  // An unknown domain may belong to a company known so far by its name only: it gains the domain.
  if (existingId === null && wanted.companyDomain && wanted.companyName) existingId = companies.findByNameWithoutDomain(wanted.companyName);
  if (existingId !== null) {
    const existing = companies.get(existingId)!;
    const joined = companyFieldsOf(existing);
    for (const key of touched) if (!blank(wanted[key])) (joined as unknown as Record<string, unknown>)[key] = wanted[key];
    return { companyId: existingId, changedCompanyId: companies.update(existingId, joined, at) ? existingId : null };
  }
  return { companyId: companies.insert(wanted, at), changedCompanyId: null };
}
