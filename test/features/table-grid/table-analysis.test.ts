// @vitest-environment node
/**
 * What the grid shows about one table, computed without a DOM: each cell's text parsed (its own
 * message when it does not read), the app's totals, the findings that touch the table, and per cell
 * the state it renders. Runs on the national 2021 format's tables 四 (复议诉讼) and 三 (applications).
 */
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../../templates/report-2021.ts';
import { formatCellValue } from '../../../src/domain/cell-input.ts';
import type { Draft } from '../../../src/domain/draft-types.ts';
import { indexTemplate } from '../../../src/domain/template.ts';
import { flattenTables } from '../../../src/domain/values.ts';
import { analyseTable, formatMessageId, rawText, readRawCells } from '../../../src/features/table-grid/table-analysis.ts';
import { office2023Draft } from '../../helpers/fixtures.ts';

const prefix = (key: string) => `cell-${key}`;
const cellsOf = (tableKey: string) => indexTemplate(report2021).cellsByTable.get(tableKey)!;

/** The table's raw text in analysis order, from a map of the cells typed (every other cell empty). */
function typed(tableKey: string, texts: Record<string, string>): string[] {
  return cellsOf(tableKey).map((cell) => texts[cell.key] ?? '');
}

/** A draft's table as the form holds it: each stored number as text. */
function rawFrom(draft: Draft, tableKey: string): string[] {
  const flat = flattenTables(report2021, draft.tables);
  return cellsOf(tableKey).map((cell) => (cell.computed ? '' : formatCellValue(flat[cell.key] ?? null)));
}

describe('analyseTable: parsing and totals', () => {
  it('reads typed text as the clerk meant it and computes 总计 from it', () => {
    const raw = typed('reviewLitigation', {
      'reviewLitigation.review.upheld': '１',
      'reviewLitigation.review.corrected': '2',
      'reviewLitigation.review.other': ' 3 ',
      'reviewLitigation.review.pending': '1,000',
    });
    const analysis = analyseTable(report2021, 'reviewLitigation', raw, null, null, prefix);
    expect(analysis.values['reviewLitigation.review.upheld']).toBe(1);
    expect(analysis.values['reviewLitigation.review.pending']).toBe(1000);
    // 总计 = 维持 + 纠正 + 其他 + 尚未审结 (table 四 of the national format)
    expect(analysis.values['reviewLitigation.review.total']).toBe(1006);
    expect(analysis.cellViews.get('reviewLitigation.review.total')!.value).toBe(1006);
    expect(analysis.formatProblems).toEqual([]);
  });

  it('lists the input cells still empty, never the computed ones', () => {
    const raw = typed('reviewLitigation', { 'reviewLitigation.review.upheld': '0' });
    const analysis = analyseTable(report2021, 'reviewLitigation', raw, null, null, prefix);
    expect(analysis.emptyInputs).toHaveLength(11);
    expect(analysis.emptyInputs).not.toContain('reviewLitigation.review.upheld');
    expect(analysis.emptyInputs.some((key) => key.endsWith('.total'))).toBe(false);
  });

  it('gives a cell that does not read its own message, counted as an error, and treats its value as empty', () => {
    const raw = typed('reviewLitigation', { 'reviewLitigation.review.upheld': '12a', 'reviewLitigation.review.other': '2' });
    const analysis = analyseTable(report2021, 'reviewLitigation', raw, null, null, prefix);
    expect(analysis.formatProblems.map((problem) => problem.cell.key)).toEqual(['reviewLitigation.review.upheld']);
    const problem = analysis.formatProblems[0]!;
    expect(problem.id).toBe(formatMessageId(prefix('reviewLitigation.review.upheld')));
    expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    expect(analysis.cellViews.get('reviewLitigation.review.upheld')!.error).toBe(problem.message);
    expect(analysis.values['reviewLitigation.review.upheld']).toBeNull();
    expect(analysis.values['reviewLitigation.review.total']).toBe(2);
    expect(analysis.errorCount).toBeGreaterThanOrEqual(1);
  });

  it('lists the untouched-cell reminders without lighting up every empty cell', () => {
    const analysis = analyseTable(report2021, 'reviewLitigation', typed('reviewLitigation', {}), null, null, prefix);
    expect(analysis.warningCount).toBeGreaterThan(0);
    expect(analysis.findings.every((item) => item.finding.severity === 'warning' && !item.highlight)).toBe(true);
    expect([...analysis.cellViews.values()].every((view) => view.flag === null && !view.hasMessage)).toBe(true);
  });
});

