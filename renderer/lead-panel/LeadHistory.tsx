import type { Activity, StageTransition } from '../../shared/domain/history.ts';
import type { LeadDetail } from '../../shared/ipc/contract.ts';
import { useBoard } from '../state/store.ts';
import { formatDateTime } from '../ui/dates.ts';
import { NoteForm } from './NoteForm.tsx';

type Entry = { kind: 'transition'; at: number; item: StageTransition } | { kind: 'activity'; at: number; item: Activity };

const ACTIVITY_LABELS: Record<Activity['type'], string> = { note: 'Note', call: 'Call', email: 'E-mail', meeting: 'Meeting' };

/** "MQL → SQL · 12 Mar 2026 14:05 · by Olga · reason", newest first, with notes in between. */
export function LeadHistory({ detail, onNoteAdded }: { detail: LeadDetail; onNoteAdded: () => void }) {
  const stages = useBoard((s) => s.stages);
  const stageName = (key: string) => stages.find((s) => s.key === key)?.name ?? key;
  const entries: Entry[] = [
    ...detail.transitions.map((item): Entry => ({ kind: 'transition', at: item.at, item })),
    ...detail.activities.map((item): Entry => ({ kind: 'activity', at: item.at, item })),
  ].sort((a, b) => b.at - a.at || (a.kind === b.kind ? b.item.id - a.item.id : a.kind === 'activity' ? -1 : 1));

  return (
    <div className="history">
      <NoteForm leadId={detail.lead.id} onAdded={onNoteAdded} />
      {entries.length === 0 && <p className="muted">No history yet.</p>}
      <ol className="history-list" aria-label="History" data-testid="history-list">
        {entries.map((entry) =>
          entry.kind === 'transition' ? (
            <li key={`t${entry.item.id}`} className="history-item history-transition">
              <div className="history-line">
                <span className="history-main">
                  {entry.item.fromStage === null
                    ? `Created in ${stageName(entry.item.toStage)}`
                    : `${stageName(entry.item.fromStage)} → ${stageName(entry.item.toStage)}`}
                  {entry.item.undoesTransitionId !== null && <span className="history-tag">undo</span>}
                </span>
                <span className="history-meta">
                  {[
                    formatDateTime(entry.item.at),
                    entry.item.byName ? `by ${entry.item.byName}` : null,
                    // An undo records the reason "Undo"; the tag already says so.
                    entry.item.undoesTransitionId !== null && entry.item.reason === 'Undo' ? null : entry.item.reason,
                  ]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </span>
              </div>
            </li>
          ) : (
            <li key={`a${entry.item.id}`} className="history-item history-activity">
              <div className="history-line">
                <span className="history-main">{ACTIVITY_LABELS[entry.item.type]}</span>
                <span className="history-meta">
                  {[formatDateTime(entry.item.at), entry.item.byName ? `by ${entry.item.byName}` : null]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </span>
              </div>
              <p className="history-body">{entry.item.body}</p>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
