/**
 * Does a `.docx` show what the draft it carries says? Someone can open the Word file the tool made,
 * change a number or a sentence in Word, and send it on: the embedded draft (and its approval) is
 * untouched, the printed report is not. Reading such a file back, the visible tables are compared cell
 * by cell with the draft's values (totals included), and the visible paragraphs with the paragraphs the
 * draft produces; every difference is listed (place, Word's text, the draft's text), and the approval of
 * such a file does not count (`voidForVisibleChanges`, src/domain/approval-verdict.ts).
 *
 * Tables: the n-th table of the document is the template's n-th table section; in each `w:tr`, cells are
 * placed on the grid by their `w:gridSpan`, so a vertically merged label (`w:vMerge` continuation cells)
 * does not shift the numbers, and each number cell is found by its grid column in the layout
 * (src/domain/table-layout.ts). Paragraphs: those outside tables, compared in order with a document built
 * from the draft (in the draft and the final mode, whichever matches better: a draft-mode file prints
 * placeholders for empty parts).
 *
 * Pure TypeScript (fflate + the Word builder): the app and the command line call the same function.
 * Bounded: the main part is inflated through a byte counter that stops at `MAX_DOCUMENT_XML_BYTES`.
 */
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { readZipEntry } from '../domain/bounded-zip.ts';
import type { Draft } from '../domain/draft-types.ts';
import { cellAccessibleName, layoutTable, printedCellValue } from '../domain/table-layout.ts';
import { tableSections } from '../domain/template.ts';
import { computeTotals } from '../domain/totals.ts';
import { flattenTables, templateOf } from '../domain/values.ts';
import { createReportDocument, type ReportMode } from './build-report.ts';

/** Far above the main part of any real report (a few hundred KB). */
export const MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024;
const DOCUMENT_PART = 'word/document.xml';

export interface VisibleDifference {
  /** `cell` for a table number, `paragraph` for text. */
  readonly kind: 'cell' | 'paragraph';
  /** The cell's dotted key (cells only). */
  readonly key?: string;
  /** Where, in words: `表三 一、本年新收政府信息公开申请数量 自然人`, or `第 12 段`. */
  readonly place: string;
  /** What the Word file shows ('' when missing). */
  readonly shown: string;
  /** What the embedded draft says. */
  readonly expected: string;
}

export type VisibleComparison =
  | { readonly ok: true; readonly differences: readonly VisibleDifference[] }
  | { readonly ok: false; readonly message: string };

// ---------------------------------------------------------------------------------------------------
// A small WordprocessingML text reader (the few elements that carry the visible text)

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? '';
  });
}

/** The text of a paragraph's runs (`w:t`), tabs and breaks as nothing: compared after removing white space. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += decodeXml(match[1]!);
  return text;
}

/** Removes white space (Word and the builder may differ in line breaks and spacing, not in content). */
function normalised(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

interface DocTable {
  /** Rows of cells; each cell with its first grid column and its text. */
  rows: { gridColumn: number; text: string }[][];
}

interface DocContent {
  tables: DocTable[];
  /** Non-empty paragraphs outside tables, in order. */
  paragraphs: string[];
}

/**
 * The XML without the content of `mc:Fallback` elements: what a reader that understands the choice before it
 * shows instead. Word, saving a file again, may write a VML shape (the 落款's group, ./signature-box.ts) as
 * DrawingML with the VML as its fallback: the text would otherwise be read twice. One pass, no backtracking.
 */
function withoutFallbacks(xml: string): string {
  const open = '<mc:Fallback';
  const close = '</mc:Fallback>';
  let kept = '';
  let at = 0;
  for (let start = xml.indexOf(open, at); start >= 0; start = xml.indexOf(open, at)) {
    const end = xml.indexOf(close, start);
    if (end < 0) break;
    kept += xml.slice(at, start);
    at = end + close.length;
  }
  return kept + xml.slice(at);
}

function readDocument(xml: string): DocContent {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(withoutFallbacks(xml))?.[1] ?? xml;
  const tables: DocTable[] = [];
  const paragraphs: string[] = [];
  // Top-level blocks: tables and paragraphs (the report has no nested tables).
  for (const match of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const block = match[0];
    if (block.startsWith('<w:tbl>')) {
      const rows = [...block.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) => {
        let gridColumn = 0;
        return [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>|<w:tc\s[\s\S]*?<\/w:tc>/g)].map((cell) => {
          const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(cell[0])?.[1] ?? '1');
          const placed = { gridColumn, text: paragraphText(cell[0]) };
          gridColumn += span;
          return placed;
        });
      });
      tables.push({ rows });
    } else {
      const text = paragraphText(block);
      if (normalised(text) !== '') paragraphs.push(text);
    }
  }
  return { tables, paragraphs };
}

