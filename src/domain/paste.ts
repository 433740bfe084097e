/**
 * Reads the plain text a spreadsheet puts on the clipboard (Excel, WPS, LibreOffice, Word tables):
 * cells separated by tabs, rows by CRLF or LF, one trailing row terminator. A cell that contains a tab,
 * a line break or a quote is written in double quotes with inner quotes doubled, as Excel emits it.
 * Values are returned as text, untouched; the grid parses each with `parseCellInput`.
 */

/** Drops exactly one trailing row terminator: Excel ends every copied block with CRLF. */
function withoutTrailingNewline(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

/**
 * Splits clipboard text into rows of cells. `''` gives `[]`. Rows may differ in length (a row of empty
 * trailing cells is kept as it was copied).
 */
export function parseTabularText(text: string): string[][] {
  const source = withoutTrailingNewline(text);
  if (source === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  const length = source.length;

  const endRow = (): void => {
    rows.push(row);
    row = [];
  };

  while (index <= length) {
    // At the start of a cell.
    if (source[index] === '"') {
      const quoted = readQuoted(source, index);
      if (quoted) {
        row.push(quoted.value);
        index = quoted.end;
        if (index >= length) {
          endRow();
          break;
        }
        const separator = source[index];
        if (separator === '\t') {
          index += 1;
          continue;
        }
        // `quoted.end` only stops before a tab, a line break or the end.
        index += source.startsWith('\r\n', index) ? 2 : 1;
        endRow();
        continue;
      }
    }
    // An unquoted cell (or a quote that does not close properly, read literally) runs to the next tab or line break.
    let end = index;
    while (end < length && source[end] !== '\t' && source[end] !== '\n' && source[end] !== '\r') end += 1;
    row.push(source.slice(index, end));
    if (end >= length) {
      endRow();
      break;
    }
    if (source[end] === '\t') {
      index = end + 1;
      if (index === length) {
        // A trailing tab means one more, empty cell.
        row.push('');
        endRow();
        break;
      }
      continue;
    }
    index = end + (source.startsWith('\r\n', end) ? 2 : 1);
    endRow();
    if (index === length) {
      // An empty last line after an inner newline (text ended with two terminators): an empty row.
      rows.push(['']);
      break;
    }
  }
  return rows;
}

/**
 * A quoted cell starting at `start` (which holds `"`): returns its unescaped value and the index just
 * after the closing quote, or null when the quote does not close right before a tab, line break or the end.
 */
function readQuoted(source: string, start: number): { value: string; end: number } | null {
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === '"') {
      if (source[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      const next = source[index + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { value, end: index + 1 };
      return null;
    }
    value += char;
    index += 1;
  }
  return null;
}

/**
 * Whether pasted text is a block for the grid (more than one cell) rather than one value the browser may
 * paste into the focused input itself.
 */
export function isTabularBlock(text: string): boolean {
  const rows = parseTabularText(text);
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}

// ---------------------------------------------------------------------------------------------------
// Blocks copied with their labels
//
// A block copied from a spreadsheet version of a statutory table often carries its header rows
// (申请人情况 / 自然人 …) above the numbers and its row labels (（三）不予公开 / 1.属于国家秘密 …) to their
// left. Pasted by position, every number would land one row and one column off. `alignLabelledBlock`
// recognises those labels, so that the grid can place each number by the names of its row and column.

/** A row or column of the table a label may name: its key and its label path (parents first). */
export interface LabelTarget {
  readonly key: string;
  readonly path: readonly string[];
}

export interface AlignedBlock {
  /** The numbers: the block without its header rows and label columns. */
  readonly values: readonly (readonly string[])[];
  /** Leading rows that held only text (column headings), and leading columns likewise (row labels). */
  readonly headerRows: number;
  readonly labelColumns: number;
  /**
   * Target row key of each row of `values` (null: its label matched nothing, the row is skipped), or
   * null when rows are placed by position (no label column, or none of its labels matched).
   */
  readonly rowKeys: readonly (string | null)[] | null;
  /** Likewise for the columns of `values`. */
  readonly columnKeys: readonly (string | null)[] | null;
  /** Labels of rows and columns that hold values but matched nothing (their values are not pasted). */
  readonly unmatchedRows: readonly string[];
  readonly unmatchedColumns: readonly string[];
}

const EDGE_BLANKS = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g;
/** What a cell of numbers may hold: digits (any width), separators, signs, decimal points, "none" marks. */
const NUMBER_LIKE = /^[\d０-９,，.．。+＋\-－−﹣‐‑\s\u00a0\u3000]+(万元|万|元|件|个|项|次)?$/;
const NONE_LIKE = new Set(['/', '／', '-', '－', '—', '——', '–', '无', '空', '\\', '×', '*', '－－', '--']);

/** A label (text), as opposed to a number, a "none" mark or a blank. */
function isLabelText(raw: string): boolean {
  const text = raw.replace(EDGE_BLANKS, '');
  return text !== '' && !NUMBER_LIKE.test(text) && !NONE_LIKE.has(text);
}

/** The numbering prefixes of statutory labels: 一、 （一） (1) 1. 1、 ① … (after NFKC folding). */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、)]|[①-⑳])/u;

