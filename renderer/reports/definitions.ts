import type { ReportKind } from '../../shared/domain/reports.ts';

/**
 * What every figure means, shown behind each report's "?" (the README's Reports section says the
 * same). The words must match main/reports: a change there is a change here.
 */
export interface Definition {
  term: string;
  text: string;
}

export const COMMON_DEFINITIONS: Definition[] = [
  { term: 'Journey', text: 'A lead\'s path from its creation, or from its recycling back to marketing, to Closed-won or Closed-lost. A recycled lead starts a new journey, so it is counted once per journey; recycled journeys are shown apart.' },
  { term: 'Periods', text: 'Calendar days in your time zone: a move at 23:30 on the last day belongs to the period, one at 00:30 the next day does not. Compare puts the period before beside it (the month, quarter or year before; for a custom range the same number of days before).' },
  { term: 'What is not counted', text: 'Deleted leads. A move undone with Ctrl+Z counts neither itself nor its undo.' },
];

export const DEFINITIONS: Record<ReportKind, Definition[]> = {
  funnel: [
    { term: 'Reached', text: 'Journeys that entered the stage or any later one: a lead that skipped a stage (created as an MQL, moved from SAL straight to Closed-won) is counted as having passed it, at the time of the skipping move. Closed-lost is an exit, not a step.' },
    { term: 'Cohort', text: 'Journeys that started in the period (leads created, or recycled, then), followed to today: how far each got by now.' },
    { term: 'Activity', text: 'Stages passed in the period, whenever the journey started: the work done in the period. The first time a journey passes a stage is what counts; a step conversion can then be above 100%.' },
    { term: 'Step conversion', text: 'Reached at this stage ÷ reached at the stage above.' },
    { term: 'Cumulative conversion', text: 'Reached at this stage ÷ reached at the top stage.' },
    { term: 'Lost from here', text: 'Journeys that went to Closed-lost from this stage (cohort: of those journeys; activity: lost in the period).' },
  ],
  'time-in-stage': [
    { term: 'Days in stage', text: 'For each stay in a stage that ended in the period: from the move into the stage to the move out of it, in days. Median and 75th percentile of those stays. Leads still in the stage are under "Now".' },
    { term: 'Velocity', text: 'MQL → Closed-won: for journeys won in the period, the days from passing MQL (entering it or skipping past it) to the win.' },
    { term: 'Stale', text: 'A lead in an open stage for longer than that stage\'s limit, counted now. Set the limit per stage in the table; an empty limit means never stale.' },
  ],
  'win-rate': [
    { term: 'Win rate', text: 'Won ÷ (won + lost), over journeys closed in the period. Lost: closed lost from SQL or later (a qualified deal). Disqualified: turned down before SQL; shown beside, not counted as a loss.' },
    { term: 'By owner, by source', text: 'The lead\'s current owner and source.' },
    { term: 'Trend', text: 'The same rate per day, week (from Monday) or month inside the period.' },
  ],
  reasons: [
    { term: 'Lost reasons', text: 'The reason given when a qualified deal (SQL or later) went to Closed-lost, for journeys closed in the period.' },
    { term: 'Disqualification reasons', text: 'The reason given when a lead went to Closed-lost before SQL, in the period.' },
    { term: 'Recycled to marketing', text: 'Lost leads sent back to a marketing stage in the period, by the recycling reason.' },
  ],
  team: [
    { term: 'Open opportunities', text: 'Leads in an open sales stage (MQL, SAL, SQL) now, by current owner. Value: their deal values in the chosen currency (other currencies are never added in); weighted: each value × its stage\'s probability.' },
    { term: 'Touched this week', text: 'Different leads the member moved, created or wrote an activity on since Monday 00:00.' },
    { term: 'Moves', text: 'Stage moves the member made in the period (undone moves and their undo not counted).' },
  ],
  pipeline: [
    { term: 'Value', text: 'Deal values of the leads in each open stage now, in the chosen currency. Weighted: value × the stage\'s configured probability.' },
    { term: 'Observed win rate', text: 'Of the journeys closed in the period (won, lost or disqualified) that had reached the stage, the share that was won: what the stage\'s probability should be, going by your history.' },
  ],
  sources: [
    { term: 'Leads', text: 'Journeys started in the period, by the lead\'s current source or persona (recycled ones in their own column).' },
    { term: 'MQLs, SQLs, wins', text: 'Cohort: of those journeys, how many reached MQL, SQL, Closed-won by today. Activity: journeys that passed MQL, SQL, Closed-won in the period.' },
    { term: 'Conversion', text: 'Lead → MQL = MQLs ÷ leads, MQL → SQL = SQLs ÷ MQLs, lead → win = wins ÷ leads.' },
  ],
};

export const REPORT_TITLES: Record<ReportKind, string> = {
  funnel: 'Funnel conversion',
  'time-in-stage': 'Time in stage',
  'win-rate': 'Win rate',
  reasons: 'Lost reasons',
  team: 'Team load',
  pipeline: 'Pipeline',
  sources: 'Sources',
};
