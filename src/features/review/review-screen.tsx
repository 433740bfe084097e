/**
 * Review mode (the supervisor's side): a report received as a file, rendered read-only as it will
 * print, with every finding, last year's comparison, the comments of earlier rounds with the clerk's
 * answers, and the 审核记录. From round 2 on, what changed since the round the reviewer last decided on
 * comes first and is marked in the report. The reviewer attaches comments to sections, paragraphs and cells, then
 * decides: 退回修改 (with the comments) or 审核通过 (name, role; the time is recorded). Either way the
 * report to send back is downloaded as a file. The work in progress is kept in this browser.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { previousValueLookup } from '../../domain/cross-year.ts';
import { reviewOf, type CommentAnchor, type Draft } from '../../domain/draft-types.ts';
import {
  anchorKey,
  anchorLabel,
  approve,
  currentRound,
  returnForChanges,
  reviewStatusLabels,
  submitter,
} from '../../domain/review.ts';
import { verdictMessage } from '../../domain/approval-verdict.ts';
import { changesSinceRound } from '../../domain/round-changes.ts';
import type { StoredSigningKey } from '../../storage/side-records.ts';
import { reviewersNotice, useApprovalVerdict } from '../shared/reviewers-source.ts';
import { SigningKeyPanel } from './signing-key-panel.tsx';
import { indexTemplate } from '../../domain/template.ts';
import { templateOf } from '../../domain/values.ts';
import type { ReviewSession } from '../../storage/side-records.ts';
import type { LastYear } from '../kernel/last-year-source.ts';
import type { CrossYearNoticesComponent } from '../kernel/step-slots.ts';
import { readDraftFile } from '../shared/read-draft-file.ts';
import { findingsOf } from '../kernel/live-draft.ts';
import { AppHeader } from '../shared/app-header.tsx';
import { FileChooser, REPORT_FILE_ACCEPT } from '../shared/file-chooser.tsx';
import { importReportFile, isWebPageName } from '../shared/import-report-file.ts';
import { LastYearImportDialog } from '../shared/import-summary.tsx';
import type { ImportReport } from '../../domain/import/index.ts';
import { formatDateTime, formatName } from '../shared/format.ts';
import { Modal } from '../shared/modal.tsx';
import { routeHash } from '../shared/routing.ts';
import { useServices } from '../shared/services.tsx';
import { CommentCard, commentTitle } from './comment-card.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { rememberedName, rememberName } from '../shared/people.ts';
import { previewAnchorId, ReportPreview, type PreviewMark } from './report-preview.tsx';
import { downloadReviewFile } from './review-files.ts';
import { RoundChangesPanel } from './round-changes-panel.tsx';
import { statusBadge, StatusBadgeView } from '../shared/review-status.tsx';
import './review.css';

export interface ReviewScreenProps {
  readonly session: ReviewSession;
  readonly lastYear: LastYear;
  readonly onChange: (session: ReviewSession) => Promise<void>;
  /** The comparison with last year (src/features/last-year), passed in by the route in src/app. */
  readonly CrossYearNotices: CrossYearNoticesComponent;
}

type Composer = { anchor: CommentAnchor; editing: string | null; text: string; error: string | null };

/** Scrolls the preview to a place and puts focus on it (its 意见 button or cell). */
function locate(anchor: CommentAnchor) {
  const element = document.getElementById(previewAnchorId(anchor));
  if (!element) return;
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
  const target = element.querySelector<HTMLElement>('button') ?? element;
  target.focus({ preventScroll: true });
}

/** The place a finding is about, when it is a table cell (findings name cells first). */
function findingAnchor(draft: Draft, cells: readonly string[]): CommentAnchor | null {
  const index = indexTemplate(templateOf(draft)).cellsByKey;
  const key = cells.find((cell) => index.has(cell));
  return key ? { kind: 'cell', cell: key } : null;
}