// ---------------------------------------------------------------------------------------------------
// The comparison

function tableDifferences(draft: Draft, tables: readonly DocTable[]): VisibleDifference[] | string {
  const template = templateOf(draft);
  const sections = tableSections(template);
  if (tables.length !== sections.length) return `Word 文件中有 ${tables.length} 张表格，附带的草稿应有 ${sections.length} 张`;
  const values = computeTotals(template, flattenTables(template, draft.tables ?? {}));
  const differences: VisibleDifference[] = [];
  sections.forEach((section, index) => {
    const layout = layoutTable(section.table);
    const rows = tables[index]!.rows;
    layout.forEach((row, rowIndex) => {
      for (const cell of row.cells) {
        if (cell.kind !== 'value') continue;
        const shown = rows[rowIndex]?.find((candidate) => candidate.gridColumn === cell.gridColumn)?.text ?? '';
        const expected = printedCellValue(cell.cell, values[cell.cell.key] ?? null);
        if (normalised(shown) !== normalised(expected)) {
          differences.push({ kind: 'cell', key: cell.cell.key, place: `${section.heading} ${cellAccessibleName(cell.cell)}`, shown, expected });
        }
      }
    });
  });
  return differences;
}

async function expectedParagraphs(draft: Draft, mode: ReportMode): Promise<string[]> {
  const bytes = await Packer.pack(createReportDocument(draft, mode), 'uint8array');
  const xml = new TextDecoder().decode(unzipSync(bytes, { filter: (file) => file.name === DOCUMENT_PART })[DOCUMENT_PART]!);
  return readDocument(xml).paragraphs;
}

function paragraphDifferences(shown: readonly string[], expected: readonly string[]): VisibleDifference[] {
  const differences: VisibleDifference[] = [];
  for (let i = 0; i < Math.max(shown.length, expected.length); i++) {
    const a = shown[i] ?? '';
    const b = expected[i] ?? '';
    if (normalised(a) !== normalised(b)) differences.push({ kind: 'paragraph', place: `正文第 ${i + 1} 段`, shown: a, expected: b });
  }
  return differences;
}

/**
 * Compares what a `.docx` shows with `draft` (the draft it carries). `ok: false` when the main part
 * cannot be read (damaged, or larger than any report).
 */
export async function compareVisibleContent(docx: Uint8Array, draft: Draft): Promise<VisibleComparison> {
  const bytes = readZipEntry(docx, DOCUMENT_PART, MAX_DOCUMENT_XML_BYTES);
  if (!bytes) return { ok: false, message: 'Word 文件的正文（word/document.xml）无法读取（已损坏或过大），无法核对其显示的内容与附带的草稿是否一致' };
  const content = readDocument(new TextDecoder().decode(bytes));
  const cells = tableDifferences(draft, content.tables);
  if (typeof cells === 'string') return { ok: false, message: `${cells}，无法核对其显示的内容与附带的草稿是否一致` };
  let text: VisibleDifference[] | null = null;
  for (const mode of ['final', 'draft'] as const) {
    const candidate = paragraphDifferences(content.paragraphs, await expectedParagraphs(draft, mode));
    if (text === null || candidate.length < text.length) text = candidate;
    if (candidate.length === 0) break;
  }
  return { ok: true, differences: [...cells, ...(text ?? [])] };
}

/** Excerpt of a paragraph for a message. */
function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}……` : text;
}

/** One Chinese sentence per difference: `表三 … 自然人：Word 文件中为 38，附带的草稿中为 37`. */
export function differenceMessage(difference: VisibleDifference): string {
  const show = (text: string) => (text === '' ? '（空）' : difference.kind === 'cell' ? text : `“${excerpt(text)}”`);
  return `${difference.place}：Word 文件中为 ${show(difference.shown)}，附带的草稿中为 ${show(difference.expected)}`;
}
