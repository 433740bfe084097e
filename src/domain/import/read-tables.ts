/**
 * Reading the statutory tables of a report by their labels, never by position. Each printed table is
 * laid out as a grid (merged cells resolved), assigned to the format's table whose labels it carries,
 * and each of its rows is matched to the format's row by its label (./label-match.ts). A row's figures
 * go to the format's columns in order when the row has exactly as many figures as the format has columns
 * (published tables often merge columns differently from row to row); otherwise by the header cell above
 * each figure. A blank cell stays blank; a cell that does not read as a number is reported, never guessed.
 */
import { parseCellInput } from '../cell-input.ts';
import { cellAccessibleName, partColumns, partRows, type CellInfo } from '../table-layout.ts';
import { indexTemplate, tableTitle } from '../template.ts';
import type { CellValues } from '../draft-types.ts';
import type { ColumnNode, MatrixPart, ReportTemplate, RowNode, TableTemplate } from '../template-types.ts';
import { tableGrid, type GridCell, type SourceCell } from './blocks.ts';
import { labelCore, matchLabel } from './label-match.ts';

/** What the import found that the clerk should confirm, by place. */
export interface GuessedLabel {
  readonly table: string;
  readonly printed: string;
  readonly matched: string;
}
export interface UnmatchedRow {
  readonly table: string;
  readonly printed: string;
  /** The row's other cells as printed. */
  readonly cells: readonly string[];
  /** Why it was not read, in Chinese. */
  readonly reason: string;
}
export interface UnreadableCell {
  readonly key: string;
  /** The cell named as on screen: `表三 一、本年新收政府信息公开申请数量 自然人`. */
  readonly place: string;
  readonly text: string;
  readonly reason: string;
}
export interface MissingCell {
  readonly key: string;
  readonly place: string;
}

export interface TablesReading {
  readonly values: CellValues;
  /** Number of labels matched exactly: tells the formats apart. */
  readonly exactLabels: number;
  readonly tablesFound: readonly string[];
  readonly guessedLabels: GuessedLabel[];
  readonly unmatchedRows: UnmatchedRow[];
  readonly unreadableCells: UnreadableCell[];
  readonly missingCells: MissingCell[];
  /** Tables of the document that are none of the format's (a province's additions, a layout table). */
  readonly otherTables: number;
}

interface RowTarget {
  readonly partIndex: number;
  readonly rowKey: string;
  readonly label: string;
  /** A row of the format with rows below it (2021 （六）其他处理) printed as one row. */
  readonly group: boolean;
}

function keyPath(path: readonly { readonly key?: string }[]): string {
  return path.flatMap((node) => (node.key ? [node.key] : [])).join('.');
}

const targetsCache = new WeakMap<TableTemplate, RowTarget[]>();

/** The leaf rows of every part, and the keyed groups above them (a group printed as one row is reported). */
function rowTargets(table: TableTemplate): RowTarget[] {
  const cached = targetsCache.get(table);
  if (cached) return cached;
  const targets: RowTarget[] = [];
  table.parts.forEach((part, partIndex) => {
    for (const row of partRows(part)) {
      if (row.node.label === '') continue;
      targets.push({ partIndex, rowKey: keyPath(row.path), label: row.node.label, group: false });
    }
    const stack: { node: RowNode; path: RowNode[] }[] = part.rows.map((node) => ({ node, path: [node] }));
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (!node.children || node.children.length === 0) continue;
      if (node.key && node.label !== '') targets.push({ partIndex, rowKey: keyPath(path), label: node.label, group: true });
      for (const child of node.children) stack.push({ node: child, path: [...path, child] });
    }
  });
  targetsCache.set(table, targets);
  return targets;
}

/** Digits with separators and decimals, perhaps a sign and a unit typed after them (`251000元`). */
const FIGURE = /^[-－−+＋]?[\d０-９][\d０-９,，.．]*(万元|元|万|件|个|项|次|%|％)?$/;

/** Is this printed text a figure (or a blank or a dash where a figure belongs), rather than a label? */
function valueLike(text: string): boolean {
  return text === '' || FIGURE.test(text) || /^[—–\-－/／×*]+$/.test(text);
}

function hasFigure(cells: readonly GridCell[]): boolean {
  return cells.some((cell) => cell.text !== '' && valueLike(cell.text));
}

