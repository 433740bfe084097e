/**
 * The data cells of one table as the clerk moves through them: rows of value cells with their physical
 * grid columns (from `layoutTable`, so merged cells such as table 二's three-column 本年处理决定数量 are one
 * stop). Pure: navigation targets and paste placement are computed here and tested without a DOM.
 */
import type { CellValues } from '../../domain/draft-types.ts';
import type { LabelTarget } from '../../domain/paste.ts';
import { layoutTable, type CellInfo } from '../../domain/table-layout.ts';
import type { TableTemplate } from '../../domain/template-types.ts';

export interface GridSlot {
  readonly cell: CellInfo;
  /** First physical grid column (0-based) and width, as laid out on screen. */
  readonly gridColumn: number;
  readonly colSpan: number;
}

export interface GridRowModel {
  readonly partIndex: number;
  /** Value cells left to right (label cells left out). */
  readonly slots: readonly GridSlot[];
  /** Every cell of the row is computed (table 三's （七）总计), or the row holds no figure (below). */
  readonly computed: boolean;
  /**
   * A heading row of a list table that holds no figure (printed ——): no slots. It is kept so that a block
   * copied from a spreadsheet with a blank line there lands row for row.
   */
  readonly noFigure?: boolean;
}

export interface GridModel {
  readonly table: TableTemplate;
  readonly rows: readonly GridRowModel[];
  /** Where each cell key sits: row index and slot index. */
  readonly positions: ReadonlyMap<string, { readonly row: number; readonly slot: number }>;
  readonly cells: readonly CellInfo[];
  /** Keys of the cells in wholly computed rows (（七）总计). */
  readonly computedRowCells: ReadonlySet<string>;
  /** Column keys whose cells are all computed (总计 of table 三, each 总计 of table 四). */
  readonly computedColumns: ReadonlySet<string>;
}

const cache = new WeakMap<TableTemplate, GridModel>();

