import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRecord, ImportScan } from '../../../shared/domain/csv-transfer.ts';
import {
  assignField,
  columnName,
  completeValueMapping,
  initialMapping,
  mappingProblem,
  mappingWarning,
  mergeUnknown,
  sampleValues,
} from '../../../renderer/import/mapping-model.ts';
import {
  canContinue,
  initialWizard,
  previewIsCurrent,
  previousStep,
  reachable,
  settingsKey,
  settingsOf,
  unknownToMatch,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../renderer/import/wizard.ts';

const file = { fileId: 'f1', name: 'leads.csv', size: 640 };

function scanOf(patch: Partial<ImportScan> = {}): ImportScan {
  return {
    file,
    encoding: 'utf-8',
    bom: false,
    delimiter: ';',
    delimiterConfident: true,
    header: ['Имя', 'Фамилия', 'Эл. почта', 'Этап', 'Ответственный'],
    sample: [
      { line: 2, fields: ['Анна', 'Петрова', 'anna@romashka.ru', 'Лид', 'Ольга'] },
      { line: 3, fields: ['Иван', '', 'ivan@example.ru', 'MQL', ''] },
    ],
    records: 2,
    problems: [],
    problemCount: 0,
    suggested: ['firstName', 'lastName', 'email', 'stage', 'owner'],
    remembered: null,
    ...patch,
  };
}

function previewOf(patch: Partial<ImportPreview> = {}): ImportPreview {
  return {
    rows: [],
    counts: { read: 2, created: 1, duplicates: 0, updated: 0, skipped: 0, rejected: 1, existingCompanies: 0 },
    unknownValues: { stage: [], owner: [] },
    errorSummary: [],
    ...patch,
  };
}

function run(...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, initialWizard);
}

const scanned = () => run({ type: 'fileChosen', file }, { type: 'scanned', scan: scanOf() });

describe('column mapping', () => {
  it('starts from the remembered mapping when there is one, else from the suggestions', () => {
    expect(initialMapping(scanOf())).toEqual({ columns: ['firstName', 'lastName', 'email', 'stage', 'owner'], origin: 'suggested' });
    const remembered = scanOf({ remembered: ['firstName', 'lastName', 'email', null, null] });
    expect(initialMapping(remembered)).toEqual({ columns: ['firstName', 'lastName', 'email', null, null], origin: 'remembered' });
  });

  it('ignores a remembered mapping that does not fit the columns, and keeps each field once', () => {
    expect(initialMapping(scanOf({ remembered: ['email'] })).origin).toBe('suggested');
    expect(initialMapping(scanOf({ suggested: ['email', 'email', null, null, null] })).columns).toEqual(['email', null, null, null, null]);
  });

  it('gives a field to one column: the column that had it lets it go and is named', () => {
    const before = ['firstName', 'lastName', 'email', null] as const;
    expect(assignField([...before], 3, 'email')).toEqual({ columns: ['firstName', 'lastName', null, 'email'], displaced: 2 });
    expect(assignField([...before], 0, null)).toEqual({ columns: [null, 'lastName', 'email', null], displaced: null });
    expect(assignField([...before], 0, 'phone')).toEqual({ columns: ['phone', 'lastName', 'email', null], displaced: null });
  });

  it('says in words what is wrong or risky with a mapping', () => {
    expect(mappingProblem([null, null])).toMatch(/at least one column/);
    expect(mappingProblem(['phone', null])).toBeNull();
    expect(mappingWarning(['phone', null])).toMatch(/name, an e-mail or a company/);
    expect(mappingWarning(['firstName', 'phone'])).toMatch(/duplicates are found by e-mail/);
    expect(mappingWarning(['firstName', 'email'])).toBeNull();
  });

  it('names blank headers by position and shows the first non-empty values', () => {
    expect(columnName(['Имя', ' ', 'E-mail'], 1)).toBe('Column 2');
    expect(sampleValues(scanOf().sample, 1)).toEqual(['Петрова']);
    expect(sampleValues(scanOf().sample, 0, 1)).toEqual(['Анна']);
  });

  it('keeps every unknown value once seen, and the seller’s choice for each', () => {
    const merged = mergeUnknown([{ value: 'Лид', count: 3 }], [{ value: 'Лид', count: 4 }, { value: 'Сделка', count: 1 }]);
    expect(merged).toEqual([
      { value: 'Лид', count: 4 },
      { value: 'Сделка', count: 1 },
    ]);
    const mapping = completeValueMapping({ stage: [{ value: 'Лид', stageKey: 'awareness' }], owner: [] }, { stage: merged, owner: [{ value: 'Ольга', count: 2 }] });
    expect(mapping).toEqual({
      stage: [
        { value: 'Лид', stageKey: 'awareness' },
        { value: 'Сделка', stageKey: null },
      ],
      owner: [{ value: 'Ольга', ownerId: null }],
    });
  });
});

