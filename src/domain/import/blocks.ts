/**
 * What an imported report is read from, whatever its file: the document as a sequence of paragraphs and
 * tables. A saved web page, HTML pasted from the clipboard and a Word file are each turned into these
 * blocks (./html-blocks.ts, ./docx-blocks.ts), and one reader (./read-report.ts) makes a draft of them.
 */

/** A table cell as printed: its text and how many rows and columns it is merged over. */
export interface SourceCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: readonly (readonly SourceCell[])[] };

/** A physical cell placed on the grid: the same object at every grid position it covers. */
export interface GridCell {
  readonly text: string;
  /** First grid row and column it covers. */
  readonly row: number;
  readonly column: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** Widest and longest spans honoured; HTML caps colspan at 1000, but no report table is wider than 20. */
const MAX_COL_SPAN = 64;
const MAX_GRID_COLUMNS = 256;
/** Grid positions filled at most: a report's three tables have about 600; hostile spans stop here. */
const MAX_GRID_POSITIONS = 200_000;

/**
 * The table as a grid of rows × columns, merged cells resolved: each position holds the cell covering
 * it (or null where a ragged row leaves a hole). Follows the HTML table model: a cell goes to the first
 * free column of its row, a rowspan reserves the columns below it.
 */
export function tableGrid(rows: readonly (readonly SourceCell[])[]): (GridCell | null)[][] {
  const grid: (GridCell | null)[][] = rows.map(() => []);
  let filled = 0;
  rows.forEach((cells, rowIndex) => {
    const line = grid[rowIndex]!;
    let column = 0;
    for (const source of cells) {
      while (line[column] !== undefined && line[column] !== null) column++;
      if (column >= MAX_GRID_COLUMNS) break;
      const colSpan = Math.min(Math.max(1, source.colSpan), MAX_COL_SPAN, MAX_GRID_COLUMNS - column);
      const rowSpan = Math.min(Math.max(1, source.rowSpan), rows.length - rowIndex);
      if ((filled += colSpan * rowSpan) > MAX_GRID_POSITIONS) break;
      const cell: GridCell = { text: source.text, row: rowIndex, column, colSpan, rowSpan };
      for (let r = rowIndex; r < rowIndex + rowSpan; r++) {
        const target = grid[r]!;
        for (let c = column; c < column + colSpan; c++) {
          // An overlap (a rowspan crossing a later colspan) keeps the earlier cell, as browsers do.
          if (target[c] === undefined || target[c] === null) target[c] = cell;
        }
      }
      column += colSpan;
    }
  });
  let width = 0;
  for (const line of grid) width = Math.max(width, line.length);
  return grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
}

/** Whitespace of every kind a Word export or a CMS pads with: spaces, &nbsp;, U+3000, zero-width marks. */
const ALL_SPACE = /[\s\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/g;

/** A cell's text with every space removed: `2 0` split across tags is 20, `（三）<br>不予<br>公开` one label. */
export function cellText(raw: string): string {
  return raw.replace(ALL_SPACE, '');
}

const CJK_OR_FULL_WIDTH = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f“”‘’、]';
const SPACE_BEFORE_CJK = new RegExp(` (?=${CJK_OR_FULL_WIDTH})`, 'g');
const SPACE_AFTER_CJK = new RegExp(`(?<=${CJK_OR_FULL_WIDTH}) `, 'g');

/**
 * A paragraph's text: runs of whitespace become one space, and spaces beside Chinese characters go
 * (a page's source breaks lines inside sentences; Chinese has no spaces between words).
 */
export function paragraphText(raw: string): string {
  return raw.replace(ALL_SPACE, ' ').replace(SPACE_BEFORE_CJK, '').replace(SPACE_AFTER_CJK, '').trim();
}
