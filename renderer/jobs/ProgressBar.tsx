import './jobs.css';

interface ProgressBarProps {
  /** 0–100, or null for a bar that only says "working". */
  percent: number | null;
  /** What is in progress ("Export progress"). */
  label: string;
  /** The same in words for screen readers and under the bar: "Writing: 1,200 of 5,000 leads (24%)". */
  text: string;
  testId?: string;
}

/** A progress bar with its text under it. */
export function ProgressBar({ percent, label, text, testId }: ProgressBarProps) {
  return (
    <div className="progress-block" data-testid={testId}>
      <div
        className={percent === null ? 'progress progress-indeterminate' : 'progress'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="progress-text" aria-live="polite" data-testid={testId ? `${testId}-text` : undefined}>
        {text}
      </p>
    </div>
  );
}
