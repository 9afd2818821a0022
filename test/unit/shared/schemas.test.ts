import { describe, expect, it } from 'vitest';
import { inputSchemas, leadFieldsSchema, leadPatchSchema } from '../../../shared/ipc/schemas.ts';
import { CHANNELS } from '../../../shared/ipc/channels.ts';
import { EMPTY_LEAD_FIELDS } from '../../../shared/domain/lead.ts';

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('lead patch', () => {
  it('turns blank strings into null for every text, e-mail, phone, domain and date field', () => {
    const blank = {
      firstName: '',
      lastName: '   ',
      email: '',
      phone: ' ',
      roleTitle: '\t',
      roleStartedOn: '',
      companyName: '',
      companyDomain: '  ',
      industry: '',
      source: '',
      expectedCloseOn: ' ',
      department: '',
      persona: ' ',
      country: '',
      city: '\n',
      website: '',
    };
    const parsed = leadPatchSchema.parse(blank);
    expect(parsed).toEqual(Object.fromEntries(Object.keys(blank).map((key) => [key, null])));
  });

  it('trims text and lower-cases the domain', () => {
    expect(leadPatchSchema.parse({ firstName: '  Анна ', companyDomain: ' Example.COM ' })).toEqual({
      firstName: 'Анна',
      companyDomain: 'example.com',
    });
  });

  it('keeps absent fields absent (a patch, not a replacement)', () => {
    expect(leadPatchSchema.parse({ email: 'a@example.com' })).toEqual({ email: 'a@example.com' });
    expect(leadPatchSchema.parse({})).toEqual({});
  });

  it('drops unknown keys', () => {
    expect(leadPatchSchema.parse({ email: 'a@example.com', stageKey: 'won', id: 3 })).toEqual({ email: 'a@example.com' });
  });

  it('refuses a bad e-mail with the human message', () => {
    expect(messages(leadPatchSchema.safeParse({ email: 'not-an-email' }))).toEqual(['email: That e-mail address does not look right.']);
    expect(messages(leadPatchSchema.safeParse({ email: 'a@b' }))).toEqual(['email: That e-mail address does not look right.']);
  });

  it('refuses a bad phone with the human message, accepts usual formats', () => {
    for (const phone of ['+7 (900) 123-45-67', '+1 555.010.0199', '8 800 2000 600', '030/1234567']) {
      expect(leadPatchSchema.safeParse({ phone }).success, phone).toBe(true);
    }
    for (const phone of ['call me', '+-()', '12ab34', '+7 900 <script>']) {
      expect(messages(leadPatchSchema.safeParse({ phone }))).toEqual([
        'phone: A phone number holds digits, spaces and + ( ) - . / only.',
      ]);
    }
  });

  it('refuses a bad currency with the human message', () => {
    for (const currency of ['usd', 'US', 'USDT', '', '€']) {
      expect(messages(leadPatchSchema.safeParse({ currency }))).toEqual([
        'currency: A currency is a three-letter code such as USD or RUB.',
      ]);
    }
    expect(leadPatchSchema.parse({ currency: 'RUB' })).toEqual({ currency: 'RUB' });
  });

  it('refuses a bad date with the human message', () => {
    for (const expectedCloseOn of ['31.03.2026', '2026-13-01', '2026-02-30', 'tomorrow', '2026-3-1']) {
      expect(messages(leadPatchSchema.safeParse({ expectedCloseOn })), expectedCloseOn).toEqual([
        'expectedCloseOn: Use a date like 2026-03-31.',
      ]);
    }
    expect(messages(leadPatchSchema.safeParse({ roleStartedOn: '2026/01/01' }))).toEqual(['roleStartedOn: Use a date like 2026-03-31.']);
    expect(leadPatchSchema.parse({ expectedCloseOn: '2026-02-28' })).toEqual({ expectedCloseOn: '2026-02-28' });
  });

  it('refuses a bad domain', () => {
    expect(messages(leadPatchSchema.safeParse({ companyDomain: 'not a domain' }))).toEqual([
      'companyDomain: A domain looks like example.com.',
    ]);
  });

  it('keeps money whole and non-negative, urgency in its list', () => {
    expect(leadPatchSchema.safeParse({ dealValueMinor: 10.5 }).success).toBe(false);
    expect(leadPatchSchema.safeParse({ dealValueMinor: -1 }).success).toBe(false);
    expect(leadPatchSchema.safeParse({ dealValueMinor: '100' }).success).toBe(false);
    expect(leadPatchSchema.safeParse({ urgency: 'urgent' }).success).toBe(false);
    expect(leadPatchSchema.parse({ dealValueMinor: 0, urgency: null })).toEqual({ dealValueMinor: 0, urgency: null });
  });

  it('limits text length', () => {
    expect(leadPatchSchema.safeParse({ firstName: 'x'.repeat(100) }).success).toBe(true);
    expect(leadPatchSchema.safeParse({ firstName: 'x'.repeat(101) }).success).toBe(false);
    expect(leadPatchSchema.safeParse({ companyName: 'x'.repeat(201) }).success).toBe(false);
  });

  it('the full field schema accepts the empty lead', () => {
    expect(leadFieldsSchema.parse(EMPTY_LEAD_FIELDS)).toEqual(EMPTY_LEAD_FIELDS);
  });
});

describe('channel schemas', () => {
  it('there is one schema per channel', () => {
    expect(Object.keys(inputSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it('move: reason is trimmed and must not be blank; ids are positive integers', () => {
    const move = inputSchemas['leads.move'];
    expect(move.parse({ leadId: 1, toStage: 'lost', beforeLeadId: null, reason: '  Price ' }).reason).toBe('Price');
    expect(messages(move.safeParse({ leadId: 1, toStage: 'lost', beforeLeadId: null, reason: '   ' }))).toEqual([
      'reason: Give a reason.',
    ]);
    expect(move.safeParse({ leadId: 0, toStage: 'lost', beforeLeadId: null }).success).toBe(false);
    expect(move.safeParse({ leadId: 1.5, toStage: 'lost', beforeLeadId: null }).success).toBe(false);
    expect(move.safeParse({ leadId: 1, toStage: 'lost' }).success).toBe(false);
  });

  it('stage keys are short lowercase identifiers', () => {
    const cards = inputSchemas['board.cards'];
    expect(cards.safeParse({ stageKey: 'sql', limit: 50, after: null }).success).toBe(true);
    for (const stageKey of ['SQL', '1sql', 'sq l', "sql'--", 'x'.repeat(41), '']) {
      expect(messages(cards.safeParse({ stageKey, limit: 50, after: null }))).toEqual(['stageKey: Unknown stage key.']);
    }
  });

  it('note bodies are trimmed, not blank, at most 10 000 characters', () => {
    const note = inputSchemas['activities.addNote'];
    expect(messages(note.safeParse({ leadId: 1, body: '  ' }))).toEqual(['body: Write something first.']);
    expect(note.safeParse({ leadId: 1, body: 'x'.repeat(10_000) }).success).toBe(true);
    expect(note.safeParse({ leadId: 1, body: 'x'.repeat(10_001) }).success).toBe(false);
  });
});
