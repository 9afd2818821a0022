import type { z } from 'zod';
import type { Channel } from './channels.ts';
import type { inputSchemas } from './schemas.ts';
import type { Result } from './result.ts';
import type { AppEventListener } from './events.ts';
import type { Stage } from '../domain/stage.ts';
import type { Lead } from '../domain/lead.ts';
import type { Activity, StageTransition, TeamMember } from '../domain/history.ts';
import type { Reason } from '../domain/reasons.ts';
import type { SavedView, SavedViewWithCount, ScoreBreakdown, ScoreRule } from '../domain/views.ts';
import type { ReportBuildStatus, ReportResult, StageLimit } from '../domain/reports.ts';
import type { ExportStarted, FileRef, ImportPreview, ImportRecord, ImportScan, ImportStarted, JobStatus, SavedFile } from '../domain/csv-transfer.ts';

export interface ColumnSummary {
  stageKey: string;
  count: number;
  /** Deal value per currency: a column can hold deals in roubles and in dollars. */
  totals: { currency: string; amountMinor: number }[];
}

export interface CardPage {
  cards: Lead[];
  /** Cursor for the next page, null at the end of the column. */
  next: { position: string; id: number } | null;
}

export interface LeadDetail {
  lead: Lead;
  transitions: StageTransition[];
  activities: Activity[];
}

export interface MoveOutcome {
  lead: Lead;
  /** The recorded stage change; null when the card was only reordered inside its column. */
  transition: StageTransition | null;
}

export interface LeadQueryPage {
  rows: Lead[];
  /** Leads matching the filter, for the table's scroll height and the "N leads" label. */
  total: number;
}

export interface BulkOutcome {
  /** Leads the action changed. */
  appliedIds: number[];
  /** Leads a rule refused, each with the reason in words. */
  refused: { id: number; name: string; message: string }[];
}

export interface AppInfo {
  version: string;
  dbPath: string;
  leadCount: number;
  currentMemberId: number | null;
}

/** Everything the renderer shows first, in one answer (see `app.open`). */
export interface AppOpening {
  info: AppInfo;
  stages: Stage[];
  team: TeamMember[];
  reasons: Reason[];
  summaries: ColumnSummary[];
  /** Each column's first page by stage key, when asked for (the board is shown), else null. */
  firstPages: Record<string, CardPage> | null;
}

/** What each channel returns on success. */
export interface ChannelOutputs {
  /** The app's first screen in one round trip: a request costs the page a few ms of its main thread. */
  'app.open': AppOpening;
  'app.info': AppInfo;
  'stages.list': Stage[];
  'team.list': TeamMember[];
  'reasons.list': Reason[];
  'reasons.add': Reason;
  'reasons.remove': { id: number };
  'board.columns': ColumnSummary[];
  'board.cards': CardPage;
  /** The first page of every column, by stage key: the board's first screen in one answer. */
  'board.firstPages': Record<string, CardPage>;
  'leads.get': LeadDetail;
  'leads.create': Lead;
  'leads.update': Lead;
  'leads.move': MoveOutcome;
  'leads.delete': { id: number };
  'leads.restore': Lead;
  'leads.query': LeadQueryPage;
  'leads.bulk': BulkOutcome;
  'leads.scoreBreakdown': ScoreBreakdown;
  'filters.values': string[];
  'views.list': SavedViewWithCount[];
  'views.save': SavedView;
  'views.delete': { id: number };
  'team.add': TeamMember;
  'team.update': TeamMember;
  'settings.setCurrentMember': AppInfo;
  'scoring.list': ScoreRule[];
  'scoring.save': ScoreRule[];
  'activities.addNote': Activity;
  'demo.load': { leads: number; members: number };
  'reports.run': ReportResult;
  /** The report as CSV text from the shared writer; the renderer saves it (a download, Electron's save dialog). */
  'reports.csv': { fileName: string; content: string };
  'reports.status': ReportBuildStatus;
  'reports.limits': StageLimit[];
  'reports.setLimits': StageLimit[];
  /** Electron: the OS open dialog, null when the seller closes it. The browser uploads instead (POST /upload). */
  'files.openImport': FileRef | null;
  /** Null when the seller closed Electron's save dialog; otherwise follow the job's events. */
  'export.start': ExportStarted | null;
  'import.scan': ImportScan;
  'import.preview': ImportPreview;
  'import.start': ImportStarted;
  /** Newest first. */
  'imports.list': ImportRecord[];
  'imports.undo': ImportRecord;
  /** The rejected rows with an extra "Error" column; null when the seller closed the save dialog. */
  'imports.rejectedCsv': SavedFile | null;
  'jobs.status': JobStatus;
  /** `cancelled` is false when the job had already ended. */
  'jobs.cancel': { jobId: string; cancelled: boolean };
}

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

/** The one shape both transports (Electron preload, loopback harness) implement. */
export type VoronkaApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

/** What the Electron preload exposes as `window.voronka`: the channels and the event subscription. */
export type VoronkaBridge = VoronkaApi & { onEvent(listener: AppEventListener): () => void };
