/**
 * The report as a web page for the 年报 column of the 政府信息公开 platform: one self-contained HTML file
 * (UTF-8, lang="zh-CN", CSS inline, no script, no outside resource — its own Content-Security-Policy
 * forbids both), with the same content as the Word file, in the same order: it renders the blocks of
 * `reportContent` (src/domain/report-content.ts), which the Word builder renders too.
 *
 * - Tables carry the merges of `layoutTable` as rowspan/colspan, a caption, and header cells with scope
 *   and ids that every figure's `headers` names (WCAG H43), so a screen reader announces 行 and 列.
 * - On a phone the text reflows and each table scrolls sideways inside its own box.
 * - Printed (or saved as PDF) it gives A4 pages laid out like the Word file: GB/T 9704 margins, 仿宋 三号
 *   body with 黑体 / 楷体 headings, rows never split, table headers repeated, `— N —` page numbers, and a
 *   draft marked 草稿 at the top of every page.
 *
 * `reportPageFragment` is the same body with every style inline, for pasting into a CMS editor, which keeps
 * inline styles but drops a page's `<style>`. Everything the clerk typed is HTML-escaped.
 */
import type { ApprovalVerdict } from '../domain/approval-verdict.ts';
import { formatCellValue } from '../domain/cell-input.ts';
import type { CellValues, Draft } from '../domain/draft-types.ts';
import { DRAFT_MARK, draftNote, reportContent, reportFileStem, reportTitle, type ReportBlock, type ReportMode } from '../domain/report-content.ts';
import { cleanText } from '../domain/report-text.ts';
import { layoutTable, printedCellValue, printedLabel, type LayoutCell, type LayoutRow } from '../domain/table-layout.ts';
import type { TableTemplate } from '../domain/template-types.ts';
import { BODY_CHARACTER_SPACING, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, TEXT_WIDTH, tableFontSize } from '../docx/typography.ts';

export const HTML_MIME = 'text/html';

/** `<机关全称><年度>年政府信息公开工作年度报告[（草稿）].html`. */
export function reportPageFileName(draft: Draft, mode: ReportMode): string {
  return `${reportFileStem(draft, mode)}.html`;
}

// ---------------------------------------------------------------------------------------------------------
// Escaping

const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: nothing typed can open a tag, an entity or leave an attribute. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (char) => HTML_SPECIALS[char]!);
}

// ---------------------------------------------------------------------------------------------------------
// Typography (spec §8; the Word file's numbers from src/docx/typography.ts)

/** Font stacks: the 公文 fonts first, then what Windows, macOS and Linux have instead (spec §8.2). */
const FONTS = {
  // Latin letters and digits in Times New Roman, as in the Word file; CJK falls through to the next font.
  body: `'Times New Roman', '仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  heading1: `'Times New Roman', '黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`,
  heading2: `'Times New Roman', '楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体', 'Noto Serif CJK SC', serif`,
  title: `'Times New Roman', '方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  pageNumber: `'宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif`,
} as const;

const twipToMm = (twips: number) => `${((twips / 1440) * 25.4).toFixed(1)}mm`;

/**
 * Every element's style, by class. The page puts these in its `<style>` (so that the phone and print rules
 * can override them); the fragment puts them in `style` attributes.
 */
const STYLE = {
  report: `max-width:46em;margin:0 auto;padding:1.5em 1em;font-family:${FONTS.body};font-size:18px;line-height:1.8;color:#000;background:#fff`,
  draft: 'margin:0 0 1.5em;padding:0.4em 0.8em;border:2px solid #000;text-align:center;text-indent:0;font-size:0.9em',
  draftMark: `font-family:${FONTS.heading1};font-size:1.25em;letter-spacing:0.5em;font-weight:normal`,
  title: `margin:0 0 1.2em;font-family:${FONTS.title};font-size:1.6em;font-weight:normal;line-height:1.5;text-align:center`,
  p: 'margin:0;text-indent:2em;text-align:justify;white-space:pre-wrap;tab-size:2',
  h1: `margin:0;text-indent:2em;font-family:${FONTS.heading1};font-size:1em;font-weight:normal`,
  h2: `margin:0;text-indent:2em;font-family:${FONTS.heading2};font-size:1em;font-weight:normal`,
  leadIn: `font-family:${FONTS.heading1};font-weight:normal`,
  scroll: 'overflow-x:auto;margin:0.2em 0 0.8em',
  table: 'border-collapse:collapse;width:100%;font-size:14px;line-height:1.4',
  caption: 'text-align:left;text-indent:2em;font-size:18px;line-height:1.8;caption-side:top',
  hidden: 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0',
  cell: 'border:1px solid #000;padding:0.25em 0.3em;text-align:center;vertical-align:middle;font-weight:normal',
  rowHeader: 'border:1px solid #000;padding:0.25em 0.3em;text-align:left;vertical-align:middle;font-weight:normal',
  signature: 'width:fit-content;max-width:100%;margin:1.8em 4em 0 auto;text-align:center',
  signatureLine: 'margin:0;text-indent:0',
} as const;
type StyleName = keyof typeof STYLE;

