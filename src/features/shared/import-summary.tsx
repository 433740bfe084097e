/**
 * What an import read and what differs from the format, for the clerk to confirm before the report
 * becomes a draft or last year's report: cells to fill by hand first, then guesses to check.
 */
import type { ImportReport } from '../../domain/import/index.ts';

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

export function ImportSummary({ report }: { readonly report: ImportReport }) {
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
        <div role="alert">
          <p>以下 {toFill.length} 处没有读出，已留空，请在草稿中核对后填写：</p>
          <List items={toFill} />
        </div>
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
