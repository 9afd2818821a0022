import { create } from 'zustand';
import type { ImportRecord } from '../../shared/domain/csv-transfer.ts';
import { initialWizard, wizardReducer, type WizardAction, type WizardState } from './wizard.ts';

interface ImportStore {
  open: boolean;
  wizard: WizardState;
}

export const useImport = create<ImportStore>()(() => ({ open: false, wizard: initialWizard }));

export function dispatch(action: WizardAction): void {
  useImport.setState((s) => ({ wizard: wizardReducer(s.wizard, action) }));
}

export function wizardState(): WizardState {
  return useImport.getState().wizard;
}

/** The import history (Settings → Imports), newest first. */
interface HistoryStore {
  records: ImportRecord[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Import ids with an undo or a download on its way. */
  busyIds: number[];
}

export const useImportHistory = create<HistoryStore>()(() => ({ records: [], loaded: false, loading: false, error: null, busyIds: [] }));
