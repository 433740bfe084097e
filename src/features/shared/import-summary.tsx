/**
 * What an import read and what differs from the format, for the clerk to confirm before the report
 * becomes a draft or last year's report: cells to fill by hand first, then guesses to check.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { ImportReport } from '../../domain/import/index.ts';
import { Modal } from './modal.tsx';
import { storedTotalDisagreements, storedTotalMessage } from '../../domain/stored-totals.ts';

const SHOWN = 12;

function List({ items }: { readonly items: readonly string[] }) {
  return (
    <ul className="import-list">
      {items.slice(0, SHOWN).map((item, index) => (
        <li key={index}>{item}</li>
      ))}
      {items.length > SHOWN && <li>……另有 {items.length - SHOWN} 处</li>}
    </ul>
  );
}

/**
 * `draft` is what was read: a published report's 总计 that disagrees with its own parts is listed, since
 * the app shows every total as the sum of its parts (a common error in published reports).
 */
export function ImportSummary({ report, draft }: { readonly report: ImportReport; readonly draft: Draft }) {
  const totals = storedTotalDisagreements(draft).map((item) => storedTotalMessage(item).replace('：文件中为', '：报告中印为'));
  const toFill = [
    ...report.unreadableCells.map((cell) => `${cell.place}：印为“${cell.text}”，${cell.reason}`),
    ...report.missingCells.map((cell) => `${cell.place}：文件中没有这一格`),
    ...report.unmatchedRows.map((row) => `${row.table}“${row.printed}”（${row.cells.join(' ')}）：${row.reason}`),
  ];
  const toCheck = [...report.guessedLabels.map((guess) => `${guess.table}“${guess.printed}”按“${guess.matched}”读入`), ...report.notes];
  return (
    <div className="import-summary">
      <p>
        读出：<strong>{report.agency || '（未读出机关名称）'}</strong> {report.year}年度报告，{report.format.name}；表格中 {report.cellsRead} 格有数字，
        {report.cellsBlank} 格为空（空格保持为空，不会当作 0）。
      </p>
      {toFill.length === 0 ? (
        <p>三张表的每一格都已读出。</p>
      ) : (
        <div role="alert" className="import-unread">
          <p>以下 {toFill.length} 处没有读出，已留空，请在草稿中核对后填写：</p>
          <List items={toFill} />
        </div>
      )}
      {report.feeSummary !== null && (
        // The fee statement of 六, read or not: its figures are confirmed here with the tables'.
        <p className={report.fees?.read ? 'import-fees' : 'import-fees import-fees-unread'} role={report.fees?.read ? undefined : 'alert'}>
          {report.feeSummary}
        </p>
      )}
      {totals.length > 0 && (
        <>
          <p>报告中有 {totals.length} 个总计与各项之和不符（原报告的计算错误，或某一项印错了）；本工具的总计由各项相加，请核对这些行的各项：</p>
          <List items={totals} />
        </>
      )}
      {toCheck.length > 0 && (
        <>
          <p>请核对：</p>
          <List items={toCheck} />
        </>
      )}
    </div>
  );
}

/**
 * 确认导入的上年报告: a published report (not made by this app) read as last year's report, shown for
 * confirmation before it is used — on 基本信息 and in review mode alike.
 */
export function LastYearImportDialog({
  imported,
  busy = false,
  onConfirm,
  onCancel,
}: {
  readonly imported: { readonly fileName: string; readonly draft: Draft; readonly report: ImportReport };
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  return (
    <Modal
      title="确认导入的上年报告"
      wide
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
            用作上年报告
          </button>
          <button type="button" className="button" onClick={onCancel}>
            取消
          </button>
        </>
      }
    >
      <p>文件“{imported.fileName}”不是本工具生成的，已按报告的标题、标题层级和表格的行名读出：</p>
      <ImportSummary report={imported.report} draft={imported.draft} />
    </Modal>
  );
}
