// @vitest-environment node
/**
 * The Word report read back (test/helpers/read-docx.ts) for both sample reports: every table cell by cell
 * against `layoutTable` (labels, gridSpan, vMerge restart/continue, numbers, computed totals), widths,
 * repeated header rows, typography (spec §8), footers, document properties and the embedded draft.
 */
import { describe, expect, it } from 'vitest';
import { formatCellValue } from '../../src/domain/cell-input.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { layoutTable, type LayoutCell } from '../../src/domain/table-layout.ts';
import { tableSections } from '../../src/domain/template.ts';
import type { TableTemplate } from '../../src/domain/template-types.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { defaultPreamble } from '../../src/domain/preamble.ts';
import { feeStatementSentence } from '../../src/domain/fee-statement.ts';
import { buildReportDocx, reportFileName } from '../../src/docx/build-report.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx, type DocxRead, type TableRead } from '../helpers/read-docx.ts';

const fixtures: [string, () => Draft][] = [
  ['宁波市镇海区人民政府办公室 2023 (2021 format)', office2023Draft],
  ['宁波市镇海区人民政府 2020 (2019 format)', district2020Draft],
];

interface ExpectedCell {
  text: string;
  gridColumn: number;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  source: LayoutCell;
}

/**
 * The `w:tc` elements Word needs for each layout row: the cells starting in the row, plus a `vMerge
 * continue` cell wherever a rowSpan from above covers the grid, in grid order.
 */
function expectedRows(table: TableTemplate, values: Record<string, number | null>): ExpectedCell[][] {
  const layout = layoutTable(table);
  const covering: { until: number; cell: LayoutCell }[] = [];
  return layout.map((row, r) => {
    const cells: ExpectedCell[] = [];
    for (const cell of row.cells) {
      cells.push({
        text: cell.kind === 'label' ? cell.text : formatCellValue(values[cell.cell.key] ?? null),
        gridColumn: cell.gridColumn,
        gridSpan: cell.colSpan,
        vMerge: cell.rowSpan > 1 ? 'restart' : null,
        source: cell,
      });
      if (cell.rowSpan > 1) covering.push({ until: r + cell.rowSpan - 1, cell });
    }
    for (const c of covering) {
      if (c.until >= r && !row.cells.includes(c.cell)) {
        cells.push({ text: '', gridColumn: c.cell.gridColumn, gridSpan: c.cell.colSpan, vMerge: 'continue', source: c.cell });
      }
    }
    return cells.sort((a, b) => a.gridColumn - b.gridColumn);
  });
}

async function build(draft: Draft, mode: 'final' | 'draft' = 'final'): Promise<{ bytes: Uint8Array; doc: DocxRead }> {
  const bytes = await buildReportDocx(draft, mode);
  return { bytes, doc: readDocx(bytes) };
}

function headingIndex(doc: DocxRead, text: string): number {
  return doc.blocks.findIndex((b) => b.kind === 'p' && b.p.text === text);
}