/** The distinct cells of a grid row, in column order (a merged cell once). */
function distinctCells(line: readonly (GridCell | null)[]): GridCell[] {
  const seen = new Set<GridCell>();
  const cells: GridCell[] = [];
  for (const cell of line) {
    if (cell && !seen.has(cell)) {
      seen.add(cell);
      cells.push(cell);
    }
  }
  return cells;
}

function columnLabels(part: MatrixPart): { leaf: ColumnNode; ancestors: string[]; key: string }[] {
  return partColumns(part).map((column) => ({
    leaf: column.node,
    ancestors: column.path.slice(0, -1).map((node) => node.label),
    key: keyPath(column.path),
  }));
}

const headerLabelsCache = new WeakMap<TableTemplate, Set<string>>();

/** Exactly matched header labels of a table (captions, corner, column labels) found among the cells. */
function headerLabelsFound(table: TableTemplate, texts: ReadonlySet<string>): number {
  let labels = headerLabelsCache.get(table);
  if (!labels) {
    labels = headerLabels(table);
    headerLabelsCache.set(table, labels);
  }
  let found = 0;
  for (const label of labels) if (label !== '' && texts.has(label)) found++;
  return found;
}

function headerLabels(table: TableTemplate): Set<string> {
  const labels = new Set<string>();
  for (const part of table.parts) {
    if (part.caption) labels.add(labelCore(part.caption));
    const stack: ColumnNode[] = [...part.columns];
    while (stack.length > 0) {
      const node = stack.pop()!;
      labels.add(labelCore(node.label));
      stack.push(...(node.children ?? []));
    }
  }
  return labels;
}

/**
 * For the header block above data row `rowIndex`, the grid column of each of the part's columns (or
 * undefined where no header cell names it).
 */
function headerColumns(grid: (GridCell | null)[][], rowIndex: number, part: MatrixPart, firstValueColumn: number): (number | undefined)[] {
  const block: number[] = [];
  let r = rowIndex - 1;
  while (r >= 0 && hasFigure(distinctCells(grid[r]!))) r--;
  while (r >= 0 && !hasFigure(distinctCells(grid[r]!)) && distinctCells(grid[r]!).length > 1) block.unshift(r--);
  const width = grid[0]?.length ?? 0;
  return columnLabels(part).map(({ leaf, ancestors }) => {
    const candidates: number[] = [];
    for (let c = firstValueColumn; c < width; c++) {
      let deepest: GridCell | null = null;
      for (const row of block) {
        const cell = grid[row]![c];
        if (cell && cell.text !== '') deepest = cell;
      }
      if (deepest && deepest.column === c && matchLabel(deepest.text, [leaf.label], (label) => label)) candidates.push(c);
    }
    const withAncestors = candidates.filter((c) =>
      ancestors.every((ancestor) => block.some((row) => {
        const cell = grid[row]![c];
        return cell !== null && cell !== undefined && labelCore(cell.text) === labelCore(ancestor);
      })),
    );
    return (withAncestors.length > 0 ? withAncestors : candidates.length === 1 ? candidates : [])[0];
  });
}

function placeOf(template: ReportTemplate, cell: CellInfo): string {
  return `${tableTitle(template, cell.table)} ${cellAccessibleName(cell)}`.trim();
}