describe('analyseTable: findings on the cells', () => {
  it('a balanced table from a finished report has no findings', () => {
    const analysis = analyseTable(report2021, 'applications', rawFrom(office2023Draft(), 'applications'), null, null, prefix);
    expect(analysis.errorCount).toBe(0);
    expect(analysis.findings.filter((item) => item.finding.severity === 'error')).toEqual([]);
  });

  it('a broken balance lights up its cells as errors, each described by the message id', () => {
    const draft = office2023Draft();
    (draft.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 3;
    const analysis = analyseTable(report2021, 'applications', rawFrom(draft, 'applications'), null, null, prefix);
    const errors = analysis.findings.filter((item) => item.finding.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(analysis.errorCount).toBe(errors.length);
    for (const item of errors) {
      expect(item.highlight).toBe(true);
      expect(item.id.startsWith(`${prefix('applications')}-finding-`)).toBe(true);
      for (const key of item.cells) {
        expect(key.startsWith('applications.')).toBe(true);
        expect(analysis.cellViews.get(key)!.flag).toBe('error');
      }
    }
    const involved = analysis.cellViews.get(errors[0]!.cells[0]!)!;
    expect(involved.hasMessage).toBe(true);
    expect(analysis.cellMessages.get(errors[0]!.cells[0]!)!.split('\n')).toContain(errors[0]!.text);
    expect(errors[0]!.text.startsWith(errors[0]!.finding.message)).toBe(true);
    expect(new Set(analysis.findings.map((item) => item.id)).size).toBe(analysis.findings.length);
  });

  it('keeps a message id while the clerk goes on typing elsewhere', () => {
    const draft = office2023Draft();
    (draft.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 3;
    const raw = rawFrom(draft, 'applications');
    const first = analyseTable(report2021, 'applications', raw, null, null, prefix);
    const errorIds = first.findings.filter((item) => item.finding.severity === 'error').map((item) => item.id);
    const involved = new Set(first.findings.filter((item) => item.finding.severity === 'error').flatMap((item) => item.cells));
    const elsewhere = cellsOf('applications').findIndex((cell) => !cell.computed && !involved.has(cell.key));
    expect(elsewhere).toBeGreaterThanOrEqual(0);
    const typedOn = raw.map((text, index) => (index === elsewhere ? '' : text));
    expect(typedOn).not.toEqual(raw);
    const again = analyseTable(report2021, 'applications', typedOn, null, first, prefix);
    expect(again.findings.map((item) => item.id)).toEqual(expect.arrayContaining(errorIds));
  });
});

describe('analyseTable: cell views keep their identity while unchanged', () => {
  it('reuses the view of a cell whose state did not change, and renews the one that did', () => {
    const before = analyseTable(report2021, 'reviewLitigation', typed('reviewLitigation', { 'reviewLitigation.review.upheld': '1' }), null, null, prefix);
    const after = analyseTable(
      report2021,
      'reviewLitigation',
      typed('reviewLitigation', { 'reviewLitigation.review.upheld': '1', 'reviewLitigation.review.corrected': 'x' }),
      null,
      before,
      prefix,
    );
    expect(after.cellViews.get('reviewLitigation.litigationDirect.upheld')).toBe(before.cellViews.get('reviewLitigation.litigationDirect.upheld'));
    expect(after.cellViews.get('reviewLitigation.review.corrected')).not.toBe(before.cellViews.get('reviewLitigation.review.corrected'));
    expect(after.cellViews.get('reviewLitigation.review.corrected')!.error).not.toBeNull();
  });
});

describe('reading the form’s raw text', () => {
  it('rawText keeps strings, writes finite numbers as text, and reads anything else as empty', () => {
    expect(rawText('１２')).toBe('１２');
    expect(rawText(12.5)).toBe('12.5');
    expect(rawText(Number.NaN)).toBe('');
    expect(rawText(null)).toBe('');
    expect(rawText(undefined)).toBe('');
    expect(rawText({ a: 1 })).toBe('');
  });

  it('readRawCells reads each cell of the table’s nested value in analysis order, missing levels as empty', () => {
    const cells = cellsOf('reviewLitigation');
    const raw = readRawCells(cells, { review: { upheld: '3', total: '9' }, litigationDirect: 'broken' });
    expect(raw[0]).toBe('3');
    expect(raw[4]).toBe('9');
    expect(raw.slice(5)).toEqual(Array(10).fill(''));
    expect(readRawCells(cells, undefined)).toEqual(Array(15).fill(''));
  });
});
