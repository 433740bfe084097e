/**
 * Supervisor review and sign-off (issue 5), as pure state transitions over a draft.
 *
 * The cycle: the clerk submits (编辑中 → 待审核); the reviewer returns it with comments anchored to a
 * section, a paragraph or a table cell (→ 退回修改) or approves it (→ 审核通过); the clerk marks each
 * comment resolved or answers it and resubmits (→ 待审核, next round). Every step is kept in
 * `review.history`. An approval records `contentHash(draft)`; it counts exactly while the content matches:
 * `applyContentChange` puts a changed report back into editing (审核后已修改) and approves it again when
 * the content is brought back to what was approved. Each decision records the content decided on
 * (`reviewedContent`), so that the next round shows what changed since (round-changes.ts).
 *
 * Every transition returns a new draft and never mutates its input. An illegal step is refused with a
 * Chinese message for the screen, never an exception.
 */
import { printedTitle } from './report-outline.ts';
import { NO_LIST_WHY as NO_LIST_REASON, verifyApproval, type ApprovalVerdict } from './approval-verdict.ts';
import { contentHash, legacyContentHash } from './content-hash.ts';
import { finalBlockers } from './final-gate.ts';
import { reviewedContentOf } from './round-changes.ts';
import type { ReviewersList } from './reviewers-list.ts';
import { SIGNATURE_ALGORITHM, signPayload, subtleCrypto, NO_CRYPTO_MESSAGE, type SigningKey } from './signing.ts';
import {
  reviewOf,
  settingsOf,
  type CommentAnchor,
  type CommentState,
  type Draft,
  type ReviewAction,
  type ReviewComment,
  type ReviewHistoryEntry,
  type ReviewState,
  type ReviewStatus,
} from './draft-types.ts';
import type { Finding } from './findings.ts';
import { cellAccessibleName } from './table-layout.ts';
import { indexTemplate, narrativeSections, sectionOfCell } from './template.ts';
import { templateOf } from './values.ts';

export type ReviewResult = { ok: true; draft: Draft } | { ok: false; message: string };

export interface Reviewer {
  /** 审核人姓名. */
  name: string;
  /** 审核人职务, e.g. 办公室主任. Required to approve. */
  role: string;
}

/** A comment as the reviewer writes it; id, author, time, round and state are added by `returnForChanges`. */
export interface NewComment {
  anchor: CommentAnchor;
  text: string;
}

export type ApprovalStatus = 'none' | 'valid' | 'voided';

// ---------------------------------------------------------------------------------------------------
// Labels for the screens

export const reviewStatusLabels: Readonly<Record<ReviewStatus, string>> = {
  editing: '编辑中',
  submitted: '待审核',
  returned: '退回修改',
  approved: '审核通过',
};

export const reviewActionLabels: Readonly<Record<ReviewAction, string>> = {
  submitted: '提交审核',
  returned: '退回修改',
  approved: '审核通过',
  resubmitted: '重新提交',
  approvalVoided: '审核后已修改',
  approvalNotRequired: '取消审核要求（正式版不经审核即可生成）',
  approvalRequired: '恢复审核要求',
};

export const commentStateLabels: Readonly<Record<CommentState, string>> = {
  open: '待处理',
  resolved: '已解决',
  answered: '已答复',
};

export const approvalStatusLabels: Readonly<Record<ApprovalStatus, string>> = {
  none: '未审核通过',
  valid: '审核通过',
  voided: '审核后已修改',
};

/** Labels of the paragraph anchors that are not narrative part keys. */
export const paragraphAnchorLabels: Readonly<Record<'intro' | 'preamble' | 'fees', string>> = {
  intro: '开头段落',
  preamble: '编制说明',
  fees: '信息处理费',
};

// ---------------------------------------------------------------------------------------------------
// Helpers

const refuse = (message: string): ReviewResult => ({ ok: false, message });

/** The current review round: the number of submissions so far (0 before the first). */
export function currentRound(review: ReviewState): number {
  return review.history.reduce((round, entry) => Math.max(round, entry.round), 0);
}