/** Media rules of the page: phones, then print (A4 as GB/T 9704). */
function pageMediaCss(mode: ReportMode, note: string): string {
  const draftBox = mode === 'draft' ? `@top-center{content:${cssString(`${DRAFT_MARK}　${note}`)};font-family:${FONTS.heading1};font-size:12pt;vertical-align:bottom;padding-bottom:4mm;border-bottom:1.5pt solid #000}` : '';
  return [
    // A phone: a little smaller text, each table its own sideways-scrolling box at a readable minimum width.
    `@media (max-width:600px){.gr-report{font-size:16px;padding:1em 0.75em}.gr-caption{font-size:16px}.gr-title{font-size:1.35em}.gr-table{font-size:13px}}`,
    // Paper: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (GB/T 9704 5.2.1), 三号 text on a 22-line grid,
    // page numbers `— N —` 四号 outside (odd right, even left, 7.5), the 草稿 mark on every page of a draft.
    `@page{size:A4;margin:${twipToMm(MARGIN_TOP)} ${twipToMm(MARGIN_RIGHT)} ${twipToMm(MARGIN_BOTTOM)} ${twipToMm(MARGIN_LEFT)};${draftBox}}`,
    `@page :right{@bottom-right{content:"— " counter(page) " —";font-family:${FONTS.pageNumber};font-size:14pt;margin-right:16pt;vertical-align:top;padding-top:3mm}}`,
    `@page :left{@bottom-left{content:"— " counter(page) " —";font-family:${FONTS.pageNumber};font-size:14pt;margin-left:16pt;vertical-align:top;padding-top:3mm}}`,
    `@media print{`,
    // 28 characters to a line as in the Word file: its character spacing, in points.
    `.gr-report{max-width:none;margin:0;padding:0;font-size:16pt;line-height:28.95pt;letter-spacing:${BODY_CHARACTER_SPACING / 20}pt}`,
    `.gr-table{letter-spacing:0}`,
    `.gr-caption{font-size:16pt;line-height:28.95pt}`,
    `.gr-title{font-size:22pt;line-height:28.95pt;margin-bottom:28.95pt}`,
    `.gr-draft{display:none}`,
    `.gr-h1,.gr-h2,.gr-caption{break-after:avoid;page-break-after:avoid}`,
    // A table stays with the heading or lead line above it.
    `.gr-scroll{break-before:avoid;page-break-before:avoid}`,
    `.gr-scroll{overflow:visible;margin:0}`,
    `.gr-table{min-width:0 !important;font-size:var(--gr-print-size,10.5pt);line-height:1.3}`,
    `.gr-table-whole{break-inside:avoid;page-break-inside:avoid}`,
    `.gr-table thead{display:table-header-group}`,
    // A row is never split; a row that starts a tall merged group label is not held whole either, as
    // Chromium would then keep the whole group together and push it to the next page.
    `.gr-table tr{break-inside:avoid;page-break-inside:avoid}`,
    `.gr-table tr:has(> [rowspan]){break-inside:auto;page-break-inside:auto}`,
    `.gr-cell,.gr-rowHeader{padding:0.8mm 1mm}`,
    `p,.gr-h1,.gr-h2{orphans:2;widows:2}`,
    `}`,
  ].join('\n');
}

