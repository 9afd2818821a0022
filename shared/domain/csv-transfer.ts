import type { AttributeKey } from './lead-attributes.ts';
import type { LeadFilter } from './filter.ts';
import type { SortKey } from './views.ts';
import type { LeadFields } from './lead.ts';

/**
 * CSV export and import as the renderer sees them. Files never cross IPC as paths chosen by the
 * page: main picks every path (Electron's dialogs, the harness's upload folder) and the page holds
 * opaque ids.
 *
 * Electron: `files.openImport` shows the open dialog; `export.start` and `imports.rejectedCsv`
 * show the save dialog. The browser (loopback harness) has two HTTP endpoints besides /ipc:
 *   POST /upload   body = the file's raw bytes; headers `x-voronka-token` and `x-file-name`
 *                  (encodeURIComponent of the name). Answers a Result<FileRef> as JSON; 413 with
 *                  a Result error past UPLOAD_LIMIT_BYTES.
 *   GET  /download/<downloadId>?token=<token>   the finished file as an attachment with its name.
 */

/** The largest file the harness takes in an upload. */
export const UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3;

export type ExportDelimiter = ',' | ';';

/** A file main has opened for an import: from Electron's open dialog, or uploaded to the harness (POST /upload). */
export interface FileRef {
  fileId: string;
  /** The file's own name, for display ("leads.csv"). */
  name: string;
  size: number;
}

/**
 * What to export. `table`: the board or table as shown (its filter with the quick search, visible
 * columns, sort); `view`: a saved view's filter, columns and sort; `all`: every lead (or those of
 * `filter`) with every stored field (ALL_FIELDS_HEADERS), which an import reads back as it was.
 */
export type ExportScope =
  | { kind: 'table'; filter: LeadFilter; columns: AttributeKey[]; sort: SortKey[] }
  | { kind: 'view'; viewId: number }
  | { kind: 'all'; filter?: LeadFilter };

export interface ExportOptions {
  /** ',' by default; ';' for Excel where the decimal separator is a comma. */
  delimiter: ExportDelimiter;
  /** UTF-8 byte order mark (default true): without it Excel reads Cyrillic as Windows-1251. */
  bom: boolean;
}

/**
 * `export.start` answers this once the job runs, or null when the seller closed Electron's save
 * dialog. Progress and the end come as 'job.progress' / 'job.finished' events with this jobId;
 * the result (ExportResult) is read with `jobs.status`.
 */
export interface ExportStarted {
  jobId: string;
  fileName: string;
}

/** Where a finished file went: saved by Electron where the seller chose, or waiting as a harness download. */
export interface SavedFile {
  fileName: string;
  /** Records written (without the header). */
  rows: number;
  bytes: number;
  /** Electron: the full path it was saved to, for "Saved to ..."; null in the browser. */
  location: string | null;
  /** Browser: fetch `GET /download/<downloadId>?token=...` (an attachment with `fileName`); null in Electron. */
  downloadId: string | null;
}

export type ExportResult = SavedFile;

/* ---------- import ---------- */

/**
 * What a CSV column can be stored as. Most are lead fields; `fullName` is split into first and
 * last name ("Anna Petrova": the first word is the first name), `fullNameLastFirst` the Russian
 * way ("ФИО": "Петрова Анна Сергеевна" is last name Петрова, first name "Анна Сергеевна"); `stage` and `owner` take a key or name (owner: name or e-mail) and
 * can be value-mapped; `dealValue` is in major units; `createdAt` dates the creation transition;
 * `stageEnteredAt`, `updatedAt` and `lastActivityAt` keep those moments of a created lead (an
 * update of a stored lead is an update now, and keeps its own activity).
 */
