import type { CsvFileDelimiter, CsvFileEncoding, ExportDelimiter, ImportField, ImportRecord, DuplicatePolicy } from '../../shared/domain/csv-transfer.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { api } from '../api/index.ts';
import { downloadFromHarness, uploadFile, type Upload } from '../api/files.ts';
import { readPrefs } from '../export/export-model.ts';
import { clearFilterValuesCache } from '../filters/useFilterValues.ts';
import { connectAppEvents } from '../jobs/job-events.ts';
import { cancelJob, followJob, withKindProgress } from '../jobs/jobs.ts';
import type { JobWatch } from '../jobs/job-watch.ts';
import { LEADS, plural } from '../ui/numbers.ts';
import { applyFilterToBoard } from '../state/board-actions.ts';
import { emitLeadEvent } from '../state/lead-events.ts';
import { showError, showToast } from '../state/toasts.ts';
import { dispatch, useImport, useImportHistory, wizardState } from './import-store.ts';
import { canContinue, previousStep, previewIsCurrent, settingsKey, settingsOf, type WizardStep } from './wizard.ts';

/** Bumped when the wizard closes: answers for a closed wizard are dropped. */
let session = 0;
let upload: Upload | null = null;
let watch: JobWatch | null = null;
let previewTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * The preview on its way: main runs one at a time, so a newer one waits for it (and asks it to
 * stop once its job id is known from its progress events: its answer is not wanted any more).
 */
let previewInFlight: { key: string; jobId: string | null } | null = null;
/** The scan on its way (its job id comes with its first progress event), and whether the seller cancelled it. */
let scanFlight: { jobId: string | null; cancelled: boolean } | null = null;

const PREVIEW_DELAY_MS = 350;
const PREVIEW_ROWS = 50;

export function openImport(): void {
  connectAppEvents();
  if (useImport.getState().open) return;
  session++;
  dispatch({ type: 'reset' });
  useImport.setState({ open: true });
}

/** Closes the wizard, except while an import runs (Cancel it, or wait for the summary). */
export function closeImport(): void {
  if (wizardState().step === 'running') return;
  session++;
  upload?.abort();
  upload = null;
  watch?.stop();
  watch = null;
  if (previewTimer) clearTimeout(previewTimer);
  previewTimer = null;
  if (previewInFlight?.jobId) void cancelJob(previewInFlight.jobId);
  previewInFlight = null;
  if (scanFlight?.jobId) void cancelJob(scanFlight.jobId);
  scanFlight = null;
  useImport.setState({ open: false });
  dispatch({ type: 'reset' });
}

/** Browser: sends the picked file to the harness, then reads it. */
export async function uploadAndScan(file: File): Promise<void> {
  const mine = session;
  upload?.abort();
  dispatch({ type: 'busy', busy: { kind: 'upload', loaded: 0, total: file.size } });
  upload = uploadFile(file, (loaded, total) => {
    if (mine === session && wizardState().busy?.kind === 'upload') dispatch({ type: 'busy', busy: { kind: 'upload', loaded, total } });
  });
  const result = await upload.done;
  upload = null;
  if (mine !== session) return;
  if (!result.ok) {
    if (result.error.message === 'Upload cancelled.') dispatch({ type: 'busy', busy: null });
    else dispatch({ type: 'failed', message: result.error.message });
    return;
  }
  dispatch({ type: 'fileChosen', file: result.value });
  await runScan();
}

export function cancelUpload(): void {
  upload?.abort();
}

/** Electron: main shows the open dialog; closing it changes nothing. */
export async function chooseFile(): Promise<void> {
  const mine = session;
  dispatch({ type: 'busy', busy: { kind: 'choose' } });
  const result = await api['files.openImport'](undefined);
  if (mine !== session) return;
  if (!result.ok) return dispatch({ type: 'failed', message: result.error.message });
  if (result.value === null) return dispatch({ type: 'busy', busy: null });
  dispatch({ type: 'fileChosen', file: result.value });
  await runScan();
}

