import { BulkAssignDialog } from '../bulk/BulkAssignDialog.tsx';
import { BulkBar } from '../bulk/BulkBar.tsx';
import { BulkDeleteDialog } from '../bulk/BulkDeleteDialog.tsx';
import { BulkMoveDialog } from '../bulk/BulkMoveDialog.tsx';
import { BulkRefusalsDialog } from '../bulk/BulkRefusalsDialog.tsx';
import { BulkTagDialog } from '../bulk/BulkTagDialog.tsx';
import { useBulk } from '../bulk/bulk-store.ts';
import { LeadTable } from './LeadTable.tsx';
import { selectedCount } from './selection.ts';
import { useTableData } from './table-data.ts';

/** Table mode: the bulk bar over the table, and the bulk dialogs. */
export function TableView() {
  const dialog = useBulk((s) => s.dialog);
  const count = useTableData((s) => selectedCount(s.selection, s.total ?? 0));
  return (
    <div className="table-view">
      <BulkBar />
      <LeadTable />
      {dialog === 'move' && <BulkMoveDialog count={count} />}
      {dialog === 'assign' && <BulkAssignDialog count={count} />}
      {(dialog === 'tag-add' || dialog === 'tag-remove') && <BulkTagDialog key={dialog} count={count} remove={dialog === 'tag-remove'} />}
      {dialog === 'delete' && <BulkDeleteDialog count={count} />}
      <BulkRefusalsDialog />
    </div>
  );
}