export const IMPORT_FIELDS = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'fullName', label: 'Full name: first name first (split)' },
  { key: 'fullNameLastFirst', label: 'Full name: last name first, as in ФИО (split)' },
  { key: 'email', label: 'E-mail' },
  { key: 'phone', label: 'Phone' },
  { key: 'roleTitle', label: 'Role' },
  { key: 'roleStartedOn', label: 'In role since' },
  { key: 'seniority', label: 'Seniority' },
  { key: 'department', label: 'Department' },
  { key: 'persona', label: 'Persona' },
  { key: 'tags', label: 'Tags' },
  { key: 'companyName', label: 'Company' },
  { key: 'companyDomain', label: 'Domain' },
  { key: 'industry', label: 'Industry' },
  { key: 'employeeCount', label: 'Employees' },
  { key: 'monthlyAdSpendUsd', label: 'Ad spend / month (USD)' },
  { key: 'adChannels', label: 'Ad channels' },
  { key: 'technologies', label: 'Technologies' },
  { key: 'openJobPostings', label: 'Open jobs' },
  { key: 'jobDepartments', label: 'Hiring in' },
  { key: 'country', label: 'Country' },
  { key: 'city', label: 'City' },
  { key: 'website', label: 'Website' },
  { key: 'source', label: 'Source' },
  { key: 'owner', label: 'Owner (name or e-mail)' },
  { key: 'stage', label: 'Stage (key or name)' },
  { key: 'dealValue', label: 'Deal value' },
  { key: 'currency', label: 'Currency' },
  { key: 'expectedCloseOn', label: 'Expected close' },
  { key: 'urgency', label: 'Urgency' },
  { key: 'createdAt', label: 'Created' },
  { key: 'stageEnteredAt', label: 'In stage since' },
  { key: 'updatedAt', label: 'Updated' },
  { key: 'lastActivityAt', label: 'Last activity' },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((field) => field.key) as [ImportField, ...ImportField[]];

/** One entry per column of the file, in order: the field it fills, or null to leave it out. */
export type ColumnMapping = (ImportField | null)[];

export type DuplicatePolicy = 'skip' | 'update' | 'create';

/**
 * What to do with a stage or owner value of the file that matches no stage (key or name) or no
 * team member (name or e-mail). Stage: a stage key, or null to reject those rows. Owner: a member
 * id, or null to import them without an owner.
 */
export interface ValueMapping {
  stage: { value: string; stageKey: string | null }[];
  owner: { value: string; ownerId: number | null }[];
}

/** Everything an import is run with; `import.preview` and `import.start` take the same. */
export interface ImportSettings {
  fileId: string;
  /** Null: as detected by `import.scan`; set when the seller corrects a guess. */
  delimiter: CsvFileDelimiter | null;
  encoding: CsvFileEncoding | null;
  columns: ColumnMapping;
  onDuplicate: DuplicatePolicy;
  valueMapping: ValueMapping;
  /** The stage of rows without a stage column or with an empty one (default: the first stage). */
  defaultStageKey: string | null;
}

export type CsvFileEncoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
export type CsvFileDelimiter = ',' | ';' | '\t' | '|';

/** A line of the file that cannot be trusted as is (ragged, bad quotes), never guessed at. */
export interface LineProblem {
  line: number;
  message: string;
}

/** `import.scan`: what the file is, before anything is mapped. */
export interface ImportScan {
  file: FileRef;
  encoding: CsvFileEncoding;
  bom: boolean;
  delimiter: CsvFileDelimiter;
  /** False when the delimiter was a guess: the UI should show the sample and let the seller check it. */
  delimiterConfident: boolean;
  header: string[];
  /** The first records after the header, as read (not yet mapped). */
  sample: { line: number; fields: string[] }[];
  /** Records after the header. */
  records: number;
  /** The first problem lines (up to 100); `problemCount` counts them all. */
  problems: LineProblem[];
  problemCount: number;
  /** From the header names (HubSpot, Salesforce, Pipedrive, Twenty, Russian headers, our own export). */
  suggested: ColumnMapping;
  /** The mapping last used for a file with the same headers, if any: prefer it over `suggested`. */
  remembered: ColumnMapping | null;
}

/** How a row will be stored (or was not). */
export type RowAction = 'create' | 'update' | 'skip' | 'reject';

/** A lead as the import will store it, with stage and owner resolved. */
export interface PreviewLead extends LeadFields {
  stageKey: string;
  ownerName: string | null;
  /** Epoch ms of the creation transition (the row's "created", else the time of the import). */
  createdAt: number | null;
}

