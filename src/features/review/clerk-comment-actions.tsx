/**
 * What the clerk does with a returned comment: mark it resolved (the report was changed accordingly)
 * or answer it (explain instead). Both need the clerk's name, asked once and remembered.
 */
import { useState } from 'react';
import type { ReviewComment, ReviewStatus } from '../../domain/draft-types.ts';
import { answerComment, resolveComment, type ReviewResult } from '../../domain/review.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { Modal } from '../shared/modal.tsx';
import { useServices } from '../shared/services.tsx';
import { commentTitle } from './comment-card.tsx';
import { rememberedName, rememberName } from '../shared/people.ts';

type Mode = 'resolve' | 'answer';

export interface ClerkCommentActionsProps {
  readonly comment: ReviewComment;
  readonly number: number;
  /** The report's review status: comments are answered only while it is returned. */
  readonly status: ReviewStatus;
  readonly onLocate?: () => void;
}

export function ClerkCommentActions({ comment, number, status, onLocate }: ClerkCommentActionsProps) {
  const { currentDraft, commitMeta, readOnly } = useEditor();
  const { now } = useServices();
  const [mode, setMode] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = commentTitle(number);
  const canRespond = !readOnly && status === 'returned' && comment.state !== 'resolved';

  const apply = (result: ReviewResult): boolean => {
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    commitMeta(result.draft);
    setError(null);
    return true;
  };

  const resolveNow = () => {
    const name = rememberedName('clerk');
    if (name.trim() === '') setMode('resolve');
    else apply(resolveComment(currentDraft(), comment.id, name, now()));
  };

  return (
    <>
      {onLocate && (
        <button type="button" className="button button-small" onClick={onLocate} aria-label={`定位到${title}所指位置`}>
          定位
        </button>
      )}
      {canRespond && (
        <>
          <button type="button" className="button button-small button-primary" onClick={resolveNow} aria-label={`标记已解决：${title}`}>
            标记已解决
          </button>
          {/* The accessible name begins with the visible words (WCAG 2.5.3), also once it reads 修改答复. */}
          <button type="button" className="button button-small" onClick={() => setMode('answer')} aria-label={`${comment.reply ? '修改答复' : '答复'}：${title}`}>
            {comment.reply ? '修改答复' : '答复'}
          </button>
        </>
      )}
      {error && !mode && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {mode && (
        <RespondDialog
          mode={mode}
          title={title}
          initialText={comment.reply?.text ?? ''}
          error={error}
          onCancel={() => {
            setMode(null);
            setError(null);
          }}
          onSubmit={(name, text) => {
            rememberName('clerk', name);
            const done = apply(mode === 'resolve' ? resolveComment(currentDraft(), comment.id, name, now()) : answerComment(currentDraft(), comment.id, name, text, now()));
            if (done) setMode(null);
          }}
        />
      )}
    </>
  );
}

function RespondDialog({
  mode,
  title,
  initialText,
  error,
  onCancel,
  onSubmit,
}: {
  mode: Mode;
  title: string;
  initialText: string;
  error: string | null;
  onCancel: () => void;
  onSubmit: (name: string, text: string) => void;
}) {
  const [name, setName] = useState(rememberedName('clerk'));
  const [text, setText] = useState(initialText);
  return (
    <Modal
      title={mode === 'answer' ? `答复${title}` : `将${title}标记为已解决`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={() => onSubmit(name, text)}>
            {mode === 'answer' ? '提交答复' : '标记已解决'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            取消
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="respond-name">您的姓名（编制人）</label>
        <input id="respond-name" type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} {...(name ? {} : { 'data-autofocus': true })} />
      </div>
      {mode === 'answer' && (
        <div className="field">
          <label htmlFor="respond-text">答复内容</label>
          <textarea id="respond-text" rows={4} value={text} onChange={(event) => setText(event.target.value)} {...(name ? { 'data-autofocus': true } : {})} />
          <p className="field-help">说明是否已按意见修改，或者为什么不需要修改。答复会随报告发给审核人。</p>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
