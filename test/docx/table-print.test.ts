/**
 * Table 三 as printed (issue "The report as published"): label columns wide enough that row labels do not
 * break leaving one or two characters, headers broken between words, the outermost group label down its
 * column one character a line, and number columns that hold seven digits. Read back from the Word XML.
 */
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { balancedLines, stackedLines } from '../../src/docx/text.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { descendants, elements, readDocx, textOf, type TableRead, type XmlNode } from '../helpers/read-docx.ts';

/** 小五 = 9 pt = 180 tw a character; a Times New Roman digit is half that; 1 mm of padding each side. */
const XIAOWU = 180;
const PADDING = 2 * 57;

async function tableThree(makeDraft: typeof office2023Draft): Promise<TableRead> {
  const doc = readDocx(await buildReportDocx(makeDraft(), 'final'));
  return doc.tables[1]!;
}

/** Each cell of table 三 as its printed lines (a line is a run; the runs after the first start with a break). */
async function tableThreeLines(makeDraft: typeof office2023Draft): Promise<string[]> {
  const doc = readDocx(await buildReportDocx(makeDraft(), 'final'));
  const table = elements(doc.body, 'w:tbl')[1]!;
  return descendants(table, 'w:tc').map((tc) => descendants(tc, 'w:r').map(textOf).join('\n'));
}

describe.each([
  ['2021 format', office2023Draft],
  ['2019 format', district2020Draft],
] as const)('table 三 of the %s', (_name, makeDraft) => {
  it('is set in 小五 with seven number columns that each hold a seven-digit number', async () => {
    const table = await tableThree(makeDraft);
    for (const row of table.rows) for (const cell of row.cells) for (const size of cell.sizes) expect(size).toBe('18');
    const numberColumns = table.gridCols.slice(3);
    expect(numberColumns).toHaveLength(7);
    for (const width of numberColumns) expect(width).toBeGreaterThanOrEqual(7 * (XIAOWU / 2) + PADDING);
    expect(table.gridCols.reduce((a, b) => a + b, 0)).toBe(8845);
  });

  it('prints the third-level labels of 13 characters or fewer on one line, and no label line of one or two characters', async () => {
    const table = await tableThree(makeDraft);
    // The innermost label column holds 13 小五 characters.
    expect(table.gridCols[2]!).toBeGreaterThanOrEqual(13 * XIAOWU + PADDING);
    const lines = (await tableThreeLines(makeDraft)).filter((text) => /^\d\./.test(text));
    expect(lines.length).toBeGreaterThanOrEqual(16);
    expect(lines).toContain('2.其他法律行政法规禁止公开');
    expect(lines).toContain('1.本机关不掌握相关政府信息');
    expect(lines).toContain('3.危及“三安全一稳定”');
    expect(lines).toContain('5.要求行政机关确认或\n重新出具已获取信息');
    for (const label of lines) for (const line of label.split('\n')) expect([...line].length, label).toBeGreaterThan(2);
  });

  it('breaks the applicant headers between words and stacks 三、本年度办理结果 one character a line', async () => {
    const texts = await tableThreeLines(makeDraft);
    expect(texts).toContain('社会\n公益\n组织');
    expect(texts).toContain('法律\n服务\n机构');
    expect(texts).toContain('商业\n企业');
    expect(texts).toContain('三\n、\n本\n年\n度\n办\n理\n结\n果');
    expect(texts).toContain('（三）\n不予\n公开');
  });
});

describe('line breaking of table labels', () => {
  it('breaks a label of two-character words between the words', () => {
    expect(balancedLines('社会公益组织', 3)).toEqual(['社会', '公益', '组织']);
    expect(balancedLines('社会公益组织', 4)).toEqual(['社会公益', '组织']);
    expect(balancedLines('社会公益组织', 6)).toEqual(['社会公益组织']);
  });

  it('balances a long row label instead of leaving its last characters alone', () => {
    expect(balancedLines('5.要求行政机关确认或重新出具已获取信息', 13)).toEqual(['5.要求行政机关确认或', '重新出具已获取信息']);
  });

  it('sets a group label down a one-character column and puts the ordinal alone in a wider one', () => {
    expect(stackedLines('三、本年度办理结果', 1)).toEqual(['三', '、', '本', '年', '度', '办', '理', '结', '果']);
    expect(stackedLines('（四）无法提供', 3)).toEqual(['（四）', '无法', '提供']);
  });
});

describe('table 三 keeps a nested group on one page', () => {
  it('marks every paragraph of each row of （三）–（五） but the group’s last to keep with the next row, merged cells included', async () => {
    const doc = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    const rows = elements(elements(doc.body, 'w:tbl')[1]!, 'w:tr');
    const rowText = rows.map((tr) => textOf(tr));
    const on = (node: XmlNode): boolean => !['false', '0', 'off'].includes(node.attrs['w:val'] ?? 'true');
    const keeps = rows.map((tr) => descendants(tr, 'w:p').map((p) => descendants(p, 'w:keepNext').some(on)));
    const first = rowText.findIndex((text) => text.includes('（三）不予公开'));
    const last = rowText.findIndex((text) => text.startsWith('8.属于行政查询事项'));
    expect(first).toBeGreaterThan(0);
    expect(last - first).toBe(7);
    for (let r = first; r < last; r++) {
      expect(keeps[r]!.length, `row ${r}`).toBe(10);
      expect(keeps[r]!.every(Boolean), `row ${r}: ${rowText[r]}`).toBe(true);
    }
    // The group's last row may be followed by a page break.
    expect(keeps[last]!.some(Boolean)).toBe(false);
  });
});

describe('table 二 of the 2019 format as published', () => {
  it('prints 采购总金额（万元） and a rise in 本年增/减 with its sign, a fall and no change as they are', async () => {
    const draft = district2020Draft();
    const proactive = draft.tables.proactive as Record<string, Record<string, number | null>>;
    proactive.fees!.change = 2;
    proactive.licensing!.change = -8;
    proactive.penalty!.change = 0;
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const cells = doc.tables[0]!.rows.map((row) => row.cells.map((cell) => cell.text));
    expect(cells.flat()).toContain('采购总金额（万元）');
    expect(cells.find((row) => row[0] === '行政事业性收费')).toEqual(['行政事业性收费', '20', '+2']);
    expect(cells.find((row) => row[0] === '行政许可')).toEqual(['行政许可', '792', '-8', '34752']);
    expect(cells.find((row) => row[0] === '行政处罚')).toEqual(['行政处罚', '5046', '0', '4896']);
  });

  it('prints the 2021 format’s amount label as it is, since it states its unit', async () => {
    const doc = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    const labels = doc.tables[0]!.rows.flatMap((row) => row.cells.map((cell) => cell.text));
    expect(labels.some((text) => text.includes('万元'))).toBe(true);
    expect(labels.some((text) => text.includes('（万元）（万元）') || text.includes('万元）（万元'))).toBe(false);
  });
});
