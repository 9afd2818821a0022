import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../../shared/domain/csv-transfer.ts';
import { leadFieldsSchema } from '../../../shared/ipc/schemas.ts';
import { domainOf, parseList, parseTimestamp, websiteOf } from '../../../main/import/parse-values.ts';
import { createResolver, createRowConverter, quickCheck, quickListCheck } from '../../../main/import/row-to-lead.ts';

const shape = leadFieldsSchema.shape as unknown as Record<string, z.ZodType>;
const long = (n: number, char = 'a') => char.repeat(n);

/** Cells as an import meets them (trimmed, not empty): ordinary ones, edge lengths, and wrong ones. */
const CELLS: Partial<Record<ImportField, string[]>> = {
  firstName: ['Anna', 'Пётр', 'O\'Brien', long(100), long(101), long(100, 'ж'), long(101, 'ж'), '😀'.repeat(50), '😀'.repeat(51)],
  lastName: ['Petrova', long(100), long(101)],
  roleTitle: ['Head of Sales', long(120), long(121)],
  companyName: ['Банк «Восток»', long(200), long(201)],
  industry: ['Banking', long(100), long(101)],
  department: ['Marketing', long(101)],
  persona: ['Champion', long(101)],
  country: ['Россия', long(101)],
  city: ['Amsterdam', long(101)],
  source: ['LinkedIn', long(101)],
  email: [
    'anna.petrova@example.com', 'ANNA@Example.COM', "o'brien+tag@mail.example.org", 'a@b.co', 'ivan@', '@example.com', 'a b@example.com',
    'anna..petrova@example.com', 'анна@пример.рф', 'anna@example', `${long(243)}@example.com`, `${long(244)}@example.com`, 'a@-example.com', 'a.@example.com',
  ],
  phone: ['+7 915 123-45-67', '+1 (930) 555-0137', '8.800.555.35.35', '12/34', long(40, '1'), long(41, '1'), 'call me', '+()-', '+7 915 123 45 67 ext. 2'],
  companyDomain: [
    'example.com', 'Example.COM', 'https://www.acme.com/about', 'sub.domain.example.co.uk', 'localhost', 'exa mple.com', 'пример.рф', 'a..b', `${long(250)}.com`, `${long(249)}.com`,
    'xn--e1afmkfd.xn--p1ai', '-acme.com', 'acme.com:8080', 'www.', '.com',
  ],
};

describe('the import\'s quick checks say what the app\'s schema says', () => {
  for (const [field, cells] of Object.entries(CELLS) as [ImportField, string[]][]) {
    it(field, () => {
      for (const text of cells) {
        const raw = field === 'companyDomain' ? domainOf(text) : text;
        const quick = quickCheck(field, raw);
        const schema = shape[field]!.safeParse(raw);
        // A value the quick check accepts is one the schema accepts, unchanged; the rest go to the
        // schema. It leaves the schema only values the schema changes or refuses, and those longer in
        // UTF-16 units than allowed whose code points (what the schema counts) still fit.
        if (quick !== undefined) expect(schema, text).toEqual({ success: true, data: quick });
        else if (schema.success && schema.data === raw) expect([...raw].length, `${field}: "${text}" is plain enough for the quick check`).toBeLessThan(raw.length);
      }
    });
  }

  it('lists', () => {
    const cells = ['vip; webinar', 'a;;b; ;a', `${long(80)}; b`, `${long(81)}; b`, Array.from({ length: 100 }, (_, i) => `t${i}`).join('; '), Array.from({ length: 101 }, (_, i) => `t${i}`).join('; '), 'тендер\nгорячий лид'];
    for (const text of cells) {
      const list = parseList(text);
      const quick = quickListCheck(list);
      const schema = shape.tags!.safeParse(list);
      if (quick !== undefined) expect(schema, text).toEqual({ success: true, data: quick });
      else expect(schema.success, text).toBe(false);
    }
  });

  it('websites are the schema\'s alone (the URL parser decides)', () => {
    for (const text of ['acme.com', 'https://acme.com', 'http://acme.com/path?q=1']) expect(quickCheck('website', websiteOf(text))).toBeUndefined();
  });
});

describe('row conversion', () => {
  const resolver = createResolver([], [], { stage: [], owner: [] });
  const convert = createRowConverter(['firstName', 'email', 'tags', 'industry', 'website', 'createdAt'], resolver);

  it('a cell seen before gives the same value, and a list of its own', () => {
    const a = convert(['Anna', 'anna@example.com', 'vip; webinar', 'Banking', 'acme.com', '2026-03-01T10:00:00.000Z']);
    const b = convert(['Ivan', 'ivan@example.com', 'vip; webinar', 'Banking', 'acme.com', '2026-03-01T10:00:00.000Z']);
    expect(a.values).toEqual({ firstName: 'Anna', email: 'anna@example.com', tags: ['vip', 'webinar'], industry: 'Banking', website: 'https://acme.com', companyDomain: 'acme.com' });
    expect(b.values.tags).toEqual(a.values.tags);
    expect(b.values.tags).not.toBe(a.values.tags);
    a.values.tags!.push('changed');
    expect(convert(['Olga', '', 'vip; webinar', '', '', '']).values.tags).toEqual(['vip', 'webinar']);
  });

  it('a wrong cell seen before is refused again, quoting its own text', () => {
    const first = convert(['Anna', 'anna@', long(81), '', 'not a site', '']);
    const again = convert(['Ivan', 'ivan@', long(81), '', 'not a site', '']);
    expect(first.errors.map((e) => e.message)).toEqual([
      'E-mail: "anna@" — That e-mail address does not look right.',
      `Tags: "${long(57)}..." — each value is at most 80 characters, at most 100 values.`,
      'Website: "not a site" — A website looks like https://example.com.',
    ]);
    expect(again.errors.map((e) => e.message)).toEqual([
      'E-mail: "ivan@" — That e-mail address does not look right.',
      `Tags: "${long(57)}..." — each value is at most 80 characters, at most 100 values.`,
      'Website: "not a site" — A website looks like https://example.com.',
    ]);
  });

  it('moments in the export\'s own form read as the general form does, impossible days refused alike', () => {
    for (const text of ['2026-03-31T14:30:00.000Z', '2024-02-29T00:00:00.000Z', '2026-04-30T24:00:00.000Z']) {
      expect(parseTimestamp(text)).toEqual({ ok: true, value: Date.parse(text) });
    }
    expect(parseTimestamp('2026-02-29T10:00:00.000Z')).toEqual({ ok: false, message: 'is a day that does not exist' });
    expect(parseTimestamp('2026-04-30T23:60:00.000Z')).toEqual({ ok: false, message: 'is not a date and time like 2026-03-31T14:30:00Z' });
  });
});
