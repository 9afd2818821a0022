/** What every suite gets from the runner. */
export interface SuiteContext {
  leads: number;
  /** A folder for this run's working copies; removed at the end. */
  tempDir: string;
  /** The cached demo DB with that many leads (built on first use). */
  dataset: (leads: number) => string;
  log: (text: string) => void;
}
