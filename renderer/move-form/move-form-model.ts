import { URGENCIES, type Lead, type Urgency } from '../../shared/domain/lead.ts';
import type { Requirement } from '../../shared/domain/stage-rules.ts';
import { leadPatchSchema, type LeadPatch } from '../../shared/ipc/schemas.ts';
import { parseMajorToMinor } from '../ui/money.ts';

/** What the move form asks for, as typed. Only the parts the move needs are shown. */
export interface MoveFormValues {
  email: string;
  phone: string;
  dealValue: string;
  currency: string;
  expectedCloseOn: string;
  urgency: string;
  reason: string;
}

export type MoveFormErrors = Partial<Record<keyof MoveFormValues, string>>;

export function initialMoveValues(lead: Lead): MoveFormValues {
  return {
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    dealValue: '',
    currency: lead.currency || 'USD',
    expectedCloseOn: lead.expectedCloseOn ?? '',
    urgency: lead.urgency ?? '',
    reason: '',
  };
}

export interface MovePayload {
  patch?: LeadPatch;
  reason?: string;
}

/** Checks the answers against what the move needs and builds `leads.move`'s `patch` and `reason`. */
export function buildMovePayload(requirements: readonly Requirement[], values: MoveFormValues): { payload: MovePayload; errors: MoveFormErrors } {
  const errors: MoveFormErrors = {};
  const patch: LeadPatch = {};
  let reason: string | undefined;

  for (const requirement of requirements) {
    if (requirement.kind === 'contact') {
      const email = values.email.trim();
      const phone = values.phone.trim();
      if (!email && !phone) {
        errors.email = 'Give an e-mail or a phone number.';
        continue;
      }
      if (email) patch.email = email;
      if (phone) patch.phone = phone;
    } else if (requirement.kind === 'deal') {
      for (const field of requirement.missing) {
        if (field === 'dealValueMinor') {
          const minor = parseMajorToMinor(values.dealValue);
          if (values.dealValue.trim() === '') errors.dealValue = 'Enter the deal value.';
          else if (minor === null) errors.dealValue = 'Deal value is an amount such as 12500 or 12500.50.';
          else {
            patch.dealValueMinor = minor;
            patch.currency = values.currency;
          }
        } else if (field === 'expectedCloseOn') {
          if (!values.expectedCloseOn.trim()) errors.expectedCloseOn = 'Pick the expected close date.';
          else patch.expectedCloseOn = values.expectedCloseOn.trim();
        } else {
          if ((URGENCIES as readonly string[]).includes(values.urgency)) patch.urgency = values.urgency as Urgency;
          else errors.urgency = 'Pick an urgency.';
        }
      }
    } else {
      if (values.reason.trim()) reason = values.reason.trim();
      else errors.reason = 'Pick a reason.';
    }
  }

  // The same checks main runs (e-mail and phone shape, date format).
  const checked = leadPatchSchema.safeParse(patch);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = (key === 'dealValueMinor' ? 'dealValue' : key) as keyof MoveFormValues;
      if (field in values && !errors[field]) errors[field] = issue.message;
    }
  }

  const payload: MovePayload = {};
  if (Object.keys(patch).length > 0) payload.patch = patch;
  if (reason) payload.reason = reason;
  return { payload, errors };
}
