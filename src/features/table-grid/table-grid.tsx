/**
 * One statutory table as the clerk fills it in: a real <table> generated from the template
 * (`layoutTable`: merged headers, hierarchical row labels), one input per data cell, computed cells as
 * text (`<output>`, not input boxes), live format messages and rule findings, spreadsheet-like keyboard moves, block paste
 * from Excel/WPS with one-step undo.
 *
 * Used inside the app's react-hook-form `FormProvider`; cell text lives in the form as raw strings at
 * `tables.<cell.key>`. Nothing here watches the whole form: `AnalysisFeed` watches this table with
 * `useWatch({ compute })` and publishes one analysis per change; cells pick their own part of it.
 *
 * Paste mapping (decided per axis, see `planPaste` in grid-model.ts): rows go down from the focused row,
 * columns right from the focused column. A block exactly as wide as the remaining row *including* computed
 * columns (e.g. 7 columns 自然人…总计 from a copied statutory table) is laid on the grid as it stands and its
 * 总计 values are dropped (the app computes them); a block exactly as wide as the remaining *input* columns
 * (the 6 applicant columns) fills the inputs, stepping over 总计; in between, pasted numbers where the
 * totals are decide: if they equal the sums of what is pasted beside them the block carries its totals.
 * Rows likewise for （七）总计. Values that do not read are placed anyway, with their message.
 * A block copied with its own headings and row labels (`alignLabelledBlock` in src/domain/paste.ts) is
 * placed by those labels instead, wherever the focus is; the message says which header rows and label
 * columns were recognised and which labels matched nothing in the table (their values are left out).
 *
 * Undo: a paste (and a one-click fix or “填 0”) is recorded as one step. Ctrl+Z / ⌘Z right after it,
 * or the 撤销粘贴 button, restores every cell it changed (cells edited since keep the edit). Once the
 * clerk types again, Ctrl+Z is the browser's own undo inside that input.
 */
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { useFormContext, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { cellValueOrNull, formatCellValue, normalisedCellText, parseCellInput } from '../../domain/cell-input.ts';
import type { CellValues } from '../../domain/draft-types.ts';
import { alignLabelledBlock, parseTabularText, type AlignedBlock } from '../../domain/paste.ts';
import { cellAccessibleName, layoutTable, type CellInfo, type LayoutCell, type LayoutRow } from '../../domain/table-layout.ts';
import { indexTemplate, sectionOfTable, sectionTables, tableByKey } from '../../domain/template.ts';
import type { ReportTemplate, TableKey, TableTemplate } from '../../domain/template-types.ts';
import { computeTotals } from '../../domain/totals.ts';
import { cellInputId } from '../kernel/cell-id.ts';
import { ComputedCell, InputCell } from './grid-cells.tsx';
import { GridMessages } from './grid-messages.tsx';
import { buildGridModel, labelTargets, neighbour, planPaste, type Direction, type GridModel, type PastePlan } from './grid-model.ts';
import { analyseTable, rawText, readRawCells, type GridFinding, type PreviousReport } from './table-analysis.ts';
import { createTableStore, type TableStore } from './table-store.ts';
import './table-grid.css';

export interface TableGridProps {
  readonly template: ReportTemplate;
  readonly tableKey: TableKey;
  /** Last year's report: enables the 显示上年数 toggle and the cross-year checks. */
  readonly previous?: PreviousReport | null;
}

interface UndoStep {
  readonly label: string;
  readonly entries: readonly { readonly key: string; readonly before: string; readonly after: string }[];
}

function fieldName(key: string): string {
  return `tables.${key}`;
}

/** At most this many unmatched labels are named in the paste message; the rest are counted. */
const NAMED_LABELS = 3;

function labelList(labels: readonly string[]): string {
  const named = labels.slice(0, NAMED_LABELS).map((label) => `“${label}”`).join('、');
  return labels.length > NAMED_LABELS ? `${named}等 ${labels.length} 项` : named;
}

/** What the paste message says about the block's own headings and row labels: used, or skipped and why. */
function labelNotice(aligned: AlignedBlock): string[] {
  const parts: string[] = [];
  if (aligned.headerRows > 0) {
    parts.push(
      aligned.columnKeys
        ? `前 ${aligned.headerRows} 行是表头，已按列名称对应`
        : `前 ${aligned.headerRows} 行是表头，与本表的列名称对不上，已跳过，按位置从当前格起粘贴`,
    );
  }
  if (aligned.labelColumns > 0) {
    parts.push(
      aligned.rowKeys
        ? `前 ${aligned.labelColumns} 列是行名称，已按行名称对应`
        : `前 ${aligned.labelColumns} 列是行名称，与本表的行名称对不上，已跳过，按位置从当前格起粘贴`,
    );
  }
  if (aligned.unmatchedRows.length > 0) parts.push(`本表中没有的行未粘贴：${labelList(aligned.unmatchedRows)}`);
  if (aligned.unmatchedColumns.length > 0) parts.push(`本表中没有的列未粘贴：${labelList(aligned.unmatchedColumns)}`);
  return parts;
}

/** Text a pasted value is written as: normalised when it reads, trimmed as typed when it does not. */
function pastedText(raw: string, cell: CellInfo): string {
  return normalisedCellText(raw, cell.valueType) ?? raw.trim();
}

/** Watches this table's raw text and publishes the analysis; renders nothing. */
function AnalysisFeed(props: {
  control: Control<FieldValues>;
  template: ReportTemplate;
  tableKey: TableKey;
  cells: readonly CellInfo[];
  previous: PreviousReport | null;
  store: TableStore;
  editing: boolean;
}) {
  const { control, template, tableKey, cells, previous, store, editing } = props;
  const raw = useWatch({ control, name: `tables.${tableKey}`, compute: (value: unknown) => readRawCells(cells, value) });
  useLayoutEffect(() => {
    store.set(analyseTable(template, tableKey, raw, previous, store.get(), cellInputId, editing));
  }, [raw, previous, store, template, tableKey, editing]);
  return null;
}

/**
 * Below this width the table scrolls inside its box instead of squeezing further. A number column of
 * 4.4em still shows a 5-digit count with its padding, and 15 of them (table 四) fit the 980 px the step
 * has at 1366×768, so no statutory table needs to scroll sideways on the smallest supported screen.
 */
const DATA_COLUMN_MIN_EM = 4.4;

function minimumWidthEm(table: TableTemplate): number {
  const dataColumns = table.gridColumns - table.labelColumns;
  const labels = table.labelColumns === 0 ? 0 : table.labelColumns === 1 ? 10 : 8 + 8 * table.labelColumns;
  return labels + dataColumns * DATA_COLUMN_MIN_EM;
}

function headerScope(cell: Extract<LayoutCell, { kind: 'label' }>): 'col' | 'colgroup' | 'row' | 'rowgroup' {
  switch (cell.role) {
    case 'unit':
    case 'noFigure':
      return 'row';
    case 'caption':
      return 'rowgroup';
    case 'corner':
      return 'col';
    case 'columnHeader':
      return cell.colSpan > 1 ? 'colgroup' : 'col';
    case 'rowHeader':
      return cell.rowSpan > 1 ? 'rowgroup' : 'row';
  }
}

interface RowsProps {
  readonly rows: readonly LayoutRow[];
  readonly table: TableTemplate;
  readonly register: ReturnType<typeof useFormContext>['register'];
  readonly store: TableStore;
  readonly previousValues: CellValues | null;
  readonly showPrevious: boolean;
}

function GridRows({ rows, table, register, store, previousValues, showPrevious }: RowsProps) {
  return rows.map((row, rowIndex) => {
    // The leaf label of a data row carries the row's legal basis (from its cells) as a tooltip.
    const firstValue = row.cells.find((cell): cell is Extract<LayoutCell, { kind: 'value' }> => cell.kind === 'value');
    const legalBasis = firstValue?.cell.legalBasis;
    return (
      <tr key={rowIndex} className={row.header ? 'tg-header-row' : 'tg-data-row'}>
        {row.cells.map((cell) => {
          if (cell.kind === 'label' && (cell.role === 'unit' || cell.role === 'noFigure')) {
            // A row's unit (条, 次 …) or the empty place of a row without figure: content, not a header.
            return (
              <td key={`l${cell.gridColumn}`} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined} className={`tg-${cell.role}`}>
                {cell.text}
              </td>
            );
          }
          if (cell.kind === 'label') {
            const isLeafLabel = cell.role === 'rowHeader' && cell.gridColumn + cell.colSpan === table.labelColumns && cell.rowSpan === 1;
            return (
              <th
                key={`l${cell.gridColumn}`}
                scope={headerScope(cell)}
                colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                className={`tg-${cell.role}`}
                style={cell.indent ? { paddingLeft: `${cell.indent + 0.5}em` } : undefined}
                title={isLeafLabel && legalBasis ? `依据：${legalBasis}` : undefined}
              >
                {cell.text}
              </th>
            );
          }
          const previousValue = previousValues ? previousValues[cell.cell.key] : undefined;
          return cell.cell.computed ? (
            <ComputedCell
              key={cell.cell.key}
              cell={cell.cell}
              colSpan={cell.colSpan}
              store={store}
              previousValue={previousValue}
              showPrevious={showPrevious}
            />
          ) : (
            <InputCell
              key={cell.cell.key}
              cell={cell.cell}
              colSpan={cell.colSpan}
              register={register}
              store={store}
              previousValue={previousValue}
              showPrevious={showPrevious}
            />
          );
        })}
      </tr>
    );
  });
}

