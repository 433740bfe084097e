/**
 * Derives from a table template (a column tree crossed with a row tree, per matrix part):
 * - the list of data cells with their dotted keys, labels and value types (`tableCells`);
 * - the physical grid with merged cells, the same for the screen and for Word (`layoutTable`).
 *
 * The merge rules reproduce spec §3/§4: a header node spans its leaves horizontally and, when it is a
 * leaf above the deepest header row, spans down to the last header row (vMerge); a row-label node spans
 * its leaves vertically and, when it is a leaf above the deepest label column, spans the remaining label
 * columns (gridSpan).
 */
import { formatCellValue } from './cell-input.ts';
import type { ColumnNode, MatrixPart, RowNode, TableKey, TableTemplate, ValueType } from './template-types.ts';

export interface CellInfo {
  /** Full dotted key, e.g. `applications.denied.stateSecret.naturalPerson` (spec §A). */
  readonly key: string;
  readonly table: TableKey;
  readonly partIndex: number;
  /** Dotted key path of the row inside its table, e.g. `denied.stateSecret`; empty for table 四. */
  readonly rowKey: string;
  /** Dotted key path of the column, e.g. `naturalPerson` or `litigationDirect.total`. */
  readonly columnKey: string;
  /** Labels of the keyed row nodes on the path, e.g. `（三）不予公开 1.属于国家秘密`. */
  readonly rowLabel: string;
  /** Labels of the keyed column nodes on the path, e.g. `未经复议直接起诉 结果纠正`. */
  readonly columnLabel: string;
  /** Short name of the row for check messages, e.g. `本年新收`. */
  readonly rowShortLabel: string;
  /** Short name of the column for check messages, e.g. `自然人`. */
  readonly columnShortLabel: string;
  readonly valueType: ValueType;
  /** Computed by the app from other cells; read-only on screen. */
  readonly computed: boolean;
  /** Article of the 条例 behind the row, when known. */
  readonly legalBasis?: string;
}

/** Accessible name of a cell's input: row label then column label (issue: `行政复议 结果维持`). */
export function cellAccessibleName(cell: CellInfo): string {
  return [cell.rowLabel, cell.columnLabel].filter((part) => part !== '').join(' ');
}

interface Leaf<N> {
  readonly node: N;
  /** Nodes from the root down to and including the leaf. */
  readonly path: readonly N[];
}

function leaves<N extends { readonly children?: readonly N[] }>(nodes: readonly N[], path: readonly N[] = []): Leaf<N>[] {
  return nodes.flatMap((node) => {
    const here = [...path, node];
    return node.children && node.children.length > 0 ? leaves(node.children, here) : [{ node, path: here }];
  });
}

function keyPath(path: readonly { readonly key?: string }[]): string {
  return path.flatMap((node) => (node.key ? [node.key] : [])).join('.');
}

function labelPath(path: readonly { readonly key?: string; readonly label: string }[]): string {
  return path
    .filter((node) => node.key !== undefined && node.label !== '')
    .map((node) => node.label)
    .join(' ');
}

function shortLabelPath(path: readonly { readonly key?: string; readonly label: string; readonly shortLabel?: string }[]): string {
  const leaf = path[path.length - 1];
  if (!leaf) return '';
  if (leaf.shortLabel) return leaf.shortLabel;
  // A leaf without a short label is named by its keyed ancestors as well (未经复议直接起诉 结果维持).
  return labelPath(path);
}

/** Leaf columns of a part, in order, with their key paths. */
export function partColumns(part: MatrixPart): Leaf<ColumnNode>[] {
  return leaves(part.columns);
}

/** Leaf rows of a part that hold figures, in order, with their key paths (`noFigure` heading rows left out). */
export function partRows(part: MatrixPart): Leaf<RowNode>[] {
  return leaves(part.rows).filter((row) => !row.node.noFigure);
}

/** The first grid column of a part's data: after the row labels and, when the part has one, the unit column. */
function firstDataColumn(table: TableTemplate, part: MatrixPart): number {
  return table.labelColumns + (part.unitColumn !== undefined ? 1 : 0);
}

/** Printed in the unit column of a row that holds no figure (the provincial tables' own mark). */
export const NO_FIGURE_MARK = '——';

