import type {
  ColumnMapping,
  CsvFileDelimiter,
  CsvFileEncoding,
  DuplicatePolicy,
  FileRef,
  ImportField,
  ImportPreview,
  ImportRecord,
  ImportScan,
  ImportSettings,
  ImportStarted,
  UnknownValue,
  ValueMapping,
} from '../../shared/domain/csv-transfer.ts';
import type { ProgressLike } from '../jobs/progress-format.ts';
import { assignField, completeValueMapping, initialMapping, mappingProblem, mergeUnknown, relevantUnknown, type MappingOrigin } from './mapping-model.ts';

/**
 * The import wizard as a pure state machine: file → check → columns → preview → import → summary.
 * The screen dispatches actions and reads `canContinue`; import-actions.ts does the talking to main.
 */

export type WizardStep = 'file' | 'scan' | 'mapping' | 'preview' | 'running' | 'summary';

export const STEPS: readonly { step: WizardStep; label: string }[] = [
  { step: 'file', label: 'File' },
  { step: 'scan', label: 'Check the file' },
  { step: 'mapping', label: 'Columns' },
  { step: 'preview', label: 'Preview' },
  { step: 'running', label: 'Import' },
  { step: 'summary', label: 'Summary' },
];

/** What the wizard waits for, with its progress. */
export type Busy =
  | { kind: 'upload'; loaded: number; total: number }
  | { kind: 'choose' }
  | { kind: 'scan' | 'preview' | 'start'; progress: ProgressLike | null }
  | null;

export type Outcome = 'done' | 'cancelled' | 'failed';

export interface WizardState {
  step: WizardStep;
  busy: Busy;
  /** The last failure, in words. */
  error: string | null;
  file: FileRef | null;
  scan: ImportScan | null;
  /** The seller's corrections of the scan's guesses; null: as detected. */
  delimiter: CsvFileDelimiter | null;
  encoding: CsvFileEncoding | null;
  columns: ColumnMapping;
  mappingOrigin: MappingOrigin;
  /** "E-mail moved here from column 4": the last field taken from another column. */
  displaced: { field: ImportField; from: number } | null;
  defaultStageKey: string | null;
  onDuplicate: DuplicatePolicy;
  valueMapping: ValueMapping;
  /** Stage and owner values of the file that match nothing, as found by the previews so far. */
  unknown: { stage: UnknownValue[]; owner: UnknownValue[] };
  preview: ImportPreview | null;
  /** settingsKey() of the settings `preview` was made with. */
  previewKey: string | null;
  job: ImportStarted | null;
  progress: ProgressLike | null;
  cancelling: boolean;
  outcome: Outcome | null;
  outcomeMessage: string | null;
  record: ImportRecord | null;
}

export const initialWizard: WizardState = {
  step: 'file',
  busy: null,
  error: null,
  file: null,
  scan: null,
  delimiter: null,
  encoding: null,
  columns: [],
  mappingOrigin: 'suggested',
  displaced: null,
  defaultStageKey: null,
  onDuplicate: 'skip',
  valueMapping: { stage: [], owner: [] },
  unknown: { stage: [], owner: [] },
  preview: null,
  previewKey: null,
  job: null,
  progress: null,
  cancelling: false,
  outcome: null,
  outcomeMessage: null,
  record: null,
};

export type WizardAction =
  | { type: 'busy'; busy: Busy }
  | { type: 'failed'; message: string }
  | { type: 'fileChosen'; file: FileRef }
  | { type: 'scanned'; scan: ImportScan }
  | { type: 'readChoice'; delimiter?: CsvFileDelimiter | null; encoding?: CsvFileEncoding | null }
  | { type: 'goTo'; step: WizardStep }
  | { type: 'setColumn'; index: number; field: ImportField | null }
  | { type: 'setDefaultStage'; stageKey: string | null }
  | { type: 'setStageValue'; value: string; stageKey: string | null }
  | { type: 'setOwnerValue'; value: string; ownerId: number | null }
  | { type: 'setDuplicatePolicy'; policy: DuplicatePolicy }
  | { type: 'previewed'; key: string; preview: ImportPreview }
  | { type: 'started'; job: ImportStarted }
  | { type: 'progress'; progress: ProgressLike }
  | { type: 'cancelRequested' }
  | { type: 'cancelRefused'; message: string }
  | { type: 'finished'; outcome: Outcome; message: string | null; record: ImportRecord | null }
  | { type: 'recordChanged'; record: ImportRecord }
  | { type: 'reset' };

/** What `import.preview` and `import.start` are given, or null before a file was read. */
export function settingsOf(state: WizardState): ImportSettings | null {
  if (!state.file || !state.scan) return null;
  return {
    fileId: state.file.fileId,
    delimiter: state.delimiter,
    encoding: state.encoding,
    columns: state.columns,
    onDuplicate: state.onDuplicate,
    valueMapping: {
      stage: state.columns.includes('stage') ? state.valueMapping.stage : [],
      owner: state.columns.includes('owner') ? state.valueMapping.owner : [],
    },
    defaultStageKey: state.defaultStageKey,
  };
}

export function settingsKey(settings: ImportSettings | null): string | null {
  return settings && JSON.stringify(settings);
}

/** The preview on screen belongs to the settings as they are now. */
export function previewIsCurrent(state: WizardState): boolean {
  return state.preview !== null && state.previewKey !== null && state.previewKey === settingsKey(settingsOf(state));
}

