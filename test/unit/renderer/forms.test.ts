import { describe, expect, it } from 'vitest';
import { EMPTY_LEAD_FIELDS, type Lead } from '../../../shared/domain/lead.ts';
import { fieldOfServerMessage, fromFormValues, toFormLists, toFormValues } from '../../../renderer/lead-panel/lead-form-model.ts';
import { makeLead } from './fixtures.ts';
import { buildMovePayload, initialMoveValues } from '../../../renderer/move-form/move-form-model.ts';

const lead: Lead = makeLead({ id: 1, currency: 'RUB' });

describe('lead form', () => {
  it('round-trips a lead through the form values', () => {
    const fields = { ...EMPTY_LEAD_FIELDS, firstName: 'Anna', employeeCount: 1200, dealValueMinor: 1_250_050, ownerId: 3, urgency: 'high' as const };
    const { patch, errors } = fromFormValues(toFormValues(fields), toFormLists(fields));
    expect(errors).toEqual({});
    expect(patch).toEqual(fields);
  });

  it('round-trips the company and contact signals, lists included', () => {
    const fields = {
      ...EMPTY_LEAD_FIELDS,
      firstName: 'Ирина',
      seniority: 'manager' as const,
      department: 'Human resources',
      persona: 'Champion',
      roleStartedOn: '2025-11-01',
      tags: ['webinar', 'q3'],
      companyName: 'Meridian Savings Bank',
      companyDomain: 'meridiansavings.com',
      industry: 'Banking',
      employeeCount: 540,
      monthlyAdSpendUsd: 12_000,
      adChannels: ['Google Ads', 'LinkedIn'],
      technologies: ['HubSpot'],
      openJobPostings: 4,
      jobDepartments: ['Marketing'],
      country: 'United States',
      city: 'Boston',
      website: 'https://meridiansavings.com',
    };
    const { patch, errors } = fromFormValues(toFormValues(fields), toFormLists(fields));
    expect(errors).toEqual({});
    expect(patch).toEqual(fields);
  });

  it('checks the new number and address fields in words', () => {
    const values = { ...toFormValues(EMPTY_LEAD_FIELDS), monthlyAdSpendUsd: '5k', openJobPostings: '-2', website: 'meridian' };
    const { errors } = fromFormValues(values, toFormLists(EMPTY_LEAD_FIELDS));
    expect(errors.monthlyAdSpendUsd).toBe('Ad spend is a whole number of dollars, such as 5000.');
    expect(errors.openJobPostings).toBe('Open job postings is a whole number, such as 3.');
    expect(errors.website).toBe('A website looks like https://example.com.');
  });

  it('explains bad values in words, next to their field', () => {
    const values = { ...toFormValues(EMPTY_LEAD_FIELDS), email: 'anna@', employeeCount: 'lots', dealValue: '12k', roleStartedOn: '31.03.2026', companyDomain: 'not a domain' };
    const { errors } = fromFormValues(values);
    expect(errors.email).toBe('That e-mail address does not look right.');
    expect(errors.employeeCount).toBe('Employees is a whole number, such as 250.');
    expect(errors.dealValue).toMatch(/amount such as 12500/);
    expect(errors.roleStartedOn).toBe('Use a date like 2026-03-31.');
    expect(errors.companyDomain).toBe('A domain looks like example.com.');
  });

  it('finds the field a server message names', () => {
    expect(fieldOfServerMessage('fields.email: That e-mail address does not look right.')).toEqual({
      field: 'email',
      text: 'That e-mail address does not look right.',
    });
    expect(fieldOfServerMessage('patch.dealValueMinor: Too big')).toEqual({ field: 'dealValue', text: 'Too big' });
    expect(fieldOfServerMessage('SQL needs deal value.')).toBeNull();
  });
});

describe('move form', () => {
  it('asks for an e-mail or a phone, and checks it', () => {
    const values = initialMoveValues(lead);
    expect(buildMovePayload([{ kind: 'contact' }], values).errors).toEqual({ email: 'Give an e-mail or a phone number.' });
    expect(buildMovePayload([{ kind: 'contact' }], { ...values, email: 'bad' }).errors.email).toBe('That e-mail address does not look right.');
    expect(buildMovePayload([{ kind: 'contact' }], { ...values, phone: '+7 912 000-00-00' })).toEqual({
      payload: { patch: { phone: '+7 912 000-00-00' } },
      errors: {},
    });
  });

  it('collects only the missing deal fields, value in minor units with its currency', () => {
    const values = { ...initialMoveValues(lead), dealValue: '42 000', expectedCloseOn: '2026-09-30', urgency: 'high' };
    expect(buildMovePayload([{ kind: 'deal', missing: ['dealValueMinor', 'expectedCloseOn', 'urgency'] }], values).payload).toEqual({
      patch: { dealValueMinor: 4_200_000, currency: 'RUB', expectedCloseOn: '2026-09-30', urgency: 'high' },
    });
    expect(buildMovePayload([{ kind: 'deal', missing: ['urgency'] }], values).payload).toEqual({ patch: { urgency: 'high' } });
    const empty = buildMovePayload([{ kind: 'deal', missing: ['dealValueMinor', 'expectedCloseOn', 'urgency'] }], initialMoveValues(lead));
    expect(Object.keys(empty.errors).sort()).toEqual(['dealValue', 'expectedCloseOn', 'urgency']);
  });

  it('needs a reason picked from the list', () => {
    const values = initialMoveValues(lead);
    expect(buildMovePayload([{ kind: 'reason', reasonKind: 'lost' }], values).errors).toEqual({ reason: 'Pick a reason.' });
    expect(buildMovePayload([{ kind: 'reason', reasonKind: 'lost' }], { ...values, reason: 'Price' })).toEqual({ payload: { reason: 'Price' }, errors: {} });
  });
});