/**
 * A label as compared: full-width folded to half-width (NFKC), spaces removed, leading numbering
 * dropped, a trailing colon dropped. `（一）予以公开` and `1. 予以公开` both read `予以公开`.
 */
export function normaliseLabel(label: string): string {
  let text = label.normalize('NFKC').replace(/\s+/gu, '');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(NUMBERING, '');
  }
  return text.replace(/[:：]$/u, '');
}

interface PastedLabel {
  /** The label nearest the numbers: the lowest header cell of a column, the rightmost label of a row. */
  readonly leaf: string;
  /** The other label texts of the row or column (parents), for telling apart equal leaves. */
  readonly context: readonly string[];
  /** As shown to the clerk. */
  readonly text: string;
}

/** How well a pasted label names a target: 3 exact, 2 one a prefix of the other, 1 the path ends with it, 0 no. */
function matchScore(label: PastedLabel, target: { leaf: string; path: string }): number {
  const leaf = normaliseLabel(label.leaf);
  if (leaf === '') return 0;
  if (target.leaf === leaf) return 3;
  if (leaf.length >= 2 && (target.leaf.startsWith(leaf) || leaf.startsWith(target.leaf))) return 2;
  return target.path.endsWith(leaf) ? 1 : 0;
}

/**
 * Assigns each pasted label a target, best match first; among equally good ones the context (parent
 * labels) decides, then table order: the first unused target after the previous match (spreadsheets keep
 * the statutory order, so the second `总计` of table 四 is the second group's).
 */
function matchLabels(labels: readonly (PastedLabel | null)[], targets: readonly LabelTarget[]): (string | null)[] {
  const prepared = targets.map((target) => ({
    key: target.key,
    leaf: normaliseLabel(target.path[target.path.length - 1] ?? ''),
    path: target.path.map(normaliseLabel).join(''),
  }));
  const used = new Set<number>();
  let cursor = 0;
  return labels.map((label) => {
    if (!label) return null;
    let best = -1;
    let bestRank = -1;
    prepared.forEach((target, index) => {
      if (used.has(index)) return;
      const score = matchScore(label, target);
      if (score === 0) return;
      const context = label.context.filter((text) => {
        const normalised = normaliseLabel(text);
        return normalised !== '' && target.path.includes(normalised);
      }).length;
      // Score first, then context, then "after the previous match" over "before it".
      const rank = score * 1000 + Math.min(context, 9) * 100 + (index >= cursor ? 50 : 0);
      if (rank > bestRank) {
        bestRank = rank;
        best = index;
      }
    });
    if (best === -1) return null;
    used.add(best);
    cursor = best + 1;
    return prepared[best]!.key;
  });
}