/** Every data cell of a table, part by part, row by row, column by column. */
export function tableCells(table: TableTemplate): CellInfo[] {
  return table.parts.flatMap((part, partIndex) =>
    partRows(part).flatMap((row) =>
      partColumns(part).map((column): CellInfo => {
        const rowKey = keyPath(row.path);
        const columnKey = keyPath(column.path);
        const legalBasis = row.node.legalBasis;
        return {
          key: [table.key, rowKey, columnKey].filter((segment) => segment !== '').join('.'),
          table: table.key,
          partIndex,
          rowKey,
          columnKey,
          rowLabel: labelPath(row.path),
          columnLabel: labelPath(column.path),
          rowShortLabel: shortLabelPath(row.path),
          columnShortLabel: shortLabelPath(column.path),
          valueType: row.node.valueType ?? column.node.valueType ?? part.valueType,
          computed: Boolean(row.node.computed || column.node.computed),
          ...(legalBasis ? { legalBasis } : {}),
        };
      }),
    ),
  );
}

export type LayoutCell =
  | {
      readonly kind: 'label';
      /**
       * caption: 第二十条第（X）项 rows; corner: top-left; columnHeader / rowHeader: tree labels; unit: a
       * row's unit (条, 次 …, or `——` for a row without figure); noFigure: the empty value place of such a row.
       */
      readonly role: 'caption' | 'corner' | 'columnHeader' | 'rowHeader' | 'unit' | 'noFigure';
      readonly text: string;
      /** First physical grid column (0-based). */
      readonly gridColumn: number;
      readonly colSpan: number;
      readonly rowSpan: number;
      /** Characters a row label is indented by (`RowNode.indent`); absent for none. */
      readonly indent?: number;
      /**
       * Unit of the figures below a column header whose statutory label does not state it (the 2019 format's
       * `采购总金额`, stored in 万元): printed after the label, `采购总金额（万元）`, see {@link printedLabel}.
       */
      readonly unit?: string;
    }
  | {
      readonly kind: 'value';
      readonly cell: CellInfo;
      readonly gridColumn: number;
      readonly colSpan: number;
      readonly rowSpan: 1;
    };

export interface LayoutRow {
  /** Header rows (caption, corner and column headers) as opposed to data rows. */
  readonly header: boolean;
  readonly partIndex: number;
  /**
   * The cells that start in this row, left to right. Positions covered by a `rowSpan` from a row above
   * are omitted, as in HTML; `gridColumn` tells where each cell starts.
   */
  readonly cells: readonly LayoutCell[];
}

function leafSpan(node: ColumnNode): number {
  return node.children && node.children.length > 0
    ? node.children.reduce((sum, child) => sum + leafSpan(child), 0)
    : (node.span ?? 1);
}

function depth<N extends { readonly children?: readonly N[] }>(nodes: readonly N[]): number {
  return nodes.reduce((max, node) => Math.max(max, 1 + (node.children ? depth(node.children) : 0)), 0);
}

function countLeaves<N extends { readonly children?: readonly N[] }>(node: N): number {
  return node.children && node.children.length > 0 ? node.children.reduce((sum, child) => sum + countLeaves(child), 0) : 1;
}

function headerRows(table: TableTemplate, part: MatrixPart, partIndex: number): LayoutRow[] {
  const rows: LayoutRow[] = [];
  if (part.caption !== undefined) {
    rows.push({
      header: true,
      partIndex,
      cells: [{ kind: 'label', role: 'caption', text: part.caption, gridColumn: 0, colSpan: table.gridColumns, rowSpan: 1 }],
    });
  }
  const headerDepth = depth(part.columns);
  const levels: LayoutCell[][] = Array.from({ length: headerDepth }, () => []);
  if (table.labelColumns > 0) {
    levels[0]!.push({
      kind: 'label',
      role: 'corner',
      text: part.corner ?? '',
      gridColumn: 0,
      colSpan: table.labelColumns,
      rowSpan: headerDepth,
    });
  }
  const place = (nodes: readonly ColumnNode[], level: number, startColumn: number): void => {
    let column = startColumn;
    for (const node of nodes) {
      const span = leafSpan(node);
      const isLeaf = !node.children || node.children.length === 0;
      const amount = isLeaf && (node.valueType ?? part.valueType) === 'amount' && !node.label.includes(AMOUNT_UNIT);
      levels[level]!.push({
        kind: 'label',
        role: 'columnHeader',
        text: node.label,
        gridColumn: column,
        colSpan: span,
        rowSpan: isLeaf ? headerDepth - level : 1,
        ...(amount ? { unit: AMOUNT_UNIT } : {}),
      });
      if (!isLeaf) place(node.children!, level + 1, column);
      column += span;
    }
  };
  if (part.unitColumn !== undefined) {
    levels[0]!.push({
      kind: 'label',
      role: 'columnHeader',
      text: part.unitColumn,
      gridColumn: table.labelColumns,
      colSpan: 1,
      rowSpan: headerDepth,
    });
  }
  place(part.columns, 0, firstDataColumn(table, part));
  for (const cells of levels) rows.push({ header: true, partIndex, cells });
  return rows;
}