async function runScan(): Promise<void> {
  const mine = session;
  const { file, delimiter, encoding } = wizardState();
  if (!file) return;
  const flight: { jobId: string | null; cancelled: boolean } = { jobId: null, cancelled: false };
  scanFlight = flight;
  const result = await withKindProgress(
    'import-scan',
    (progress, jobId) => {
      flight.jobId ??= jobId;
      if (mine === session && wizardState().busy?.kind === 'scan') dispatch({ type: 'busy', busy: { kind: 'scan', progress } });
    },
    () => api['import.scan']({ fileId: file.fileId, delimiter, encoding }),
  );
  if (scanFlight === flight) scanFlight = null;
  if (mine !== session) return;
  if (flight.cancelled) {
    // Back to where the seller was: the file step, or the last reading of this file.
    dispatch({ type: 'busy', busy: null });
    if (!wizardState().scan) dispatch({ type: 'reset' });
    return;
  }
  if (!result.ok) return dispatch({ type: 'failed', message: `Could not read the file: ${result.error.message}` });
  dispatch({ type: 'scanned', scan: result.value });
}

/** Stops reading a large file (once main has said which job reads it). */
export function cancelScan(): void {
  if (!scanFlight?.jobId) return;
  scanFlight.cancelled = true;
  void cancelJob(scanFlight.jobId);
}

/** The scan can be cancelled once its job is known. */
export function scanCancellable(): boolean {
  return Boolean(scanFlight?.jobId);
}

/** The seller corrects the detected delimiter or encoding: read the file again with it. */
export function setReadChoice(choice: { delimiter?: CsvFileDelimiter | null; encoding?: CsvFileEncoding | null }): void {
  dispatch({ type: 'readChoice', ...choice });
  void runScan();
}

export function goTo(step: WizardStep): void {
  dispatch({ type: 'goTo', step });
  if (step === 'mapping' || step === 'preview') schedulePreview(0);
}

export function goBack(): void {
  const back = previousStep(wizardState().step);
  if (back) goTo(back);
}

export function goNext(): void {
  const state = wizardState();
  if (!canContinue(state).ok) return;
  if (state.step === 'scan') goTo('mapping');
  else if (state.step === 'mapping') goTo('preview');
  else if (state.step === 'preview') void startImport();
}

export function setColumn(index: number, field: ImportField | null): void {
  dispatch({ type: 'setColumn', index, field });
  schedulePreview();
}

export function setDefaultStage(stageKey: string | null): void {
  dispatch({ type: 'setDefaultStage', stageKey });
  schedulePreview();
}

export function setStageValue(value: string, stageKey: string | null): void {
  dispatch({ type: 'setStageValue', value, stageKey });
  schedulePreview();
}

export function setOwnerValue(value: string, ownerId: number | null): void {
  dispatch({ type: 'setOwnerValue', value, ownerId });
  schedulePreview();
}

export function setDuplicatePolicy(policy: DuplicatePolicy): void {
  dispatch({ type: 'setDuplicatePolicy', policy });
  schedulePreview(0);
}

/** A preview for the settings as they are, a moment after the last change (a burst of choices makes one). */
function schedulePreview(delay = PREVIEW_DELAY_MS): void {
  if (previewTimer) clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    previewTimer = null;
    void runPreview();
  }, delay);
}

async function runPreview(): Promise<void> {
  const mine = session;
  const state = wizardState();
  if (state.step !== 'mapping' && state.step !== 'preview') return;
  if (!canContinue({ ...state, step: 'mapping', busy: null }).ok) return;
  const settings = settingsOf(state);
  const key = settingsKey(settings);
  if (!settings || !key || previewIsCurrent(state)) return;
  if (previewInFlight) {
    // One at a time: the running one is told to stop; when it ends, this one starts.
    if (previewInFlight.key !== key && previewInFlight.jobId) void cancelJob(previewInFlight.jobId);
    return;
  }
  const flight: { key: string; jobId: string | null } = { key, jobId: null };
  previewInFlight = flight;
  dispatch({ type: 'busy', busy: { kind: 'preview', progress: null } });
  const result = await withKindProgress(
    'import-preview',
    (progress, jobId) => {
      flight.jobId ??= jobId;
      if (mine === session && wizardState().busy?.kind === 'preview') dispatch({ type: 'busy', busy: { kind: 'preview', progress } });
    },
    () => api['import.preview']({ settings, limit: PREVIEW_ROWS }),
  );
  if (previewInFlight === flight) previewInFlight = null;
  if (mine !== session) return;
  const stillWanted = settingsKey(settingsOf(wizardState())) === key;
  if (!result.ok) {
    // A preview of settings changed since (cancelled, most likely) is simply replaced by the next one.
    if (stillWanted) return dispatch({ type: 'failed', message: `Could not check the rows: ${result.error.message}` });
  } else {
    dispatch({ type: 'previewed', key, preview: result.value });
  }
  // New unknown values got their default choice, or the seller changed something meanwhile.
  if (!previewIsCurrent(wizardState())) schedulePreview(0);
}