export interface RowError {
  /** The field at fault, or null for the row as a whole (a ragged line, a stage rule). */
  field: ImportField | null;
  /** In words, with the value: "E-mail: "ivan@" does not look right." or the stage rule's sentence. */
  message: string;
}

export interface PreviewRow {
  line: number;
  action: RowAction;
  /** Null when the row could not be read at all. */
  lead: PreviewLead | null;
  errors: RowError[];
  /** For 'update' / 'skip': the lead already stored with this e-mail. */
  duplicateOfLeadId: number | null;
}

export interface ImportCounts {
  /** Records after the header. */
  read: number;
  /** Rows that would be created (preview) / were created (import). */
  created: number;
  /** Rows matching a stored lead by e-mail (or an earlier row of the file), whatever the policy. */
  duplicates: number;
  updated: number;
  skipped: number;
  /** Rows with errors: never stored, kept for the rejected-rows CSV. */
  rejected: number;
  /** Companies matched by domain to one already stored. */
  existingCompanies: number;
}

export interface UnknownValue {
  value: string;
  /** Rows holding it. */
  count: number;
}

/** `import.preview`: a read of the whole file with nothing written. */
export interface ImportPreview {
  /** The first rows (up to `limit`), as they will be stored. */
  rows: PreviewRow[];
  counts: ImportCounts;
  /** Stage and owner values that match nothing yet: offer a value mapping for each. */
  unknownValues: { stage: UnknownValue[]; owner: UnknownValue[] };
  /** The most common errors, for a summary: "E-mail does not look right: 12 rows". */
  errorSummary: { message: string; count: number }[];
}

export interface ImportStarted {
  jobId: string;
  importId: number;
}

export type ImportStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'undone';

/** An entry of the import history. */
export interface ImportRecord {
  id: number;
  fileName: string;
  /** Who ran it: the team member the app was set to ("I am") at the time; null when unknown. */
  byName: string | null;
  startedAt: number;
  finishedAt: number | null;
  status: ImportStatus;
  onDuplicate: DuplicatePolicy;
  counts: ImportCounts;
  /** A cancelled or failed import keeps the batches it committed; those can be undone too. */
  canUndo: boolean;
  /** Why undo is not offered, when it is not ("A later import changed the same leads: undo it first."). */
  undoBlockedBy: string | null;
  undoneAt: number | null;
  /** Failure in words, for a failed import. */
  message: string | null;
}

/**
 * The kinds of 'job.progress' / 'job.finished' events of this feature. Progress counts rows,
 * except 'import-scan', which counts bytes of the file. `import.scan` and `import.preview` answer
 * when their job ends; the jobId in their progress events can be given to `jobs.cancel`.
 */
export type JobKind = 'export' | 'import' | 'import-scan' | 'import-preview';

/** `jobs.status`: for a page that reconnects or missed the 'job.finished' event. */
export interface JobStatus {
  jobId: string;
  kind: JobKind;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  progress: { done: number; total: number | null; phase: string } | null;
  message: string | null;
  /** export: ExportResult when done; import: its ImportRecord when done, cancelled or failed; else null. */
  result: ExportResult | ImportRecord | null;
}

/**
 * The header of an "all leads" export, in order: every stored field, the names an import maps
 * back exactly. Tags and other lists are one cell, joined with "; ".
 */
export const ALL_FIELDS_HEADERS = [
  'ID',
  'First name',
  'Last name',
  'E-mail',
  'Phone',
  'Role',
  'In role since',
  'Seniority',
  'Department',
  'Persona',
  'Tags',
  'Company',
  'Domain',
  'Industry',
  'Employees',
  'Ad spend / month (USD)',
  'Ad channels',
  'Technologies',
  'Open jobs',
  'Hiring in',
  'Country',
  'City',
  'Website',
  'Source',
  'Owner',
  'Owner e-mail',
  'Stage key',
  'Stage',
  'Deal value',
  'Currency',
  'Expected close',
  'Urgency',
  'Score',
  'Created',
  'Updated',
  'Last activity',
  'In stage since',
] as const;

/** Separator of the values of a list field (tags, technologies...) inside one CSV cell. */
export const LIST_SEPARATOR = '; ';