describe.each(fixtures)('Word report of %s', (_name, makeDraft) => {
  const draft = makeDraft();
  const template = templateOf(draft);
  const values = computeTotals(template, flattenTables(template, draft.tables));
  const sections = tableSections(template);
  const ready = build(draft);

  it('has no blockers and builds as final', async () => {
    expect(finalBlockers(draft)).toEqual([]);
    const { bytes } = await ready;
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('carries the exact draft inside', async () => {
    const { bytes } = await ready;
    const json = extractEmbeddedDraftJson(bytes);
    expect(json).not.toBeNull();
    expect(JSON.parse(json!)).toEqual(draft);
  });

  it('has A4 paper, GB/T 9704 margins and the 579 tw line pitch', async () => {
    const { doc } = await ready;
    expect(doc.pgSz).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(doc.pgMar).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
    expect(doc.docGrid?.['w:linePitch']).toBe('579');
    expect(doc.docDefaults.spacing).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
  });

  it('sets 仿宋_GB2312 三号 with Times New Roman for Latin as the document default', async () => {
    const { doc } = await ready;
    expect(doc.docDefaults.fonts).toMatchObject({
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
      'w:eastAsia': '仿宋_GB2312',
    });
    expect(doc.docDefaults.size).toBe('32');
  });

  it('fits 28 三号 characters in the 156 mm line (condensed by 6 tw) and 22 lines of 579 tw in the 225 mm block', async () => {
    const { doc } = await ready;
    const spacing = Number(doc.docDefaults.characterSpacing);
    const textWidth = 11906 - 1587 - 1474;
    expect(spacing).toBe(-6);
    // More than 25 tw to spare: with less, LibreOffice drops a comma that falls 29th instead of hanging it.
    expect(textWidth - 28 * (320 + spacing)).toBeGreaterThan(25);
    expect(29 * (320 + spacing)).toBeGreaterThan(textWidth);
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(23 * 579).toBeGreaterThan(16838 - 2098 - 1984);
  });

  it('starts with the two title lines in 方正小标宋简体 二号, centred', async () => {
    const { doc } = await ready;
    const [line1, line2] = doc.paragraphs;
    expect(line1!.text).toBe(draft.agency.name);
    expect(line2!.text).toBe(`${draft.year}年政府信息公开工作年度报告`);
    for (const line of [line1!, line2!]) {
      expect(line.alignment).toBe('center');
      for (const run of line.runs) {
        expect(run.fonts).toMatchObject({ 'w:eastAsia': '方正小标宋简体', 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' });
        expect(run.size).toBe('44');
      }
    }
  });

  it('prints the default 编制说明 (the fixtures leave the preamble empty) with a 2-character indent', async () => {
    const { doc } = await ready;
    expect(draft.preamble).toBe('');
    const preamble = doc.paragraphs[2]!;
    expect(preamble.text).toBe(defaultPreamble(draft));
    expect(preamble.indent?.['w:firstLineChars']).toBe('200');
  });

  it('prints the six headings in 黑体 三号 in template order, each table after its heading', async () => {
    const { doc } = await ready;
    let previous = -1;
    for (const section of template.sections) {
      const at = headingIndex(doc, section.heading);
      expect(at, section.heading).toBeGreaterThan(previous);
      previous = at;
      const heading = (doc.blocks[at] as { p: DocxRead['paragraphs'][number] }).p;
      expect(heading.runs.length).toBeGreaterThan(0);
      for (const run of heading.runs) {
        expect(run.fonts).toMatchObject({ 'w:eastAsia': '黑体', 'w:ascii': 'Times New Roman' });
        expect(run.size).toBe('32');
      }
      if (section.kind === 'table') {
        const next = doc.blocks.slice(at + 1).find((b) => b.kind === 'table' || (b.kind === 'p' && b.p.text !== ''));
        expect(next?.kind, `table after ${section.heading}`).toBe('table');
      }
    }
  });

  it('prints the sub-topics of 一 as （一）… in 楷体_GB2312 三号, the clerk’s extra topics after them', async () => {
    const { doc } = await ready;
    const overview = template.sections.find((s) => s.id === 'overview');
    if (overview?.kind !== 'narrative') throw new Error('no overview section');
    const text = draft.narrative.overview!;
    const titles = text.parts.filter((p) => p.text.trim() !== '').map((p) => p.title);
    const start = headingIndex(doc, overview.heading);
    const subHeadings = doc.blocks
      .slice(start + 1, headingIndex(doc, template.sections[1]!.heading))
      .flatMap((b) => (b.kind === 'p' && b.p.style === 'Heading2' ? [b.p] : []));
    expect(subHeadings.map((p) => p.text)).toEqual(titles.map((t, i) => `（${'一二三四五六七八九十'[i]}）${t}`));
    for (const p of subHeadings) {
      for (const run of p.runs) {
        expect(run.fonts).toMatchObject({ 'w:eastAsia': '楷体_GB2312', 'w:ascii': 'Times New Roman' });
        expect(run.size).toBe('32');
      }
    }
  });

  it('starts 六 with the 信息处理费 sentence', async () => {
    const { doc } = await ready;
    const other = template.sections.find((s) => s.id === 'other')!;
    const at = headingIndex(doc, other.heading);
    const next = doc.blocks[at + 1];
    expect(next?.kind === 'p' && next.p.text).toBe(feeStatementSentence(draft));
  });

  it('has exactly one docx table per statutory table', async () => {
    const { doc } = await ready;
    expect(doc.tables).toHaveLength(sections.length);
  });

  describe.each([0, 1, 2])('table %i', (t) => {
    const section = sections[t]!;
    const table = section.table;
    const expected = expectedRows(table, values);
    const get = async (): Promise<TableRead> => (await ready).doc.tables[t]!;

    it('has the merge structure of layoutTable cell by cell (gridSpan, vMerge restart/continue)', async () => {
      const actual = await get();
      expect(actual.rows).toHaveLength(expected.length);
      actual.rows.forEach((row, r) => {
        expect(
          row.cells.map((c) => ({ gridSpan: c.gridSpan, vMerge: c.vMerge })),
          `row ${r}`,
        ).toEqual(expected[r]!.map((c) => ({ gridSpan: c.gridSpan, vMerge: c.vMerge })));
        expect(row.cells.reduce((sum, c) => sum + c.gridSpan, 0), `row ${r} fills the grid`).toBe(table.gridColumns);
      });
    });

    it('prints every label of the template exactly, every number in its own cell', async () => {
      const actual = await get();
      actual.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const want = expected[r]![c]!;
          // Labels may be broken into lines for a narrow cell; the characters are exactly the template's, with
          // the unit after an amount column's label that has none (2019: 采购总金额（万元）) and a rise printed +2.
          const unit = want.source.kind === 'label' && want.source.unit !== undefined ? `（${want.source.unit}）` : '';
          const shown = want.source.kind === 'value' ? cell.text.replace(/^\+(?=\d)/, '') : cell.text.replace(/\n/g, '');
          expect(shown, `row ${r} cell ${c}`).toBe(want.text + unit);
        });
      });
    });

    it('prints every computed total, and no value cell is empty in a final report', async () => {
      const actual = await get();
      let totals = 0;
      actual.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const source = expected[r]![c]!.source;
          if (source.kind !== 'value' || expected[r]![c]!.vMerge === 'continue') return;
          expect(cell.text, source.cell.key).not.toBe('');
          expect(cell.text).toMatch(/^[-+]?\d+(\.\d+)?$/);
          if (source.cell.computed) totals++;
        });
      });
      const computed = layoutTable(table).flatMap((row) => row.cells).filter((c) => c.kind === 'value' && c.cell.computed);
      expect(totals).toBe(computed.length);
    });

    it('centres numbers and left-aligns single-row labels', async () => {
      const actual = await get();
      actual.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const source = expected[r]![c]!;
          if (source.vMerge === 'continue') return;
          if (source.source.kind === 'value') expect(cell.alignment).toBe('center');
          else if (source.source.role === 'rowHeader' && source.source.rowSpan === 1) expect(cell.alignment).toBe('left');
        });
      });
    });

    it('has explicit widths that fill the 156 mm text block, a fixed layout and cell widths matching the grid', async () => {
      const actual = await get();
      expect(actual.gridCols).toHaveLength(table.gridColumns);
      expect(actual.gridCols.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
      expect(actual.width).toMatchObject({ 'w:type': 'dxa', 'w:w': String(11906 - 1587 - 1474) });
      expect(actual.layout).toBe('fixed');
      actual.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const e = expected[r]![c]!;
          const span = actual.gridCols.slice(e.gridColumn, e.gridColumn + e.gridSpan).reduce((a, b) => a + b, 0);
          expect(cell.width, `row ${r} cell ${c}`).toBe(span);
        });
      });
    });

    it('repeats the header rows on each page where the template asks (tables 三 and 四)', async () => {
      const actual = await get();
      const layout = layoutTable(table);
      actual.rows.forEach((row, r) => {
        expect(row.tableHeader, `row ${r}`).toBe(table.repeatHeader && layout[r]!.header);
      });
      if (section.id === 'applications' || section.id === 'reviewLitigation') expect(table.repeatHeader).toBe(true);
    });

    it('sets table 二 in 五号, tables 三 (nested row groups) and 四 (15 columns) in 小五 (spec §8.4)', async () => {
      const actual = await get();
      const want = section.id === 'proactive' ? '21' : '18';
      for (const row of actual.rows) for (const cell of row.cells) for (const size of cell.sizes) expect(size).toBe(want);
    });
  });

  it('numbers pages “— N —” in 四号 宋体, odd pages right and even pages left, 空一字', async () => {
    const { doc } = await ready;
    expect(doc.evenAndOddHeaders).toBe(true);
    const byType = new Map(doc.footers.map((f) => [f.type, f]));
    const odd = byType.get('default')!;
    const even = byType.get('even')!;
    for (const [footer, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      expect(footer.fields).toEqual(['PAGE']);
      expect(footer.text.replace(/\s/g, '')).toBe('——');
      expect(footer.text).toMatch(/^— +—$/);
      const p = footer.paragraphs[0]!;
      expect(p.alignment).toBe(side);
      expect(p.indent?.[`w:${side}`]).toBe('320');
      for (const run of p.runs) {
        expect(run.fonts).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
        expect(run.size).toBe('28');
      }
    }
  });

  it('has no header and no 草稿 mark in the final version', async () => {
    const { doc } = await ready;
    expect(doc.headers).toEqual([]);
    expect(doc.xml('word/document.xml')).not.toContain('草稿');
    expect(doc.core.title).not.toContain('草稿');
  });

  it('sets title, creator and description', async () => {
    const { doc } = await ready;
    expect(doc.core.title).toBe(`${draft.agency.name}${draft.year}年政府信息公开工作年度报告`);
    expect(doc.core.creator).toBe(draft.agency.name);
    expect(doc.core.description).toContain(template.notice);
  });

  it('is named after the agency and year', () => {
    expect(reportFileName(draft, 'final')).toBe(`${draft.agency.name}${draft.year}年政府信息公开工作年度报告.docx`);
    expect(reportFileName(draft, 'draft')).toBe(`${draft.agency.name}${draft.year}年政府信息公开工作年度报告（草稿）.docx`);
  });
});
