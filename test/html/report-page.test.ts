// @vitest-environment node
/**
 * The web page of the report (src/html/report-page.ts), read back with a DOM (happy-dom's parser) and
 * compared with the Word file the same draft gives (read with the project's own reader):
 * - the same paragraphs and headings in the same order, and every table cell by cell, merges included;
 * - a self-contained page: UTF-8, lang zh-CN, no script, nothing loaded from anywhere;
 * - tables a screen reader can read: caption, header cells with scope and ids, every figure's `headers`;
 * - whatever the clerk typed is text, never markup;
 * - a draft is marked 草稿 (on screen and on every printed page), a final report is not;
 * - the CMS fragment carries its styles inline; the plain text carries the tables row by row.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import type { ApprovalVerdict } from '../../src/domain/approval-verdict.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { reportPageFileName, reportPageFragment, reportPageHtml, reportPageText } from '../../src/html/report-page.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx, type TableRead } from '../helpers/read-docx.ts';

const NONE: ApprovalVerdict = { state: 'none' };

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The 2020 district report in the 浙江省 format: provincial tables with their lead lines inside 二. */
function zhejiangDraft(): Draft {
  const result = readDraftJson(readFileSync(new URL('../fixtures/zhenhai-district-2020-zhejiang.draft.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.draft;
}

/** The 2023 sample as an agency without a separate reviewer keeps it: final without a sign-off. */
function finalDraft(): Draft {
  return setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z'));
}

interface GridCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

/** Labels wrap differently on paper and on screen: compare the characters, not the white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The Word table as cells at grid positions; a `vMerge` continuation lengthens the cell above it. */
function wordGrid(table: TableRead): GridCell[] {
  const cells: { row: number; column: number; rowSpan: number; colSpan: number; text: string }[] = [];
  table.rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.cells) {
      if (cell.vMerge === 'continue') {
        const origin = cells.find((c) => c.column === column && c.row + c.rowSpan === rowIndex);
        if (!origin) throw new Error(`vMerge continue without a cell above at row ${rowIndex}, column ${column}`);
        origin.rowSpan++;
      } else {
        cells.push({ row: rowIndex, column, rowSpan: 1, colSpan: cell.gridSpan, text: squeeze(cell.text) });
      }
      column += cell.gridSpan;
    }
  });
  return cells;
}

/** The HTML table as cells at grid positions (the HTML table model: rowspan covers the rows below). */
function htmlGrid(table: Element): GridCell[] {
  const covered = new Set<string>();
  const cells: GridCell[] = [];
  [...table.querySelectorAll('tr')].forEach((tr, rowIndex) => {
    let column = 0;
    for (const cell of [...tr.children]) {
      while (covered.has(`${rowIndex},${column}`)) column++;
      const rowSpan = Number(cell.getAttribute('rowspan') ?? 1);
      const colSpan = Number(cell.getAttribute('colspan') ?? 1);
      for (let r = rowIndex; r < rowIndex + rowSpan; r++) for (let c = column; c < column + colSpan; c++) covered.add(`${r},${c}`);
      cells.push({ row: rowIndex, column, rowSpan, colSpan, text: squeeze(cell.textContent ?? '') });
      column += colSpan;
    }
  });
  return cells;
}

/** The page's text blocks in order: title lines, headings, paragraphs, visible table captions. */
function pageTextBlocks(doc: Document): string[] {
  const article = doc.querySelector('article')!;
  const out: string[] = [];
  for (const element of article.querySelectorAll('h1, h2, h3, p, caption')) {
    if (element.getAttribute('role') === 'note') continue; // the 草稿 banner, a header in Word
    if (element.className.includes('hidden')) continue; // a caption only screen readers get
    if (element.tagName === 'H1' || element.tagName === 'CAPTION') {
      for (const line of element.innerHTML.split('<br>')) out.push(parse(`<p>${line}</p>`).querySelector('p')!.textContent!);
    } else out.push(element.textContent!);
  }
  return out;
}

