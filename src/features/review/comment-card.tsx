/** One review comment as both sides read it: where, what, who and when, and how the clerk answered. */
import type { ReactNode } from 'react';
import type { ReviewComment } from '../../domain/draft-types.ts';
import { commentStateLabels } from '../../domain/review.ts';
import { formatDateTime } from '../shared/format.ts';

export interface CommentCardProps {
  readonly comment: Pick<ReviewComment, 'text'> & Partial<ReviewComment>;
  /** `意见 1`: the comment's number in the report. */
  readonly number: number;
  /** Where it points, in words; null: the place no longer exists in the report. */
  readonly place: string | null;
  /** Not yet sent (the reviewer's draft comment). */
  readonly pending?: boolean;
  readonly actions?: ReactNode;
  readonly highlight?: boolean;
}

export function commentTitle(number: number): string {
  return `意见 ${number}`;
}

export function CommentCard({ comment, number, place, pending, actions, highlight }: CommentCardProps) {
  const state = pending ? 'pending' : (comment.state ?? 'open');
  const stateText = pending ? '未发出' : commentStateLabels[comment.state ?? 'open'];
  return (
    <li className={`rv-comment rv-comment-${state}${highlight ? ' rv-comment-highlight' : ''}`} data-comment-number={number}>
      <p className="rv-comment-head">
        <span className="rv-comment-no">{commentTitle(number)}</span>
        <span className={`rv-state rv-state-${state}`}>{stateText}</span>
        <span className="rv-comment-place">{place ?? '（位置在报告中已不存在）'}</span>
      </p>
      <p className="rv-comment-text">{comment.text}</p>
      {!pending && comment.author && (
        <p className="rv-comment-meta">
          {comment.author}
          {comment.round ? ` · 第 ${comment.round} 轮` : ''}
          {comment.at ? ` · ${formatDateTime(comment.at)}` : ''}
        </p>
      )}
      {comment.reply && (
        <p className="rv-comment-reply">
          <span className="rv-comment-reply-label">答复</span>
          {comment.reply.text}
          <span className="rv-comment-meta">
            {' '}
            （{comment.reply.author} · {formatDateTime(comment.reply.at)}）
          </span>
        </p>
      )}
      {comment.resolved && (
        <p className="rv-comment-meta">
          已由 {comment.resolved.author} 于 {formatDateTime(comment.resolved.at)} 标记为已解决
        </p>
      )}
      {actions && <div className="rv-comment-actions">{actions}</div>}
    </li>
  );
}
