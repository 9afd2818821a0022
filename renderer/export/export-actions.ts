import type { ExportResult } from '../../shared/domain/csv-transfer.ts';
import { api } from '../api/index.ts';
import { downloadFromHarness } from '../api/files.ts';
import { connectAppEvents } from '../jobs/job-events.ts';
import { cancelJob, followJob } from '../jobs/jobs.ts';
import type { JobWatch } from '../jobs/job-watch.ts';
import { showToast } from '../state/toasts.ts';
import { useWorkspace } from '../state/workspace.ts';
import { exportScope, writePrefs, type ExportChoice, type ExportPrefs, type ExportSource } from './export-model.ts';
import { initialExport, useExport } from './export-store.ts';

let watch: JobWatch | null = null;

export function openExport(source: ExportSource): void {
  connectAppEvents();
  const { prefs } = useExport.getState();
  useExport.setState({ ...initialExport, prefs, source });
}

/** Closes the dialog; a running export is not left behind unseen: Cancel it first. */
export function closeExport(): void {
  const { phase } = useExport.getState();
  if (phase === 'running' || phase === 'starting') return;
  watch?.stop();
  watch = null;
  useExport.setState({ source: null });
}

export function setChoice(choice: ExportChoice): void {
  useExport.setState({ choice });
}

export function setPrefs(prefs: Partial<ExportPrefs>): void {
  const next = { ...useExport.getState().prefs, ...prefs };
  writePrefs(globalThis.localStorage, next);
  useExport.setState({ prefs: next });
}

/** Starts the export job and follows it to its end; the browser then downloads the file. */
export async function startExport(): Promise<void> {
  const { source, choice, prefs } = useExport.getState();
  if (!source) return;
  const scope = exportScope(source, choice, useWorkspace.getState());
  useExport.setState({ phase: 'starting', message: null, progress: null, result: null, cancelling: false });
  const started = await api['export.start']({ scope, options: prefs });
  if (!started.ok) {
    useExport.setState({ phase: 'failed', message: started.error.message });
    return;
  }
  // Electron's save dialog was closed: nothing to do, back to the choices.
  if (started.value === null) {
    useExport.setState({ phase: 'options' });
    return;
  }
  const { jobId, fileName } = started.value;
  useExport.setState({ phase: 'running', jobId, fileName });
  watch = followJob(jobId, 'export', (progress) => {
    if (useExport.getState().jobId === jobId) useExport.setState({ progress });
  });
  const final = await watch.done;
  watch = null;
  if (useExport.getState().jobId !== jobId) return;
  if (final.state === 'cancelled') {
    useExport.setState({ phase: 'cancelled', cancelling: false });
    return;
  }
  if (final.state !== 'done' || !final.result) {
    useExport.setState({ phase: 'failed', cancelling: false, message: final.message ?? 'The export stopped without saying why.' });
    return;
  }
  const result = final.result as ExportResult;
  useExport.setState({ phase: 'done', cancelling: false, result });
  if (result.downloadId) downloadFromHarness(result.downloadId, result.fileName);
}

export async function cancelExport(): Promise<void> {
  const { jobId, phase } = useExport.getState();
  if (!jobId || phase !== 'running') return;
  useExport.setState({ cancelling: true });
  const result = await cancelJob(jobId);
  if (!result.ok) {
    useExport.setState({ cancelling: false });
    showToast({ tone: 'error', message: `Could not cancel the export: ${result.error.message}` });
  }
}

/** "Download again" in the browser: the same finished file. */
export function downloadAgain(): void {
  const { result } = useExport.getState();
  if (result?.downloadId) downloadFromHarness(result.downloadId, result.fileName);
}
