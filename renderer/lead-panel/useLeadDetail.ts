import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/index.ts';
import type { LeadDetail } from '../../shared/ipc/contract.ts';

/** `leads.get` for the panel; reloads when the lead changes (`version`) or on demand. */
export function useLeadDetail(leadId: number | null, version: number | undefined) {
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (leadId === null) return;
    let live = true;
    void api['leads.get']({ id: leadId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setDetail(result.value);
        setError(null);
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [leadId, version, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { detail: detail && detail.lead.id === leadId ? detail : null, error, reload };
}
