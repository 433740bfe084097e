// @vitest-environment node
/**
 * Seed 000 whole: 宁波市镇海区人民政府's 2020 report, with the Zhejiang table 不同渠道方式主动公开及回应解读总体情况
 * placed inside 二 before the national table (fixture zhenhai-district-2020-zhejiang.draft.json, its
 * numbers transcribed by hand). The Word file the app makes from it has the published report's tables:
 * every label and number, cell by cell in reading order, compared with the report's own text
 * (zhenhai-district-2020.published-tables.txt: sections 二 to 四 as published, each table cell on its own
 * line, indented by a tab).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { checkDraft } from '../../src/domain/rules.ts';
import { layoutTable } from '../../src/domain/table-layout.ts';
import { tableByKey } from '../../src/domain/template.ts';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { district2020Draft } from '../helpers/fixtures.ts';
import { readDocx } from '../helpers/read-docx.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function seedDraft(): Draft {
  const result = readDraftJson(fixture('zhenhai-district-2020-zhejiang.draft.json'));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.draft;
}

/** A cell's text without layout: no spaces (the report pads labels with full-width spaces), no bookmarks, `+2` as `2`. */
const normalise = (text: string) =>
  text
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[\s\u3000\u00a0]/g, '');

/** The published table cells in reading order: tab-indented lines, a line without tab continuing the cell above. */
function publishedCells(): string[] {
  const cells: string[] = [];
  let inCell = false;
  for (const line of fixture('zhenhai-district-2020.published-tables.txt').split('\n')) {
    if (line.startsWith('\t')) {
      cells.push(line);
      inCell = true;
    } else if (line.trim() !== '' && inCell) {
      cells[cells.length - 1] += line;
    } else {
      inCell = false;
    }
  }
  return cells.map(normalise).filter((cell) => cell !== '');
}


describe('seed 000 with the Zhejiang table', () => {
  it('the fixture is the national fixture plus the Zhejiang table, and passes every check', () => {
    const draft = seedDraft();
    expect(draft.variant).toBe('zhejiang');
    const national = district2020Draft();
    const values = flattenTables(templateOf(draft), draft.tables);
    for (const [key, value] of Object.entries(flattenTables(templateOf(national), national.tables))) expect(values[key], key).toBe(value);
    expect(Object.keys(values).filter((key) => key.startsWith('proactiveOverview.')).length).toBe(14);
    expect(checkDraft(draft)).toEqual([]);
  });

  it('its Word file holds the published tables, every label and number in order', async () => {
    const read = readDocx(await buildReportDocx(seedDraft(), 'final'));
    expect(read.tables.length).toBe(4);
    const actual = read.tables.flatMap((table) => table.rows.flatMap((row) => row.cells.map((cell) => normalise(cell.text)))).filter((cell) => cell !== '');
    // Exactly as published, the unit after 采购总金额 (the 2019 format's label has none) and the + of a rise included.
    const published = publishedCells();
    expect(published).toContain('采购总金额（万元）');
    expect(published).toContain('+2');
    expect(actual).toEqual(published);
  });

  it('the Zhejiang table indents its sub-items as published (relative to the （一） rows)', () => {
    const rows = layoutTable(tableByKey(templateOf(seedDraft()), 'proactiveOverview')).filter((row) => !row.header);
    const ours = rows.map((row) => {
      const label = row.cells.find((cell) => cell.kind === 'label' && cell.role === 'rowHeader');
      return label?.kind === 'label' ? (label.indent ?? 0) : -1;
    });
    // Published: each label cell starts with full-width spaces; the top-level rows with two.
    const lines = fixture('zhenhai-district-2020.published-tables.txt').split('\n');
    const first = lines.findIndex((line) => line.includes('（一）主动公开政府信息数'));
    const last = lines.findIndex((line) => line.includes('5.其他方式回应事件数'));
    const published = lines
      .slice(first, last + 1)
      .filter((line) => /^\t\u3000+[（0-9其]/.test(line))
      .map((line) => /^\t(\u3000*)/.exec(line)![1]!.length - 2);
    expect(published.length).toBe(16);
    expect(ours).toEqual(published);
  });

  it('二 prints the Zhejiang table under 1.… and the national table under 2.…, as published', async () => {
    const read = readDocx(await buildReportDocx(seedDraft(), 'final'));
    const start = read.blocks.findIndex((block) => block.kind === 'p' && block.p.text === '二、主动公开政府信息情况');
    const sequence = read.blocks.slice(start, start + 5).map((block) => (block.kind === 'p' ? block.p.text : `table ${block.index}`));
    expect(sequence).toEqual(['二、主动公开政府信息情况', '1.不同渠道方式主动公开及回应解读总体情况', 'table 0', '2.主动公开政府信息具体情况', 'table 1']);
    const published = fixture('zhenhai-district-2020.published-tables.txt').split('\n');
    expect(published).toContain('1.不同渠道方式主动公开及回应解读总体情况');
    expect(published).toContain('2.主动公开政府信息具体情况');
  });
});
