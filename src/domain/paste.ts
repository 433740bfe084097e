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