/** Whether the seller can go on from this step, and if not why, in words. */
export function canContinue(state: WizardState): { ok: boolean; reason: string | null } {
  // A preview on its way does not hold up the columns step: the preview step waits for it.
  if (state.busy && !(state.busy.kind === 'preview' && state.step === 'mapping')) return { ok: false, reason: null };
  switch (state.step) {
    case 'file':
      return { ok: state.scan !== null, reason: null };
    case 'scan':
      if (!state.scan) return { ok: false, reason: null };
      if (state.scan.records === 0) return { ok: false, reason: 'The file has a header but no rows to import.' };
      return { ok: true, reason: null };
    case 'mapping': {
      const problem = mappingProblem(state.columns);
      return { ok: problem === null, reason: problem };
    }
    case 'preview': {
      if (!previewIsCurrent(state)) return { ok: false, reason: null };
      const { created, updated } = state.preview!.counts;
      if (created + updated === 0) return { ok: false, reason: 'Nothing to import: every row is either a duplicate to skip or has errors.' };
      return { ok: true, reason: null };
    }
    default:
      return { ok: false, reason: null };
  }
}

/** The step Back goes to (none while importing or after it). */
export function previousStep(step: WizardStep): WizardStep | null {
  switch (step) {
    case 'scan':
      return 'file';
    case 'mapping':
      return 'scan';
    case 'preview':
      return 'mapping';
    default:
      return null;
  }
}

/** Steps the seller may jump back to from the step indicator. */
export function reachable(state: WizardState, step: WizardStep): boolean {
  if (state.step === 'running' || state.step === 'summary' || state.busy) return false;
  const order = STEPS.map((s) => s.step);
  return order.indexOf(step) < order.indexOf(state.step);
}

function withSettingsChange(state: WizardState, patch: Partial<WizardState>): WizardState {
  // The preview stays on screen (dimmed) until the new one arrives; previewIsCurrent() tells them apart.
  return { ...state, ...patch, error: null };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.busy, error: action.busy ? null : state.error };
    case 'failed':
      return { ...state, busy: null, error: action.message, cancelling: false };
    case 'fileChosen':
      return { ...initialWizard, defaultStageKey: state.defaultStageKey, file: action.file, busy: { kind: 'scan', progress: null } };
    case 'scanned': {
      // A re-read with another delimiter or encoding can change the columns: map them afresh.
      const mapping = initialMapping(action.scan);
      return {
        ...state,
        busy: null,
        error: null,
        scan: action.scan,
        file: action.scan.file,
        columns: mapping.columns,
        mappingOrigin: mapping.origin,
        displaced: null,
        step: state.step === 'file' ? 'scan' : state.step,
        preview: null,
        previewKey: null,
        unknown: { stage: [], owner: [] },
        valueMapping: { stage: [], owner: [] },
      };
    }
    case 'readChoice':
      return {
        ...state,
        delimiter: action.delimiter === undefined ? state.delimiter : action.delimiter,
        encoding: action.encoding === undefined ? state.encoding : action.encoding,
        busy: { kind: 'scan', progress: null },
        error: null,
      };
    case 'goTo':
      return { ...state, step: action.step, error: null, displaced: null };
    case 'setColumn': {
      const { columns, displaced } = assignField(state.columns, action.index, action.field);
      return withSettingsChange(state, {
        columns,
        displaced: displaced !== null && action.field !== null ? { field: action.field, from: displaced } : null,
      });
    }
    case 'setDefaultStage':
      return withSettingsChange(state, { defaultStageKey: action.stageKey });
    case 'setStageValue':
      return withSettingsChange(state, {
        valueMapping: { ...state.valueMapping, stage: upsert(state.valueMapping.stage, action.value, { stageKey: action.stageKey }) },
      });
    case 'setOwnerValue':
      return withSettingsChange(state, {
        valueMapping: { ...state.valueMapping, owner: upsert(state.valueMapping.owner, action.value, { ownerId: action.ownerId }) },
      });
    case 'setDuplicatePolicy':
      return withSettingsChange(state, { onDuplicate: action.policy });
    case 'previewed': {
      const current = settingsKey(settingsOf(state));
      // An answer for settings changed since is dropped: a newer preview is on its way.
      if (action.key !== current) return state;
      const unknown = {
        stage: mergeUnknown(state.unknown.stage, action.preview.unknownValues.stage),
        owner: mergeUnknown(state.unknown.owner, action.preview.unknownValues.owner),
      };
      const valueMapping = completeValueMapping(state.valueMapping, unknown);
      const next = { ...state, busy: null, error: null, unknown, valueMapping, preview: action.preview };
      // New values got their default choice: the settings changed, so this preview is already old
      // (rows of an unknown owner are rejected; with "no owner" chosen they are not).
      return { ...next, previewKey: settingsKey(settingsOf(next)) === current ? current : null };
    }
    case 'started':
      return { ...state, busy: null, error: null, step: 'running', job: action.job, progress: null, cancelling: false };
    case 'progress':
      return { ...state, progress: action.progress };
    case 'cancelRequested':
      return { ...state, cancelling: true };
    case 'cancelRefused':
      return { ...state, cancelling: false, error: action.message };
    case 'finished':
      return { ...state, step: 'summary', busy: null, cancelling: false, outcome: action.outcome, outcomeMessage: action.message, record: action.record };
    case 'recordChanged':
      return { ...state, record: state.record && state.record.id === action.record.id ? action.record : state.record };
    case 'reset':
      return initialWizard;
  }
}

function upsert<T extends { value: string }>(list: readonly T[], value: string, patch: Omit<T, 'value'>): T[] {
  const at = list.findIndex((entry) => entry.value === value);
  if (at === -1) return [...list, { value, ...patch } as T];
  return list.map((entry, i) => (i === at ? ({ ...entry, ...patch } as T) : entry));
}

/** The unknown values the columns step offers to match (only for mapped stage / owner columns). */
export function unknownToMatch(state: WizardState): { stage: UnknownValue[]; owner: UnknownValue[] } {
  return relevantUnknown(state.columns, state.unknown);
}