export function TableGrid({ template, tableKey, previous = null }: TableGridProps) {
  const { control, register, getValues, setValue } = useFormContext();
  const table = useMemo(() => tableByKey(template, tableKey), [template, tableKey]);
  const layout = useMemo(() => layoutTable(table), [table]);
  const model: GridModel = useMemo(() => buildGridModel(table), [table]);
  const cells = useMemo(() => indexTemplate(template).cellsByTable.get(tableKey) ?? [], [template, tableKey]);
  const cellsByKey = indexTemplate(template).cellsByKey;
  const heading = useMemo(() => {
    const section = sectionOfTable(template, tableKey);
    if (!section) return '';
    // A section with several tables (a local variant's): name the table by its lead line as well.
    const placed = sectionTables(section);
    const lead = placed.length > 1 ? placed.find((candidate) => candidate.table.key === tableKey)?.lead : undefined;
    return lead ? `${section.heading} ${lead}` : section.heading;
  }, [template, tableKey]);

  const store = useMemo(
    () => createTableStore(analyseTable(template, tableKey, readRawCells(cells, getValues(`tables.${tableKey}`)), previous, null, cellInputId)),
    // The store lives as long as the table; `AnalysisFeed` keeps it current (also when `previous` changes).
    [template, tableKey],
  );

  const containerRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [showPrevious, setShowPrevious] = useState(false);
  const [undo, setUndo] = useState<UndoStep | null>(null);
  const [notice, setNotice] = useState('');
  /** The focus is inside the table (grid or its check list): half-filled relations show as 待填, not errors. */
  const [editing, setEditing] = useState(false);
  /**
   * The check list is open in full. Entering the grid from outside folds it to its one-line summary, so
   * it does not cover the rows being typed; leaving the table opens it again; the clerk toggles it at will
   * (and it stays as chosen while moving from cell to cell, e.g. working down the list with 定位).
   */
  const [checksOpen, setChecksOpen] = useState(true);
  /** Ctrl+Z undoes the last grid change only until the clerk types again. */
  const undoArmed = useRef(false);
  const baseId = useId();

  const inputOf = useCallback(
    (key: string) => containerRef.current?.querySelector<HTMLElement>(`input[data-cell-key="${key}"], output[data-computed-key="${key}"]`) ?? null,
    [],
  );

  const focusCell = useCallback(
    (key: string) => {
      const input = inputOf(key);
      if (!input) return;
      input.focus();
      if (input instanceof HTMLInputElement) input.select();
      input.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    },
    [inputOf],
  );

  const applyWrites = useCallback(
    (writes: readonly { key: string; text: string }[], label: string) => {
      const entries = writes.map(({ key, text }) => ({ key, before: rawText(getValues(fieldName(key))), after: text }));
      for (const entry of entries) setValue(fieldName(entry.key), entry.after, { shouldDirty: true });
      setUndo(entries.length > 0 ? { label, entries } : null);
      undoArmed.current = entries.length > 0;
    },
    [getValues, setValue],
  );

  const runUndo = useCallback(() => {
    if (!undo) return;
    let kept = 0;
    for (const entry of undo.entries) {
      if (rawText(getValues(fieldName(entry.key))) === entry.after) setValue(fieldName(entry.key), entry.before, { shouldDirty: true });
      else kept += 1;
    }
    const what = undo.label.replace(/^撤销/, '');
    setNotice(kept > 0 ? `已撤销${what}（${kept} 格在那之后又改过，保留了改后的内容）` : `已撤销${what}`);
    setUndo(null);
    undoArmed.current = false;
  }, [undo, getValues, setValue]);

  const pasteNotice = useCallback(
    (plan: PastePlan, written: readonly { key: string; text: string }[], aligned: AlignedBlock) => {
      const parts = [`已粘贴 ${written.length} 格`, ...labelNotice(aligned)];
      const unreadable = plan.writes.filter(({ cell, raw }) => !parseCellInput(raw, cell.valueType).ok).length;
      if (unreadable > 0) parts.push(`${unreadable} 格内容不是有效数字，请看格内提示`);
      if (plan.onComputed.length > 0) {
        const after: CellValues = { ...store.get().values };
        for (const { key, text } of written) after[key] = cellValueOrNull(text, cellsByKey.get(key)!.valueType);
        const totals = computeTotals(template, after);
        const differing = plan.onComputed.filter(({ cell, raw }) => {
          const pasted = cellValueOrNull(raw, cell.valueType);
          return pasted !== null && (totals[cell.key] ?? 0) !== pasted;
        }).length;
        parts.push(`${plan.onComputed.length} 个数落在自动计算的格上，未填入`);
        if (differing > 0) parts.push(`其中 ${differing} 个与各项之和不一致，请核对`);
      }
      if (plan.outside > 0) parts.push(`${plan.outside} 个数超出表格范围，未粘贴`);
      return parts.join('；');
    },
    [store, cellsByKey, template],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      const key = target instanceof HTMLInputElement ? target.dataset['cellKey'] : undefined;
      if (!key) return;
      const text = event.clipboardData.getData('text/plain');
      // A single value without line break: the browser pastes it into the cell (and its own undo applies).
      if (!/[\t\r\n]/.test(text)) return;
      event.preventDefault();
      const block = parseTabularText(text);
      if (block.length === 0) return;
      const analysis = store.get();
      const targets = labelTargets(model);
      const aligned = alignLabelledBlock(block, targets.rows, targets.columns);
      const plan = planPaste(
        model,
        key,
        aligned.values,
        { current: analysis.values, parse: (raw, cell) => cellValueOrNull(raw, cell.valueType), totals: (values) => computeTotals(template, values) },
        { rowKeys: aligned.rowKeys, columnKeys: aligned.columnKeys },
      );
      const written = plan.writes.map(({ cell, raw }) => ({ key: cell.key, text: pastedText(raw, cell) }));
      applyWrites(written, '撤销粘贴');
      setNotice(pasteNotice(plan, written, aligned));
    },
    [store, model, template, applyWrites, pasteNotice],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
        if (undoArmed.current && undo) {
          event.preventDefault();
          runUndo();
        }
        return;
      }
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      const key = input.dataset['cellKey'];
      if (!key) return;
      let direction: Direction | null = null;
      const length = input.value.length;
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      const whole = start === 0 && end === length;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Enter' && plain) direction = event.shiftKey ? 'up' : 'down';
      else if (!plain || event.shiftKey) return;
      else if (event.key === 'ArrowUp') direction = 'up';
      else if (event.key === 'ArrowDown') direction = 'down';
      else if (event.key === 'ArrowLeft' && ((start === 0 && end === 0) || whole)) direction = 'left';
      else if (event.key === 'ArrowRight' && ((start === length && end === length) || whole)) direction = 'right';
      if (!direction) return;
      // Enter never submits a surrounding form; arrows do not move the caret when they move the focus.
      event.preventDefault();
      const next = neighbour(model, key, direction);
      if (next) focusCell(next);
    },
    [model, focusCell, runUndo, undo],
  );

  const onBlur = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      // Leaving the table is when a half-filled relation becomes an error.
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !event.currentTarget.contains(next)) {
        setEditing(false);
        setChecksOpen(true);
      }
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.readOnly) return;
      const key = input.dataset['cellKey'];
      const cell = key ? cellsByKey.get(key) : undefined;
      if (!cell) return;
      // Normalise only once the clerk has left the cell (`１２` → `12`, `1,234` → `1234`); never while typing.
      const normalised = normalisedCellText(input.value, cell.valueType);
      if (normalised !== null && normalised !== input.value) setValue(fieldName(cell.key), normalised, { shouldDirty: true });
    },
    [cellsByKey, setValue],
  );

  /**
   * The check list's height, as the space a cell scrolled to must keep free below it (scroll-margin in
   * table-grid.css), so arrow keys, 定位 and Tab never bring a cell to rest under the sticky list. It is
   * followed as the list changes but handed to the cells only when the focus moves, before the browser
   * scrolls the newly focused cell into view: every element of the grid inherits it, and rewriting it
   * on each keystroke that lengthens or shortens the open list restyled the whole table.
   */
  const checksHeight = useRef<string | null>(null);
  const applyChecksHeight = useCallback(() => {
    const container = containerRef.current;
    const height = checksHeight.current;
    if (!container || height === null || container.style.getPropertyValue('--tg-checks-height') === height) return;
    container.style.setProperty('--tg-checks-height', height);
  }, []);

  /** The check list sticks to the bottom of the view; a cell reached by keyboard must not hide behind it. */
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    applyChecksHeight();
    setEditing(true);
    const input = event.target;
    const from = event.relatedTarget;
    const fromOutside = !(from instanceof Node) || !event.currentTarget.contains(from);
    if (fromOutside && input instanceof HTMLElement && input.closest('.tg-scroll')) setChecksOpen(false);
    if (!(input instanceof HTMLInputElement) || !input.dataset['cellKey']) return;
    // Looked at once the list has folded (the state change above), or it would measure the open list.
    requestAnimationFrame(() => {
      const panel = panelRef.current;
      if (!panel || document.activeElement !== input) return;
      const cell = input.getBoundingClientRect();
      const cover = panel.getBoundingClientRect();
      if (cover.height > 0 && cell.bottom > cover.top && cell.top < cover.bottom) input.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    });
  }, [applyChecksHeight]);

  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      checksHeight.current = `${Math.ceil(panel.getBoundingClientRect().height)}px`;
      // A cell keeps the focus while the list changes under it: the height waits for the next move,
      // unless the focus is outside the grid (nothing is being typed; the next focus may come from anywhere).
      if (!containerRef.current?.contains(document.activeElement)) applyChecksHeight();
    });
    observer.observe(panel);
    return () => observer.disconnect();
  }, [applyChecksHeight]);

  const onInput = useCallback(() => {
    undoArmed.current = false;
  }, []);

  const onFix = useCallback(
    (item: GridFinding) => {
      if (!item.fix) return;
      const cell = cellsByKey.get(item.fix.cell);
      if (!cell || cell.computed) return;
      applyWrites([{ key: cell.key, text: formatCellValue(item.fix.value) }], '撤销更正');
      setNotice(`已更正：${cellAccessibleName(cell)} 改为 ${formatCellValue(item.fix.value)}`);
      focusCell(cell.key);
    },
    [cellsByKey, applyWrites, focusCell],
  );

  const onFillZeros = useCallback(
    (keys: readonly string[]) => {
      applyWrites(
        keys.map((key) => ({ key, text: '0' })),
        '撤销填 0',
      );
      setNotice(`已将 ${keys.length} 个空格填为 0`);
    },
    [applyWrites],
  );

  const labelOf = useCallback((key: string) => {
    const cell = cellsByKey.get(key);
    return cell ? cellAccessibleName(cell) : key;
  }, [cellsByKey]);

  const previousValues = previous?.values ?? null;
  const headerRows = table.parts.length === 1 ? layout.filter((row) => row.header) : [];
  const bodies = table.parts.length === 1 ? [layout.filter((row) => !row.header)] : table.parts.map((_, index) => layout.filter((row) => row.partIndex === index));
  const totalWeight = table.columnWeights.reduce((sum, weight) => sum + weight, 0);

  return (
    <div
      ref={containerRef}
      className={`tg tg-table-${tableKey}`}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={onBlur}
      onFocus={onFocus}
      onInput={onInput}
    >
      <AnalysisFeed control={control} template={template} tableKey={tableKey} cells={cells} previous={previous} store={store} editing={editing} />
      <div className="tg-toolbar">
        <p className="tg-status" role="status">
          {notice || '可从 Excel/WPS 复制整块数字，点一个格后粘贴；方向键、回车在格间移动。'}
        </p>
        {undo ? (
          <button type="button" className="tg-button" onClick={runUndo}>
            {undo.label}
          </button>
        ) : null}
        {previous ? (
          <label className="tg-toggle">
            <input type="checkbox" checked={showPrevious} onChange={(event) => setShowPrevious(event.target.checked)} />
            显示上年数
          </label>
        ) : null}
      </div>
      <div className="tg-scroll">
        <table className="tg-table" aria-label={heading || undefined} style={{ minWidth: `${minimumWidthEm(table)}em` }}>
          <colgroup>
            {table.columnWeights.map((weight, index) => (
              <col key={index} style={{ width: `${((weight / totalWeight) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          {headerRows.length > 0 ? (
            <thead>
              <GridRows rows={headerRows} table={table} register={register} store={store} previousValues={previousValues} showPrevious={showPrevious} />
            </thead>
          ) : null}
          {bodies.map((rows, index) => (
            <tbody key={index}>
              <GridRows rows={rows} table={table} register={register} store={store} previousValues={previousValues} showPrevious={showPrevious} />
            </tbody>
          ))}
        </table>
      </div>
      <GridMessages
        store={store}
        labelOf={labelOf}
        onLocate={focusCell}
        onFix={onFix}
        onFillZeros={onFillZeros}
        headingId={`${baseId}-checks`}
        panelRef={panelRef}
        open={checksOpen}
        onToggle={() => setChecksOpen((open) => !open)}
      />
    </div>
  );
}
