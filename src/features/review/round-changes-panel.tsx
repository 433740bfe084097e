/**
 * From round 2 on, what the reviewer reads first: the list of what changed since the round they last
 * decided on (each item jumps to its place in the report, where it is marked too), and each comment
 * of that round with the clerk's answer beside it and whether the place it points to changed.
 * Nothing is shown in round 1 or for a file that carries no record of the earlier round.
 */
import type { CommentAnchor, Draft, ReviewComment } from '../../domain/draft-types.ts';
import { reviewOf } from '../../domain/draft-types.ts';
import { anchorLabel, commentStateLabels } from '../../domain/review.ts';
import { anchorChanged, changeKindLabels, type ChangeTarget, type RoundChange, type RoundChanges, type TextSegment } from '../../domain/round-changes.ts';
import { formatDateTime } from '../shared/format.ts';
import { commentTitle } from './comment-card.tsx';
import { DiffSegments } from './diff-segments.tsx';
import { changedParagraphId, PREVIEW_SIGNATURE_ID, PREVIEW_TITLE_ID, previewAnchorId } from './report-preview.tsx';

/** The element of the preview where a change is marked. */
export function changeElementId(target: ChangeTarget): string {
  if (target.kind === 'cell') return previewAnchorId({ kind: 'cell', cell: target.cell });
  if (!target.anchor) return target.place === 'title' ? PREVIEW_TITLE_ID : PREVIEW_SIGNATURE_ID;
  if (target.paragraph === null || target.anchor.kind !== 'paragraph') return previewAnchorId(target.anchor);
  return changedParagraphId(target.anchor, target.paragraph);
}

/** Scrolls the preview to an element and puts focus on it (its button, when it has one). */
export function locateElement(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
  const target = element.querySelector<HTMLElement>('button') ?? element;
  target.focus({ preventScroll: true });
}

/** Long texts are cut in the list: the report itself shows them whole. */
function shortened(text: string): string {
  const characters = Array.from(text.replace(/\n/g, ' / '));
  return characters.length > 60 ? `${characters.slice(0, 60).join('')}……` : text.replace(/\n/g, ' / ');
}

/** Kept text around the changes, cut to `context` characters on each side: the list shows what changed, not whole paragraphs. */
function excerpt(segments: readonly TextSegment[], context = 14): TextSegment[] {
  return segments.map((segment, index) => {
    if (segment.kind !== 'same') return segment;
    const characters = Array.from(segment.text);
    const first = index === 0;
    const last = index === segments.length - 1;
    if (characters.length <= (first || last ? context : 2 * context)) return segment;
    if (first) return { kind: 'same', text: `……${characters.slice(-context).join('')}` };
    if (last) return { kind: 'same', text: `${characters.slice(0, context).join('')}……` };
    return { kind: 'same', text: `${characters.slice(0, context).join('')}……${characters.slice(-context).join('')}` };
  });
}

/** A changed paragraph in a list: the changed characters with a little of the text around them. */
export function TextChange({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <span className="rc-excerpt">
      <DiffSegments segments={excerpt(segments)} />
    </span>
  );
}

function ChangeItem({ change, round }: { change: RoundChange; round: number }) {
  const isCell = change.target.kind === 'cell';
  const empty = isCell ? '未填' : '无';
  if (change.segments) {
    return (
      <li className={`rc-item rc-${change.kind}`}>
        <span className={`rc-kind rc-kind-${change.kind}`}>{changeKindLabels[change.kind]}</span>
        <button type="button" className="rv-link rc-place" onClick={() => locateElement(changeElementId(change.target))}>
          {change.place}
        </button>
        <span className="rc-values">
          <TextChange segments={change.segments} />
        </span>
      </li>
    );
  }
  return (
    <li className={`rc-item rc-${change.kind}`}>
      <span className={`rc-kind rc-kind-${change.kind}`}>{changeKindLabels[change.kind]}</span>
      <button type="button" className="rv-link rc-place" onClick={() => locateElement(changeElementId(change.target))}>
        {change.place}
      </button>
      <span className="rc-values">
        {change.kind !== 'added' && (
          <span className="rc-before">
            第{round}轮：{change.before === '' ? empty : shortened(change.before)}
          </span>
        )}
        {change.kind !== 'removed' && (
          <span className="rc-after">
            现在：{change.after === '' ? empty : shortened(change.after)}
          </span>
        )}
      </span>
    </li>
  );
}