function timeOf(now: Date): string | null {
  return Number.isNaN(now.getTime()) ? null : now.toISOString();
}

function withReview(draft: Draft, review: ReviewState, at: string): Draft {
  return { ...draft, review, meta: { ...draft.meta, updatedAt: at } };
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Who submitted the report for the current round (the last submission or resubmission). */
export function submitter(draft: Draft): string | null {
  const entry = [...reviewOf(draft).history].reverse().find((item) => item.action === 'submitted' || item.action === 'resubmitted');
  return entry?.by ?? null;
}

function blockersMessage(blockers: readonly Finding[], what: string): string {
  const errors = blockers.filter((finding) => finding.severity === 'error').length;
  const unfilled = blockers.length - errors;
  const counts = [errors > 0 ? `${errors} 处错误` : '', unfilled > 0 ? `${unfilled} 处未填写` : ''].filter(Boolean).join('、');
  const shown = blockers
    .slice(0, 3)
    .map((finding) => finding.message)
    .join('；');
  return `报告还有${counts}，${what}：${shown}${blockers.length > 3 ? '；……' : ''}`;
}

/**
 * When a review file is older than the same report already in this browser (a local draft, or a
 * review kept by the supervisor): a sentence saying so, else `null`. Rounds count submissions, so a
 * file from round 1 when this browser has reached round 2 is stale — most likely an old attachment
 * opened by mistake. `others` are drafts of the same agency and year.
 */
export function olderRoundMessage(file: Draft, others: readonly Draft[]): string | null {
  const fileRound = currentRound(reviewOf(file));
  const latest = others.reduce<Draft | null>((best, other) => (best && currentRound(reviewOf(best)) >= currentRound(reviewOf(other)) ? best : other), null);
  if (!latest) return null;
  const latestRound = currentRound(reviewOf(latest));
  if (fileRound >= latestRound) return null;
  const fileStep = fileRound === 0 ? '尚未送审' : `第${fileRound}轮（${reviewStatusLabels[reviewOf(file).status]}）`;
  return `这是一份旧文件：文件是${fileStep}的，而此浏览器中这份报告已到第${latestRound}轮（${reviewStatusLabels[reviewOf(latest).status]}）。请确认打开的是最新的文件。`;
}

// ---------------------------------------------------------------------------------------------------
// Anchors

/** A stable string for an anchor, to group comments by place (`cell:applications.newReceived.total`). */
export function anchorKey(anchor: CommentAnchor): string {
  switch (anchor.kind) {
    case 'section':
      return `section:${anchor.section}`;
    case 'paragraph':
      return `paragraph:${anchor.section}/${anchor.part}`;
    case 'cell':
      return `cell:${anchor.cell}`;
  }
}

/**
 * Where an anchor points, in words (e.g. `三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 自然人`);
 * `null` when the place does not exist in this draft (a wrong key, or a hand-edited file).
 */
export function anchorLabel(draft: Draft, anchor: CommentAnchor): string | null {
  const template = templateOf(draft);
  if (!template) return null;
  if (anchor.kind === 'cell') {
    const cell = indexTemplate(template).cellsByKey.get(anchor.cell);
    if (!cell) return null;
    const section = sectionOfCell(template, anchor.cell);
    return [section?.heading, cellAccessibleName(cell)].filter(Boolean).join(' · ');
  }
  const section = template.sections.find((candidate) => candidate.id === anchor.section);
  if (!section) return null;
  if (anchor.kind === 'section') return section.heading;
  if (anchor.part === 'preamble') return paragraphAnchorLabels.preamble;
  const narrative = narrativeSections(template).find((candidate) => candidate.id === anchor.section);
  if (!narrative) return null;
  if (anchor.part === 'intro') return narrative.hasIntro ? `${narrative.heading} · ${paragraphAnchorLabels.intro}` : null;
  if (anchor.part === 'fees') return narrative.hasFeeStatement ? `${narrative.heading} · ${paragraphAnchorLabels.fees}` : null;
  const part = draft.narrative?.[narrative.id]?.parts.find((candidate) => candidate.id === anchor.part);
  if (part) return `${narrative.heading} · ${printedTitle(part, narrative) || '自拟小标题'}`;
  // A part removed since the comment was made: still named by its official title where it had one.
  const official = narrative.parts.find((candidate) => candidate.key === anchor.part);
  return official ? `${narrative.heading} · ${official.title}` : null;
}

/** Comments grouped by `anchorKey`, oldest first, for showing each beside its place. */
export function commentsByAnchor(draft: Draft): Map<string, ReviewComment[]> {
  const groups = new Map<string, ReviewComment[]>();
  for (const comment of reviewOf(draft).comments) {
    const key = anchorKey(comment.anchor);
    groups.set(key, [...(groups.get(key) ?? []), comment]);
  }
  return groups;
}

export function openComments(draft: Draft): ReviewComment[] {
  return reviewOf(draft).comments.filter((comment) => comment.state === 'open');
}

// ---------------------------------------------------------------------------------------------------
// Transitions

/** The clerk submits the report for review: 编辑中 → 待审核, opening the next round. */
export function submitForReview(draft: Draft, clerk: string, now: Date): ReviewResult {
  const review = reviewOf(draft);
  const at = timeOf(now);
  if (!at) return refuse('时间无效');
  switch (review.status) {
    case 'submitted':
      return refuse('报告已提交审核，正在等待审核，不能重复提交');
    case 'returned':
      return refuse('报告已被退回修改，请处理审核意见后“重新提交”');
    case 'approved':
      return refuse('报告已审核通过，不能再提交审核');
    case 'editing':
      break;
  }
  if (blank(clerk)) return refuse('请填写提交人姓名');
  const entry: ReviewHistoryEntry = { round: currentRound(review) + 1, action: 'submitted', by: clerk.trim(), at };
  // A new submission supersedes an approval that was voided by later changes.
  return { ok: true, draft: withReview(draft, { ...review, status: 'submitted', approval: null, history: [...review.history, entry] }, at) };
}

function nextCommentIds(existing: readonly ReviewComment[], count: number): string[] {
  const taken = new Set(existing.map((comment) => comment.id));
  const ids: string[] = [];
  for (let n = existing.length + 1; ids.length < count; n += 1) {
    const id = `c${n}`;
    if (!taken.has(id)) ids.push(id);
  }
  return ids;
}

/** The reviewer returns the report with at least one comment: 待审核 → 退回修改. */
export function returnForChanges(draft: Draft, reviewer: Reviewer, comments: readonly NewComment[], now: Date): ReviewResult {
  const review = reviewOf(draft);
  const at = timeOf(now);
  if (!at) return refuse('时间无效');
  switch (review.status) {
    case 'editing':
      return refuse('报告尚未提交审核，不能退回');
    case 'returned':
      return refuse('报告已退回修改，正在等待编制人重新提交');
    case 'approved':
      return refuse('报告已审核通过，不能再退回');
    case 'submitted':
      break;
  }
  if (blank(reviewer.name)) return refuse('请填写审核人姓名');
  if (comments.length === 0) return refuse('退回修改须至少提出一条审核意见');
  for (const [index, comment] of comments.entries()) {
    if (blank(comment.text)) return refuse(`第 ${index + 1} 条审核意见没有内容`);
    if (anchorLabel(draft, comment.anchor) === null) return refuse(`第 ${index + 1} 条审核意见指向的位置在报告中不存在`);
  }
  const round = currentRound(review);
  const ids = nextCommentIds(review.comments, comments.length);
  const added: ReviewComment[] = comments.map((comment, index) => ({
    id: ids[index]!,
    anchor: comment.anchor,
    text: comment.text.trim(),
    author: reviewer.name.trim(),
    at,
    round,
    state: 'open',
  }));
  const entry: ReviewHistoryEntry = {
    round,
    action: 'returned',
    by: reviewer.name.trim(),
    ...(blank(reviewer.role) ? {} : { role: reviewer.role.trim() }),
    at,
    comments: ids,
  };
  return {
    ok: true,
    draft: withReview(
      draft,
      {
        ...review,
        status: 'returned',
        history: [...review.history, entry],
        comments: [...review.comments, ...added],
        // What the reviewer saw, so that the next round shows what changed since.
        reviewedContent: reviewedContentOf(draft, round),
      },
      at,
    ),
  };
}

/**
 * The reviewer approves: 待审核 → 审核通过, recording name, role, time, round and the content hash, and
 * signing them with the reviewer's key (src/domain/signing.ts; the signature also covers the settings).
 * Refused while the report has errors or untouched cells (`finalBlockers`, final-gate.ts): an approval
 * is only worth something for a report that can be printed as final. The reviewer cannot be the clerk
 * who submitted (an agency without a separate reviewer turns `settings.requireApproval` off instead).
 */
export async function approve(draft: Draft, reviewer: Reviewer, key: SigningKey, now: Date): Promise<ReviewResult> {
  const review = reviewOf(draft);
  const at = timeOf(now);
  if (!at) return refuse('时间无效');
  switch (review.status) {
    case 'editing':
      return refuse('报告尚未提交审核，不能审核通过');
    case 'returned':
      return refuse('报告已退回修改，须编制人重新提交后才能审核通过');
    case 'approved':
      return refuse('报告已审核通过');
    case 'submitted':
      break;
  }
  if (blank(reviewer.name)) return refuse('请填写审核人姓名');
  if (blank(reviewer.role)) return refuse('请填写审核人职务');
  if (submitter(draft)?.trim() === reviewer.name.trim()) {
    return refuse('审核人不能是提交审核的编制人本人。没有单独审核人的机关，可在“基本信息”中取消勾选“正式版须经审核通过后生成”');
  }
  if (!subtleCrypto()) return refuse(NO_CRYPTO_MESSAGE);
  const blockers = finalBlockers(draft);
  if (blockers.length > 0) return refuse(blockersMessage(blockers, '不能审核通过'));
  const round = currentRound(review);
  const record = { reviewer: reviewer.name.trim(), role: reviewer.role.trim(), at, contentHash: await contentHash(draft), round };
  const value = await signPayload(key, { ...record, settings: settingsOf(draft) });
  const approval = {
    ...record,
    signature: { algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicKey, fingerprint: key.fingerprint, value },
  } as const;
  const entry: ReviewHistoryEntry = { round, action: 'approved', by: approval.reviewer, role: approval.role, at };
  return {
    ok: true,
    draft: withReview(draft, { ...review, status: 'approved', approval, history: [...review.history, entry], reviewedContent: reviewedContentOf(draft, round) }, at),
  };
}

/**
 * The clerk turns the approval requirement off (an agency without a separate reviewer) or on again.
 * Recorded in the history: the final Word file then says 未经审核（本机关未设审核）, and a file whose
 * setting was switched off outside the app (no such entry) is not given a final version.
 */
export function setApprovalRequired(draft: Draft, required: boolean, by: string, now: Date): Draft {
  if (settingsOf(draft).requireApproval === required) return draft;
  const review = reviewOf(draft);
  const at = timeOf(now) ?? draft.meta.updatedAt;
  const entry: ReviewHistoryEntry = {
    round: Math.max(currentRound(review), 1),
    action: required ? 'approvalRequired' : 'approvalNotRequired',
    by: by.trim(),
    at,
  };
  return {
    ...withReview(draft, { ...review, history: [...review.history, entry] }, at),
    settings: { ...settingsOf(draft), requireApproval: required },
  };
}

/** Whether `requireApproval: false` was set in the app (the last switch in the history turned it off). */
export function approvalSwitchedOffInApp(draft: Draft): boolean {
  const last = [...reviewOf(draft).history].reverse().find((entry) => entry.action === 'approvalNotRequired' || entry.action === 'approvalRequired');
  return !settingsOf(draft).requireApproval && last?.action === 'approvalNotRequired';
}

function editComment(
  draft: Draft,
  commentId: string,
  now: Date,
  change: (comment: ReviewComment, at: string) => ReviewComment | string,
): ReviewResult {
  const review = reviewOf(draft);
  const at = timeOf(now);
  if (!at) return refuse('时间无效');
  if (review.status === 'submitted') return refuse('报告正在审核中，不能处理审核意见');
  if (review.status === 'approved') return refuse('报告已审核通过，不能再处理审核意见');
  const index = review.comments.findIndex((comment) => comment.id === commentId);
  const comment = review.comments[index];
  if (!comment) return refuse(`找不到审核意见 ${commentId}`);
  const changed = change(comment, at);
  if (typeof changed === 'string') return refuse(changed);
  const comments = review.comments.map((item, position) => (position === index ? changed : item));
  return { ok: true, draft: withReview(draft, { ...review, comments }, at) };
}

/** The clerk marks a comment resolved (the report was changed accordingly); an answer stays. */
export function resolveComment(draft: Draft, commentId: string, clerk: string, now: Date): ReviewResult {
  if (blank(clerk)) return refuse('请填写姓名');
  return editComment(draft, commentId, now, (comment, at) =>
    comment.state === 'resolved' ? '这条审核意见已标记为已解决' : { ...comment, state: 'resolved', resolved: { author: clerk.trim(), at } },
  );
}

/** The clerk answers a comment (explains instead of, or besides, changing the report); a new answer replaces the old. */
export function answerComment(draft: Draft, commentId: string, clerk: string, text: string, now: Date): ReviewResult {
  if (blank(clerk)) return refuse('请填写姓名');
  if (blank(text)) return refuse('请填写答复内容');
  return editComment(draft, commentId, now, (comment, at) =>
    comment.state === 'resolved'
      ? '这条审核意见已标记为已解决，不能再答复'
      : { ...comment, state: 'answered', reply: { text: text.trim(), author: clerk.trim(), at } },
  );
}

/** The clerk resubmits a returned report once every comment is resolved or answered: → 待审核, next round. */
export function resubmit(draft: Draft, clerk: string, now: Date): ReviewResult {
  const review = reviewOf(draft);
  const at = timeOf(now);
  if (!at) return refuse('时间无效');
  switch (review.status) {
    case 'editing':
      return refuse('报告尚未提交过审核，请使用“提交审核”');
    case 'submitted':
      return refuse('报告已提交审核，正在等待审核');
    case 'approved':
      return refuse('报告已审核通过，不能再提交审核');
    case 'returned':
      break;
  }
  if (blank(clerk)) return refuse('请填写提交人姓名');
  const open = openComments(draft).length;
  if (open > 0) return refuse(`还有 ${open} 条审核意见未处理，请逐条标记“已解决”或作出答复后再重新提交`);
  const entry: ReviewHistoryEntry = { round: currentRound(review) + 1, action: 'resubmitted', by: clerk.trim(), at };
  return { ok: true, draft: withReview(draft, { ...review, status: 'submitted', approval: null, history: [...review.history, entry] }, at) };
}

// ---------------------------------------------------------------------------------------------------
// Approval bound to the content

/**
 * `valid`: approved with a signed approval that verifies (against `reviewers` when given) for exactly
 * this content; `voided`: an approval exists but does not count (see `verifyApproval`); `none`: never
 * approved in the current round. The screens show the verdict's own words besides.
 */
export async function approvalStatus(draft: Draft, reviewers: ReviewersList | null = null): Promise<ApprovalStatus> {
  return approvalStatusOf(await verifyApproval(draft, reviewers));
}

export function approvalStatusOf(verdict: ApprovalVerdict): ApprovalStatus {
  if (verdict.state === 'none') return 'none';
  return verdict.state === 'void' ? 'voided' : 'valid';
}

/**
 * The approval follows the content. Call after an edit and after opening a file:
 * - an approved report whose content no longer matches its approval gets 审核后已修改 in the history
 *   and goes back to editing (the approval stays, so the screens can show what was approved);
 * - a report put back into editing that way whose content is again exactly what was approved (the
 *   clerk typed the old value back) is approved again: the trailing 审核后已修改 entry is taken back,
 *   since the change it recorded no longer exists. A new submission (which clears the approval) ends this.
 * Otherwise returns the draft unchanged (the same object).
 */
export async function applyContentChange(draft: Draft, now: Date, by = ''): Promise<Draft> {
  const review = reviewOf(draft);
  const approval = review.approval;
  if (!approval) return draft;
  const voidedByEdit = review.status === 'editing' && review.history.at(-1)?.action === 'approvalVoided';
  if (review.status !== 'approved' && !voidedByEdit) return draft;
  // An unsigned approval of an older version hashed the content without the settings: compare it the
  // same way, so that merely opening such a file does not read as a change (it is shown as unsigned).
  const current = approval.signature ? await contentHash(draft) : await legacyContentHash(draft);
  const matches = current === approval.contentHash;
  if (review.status === 'approved') {
    if (matches) return draft;
    const at = timeOf(now) ?? approval.at;
    const entry: ReviewHistoryEntry = { round: currentRound(review), action: 'approvalVoided', by, at };
    return withReview(draft, { ...review, status: 'editing', history: [...review.history, entry] }, at);
  }
  if (!matches) return draft;
  const at = timeOf(now) ?? approval.at;
  return withReview(draft, { ...review, status: 'approved', history: review.history.slice(0, -1) }, at);
}

/**
 * A `.docx` whose visible text differs from the draft it carries (src/docx/visible-content.ts): its
 * approval covers a report nobody sees. Like a content change, the report goes back to editing with
 * 审核后已修改 in the history; the approval stays, to show what was approved.
 */
export function voidApprovalForVisibleChanges(draft: Draft, now: Date, by = ''): Draft {
  const review = reviewOf(draft);
  if (review.status !== 'approved' || !review.approval) return draft;
  const at = timeOf(now) ?? review.approval.at;
  const entry: ReviewHistoryEntry = { round: currentRound(review), action: 'approvalVoided', by, at };
  return withReview(draft, { ...review, status: 'editing', history: [...review.history, entry] }, at);
}

/**
 * What the editing screen should tell the clerk before content is changed, or `null`: after
 * submission the reviewer would not see the change; after approval a change voids the approval.
 */
export function editingWarning(draft: Draft): string | null {
  switch (reviewOf(draft).status) {
    case 'submitted':
      return '报告已提交审核。现在修改的内容，审核人手中的审核文件里没有；如需修改，请在退回后修改，或修改后重新发送审核文件';
    case 'approved':
      return '报告已审核通过，内容不可修改。如需修改，请点击“修改”：内容与审核通过时不同，审核即失效（审核后已修改），改回原样则审核恢复有效';
    default:
      return null;
  }
}

/**
 * Whether the final Word report may be generated: no error and no untouched cell, and either
 * - `settings.requireApproval` on and an approval that counts: `valid` (its key is on the reviewers
 *   list), or `unverified` because no list is deployed (the file then says 签名未核验 in its properties:
 *   an agency that has not set up a list yet can still publish, and nobody is misled); or
 * - `requireApproval` switched off in the app (recorded in the history; the file says 未经审核).
 * `verdict` is `verifyApproval(draft, list)`. `reasons` are Chinese sentences for the screen.
 */
export function canGenerateFinal(draft: Draft, verdict: ApprovalVerdict): { ok: true } | { ok: false; reasons: string[] } {
  const reasons = finalBlockers(draft).map((finding) => finding.message);
  if (!settingsOf(draft).requireApproval) {
    if (!approvalSwitchedOffInApp(draft)) {
      reasons.push(
        '“正式版须经审核通过后生成”已取消，但审核记录中没有取消这一步（文件可能在本工具之外被改动过）。请在“基本信息”中重新勾选后再取消，取消会记入审核记录；或提交审核',
      );
    }
  } else if (verdict.state === 'void') {
    reasons.push(verdict.message);
  } else if (verdict.state === 'unverified' && verdict.why !== NO_LIST_REASON) {
    reasons.push(verdict.why);
  } else if (verdict.state === 'none') {
    reasons.push(
      `正式报告须经审核通过后才能生成（当前状态：${reviewStatusLabels[reviewOf(draft).status]}）。没有单独审核人的机关，可在“基本信息”中取消勾选“正式版须经审核通过后生成”`,
    );
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
