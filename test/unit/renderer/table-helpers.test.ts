import { describe, expect, it } from 'vitest';
import type { ViewColumn } from '../../../shared/domain/views.ts';
import { moveColumn, reorderColumn, sizingOf, toggleColumn, withWidths } from '../../../renderer/table/column-ops.ts';
import { editText, inlineEditorFor, inlinePatch, plainMessage } from '../../../renderer/table/inline-edit.ts';
import { defaultWidth, leadValue } from '../../../renderer/table/cell-format.ts';
import { nextPosition } from '../../../renderer/table/useGridKeys.ts';
import { sidebarPick, viewDiffers, worthSaving } from '../../../renderer/views/view-model.ts';
import { DEFAULT_COLUMNS } from '../../../renderer/state/workspace.ts';
import { MY_LEADS_FILTER } from '../../../renderer/filters/filter-ops.ts';
import { monthsSince, relativeTime } from '../../../renderer/ui/dates.ts';
import { makeLead } from './fixtures.ts';

const cols = (...keys: ViewColumn['key'][]): ViewColumn[] => keys.map((key) => ({ key, width: null }));

describe('columns', () => {
  it('shows, hides and moves columns; the last one stays', () => {
    expect(toggleColumn(cols('name', 'email'), 'score').map((c) => c.key)).toEqual(['name', 'email', 'score']);
    expect(toggleColumn(cols('name', 'email'), 'name').map((c) => c.key)).toEqual(['email']);
    expect(toggleColumn(cols('name'), 'name').map((c) => c.key)).toEqual(['name']);
    expect(moveColumn(cols('name', 'email', 'score'), 'score', -1).map((c) => c.key)).toEqual(['name', 'score', 'email']);
    expect(moveColumn(cols('name', 'email'), 'name', -1).map((c) => c.key)).toEqual(['name', 'email']);
    expect(reorderColumn(cols('name', 'email', 'score'), 'name', 'score').map((c) => c.key)).toEqual(['email', 'score', 'name']);
  });

  it('keeps widths from resizing, rounded and within bounds', () => {
    const widths = withWidths(cols('name', 'email'), { name: 231.6, email: 9999 });
    expect(widths).toEqual([
      { key: 'name', width: 232 },
      { key: 'email', width: 2000 },
    ]);
    expect(sizingOf(widths)).toEqual({ name: 232, email: 2000 });
    expect(withWidths(widths, { email: 300 })).toEqual([
      { key: 'name', width: null },
      { key: 'email', width: 300 },
    ]);
    expect(defaultWidth('name')).toBeGreaterThan(defaultWidth('score'));
  });
});

describe('inline edit', () => {
  const lead = makeLead({ id: 1, dealValueMinor: 1_250_050, employeeCount: 40, email: 'a@b.co' });

  it('edits simple fields only', () => {
    expect(inlineEditorFor('email')).toBe('text');
    expect(inlineEditorFor('dealValueMinor')).toBe('money');
    expect(inlineEditorFor('ownerId')).toBe('select');
    expect(inlineEditorFor('technologies')).toBeNull();
    expect(inlineEditorFor('stageKey')).toBeNull();
    expect(inlineEditorFor('name')).toBeNull();
  });

  it('turns money typed in major units into minor units', () => {
    expect(editText(lead, 'dealValueMinor')).toBe('12500.50');
    expect(inlinePatch('dealValueMinor', '42 000')).toEqual({ ok: true, patch: { dealValueMinor: 4_200_000 } });
    expect(inlinePatch('dealValueMinor', '')).toEqual({ ok: true, patch: { dealValueMinor: null } });
    expect(inlinePatch('dealValueMinor', '12k')).toEqual({ ok: false, error: 'Enter an amount such as 12500 or 12500.50.' });
  });

  it('checks values with the schema main uses and explains in words', () => {
    expect(inlinePatch('employeeCount', '1 200')).toEqual({ ok: true, patch: { employeeCount: 1200 } });
    expect(inlinePatch('employeeCount', 'lots')).toEqual({ ok: false, error: 'Enter a whole number, such as 250.' });
    expect(inlinePatch('email', 'anna@')).toEqual({ ok: false, error: 'That e-mail address does not look right.' });
    expect(inlinePatch('industry', '  ')).toEqual({ ok: true, patch: { industry: null } });
    expect(inlinePatch('ownerId', '3')).toEqual({ ok: true, patch: { ownerId: 3 } });
    expect(inlinePatch('currency', 'eur')).toEqual({ ok: true, patch: { currency: 'EUR' } });
    expect(plainMessage('patch.email: That e-mail address does not look right.')).toBe('That e-mail address does not look right.');
    expect(plainMessage('MQL needs contact info: an e-mail or a phone number.')).toBe('MQL needs contact info: an e-mail or a phone number.');
  });

  it('reads the values cells show', () => {
    expect(leadValue(makeLead({ id: 2, firstName: 'Ирина', lastName: 'Кузнецова' }), 'name')).toBe('Ирина Кузнецова');
    expect(leadValue(lead, 'employeeCount')).toBe(40);
  });
});