function answerOf(comment: ReviewComment): string {
  if (comment.reply) return comment.reply.text;
  if (comment.state === 'resolved') return '（未作文字答复，已标记为已解决）';
  return '（未答复）';
}

function CommentRow({ comment, number, draft, changes }: { comment: ReviewComment; number: number; draft: Draft; changes: RoundChanges }) {
  const changed = anchorChanged(changes, comment.anchor, draft);
  const locate = (anchor: CommentAnchor) => locateElement(previewAnchorId(anchor));
  return (
    <tr>
      <th scope="row" className="rc-comment">
        <span className="rv-comment-no">{commentTitle(number)}</span> <span className="rv-comment-place">{anchorLabel(draft, comment.anchor) ?? '（位置在报告中已不存在）'}</span>
        <span className="rc-comment-text">{comment.text}</span>
      </th>
      <td className="rc-answer">
        <span className={`rv-state rv-state-${comment.state}`}>{commentStateLabels[comment.state]}</span> {answerOf(comment)}
        {comment.reply && (
          <span className="rv-comment-meta">
            （{comment.reply.author} · {formatDateTime(comment.reply.at)}）
          </span>
        )}
      </td>
      <td className="rc-place-state">
        <span className={changed ? 'rc-changed-yes' : 'rc-changed-no'}>{changed ? '该处已改动' : '该处未改动'}</span>
        <button type="button" className="button button-small" onClick={() => locate(comment.anchor)} aria-label={`定位到${commentTitle(number)}所指位置`}>
          定位
        </button>
      </td>
    </tr>
  );
}

export function RoundChangesPanel({ draft, changes }: { draft: Draft; changes: RoundChanges }) {
  const comments = reviewOf(draft).comments;
  const ofRound = comments.map((comment, index) => ({ comment, number: index + 1 })).filter(({ comment }) => comment.round === changes.round);
  const count = changes.changes.length;
  return (
    <section className="rc-panel" aria-labelledby="rc-heading">
      <h2 id="rc-heading" className="rc-heading">
        与第{changes.round}轮相比的改动（{count}处）
      </h2>
      {count === 0 ? (
        <p className="muted">与第{changes.round}轮送审的内容相比，报告没有改动。</p>
      ) : (
        <>
          <p className="rc-help">改动处在下面的报告中也已标出：表格中改过的数字旁注明原数，文字中新增的字加下划线，删去的字加删除线。点击位置可跳到该处。</p>
          <ol className="rc-list">
            {changes.changes.map((change, index) => (
              <ChangeItem key={index} change={change} round={changes.round} />
            ))}
          </ol>
        </>
      )}
      {!changes.textCompared && (
        <p className="rv-note-warning" role="note">
          第{changes.round}轮的文字超过长度上限，没有保存，只比较了表格中的数字。
        </p>
      )}
      {ofRound.length > 0 && (
        <>
          <h3 className="rc-subheading" id="rc-comments-heading">
            第{changes.round}轮的审核意见和编制人的答复
          </h3>
          <table className="rc-comments" aria-labelledby="rc-comments-heading">
            <thead>
              <tr>
                <th scope="col">审核意见</th>
                <th scope="col">编制人的答复</th>
                <th scope="col">该处是否改动</th>
              </tr>
            </thead>
            <tbody>
              {ofRound.map(({ comment, number }) => (
                <CommentRow key={comment.id} comment={comment} number={number} draft={draft} changes={changes} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
