/**
 * Turns a statutory table template into a docx `Table`: the physical rows and merges come from
 * `layoutTable(table)` (spec §3/§4, the same grid the screen shows), the labels from the template, the
 * numbers from the draft. Nothing here knows a label.
 *
 * Word, WPS and LibreOffice each read widths from a different place (engineering guide §2b: WPS takes
 * `w:tblGrid`, Word favours `w:tblW` and cell widths, LibreOffice wants them explicit), so every one is
 * written: `columnWidths` (grid), the table width, each cell's width (the sum of the grid columns it spans)
 * and a fixed layout.
 */
import {
  AlignmentType,
  BorderStyle,
  type IParagraphOptions,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { CellValues } from '../domain/draft-types.ts';
import { layoutTable, printedCellValue, printedLabel, type LayoutCell, type LayoutRow } from '../domain/table-layout.ts';
import type { TableTemplate } from '../domain/template-types.ts';
import {
  CELL_MARGIN_X,
  CELL_MARGIN_Y,
  SIZE_XIAOWU,
  TABLE_BORDER_SIZE,
  TEXT_WIDTH,
  labelColumnWidth,
  numberColumnWidth,
  tableFontSize,
  tableLineHeight,
} from './typography.ts';
import { cleanText } from '../domain/report-text.ts';
import { balancedLines, displayWidth, ordinalPrefix, stackedLines } from './text.ts';

/**
 * Splits `total` twips over the template's column weights, rounding so that the columns add up exactly
 * (largest remainder), since a grid a few twips wider than the text block overflows the margin in WPS.
 */
export function columnWidths(table: TableTemplate, total: number = TEXT_WIDTH): number[] {
  const weights = table.columnWeights;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const widths = exact.map(Math.floor);
  let rest = total - widths.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    widths[i]! += 1;
    rest -= 1;
  }
  return widths;
}

/** Width of the narrowest grid column that holds numbers (label columns may be narrow on purpose). */
function narrowestValueColumn(table: TableTemplate, widths: readonly number[]): number {
  const valueColumns = widths.slice(table.labelColumns);
  return Math.min(...(valueColumns.length > 0 ? valueColumns : widths));
}

export interface TablePrintLayout {
  /** Grid column widths, twips, adding up to the text block's width. */
  readonly widths: readonly number[];
  /** Run size, half-points. */
  readonly fontSize: number;
}

/**
 * Widths and font of a printed table.
 *
 * A table whose rows are nested groups (table 三: `三、本年度办理结果` › `（三）不予公开` › `1.属于国家秘密`, i.e. more
 * than one label column) has labels of up to 20 characters beside seven number columns: weighted widths leave
 * the labels too narrow (they broke leaving one or two characters on a line) and the numbers too narrow
 * for seven digits. It is set in 小五 (spec §8.4 allows 五号 or 小五), every number column as wide as seven
 * digits, the outermost group column one character wide (`三、本年度办理结果` runs down its 22-row cell one
 * character a line, 竖排), each inner group column as wide as its groups' ordinals (`（三）`, the rest below
 * it), and the innermost label column gets the rest, 13 characters, which holds every row label of the format
 * on one line but the longest few (balanced over two or three). Other tables keep the template's weights.
 */
export function tablePrintLayout(table: TableTemplate, total: number = TEXT_WIDTH): TablePrintLayout {
  if (table.labelColumns < 2) {
    const widths = columnWidths(table, total);
    return { widths, fontSize: tableFontSize(narrowestValueColumn(table, widths)) };
  }
  const fontSize = SIZE_XIAOWU;
  const ordinalChars = Array.from({ length: table.labelColumns - 1 }, () => 1);
  for (const row of layoutTable(table)) {
    for (const cell of row.cells) {
      if (cell.kind !== 'label' || cell.role !== 'rowHeader' || cell.rowSpan < 2 || cell.colSpan !== 1) continue;
      if (cell.gridColumn === 0 || cell.gridColumn >= ordinalChars.length) continue;
      ordinalChars[cell.gridColumn] = Math.max(ordinalChars[cell.gridColumn]!, displayWidth(ordinalPrefix(cell.text)));
    }
  }
  const groupWidths = ordinalChars.map((chars) => labelColumnWidth(chars, fontSize));
  const valueWidths = Array.from({ length: table.gridColumns - table.labelColumns }, () => numberColumnWidth(fontSize));
  const innermost = total - [...groupWidths, ...valueWidths].reduce((a, b) => a + b, 0);
  // A block too narrow for that (not the A4 portrait page) keeps the weights rather than squeezing the labels.
  if (innermost < 2 * numberColumnWidth(fontSize)) return { widths: columnWidths(table, total), fontSize };
  return { widths: [...groupWidths, innermost, ...valueWidths], fontSize };
}

