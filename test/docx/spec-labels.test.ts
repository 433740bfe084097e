// @vitest-environment node
/**
 * The labels in the Word tables against the official forms as transcribed in
 * test/fixtures/official-labels/report-format-labels.md (§3.1–§3.3 for the 2021 format, §4.1 plus §3.2/§3.3
 * as §4.2/§4.3 say for 2019): every backticked label of a table's section is a cell of that docx table, and
 * every label cell of the docx table is one of them. Nothing is typed here; a missing file fails (never skips).
 */
import { describe, expect, it } from 'vitest';
import { specSection as section } from '../helpers/spec.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx, type TableRead } from '../helpers/read-docx.ts';


/** Backticked strings holding Chinese: the statutory labels (`INT`, `gridSpan` and the like are not). */
function labels(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((s) => /[\u4e00-\u9fff]/.test(s)));
}

/**
 * §3.2 as §4.2 says the 2019 format has it: （六）其他处理 is one row, so the third-level labels of the rows
 * keyed `other.…` (its 2021 sub-rows) are left out; `（六）其他处理` itself stays.
 */
function applications2019(): Set<string> {
  const text = section('### 3.2');
  const kept = text
    .split('\n')
    .map((line) => (/^\|\s*\d+\s*\|\s*other\./.test(line) ? line.replace(/\|[^|]*\|\s*$/, '| |') : line))
    .join('\n');
  return labels(kept);
}

/**
 * The statutory labels a Word table prints: not the numbers (a rise in 本年增/减 prints as +2), and the
 * 2019 format's 采购总金额 without the unit the report prints after it (采购总金额（万元）, as published reports do).
 */
function docxLabels(table: TableRead): Set<string> {
  return new Set(
    table.rows
      .flatMap((row) => row.cells.filter((cell) => cell.vMerge !== 'continue').map((cell) => cell.text.replace(/\n/g, '')))
      .filter((text) => text !== '' && !/^[-+]?\d+(\.\d+)?$/.test(text))
      .map((text) => (text === '采购总金额（万元）' ? '采购总金额' : text)),
  );
}

const cases: [string, () => Draft, (() => Set<string>)[]][] = [
  ['2021 format', office2023Draft, [() => labels(section('### 3.1')), () => labels(section('### 3.2')), () => labels(section('### 3.3'))]],
  ['2019 format', district2020Draft, [() => labels(section('### 4.1')), applications2019, () => labels(section('### 3.3'))]],
];

describe.each(cases)('table labels of the %s against the spec', (_name, makeDraft, specLabels) => {
  const ready = buildReportDocx(makeDraft(), 'final').then(readDocx);

  it.each([0, 1, 2])('table %i holds exactly the labels of its spec section', async (t) => {
    const doc = await ready;
    const expected = specLabels[t]!();
    expect(expected.size).toBeGreaterThan(3);
    expect([...docxLabels(doc.tables[t]!)].sort()).toEqual([...expected].sort());
  });
});
