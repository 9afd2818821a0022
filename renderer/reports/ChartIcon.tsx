/** Bars rising: the Reports entry in the top bar (drawn like the other line icons). */
export function ChartIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true">
      <path d="M2.5 13.5h11" />
      <path d="M4.5 11V8" />
      <path d="M8 11V4.5" />
      <path d="M11.5 11V6.5" />
    </svg>
  );
}