export function ReviewScreen({ session, lastYear, onChange, CrossYearNotices }: ReviewScreenProps) {
  const { now } = useServices();
  const received = session.draft;
  const shown = session.outcome?.draft ?? received;
  const review = reviewOf(shown);
  const decided = session.outcome !== null;
  const canDecide = !decided && reviewOf(received).status === 'submitted';
  const [composer, setComposer] = useState<Composer | null>(null);
  const [reviewer, setReviewer] = useState(() => ({
    name: session.reviewer.name || rememberedName('reviewerName'),
    role: session.reviewer.role || rememberedName('reviewerRole'),
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showPrevious, setShowPrevious] = useState(false);
  const checked = useApprovalVerdict(shown);
  const verdict = checked?.verdict;
  const listNotice = reviewersNotice(checked?.reviewers ?? null);
  const [signingKey, setSigningKey] = useState<StoredSigningKey | null>(null);
  const onKey = useCallback((key: StoredSigningKey | null) => {
    setSigningKey(key);
    // The key holder is the reviewer: prefill the decision form when it is still empty.
    if (key) setReviewer((current) => (current.name.trim() ? current : { name: key.name, role: current.role.trim() ? current.role : key.role }));
  }, []);
  const [lastYearProblem, setLastYearProblem] = useState<string | null>(null);
  /** Last year's report imported from its web page or a Word file, waiting for the supervisor to confirm it. */
  const [importedLastYear, setImportedLastYear] = useState<{ fileName: string; draft: Draft; report: ImportReport } | null>(null);
  const nameId = useId();
  const roleId = useId();

  const findings = useMemo(() => findingsOf(received, lastYear.draft), [received, lastYear.draft]);
  // Compared on the file as received: after the decision it records this round's own content.
  const changes = useMemo(() => changesSinceRound(received), [received]);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const previousValues = useMemo(
    () => (lastYear.draft && showPrevious ? previousValueLookup(received, lastYear.draft) : null),
    [received, lastYear.draft, showPrevious],
  );

  // Sent comments keep their number in the report; the pending ones follow.
  const sentCount = review.comments.length;
  const marks = useMemo(() => {
    const map = new Map<string, PreviewMark[]>();
    const add = (anchor: CommentAnchor, mark: PreviewMark) => map.set(anchorKey(anchor), [...(map.get(anchorKey(anchor)) ?? []), mark]);
    review.comments.forEach((comment, index) => add(comment.anchor, { number: index + 1, state: comment.state }));
    if (!decided) session.pending.forEach((comment, index) => add(comment.anchor, { number: sentCount + index + 1, state: 'pending' }));
    return map;
  }, [review.comments, session.pending, decided, sentCount]);

  const startComment = useCallback((anchor: CommentAnchor) => setComposer({ anchor, editing: null, text: '', error: null }), []);

  const saveReviewer = (next: { name: string; role: string }) => {
    setReviewer(next);
    void onChange({ ...session, reviewer: next });
  };

  const saveComment = async () => {
    if (!composer) return;
    const text = composer.text.trim();
    if (text === '') {
      setComposer({ ...composer, error: '请填写意见内容' });
      return;
    }
    const pending = composer.editing
      ? session.pending.map((comment) => (comment.id === composer.editing ? { ...comment, text } : comment))
      : [...session.pending, { id: `p${Date.now().toString(36)}${session.pending.length}`, anchor: composer.anchor, text }];
    // Closed at once: the comment shows in the list straight away (the route updates the session before it
    // stores it), and nothing the reviewer types next goes to a dialog that is about to close.
    setComposer(null);
    await onChange({ ...session, pending });
  };

  const removeComment = (id: string) => void onChange({ ...session, pending: session.pending.filter((comment) => comment.id !== id) });

  const decide = async (kind: 'returned' | 'approved') => {
    setBusy(true);
    setError(null);
    try {
      rememberName('reviewerName', reviewer.name.trim());
      rememberName('reviewerRole', reviewer.role.trim());
      if (kind === 'approved' && session.pending.length > 0) {
        setError(`还有 ${session.pending.length} 条未发出的意见。审核通过不会带上这些意见：请删除它们，或选择“退回修改”。`);
        return;
      }
      if (kind === 'approved' && !signingKey) {
        setError('审核通过须用签名密钥签名：请先在上面的“签名密钥”中创建或导入密钥。');
        return;
      }
      const result =
        kind === 'returned'
          ? returnForChanges(received, reviewer, session.pending.map(({ anchor, text }) => ({ anchor, text })), now())
          : await approve(received, reviewer, signingKey!.key, now());
      if (!result.ok) {
        setError(result.message);
        return;
      }
      // The reviewers list names the key's holder: an approval signed under another name would be void.
      if (kind === 'approved' && reviewer.name.trim() !== signingKey!.name) {
        setError(`本机的签名密钥属于“${signingKey!.name}”，审核人姓名须与之一致（现在填的是“${reviewer.name.trim()}”）。`);
        return;
      }
      const fileName = await downloadReviewFile(result.draft);
      await onChange({ ...session, reviewer, pending: [], outcome: { kind, draft: result.draft, fileName, at: now().toISOString() } });
    } catch {
      setError('生成审核文件时出错，请重试。');
    } finally {
      setBusy(false);
    }
  };

  const attachLastYear = async (file: File) => {
    if (!isWebPageName(file.name)) {
      const read = await readDraftFile(file);
      if (read.ok) {
        await takeLastYear(file.name, read.draft);
        return;
      }
      // A Word file without the app's draft inside is read as a published report below.
      if (!/\.docx$/i.test(file.name)) {
        setLastYearProblem(`文件“${file.name}”不能作为上年报告使用：${read.problems[0]?.message ?? ''}`);
        return;
      }
    }
    const imported = await importReportFile(file);
    if (!imported.ok) {
      setLastYearProblem(`文件“${file.name}”不能作为上年报告使用：${imported.message}`);
      return;
    }
    setLastYearProblem(null);
    setImportedLastYear({ fileName: file.name, draft: imported.draft, report: imported.report });
  };

  const takeLastYear = async (fileName: string, lastYearDraft: Draft) => {
    setLastYearProblem(null);
    await onChange({ ...session, lastYear: { kind: 'file', fileName, at: now().toISOString(), draft: lastYearDraft } });
    setShowPrevious(true);
  };

  const submittedBy = submitter(received);
  const earlier = review.comments.map((comment, index) => ({ comment, number: index + 1 }));

  return (
    <>
      <AppHeader>
        <p className="draft-title">
          <span className="draft-title-name">{received.agency.name || '（未填写机关名称）'}</span>
          <span className="draft-title-row">
            <span className="draft-title-meta">
              {received.year}年度 · {formatName(received.template, received.variant)} · 审核
            </span>
            <StatusBadgeView badge={statusBadge(shown, verdict)} />
          </span>
        </p>
        <div className="header-actions">
          <a className="button button-header" href={routeHash({ page: 'home' })}>
            返回首页
          </a>
        </div>
      </AppHeader>
      <div className="rv-layout">
        <main id="main" className="rv-main">
          <h1 className="rv-title">
            审核报告：{received.agency.name}
            {received.year}年度
          </h1>
          <p className="rv-instructions">
            {canDecide
              ? '下面是报告全文，按打印格式显示，不能修改。点击章节标题、段落或表格中的数字（或旁边的“意见”按钮），可以在该处提出审核意见。'
              : '下面是报告全文，按打印格式显示，不能修改。'}
          </p>
          {changes && <RoundChangesPanel draft={received} changes={changes} />}
          {lastYear.draft && (
            <label className="rv-toggle">
              <input type="checkbox" checked={showPrevious} onChange={(event) => setShowPrevious(event.target.checked)} />
              表格中显示上年数
            </label>
          )}
          <ReportPreview
            draft={shown}
            marks={marks}
            previousValues={previousValues}
            changes={changes}
            onComment={canDecide ? startComment : undefined}
          />
        </main>
        <aside className="rv-side" aria-label="审核">
          <section className="rv-side-section" aria-labelledby="rv-info-heading">
            <h2 id="rv-info-heading">报告信息</h2>
            <dl className="rv-facts">
              <div>
                <dt>文件</dt>
                <dd>{session.fileName}</dd>
              </div>
              <div>
                <dt>状态</dt>
                <dd>
                  <StatusBadgeView badge={statusBadge(shown, verdict)} prefix="" />
                </dd>
              </div>
              {submittedBy && (
                <div>
                  <dt>提交人</dt>
                  <dd>{submittedBy}</dd>
                </div>
              )}
              {currentRound(reviewOf(received)) > 0 && (
                <div>
                  <dt>轮次</dt>
                  <dd>第 {currentRound(reviewOf(received))} 轮</dd>
                </div>
              )}
            </dl>
            {verdict && verdict.state !== 'none' && (
              <p className={verdict.state === 'void' ? 'rv-note-warning' : 'rv-verdict'} role="note">
                {verdictMessage(verdict, formatDateTime)}
              </p>
            )}
            {listNotice && (
              <p className="rv-note-warning" role="note">
                {listNotice}
              </p>
            )}
            {!decided && reviewOf(received).status !== 'submitted' && (
              <p className="rv-note-warning" role="note">
                {verdict?.state === 'void'
                  ? '这份文件的审核无效（原因见上），不是待审核的报告：只能查看。'
                  : `这份文件的状态是“${reviewStatusLabels[reviewOf(received).status]}”，不是待审核的报告：只能查看，不能退回或审核通过。`}
              </p>
            )}
          </section>

          {session.outcome ? (
            <section className="rv-side-section rv-outcome" aria-labelledby="rv-outcome-heading">
              <h2 id="rv-outcome-heading">{session.outcome.kind === 'approved' ? '已审核通过' : '已退回修改'}</h2>
              <p role="status">
                {formatDateTime(session.outcome.at)} 已下载审核文件“{session.outcome.fileName}”。请把这个文件发回编制人
                {session.outcome.kind === 'approved' ? '，编制人打开后即可生成正式版。' : '，编制人按意见修改后会重新提交。'}
              </p>
              <div className="button-row">
                <button type="button" className="button" onClick={() => void downloadReviewFile(session.outcome!.draft)}>
                  再次下载审核文件
                </button>
              </div>
            </section>
          ) : (
            canDecide && (
              <>
                <section className="rv-side-section" aria-labelledby="rv-pending-heading">
                  <h2 id="rv-pending-heading">本轮审核意见（{session.pending.length} 条）</h2>
                  {session.pending.length === 0 ? (
                    <p className="muted">还没有意见。点击报告中的位置提出意见；没有意见的可以直接审核通过。</p>
                  ) : (
                    <ul className="rv-comment-list">
                      {session.pending.map((comment, index) => (
                        <CommentCard
                          key={comment.id}
                          comment={comment}
                          number={sentCount + index + 1}
                          place={anchorLabel(received, comment.anchor)}
                          pending
                          actions={
                            <>
                              <button type="button" className="button button-small" onClick={() => locate(comment.anchor)} aria-label={`定位到${commentTitle(sentCount + index + 1)}所指位置`}>
                                定位
                              </button>
                              <button
                                type="button"
                                className="button button-small"
                                onClick={() => setComposer({ anchor: comment.anchor, editing: comment.id, text: comment.text, error: null })}
                                aria-label={`修改${commentTitle(sentCount + index + 1)}`}
                              >
                                修改
                              </button>
                              <button type="button" className="button button-small" onClick={() => removeComment(comment.id)} aria-label={`删除${commentTitle(sentCount + index + 1)}`}>
                                删除
                              </button>
                            </>
                          }
                        />
                      ))}
                    </ul>
                  )}
                </section>
                <SigningKeyPanel reviewer={reviewer} onKey={onKey} />
                <section className="rv-side-section rv-decision" aria-labelledby="rv-decision-heading">
                  <h2 id="rv-decision-heading">审核决定</h2>
                  <div className="field">
                    <label htmlFor={nameId}>审核人姓名</label>
                    <input id={nameId} type="text" autoComplete="name" value={reviewer.name} onChange={(event) => saveReviewer({ ...reviewer, name: event.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={roleId}>审核人职务</label>
                    <input id={roleId} type="text" value={reviewer.role} placeholder="例如：办公室主任" onChange={(event) => saveReviewer({ ...reviewer, role: event.target.value })} />
                  </div>
                  {errors > 0 && <p className="rv-note-warning">报告还有 {errors} 个错误，不能审核通过。</p>}
                  <div className="button-row">
                    <button type="button" className="button" disabled={busy} onClick={() => void decide('returned')}>
                      退回修改
                    </button>
                    <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('approved')}>
                      审核通过
                    </button>
                  </div>
                  <p className="field-help">退回修改须至少提出一条意见。两种决定都会下载一份审核文件，请发回编制人。审核通过时用本机的签名密钥对审核人、职务、时间、报告内容摘要和设置签名，报告内容此后有任何改动，审核即失效。</p>
                  {error && (
                    <p className="field-error" role="alert">
                      {error}
                    </p>
                  )}
                </section>
              </>
            )
          )}

          <section className="rv-side-section" aria-labelledby="rv-findings-heading">
            <h2 id="rv-findings-heading">检查结果</h2>
            <p className={errors > 0 ? 'summary summary-error' : findings.length > 0 ? 'summary summary-warning' : 'summary summary-ok'}>
              {findings.length === 0 ? '没有发现问题。' : `共 ${errors} 个错误、${findings.length - errors} 个提醒。`}
            </p>
            {findings.length > 0 && (
              <ul className="rv-findings">
                {findings.map((finding, index) => {
                  const anchor = findingAnchor(received, finding.cells);
                  return (
                    <li key={index} className={`finding finding-${finding.severity}`}>
                      <span className={`severity severity-${finding.severity}`}>{finding.severity === 'error' ? '错误' : '提醒'}</span>{' '}
                      {anchor ? (
                        <button type="button" className="rv-link" onClick={() => locate(anchor)}>
                          {finding.message}
                        </button>
                      ) : (
                        finding.message
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <div className="rv-side-section">
            <CrossYearNotices
              current={received}
              lastYear={lastYear}
              headingLevel={2}
              attachHint={
                <FileChooser
                  className="rv-link"
                  accept={REPORT_FILE_ACCEPT}
                  label="选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）"
                  onFile={(file) => void attachLastYear(file)}
                >
                  附上上年报告文件
                </FileChooser>
              }
            />
            {lastYearProblem && (
              <p className="field-error" role="alert">
                {lastYearProblem}
              </p>
            )}
          </div>

          {earlier.length > 0 && (
            <section className="rv-side-section" aria-labelledby="rv-earlier-heading">
              <h2 id="rv-earlier-heading">{decided ? '已发出的审核意见' : '以前各轮的意见和答复'}</h2>
              <ul className="rv-comment-list">
                {earlier.map(({ comment, number }) => (
                  <CommentCard
                    key={comment.id}
                    comment={comment}
                    number={number}
                    place={anchorLabel(shown, comment.anchor)}
                    actions={
                      <button type="button" className="button button-small" onClick={() => locate(comment.anchor)} aria-label={`定位到${commentTitle(number)}所指位置`}>
                        定位
                      </button>
                    }
                  />
                ))}
              </ul>
            </section>
          )}

          <div className="rv-side-section">
            <HistoryPanel draft={shown} />
          </div>
        </aside>
      </div>

      {composer && (
        <Modal
          title={composer.editing ? '修改审核意见' : '提出审核意见'}
          keepClearOf={previewAnchorId(composer.anchor)}
          onClose={() => setComposer(null)}
          actions={
            <>
              <button type="button" className="button button-primary" onClick={() => void saveComment()}>
                {composer.editing ? '保存' : '添加意见'}
              </button>
              <button type="button" className="button" onClick={() => setComposer(null)}>
                取消
              </button>
            </>
          }
        >
          <p className="rv-composer-place">
            位置：<strong>{anchorLabel(received, composer.anchor) ?? '—'}</strong>
          </p>
          <div className="field">
            <label htmlFor="rv-comment-text">意见内容</label>
            <textarea
              id="rv-comment-text"
              rows={5}
              data-autofocus
              value={composer.text}
              onChange={(event) => setComposer({ ...composer, text: event.target.value, error: null })}
            />
          </div>
          {composer.error && (
            <p className="field-error" role="alert">
              {composer.error}
            </p>
          )}
        </Modal>
      )}
      {importedLastYear && (
        <LastYearImportDialog
          imported={importedLastYear}
          onConfirm={() => {
            setImportedLastYear(null);
            void takeLastYear(importedLastYear.fileName, importedLastYear.draft);
          }}
          onCancel={() => setImportedLastYear(null)}
        />
      )}
    </>
  );
}
