/** 审核中的报告 on the home screen: reviews of reports received as files, kept in this browser. */
import type { ReviewSession } from '../../storage/side-records.ts';
import { formatDateTime } from './format.ts';
import { routeHash } from './routing.ts';

function stateText(session: ReviewSession): string {
  if (session.outcome) return session.outcome.kind === 'approved' ? '已审核通过' : '已退回修改';
  return session.pending.length > 0 ? `审核中（${session.pending.length} 条意见未发出）` : '审核中';
}

export function ReviewList({ sessions, onRemove }: { sessions: readonly ReviewSession[]; onRemove: (session: ReviewSession) => void }) {
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="reviews-heading" className="drafts-panel rv-home">
      <h2 id="reviews-heading">审核的报告</h2>
      <table className="draft-table">
        <caption className="visually-hidden">在本浏览器中审核的报告</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">年度</th>
            <th scope="col">送审文件</th>
            <th scope="col">打开时间</th>
            <th scope="col">状态</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const name = `${session.draft.agency.name} ${session.draft.year}年度报告的审核`;
            return (
              <tr key={session.id}>
                <th scope="row" className="draft-agency">
                  {session.draft.agency.name}
                </th>
                <td>{session.draft.year}年度</td>
                <td>{session.fileName}</td>
                <td>{formatDateTime(session.openedAt)}</td>
                <td>{stateText(session)}</td>
                <td className="row-actions">
                  <a className="button button-small button-primary" href={routeHash({ page: 'review', sessionId: session.id })} aria-label={`${session.outcome ? '查看' : '继续'} ${name}`}>
                    {session.outcome ? '查看' : '继续审核'}
                  </a>
                  <button type="button" className="button button-small" aria-label={`移除 ${name}`} onClick={() => onRemove(session)}>
                    移除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
