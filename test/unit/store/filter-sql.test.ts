import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribute } from '../../../shared/domain/lead-attributes.ts';
import { EXAMPLE_PROSPECT_FILTER, OPS_BY_KIND, type FilterCondition, type LeadFilter } from '../../../shared/domain/filter.ts';
import { compileCondition, compileFilter } from '../../../main/store/filter/compile-filter.ts';
import { fieldSql } from '../../../main/store/filter/fields.ts';
import { countRows, T0 } from '../../support/services.ts';
import { buildProspects, PROSPECT_NAMES, type ProspectFixture } from '../../support/prospects.ts';

let f: ProspectFixture;
beforeAll(() => {
  f = buildProspects();
});
afterAll(() => f.t.close());

const ALL = [...PROSPECT_NAMES];
const only = (condition: FilterCondition): LeadFilter => ({ all: [condition] });

/**
 * Every operator of every attribute kind, with the leads expected by hand from
 * test/support/prospects.ts (hank is deleted and never appears).
 */
const CASES: [string, () => FilterCondition, string[]][] = [
  // text
  ['name contains Cyrillic, any case', () => ({ field: 'name', op: 'contains', text: 'ПЕТР' }), ['ana']],
  ['name contains an apostrophe', () => ({ field: 'name', op: 'contains', text: "o'b" }), ['finn']],
  ['name is any of (exact full name)', () => ({ field: 'name', op: 'is_any_of', values: ['Bob Stone', 'Bob'] }), ['bob']],
  ['name is empty', () => ({ field: 'name', op: 'is_empty' }), ['eve']],
  ['name is not empty', () => ({ field: 'name', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn', 'gus']],
  ['email contains, ASCII case ignored', () => ({ field: 'email', op: 'contains', text: 'BLUEFIN' }), ['ana']],
  ['email is any of, case ignored', () => ({ field: 'email', op: 'is_any_of', values: ['BOB@atlaspay.co'] }), ['bob']],
  ['email is empty', () => ({ field: 'email', op: 'is_empty' }), ['dmitry', 'eve']],
  ['phone contains', () => ({ field: 'phone', op: 'contains', text: '900' }), ['ana']],
  ['domain contains', () => ({ field: 'companyDomain', op: 'contains', text: '.io' }), ['cara']],
  ['domain is empty (no company)', () => ({ field: 'companyDomain', op: 'is_empty' }), ['eve']],
  ['website is not empty', () => ({ field: 'website', op: 'is_not_empty' }), ['ana']],
  // choice
  ['industry is any of', () => ({ field: 'industry', op: 'is_any_of', values: ['Banking'] }), ['ana', 'dmitry']],
  ['industry is none of (leads without one included)', () => ({ field: 'industry', op: 'is_none_of', values: ['Banking'] }), ['bob', 'cara', 'eve', 'finn', 'gus']],
  ['industry contains', () => ({ field: 'industry', op: 'contains', text: 'bank' }), ['ana', 'dmitry']],
  ['industry is empty', () => ({ field: 'industry', op: 'is_empty' }), ['eve']],
  ['industry is not empty', () => ({ field: 'industry', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn', 'gus']],
  ['company contains a literal %', () => ({ field: 'companyName', op: 'contains', text: '%' }), ['gus']],
  ['company contains a literal _', () => ({ field: 'companyName', op: 'contains', text: '_' }), ['gus']],
  ['company contains "0% o"', () => ({ field: 'companyName', op: 'contains', text: '0% o' }), ['gus']],
  ['company contains Cyrillic', () => ({ field: 'companyName', op: 'contains', text: 'ВОСТОК' }), ['dmitry']],
  ['company is any of', () => ({ field: 'companyName', op: 'is_any_of', values: ['Банк «Восток»', 'Nobody Inc'] }), ['dmitry']],
  ['role is any of', () => ({ field: 'roleTitle', op: 'is_any_of', values: ['HR Manager'] }), ['ana', 'bob', 'finn']],
  ['role is empty', () => ({ field: 'roleTitle', op: 'is_empty' }), ['eve']],
  ['city contains Cyrillic', () => ({ field: 'city', op: 'contains', text: 'влад' }), ['dmitry']],
  ['country is none of', () => ({ field: 'country', op: 'is_none_of', values: ['United States'] }), ['ana', 'dmitry', 'eve', 'finn', 'gus']],
  ['source is none of', () => ({ field: 'source', op: 'is_none_of', values: ['Webinar', 'Google Ads'] }), ['cara', 'dmitry', 'eve', 'finn', 'gus']],
  ['currency is any of', () => ({ field: 'currency', op: 'is_any_of', values: ['RUB'] }), ['dmitry']],
  ['department contains', () => ({ field: 'department', op: 'contains', text: 'human' }), ['ana', 'bob', 'finn']],
  ['persona is empty', () => ({ field: 'persona', op: 'is_empty' }), ['bob', 'eve', 'gus']],
  // enum
  ['stage is any of', () => ({ field: 'stageKey', op: 'is_any_of', values: ['awareness', 'consideration'] }), ['bob', 'eve', 'finn', 'gus']],
  ['stage is none of', () => ({ field: 'stageKey', op: 'is_none_of', values: ['awareness'] }), ['ana', 'cara', 'dmitry', 'finn', 'gus']],
  ['stage is not empty', () => ({ field: 'stageKey', op: 'is_not_empty' }), ALL],
  ['stage is empty', () => ({ field: 'stageKey', op: 'is_empty' }), []],
  ['owner is me', () => ({ field: 'ownerId', op: 'is_any_of', values: ['me'] }), ['ana', 'dmitry']],
  ['owner is a member id', () => ({ field: 'ownerId', op: 'is_any_of', values: [String(f.james)] }), ['bob', 'finn']],
  ['owner is me or James', () => ({ field: 'ownerId', op: 'is_any_of', values: ['me', String(f.james)] }), ['ana', 'bob', 'dmitry', 'finn']],
  ['owner is none of me (unassigned included)', () => ({ field: 'ownerId', op: 'is_none_of', values: ['me'] }), ['bob', 'cara', 'eve', 'finn', 'gus']],
  ['owner is empty', () => ({ field: 'ownerId', op: 'is_empty' }), ['cara', 'eve', 'gus']],
  ['owner is not empty', () => ({ field: 'ownerId', op: 'is_not_empty' }), ['ana', 'bob', 'dmitry', 'finn']],
  ['owner is a non-id value', () => ({ field: 'ownerId', op: 'is_any_of', values: ['olga', '1 OR 1'] }), []],
  ['seniority is any of', () => ({ field: 'seniority', op: 'is_any_of', values: ['c_level'] }), ['cara', 'dmitry']],
  ['seniority is empty', () => ({ field: 'seniority', op: 'is_empty' }), ['eve', 'gus']],
  ['urgency is none of', () => ({ field: 'urgency', op: 'is_none_of', values: ['high'] }), ['bob', 'cara', 'dmitry', 'eve', 'finn', 'gus']],
  // number
  ['employees > 10', () => ({ field: 'employeeCount', op: 'gt', value: 10 }), ['ana', 'bob', 'cara', 'dmitry']],
  ['employees < 150', () => ({ field: 'employeeCount', op: 'lt', value: 150 }), ['bob', 'finn']],
  ['employees between 100 and 500', () => ({ field: 'employeeCount', op: 'between', min: 100, max: 500 }), ['bob', 'cara']],
  ['employees between, bounds reversed', () => ({ field: 'employeeCount', op: 'between', min: 500, max: 100 }), ['bob', 'cara']],
  ['employees between, bounds inclusive', () => ({ field: 'employeeCount', op: 'between', min: 8, max: 140 }), ['bob', 'finn']],
  ['employees is empty', () => ({ field: 'employeeCount', op: 'is_empty' }), ['eve', 'gus']],
  ['employees is not empty', () => ({ field: 'employeeCount', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn']],
  ['ad spend > 20 000', () => ({ field: 'monthlyAdSpendUsd', op: 'gt', value: 20_000 }), ['ana', 'dmitry']],
  ['open jobs < 10', () => ({ field: 'openJobPostings', op: 'lt', value: 10 }), ['bob', 'finn']],
  ['score > 20', () => ({ field: 'score', op: 'gt', value: 20 }), ['ana', 'dmitry']],
  ['score < 10', () => ({ field: 'score', op: 'lt', value: 10 }), ['eve']],
  ['score between 10 and 25', () => ({ field: 'score', op: 'between', min: 10, max: 25 }), ['bob', 'cara', 'dmitry', 'finn', 'gus']],
  ['score is empty', () => ({ field: 'score', op: 'is_empty' }), []],
  // money: major units against minor-unit columns
  ['deal value > 10 000', () => ({ field: 'dealValueMinor', op: 'gt', value: 10_000 }), ['cara', 'dmitry']],
  ['deal value < 6 000', () => ({ field: 'dealValueMinor', op: 'lt', value: 6_000 }), ['ana']],
  ['deal value between 4 000 and 12 000', () => ({ field: 'dealValueMinor', op: 'between', min: 4_000, max: 12_000 }), ['ana', 'cara']],
  ['deal value is empty', () => ({ field: 'dealValueMinor', op: 'is_empty' }), ['bob', 'eve', 'finn', 'gus']],
  ['deal value is not empty', () => ({ field: 'dealValueMinor', op: 'is_not_empty' }), ['ana', 'cara', 'dmitry']],
  // set
  ['technologies has any of', () => ({ field: 'technologies', op: 'has_any_of', values: ['HubSpot'] }), ['ana', 'bob', 'finn']],
  ['technologies has all of', () => ({ field: 'technologies', op: 'has_all_of', values: ['HubSpot', 'Stripe'] }), ['bob']],
  ['technologies has none of (no company included)', () => ({ field: 'technologies', op: 'has_none_of', values: ['HubSpot'] }), ['cara', 'dmitry', 'eve', 'gus']],
  ['technologies is empty', () => ({ field: 'technologies', op: 'is_empty' }), ['eve', 'gus']],
  ['technologies is not empty', () => ({ field: 'technologies', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn']],
  ['ad channels has any of', () => ({ field: 'adChannels', op: 'has_any_of', values: ['Google Ads'] }), ['ana', 'bob', 'cara', 'finn']],
  ['hiring in has all of', () => ({ field: 'jobDepartments', op: 'has_all_of', values: ['Marketing', 'IT'] }), ['dmitry']],
  ['hiring in has none of', () => ({ field: 'jobDepartments', op: 'has_none_of', values: ['Marketing'] }), ['cara', 'eve', 'gus']],
  ['tags has any of', () => ({ field: 'tags', op: 'has_any_of', values: ['priority', 'тендер'] }), ['ana', 'bob', 'dmitry']],
  ['tags has all of', () => ({ field: 'tags', op: 'has_all_of', values: ['priority', 'webinar-2026'] }), ['ana']],
  ['tags has none of', () => ({ field: 'tags', op: 'has_none_of', values: ['priority'] }), ['cara', 'dmitry', 'eve', 'finn', 'gus']],
  ['tags is empty', () => ({ field: 'tags', op: 'is_empty' }), ['cara', 'eve', 'gus']],
  ['tags is not empty', () => ({ field: 'tags', op: 'is_not_empty' }), ['ana', 'bob', 'dmitry', 'finn']],
  // date (today is 2026-03-02)
  ['close before', () => ({ field: 'expectedCloseOn', op: 'before', date: '2026-04-01' }), ['ana']],
  ['close after', () => ({ field: 'expectedCloseOn', op: 'after', date: '2026-04-01' }), ['cara', 'dmitry']],
  ['close within the next 30 days', () => ({ field: 'expectedCloseOn', op: 'within_next_days', value: 30 }), ['ana']],
  ['close within the next 60 days', () => ({ field: 'expectedCloseOn', op: 'within_next_days', value: 60 }), ['ana', 'cara']],
  ['close is empty', () => ({ field: 'expectedCloseOn', op: 'is_empty' }), ['bob', 'eve', 'finn', 'gus']],
  ['close is not empty', () => ({ field: 'expectedCloseOn', op: 'is_not_empty' }), ['ana', 'cara', 'dmitry']],
  // timestamp
  ['last activity within 7 days', () => ({ field: 'lastActivityAt', op: 'within_last_days', value: 7 }), ['ana', 'gus']],
  ['last activity within 30 days', () => ({ field: 'lastActivityAt', op: 'within_last_days', value: 30 }), ['ana', 'dmitry', 'finn', 'gus']],
  ['last activity not within 30 days (empty excluded)', () => ({ field: 'lastActivityAt', op: 'not_within_last_days', value: 30 }), ['bob', 'cara']],
  ['last activity is empty', () => ({ field: 'lastActivityAt', op: 'is_empty' }), ['eve']],
  ['last activity is not empty', () => ({ field: 'lastActivityAt', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn', 'gus']],
  ['created within 15 days', () => ({ field: 'createdAt', op: 'within_last_days', value: 15 }), ['ana', 'dmitry', 'gus']],
  ['in stage since, not within 100 days', () => ({ field: 'stageEnteredAt', op: 'not_within_last_days', value: 100 }), ['cara', 'eve']],
  ['in stage since is empty', () => ({ field: 'stageEnteredAt', op: 'is_empty' }), []],
  // tenure
  ['in role less than 12 months', () => ({ field: 'roleStartedOn', op: 'in_role_less_than_months', value: 12 }), ['ana', 'cara', 'finn']],
  ['in role less than 2 months', () => ({ field: 'roleStartedOn', op: 'in_role_less_than_months', value: 2 }), ['cara']],
  ['in role more than 24 months', () => ({ field: 'roleStartedOn', op: 'in_role_more_than_months', value: 24 }), ['bob', 'dmitry']],
  ['in role is empty', () => ({ field: 'roleStartedOn', op: 'is_empty' }), ['eve', 'gus']],
  ['in role is not empty', () => ({ field: 'roleStartedOn', op: 'is_not_empty' }), ['ana', 'bob', 'cara', 'dmitry', 'finn']],
];

describe('filter → SQL, every operator of every kind, against the hand-built fixture', () => {
  it.each(CASES)('%s', (_label, condition, expected) => {
    expect(f.names(only(condition()))).toEqual(expected);
  });

  it('the cases cover every operator OPS_BY_KIND allows for every kind', () => {
    const covered = new Set(CASES.map(([, condition]) => `${attribute(condition().field).kind}:${condition().op}`));
    const missing = Object.entries(OPS_BY_KIND).flatMap(([kind, ops]) => ops.map((op) => `${kind}:${op}`)).filter((pair) => !covered.has(pair));
    expect(missing).toEqual([]);
  });

  it('a lead at a time (perLead: correlated probes, as one lead is rescored) says the same for every case', () => {
    const context = { currentMemberId: f.olga, now: f.t.clock.now(), perLead: true };
    const live = Object.entries(f.ids).filter(([name]) => name !== 'hank');
    for (const [label, condition, expected] of CASES) {
      const compiled = compileCondition(condition(), context);
      const meets = f.t.db.prepare(`SELECT (${compiled.sql}) AS yes FROM leads l WHERE l.id = ?`);
      const names = live.filter(([, id]) => (meets.get(...compiled.params, id) as { yes: number | null }).yes === 1).map(([name]) => name);
      expect(names.sort(), label).toEqual(expected);
    }
  });

  it('counts, board totals and table rows agree for every case', () => {
    for (const [label, condition, expected] of CASES) {
      const filter = only(condition());
      expect(f.t.query.query(filter, [], 0, 1).total, label).toBe(expected.length);
      expect(f.t.board.columns(filter).reduce((sum, column) => sum + column.count, 0), label).toBe(expected.length);
    }
  });
});

describe('combining conditions', () => {
  it('the empty filter returns every live lead', () => {
    expect(f.names({ all: [] })).toEqual(ALL);
  });

  it('entries are ANDed', () => {
    expect(f.names({ all: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }, { field: 'ownerId', op: 'is_any_of', values: ['me'] }, { field: 'email', op: 'is_not_empty' }] })).toEqual(['ana']);
  });

  it('an OR group holds when one of its conditions does, and is ANDed with the rest', () => {
    const filter: LeadFilter = {
      all: [
        { any: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }, { field: 'tags', op: 'has_any_of', values: ['priority'] }] },
        { field: 'stageKey', op: 'is_none_of', values: ['mql'] },
      ],
    };
    expect(f.names(filter)).toEqual(['bob', 'dmitry']);
    expect(f.names({ all: [{ any: [{ field: 'name', op: 'is_empty' }, { field: 'seniority', op: 'is_any_of', values: ['c_level'] }] }, { any: [{ field: 'score', op: 'lt', value: 5 }, { field: 'currency', op: 'is_any_of', values: ['EUR'] }] }] })).toEqual(['cara', 'eve']);
  });

  it('"me" follows the current member', () => {
    const mine: LeadFilter = { all: [{ field: 'ownerId', op: 'is_any_of', values: ['me'] }] };
    f.t.team.setCurrentMember(f.james);
    try {
      expect(f.names(mine)).toEqual(['bob', 'finn']);
    } finally {
      f.t.team.setCurrentMember(f.olga);
    }
    expect(f.names(mine)).toEqual(['ana', 'dmitry']);
  });

  it('the example prospect filter returns exactly the lead that fits every criterion', () => {
    // bob has been HR manager for two years, finn's company has 8 employees: each misses by one.
    expect(f.names(EXAMPLE_PROSPECT_FILTER)).toEqual(['ana']);
    for (const dropped of [5, 6]) {
      const relaxed = { all: EXAMPLE_PROSPECT_FILTER.all.filter((_, index) => index !== (dropped === 5 ? 6 : 1)) };
      expect(f.names(relaxed)).toEqual(dropped === 5 ? ['ana', 'bob'] : ['ana', 'finn']);
    }
  });
});

describe('company conditions ANDed into one set of companies', () => {
  // Called inside the tests: some cases read the fixture's member ids.
  const companyCases = () =>
    CASES.filter(([, condition]) => {
      const field = fieldSql(condition().field);
      return field.type === 'set' ? field.source === 'company' : field.expr.startsWith('c.');
    });

  it('the example prospect filter asks the companies table once, for all of its company side', () => {
    const compiled = compileFilter(EXAMPLE_PROSPECT_FILTER, { currentMemberId: null, now: T0 });
    expect(compiled.sql.match(/FROM companies c/g)).toHaveLength(1);
  });

  it('any two company conditions together return exactly the leads both return alone', () => {
    for (const [labelA, a, expectedA] of companyCases()) {
      for (const [labelB, b, expectedB] of companyCases()) {
        expect(f.names({ all: [a(), b()] }), `${labelA} AND ${labelB}`).toEqual(expectedA.filter((name) => expectedB.includes(name)));
      }
    }
  });
});

describe('values never become SQL', () => {
  const HOSTILE = ["' OR 1=1 --", '"); DROP TABLE leads; --', "Robert'); DROP TABLE companies;--", '%', '_', '\\', '*', '" OR "" = "'];

  it('the SQL text holds no value, only placeholders', () => {
    for (const text of HOSTILE) {
      const compiled = compileFilter({ all: [{ field: 'name', op: 'contains', text }, { field: 'industry', op: 'is_any_of', values: [text] }], search: text }, { currentMemberId: 1, now: T0 });
      expect(compiled.sql).not.toContain('DROP');
      expect(compiled.sql).not.toContain('1=1');
      expect(compiled.sql.split('?').length - 1).toBe(compiled.params.length);
    }
  });

  it('hostile values match nothing unexpected and every table survives', () => {
    for (const text of HOSTILE) {
      const literal = text === '%' || text === '_' ? ['gus'] : [];
      expect(f.names(only({ field: 'companyName', op: 'contains', text })), text).toEqual(literal);
      expect(f.names(only({ field: 'name', op: 'contains', text })), text).toEqual([]);
      expect(f.names(only({ field: 'email', op: 'is_any_of', values: [text] })), text).toEqual([]);
      expect(f.names(only({ field: 'tags', op: 'has_any_of', values: [text] })), text).toEqual([]);
      expect(f.names(only({ field: 'ownerId', op: 'is_any_of', values: [text] })), text).toEqual([]);
      expect(f.names({ all: [], search: text }), text).toEqual([]);
      expect(f.names(only({ field: 'industry', op: 'is_none_of', values: [text] })), text).toEqual(ALL);
    }
    expect(countRows(f.t.db, 'leads')).toBe(8);
    expect(countRows(f.t.db, 'companies')).toBe(6);
    expect(countRows(f.t.db, 'lead_tags')).toBeGreaterThan(0);
  });

  it('a field outside the fixed table is refused, even if it got past the schema', () => {
    const forged = { all: [{ field: 'deleted_at IS NOT NULL OR 1', op: 'is_empty' }] } as unknown as LeadFilter;
    expect(() => compileFilter(forged, { currentMemberId: null, now: T0 })).toThrow('There is no attribute "deleted_at IS NOT NULL OR 1".');
    const proto = { all: [{ field: '__proto__', op: 'is_empty' }] } as unknown as LeadFilter;
    expect(() => compileFilter(proto, { currentMemberId: null, now: T0 })).toThrow('There is no attribute "__proto__".');
    expect(() => compileFilter({ all: [{ field: 'toString', op: 'is_empty' }] } as unknown as LeadFilter, { currentMemberId: null, now: T0 })).toThrow(/no attribute/);
    const wrongOp = { all: [{ field: 'industry', op: 'gt', value: 1 }] } as unknown as LeadFilter;
    expect(() => compileFilter(wrongOp, { currentMemberId: null, now: T0 })).toThrow(/does not apply/);
  });
});