/** A CSS string literal (only the page's own constants go here, but quoted safely anyway). */
function cssString(text: string): string {
  return `"${text.replace(/["\\\n]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

interface Renderer {
  /** The attribute that styles an element of this class (and any inline extra). */
  attr(name: StyleName, extra?: string): string;
}

const classRenderer: Renderer = {
  attr: (name, extra) => ` class="gr-${name}"${extra ? ` style="${styleAttribute(extra)}"` : ''}`,
};

/** A style as an attribute value (the font stacks quote their names). */
const styleAttribute = (style: string) => style.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const inlineRenderer: Renderer = {
  attr: (name, extra) => ` style="${styleAttribute(`${STYLE[name]}${extra ? `;${extra}` : ''}`)}"`,
};

/** One `<p>` per paragraph; a tab stays a tab (the paragraph keeps white space, as Word keeps its `w:tab`). */
function paragraphsHtml(paragraphs: readonly string[], render: Renderer, style: StyleName = 'p'): string[] {
  return paragraphs.map((line) => `<p${render.attr(style)}>${escapeHtml(line)}</p>`);
}

/** Id-safe form of a table key. */
function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

interface PlacedCell {
  readonly cell: LayoutCell;
  readonly row: number;
  readonly id: string;
}

/**
 * Which header cells name each figure: the column headers of its part above it whose columns overlap its
 * own, and the row headers to its left whose rows include its row.
 */
function headerIds(layout: readonly LayoutRow[], tableId: string): { ids: Map<LayoutCell, string>; headersOf: Map<LayoutCell, string[]> } {
  const ids = new Map<LayoutCell, string>();
  const columnHeaders: (PlacedCell & { part: number })[] = [];
  const rowHeaders: PlacedCell[] = [];
  layout.forEach((row, rowIndex) => {
    row.cells.forEach((cell) => {
      if (cell.kind !== 'label' || !isHeader(cell)) return;
      const id = `${tableId}-${rowIndex}-${cell.gridColumn}`;
      ids.set(cell, id);
      if (cell.role === 'rowHeader') rowHeaders.push({ cell, row: rowIndex, id });
      // A part's caption row (第二十条第（一）项) heads every column of its part.
      else if (cell.role === 'columnHeader' || cell.role === 'caption') columnHeaders.push({ cell, row: rowIndex, id, part: row.partIndex });
    });
  });
  const headersOf = new Map<LayoutCell, string[]>();
  layout.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      if (cell.kind !== 'value') continue;
      const first = cell.gridColumn;
      const last = cell.gridColumn + cell.colSpan - 1;
      const names: string[] = [];
      for (const header of rowHeaders) {
        if (header.row <= rowIndex && rowIndex < header.row + header.cell.rowSpan && header.cell.gridColumn < first) names.push(header.id);
      }
      for (const header of columnHeaders) {
        const start = header.cell.gridColumn;
        const end = start + header.cell.colSpan - 1;
        if (header.part === row.partIndex && start <= last && first <= end) names.push(header.id);
      }
      headersOf.set(cell, names);
    }
  });
  return { ids, headersOf };
}

function isHeader(cell: LayoutCell): boolean {
  return cell.kind === 'label' && (cell.role === 'caption' || cell.role === 'columnHeader' || cell.role === 'rowHeader' || (cell.role === 'corner' && cell.text !== ''));
}

function spans(cell: LayoutCell): string {
  return `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
}

function cellHtml(cell: LayoutCell, values: CellValues, ids: Map<LayoutCell, string>, headersOf: Map<LayoutCell, string[]>, render: Renderer): string {
  if (cell.kind === 'value') {
    const headers = headersOf.get(cell) ?? [];
    // Untouched (null) stays empty; it is never printed as 0 (spec §A.4).
    return `<td${spans(cell)}${headers.length > 0 ? ` headers="${headers.join(' ')}"` : ''}${render.attr('cell')}>${escapeHtml(printedCellValue(cell.cell, values[cell.cell.key] ?? null))}</td>`;
  }
  const text = escapeHtml(printedLabel(cell));
  if (!isHeader(cell)) return `<td${spans(cell)}${render.attr('cell')}>${text}</td>`;
  const id = ids.get(cell)!;
  if (cell.role === 'rowHeader') {
    const scope = cell.rowSpan > 1 ? 'rowgroup' : 'row';
    // Row labels are left-aligned (spec §8.4), except vertical group labels; sub-items indented by characters.
    const style = cell.rowSpan > 1 ? 'cell' : 'rowHeader';
    return `<th id="${id}" scope="${scope}"${spans(cell)}${render.attr(style, cell.indent ? `padding-left:${cell.indent + 0.3}em` : undefined)}>${text}</th>`;
  }
  const scope = cell.colSpan > 1 ? 'colgroup' : 'col';
  return `<th id="${id}" scope="${scope}"${spans(cell)}${render.attr('cell')}>${text}</th>`;
}

