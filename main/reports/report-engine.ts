import type { Database, Statement } from 'better-sqlite3';
import type { ReportRequest, ReportResult } from '../../shared/domain/reports.ts';
import { periodBounds, previousPeriod, type PeriodBounds } from '../../shared/domain/report-period.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import { createTeamRepository } from '../store/repositories/team-repository.ts';
import { createCatchUp, type CatchUpControl } from './catch-up.ts';
import { loadStages, type ReportContext } from './report-context.ts';
import { resolveSegment } from './segment.ts';
import { funnelFigures } from './figures/funnel.ts';
import { stagesNow, staleLeads, timeInStageFigures } from './figures/time-in-stage.ts';
import { winRateFigures } from './figures/win-rate.ts';
import { reasonsFigures } from './figures/reasons.ts';
import { teamFigures } from './figures/team.ts';
import { pipelineFigures } from './figures/pipeline.ts';
import { sourcesFigures } from './figures/sources.ts';

export interface RunOptions extends CatchUpControl {
  now: number;
}

/**
 * Reports over one connection: catch the derived tables up, then answer from them. Runs in the
 * report worker (its own connection to the file) or in-process for an in-memory DB (tests).
 */
export function createReportEngine(db: Database) {
  const catchUp = createCatchUp(db);
  // Report SQL comes in a few shapes (per report, segment kind and ladder); each is prepared once.
  const prepared = new Map<string, Statement>();
  const statement = (text: string): Statement => {
    let found = prepared.get(text);
    if (!found) prepared.set(text, (found = db.prepare(text)));
    return found;
  };
  const team = createTeamRepository(db);
  // The currencies of open deals, most used first: from the live lead totals (migration 0014), not the leads.
  const currencies = db.prepare<[], { currency: string }>(`
    SELECT t.currency FROM lead_totals t
    WHERE t.valued > 0 AND t.stage_key IN (SELECT key FROM stages WHERE kind = 'open')
    GROUP BY t.currency ORDER BY sum(t.valued) DESC, t.currency`);
  function run(request: ReportRequest, options: RunOptions): ReportResult {
    let bounds: PeriodBounds;
    let previous: PeriodBounds | null;
    try {
      bounds = periodBounds(request.period);
      previous = request.compare ? periodBounds(previousPeriod(request.period)) : null;
    } catch (error) {
      throw new DomainError('invalid_input', (error as Error).message);
    }
    catchUp.run(options.now, options);
    const stages = loadStages(db);
    const rungs = stages.filter((stage) => stage.rung !== null);
    const rungOf = (test: (s: (typeof stages)[number]) => boolean) => stages.find((s) => s.rung !== null && test(s))?.rung ?? -1;
    // Only the money reports need the currencies.
    const money = request.report === 'team' || request.report === 'pipeline';
    const inUse = money ? currencies.all().map((row) => row.currency) : [];
    const currency = money ? (request.currency ?? inUse[0] ?? null) : null;
    const ctx: ReportContext = {
      statement,
      stages,
      rungs,
      mqlRung: rungOf((s) => s.funnel === 'sales'),
      sqlRung: rungOf((s) => s.kind === 'open' && s.requiresDeal),
      wonRung: rungOf((s) => s.kind === 'won'),
      segment: resolveSegment(db, request.segment, { currentMemberId: team.currentMemberId(), now: options.now }),
      currency,
      timeZone: request.period.timeZone,
      now: options.now,
    };
    const envelope = {
      period: bounds,
      previousPeriod: previous,
      segment: request.segment,
      mode: request.mode,
      currency,
      currencies: currency !== null && !inUse.includes(currency) ? [...inUse, currency] : inUse,
      generatedAt: options.now,
    };
    const twice = <T>(figures: (b: PeriodBounds) => T) => ({ current: figures(bounds), previous: previous ? figures(previous) : null });
    switch (request.report) {
      case 'funnel':
        return { ...envelope, report: 'funnel', ...twice((b) => funnelFigures(ctx, b, request.mode)) };
      case 'time-in-stage':
        return { ...envelope, report: 'time-in-stage', ...twice((b) => timeInStageFigures(ctx, b)), now: stagesNow(ctx), staleLeads: staleLeads(ctx) };
      case 'win-rate':
        return { ...envelope, report: 'win-rate', ...twice((b) => winRateFigures(ctx, b)) };
      case 'reasons':
        return { ...envelope, report: 'reasons', ...twice((b) => reasonsFigures(ctx, b)) };
      case 'team':
        return { ...envelope, report: 'team', ...teamFigures(ctx, bounds, previous) };
      case 'pipeline':
        return { ...envelope, report: 'pipeline', ...pipelineFigures(ctx, bounds, previous) };
      case 'sources':
        return { ...envelope, report: 'sources', ...twice((b) => sourcesFigures(ctx, b, request.mode)) };
    }
  }

  return {
    run,
    catchUp: (options: RunOptions) => catchUp.run(options.now, options),
    pending: () => catchUp.pending(),
  };
}

export type ReportEngine = ReturnType<typeof createReportEngine>;