describe.each([
  ['the 2021-format office report (2023)', office2023Draft],
  ['the 2019-format district report (2020)', district2020Draft],
  ['the district report (2020) in the 浙江省 format, with lead lines before its tables', zhejiangDraft],
])('%s: the web page says what the Word file says', (_name, makeDraft) => {
  it('in the same paragraphs and headings, in the same order', async () => {
    const draft = makeDraft();
    const word = readDocx(await buildReportDocx(draft, 'draft', NONE));
    const page = parse(reportPageHtml(draft, 'draft', NONE));
    const wordTexts = word.blocks.flatMap((block) => (block.kind === 'p' ? [block.p.text] : []));
    expect(wordTexts.length).toBeGreaterThan(20);
    expect(pageTextBlocks(page)).toEqual(wordTexts);
  });

  it('with every table cell by cell, merges included', async () => {
    const draft = makeDraft();
    const word = readDocx(await buildReportDocx(draft, 'draft', NONE));
    const tables = [...parse(reportPageHtml(draft, 'draft', NONE)).querySelectorAll('table')];
    expect(tables.length).toBe(word.tables.length);
    expect(word.tables.length).toBeGreaterThanOrEqual(3);
    word.tables.forEach((table, index) => expect(htmlGrid(tables[index]!)).toEqual(wordGrid(table)));
    // The merges are really there (not two flat grids agreeing by accident): tables 三 and 四 have them.
    const merged = word.tables.filter((table) => wordGrid(table).some((cell) => cell.rowSpan > 1 || cell.colSpan > 1));
    expect(merged.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the web page as a file', () => {
  const html = reportPageHtml(office2023Draft(), 'draft', NONE);
  const doc = parse(html);

  it('is one UTF-8 document in Simplified Chinese that runs nothing and loads nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, base').length).toBe(0);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(doc.title).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（草稿）');
  });

  it('prints on A4 with the GB/T 9704 margins, 仿宋 body, 黑体 and 楷体 headings, rows whole, headers repeated', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/@page\{size:A4;margin:37\.0mm 26\.0mm 35\.0mm 28\.0mm;/);
    expect(css).toMatch(/\.gr-report\{[^}]*font-family:'Times New Roman', '仿宋_GB2312'[^}]*, serif/);
    expect(css).toMatch(/\.gr-h1\{[^}]*font-family:[^;}]*'黑体'/);
    expect(css).toMatch(/\.gr-h2\{[^}]*font-family:[^;}]*'楷体_GB2312'/);
    expect(css).toMatch(/@media print\{[^]*\.gr-report\{[^}]*font-size:16pt/);
    expect(css).toMatch(/\.gr-table tr\{break-inside:avoid/);
    expect(css).toMatch(/\.gr-table thead\{display:table-header-group\}/);
  });

  it('names every figure by its row and column headers', () => {
    const tables = [...doc.querySelectorAll('table')];
    for (const table of tables) {
      expect(table.querySelector('caption')!.textContent!.trim()).not.toBe('');
      for (const th of table.querySelectorAll('th')) expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(th.getAttribute('scope'));
      const ids = new Set([...table.querySelectorAll('th')].map((th) => th.id));
      const figures = [...table.querySelectorAll('td[headers]')];
      expect(figures.length).toBeGreaterThan(0);
      for (const td of figures) for (const id of td.getAttribute('headers')!.split(' ')) expect(ids.has(id)).toBe(true);
    }
    // Table 三: the 属于国家秘密 figure of 自然人 (official labels, spec §4).
    const table3 = tables.find((table) => table.textContent!.includes('属于国家秘密'))!;
    const row = [...table3.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('1.属于国家秘密'))!;
    const firstFigure = row.querySelector('td[headers]')!;
    const names = firstFigure
      .getAttribute('headers')!
      .split(' ')
      .map((id) => squeeze(table3.querySelector(`#${id}`)!.textContent!));
    expect(names).toEqual(expect.arrayContaining(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '自然人']));
    expect(names).not.toContain('商业企业');

    // Table 二: 规章's 本年制发件数 is named by its part's caption row as well (第二十条第（一）项).
    const table2 = tables.find((table) => table.textContent!.includes('第二十条第（一）项'))!;
    const rules = [...table2.querySelectorAll('tr')].find((tr) => tr.textContent!.startsWith('规章'))!;
    const rulesNames = rules
      .querySelector('td[headers]')!
      .getAttribute('headers')!
      .split(' ')
      .map((id) => squeeze(table2.querySelector(`#${id}`)!.textContent!));
    expect(rulesNames).toEqual(['规章', '第二十条第（一）项', '本年制发件数']);
  });
});

