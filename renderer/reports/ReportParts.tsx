import { useId, useState, type ReactNode } from 'react';
import type { ReportKind } from '../../shared/domain/reports.ts';
import { COMMON_DEFINITIONS, DEFINITIONS } from './definitions.ts';
import { delta } from './format.ts';

/** Chart colours: the board's funnel colours, and a quiet grey for the previous period. */
export const COLORS = {
  marketing: '#7c4dcc',
  sales: '#2266c4',
  recycled: '#e59a3a',
  won: '#16803c',
  lost: '#b4414a',
  disqualified: '#d9a2a7',
  previous: '#c3c8d2',
  weighted: '#4f46e5',
  value: '#a5b4fc',
};

/** "?" beside a report's title: the exact definitions of its figures. */
export function HelpButton({ report }: { report: ReportKind }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="report-help">
      <button
        type="button"
        className="report-help-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label="How these figures are counted"
        onClick={() => setOpen((o) => !o)}
        data-testid="report-help"
      >
        ?
      </button>
      {open && (
        <div className="report-help-panel" id={id} role="region" aria-label="Definitions" data-testid="report-help-panel">
          <dl>
            {[...DEFINITIONS[report], ...COMMON_DEFINITIONS].map((d) => (
              <div key={d.term} className="report-definition">
                <dt>{d.term}</dt>
                <dd>{d.text}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}

export function Section({ title, children, aside, testId }: { title: string; children: ReactNode; aside?: ReactNode; testId?: string }) {
  return (
    <section className="report-section" data-testid={testId}>
      <header className="report-section-header">
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}

/** A headline figure with its change against the previous period. */
export function Kpi({
  label,
  value,
  current,
  previous,
  kind,
  goodWhen = 'up',
  testId,
}: {
  label: string;
  value: string;
  current?: number | null;
  previous?: number | null;
  kind?: 'count' | 'rate' | 'days';
  goodWhen?: 'up' | 'down';
  testId?: string;
}) {
  return (
    <div className="report-kpi" data-testid={testId}>
      <div className="report-kpi-label">{label}</div>
      <div className="report-kpi-value">{value}</div>
      {kind && current !== undefined && previous !== undefined && <Delta current={current} previous={previous} kind={kind} goodWhen={goodWhen} />}
    </div>
  );
}

export function Delta({ current, previous, kind, goodWhen = 'up' }: { current: number | null; previous: number | null; kind: 'count' | 'rate' | 'days'; goodWhen?: 'up' | 'down' }) {
  const d = delta(current, previous, kind);
  if (!d) return null;
  const tone = d.trend === 'flat' ? 'flat' : d.trend === goodWhen ? 'good' : 'bad';
  return (
    <span className={`report-delta report-delta-${tone}`} title="Change against the previous period">
      {d.text}
    </span>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="report-empty">{children}</p>;
}
