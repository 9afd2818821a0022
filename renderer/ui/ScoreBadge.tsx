/** The lead score as a small badge; warmer colours for higher scores. */
export function ScoreBadge({ score, label }: { score: number; label?: string }) {
  const tone = score >= 50 ? 'hot' : score >= 20 ? 'warm' : score > 0 ? 'mild' : 'cold';
  return (
    <span className={`badge score-badge score-${tone}`} title={label ?? `Score ${score}`} aria-label={label ?? `Score ${score}`}>
      {score}
    </span>
  );
}