describe('text the clerk typed', () => {
  const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;';

  it('appears as typed and never becomes markup, in the page, the fragment and the title', () => {
    const draft = office2023Draft();
    draft.agency.name = `某局${hostile}`;
    draft.preamble = `编制说明${hostile}`;
    const html = reportPageHtml(draft, 'draft', NONE);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img').length).toBe(0);
    expect(doc.querySelector('h1')!.textContent).toContain(`某局${hostile}`);
    expect(doc.querySelector('article > p:not([role])')!.textContent).toBe(`编制说明${hostile}`);
    expect(doc.title).toContain(hostile);
    const fragment = parse(reportPageFragment(draft, 'draft', NONE));
    expect(fragment.querySelectorAll('script, img').length).toBe(0);
    expect(fragment.querySelector('h1')!.textContent).toContain(hostile);
    expect(reportPageFileName(draft, 'final')).not.toMatch(/[<>"/\\]/);
  });

  it('of any length is laid out without recursion or argument spreading', () => {
    const draft = office2023Draft();
    draft.preamble = Array.from({ length: 150_000 }, (_, i) => `第${i}段`).join('\n');
    const html = reportPageHtml(draft, 'draft', NONE);
    expect(html.split('<p class="gr-p">').length - 1).toBeGreaterThanOrEqual(150_000);
  });
});

describe('draft and final', () => {
  it('a draft says 草稿 and why on screen and on every printed page; the final page does not', () => {
    const draftPage = parse(reportPageHtml(office2023Draft(), 'draft', NONE));
    expect(draftPage.querySelector('[role="note"]')!.textContent).toBe('草稿　本文件尚未经审核通过，仅供内部核对，不得作为正式报告发布');
    expect(draftPage.querySelector('style')!.textContent).toMatch(/@top-center\{content:"草稿　本文件尚未经审核通过/);

    const unchecked = office2023Draft();
    (unchecked.tables.reviewLitigation!.review as Record<string, number | null>).upheld = null;
    expect(parse(reportPageHtml(unchecked, 'draft', NONE)).querySelector('[role="note"]')!.textContent).toContain('尚未通过全部校验');

    const finalPage = reportPageHtml(finalDraft(), 'final', NONE);
    expect(finalPage).not.toContain('草稿');
    expect(parse(finalPage).querySelector('[role="note"]')).toBeNull();
    expect(reportPageFileName(finalDraft(), 'final')).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.html');
    expect(reportPageFileName(finalDraft(), 'draft')).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（草稿）.html');
  });
});

describe('for the website editor', () => {
  it('the fragment is the article with every style inline: no class, no style sheet', () => {
    const fragment = reportPageFragment(finalDraft(), 'final', NONE);
    const doc = parse(fragment);
    expect(fragment.startsWith('<article')).toBe(true);
    expect(doc.querySelectorAll('[class], style').length).toBe(0);
    for (const selector of ['article', 'h1', 'h2', 'h3', 'p', 'table', 'th', 'td']) {
      for (const element of doc.querySelectorAll(selector)) expect(element.getAttribute('style') ?? '').not.toBe('');
    }
    expect(doc.querySelector('h2')!.getAttribute('style')).toMatch(/font-family:'Times New Roman', '黑体'/);
    // Same tables as the page.
    const page = parse(reportPageHtml(finalDraft(), 'final', NONE));
    expect([...doc.querySelectorAll('table')].map(htmlGrid)).toEqual([...page.querySelectorAll('table')].map(htmlGrid));
  });

  it('the plain text has the report line by line and each table row with its cells separated by tabs', () => {
    const text = reportPageText(finalDraft(), 'final', NONE);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['宁波市镇海区人民政府办公室', '2023年政府信息公开工作年度报告']);
    expect(lines).toContain('　　一、总体情况');
    // Table 四 of the sample: every figure 0, 15 of them on one row.
    expect(lines).toContain(Array.from({ length: 15 }, () => '0').join('\t'));
    expect(lines).toContain('规章\t0\t0\t0');
  });
});
