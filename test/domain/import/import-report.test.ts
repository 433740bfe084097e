/**
 * Importing published reports: the saved web page and the same page converted to Word by LibreOffice
 * give a draft whose every cell is what the report prints (figures transcribed by hand in
 * test/fixtures/import/*.expected.json), blank cells stay blank, and what cannot be read is reported
 * with its place. Word files made by this app, with their embedded draft removed, give every number back.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import { buildReportDocx } from '../../../src/docx/build-report.ts';
import { readDraftJson, serializeDraft } from '../../../src/domain/draft-file.ts';
import type { Draft } from '../../../src/domain/draft-types.ts';
import { feeStatementUnread, importComplete, importDocx, importHtmlDocument, type ImportResult } from '../../../src/domain/import/index.ts';
import { indexTemplate } from '../../../src/domain/template.ts';
import { flattenTables, templateOf } from '../../../src/domain/values.ts';
import { templates } from '../../../templates/index.ts';
import { district2020Draft, office2023Draft } from '../../helpers/fixtures.ts';
import { partText } from '../../helpers/narrative.ts';

const fixture = (name: string) => new URL(`../../fixtures/import/${name}`, import.meta.url);
const html = (name: string) => readFileSync(fixture(name), 'utf8');

interface Expected {
  format: string;
  year: number;
  agency: string;
  /** Row key → the printed figures in the format's column order (null: blank). */
  rows: Record<string, (number | null)[]>;
  /** Rows the file does not reach (a copy cut short): every cell blank and listed as missing. */
  missing?: string[];
  /** Printed label → the format's label it was matched to, for every label that is not exact. */
  guessed?: Record<string, string>;
  unreadable: Record<string, string>;
  /** The 信息处理费 as 六 states it, transcribed by hand; null: the report states none. */
  fees: { noticesIssued: number | null; noticesAmount: number | null; collectedAmount: number | null } | null;
}

function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(fixture(name), 'utf8')) as Expected;
}

/** The expected figures by full cell key: each row's list laid over the format's column keys. */
/** The full cell keys of a row (table 四 has one unlabelled row: its column groups stand for rows here). */
function rowCellKeys(format: string, rowKey: string): string[] {
  const template = templates[format as keyof typeof templates];
  const rowOf = (cell: { table: string; rowKey: string; columnKey: string }) =>
    cell.rowKey !== '' ? `${cell.table}.${cell.rowKey}` : `${cell.table}.${cell.columnKey.split('.')[0]}`;
  const keys = indexTemplate(template).cells.filter((cell) => rowOf(cell) === rowKey).map((cell) => cell.key);
  expect(keys.length, rowKey).toBeGreaterThan(0);
  return keys;
}

function expectedCells(expected: Expected): Record<string, number | null> {
  const cells: Record<string, number | null> = {};
  for (const [rowKey, figures] of Object.entries(expected.rows)) {
    const columnKeys = rowCellKeys(expected.format, rowKey);
    expect(columnKeys.length, rowKey).toBe(figures.length);
    columnKeys.forEach((key, i) => (cells[key] = figures[i]!));
  }
  for (const rowKey of expected.missing ?? []) for (const key of rowCellKeys(expected.format, rowKey)) cells[key] = null;
  return cells;
}

