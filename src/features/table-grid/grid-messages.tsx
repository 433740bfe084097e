/**
 * The live check list under a table: each cell whose text does not read, each rule the table breaks
 * (the message states the numbers and the difference), a button to jump to the cells and, where the
 * correction is determined, a one-click fix — otherwise the cells that could hold the mistake. A
 * relation still waiting for untouched cells is listed as 待填 (neutral) while the clerk is in the table.
 * It sits after the grid, so its growing never moves the grid. While the clerk types in the grid it is
 * folded to one line (the counts and a 展开 button), so it does not cover the rows being typed; the
 * button opens the full list (and folds it again).
 */
import { useSyncExternalStore, type RefObject } from 'react';
import { cellAccessibleName } from '../../domain/table-layout.ts';
import type { GridFinding } from './table-analysis.ts';
import type { TableStore } from './table-store.ts';

export interface GridMessagesProps {
  readonly store: TableStore;
  readonly labelOf: (key: string) => string;
  readonly onLocate: (key: string) => void;
  readonly onFix: (item: GridFinding) => void;
  readonly onFillZeros: (keys: readonly string[]) => void;
  readonly headingId: string;
  readonly panelRef: RefObject<HTMLElement | null>;
  /** The full list shows; otherwise only the summary line. */
  readonly open: boolean;
  readonly onToggle: () => void;
}

function severityText(item: GridFinding): string {
  if (!item.highlight || item.pending) return '待填';
  return item.finding.severity === 'error' ? '错误' : '提示';
}

export function GridMessages({ store, labelOf, onLocate, onFix, onFillZeros, headingId, panelRef, open, onToggle }: GridMessagesProps) {
  const analysis = useSyncExternalStore(store.subscribe, store.get);
  const { formatProblems, findings, errorCount, pendingCount, warningCount, emptyInputs } = analysis;
  const empty = new Set(emptyInputs);
  const ruleFindings = findings.filter((item) => item.highlight || item.pending);
  const reminders = findings.filter((item) => !item.highlight && !item.pending);
  const summary =
    errorCount + pendingCount + warningCount === 0
      ? '本表暂未发现问题'
      : [errorCount > 0 ? `${errorCount} 处错误` : '', pendingCount > 0 ? `${pendingCount} 处待填` : '', warningCount > 0 ? `${warningCount} 处提示` : '']
          .filter(Boolean)
          .join('，');

  const listId = `${headingId}-list`;
  const hasList = formatProblems.length + findings.length > 0;

  return (
    <section className={`tg-messages${open ? '' : ' tg-messages-folded'}`} aria-labelledby={headingId} ref={panelRef}>
      <div className="tg-messages-bar">
        <h3 className="tg-messages-heading" id={headingId}>
          本表检查：<span aria-live="polite">{summary}</span>
        </h3>
        {hasList ? (
          <button type="button" className="tg-link tg-messages-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
            <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
            {open ? '收起' : '展开'}
          </button>
        ) : null}
      </div>
      {hasList ? (
        <ul className="tg-message-list" id={listId} hidden={!open}>
          {formatProblems.map((problem) => (
            <li key={problem.id} className="tg-message tg-message-error">
              <span className="tg-severity">错误</span>
              <span className="tg-message-text">
                <button type="button" className="tg-link" onClick={() => onLocate(problem.cell.key)}>
                  {cellAccessibleName(problem.cell)}
                </button>
                ：{problem.message}
              </span>
            </li>
          ))}
          {ruleFindings.map((item) => {
            // One element whether 待填 or an error, so a button keeps its identity when the focus
            // entering the check list turns the one into the other.
            const locateAt = item.pending ? (item.finding.pending ?? []).find((key) => empty.has(key)) : item.cells[0];
            return (
              <li key={item.id} id={item.id} className={`tg-message tg-message-${item.pending ? 'note' : item.finding.severity}`}>
                <span className="tg-severity">{severityText(item)}</span>
                <span className="tg-message-text">{item.text}</span>
                <span className="tg-message-actions">
                  {locateAt !== undefined ? (
                    <button type="button" className="tg-link" onClick={() => onLocate(locateAt)} aria-label={`定位到 ${labelOf(locateAt)}`}>
                      定位
                    </button>
                  ) : null}
                  {item.fix ? (
                    <button type="button" className="tg-button tg-fix" onClick={() => onFix(item)}>
                      {item.fix.label}
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
          {reminders.map((item) => {
            // Only this reminder's own area (table 二 has one per 第二十条 item), only cells the clerk can type in.
            const cells = item.cells.filter((key) => empty.has(key));
            return (
              <li key={item.id} id={item.id} className="tg-message tg-message-note">
                <span className="tg-severity">{severityText(item)}</span>
                <span className="tg-message-text">{item.finding.message}</span>
                {cells.length > 0 ? (
                  <span className="tg-message-actions">
                    <button type="button" className="tg-link" onClick={() => onLocate(cells[0]!)} aria-label={`定位到 ${labelOf(cells[0]!)}`}>
                      定位
                    </button>
                    <button type="button" className="tg-button" onClick={() => onFillZeros(cells)}>
                      这 {cells.length} 个空格填 0
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