function cellText(cell: LayoutCell, values: CellValues): string {
  if (cell.kind === 'label') return printedLabel(cell);
  // Untouched (null) stays empty; it is never printed as 0 (spec §A.4).
  return printedCellValue(cell.cell, values[cell.cell.key] ?? null);
}

/**
 * The lines of a cell. Header and row labels are broken evenly for their width, so that no line is left
 * with one or two characters, and vertical group labels are stacked (the characters themselves are the
 * template's); numbers, captions and the corner note wrap where the reader wraps them. Table runs are not
 * condensed (see `buildTable`), so a character is exactly the font size wide.
 */
function cellLines(cell: LayoutCell, values: CellValues, width: number, fontSize: number): string[] {
  const text = cleanText(cellText(cell, values));
  if (cell.kind !== 'label') return [text];
  const indent = cell.indent ? cell.indent * fontSize * 10 : 0;
  const capacity = Math.floor((width - 2 * CELL_MARGIN_X - indent) / (fontSize * 10));
  if (cell.role === 'columnHeader') return balancedLines(text, capacity);
  if (cell.role === 'rowHeader') return cell.rowSpan > 1 ? stackedLines(text, capacity) : balancedLines(text, capacity);
  return [text];
}

/** Row labels are left-aligned (spec §8.4), except vertical group labels; everything else is centred. */
function cellAlignment(cell: LayoutCell): (typeof AlignmentType)[keyof typeof AlignmentType] {
  if (cell.kind === 'label' && cell.role === 'rowHeader' && cell.rowSpan === 1) return AlignmentType.LEFT;
  return AlignmentType.CENTER;
}

/**
 * The outermost group of a table with nested groups (table 三's `三、本年度办理结果`, 22 rows) may break across
 * pages. Its label is set from the top of its cell: LibreOffice centres a merged cell's text over the whole
 * merge, so the part after a page break ran past the bottom of the cell into the next row.
 */
function breaksAcrossPages(table: TableTemplate, cell: LayoutCell): boolean {
  return table.repeatHeader && cell.kind === 'label' && cell.role === 'rowHeader' && cell.rowSpan > 1 && cell.gridColumn === 0 && table.labelColumns > 1;
}

/**
 * Rows to keep with the next one (keep-with-next on their paragraphs, Word's way of holding rows together):
 * header rows stay with the first data row, and a nested group such as `（三）不予公开` stays on one page.
 * The outermost group (`三、本年度办理结果`, 22 rows) may break, so table 三 breaks between data rows
 * (spec §8.4).
 */
function keptRows(table: TableTemplate, layout: readonly LayoutRow[]): boolean[] {
  // A table without repeated headers (table 二: four small parts, each with its own caption and header) is
  // kept on one page as a whole, so no part is cut off from its header.
  if (!table.repeatHeader) return layout.map((_row, i) => i < layout.length - 1);
  const keep = layout.map((row) => row.header);
  layout.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      if (cell.kind !== 'label' || cell.role !== 'rowHeader' || cell.rowSpan < 2) continue;
      if (cell.gridColumn === 0 && table.labelColumns > 1) continue;
      for (let r = rowIndex; r < rowIndex + cell.rowSpan - 1; r++) keep[r] = true;
    }
  });
  return keep;
}