describe('import wizard', () => {
  it('goes from the chosen file to its check once it was read', () => {
    const chosen = run({ type: 'fileChosen', file });
    expect(chosen.step).toBe('file');
    expect(chosen.busy).toEqual({ kind: 'scan', progress: null });
    const state = wizardReducer(chosen, { type: 'scanned', scan: scanOf() });
    expect(state.step).toBe('scan');
    expect(state.busy).toBeNull();
    expect(state.columns).toEqual(['firstName', 'lastName', 'email', 'stage', 'owner']);
    expect(canContinue(state)).toEqual({ ok: true, reason: null });
  });

  it('does not go on with a file that has no rows, and says why', () => {
    const state = run({ type: 'fileChosen', file }, { type: 'scanned', scan: scanOf({ records: 0, sample: [] }) });
    expect(canContinue(state)).toEqual({ ok: false, reason: 'The file has a header but no rows to import.' });
  });

  it('reads again with a corrected delimiter and maps the new columns afresh', () => {
    let state = wizardReducer(scanned(), { type: 'setColumn', index: 0, field: null });
    state = wizardReducer(state, { type: 'readChoice', delimiter: ',' });
    expect(state.delimiter).toBe(',');
    expect(state.busy).toEqual({ kind: 'scan', progress: null });
    state = wizardReducer(state, { type: 'scanned', scan: scanOf({ delimiter: ',', header: ['a;b'], suggested: [null], sample: [] }) });
    expect(state.step).toBe('scan');
    expect(state.columns).toEqual([null]);
    expect(settingsOf(state)).toMatchObject({ delimiter: ',', encoding: null });
  });

  it('builds the settings main is given; stage and owner values only for mapped columns', () => {
    let state = wizardReducer(scanned(), { type: 'setStageValue', value: 'Лид', stageKey: 'awareness' });
    state = wizardReducer(state, { type: 'setOwnerValue', value: 'Ольга', ownerId: 3 });
    state = wizardReducer(state, { type: 'setDuplicatePolicy', policy: 'update' });
    expect(settingsOf(state)).toEqual({
      fileId: 'f1',
      delimiter: null,
      encoding: null,
      columns: ['firstName', 'lastName', 'email', 'stage', 'owner'],
      onDuplicate: 'update',
      valueMapping: { stage: [{ value: 'Лид', stageKey: 'awareness' }], owner: [{ value: 'Ольга', ownerId: 3 }] },
      defaultStageKey: null,
    });
    state = wizardReducer(state, { type: 'setColumn', index: 4, field: null });
    expect(settingsOf(state)?.valueMapping.owner).toEqual([]);
  });

  it('holds a preview to the settings it was made with', () => {
    let state = wizardReducer(scanned(), { type: 'goTo', step: 'mapping' });
    const key = settingsKey(settingsOf(state))!;
    state = wizardReducer(state, { type: 'previewed', key, preview: previewOf() });
    expect(previewIsCurrent(state)).toBe(true);
    state = wizardReducer(state, { type: 'setDuplicatePolicy', policy: 'create' });
    expect(previewIsCurrent(state)).toBe(false);
    expect(state.preview).not.toBeNull();
    // A late answer for old settings is dropped.
    const stale = wizardReducer(state, { type: 'previewed', key, preview: previewOf({ counts: { ...previewOf().counts, created: 99 } }) });
    expect(stale.preview?.counts.created).toBe(1);
  });

  it('offers the unknown stage and owner values, with defaults, and asks for a fresh preview', () => {
    let state = wizardReducer(scanned(), { type: 'goTo', step: 'mapping' });
    const key = settingsKey(settingsOf(state))!;
    state = wizardReducer(state, {
      type: 'previewed',
      key,
      preview: previewOf({ unknownValues: { stage: [{ value: 'Лид', count: 1 }], owner: [{ value: 'Ольга', count: 1 }] } }),
    });
    expect(unknownToMatch(state)).toEqual({ stage: [{ value: 'Лид', count: 1 }], owner: [{ value: 'Ольга', count: 1 }] });
    expect(state.valueMapping).toEqual({ stage: [{ value: 'Лид', stageKey: null }], owner: [{ value: 'Ольга', ownerId: null }] });
    // "No owner" changes what main decides for those rows: the preview is old already.
    expect(previewIsCurrent(state)).toBe(false);
    // The next preview no longer lists them, but the seller still sees and can change them.
    const next = settingsKey(settingsOf(state))!;
    state = wizardReducer(state, { type: 'previewed', key: next, preview: previewOf() });
    expect(previewIsCurrent(state)).toBe(true);
    expect(unknownToMatch(state).stage).toEqual([{ value: 'Лид', count: 1 }]);
    state = wizardReducer(state, { type: 'setStageValue', value: 'Лид', stageKey: 'mql' });
    expect(settingsOf(state)?.valueMapping.stage).toEqual([{ value: 'Лид', stageKey: 'mql' }]);
  });

  it('will not import nothing', () => {
    let state = wizardReducer(scanned(), { type: 'goTo', step: 'preview' });
    const key = settingsKey(settingsOf(state))!;
    state = wizardReducer(state, { type: 'previewed', key, preview: previewOf({ counts: { read: 2, created: 0, duplicates: 2, updated: 0, skipped: 2, rejected: 0, existingCompanies: 0 } }) });
    expect(canContinue(state)).toEqual({ ok: false, reason: 'Nothing to import: every row is either a duplicate to skip or has errors.' });
    state = wizardReducer(state, { type: 'setDuplicatePolicy', policy: 'update' });
    expect(canContinue(state).ok).toBe(false);
    state = wizardReducer(state, { type: 'previewed', key: settingsKey(settingsOf(state))!, preview: previewOf({ counts: { read: 2, created: 0, duplicates: 2, updated: 2, skipped: 0, rejected: 0, existingCompanies: 0 } }) });
    expect(canContinue(state)).toEqual({ ok: true, reason: null });
  });

  it('runs the import to its summary; Back and the step list are closed from then on', () => {
    const record: ImportRecord = {
      id: 7,
      fileName: 'leads.csv',
      byName: 'Olga Smirnova',
      startedAt: 1,
      finishedAt: 2,
      status: 'cancelled',
      onDuplicate: 'skip',
      counts: { read: 2, created: 1, duplicates: 0, updated: 0, skipped: 0, rejected: 0, existingCompanies: 0 },
      canUndo: true,
      undoBlockedBy: null,
      undoneAt: null,
      message: null,
    };
    let state = wizardReducer(scanned(), { type: 'started', job: { jobId: 'j1', importId: 7 } });
    expect(state.step).toBe('running');
    expect(previousStep(state.step)).toBeNull();
    expect(reachable(state, 'mapping')).toBe(false);
    state = wizardReducer(state, { type: 'progress', progress: { done: 1, total: 2, phase: 'importing' } });
    state = wizardReducer(state, { type: 'cancelRequested' });
    expect(state.cancelling).toBe(true);
    state = wizardReducer(state, { type: 'finished', outcome: 'cancelled', message: null, record });
    expect(state).toMatchObject({ step: 'summary', outcome: 'cancelled', cancelling: false, record: { id: 7 } });
    state = wizardReducer(state, { type: 'recordChanged', record: { ...record, status: 'undone', canUndo: false } });
    expect(state.record?.status).toBe('undone');
  });

  it('lets the seller go back to earlier steps only', () => {
    const state = wizardReducer(scanned(), { type: 'goTo', step: 'mapping' });
    expect(previousStep('mapping')).toBe('scan');
    expect(reachable(state, 'file')).toBe(true);
    expect(reachable(state, 'scan')).toBe(true);
    expect(reachable(state, 'preview')).toBe(false);
    expect(reachable({ ...state, busy: { kind: 'preview', progress: null } }, 'scan')).toBe(false);
  });

  it('keeps a failure in words and clears it with the next change', () => {
    let state = wizardReducer(scanned(), { type: 'failed', message: 'Could not read the file: it is empty.' });
    expect(state.error).toBe('Could not read the file: it is empty.');
    state = wizardReducer(state, { type: 'setColumn', index: 1, field: null });
    expect(state.error).toBeNull();
  });
});

describe('the field select', () => {
  it('offers every field of the contract exactly once', async () => {
    const { FIELD_GROUPS } = await import('../../../renderer/import/mapping-model.ts');
    const { IMPORT_FIELDS } = await import('../../../shared/domain/csv-transfer.ts');
    const offered = FIELD_GROUPS.flatMap((group) => group.keys);
    expect([...offered].sort()).toEqual(IMPORT_FIELDS.map((f) => f.key).sort());
    expect(new Set(offered).size).toBe(offered.length);
  });
});