/** Print size of a table's text: the Word file's choice (五号, or 小五 when its narrowest column is too narrow). */
function printFontSize(table: TableTemplate): string {
  const weights = table.columnWeights;
  const sum = weights.reduce((a, b) => a + b, 0);
  const valueWeights = weights.slice(table.labelColumns);
  const narrowest = Math.min(...(valueWeights.length > 0 ? valueWeights : weights));
  return `${tableFontSize(Math.floor((narrowest / sum) * TEXT_WIDTH)) / 2}pt`;
}

/** Rows of a table short enough to be kept on one page whole (table 四 has 4). */
const SHORT_TABLE_ROWS = 12;

function tableHtml(table: TableTemplate, lead: readonly string[], sectionHeading: string, values: CellValues, render: Renderer, out: string[]): void {
  const layout = layoutTable(table);
  const tableId = `gr-${idPart(table.key)}`;
  const { ids, headersOf } = headerIds(layout, tableId);
  const sum = table.columnWeights.reduce((a, b) => a + b, 0);
  // Below this width the labels would break every character: the box scrolls instead.
  const minWidth = `min-width:${Math.max(20, table.gridColumns * 3.2).toFixed(1)}em`;
  // Kept on one page: a table without repeated headers (table 二: each part under its own header, as in the
  // Word file), and a short table, since Chromium does not keep header rows with the first body row.
  const whole = !table.repeatHeader || layout.length <= SHORT_TABLE_ROWS ? ' gr-table-whole' : '';
  const tableAttr =
    render === classRenderer ? ` class="gr-table${whole}" style="${minWidth};--gr-print-size:${printFontSize(table)}"` : render.attr('table', minWidth);
  // The lead line is the caption; a table without one is named by its section's heading (for screen readers).
  const captionId = `${tableId}-caption`;
  const caption =
    lead.length > 0
      ? `<caption id="${captionId}"${render.attr('caption')}>${lead.map(escapeHtml).join('<br>')}</caption>`
      : `<caption id="${captionId}"${render.attr('hidden')}>${escapeHtml(sectionHeading)}</caption>`;
  // The box scrolls sideways on a phone: focusable, so that the keyboard can scroll it too.
  out.push(`<div${render.attr('scroll')} role="region" aria-labelledby="${captionId}" tabindex="0">`);
  out.push(`<table id="${tableId}"${tableAttr}>`);
  out.push(caption);
  out.push(`<colgroup>${table.columnWeights.map((weight) => `<col style="width:${((weight / sum) * 100).toFixed(2)}%">`).join('')}</colgroup>`);
  // The first part's header rows repeat on every printed page (the Word file's tblHeader rows).
  let head = 0;
  while (head < layout.length && layout[head]!.header && layout[head]!.partIndex === 0) head++;
  const row = (layoutRow: LayoutRow) => `<tr>${layoutRow.cells.map((cell) => cellHtml(cell, values, ids, headersOf, render)).join('')}</tr>`;
  out.push(`<thead>${layout.slice(0, head).map(row).join('')}</thead>`);
  out.push('<tbody>');
  for (const layoutRow of layout.slice(head)) out.push(row(layoutRow));
  out.push('</tbody></table></div>');
}

function signatureHtml(block: Extract<ReportBlock, { kind: 'signature' }>, render: Renderer): string[] {
  const parts = [block.name, block.date ?? ''].filter((line) => line !== '');
  if (parts.length === 0) return [];
  return [`<div${render.attr('signature')}>`, ...paragraphsHtml(parts, render, 'signatureLine'), '</div>'];
}