async function startImport(): Promise<void> {
  const mine = session;
  const settings = settingsOf(wizardState());
  if (!settings) return;
  dispatch({ type: 'busy', busy: { kind: 'start', progress: null } });
  const started = await api['import.start']({ settings });
  if (mine !== session) return;
  if (!started.ok) return dispatch({ type: 'failed', message: `The import did not start: ${started.error.message}` });
  const { jobId, importId } = started.value;
  dispatch({ type: 'started', job: started.value });
  watch = followJob(jobId, 'import', (progress) => {
    if (mine === session) dispatch({ type: 'progress', progress });
  });
  const final = await watch.done;
  watch = null;
  // Whatever the wizard shows now, leads may have been written: the board must show them.
  leadsChanged();
  void loadHistory();
  let record = final.result && 'status' in final.result && 'counts' in final.result ? (final.result as ImportRecord) : null;
  record ??= await findRecord(importId);
  if (mine !== session) return;
  const outcome = final.state === 'running' ? 'failed' : final.state;
  dispatch({ type: 'finished', outcome, message: final.message, record });
}

async function findRecord(importId: number): Promise<ImportRecord | null> {
  const list = await api['imports.list'](undefined);
  return list.ok ? (list.value.find((r) => r.id === importId) ?? null) : null;
}

export async function cancelImport(): Promise<void> {
  const { job, cancelling } = wizardState();
  if (!job || cancelling) return;
  dispatch({ type: 'cancelRequested' });
  const result = await cancelJob(job.jobId);
  if (!result.ok) dispatch({ type: 'cancelRefused', message: `Could not cancel the import: ${result.error.message}` });
}

/** The board, the table, the sidebar counts and the filter pick-lists re-read after leads came or went. */
function leadsChanged(): void {
  clearFilterValuesCache();
  emitLeadEvent({ kind: 'changed' });
  void applyFilterToBoard();
}

export async function loadHistory(): Promise<void> {
  useImportHistory.setState({ loading: true });
  const result = await api['imports.list'](undefined);
  if (result.ok) useImportHistory.setState({ records: result.value, loaded: true, loading: false, error: null });
  else useImportHistory.setState({ loaded: true, loading: false, error: result.error.message });
}

function setBusy(importId: number, busy: boolean): void {
  useImportHistory.setState((s) => ({ busyIds: busy ? [...s.busyIds, importId] : s.busyIds.filter((id) => id !== importId) }));
}

/** Undoes a whole import: its created leads go, its updated leads get their values back. */
export async function undoImport(importId: number): Promise<Result<ImportRecord>> {
  setBusy(importId, true);
  const result = await api['imports.undo']({ importId });
  setBusy(importId, false);
  if (!result.ok) return result;
  const record = result.value;
  useImportHistory.setState((s) => ({ records: s.records.map((r) => (r.id === record.id ? record : r)) }));
  dispatch({ type: 'recordChanged', record });
  leadsChanged();
  void loadHistory();
  const parts = [record.counts.created > 0 ? `${plural(record.counts.created, LEADS)} removed` : null, record.counts.updated > 0 ? `${plural(record.counts.updated, LEADS)} restored` : null].filter(Boolean);
  showToast({ tone: 'info', message: `Import of ${record.fileName} undone${parts.length ? `: ${parts.join(', ')}` : ''}` });
  return result;
}

/** The rejected rows with an Error column: saved where the seller chooses (Electron) or downloaded. */
export async function downloadRejected(importId: number, delimiter?: CsvFileDelimiter): Promise<void> {
  const chosen: ExportDelimiter = delimiter === ';' || delimiter === ',' ? delimiter : readPrefs(globalThis.localStorage).delimiter;
  setBusy(importId, true);
  const result = await api['imports.rejectedCsv']({ importId, delimiter: chosen });
  setBusy(importId, false);
  if (!result.ok) {
    showError(`Could not save the rejected rows: ${result.error.message}`);
    return;
  }
  const saved = result.value;
  if (!saved) return;
  if (saved.downloadId) downloadFromHarness(saved.downloadId, saved.fileName);
  else showToast({ tone: 'info', message: `Rejected rows saved to ${saved.location ?? saved.fileName}` });
}
