import { REPORT_KINDS, type ReportResult } from '../../shared/domain/reports.ts';
import { describePeriod } from '../../shared/domain/report-period.ts';
import { REPORT_TITLES } from './definitions.ts';
import { count } from './format.ts';
import { FunnelReport } from './FunnelReport.tsx';
import { PipelineReport } from './PipelineReport.tsx';
import { ReasonsReport } from './ReasonsReport.tsx';
import { loadReport, setTab } from './report-actions.ts';
import { ReportControls } from './ReportControls.tsx';
import { HelpButton } from './ReportParts.tsx';
import { useReports } from './report-store.ts';
import { SourcesReport } from './SourcesReport.tsx';
import { TeamReport } from './TeamReport.tsx';
import { TimeInStageReport } from './TimeInStageReport.tsx';
import { WinRateReport } from './WinRateReport.tsx';
import './reports.css';

/** Marketing and sales on one screen: where leads come from, where they stall, why they are lost. */
export function ReportsScreen() {
  const tab = useReports((s) => s.tab);
  const result = useReports((s) => s.result);
  const loading = useReports((s) => s.loading);
  const error = useReports((s) => s.error);
  const build = useReports((s) => s.build);
  const shown = result && result.report === tab ? result : null;
  return (
    <div className="reports" data-testid="reports">
      <nav className="report-tabs" role="tablist" aria-label="Reports">
        {REPORT_KINDS.map((kind) => (
          <button key={kind} type="button" role="tab" aria-selected={tab === kind} className="report-tab" onClick={() => setTab(kind)} data-testid={`report-tab-${kind}`}>
            {REPORT_TITLES[kind]}
          </button>
        ))}
      </nav>
      <ReportControls />
      <main className="report-body" aria-busy={loading} data-testid="report-body">
        <header className="report-heading">
          <h2>{REPORT_TITLES[tab]}</h2>
          <HelpButton report={tab} />
          {shown && <Subtitle result={shown} />}
          {loading && (
            <span className="report-loading" role="status" data-testid="report-loading">
              {build && build.total
                ? build.phase === 'indexing'
                  ? 'Preparing reports: indexing…'
                  : `Preparing reports: ${count(build.done)} of ${count(build.total)} leads…`
                : 'Counting…'}
            </span>
          )}
        </header>
        {error && (
          <div className="app-message" role="alert">
            <p>The report could not be made: {error}</p>
            <button type="button" className="button" onClick={() => void loadReport()}>
              Try again
            </button>
          </div>
        )}
        {shown && !error && <div className={loading ? 'report-content report-stale' : 'report-content'}>{render(shown)}</div>}
      </main>
    </div>
  );
}

function Subtitle({ result }: { result: ReportResult }) {
  const mode = result.report === 'funnel' || result.report === 'sources' ? (result.mode === 'cohort' ? ' · cohort' : ' · activity') : '';
  return (
    <span className="report-subtitle" data-testid="report-subtitle">
      {describePeriod(result.period)}
      {result.previousPeriod && ` vs. ${describePeriod(result.previousPeriod)}`}
      {mode}
    </span>
  );
}

function render(result: ReportResult) {
  switch (result.report) {
    case 'funnel':
      return <FunnelReport result={result} />;
    case 'time-in-stage':
      return <TimeInStageReport result={result} />;
    case 'win-rate':
      return <WinRateReport result={result} />;
    case 'reasons':
      return <ReasonsReport result={result} />;
    case 'team':
      return <TeamReport result={result} />;
    case 'pipeline':
      return <PipelineReport result={result} />;
    case 'sources':
      return <SourcesReport result={result} />;
  }
}

