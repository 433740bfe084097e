/** 审核记录: every step of every round — who, when, what was decided, and the comments made with it. */
import { reviewOf, type Draft } from '../../domain/draft-types.ts';
import { anchorLabel, reviewActionLabels } from '../../domain/review.ts';
import { formatDateTime } from '../shared/format.ts';
import { commentTitle } from './comment-card.tsx';

export function HistoryPanel({ draft, headingLevel = 2 }: { draft: Draft; headingLevel?: 2 | 3 }) {
  const review = reviewOf(draft);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const numbers = new Map(review.comments.map((comment, index) => [comment.id, index + 1]));
  const byId = new Map(review.comments.map((comment) => [comment.id, comment]));
  return (
    <section className="rv-history" aria-labelledby="review-history-heading">
      <Heading id="review-history-heading" className="part-heading">
        审核记录
      </Heading>
      {review.history.length === 0 ? (
        <p className="muted">还没有提交过审核。</p>
      ) : (
        <table className="rv-history-table">
          <caption className="visually-hidden">审核记录，按时间先后</caption>
          <thead>
            <tr>
              <th scope="col">轮次</th>
              <th scope="col">时间</th>
              <th scope="col">操作</th>
              <th scope="col">人员</th>
              <th scope="col">审核意见</th>
            </tr>
          </thead>
          <tbody>
            {review.history.map((entry, index) => (
              <tr key={index} className={`rv-history-${entry.action}`}>
                <td>第 {entry.round} 轮</td>
                <td>{formatDateTime(entry.at)}</td>
                <td>{reviewActionLabels[entry.action]}</td>
                <td>
                  {entry.by || '—'}
                  {entry.role ? `（${entry.role}）` : ''}
                </td>
                <td>
                  {entry.comments && entry.comments.length > 0 ? (
                    <ul className="rv-history-comments">
                      {entry.comments.map((id) => {
                        const comment = byId.get(id);
                        if (!comment) return <li key={id}>{id}</li>;
                        return (
                          <li key={id}>
                            {commentTitle(numbers.get(id) ?? 0)}（{anchorLabel(draft, comment.anchor) ?? '位置已不存在'}）：{comment.text}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
