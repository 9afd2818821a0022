import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT, T0, caught, countRows, createTestServices, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

const ACME = {
  companyName: 'Acme Logistics',
  companyDomain: 'acmelogistics.io',
  industry: 'Logistics',
  employeeCount: 400,
  technologies: ['SAP', 'Salesforce'], // sets come back sorted
  adChannels: ['Google Ads'],
  jobDepartments: ['Operations'],
  country: 'United States',
  city: 'Memphis',
};

describe('company upsert through lead create and update', () => {
  it('two leads with one domain share one company; editing it through one lead shows on the other', () => {
    const a = t.leads.create({ firstName: 'Ann', ...ACME });
    const b = t.leads.create({ firstName: 'Ben', companyDomain: 'ACMELOGISTICS.IO'.toLowerCase() });
    expect(b.companyId).toBe(a.companyId);
    expect(b).toMatchObject(ACME);
    expect(countRows(t.db, 'companies')).toBe(1);

    t.clock.advance();
    t.leads.update(b.id, { industry: 'Freight', technologies: ['HubSpot'], companyName: 'Acme Freight' });
    expect(t.leads.get(a.id).lead).toMatchObject({ companyName: 'Acme Freight', industry: 'Freight', technologies: ['HubSpot'], employeeCount: 400 });
    // Ann's own row was not touched: only the shared company changed.
    expect(t.leads.get(a.id).lead.updatedAt).toBe(T0);
  });

  it('without a domain, a lead joins the company of the same exact name; another name makes a new one', () => {
    const a = t.leads.create({ companyName: 'ООО «Ромашка»', industry: 'Retail' });
    const b = t.leads.create({ companyName: 'ООО «Ромашка»' });
    const c = t.leads.create({ companyName: 'ооо «ромашка»' });
    expect(b.companyId).toBe(a.companyId);
    expect(b.industry).toBe('Retail');
    expect(c.companyId).not.toBe(a.companyId);
  });

  it('a lead bringing a domain completes a company known by its name only; one with another domain stays apart', () => {
    const a = t.leads.create({ companyName: 'Verde Foods', industry: 'Retail' });
    const b = t.leads.create({ companyName: 'Verde Foods', companyDomain: 'verdefoods.com' });
    expect(b.companyId).toBe(a.companyId);
    expect(t.leads.get(a.id).lead).toMatchObject({ companyDomain: 'verdefoods.com', industry: 'Retail' });
    const c = t.leads.create({ companyName: 'Verde Foods', companyDomain: 'verde.de' });
    expect(c.companyId).not.toBe(a.companyId);
    expect(countRows(t.db, 'companies')).toBe(2);
  });

  it('joining an existing company adds what the lead knows but never erases what the company knows', () => {
    const a = t.leads.create(ACME);
    const b = t.leads.create({ companyDomain: 'acmelogistics.io', companyName: 'Acme Logistics', industry: null, employeeCount: 410, technologies: [] });
    expect(b.companyId).toBe(a.companyId);
    expect(t.leads.get(a.id).lead).toMatchObject({ industry: 'Logistics', employeeCount: 410, technologies: ['SAP', 'Salesforce'] });
  });

  it('a new domain moves the lead to another company and leaves the old one to its other leads', () => {
    const a = t.leads.create({ firstName: 'Ann', ...ACME });
    const b = t.leads.create({ firstName: 'Ben', ...ACME });
    t.leads.update(b.id, { companyDomain: 'acme-freight.com', companyName: 'Acme Freight' });
    const moved = t.leads.get(b.id).lead;
    expect(moved.companyId).not.toBe(a.companyId);
    // The new company starts from what the lead showed, with the new identity.
    expect(moved).toMatchObject({ companyName: 'Acme Freight', companyDomain: 'acme-freight.com', industry: 'Logistics', technologies: ['SAP', 'Salesforce'] });
    expect(t.leads.get(a.id).lead).toMatchObject(ACME);
  });

  it('clearing name and domain detaches the lead; a company nobody points at any more is removed', () => {
    const a = t.leads.create({ firstName: 'Ann', ...ACME });
    const detached = t.leads.update(a.id, { companyName: null, companyDomain: null });
    expect(detached).toMatchObject({ companyId: null, companyName: null, industry: null, technologies: [], employeeCount: null });
    expect(countRows(t.db, 'companies')).toBe(0);
    expect(countRows(t.db, 'company_attributes')).toBe(0);
  });

  it('a soft-deleted lead keeps its company alive, so a restore finds it', () => {
    const a = t.leads.create({ firstName: 'Ann', ...ACME });
    const b = t.leads.create({ firstName: 'Ben', ...ACME });
    t.leads.delete(a.id);
    t.leads.update(b.id, { companyName: null, companyDomain: null });
    expect(countRows(t.db, 'companies')).toBe(1);
    expect(t.leads.restore(a.id)).toMatchObject(ACME);
  });

  it('company details without a name or a domain are refused; a patch without company fields keeps the company', () => {
    const error = caught(() => t.leads.create({ firstName: 'X', industry: 'Banking' }));
    expect(error).toMatchObject({ code: 'invalid_input', message: 'A company needs a name or a domain: give one to save its industry, size and other details.' });
    expect(countRows(t.db, 'leads')).toBe(0);
    const a = t.leads.create({ ...CONTACT, ...ACME }, 'mql');
    const updated = t.leads.update(a.id, { phone: '+1 555 0100', tags: ['vip'] });
    expect(updated).toMatchObject({ ...ACME, companyId: a.companyId, tags: ['vip'] });
    // Emptying fields of a lead that has no company is fine.
    expect(t.leads.create({ industry: null, technologies: [] }).companyId).toBeNull();
  });

  it('a move form patch can carry company fields too, in the move transaction', () => {
    const a = t.leads.create({ firstName: 'Ann' }, 'conversion');
    const { lead } = t.leads.move({ leadId: a.id, toStage: 'mql', beforeLeadId: null, patch: { ...CONTACT, ...ACME } });
    expect(lead).toMatchObject({ stageKey: 'mql', ...ACME });
  });

  it('tags are replaced by a patch that carries them and kept otherwise', () => {
    const a = t.leads.create({ tags: ['b', 'a', 'a'] });
    expect(a.tags).toEqual(['a', 'b']);
    expect(t.leads.update(a.id, { firstName: 'Z' }).tags).toEqual(['a', 'b']);
    expect(t.leads.update(a.id, { tags: ['c'] }).tags).toEqual(['c']);
    expect(t.leads.update(a.id, { tags: [] }).tags).toEqual([]);
  });
});