/** The report's body (the `<article>`), with the draft banner on top of a draft. */
function reportBody(draft: Draft, mode: ReportMode, note: string, render: Renderer): string {
  const { blocks, values } = reportContent(draft, mode);
  const out: string[] = [`<article${render.attr('report')} lang="zh-CN">`];
  if (mode === 'draft') {
    out.push(`<p${render.attr('draft')} role="note"><strong${render.attr('draftMark')}>${DRAFT_MARK}</strong>　${escapeHtml(note)}</p>`);
  }
  let pendingLead: readonly string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`<h1${render.attr('title')}>${block.lines.map(escapeHtml).join('<br>')}</h1>`);
        break;
      case 'body':
        for (const line of paragraphsHtml(block.paragraphs, render)) out.push(line);
        break;
      case 'heading1':
        out.push(`<h2${render.attr('h1')}>${escapeHtml(block.text)}</h2>`);
        break;
      case 'heading2':
        out.push(`<h3${render.attr('h2')}>${escapeHtml(block.text)}</h3>`);
        break;
      case 'leadIn': {
        // The label opens the first paragraph in the heading font, as the Word file prints it.
        const [first = '', ...rest] = block.paragraphs;
        const label = block.leadIn === '' ? '' : `<strong${render.attr('leadIn')}>${escapeHtml(block.leadIn)}</strong>`;
        out.push(`<p${render.attr('p')}>${label}${escapeHtml(first)}</p>`);
        for (const line of paragraphsHtml(rest, render)) out.push(line);
        break;
      }
      case 'lead':
        pendingLead = block.paragraphs;
        break;
      case 'table':
        tableHtml(block.table, pendingLead, block.sectionHeading, values, render, out);
        pendingLead = [];
        break;
      case 'signature':
        for (const line of signatureHtml(block, render)) out.push(line);
        break;
    }
  }
  out.push('</article>');
  return out.join('\n');
}

/**
 * The whole page. `approval` is the verdict the caller decided the mode with (`verifyApproval`); it
 * chooses the note beside the 草稿 mark, as in the Word file.
 */
export function reportPageHtml(draft: Draft, mode: ReportMode, approval: ApprovalVerdict): string {
  const note = mode === 'draft' ? draftNote(draft, approval) : '';
  const css = [
    ...Object.entries(STYLE).map(([name, style]) => `.gr-${name}{${style}}`),
    'html{background:#fff}body{margin:0}',
    pageMediaCss(mode, note),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing runs and nothing is fetched, whatever a text holds: the page's own policy says so.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(reportTitle(draft))}${mode === 'draft' ? `（${DRAFT_MARK}）` : ''}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    reportBody(draft, mode, note, classRenderer),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The body alone with every style inline, for a CMS editor's paste (text/html on the clipboard). */
export function reportPageFragment(draft: Draft, mode: ReportMode, approval: ApprovalVerdict): string {
  return reportBody(draft, mode, mode === 'draft' ? draftNote(draft, approval) : '', inlineRenderer);
}

/**
 * The report as plain text (text/plain on the clipboard, for editors that take no HTML): paragraphs one
 * per line, table rows with their cells separated by tabs.
 */
export function reportPageText(draft: Draft, mode: ReportMode, approval: ApprovalVerdict): string {
  const { blocks, values } = reportContent(draft, mode);
  const out: string[] = [];
  if (mode === 'draft') out.push(`${DRAFT_MARK}　${draftNote(draft, approval)}`, '');
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        for (const line of block.lines) out.push(line);
        out.push('');
        break;
      case 'body':
      case 'lead':
        for (const line of block.paragraphs) out.push(`　　${line}`);
        break;
      case 'leadIn': {
        const [first = '', ...rest] = block.paragraphs;
        out.push(`　　${block.leadIn}${first}`, ...rest.map((line) => `　　${line}`));
        break;
      }
      case 'heading1':
      case 'heading2':
        out.push(`　　${block.text}`);
        break;
      case 'table':
        for (const row of layoutTable(block.table)) {
          out.push(row.cells.map((cell) => (cell.kind === 'value' ? printedCellValue(cell.cell, values[cell.cell.key] ?? null) : printedLabel(cell))).join('\t'));
        }
        break;
      case 'signature':
        out.push('', ...[block.name, block.date ?? ''].filter((line) => line !== ''));
        break;
    }
  }
  return `${out.map(cleanText).join('\n')}\n`;
}
