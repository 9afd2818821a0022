import { create } from 'zustand';
import type { BulkOutcome } from '../../shared/ipc/contract.ts';

export type BulkDialog = 'move' | 'assign' | 'tag-add' | 'tag-remove' | 'delete';

interface BulkState {
  dialog: BulkDialog | null;
  busy: boolean;
  /** A move some leads of which a rule refused: shown in a dialog, never skipped silently. */
  refusals: { outcome: BulkOutcome; stageName: string } | null;
}

export const useBulk = create<BulkState>()(() => ({ dialog: null, busy: false, refusals: null }));

export function openBulkDialog(dialog: BulkDialog | null): void {
  useBulk.setState({ dialog });
}