/** Reads every statutory table of `template` from the document's tables. */
export function readTables(template: ReportTemplate, sourceTables: readonly (readonly (readonly SourceCell[])[])[]): TablesReading {
  const index = indexTemplate(template);
  const values: CellValues = {};
  const reading: TablesReading = {
    values,
    exactLabels: 0,
    tablesFound: [],
    guessedLabels: [],
    unmatchedRows: [],
    unreadableCells: [],
    missingCells: [],
    otherTables: 0,
  };
  let exactLabels = 0;
  let otherTables = 0;
  const tablesFound = new Set<string>();
  const grids = sourceTables.map((rows) => tableGrid(rows));

  // Which of the format's tables each printed table is: the one whose labels it carries most.
  const assignments = grids.map((grid) => {
    const texts = new Set(grid.flatMap((line) => line.map((cell) => (cell ? labelCore(cell.text) : ''))));
    let best: { table: TableTemplate; score: number } | undefined;
    for (const table of index.tables) {
      const rowLabels = rowTargets(table).filter((target) => texts.has(labelCore(target.label))).length;
      const score = rowLabels + headerLabelsFound(table, texts);
      if (score >= 2 && (!best || score > best.score)) best = { table, score };
    }
    if (best) exactLabels += best.score;
    return best?.table;
  });

  const read = new Set<string>();
  grids.forEach((grid, gridIndex) => {
    const table = assignments[gridIndex];
    if (!table) {
      otherTables++;
      return;
    }
    tablesFound.add(table.key);
    const name = tableTitle(template, table.key);
    const targets = rowTargets(table);
    const columnCores = new Set(table.parts.flatMap((part) => columnLabels(part).flatMap(({ leaf, ancestors }) => [leaf.label, ...ancestors].map(labelCore))));
    grid.forEach((line, rowIndex) => {
      const cells = distinctCells(line);
      const figures = hasFigure(cells);
      // A row without figures is a caption or header row unless it carries a row label (a row left blank);
      // a header cell such as 总计 names a column, not the row （七）总计.
      const rowLabelCell = (cell: GridCell) =>
        !valueLike(cell.text) && (figures || !columnCores.has(labelCore(cell.text))) && matchLabel(cell.text, targets, (t) => t.label);
      if (!figures && !cells.some(rowLabelCell)) return;
      let target: RowTarget | undefined;
      let labelAt = -1;
      let exact = true;
      for (let i = cells.length - 1; i >= 0; i--) {
        const match = rowLabelCell(cells[i]!);
        if (match) {
          target = match.item;
          labelAt = i;
          exact = match.exact;
          break;
        }
      }
      const labelTexts = cells.filter((cell) => !valueLike(cell.text)).map((cell) => cell.text);
      if (!target) {
        // Table 四 has one unlabelled row of figures.
        const unlabelled = table.parts.find((part) => part.rows.length === 1 && part.rows[0]!.label === '');
        if (unlabelled && labelTexts.length === 0) {
          target = { partIndex: table.parts.indexOf(unlabelled), rowKey: keyPath([unlabelled.rows[0]!]), label: '', group: false };
        } else {
          if (hasFigure(cells)) {
            reading.unmatchedRows.push({
              table: name,
              printed: labelTexts.join(' '),
              cells: cells.filter((cell) => valueLike(cell.text)).map((cell) => cell.text),
              reason: '行名与格式中的任何一行都对不上，这一行的数字没有读入',
            });
          }
          return;
        }
      }
      const printedLabel = labelAt >= 0 ? cells[labelAt]!.text : '';
      if (target.group) {
        reading.unmatchedRows.push({
          table: name,
          printed: printedLabel,
          cells: cells.slice(labelAt + 1).map((cell) => cell.text),
          reason: `格式中“${target.label}”分为几个子项，报告中印为一行；这一行的数字没有读入，请按子项填写`,
        });
        return;
      }
      if (!exact) reading.guessedLabels.push({ table: name, printed: printedLabel, matched: target.label });
      exactLabels += exact && target.label !== '' ? 1 : 0;
      const part = table.parts[target.partIndex]!;
      const columns = columnLabels(part);
      const valueCells = cells.slice(labelAt + 1);
      const firstValueColumn = labelAt >= 0 ? cells[labelAt]!.column + cells[labelAt]!.colSpan : 0;
      let byColumn: (GridCell | undefined)[];
      if (valueCells.length === columns.length) byColumn = valueCells;
      else {
        const gridColumns = headerColumns(grid, rowIndex, part, firstValueColumn);
        byColumn = gridColumns.map((c) => {
          if (c === undefined) return undefined;
          const cell = line[c];
          return cell && valueCells.includes(cell) ? cell : undefined;
        });
        // Two of the format's columns under one printed figure: which one it belongs to is not known.
        const used = byColumn.filter((cell) => cell !== undefined);
        if (new Set(used).size !== used.length) byColumn = columns.map(() => undefined);
      }
      columns.forEach((column, c) => {
        const key = [table.key, target.rowKey, column.key].filter((segment) => segment !== '').join('.');
        const info = index.cellsByKey.get(key);
        if (!info) return;
        if (read.has(key)) return;
        const source = byColumn[c];
        if (!source) return;
        read.add(key);
        const parsed = parseCellInput(source.text, info.valueType, { label: info.columnShortLabel });
        if (parsed.ok) values[key] = parsed.value;
        else {
          values[key] = null;
          reading.unreadableCells.push({ key, place: placeOf(template, info), text: source.text, reason: parsed.message });
        }
      });
    });
  });

  for (const cell of index.cells) {
    if (read.has(cell.key)) continue;
    values[cell.key] = null;
    reading.missingCells.push({ key: cell.key, place: placeOf(template, cell) });
  }
  return { ...reading, exactLabels, otherTables, tablesFound: [...tablesFound] };
}
