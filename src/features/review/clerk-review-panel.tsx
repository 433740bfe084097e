/**
 * 审核 on the clerk's 检查与生成 page: the review state, 提交审核 / 重新提交 (each downloads the review
 * file to send to the reviewer), the reviewer's comments with what the clerk did about them, and the
 * 审核记录 of every round.
 */
import { useId, useMemo, useState } from 'react';
import { reviewOf, settingsOf, type Draft } from '../../domain/draft-types.ts';
import { anchorLabel, openComments, resubmit, submitForReview, submitter, type ReviewResult } from '../../domain/review.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import { formatDateTime } from '../shared/format.ts';
import { useServices } from '../shared/services.tsx';
import { editorPlace } from './anchors.ts';
import { ClerkCommentActions } from './clerk-comment-actions.tsx';
import { CommentCard } from './comment-card.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { rememberedName, rememberName } from '../shared/people.ts';
import { downloadReviewFile } from './review-files.ts';
import { TextChange } from './round-changes-panel.tsx';
import { statusBadge, StatusBadgeView } from '../shared/review-status.tsx';
import { verdictMessage } from '../../domain/approval-verdict.ts';
import { changeKindLabels, changesSinceReviewed, type ChangeTarget } from '../../domain/round-changes.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import type { StepId } from '../kernel/steps.ts';
import { useApprovalVerdict } from '../shared/reviewers-source.ts';
import './review.css';

type Message = { tone: 'ok' | 'error'; text: string } | null;

/** Where the clerk edits a changed place: the cell, or the text box of the paragraph's part. */
function changePlace(target: ChangeTarget, template: ReportTemplate) {
  if (target.kind === 'cell') return editorPlace({ kind: 'cell', cell: target.cell }, template);
  return target.anchor ? editorPlace(target.anchor, template) : null;
}

const shortened = (text: string) => {
  const characters = Array.from(text.replace(/\n/g, ' / '));
  return characters.length > 40 ? `${characters.slice(0, 40).join('')}……` : characters.join('');
};

/**
 * While a returned report is revised: what changed since the reviewer saw it — the list the reviewer
 * will see when it is resubmitted — so that the clerk can check nothing was changed by mistake.
 */