export interface BuiltTable {
  readonly table: Table;
  /** The grid, for tests and for the landscape decision. */
  readonly widths: readonly number[];
  /** Run size used in the table, half-points. */
  readonly fontSize: number;
}

/**
 * The docx table for one statutory table. `values` must already hold the computed totals
 * (`computeTotals`); `total` is the width of the text block the table fills.
 */
export function buildTable(table: TableTemplate, values: CellValues, total: number = TEXT_WIDTH): BuiltTable {
  const { widths, fontSize } = tablePrintLayout(table, total);
  const line = tableLineHeight(fontSize);
  const layout: LayoutRow[] = layoutTable(table);

  const keepWithNext = keptRows(table, layout);
  // Only the leading run of header rows repeats on each page (w:tblHeader must start at the first row).
  let leadingHeader = table.repeatHeader;
  // The cells a merged cell covers in the rows below it. They are written here, not left to docx (which
  // inserts them for `rowSpan` with a bare paragraph), so that their paragraphs keep with the next row too:
  // LibreOffice keeps a row with the next only when every paragraph in it says so.
  const covered: { gridColumn: number; colSpan: number }[][] = layout.map(() => []);
  layout.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      for (let r = rowIndex + 1; r < rowIndex + cell.rowSpan && r < layout.length; r++) covered[r]!.push({ gridColumn: cell.gridColumn, colSpan: cell.colSpan });
    }
  });
  const spanWidth = (gridColumn: number, colSpan: number): number => {
    let width = 0;
    for (let c = gridColumn; c < gridColumn + colSpan; c++) width += widths[c] ?? 0;
    return width;
  };
  const cellParagraph = (rowIndex: number, alignment: ReturnType<typeof cellAlignment>, extra: Partial<IParagraphOptions> = {}) =>
    new Paragraph({
      alignment,
      spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext: keepWithNext[rowIndex] ?? false,
      ...extra,
    });

  const rows = layout.map((row, rowIndex) => {
    leadingHeader = leadingHeader && row.header && row.partIndex === 0;
    const cells = row.cells.map((cell) => {
      const width = spanWidth(cell.gridColumn, cell.colSpan);
      return {
        gridColumn: cell.gridColumn,
        cell: new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
          ...(cell.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          verticalAlign: breaksAcrossPages(table, cell) ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          children: [
            cellParagraph(rowIndex, cellAlignment(cell), {
              // A sub-item of a list table is indented by whole characters of the table's font (twips = half-points × 10).
              indent: { firstLine: 0, firstLineChars: 0, ...(cell.kind === 'label' && cell.indent ? { left: cell.indent * fontSize * 10 } : {}) },
              children: cellLines(cell, values, width, fontSize).map(
                // Not condensed like body text (characterSpacing 0 over the document default): the widths above
                // count characters of exactly the font size.
                (text, i) => new TextRun({ text, size: fontSize, characterSpacing: 0, ...(i > 0 ? { break: 1 } : {}) }),
              ),
            }),
          ],
        }),
      };
    });
    const continued = covered[rowIndex]!.map(({ gridColumn, colSpan }) => ({
      gridColumn,
      cell: new TableCell({
        width: { size: spanWidth(gridColumn, colSpan), type: WidthType.DXA },
        ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
        verticalMerge: VerticalMergeType.CONTINUE,
        verticalAlign: VerticalAlignTable.TOP,
        children: [cellParagraph(rowIndex, AlignmentType.CENTER)],
      }),
    }));
    return new TableRow({
      tableHeader: leadingHeader,
      // A label that wraps over several lines stays on one page; the table still breaks between rows.
      cantSplit: true,
      children: [...cells, ...continued].sort((a, b) => a.gridColumn - b.gridColumn).map(({ cell }) => cell),
    });
  });

  const border = { style: BorderStyle.SINGLE, size: TABLE_BORDER_SIZE, color: '000000' };
  return {
    widths,
    fontSize,
    table: new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: { left: CELL_MARGIN_X, right: CELL_MARGIN_X, top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    }),
  };
}
