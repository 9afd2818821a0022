import { useEffect, useState } from 'react';
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, describePeriod } from '../../shared/domain/report-period.ts';
import type { ReportSegment, SegmentKind } from '../../shared/domain/reports.ts';
import type { TeamMember } from '../../shared/domain/history.ts';
import type { SavedViewWithCount } from '../../shared/domain/views.ts';
import { api } from '../api/index.ts';
import { exportCsv, setCompare, setCurrency, setCustomPeriod, setMode, setPreset, setSegment } from './report-actions.ts';
import { useReports } from './report-store.ts';

const SEGMENT_LABELS: Record<SegmentKind, string> = { source: 'Source', persona: 'Persona', owner: 'Owner', industry: 'Industry', view: 'Saved view' };
const NONE = '__none__';
/** One empty list: a new [] on every read would make the selector's answer change forever. */
const NO_CURRENCIES: string[] = [];

/** Period, comparison, counting mode, segment, currency and export: the choices every report shares. */
export function ReportControls() {
  const preset = useReports((s) => s.preset);
  const period = useReports((s) => s.period);
  const compare = useReports((s) => s.compare);
  const tab = useReports((s) => s.tab);
  const mode = useReports((s) => s.mode);
  const currency = useReports((s) => s.result?.currency ?? s.currency);
  const currencies = useReports((s) => s.result?.currencies ?? NO_CURRENCIES);
  const previous = useReports((s) => s.result?.previousPeriod ?? null);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);
  const moneyReport = tab === 'team' || tab === 'pipeline';
  const modeReport = tab === 'funnel' || tab === 'sources';

  return (
    <div className="report-controls" data-testid="report-controls">
      <label className="report-control">
        <span>Period</span>
        <select value={preset} onChange={(e) => (e.target.value === 'custom' ? setCustomPeriod({ from, to }) : setPreset(e.target.value as (typeof PERIOD_PRESETS)[number]))} data-testid="report-preset">
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_PRESET_LABELS[p]}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {preset === 'custom' ? (
        <form
          className="report-custom"
          onSubmit={(e) => {
            e.preventDefault();
            setCustomPeriod({ from, to });
          }}
        >
          <input type="date" aria-label="From" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="To" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
          <button type="submit" className="button" data-testid="report-apply">
            Apply
          </button>
        </form>
      ) : (
        <span className="report-period-text" data-testid="report-period">
          {describePeriod(period)}
        </span>
      )}
      <label className="report-toggle" title={previous ? `Previous: ${describePeriod(previous)}` : undefined}>
        <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} data-testid="report-compare" />
        Compare with previous period
      </label>
      {modeReport && (
        <div className="mode-switch report-mode" role="group" aria-label="Counting">
          <button type="button" className="mode-button" aria-pressed={mode === 'cohort'} onClick={() => setMode('cohort')} title="Leads created (or recycled) in the period, followed to today" data-testid="report-mode-cohort">
            Cohort
          </button>
          <button type="button" className="mode-button" aria-pressed={mode === 'activity'} onClick={() => setMode('activity')} title="Stage moves that happened in the period" data-testid="report-mode-activity">
            Activity
          </button>
        </div>
      )}
      <SegmentPicker />
      {moneyReport && currencies.length > 0 && (
        <label className="report-control">
          <span>Currency</span>
          <select value={currency ?? ''} onChange={(e) => setCurrency(e.target.value || null)} data-testid="report-currency">
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="report-controls-spacer" />
      <button type="button" className="button" onClick={() => void exportCsv()} data-testid="report-export">
        Export CSV
      </button>
    </div>
  );
}

interface Choice {
  value: string;
  label: string;
}

function SegmentPicker() {
  const segment = useReports((s) => s.segment);
  const [kind, setKind] = useState<SegmentKind | ''>(segment?.kind ?? '');
  const [choices, setChoices] = useState<Choice[]>([]);

  useEffect(() => {
    let live = true;
    void loadChoices(kind).then((list) => {
      if (live) setChoices(list);
    });
    return () => {
      live = false;
    };
  }, [kind]);

  const selected = segmentValue(segment);
  return (
    <div className="report-control report-segment">
      <span>Leads</span>
      <select
        value={kind}
        aria-label="Narrow the report by"
        onChange={(e) => {
          const next = e.target.value as SegmentKind | '';
          setKind(next);
          if (next === '') setSegment(null);
        }}
        data-testid="report-segment-kind"
      >
        <option value="">All leads</option>
        {(Object.keys(SEGMENT_LABELS) as SegmentKind[]).map((k) => (
          <option key={k} value={k}>
            by {SEGMENT_LABELS[k].toLowerCase()}
          </option>
        ))}
      </select>
      {kind !== '' && (
        <select value={segment?.kind === kind ? selected : ''} aria-label={SEGMENT_LABELS[kind]} onChange={(e) => setSegment(toSegment(kind, e.target.value))} data-testid="report-segment-value">
          <option value="" disabled>
            Choose…
          </option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function segmentValue(segment: ReportSegment | null): string {
  if (!segment) return '';
  if (segment.kind === 'owner') return segment.ownerId === null ? NONE : String(segment.ownerId);
  if (segment.kind === 'view') return String(segment.viewId);
  return segment.value ?? NONE;
}

function toSegment(kind: SegmentKind, value: string): ReportSegment | null {
  if (value === '') return null;
  if (kind === 'owner') return { kind, ownerId: value === NONE ? null : Number(value) };
  if (kind === 'view') return { kind, viewId: Number(value) };
  return { kind, value: value === NONE ? null : value };
}

async function loadChoices(kind: SegmentKind | ''): Promise<Choice[]> {
  switch (kind) {
    case '':
      return [];
    case 'owner': {
      const team = await api['team.list'](undefined);
      const members: TeamMember[] = team.ok ? team.value : [];
      return [...members.map((m) => ({ value: String(m.id), label: m.name })), { value: NONE, label: 'Unassigned' }];
    }
    case 'view': {
      const views = await api['views.list'](undefined);
      const list: SavedViewWithCount[] = views.ok ? views.value : [];
      return list.map((v) => ({ value: String(v.id), label: v.name }));
    }
    default: {
      const values = await api['filters.values']({ field: kind });
      return [...(values.ok ? values.value : []).map((v) => ({ value: v, label: v })), { value: NONE, label: `(no ${kind})` }];
    }
  }
}