function ChangesSinceReturned({ draft, template, goTo }: { draft: Draft; template: ReportTemplate; goTo: (step: StepId, focusId?: string) => void }) {
  const changes = useMemo(() => changesSinceReviewed(draft), [draft]);
  if (!changes) return null;
  return (
    <section aria-labelledby="review-changes-heading" className="rv-clerk-changes">
      <h3 id="review-changes-heading">退回后的改动（{changes.changes.length}处）</h3>
      {changes.changes.length === 0 ? (
        <p className="field-help">与第{changes.round}轮审核人看到的内容相比，还没有改动。</p>
      ) : (
        <>
          <p className="field-help">重新提交后，审核人会看到这些改动（与第{changes.round}轮相比）。</p>
          <ol className="rc-list">
            {changes.changes.map((change, index) => {
              const place = changePlace(change.target, template);
              const empty = change.target.kind === 'cell' ? '未填' : '无';
              return (
                <li key={index} className={`rc-item rc-${change.kind}`}>
                  <span className={`rc-kind rc-kind-${change.kind}`}>{changeKindLabels[change.kind]}</span>
                  {place ? (
                    <button type="button" className="rv-link" onClick={() => goTo(place.step, place.elementId)}>
                      {change.place}
                    </button>
                  ) : (
                    change.place
                  )}
                  {change.segments ? (
                    <span className="rc-values">
                      <TextChange segments={change.segments} />
                    </span>
                  ) : (
                    <span className="rc-values">
                      {change.kind !== 'added' && <span className="rc-before">原：{change.before === '' ? empty : shortened(change.before)}</span>}
                      {change.kind !== 'removed' && <span className="rc-after">现：{change.after === '' ? empty : shortened(change.after)}</span>}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

function lastEntry(draft: Draft, ...actions: string[]) {
  return [...reviewOf(draft).history].reverse().find((entry) => actions.includes(entry.action));
}

export function ClerkReviewPanel() {
  const { currentDraft, commitMeta, autosave, readOnly, template, goTo } = useEditor();
  const { draft, findings } = useLiveDraft();
  const { now } = useServices();
  const verdict = useApprovalVerdict(draft)?.verdict;
  const nameId = useId();
  const review = reviewOf(draft);
  const [name, setName] = useState(() => rememberedName('clerk') || submitter(draft) || '');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const open = openComments(draft).length;

  const act = async (step: (draft: Draft) => ReviewResult, done: string) => {
    setBusy(true);
    try {
      rememberName('clerk', name.trim());
      const result = step(currentDraft());
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.message });
        return;
      }
      commitMeta(result.draft);
      if (!readOnly) await autosave.flush();
      const fileName = await downloadReviewFile(currentDraft());
      setMessage({ tone: 'ok', text: `${done}已下载审核文件“${fileName}”，请把这个文件发给审核人。` });
    } catch {
      setMessage({ tone: 'error', text: '下载审核文件时出错，请重试。' });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    const fileName = await downloadReviewFile(currentDraft());
    setMessage({ tone: 'ok', text: `已下载审核文件“${fileName}”。` });
  };

  /** The clerk's name and the button that sends the report (提交审核, 重新提交): both download the review file. */
  const sendForReview = (step: (draft: Draft) => ReviewResult, done: string, label: string) => (
    <>
      <div className="field field-short">
        <label htmlFor={nameId}>提交人（编制人）姓名</label>
        <input id={nameId} type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={readOnly || busy} onClick={() => void act(step, done)}>
          {label}
        </button>
      </div>
    </>
  );

  const submittedAt = lastEntry(draft, 'submitted', 'resubmitted');
  const returned = lastEntry(draft, 'returned');
  const numbered = review.comments.map((comment, index) => ({ comment, number: index + 1 }));
  // Latest round first: what the clerk has to deal with now is on top.
  const shown = [...numbered].sort((a, b) => b.comment.round - a.comment.round || a.number - b.number);

  return (
    <section aria-labelledby="review-heading" className="rv-clerk">
      <h2 id="review-heading" className="part-heading">
        审核
      </h2>
      <p className="rv-clerk-status">
        当前状态：<StatusBadgeView badge={statusBadge(draft, verdict)} prefix="" />
        {review.status === 'approved' && review.approval && (
          <span>
            {' '}
            审核人 {review.approval.reviewer}（{review.approval.role}），{formatDateTime(review.approval.at)}
          </span>
        )}
      </p>
      {verdict && verdict.state !== 'none' && review.status === 'approved' && (
        <p className={verdict.state === 'void' ? 'rv-note-warning' : 'field-help'} role="note">
          {verdictMessage(verdict, formatDateTime)}
        </p>
      )}
      {!settingsOf(draft).requireApproval && (
        <p className="field-help">本报告已设置为无须审核即可生成正式版（见“基本信息”中的“正式版须经审核通过后生成”）。仍可以提交审核。</p>
      )}

      {review.status === 'editing' && (
        <>
          <p className="field-help">
            提交审核后，报告状态变为“待审核”，并下载一份审核文件（草稿文件，带审核状态和记录）。把它发给审核人；审核人用本工具打开后审核，退回修改或审核通过，再把文件发回。
          </p>
          {errors > 0 && <p className="rv-note-warning">报告还有 {errors} 个错误。有错误的报告审核人不能审核通过，建议先修改。</p>}
          {sendForReview((current) => submitForReview(current, name, now()), '已提交审核，', '提交审核')}
        </>
      )}

      {review.status === 'submitted' && (
        <>
          <p>
            {submittedAt ? `已于 ${formatDateTime(submittedAt.at)} 由 ${submittedAt.by} 提交审核，` : '已提交审核，'}
            等待审核结果。收到审核人发回的文件后，在首页用“打开草稿文件”打开它。
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void download()}>
              再次下载送审文件
            </button>
          </div>
        </>
      )}

      {review.status === 'returned' && (
        <>
          <p>
            {returned ? `${returned.by}${returned.role ? `（${returned.role}）` : ''}于 ${formatDateTime(returned.at)} 退回修改。` : '报告被退回修改。'}
            {open > 0 ? `还有 ${open} 条意见待处理：逐条修改后标记“已解决”，或作出答复。` : '意见都已处理，可以重新提交审核。'}
          </p>
          {sendForReview((current) => resubmit(current, name, now()), '已重新提交审核，', '重新提交')}
          <ChangesSinceReturned draft={draft} template={template} goTo={goTo} />
        </>
      )}

      {review.status === 'approved' && (
        <p>报告已审核通过，内容不可修改。如需修改，请点击页面上方的“修改”：内容与审核通过时不同，审核即失效，须重新提交审核；改回原样，审核恢复有效。</p>
      )}

      {/* A polite live region (not role=status: the page's Word status keeps that role). */}
      <p aria-live="polite" className={message?.tone === 'error' ? 'field-error' : 'generate-status'} data-testid="review-message">
        {message?.text}
      </p>

      {shown.length > 0 && (
        <section aria-labelledby="review-comments-heading" className="rv-clerk-comments">
          <h3 id="review-comments-heading">审核意见</h3>
          <ul className="rv-comment-list">
            {shown.map(({ comment, number }) => {
              const place = editorPlace(comment.anchor, template);
              return (
                <CommentCard
                  key={comment.id}
                  comment={comment}
                  number={number}
                  place={anchorLabel(draft, comment.anchor)}
                  actions={
                    <ClerkCommentActions
                      comment={comment}
                      number={number}
                      status={review.status}
                      {...(place ? { onLocate: () => goTo(place.step, place.elementId) } : {})}
                    />
                  }
                />
              );
            })}
          </ul>
        </section>
      )}
      {review.history.length > 0 && <HistoryPanel draft={draft} headingLevel={3} />}
    </section>
  );
}
