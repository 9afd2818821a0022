import { create } from 'zustand';
import type { SavedFile } from '../../shared/domain/csv-transfer.ts';
import type { ProgressLike } from '../jobs/progress-format.ts';
import { readPrefs, type ExportChoice, type ExportPrefs, type ExportSource } from './export-model.ts';

export type ExportPhase = 'options' | 'starting' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExportState {
  /** Null: the dialog is closed. */
  source: ExportSource | null;
  choice: ExportChoice;
  prefs: ExportPrefs;
  phase: ExportPhase;
  jobId: string | null;
  fileName: string | null;
  progress: ProgressLike | null;
  cancelling: boolean;
  result: SavedFile | null;
  /** Why it failed, in words. */
  message: string | null;
}

export const initialExport: ExportState = {
  source: null,
  choice: 'shown',
  prefs: readPrefs(globalThis.localStorage),
  phase: 'options',
  jobId: null,
  fileName: null,
  progress: null,
  cancelling: false,
  result: null,
  message: null,
};

export const useExport = create<ExportState>()(() => initialExport);
