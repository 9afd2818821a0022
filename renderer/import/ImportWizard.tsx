import { useEffect, useRef } from 'react';
import { Modal } from '../ui/Modal.tsx';
import { closeImport, goBack, goNext, goTo } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { FileStep } from './FileStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { RunStep } from './RunStep.tsx';
import { ScanStep } from './ScanStep.tsx';
import { SummaryStep } from './SummaryStep.tsx';
import { canContinue, previousStep, reachable, STEPS } from './wizard.ts';
import { plural, ROWS } from '../ui/numbers.ts';
import './import.css';

const NEXT_LABEL = { scan: 'Next: columns', mapping: 'Next: preview' } as const;

/** Import CSV: a file, its check, the columns, a preview, the import with progress, and its summary. */
export function ImportWizard() {
  const open = useImport((s) => s.open);
  const wizard = useImport((s) => s.wizard);
  const bodyRef = useRef<HTMLDivElement>(null);
  const { step } = wizard;
  const shownStep = useRef(step);

  // A new step: keyboard and screen reader users start at its top, not on a button that went away.
  useEffect(() => {
    if (!open || shownStep.current === step) return;
    shownStep.current = step;
    bodyRef.current?.focus();
  }, [open, step]);

  if (!open) return null;
  const next = canContinue(wizard);
  const back = previousStep(step);
  const current = STEPS.findIndex((s) => s.step === step);

  return (
    <Modal title="Import leads from a CSV file" onClose={closeImport} testId="import-wizard" className="import-modal">
      <ol className="import-steps" aria-label="Import steps">
        {STEPS.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          const label = (
            <>
              <span className="import-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {s.label}
            </>
          );
          return (
            <li key={s.step} className={`import-step import-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {reachable(wizard, s.step) ? (
                <button type="button" className="import-step-link" onClick={() => goTo(s.step)}>
                  {label}
                </button>
              ) : (
                <span className="import-step-label">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
      <div key={step} ref={bodyRef} className="import-body" tabIndex={-1} aria-label={STEPS[current]?.label} data-testid={`import-step-${step}`}>
        {step === 'file' && <FileStep />}
        {step === 'scan' && <ScanStep />}
        {step === 'mapping' && <MappingStep />}
        {step === 'preview' && <PreviewStep />}
        {step === 'running' && <RunStep />}
        {step === 'summary' && <SummaryStep />}
      </div>
      {(step === 'scan' || step === 'mapping' || step === 'preview') && (
        <footer className="import-footer">
          {next.reason && !wizard.busy && (
            <p className="import-footer-reason" role="alert" data-testid="import-next-reason">
              {next.reason}
            </p>
          )}
          <span className="import-footer-spacer" />
          <button type="button" className="button" onClick={closeImport}>
            Cancel
          </button>
          {back && (
            <button type="button" className="button" onClick={goBack} data-testid="import-back">
              Back
            </button>
          )}
          <button type="button" className="button button-primary" disabled={!next.ok} onClick={goNext} data-testid="import-next">
            {step === 'preview' ? <StartLabel /> : NEXT_LABEL[step]}
          </button>
        </footer>
      )}
    </Modal>
  );
}

function StartLabel() {
  const counts = useImport((s) => s.wizard.preview?.counts ?? null);
  if (!counts) return <>Import</>;
  const n = counts.created + counts.updated;
  return <>Import {plural(n, ROWS)}</>;
}
