/**
 * The two kinds of data cell. Both are memoised and read their state from the table store, so typing
 * in one cell re-renders only the cells whose message or highlight actually changed.
 *
 * Input cells are uncontrolled (`register`): the browser owns the text while the clerk types, which keeps
 * Chinese IME composition intact; the grid normalises the text on blur at most.
 */
import { memo, useMemo, useSyncExternalStore, type FormEvent } from 'react';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { AMOUNT_DOMAINS, formatCellValue } from '../../domain/cell-input.ts';
import { cellAccessibleName, type CellInfo } from '../../domain/table-layout.ts';
import { cellCommentId, cellInputId } from '../kernel/cell-id.ts';
import { formatMessageId, type CellView } from './table-analysis.ts';
import { cellRenderProbe, type TableStore } from './table-store.ts';

/** Shown on hover over an amount cell: its unit and precision (the value domain of cell-input.ts). */
const AMOUNT_HINT = `金额以万元为单位，${AMOUNT_DOMAINS['万元'].precision}`;

/** Enter never submits a cell's form (the grid moves down instead); nothing may ever navigate away. */
function preventSubmit(event: FormEvent<HTMLFormElement>): void {
  event.preventDefault();
}

function useCellView(store: TableStore, key: string): CellView | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get().cellViews.get(key));
}

function cellClass(view: CellView | undefined, extra: string): string {
  return ['tg-cell', extra, view?.error ? 'tg-invalid' : '', view?.flag ? `tg-flag-${view.flag}` : ''].filter(Boolean).join(' ');
}

/**
 * The `aria-describedby` of a cell: its message alone (the 定位 and fix buttons live in the list under
 * the table, outside it), and a reviewer's note on the cell when there is one. Without a message the
 * attribute is left off, so the reviewer's `aria-description` is read instead.
 */
function describedBy(domId: string, view: CellView | undefined): string | undefined {
  return view?.hasMessage ? `${formatMessageId(domId)} ${cellCommentId(domId)}` : undefined;
}

/**
 * The message beside the cell, shown while the cell is focused or hovered (see table-grid.css). It
 * subscribes to its own text, so a message whose numbers change as the clerk types re-renders alone.
 */
function CellMessage({ store, cellKey, domId, view }: { store: TableStore; cellKey: string; domId: string; view: CellView | undefined }) {
  const message = useSyncExternalStore(store.subscribe, () => store.get().cellMessages.get(cellKey));
  if (!message) return null;
  const tone = view?.error || view?.flag === 'error' ? 'error' : 'warning';
  return (
    <span id={formatMessageId(domId)} className={`tg-cell-msg tg-cell-msg-${tone}`}>
      {message}
    </span>
  );
}

interface PreviousProps {
  /** Last year's value; undefined when last year's report has no such cell. */
  readonly previousValue: number | null | undefined;
  readonly showPrevious: boolean;
}

function PreviousValue({ previousValue, showPrevious }: PreviousProps) {
  if (!showPrevious || previousValue === undefined) return null;
  return (
    <span className="tg-prev">
      上年 {previousValue === null ? '未填' : formatCellValue(previousValue)}
    </span>
  );
}

export interface InputCellProps extends PreviousProps {
  readonly cell: CellInfo;
  readonly colSpan: number;
  readonly register: UseFormRegister<FieldValues>;
  readonly store: TableStore;
}

export const InputCell = memo(function InputCell({ cell, colSpan, register, store, previousValue, showPrevious }: InputCellProps) {
  cellRenderProbe.current?.(cell.key);
  const view = useCellView(store, cell.key);
  const field = useMemo(() => register(`tables.${cell.key}`), [register, cell.key]);
  const id = cellInputId(cell.key);
  return (
    <td colSpan={colSpan > 1 ? colSpan : undefined} className={cellClass(view, 'tg-input-cell')}>
      {/*
        Each input in a form of its own, never submitted. Chromium's autofill re-reads every field of the
        form an edited input belongs to after each keystroke; without a form that is every input on the
        page — 15–30 ms of main-thread work per keystroke in table 三 (measured in test/bench/cases/app-browser.ts),
        which delays the next keystroke and frame. Alone in its form, an input costs it one field.
      */}
      <form className="tg-cell-form" noValidate onSubmit={preventSubmit}>
        <input
          {...field}
          id={id}
          type="text"
          inputMode={cell.valueType === 'amount' ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          className="tg-input"
          aria-label={cellAccessibleName(cell)}
          title={cell.valueType === 'amount' ? AMOUNT_HINT : undefined}
          aria-invalid={view?.error ? true : undefined}
          aria-describedby={describedBy(id, view)}
          data-cell-key={cell.key}
        />
      </form>
      <CellMessage store={store} cellKey={cell.key} domId={id} view={view} />
      <PreviousValue previousValue={previousValue} showPrevious={showPrevious} />
    </td>
  );
});

export interface ComputedCellProps extends PreviousProps {
  readonly cell: CellInfo;
  readonly colSpan: number;
  readonly store: TableStore;
}

/**
 * A computed figure (总计 column, （七）总计, table 四 总计), recomputed as the clerk types: shown as text,
 * not as a box to type in. An `<output>` named like an input cell; never focused by Tab, but focusable by
 * 定位 (tabIndex −1). `aria-live="off"`: a live region would announce every total on every keystroke.
 */
export const ComputedCell = memo(function ComputedCell({ cell, colSpan, store, previousValue, showPrevious }: ComputedCellProps) {
  cellRenderProbe.current?.(cell.key);
  const view = useCellView(store, cell.key);
  const id = cellInputId(cell.key);
  return (
    <td colSpan={colSpan > 1 ? colSpan : undefined} className={cellClass(view, 'tg-computed')}>
      <output
        id={id}
        tabIndex={-1}
        className="tg-output"
        aria-live="off"
        aria-label={cellAccessibleName(cell)}
        aria-describedby={describedBy(id, view)}
        title="自动计算"
        data-computed-key={cell.key}
      >
        {formatCellValue(view?.value ?? null)}
      </output>
      <CellMessage store={store} cellKey={cell.key} domId={id} view={view} />
      <PreviousValue previousValue={previousValue} showPrevious={showPrevious} />
    </td>
  );
});
