/**
 * A Word file (`.docx`: the official template filled in by hand, a published attachment, a file saved by
 * WPS or LibreOffice) → paragraphs and tables. The package is opened with the bounded zip reader (a zip
 * bomb is refused after inflating no more than the limit) and `word/document.xml` is read here with a
 * small tokenizer: paragraphs (`w:p`: `w:t` text, `w:tab`, `w:br`), tables (`w:tbl`/`w:tr`/`w:tc`) with
 * `w:gridSpan` and `w:vMerge` turned into colspan/rowspan. No DOM is needed, so Node and the browser run
 * the same code.
 */
import { centralDirectory, inflateEntry } from '../bounded-zip.ts';
import { cellText, paragraphText, type Block, type SourceCell } from './blocks.ts';

/** The main document part of a report is well under 1 MB; beyond 16 MB it is refused. */
export const MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024;

export type DocxBlocksResult =
  | { ok: true; blocks: Block[] }
  | { ok: false; reason: 'notZip' | 'notWord' | 'oversized' | 'damaged' };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return safeCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? '';
  });
}

function safeCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[2] ?? match[3]) : undefined;
}

interface DocxCell {
  texts: string[];
  gridSpan: number;
  /** `restart` begins a vertical merge, `continue` extends the one above. */
  vMerge: 'none' | 'restart' | 'continue';
  column: number;
}

/** Turns Word's vertical merges into rowspans: a `continue` cell adds one row to the cell above it. */
function mergedRows(rows: DocxCell[][]): SourceCell[][] {
  const result: SourceCell[][] = [];
  // Per grid column: the cell (row index, index within row) a vertical merge in that column extends.
  const openMerge = new Map<number, { row: number; index: number }>();
  const spans: { rowSpan: number }[][] = [];
  rows.forEach((cells, rowIndex) => {
    let column = 0;
    const out: SourceCell[] = [];
    const outSpans: { rowSpan: number }[] = [];
    for (const cell of cells) {
      cell.column = column;
      column += cell.gridSpan;
      if (cell.vMerge === 'continue') {
        const owner = openMerge.get(cell.column);
        if (owner) {
          spans[owner.row]![owner.index]!.rowSpan++;
          continue;
        }
      }
      const index = out.length;
      out.push({ text: cellText(cell.texts.join('')), colSpan: cell.gridSpan, rowSpan: 1 });
      outSpans.push({ rowSpan: 1 });
      if (cell.vMerge === 'restart') openMerge.set(cell.column, { row: rowIndex, index });
      else openMerge.delete(cell.column);
    }
    result.push(out);
    spans.push(outSpans);
  });
  return result.map((cells, r) => cells.map((cell, i) => ({ ...cell, rowSpan: spans[r]![i]!.rowSpan })));
}

/** The blocks of `word/document.xml`'s text. */
export function documentXmlBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  let tableDepth = 0;
  let rows: DocxCell[][] = [];
  let row: DocxCell[] | null = null;
  let cell: DocxCell | null = null;
  let paragraph: string[] | null = null;
  let inText = false;
  let skipDepth = 0;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let match = token.exec(xml); match !== null; match = token.exec(xml)) {
    const [, closing, name, attributes = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (inText && paragraph && skipDepth === 0) paragraph.push(decodeEntities(text));
      continue;
    }
    // Deleted revisions and field instructions are not what the page shows. Nor is an `mc:Fallback`: it
    // repeats its `mc:Choice` for older readers (Word saving the 落款's text boxes again writes both).
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText' || name === 'mc:Fallback') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      skipDepth = Math.max(0, skipDepth);
      continue;
    }
    if (closing) {
      switch (name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:p':
          if (paragraph) {
            const joined = paragraph.join('');
            if (tableDepth > 0 && cell) cell.texts.push(joined);
            else if (tableDepth === 0) {
              for (const line of joined.split('\n')) {
                const clean = paragraphText(line);
                if (clean !== '') blocks.push({ kind: 'paragraph', text: clean });
              }
            }
          }
          paragraph = null;
          break;
        case 'w:tc':
          if (tableDepth === 1 && cell && row) row.push(cell);
          if (tableDepth === 1) cell = null;
          break;
        case 'w:tr':
          if (tableDepth === 1 && row) rows.push(row);
          if (tableDepth === 1) row = null;
          break;
        case 'w:tbl':
          tableDepth--;
          if (tableDepth === 0) {
            if (rows.length > 0) blocks.push({ kind: 'table', rows: mergedRows(rows) });
            rows = [];
          }
          break;
      }
      continue;
    }
    switch (name) {
      case 'w:tbl':
        if (!selfClosing) tableDepth++;
        break;
      case 'w:tr':
        if (tableDepth === 1 && !selfClosing) row = [];
        break;
      case 'w:tc':
        if (tableDepth === 1 && !selfClosing) cell = { texts: [], gridSpan: 1, vMerge: 'none', column: 0 };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) {
          const span = Number.parseInt(attribute(attributes, 'w:val') ?? '1', 10);
          cell.gridSpan = Number.isFinite(span) && span >= 1 ? Math.min(span, 64) : 1;
        }
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) cell.vMerge = attribute(attributes, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        // A paragraph inside a text box inside a paragraph continues the outer one.
        if (!selfClosing && paragraph === null) paragraph = [];
        break;
      case 'w:t':
        if (!selfClosing) inText = true;
        break;
      case 'w:tab':
        if (paragraph && skipDepth === 0) paragraph.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph && skipDepth === 0) paragraph.push('\n');
        break;
    }
  }
  return blocks;
}

/** A `.docx`'s paragraphs and tables, or why it cannot be read. */
export function docxBlocks(bytes: Uint8Array): DocxBlocksResult {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) return { ok: false, reason: 'notZip' };
  let directory: ReturnType<typeof centralDirectory>;
  try {
    directory = centralDirectory(bytes);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (typeof directory === 'string') return { ok: false, reason: 'damaged' };
  const entry = directory.find((candidate) => candidate.name === 'word/document.xml');
  if (!entry) return { ok: false, reason: 'notWord' };
  const part = inflateEntry(bytes, entry, MAX_DOCUMENT_XML_BYTES, { inflated: 0 });
  if (!part.ok) return { ok: false, reason: part.kind };
  const xml = new TextDecoder('utf-8').decode(part.bytes);
  return { ok: true, blocks: documentXmlBlocks(xml) };
}