function cellAt(block: readonly (readonly string[])[], row: number, column: number): string {
  return block[row]?.[column] ?? '';
}

/**
 * Finds the header rows and label columns of a pasted block and matches their labels against the
 * table's rows and columns (`rowTargets`, `columnTargets`). An axis whose labels match nothing is placed by
 * position (its keys null), so a block with unrelated headings still pastes as it did without them.
 */
export function alignLabelledBlock(
  block: readonly (readonly string[])[],
  rowTargets: readonly LabelTarget[],
  columnTargets: readonly LabelTarget[],
): AlignedBlock {
  const width = block.reduce((max, row) => Math.max(max, row.length), 0);
  const isNumberish = (raw: string) => raw.replace(EDGE_BLANKS, '') !== '' && !isLabelText(raw);

  // Header rows: leading rows with text and no number. At least one row with a number must remain.
  let headerRows = 0;
  while (headerRows < block.length && block[headerRows]!.some(isLabelText) && !block[headerRows]!.some(isNumberish)) headerRows += 1;
  if (headerRows === block.length) headerRows = 0;

  // Label columns: leading columns whose body cells hold text and no number.
  let labelColumns = 0;
  const body = block.slice(headerRows);
  const columnIs = (column: number, test: (raw: string) => boolean) => body.some((row) => test(row[column] ?? ''));
  while (labelColumns < width && columnIs(labelColumns, isLabelText) && !columnIs(labelColumns, isNumberish)) labelColumns += 1;
  if (labelColumns === width) labelColumns = 0;

  const values = body.map((row) => row.slice(labelColumns));
  const hasValue = (cells: readonly string[]) => cells.some((raw) => raw.replace(EDGE_BLANKS, '') !== '');

  let rowKeys: (string | null)[] | null = null;
  const unmatchedRows: string[] = [];
  if (labelColumns > 0) {
    const labels = body.map((row): PastedLabel | null => {
      const texts = row.slice(0, labelColumns).map((raw) => raw.replace(EDGE_BLANKS, '')).filter((text) => text !== '');
      if (texts.length === 0) return null;
      return { leaf: texts[texts.length - 1]!, context: texts.slice(0, -1), text: texts.join(' ') };
    });
    const keys = matchLabels(labels, rowTargets);
    if (keys.some((key) => key !== null)) {
      rowKeys = keys;
      keys.forEach((key, index) => {
        if (key === null && hasValue(values[index]!)) unmatchedRows.push(labels[index]?.text ?? `第 ${headerRows + index + 1} 行（没有名称）`);
      });
    }
  }

  let columnKeys: (string | null)[] | null = null;
  const unmatchedColumns: string[] = [];
  if (headerRows > 0) {
    const valueWidth = Math.max(0, width - labelColumns);
    const labels = Array.from({ length: valueWidth }, (_, index): PastedLabel | null => {
      const column = labelColumns + index;
      const texts: string[] = [];
      for (let row = 0; row < headerRows; row += 1) {
        const text = cellAt(block, row, column).replace(EDGE_BLANKS, '');
        // WPS repeats a merged heading in every cell it covers; once is enough.
        if (text !== '' && texts[texts.length - 1] !== text) texts.push(text);
      }
      if (texts.length === 0) return null;
      return { leaf: texts[texts.length - 1]!, context: texts.slice(0, -1), text: texts.join(' ') };
    });
    const keys = matchLabels(labels, columnTargets);
    if (keys.some((key) => key !== null)) {
      columnKeys = keys;
      keys.forEach((key, index) => {
        if (key === null && hasValue(values.map((row) => row[index] ?? ''))) {
          unmatchedColumns.push(labels[index]?.text ?? `第 ${labelColumns + index + 1} 列（没有名称）`);
        }
      });
    }
  }

  return { values, headerRows, labelColumns, rowKeys, columnKeys, unmatchedRows, unmatchedColumns };
}