function expectedMissing(expected: Expected): string[] {
  return (expected.missing ?? []).flatMap((rowKey) => rowCellKeys(expected.format, rowKey));
}

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused: ${result.message}`);
  return result;
}

describe.each([
  ['shanghai-office-2019', 'HTML page'],
  ['zhenhai-office-2023', 'HTML page'],
  ['shanghai-office-2019', 'Word file converted by LibreOffice'],
  ['zhenhai-office-2023', 'Word file converted by LibreOffice'],
  ['zhenhai-district-2020', 'HTML page'],
  ['zhenhai-district-2020', 'Word file converted by LibreOffice'],
  ['huiyi-town-2021', 'HTML page'],
  ['zhongcun-township-2020', 'HTML page'],
])('%s as %s', (name, kind) => {
  const expected = expectedOf(`${name}.expected.json`);
  const result = imported(
    kind === 'HTML page' ? importHtmlDocument(parseHtml(html(`${name}.html`))) : importDocx(new Uint8Array(readFileSync(fixture(`${name}.docx`)))),
  );

  it('reads agency, year and format from the title and the tables', () => {
    expect(result.draft.agency.name).toBe(expected.agency);
    expect(result.draft.year).toBe(expected.year);
    expect(result.draft.template).toBe(expected.format);
    expect(result.report.format.id).toBe(expected.format);
  });

  it('reads every cell as printed: figures, blanks as null, never a 0 for a blank', () => {
    const cells = expectedCells(expected);
    const values = flattenTables(templateOf(result.draft), result.draft.tables);
    // Every cell of the format is covered by the transcription.
    expect(Object.keys(cells).sort()).toEqual(indexTemplate(templateOf(result.draft)).cells.map((cell) => cell.key).sort());
    for (const [key, value] of Object.entries(cells)) expect(values[key], key).toBe(value);
  });

  it('reports what it could not read with its place and text, and nothing else as unreadable', () => {
    expect(Object.fromEntries(result.report.unreadableCells.map((cell) => [cell.key, cell.text]))).toEqual(expected.unreadable);
    for (const cell of result.report.unreadableCells) expect(cell.place).toMatch(/^表[二三四] /);
    expect(result.report.missingCells.map((cell) => cell.key).sort()).toEqual(expectedMissing(expected).sort());
    for (const cell of result.report.missingCells) expect(cell.place).toMatch(/^表[二三四] /);
    expect(importComplete(result.report)).toBe(Object.keys(expected.unreadable).length === 0 && expectedMissing(expected).length === 0);
  });

  it('matches each misspelt or shortened label to its row and lists the guess, and only those', () => {
    expect(Object.fromEntries(result.report.guessedLabels.map((guess) => [guess.printed, guess.matched]))).toEqual(expected.guessed ?? {});
  });

  it('is a valid draft', () => {
    expect(readDraftJson(serializeDraft(result.draft)).ok).toBe(true);
  });

  it('fills the 信息处理费 from what 六 states, and leaves it empty where it states none, saying so only where the format asks for it', () => {
    expect(result.draft.fees).toEqual(expected.fees ?? { noticesIssued: null, noticesAmount: null, collectedAmount: null });
    if (expected.format === '2021') {
      expect(result.report.fees?.read).toBe(expected.fees !== null);
      expect(feeStatementUnread(result.report)).toBe(expected.fees === null);
      expect(result.report.feeSummary).toMatch(expected.fees === null ? /^信息处理费没有读出（六、其他需要报告的事项）：/ : /^信息处理费读出：/);
    } else {
      // The 2019 format predates the 信息处理费 办法: a report of it that states no fee has nothing unread.
      expect(expected.fees).toBeNull();
      expect(result.report.fees).toBeNull();
      expect(result.report.feeSummary).toBeNull();
      expect(feeStatementUnread(result.report)).toBe(false);
    }
  });
});

describe('label typos, headings and text', () => {
  const result = imported(importHtmlDocument(parseHtml(html('zhenhai-office-2023.html'))));

  it('matches a label with a typo to its row and reports the guess', () => {
    expect(result.report.guessedLabels).toEqual([{ table: '表三', printed: '2.其他法律行政止公开', matched: '2.其他法律行政法规禁止公开' }]);
  });

  it('reads a heading with a typo as its section and says so', () => {
    expect(result.report.notes.some((note) => note.includes('三、收到和处理政府信息公开申情况'))).toBe(true);
  });

  it('splits the narrative by its sub-headings into parts in the printed order, with the printed titles', () => {
    const overview = result.draft.narrative.overview!;
    expect(overview.intro).toMatch(/^2023年，镇海区人民政府办公室认真落实/);
    // As printed: （一）主动公开情况 … （五）政务新媒体管理方面 （六）监督保障方面.
    expect(overview.parts.map((part) => [part.topic, part.title])).toEqual([
      ['proactive', '主动公开情况'],
      ['onRequest', '依申请公开情况'],
      ['management', '政府信息管理情况'],
      ['platforms', '政府信息公开平台建设情况'],
      [null, '政务新媒体管理方面'],
      ['oversight', '监督保障方面'],
    ]);
    expect(partText(result.draft, 'overview', 'proactive')).toMatch(/^镇海区人民政府办公室通过“镇海区人民政府”网站主动公开政府信息319条/);
    expect(partText(result.draft, 'overview', 'onRequest')).toBe('受理依申请公开52件，已办结50件，2件结转下年度继续办理。');
    expect(partText(result.draft, 'overview', 'platforms')).toMatch(/^坚持以“为民、利民、便民”为宗旨/);
    expect(partText(result.draft, 'overview', 'oversight')).toMatch(/2023年未发生政务公开责任追究情况。$/);
    expect(overview.parts[4]!.text).toBe('严格落实政务新媒体常态化监管要求，压实责任，抓好制度落实。');
    expect(partText(result.draft, 'problems', 'problems')).toMatch(/^2023年度镇海区政府办公室的政务公开工作总体较好/);
    expect(partText(result.draft, 'problems', 'improvements')).toMatch(/^一是要继续加强政府信息主动公开力度/);
  });

  it('takes the 编制说明 with the contact details, and the 落款 date; leaves the site around the report', () => {
    expect(result.draft.preamble).toMatch(/^本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）/);
    expect(result.draft.agency).toMatchObject({ address: '宁波市镇海区民和路569号区政府办政务公开科', postcode: '315200', phone: '0574-89287728' });
    expect(result.draft.signature).toEqual({ include: true, date: '2024-01-19' });
    // 六 holds only the fee statement: it becomes the fee sentence that opens 六, word for word, and so
    // is not printed a second time as the text of 六.
    const other = result.draft.narrative.other!;
    expect(result.draft.wording?.feeText).toBe('本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    expect(other.parts.map((part) => part.text).join('')).toBe('');
    const everything = JSON.stringify(result.draft);
    for (const chrome of ['网站标识码', '无障碍浏览', '索引号', '技术支持']) expect(everything).not.toContain(chrome);
  });

  it('leaves no empty heading in 六 when the fee statement under its own sub-heading becomes the fee sentence', () => {
    // The published page with 六's statement put under a sub-heading of its own, as other reports print it.
    const statement = '<p class="MsoNormal" style="text-indent:32pt;line-height:28pt"><span style="font-family:仿宋_GB2312">本机关2023年度未发出依申请公开缴款通知书';
    const page = html('zhenhai-office-2023.html');
    expect(page).toContain(statement);
    const withHeading = page.replace(statement, `<p class="MsoNormal"><span>（一）信息处理费收取情况</span></p>${statement}`);
    const headed = imported(importHtmlDocument(parseHtml(withHeading)));
    expect(headed.draft.wording?.feeText).toBe('本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    expect(headed.draft.fees).toEqual({ noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 });
    expect(JSON.stringify(headed.draft.narrative.other)).not.toContain('信息处理费');
    expect(headed.draft.narrative.other!.parts.map((part) => part.text).join('')).toBe('');
    expect(headed.report.notes.join('\n')).not.toContain('信息处理费');
  });

  it('leaves the page frame of the Shanghai page out of the text', () => {
    const shanghai = imported(importHtmlDocument(parseHtml(html('shanghai-office-2019.html'))));
    const everything = JSON.stringify(shanghai.draft);
    for (const chrome of ['版权所有', '当前位置', '分享到', '发布日期', '打印本页']) expect(everything).not.toContain(chrome);
    expect(partText(shanghai.draft, 'other', 'otherMatters')).toBe('无。');
  });

  it('leaves the page frame of the Zhongcun page out of the text and keeps its 编制说明, which opens with the title', () => {
    const zhongcun = imported(importHtmlDocument(parseHtml(html('zhongcun-township-2020.html'))));
    const everything = JSON.stringify(zhongcun.draft);
    for (const chrome of ['关怀版', '无障碍', '当前所在位置', '访问量']) expect(everything).not.toContain(chrome);
    expect(zhongcun.draft.preamble).toMatch(/^中村乡2020年政府信息公开工作年度报告\(以下简称年报\)根据/);
  });

  it('keeps a 编制说明 that names the report as its text, not as a title', () => {
    const huiyi = imported(importHtmlDocument(parseHtml(html('huiyi-town-2021.html'))));
    expect(huiyi.draft.preamble).toMatch(/现将会仪镇2021年政府信息公开年度报告向社会公布。本报告中所列数据统计期限为2021年1月1日起至2021年12月31日止。$/);
  });
});

describe("the Zhenhai 2020 report: the province's table and the sub-headings of 五", () => {
  const result = imported(importHtmlDocument(parseHtml(html('zhenhai-district-2020.html'))));

  it("leaves the province's extra table out of the national tables and says so", () => {
    expect(result.report.notes).toContain('文件中另有 1 张表格不是格式中的统计表，没有读入。');
    expect(result.report.format.id).toBe('2019');
  });

  it('reads （一）存在的问题 and （二）改进情况 as the two parts of 五, each with its own text', () => {
    expect(result.draft.narrative.problems!.parts.map((part) => [part.topic, part.title])).toEqual([
      ['problems', '存在的问题'],
      ['improvements', '改进情况'],
    ]);
    expect(partText(result.draft, 'problems', 'problems')).toMatch(/^个别单位仍存在对政务公开工作的发展性认识不够深/);
    expect(partText(result.draft, 'problems', 'improvements')).toMatch(/^一是聚焦重点，对照新要求谋划工作路径。/);
    expect(result.report.notes.join('\n')).not.toContain('存在的问题');
  });
});

describe('titles as agencies print them', () => {
  // The Zhenhai 2023 page with its two-line title replaced by titles printed on other agencies' pages.
  const page = html('zhenhai-office-2023.html');
  const printedTitle = /<p align="center"><b><span style="font-size:22pt">宁波市镇海区人民政府办公室<\/span><\/b><\/p>\s*<p align="center"><b><span style="font-size:22pt">2023年度政府信息公开工作年度报告<\/span><\/b><\/p>/;
  const titled = (title: string) => {
    expect(page).toMatch(printedTitle);
    return imported(importHtmlDocument(parseHtml(page.replace(printedTitle, title))));
  };

  it.each([
    ['the year after the subject', '<p>重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告</p>', '重庆市大足区人民政府外事办公室', 2022],
    ['信息公开 without 政府 and 工作', '<p>会仪镇人民政府2021年信息公开年度报告</p>', '会仪镇人民政府', 2021],
    ['a report “on” the year, the agency on the line above', '<p>宁波市镇海区人民政府办公室</p><p>关于2023年度政府信息公开情况的报告</p>', '宁波市镇海区人民政府办公室', 2023],
  ])('reads the agency and year of a title with %s', (_variant, title, agency, year) => {
    const result = titled(title);
    expect(result.draft.agency.name).toBe(agency);
    expect(result.draft.year).toBe(year);
    expect(result.report.notes.join('\n')).not.toContain('没有找到报告标题');
  });

  it('does not take a sentence of the 编制说明 that names the report for its title', () => {
    const sentence = '<p>根据《中华人民共和国政府信息公开条例》和政府信息公开工作的有关要求,现将我办2023年度政府信息公开情况报告如下:</p>';
    const result = titled(`<p>宁波市镇海区人民政府办公室2023年度政府信息公开工作年度报告</p>${sentence}`);
    expect(result.draft.agency.name).toBe('宁波市镇海区人民政府办公室');
    expect(result.draft.preamble).toMatch(/^根据《中华人民共和国政府信息公开条例》和政府信息公开工作的有关要求,现将我办2023年度政府信息公开情况报告如下:\n本年度报告根据/);
  });

  it('takes the agency from the 落款 when the title does not name it, and says so', () => {
    const result = titled('<p align="center">关于2023年度政府信息公开情况的报告</p>');
    expect(result.draft.agency.name).toBe('宁波市镇海区人民政府办公室');
    expect(result.draft.year).toBe(2023);
    expect(result.report.notes).toContain('标题中没有机关名称，机关全称取自落款“宁波市镇海区人民政府办公室”，请核对。');
  });

  it('refuses a report whose title and 落款 both leave the agency unnamed, saying so in words', () => {
    const signed = '<p align="right"><span>宁波市镇海区人民政府办公室</span></p>';
    expect(page).toContain(signed);
    const result = importHtmlDocument(parseHtml(page.replace(printedTitle, '<p>关于2023年度政府信息公开情况的报告</p>').replace(signed, '')));
    expect(result).toEqual({
      ok: false,
      message: '没有读出机关名称：报告标题（如“某某区人民政府办公室2022年政府信息公开工作年度报告”）和落款中都没有机关名称，没有导入。',
    });
  });
});

describe('2021 format with （六）其他处理 printed as one row', () => {
  // The same page with the three rows of （六） replaced by one row, as some agencies print it.
  const page = html('zhenhai-office-2023.html');
  const start = page.indexOf('<tr>', page.lastIndexOf('<tr>', page.indexOf('（六）其他处理')) - 1);
  const totalRow = page.lastIndexOf('<tr>', page.indexOf('（七）总计'));
  const oneRow = `<tr><td colspan="2">（六）其他处理</td>${'<td>2</td>'.repeat(1)}${'<td>0</td>'.repeat(5)}<td>2</td></tr>\n`;
  const result = imported(importHtmlDocument(parseHtml(page.slice(0, start) + oneRow + page.slice(totalRow))));

  it('is still read as the 2021 format, the other rows in place', () => {
    expect(result.draft.template).toBe('2021');
    const values = flattenTables(templateOf(result.draft), result.draft.tables);
    expect(values['applications.resultTotal.total']).toBe(50);
    expect(values['applications.unavailable.notHeld.naturalPerson']).toBe(15);
  });

  it('does not spread the one row over the three sub-rows: they stay blank and the row is reported', () => {
    const values = flattenTables(templateOf(result.draft), result.draft.tables);
    for (const key of ['overdueCorrection', 'overdueFee', 'other']) expect(values[`applications.otherHandling.${key}.naturalPerson`]).toBeNull();
    expect(result.report.unmatchedRows).toHaveLength(1);
    expect(result.report.unmatchedRows[0]).toMatchObject({ table: '表三', printed: '（六）其他处理', cells: ['2', '0', '0', '0', '0', '0', '2'] });
    expect(result.report.unmatchedRows[0]!.reason).toContain('印为一行');
    expect(importComplete(result.report)).toBe(false);
  });
});

describe('a table cut short', () => {
  const page = html('zhenhai-office-2023.html');
  const lastRow = page.lastIndexOf('<tr>', page.indexOf('四、结转下年度继续办理'));
  const tableEnd = page.indexOf('</table>', lastRow);
  // The 总计 row loses its last four cells, the last row is gone.
  const totalRow = page.lastIndexOf('<tr>', page.indexOf('（七）总计'));
  const totalCells = page.slice(totalRow, lastRow).split('</td>');
  const shortTotal = `${totalCells.slice(0, 4).join('</td>')}</td></tr>\n`;
  const cut = page.slice(0, totalRow) + shortTotal + page.slice(tableEnd);
  const result = imported(importHtmlDocument(parseHtml(cut)));

  it('reads what is there by its header and lists every missing cell by its place', () => {
    const values = flattenTables(templateOf(result.draft), result.draft.tables);
    expect([values['applications.resultTotal.naturalPerson'], values['applications.resultTotal.commercial'], values['applications.resultTotal.research']]).toEqual([34, 16, 0]);
    const missing = result.report.missingCells.map((cell) => cell.key).sort();
    const columns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    expect(missing).toEqual(
      [...columns.map((c) => `applications.carriedForward.${c}`), ...['publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => `applications.resultTotal.${c}`)].sort(),
    );
    for (const key of missing) expect(values[key]).toBeNull();
    expect(result.report.missingCells.find((cell) => cell.key === 'applications.carriedForward.total')!.place).toBe('表三 四、结转下年度继续办理 总计');
    expect(importComplete(result.report)).toBe(false);
  });
});

describe('what is not a report', () => {
  it('refuses a web page without a report, saying what is missing', () => {
    const page = '<html><body><div class="nav">首页 政务公开</div><h1>关于开展2024年防汛演练的通知</h1><p>各有关单位：现将有关事项通知如下。</p></body></html>';
    const result = importHtmlDocument(parseHtml(page));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/不像是《政府信息公开工作年度报告》/);
  });

  it('refuses a Word file that is not a report', () => {
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      '<w:p><w:r><w:t>会议纪要</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '</w:body></w:document>';
    const docx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(xml) });
    const result = importDocx(docx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/不像是《政府信息公开工作年度报告》/);
  });

  it('refuses a file that is not a zip, and a zip without a Word document', () => {
    const notZip = importDocx(new TextEncoder().encode('just text'));
    expect(notZip.ok === false && notZip.message).toMatch(/不是 Word 文件/);
    const otherZip = importDocx(zipSync({ 'readme.txt': new TextEncoder().encode('x') }));
    expect(otherZip.ok === false && otherZip.message).toMatch(/没有 Word 文档正文/);
  });
});

/** The app's own Word file without the draft it carries: only what it shows is left to read. */
async function appDocxWithoutDraft(draft: Draft): Promise<Uint8Array> {
  const entries = unzipSync(await buildReportDocx(draft, 'draft'));
  const shown = Object.fromEntries(Object.entries(entries).filter(([name]) => !name.startsWith('customXml/')));
  expect(Object.keys(shown).length).toBeLessThan(Object.keys(entries).length);
  return zipSync(shown);
}

describe.each([
  ['2021 format (office 2023)', office2023Draft],
  ['2019 format (district 2020)', district2020Draft],
])('a Word file made by this app, %s, without its embedded draft', (_, makeDraft) => {
  it('gives every number back, in the same format and year', async () => {
    const draft = makeDraft();
    const result = imported(importDocx(await appDocxWithoutDraft(draft)));
    expect(result.draft.template).toBe(draft.template);
    expect(result.draft.year).toBe(draft.year);
    expect(result.draft.agency.name).toBe(draft.agency.name);
    const template = templateOf(result.draft);
    const expected = flattenTables(templateOf(draft), draft.tables);
    const actual = flattenTables(template, result.draft.tables);
    for (const cell of indexTemplate(template).cells) expect(actual[cell.key], cell.key).toBe(expected[cell.key]);
    expect(result.report.unreadableCells).toEqual([]);
    expect(result.report.missingCells).toEqual([]);
  });
});

describe('table 二 printed as four tables, one per 第二十条 item', () => {
  const page = html('zhenhai-office-2023.html');
  // Close the table before each caption row after the first and open a new one.
  const start = page.indexOf('第二十条第（一）项');
  const end = page.indexOf('</table>', start);
  const split = page.slice(start, end).replace(/<tr>(?=<td colspan="4"[^>]*><p[^>]*><span[^>]*>第二十条)/g, '</table>\n<table border="1">\n<tr>');
  const result = imported(importHtmlDocument(parseHtml(page.slice(0, start) + split + page.slice(end))));

  it('reads every item from its own table', () => {
    expect((page.slice(0, start) + split).match(/<table/g)!.length).toBeGreaterThanOrEqual(5);
    const values = flattenTables(templateOf(result.draft), result.draft.tables);
    const expected = expectedCells(expectedOf('zhenhai-office-2023.expected.json'));
    for (const key of Object.keys(expected).filter((key) => key.startsWith('proactive.'))) expect(values[key], key).toBe(expected[key]);
    expect(result.report.missingCells).toEqual([]);
  });
});
