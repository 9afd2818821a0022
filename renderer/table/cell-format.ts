import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';

/** The raw value of an attribute on a lead (the catalog's keys are the lead's fields, but for "name"). */
export function leadValue(lead: Lead, key: AttributeKey): unknown {
  if (key === 'name') return leadDisplayName(lead);
  return lead[key];
}

const WIDTH_BY_KIND = {
  text: 170,
  choice: 150,
  enum: 130,
  number: 110,
  money: 120,
  set: 190,
  date: 120,
  timestamp: 120,
  tenure: 130,
} as const;

const WIDTH_BY_KEY: Partial<Record<AttributeKey, number>> = {
  name: 190,
  email: 220,
  companyName: 170,
  stageKey: 170,
  ownerId: 140,
  score: 90,
  employeeCount: 120,
  monthlyAdSpendUsd: 150,
  roleTitle: 160,
};

/** A column's width when the view does not say. */
export function defaultWidth(key: AttributeKey): number {
  return WIDTH_BY_KEY[key] ?? WIDTH_BY_KIND[attribute(key).kind];
}

/** Numbers, money, dates and scores line up on the right. */
export function alignsRight(key: AttributeKey): boolean {
  const kind = attribute(key).kind;
  return kind === 'number' || kind === 'money';
}

/** Numbers, money and dates are most useful largest or newest first. */
export function sortsDescFirst(key: AttributeKey): boolean {
  const kind = attribute(key).kind;
  return kind === 'number' || kind === 'money' || kind === 'timestamp';
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function formatUsd(n: number): string {
  return usd.format(n);
}
