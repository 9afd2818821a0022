import { useEffect } from 'react';
import { useBoard, type Toast } from '../state/store.ts';
import { dismissToast } from '../state/toasts.ts';
import { undoEntry } from '../state/undo-actions.ts';
import './toasts.css';

const LIFETIME_MS = { info: 6000, error: 10000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(toast.id), toast.undoEntryId ? 8000 : LIFETIME_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.tone, toast.undoEntryId]);

  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid={toast.tone === 'error' ? 'toast-error' : 'toast'}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.undoEntryId !== undefined && (
        <button type="button" className="toast-action" onClick={() => void undoEntry(toast.undoEntryId!)}>
          Undo
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss message" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Messages in the bottom-left corner: errors are alerts, the rest polite status updates. */
export function Toasts() {
  const toasts = useBoard((s) => s.toasts);
  return (
    <div className="toasts" aria-label="Messages">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