function bodyRows(table: TableTemplate, part: MatrixPart, partIndex: number, cells: readonly CellInfo[]): LayoutRow[] {
  const columns = partColumns(part);
  const partCells = cells.filter((cell) => cell.partIndex === partIndex);
  const rows: LayoutRow[] = [];
  /** Rows that hold figures so far: the index of the next row's cells in `partCells`. */
  let figureRows = 0;
  const walk = (nodes: readonly RowNode[], level: number, pending: LayoutCell[]): void => {
    for (const node of nodes) {
      const isLeaf = !node.children || node.children.length === 0;
      const label: LayoutCell[] =
        table.labelColumns > 0
          ? [
              {
                kind: 'label',
                role: 'rowHeader',
                text: node.label,
                gridColumn: level,
                colSpan: isLeaf ? table.labelColumns - level : 1,
                rowSpan: countLeaves(node),
                ...(node.indent ? { indent: node.indent } : {}),
              },
            ]
          : [];
      if (!isLeaf) {
        // The group label starts on the row of its first leaf.
        walk(node.children!, level + 1, [...pending, ...label]);
      } else {
        const unit: LayoutCell[] =
          part.unitColumn !== undefined
            ? [
                {
                  kind: 'label',
                  role: 'unit',
                  text: node.noFigure ? NO_FIGURE_MARK : (node.unit ?? ''),
                  gridColumn: table.labelColumns,
                  colSpan: 1,
                  rowSpan: 1,
                },
              ]
            : [];
        let gridColumn = firstDataColumn(table, part);
        const rowIndex = figureRows;
        const values: LayoutCell[] = columns.map((column, columnIndex): LayoutCell => {
          const colSpan = column.node.span ?? 1;
          const start = gridColumn;
          gridColumn += colSpan;
          if (node.noFigure) return { kind: 'label', role: 'noFigure', text: '', gridColumn: start, colSpan, rowSpan: 1 };
          const cell = partCells[rowIndex * columns.length + columnIndex]!;
          return { kind: 'value', cell, gridColumn: start, colSpan, rowSpan: 1 };
        });
        if (!node.noFigure) figureRows++;
        rows.push({ header: false, partIndex, cells: [...pending, ...label, ...unit, ...values] });
      }
      pending = [];
    }
  };
  walk(part.rows, 0, []);
  return rows;
}

/** Unit of the tables' amounts (spec §A.4). */
const AMOUNT_UNIT = '万元';

/**
 * A label as the printed report shows it: the statutory text, with the unit of an amount column whose
 * label does not state it (`采购总金额（万元）`, as published 2019-format reports print it).
 */
export function printedLabel(cell: LayoutCell & { kind: 'label' }): string {
  return cell.unit === undefined ? cell.text : `${cell.text}（${cell.unit}）`;
}

/**
 * A figure as the printed report shows it: exactly as stored (`formatCellValue`), and a rise in a column of
 * changes (`signedCount`, the 2019 format's 本年增/减) with its sign, `+2`, as published reports print it
 * (a fall is `-8` anyway). Empty for a value not entered.
 */
export function printedCellValue(cell: CellInfo, value: number | null): string {
  const text = formatCellValue(value);
  return cell.valueType === 'signedCount' && value !== null && value > 0 ? `+${text}` : text;
}

/** The physical rows of a table, parts in order, each part's header rows before its data rows. */
export function layoutTable(table: TableTemplate): LayoutRow[] {
  const cells = tableCells(table);
  return table.parts.flatMap((part, partIndex) => [
    ...headerRows(table, part, partIndex),
    ...bodyRows(table, part, partIndex, cells),
  ]);
}