describe('grid keys', () => {
  it('moves the focused cell with arrows, Page and Home/End keys, inside the grid', () => {
    const at = { row: 5, col: 2 };
    expect(nextPosition(at, 'ArrowDown', false, 10, 4)).toEqual({ row: 6, col: 2 });
    expect(nextPosition({ row: 9, col: 2 }, 'ArrowDown', false, 10, 4)).toEqual({ row: 9, col: 2 });
    expect(nextPosition(at, 'ArrowLeft', false, 10, 4)).toEqual({ row: 5, col: 1 });
    expect(nextPosition(at, 'PageDown', false, 100, 4)).toEqual({ row: 15, col: 2 });
    expect(nextPosition(at, 'End', false, 10, 4)).toEqual({ row: 5, col: 3 });
    expect(nextPosition(at, 'Home', true, 10, 4)).toEqual({ row: 0, col: 0 });
    expect(nextPosition(at, 'x', false, 10, 4)).toBeNull();
  });
});

describe('views', () => {
  const filter = { all: [{ field: 'industry' as const, op: 'is_any_of' as const, values: ['Banking'] }] };
  const view = { filter, columns: DEFAULT_COLUMNS, sort: [] };

  it('notices a changed filter, column order or width, or sort', () => {
    expect(viewDiffers(view, { filter: { ...filter, search: 'x' }, columns: DEFAULT_COLUMNS, sort: [] })).toBe(false);
    expect(viewDiffers(view, { filter: { all: [] }, columns: DEFAULT_COLUMNS, sort: [] })).toBe(true);
    expect(viewDiffers(view, { filter, columns: withWidths(DEFAULT_COLUMNS, { name: 300 }), sort: [] })).toBe(true);
    expect(viewDiffers(view, { filter, columns: DEFAULT_COLUMNS, sort: [{ field: 'score', dir: 'desc' }] })).toBe(true);
  });

  it('highlights the right sidebar entry and offers saving once something is set', () => {
    const base = { columns: DEFAULT_COLUMNS, sort: [] };
    expect(sidebarPick({ ...base, filter: { all: [] }, activeViewId: null })).toEqual({ kind: 'all' });
    expect(sidebarPick({ ...base, filter: MY_LEADS_FILTER, activeViewId: null })).toEqual({ kind: 'mine' });
    expect(sidebarPick({ ...base, filter, activeViewId: 7 })).toEqual({ kind: 'view', id: 7 });
    expect(sidebarPick({ ...base, filter, activeViewId: null })).toEqual({ kind: 'none' });
    expect(worthSaving({ ...base, filter: { all: [] } })).toBe(false);
    expect(worthSaving({ ...base, filter })).toBe(true);
  });
});

describe('dates in cells', () => {
  const now = Date.UTC(2026, 2, 31, 12);
  it('reads moments relative to now', () => {
    expect(relativeTime(now - 20_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe('3 d ago');
    expect(relativeTime(now - 90 * 86_400_000, now)).toBe('2 mo ago');
    expect(relativeTime(now - 800 * 86_400_000, now)).toBe('2 y ago');
    expect(relativeTime(now + 2 * 86_400_000, now)).toBe('in 2 d');
  });

  it('counts whole months in a role', () => {
    expect(monthsSince('2025-04-15', now)).toBe(11);
    expect(monthsSince('2025-03-31', now)).toBe(12);
    expect(monthsSince('2026-04-02', now)).toBe(0);
    expect(monthsSince('soon', now)).toBeNull();
  });
});
