import { useEffect, useId, useState } from 'react';
import { api } from '../api/index.ts';
import type { ScoreBreakdown as Breakdown } from '../../shared/domain/views.ts';
import { ScoreBadge } from '../ui/ScoreBadge.tsx';

/** The lead's score and, on demand, each rule with its points and whether the lead matches it. */
export function ScoreBreakdown({ leadId, score, version }: { leadId: number; score: number; version: number }) {
  const [open, setOpen] = useState(false);
  const [breakdown, setBreakdown] = useState<Breakdown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api['leads.scoreBreakdown']({ id: leadId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setBreakdown(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [open, leadId, version]);

  return (
    <section className="score-box" aria-label="Lead score" data-testid="score-box">
      <div className="score-line">
        <span className="score-title">Score</span>
        <ScoreBadge score={breakdown?.total ?? score} />
        <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="score-toggle">
          {open ? 'Hide breakdown' : 'Why this score?'}
        </button>
      </div>
      {open && (
        <div id={id}>
          {error && (
            <p className="field-error" role="alert">
              Could not load the breakdown: {error}
            </p>
          )}
          {!breakdown && !error && <p className="muted">Loading…</p>}
          {breakdown && breakdown.parts.length === 0 && <p className="muted">No scoring rules yet: set them up in Settings → Lead scoring.</p>}
          {breakdown && breakdown.parts.length > 0 && (
            <ul className="score-parts" data-testid="score-parts">
              {breakdown.parts.map((part) => (
                <li key={part.ruleId} className={part.matched ? 'score-part score-part-matched' : 'score-part'}>
                  <span className="score-mark" aria-label={part.matched ? 'matched' : 'not matched'}>
                    {part.matched ? '✓' : '✗'}
                  </span>
                  <span className="score-label">{part.label}</span>
                  <span className="score-points">{part.matched ? `${part.points > 0 ? '+' : ''}${part.points}` : `(${part.points > 0 ? '+' : ''}${part.points})`}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