export function buildGridModel(table: TableTemplate): GridModel {
  const cached = cache.get(table);
  if (cached) return cached;
  const rows: GridRowModel[] = [];
  for (const layoutRow of layoutTable(table)) {
    if (layoutRow.header) continue;
    const slots = layoutRow.cells.flatMap((cell): GridSlot[] =>
      cell.kind === 'value' ? [{ cell: cell.cell, gridColumn: cell.gridColumn, colSpan: cell.colSpan }] : [],
    );
    if (layoutRow.cells.some((cell) => cell.kind === 'label' && cell.role === 'noFigure')) {
      rows.push({ partIndex: layoutRow.partIndex, slots: [], computed: true, noFigure: true });
      continue;
    }
    if (slots.length === 0) continue;
    rows.push({ partIndex: layoutRow.partIndex, slots, computed: slots.every((slot) => slot.cell.computed) });
  }
  const positions = new Map<string, { row: number; slot: number }>();
  rows.forEach((row, rowIndex) => row.slots.forEach((slot, slotIndex) => positions.set(slot.cell.key, { row: rowIndex, slot: slotIndex })));
  const cells = rows.flatMap((row) => row.slots.map((slot) => slot.cell));
  const computedRowCells = new Set(rows.filter((row) => row.computed).flatMap((row) => row.slots.map((slot) => slot.cell.key)));
  const columnKeys = new Set(cells.map((cell) => cell.columnKey));
  const computedColumns = new Set(
    [...columnKeys].filter((columnKey) => cells.every((cell) => cell.columnKey !== columnKey || cell.computed)),
  );
  const model: GridModel = { table, rows, positions, cells, computedRowCells, computedColumns };
  cache.set(table, model);
  return model;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The slot of `row` that covers physical column `column`, if any. */
function slotAt(row: GridRowModel, column: number): GridSlot | undefined {
  return row.slots.find((slot) => slot.gridColumn <= column && column < slot.gridColumn + slot.colSpan);
}

/**
 * The input cell reached from `key` by an arrow key or Enter: left/right along the row, up/down to the
 * nearest row with an input in the same physical column. Computed cells are stepped over; at the edge of
 * the table the answer is null (the focus stays).
 */
export function neighbour(model: GridModel, key: string, direction: Direction): string | null {
  const position = model.positions.get(key);
  if (!position) return null;
  const row = model.rows[position.row]!;
  if (direction === 'left' || direction === 'right') {
    const step = direction === 'left' ? -1 : 1;
    for (let index = position.slot + step; index >= 0 && index < row.slots.length; index += step) {
      const slot = row.slots[index]!;
      if (!slot.cell.computed) return slot.cell.key;
    }
    return null;
  }
  const column = row.slots[position.slot]!.gridColumn;
  const step = direction === 'up' ? -1 : 1;
  for (let index = position.row + step; index >= 0 && index < model.rows.length; index += step) {
    const slot = slotAt(model.rows[index]!, column);
    if (slot && !slot.cell.computed) return slot.cell.key;
  }
  return null;
}

/** How the pasted block's rows or columns are laid onto the grid. */
export type AxisMapping =
  /** One block row/column per grid row/column, computed ones included (their pasted values are not written). */
  | 'all'
  /** Block rows/columns go to input rows/columns only; computed ones are stepped over. */
  | 'inputs'
  /** Each block row/column goes where its label names (`alignLabelledBlock`), wherever the focus is. */
  | 'labels';

/** Row and column keys per block row/column, from the block's own labels (null: by position). */
export interface PasteAlignment {
  readonly rowKeys: readonly (string | null)[] | null;
  readonly columnKeys: readonly (string | null)[] | null;
}

export interface PastePlacement {
  readonly cell: CellInfo;
  readonly raw: string;
}

export interface PastePlan {
  /** Input cells to write, in block order. */
  readonly writes: readonly PastePlacement[];
  /** Pasted values that landed on computed cells (not written; the app computes those). */
  readonly onComputed: readonly PastePlacement[];
  /** Pasted values that fell outside the table. */
  readonly outside: number;
  /** Pasted values of rows or columns whose labels matched nothing in the table (not written). */
  readonly skipped: number;
  readonly rows: AxisMapping;
  readonly columns: AxisMapping;
}

export interface PasteContext {
  /** The table's current values (parsed; untouched or unreadable cells null). */
  readonly current: CellValues;
  /** Parses one pasted text for a cell; null when empty or unreadable. */
  readonly parse: (raw: string, cell: CellInfo) => number | null;
  /** Recomputes the computed cells from the given values (`computeTotals`). */
  readonly totals: (values: CellValues) => CellValues;
}

/** Grid rows from the focused row downward, under a row mapping. */
function targetRows(model: GridModel, startRow: number, mapping: AxisMapping): GridRowModel[] {
  const rows = model.rows.slice(startRow);
  return mapping === 'all' ? rows : rows.filter((row) => !row.computed);
}

/** Slots of a row from the focused column rightward, under a column mapping. */
function targetSlots(row: GridRowModel, startColumn: number, mapping: AxisMapping): GridSlot[] {
  const first = row.slots.findIndex((slot) => slot.gridColumn + slot.colSpan > startColumn);
  if (first === -1) return [];
  const slots = row.slots.slice(first);
  return mapping === 'all' ? slots : slots.filter((slot) => !slot.cell.computed);
}

function place(
  model: GridModel,
  start: { row: number; column: number },
  block: readonly (readonly string[])[],
  rows: AxisMapping,
  columns: AxisMapping,
  alignment: PasteAlignment,
): PastePlan {
  const gridRows = rows === 'labels' ? [] : targetRows(model, start.row, rows);
  const rowByKey = new Map(model.rows.flatMap((row) => (row.slots[0] ? [[row.slots[0].cell.rowKey, row] as const] : [])));
  const writes: PastePlacement[] = [];
  const onComputed: PastePlacement[] = [];
  let outside = 0;
  let skipped = 0;
  const filled = (raw: string) => raw.trim() !== '';
  block.forEach((blockRow, rowIndex) => {
    let row: GridRowModel | undefined;
    if (rows === 'labels') {
      const key = alignment.rowKeys?.[rowIndex];
      if (key === null || key === undefined) {
        skipped += blockRow.filter(filled).length;
        return;
      }
      row = rowByKey.get(key);
    } else row = gridRows[rowIndex];
    if (!row) {
      outside += blockRow.length;
      return;
    }
    if (row.noFigure) {
      // Blank where the table prints ——: nothing to place. A number there has no cell to go to.
      outside += blockRow.filter((raw) => raw.trim() !== '').length;
      return;
    }
    const slots = columns === 'labels' ? [] : targetSlots(row, start.column, columns);
    blockRow.forEach((raw, columnIndex) => {
      let slot: GridSlot | undefined;
      if (columns === 'labels') {
        const key = alignment.columnKeys?.[columnIndex];
        if (key === null || key === undefined) {
          if (filled(raw)) skipped += 1;
          return;
        }
        slot = row.slots.find((candidate) => candidate.cell.columnKey === key);
      } else slot = slots[columnIndex];
      if (!slot) outside += 1;
      else if (slot.cell.computed) onComputed.push({ cell: slot.cell, raw });
      else writes.push({ cell: slot.cell, raw });
    });
  });
  return { writes, onComputed, outside, skipped, rows, columns };
}

/**
 * Do the pasted values that land on computed cells (under `plan`) read as totals of what is pasted beside
 * them? Only the computed cells of one axis are looked at: `columns` checks computed columns (总计 column),
 * `rows` checks computed rows (（七）总计); the cell where both meet is left out. Needs at least one
 * non-empty pasted total and no mismatch.
 */
function pastedTotalsMatch(model: GridModel, plan: PastePlan, axis: 'rows' | 'columns', context: PasteContext): boolean {
  const relevant = plan.onComputed.filter(({ cell }) => {
    const inComputedRow = model.computedRowCells.has(cell.key);
    const inComputedColumn = model.computedColumns.has(cell.columnKey);
    return axis === 'columns' ? inComputedColumn && !inComputedRow : inComputedRow && !inComputedColumn;
  });
  const values: CellValues = { ...context.current };
  for (const { cell, raw } of plan.writes) values[cell.key] = context.parse(raw, cell);
  const totals = context.totals(values);
  let matches = 0;
  for (const { cell, raw } of relevant) {
    const pasted = context.parse(raw, cell);
    if (pasted === null) continue;
    if ((totals[cell.key] ?? 0) !== pasted) return false;
    matches += 1;
  }
  return matches > 0;
}

/** The block, laid on every row, is blank on each row without figure it covers (and covers at least one). */
function blankWhereNoFigure(rows: readonly GridRowModel[], block: readonly (readonly string[])[]): boolean {
  const covered = block.map((line, index) => ({ line, row: rows[index] })).filter(({ row }) => row?.noFigure);
  return covered.length > 0 && covered.every(({ line }) => line.every((raw) => raw.trim() === ''));
}

/**
 * Chooses a mapping for one axis. A block exactly as long as the remaining grid (computed included) is
 * laid on the grid as it stands; a block exactly as long as the remaining inputs fills the inputs; in
 * between, pasted numbers sitting where the computed cells are decide: if they are the totals of what is
 * pasted beside them, the block was copied with its totals.
 */
function chooseAxis(length: number, allCount: number, inputCount: number, computedCovered: boolean, totalsMatch: () => boolean): AxisMapping {
  if (!computedCovered) return 'inputs';
  if (length === allCount) return 'all';
  if (length === inputCount) return 'inputs';
  return totalsMatch() ? 'all' : 'inputs';
}

/** The rows and columns a pasted label may name (`alignLabelledBlock`), in table order. */
export function labelTargets(model: GridModel): { rows: LabelTarget[]; columns: LabelTarget[] } {
  // A row without figure (——) has no cell to receive a value, so a pasted label never aims at it.
  const rows = model.rows
    .filter((row) => row.slots.length > 0 && row.slots[0]!.cell.rowLabel !== '')
    .map((row) => ({ key: row.slots[0]!.cell.rowKey, path: row.slots[0]!.cell.rowLabel.split(' ') }));
  const columns = new Map<string, LabelTarget>();
  for (const cell of model.cells) {
    if (!columns.has(cell.columnKey)) columns.set(cell.columnKey, { key: cell.columnKey, path: cell.columnLabel.split(' ') });
  }
  return { rows, columns: [...columns.values()] };
}

/**
 * Where a block copied from a spreadsheet goes when pasted with the focus in cell `startKey`:
 * rows go downward from the focused row, columns rightward from the focused column. Each axis is mapped
 * either onto every grid row/column (a block copied from a full statutory table, 总计 included) or onto the
 * input ones only (a block of just the numbers to enter); see `chooseAxis`. An axis the block's own labels
 * name (`alignment`, from `alignLabelledBlock`) is mapped by those labels instead. Values are placed as
 * text, whether they read as numbers or not.
 */
export function planPaste(
  model: GridModel,
  startKey: string,
  block: readonly (readonly string[])[],
  context: PasteContext,
  alignment: PasteAlignment = { rowKeys: null, columnKeys: null },
): PastePlan {
  const position = model.positions.get(startKey);
  if (!position || block.length === 0) return { writes: [], onComputed: [], outside: 0, skipped: 0, rows: 'inputs', columns: 'inputs' };
  const startRow = model.rows[position.row]!;
  const start = { row: position.row, column: startRow.slots[position.slot]!.gridColumn };
  const width = Math.max(...block.map((row) => row.length));

  const allSlots = targetSlots(startRow, start.column, 'all');
  const inputSlots = allSlots.filter((slot) => !slot.cell.computed);
  const columns: AxisMapping = alignment.columnKeys
    ? 'labels'
    : chooseAxis(
        width,
        allSlots.length,
        inputSlots.length,
        allSlots.slice(0, width).some((slot) => slot.cell.computed),
        () => pastedTotalsMatch(model, place(model, start, block, alignment.rowKeys ? 'labels' : 'all', 'all', alignment), 'columns', context),
      );

  const allRows = targetRows(model, start.row, 'all');
  const inputRows = allRows.filter((row) => !row.computed);
  const rows: AxisMapping = alignment.rowKeys
    ? 'labels'
    : chooseAxis(
        block.length,
        allRows.length,
        inputRows.length,
        allRows.slice(0, block.length).some((row) => row.computed),
        () =>
          blankWhereNoFigure(allRows, block) ||
          pastedTotalsMatch(model, place(model, start, block, 'all', columns, alignment), 'rows', context),
      );
  return place(model, start, block, rows, columns, alignment);
}
