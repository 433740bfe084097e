import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import type { Draft, ReviewState } from '../../src/domain/draft-types.ts';
import {
  anchorLabel,
  answerComment,
  applyContentChange,
  approvalStatus,
  approvalStatusLabels,
  approve,
  canGenerateFinal,
  commentsByAnchor,
  commentStateLabels,
  currentRound,
  editingWarning,
  olderRoundMessage,
  resolveComment,
  resubmit,
  returnForChanges,
  reviewActionLabels,
  reviewStatusLabels,
  setApprovalRequired,
  submitForReview,
  type NewComment,
  type ReviewResult,
} from '../../src/domain/review.ts';
import { readDraftJson, serializeDraft } from '../../src/domain/draft-file.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { verifyApproval } from '../../src/domain/approval-verdict.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

const signingKey = await testSigningKey();

/** The final gate as the app and the command line call it without a reviewers list. */
const gateOf = async (draft: Draft) => canGenerateFinal(draft, await verifyApproval(draft, null));

function ok(result: ReviewResult): Draft {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return deepFreeze(result.draft);
}

function refused(result: ReviewResult): string {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  return result.message;
}

const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));
const clerk = '李晓明';
const reviewer = { name: '王建国', role: '办公室主任' };
const cellKey = 'applications.newReceived.naturalPerson';
const twoComments: NewComment[] = [
  { anchor: { kind: 'cell', cell: cellKey }, text: '自然人新收件数与登记台账不一致，请核对' },
  { anchor: { kind: 'paragraph', section: 'problems', part: 'problems' }, text: '存在的问题写得太笼统' },
];

function setCell(draft: Draft, key: string, value: number | null): Draft {
  const copy = structuredClone(draft);
  const [table, ...path] = key.split('.');
  let node = copy.tables[table!] as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** The office's 2023 report (balanced, complete) taken through one return and a resubmission. */
async function approvedOffice(): Promise<{ drafts: Record<string, Draft>; approved: Draft }> {
  const start = deepFreeze(office2023Draft());
  const submitted = ok(submitForReview(start, clerk, at(1)));
  const returned = ok(returnForChanges(submitted, reviewer, twoComments, at(2)));
  const resolved = ok(resolveComment(returned, 'c1', clerk, at(3)));
  const answered = ok(answerComment(resolved, 'c2', clerk, '已补充三个具体问题', at(4)));
  const resubmitted = ok(resubmit(answered, clerk, at(5)));
  const approved = ok(await approve(resubmitted, reviewer, signingKey, at(6)));
  return { drafts: { start, submitted, returned, resolved, answered, resubmitted }, approved };
}

describe('the review cycle', () => {
  it('submit → return with two comments → resolve and answer → resubmit → approve', async () => {
    const { drafts, approved } = await approvedOffice();
    expect(drafts.start!.review).toBeUndefined();
    expect(await approvalStatus(drafts.start!)).toBe('none');

    const submitted = drafts.submitted!.review!;
    expect(submitted.status).toBe('submitted');
    expect(submitted.history).toEqual([{ round: 1, action: 'submitted', by: clerk, at: at(1).toISOString() }]);
    expect(drafts.submitted!.meta.updatedAt).toBe(at(1).toISOString());

    const returned = drafts.returned!.review!;
    expect(returned.status).toBe('returned');
    expect(returned.comments).toEqual([
      { id: 'c1', anchor: twoComments[0]!.anchor, text: twoComments[0]!.text, author: '王建国', at: at(2).toISOString(), round: 1, state: 'open' },
      { id: 'c2', anchor: twoComments[1]!.anchor, text: twoComments[1]!.text, author: '王建国', at: at(2).toISOString(), round: 1, state: 'open' },
    ]);
    expect(returned.history[1]).toEqual({
      round: 1,
      action: 'returned',
      by: '王建国',
      role: '办公室主任',
      at: at(2).toISOString(),
      comments: ['c1', 'c2'],
    });

    const answered = drafts.answered!.review!;
    expect(answered.comments.map((comment) => comment.state)).toEqual(['resolved', 'answered']);
    expect(answered.comments[0]!.resolved).toEqual({ author: clerk, at: at(3).toISOString() });
    expect(answered.comments[1]!.reply).toEqual({ text: '已补充三个具体问题', author: clerk, at: at(4).toISOString() });

    const resubmitted = drafts.resubmitted!.review!;
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.history[2]).toEqual({ round: 2, action: 'resubmitted', by: clerk, at: at(5).toISOString() });
    expect(currentRound(resubmitted)).toBe(2);

    const review = approved.review!;
    expect(review.status).toBe('approved');
    expect(review.approval).toEqual({
      reviewer: '王建国',
      role: '办公室主任',
      at: at(6).toISOString(),
      contentHash: await contentHash(drafts.start!),
      round: 2,
      signature: {
        algorithm: 'ECDSA-P256-SHA256',
        publicKey: signingKey.publicKey,
        fingerprint: signingKey.fingerprint,
        value: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      },
    });
    expect(review.history.map((entry) => [entry.round, entry.action])).toEqual([
      [1, 'submitted'],
      [1, 'returned'],
      [2, 'resubmitted'],
      [2, 'approved'],
    ]);
    // The comments and their answers stay with the report after approval.
    expect(review.comments).toEqual(answered.comments);
    expect(await approvalStatus(approved)).toBe('valid');
    expect(await gateOf(approved)).toEqual({ ok: true });
    // Content never changes along the way: only review and meta do.
    for (const draft of Object.values(drafts)) expect(await contentHash(draft)).toBe(review.approval!.contentHash);
  });

  it('never mutates its input (inputs are deep-frozen) and keeps the rest of the draft', async () => {
    const { drafts, approved } = await approvedOffice();
    expect(approved.tables).toBe(drafts.start!.tables);
    expect(approved.narrative).toBe(drafts.start!.narrative);
    expect(drafts.submitted!.review!.history).toHaveLength(1);
  });

  it('groups comments by place and names each place in words', async () => {
    const { drafts } = await approvedOffice();
    const returned = drafts.returned!;
    const groups = commentsByAnchor(returned);
    expect(groups.get(`cell:${cellKey}`)?.map((comment) => comment.id)).toEqual(['c1']);
    expect(groups.get('paragraph:problems/problems')?.map((comment) => comment.id)).toEqual(['c2']);
    expect(anchorLabel(returned, twoComments[0]!.anchor)).toBe('三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 自然人');
    expect(anchorLabel(returned, twoComments[1]!.anchor)).toBe('五、存在的主要问题及改进情况 · 存在的主要问题');
    expect(anchorLabel(returned, { kind: 'section', section: 'reviewLitigation' })).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(anchorLabel(returned, { kind: 'cell', cell: 'reviewLitigation.litigationDirect.upheld' })).toBe(
      '四、政府信息公开行政复议、行政诉讼情况 · 未经复议直接起诉 结果维持',
    );
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'overview', part: 'intro' })).toBe('一、总体情况 · 开头段落');
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'other', part: 'fees' })).toBe('六、其他需要报告的事项 · 信息处理费');
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'overview', part: 'preamble' })).toBe('编制说明');
    // Places that do not exist in this report.
    expect(anchorLabel(returned, { kind: 'cell', cell: 'applications.otherHandling.total' })).toBeNull(); // 2019 key
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'problems', part: 'fees' })).toBeNull();
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'problems', part: 'intro' })).toBeNull();
    // The clerk's own sub-topics, by position.
    const extras = returned.narrative.overview!.parts.filter((part) => part.topic === null);
    expect(extras.length).toBeGreaterThan(0);
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'overview', part: 'extra.0' })).toBe(`一、总体情况 · ${extras[0]!.title}`);
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'overview', part: `extra.${extras.length}` })).toBeNull();
    expect(anchorLabel(returned, { kind: 'paragraph', section: 'problems', part: 'extra.0' })).toBeNull();
  });

  it('numbers comments across rounds without reusing ids', async () => {
    const { drafts } = await approvedOffice();
    const again = ok(
      returnForChanges(drafts.resubmitted!, reviewer, [{ anchor: { kind: 'section', section: 'overview' }, text: '再补充平台建设' }], at(7)),
    );
    const comments = again.review!.comments;
    expect(comments.map((comment) => [comment.id, comment.round, comment.state])).toEqual([
      ['c1', 1, 'resolved'],
      ['c2', 1, 'answered'],
      ['c3', 2, 'open'],
    ]);
    expect(again.review!.history.at(-1)).toMatchObject({ round: 2, action: 'returned', comments: ['c3'] });
  });
});

describe('approval bound to the content', () => {
  it('an edit after approval voids it; applyContentChange records 审核后已修改 and goes back to editing', async () => {
    const { approved } = await approvedOffice();
    expect(await applyContentChange(approved, at(8), clerk)).toBe(approved);

    const edited = deepFreeze(setCell(approved, 'proactive.normativeDocuments.issued', 10));
    expect(await approvalStatus(edited)).toBe('voided');
    const final = await gateOf(edited);
    expect(final.ok).toBe(false);
    expect(!final.ok && final.reasons).toEqual(['审核通过后报告内容或设置已修改（审核后已修改），须重新提交审核']);

    const voided = await applyContentChange(edited, at(9), clerk);
    expect(voided.review!.status).toBe('editing');
    expect(voided.review!.history.at(-1)).toEqual({ round: 2, action: 'approvalVoided', by: clerk, at: at(9).toISOString() });
    expect(reviewActionLabels[voided.review!.history.at(-1)!.action]).toBe('审核后已修改');
    // The voided approval stays visible until the next submission.
    expect(voided.review!.approval).toEqual(approved.review!.approval);
    expect(await approvalStatus(voided)).toBe('voided');
    // A second change while voided records nothing more.
    const editedMore = deepFreeze(setCell(voided, 'proactive.normativeDocuments.issued', 11));
    expect(await applyContentChange(editedMore, at(10), clerk)).toBe(editedMore);

    // Typing the approved value back brings the approval back: the content is again what was signed.
    const revertedAfterVoid = deepFreeze(setCell(editedMore, 'proactive.normativeDocuments.issued', 9));
    expect(await contentHash(revertedAfterVoid)).toBe(approved.review!.approval!.contentHash);
    const restored = await applyContentChange(revertedAfterVoid, at(10), clerk);
    expect(restored.review!.status).toBe('approved');
    expect(restored.review!.history).toEqual(approved.review!.history);
    expect(restored.review!.approval).toEqual(approved.review!.approval);
    expect(await approvalStatus(restored)).toBe('valid');
    expect((await gateOf(restored)).ok).toBe(true);
    // And changed again: voided again, as often as the content differs.
    const changedAgain = await applyContentChange(setCell(restored, 'proactive.normativeDocuments.issued', 12), at(10), clerk);
    expect(changedAgain.review!.status).toBe('editing');
    expect(changedAgain.review!.history.filter((entry) => entry.action === 'approvalVoided')).toHaveLength(1);

    const again = ok(submitForReview(voided, clerk, at(10)));
    expect(again.review!.status).toBe('submitted');
    expect(again.review!.approval).toBeNull();
    expect(again.review!.history.at(-1)).toMatchObject({ round: 3, action: 'submitted' });
    expect(await approvalStatus(again)).toBe('none');
    const reapproved = ok(await approve(again, reviewer, signingKey, at(11)));
    expect(await approvalStatus(reapproved)).toBe('valid');
    // Once resubmitted, the old approval is gone for good: typing its content back restores nothing.
    expect(await applyContentChange(again, at(12), clerk)).toBe(again);
  });

  it('a hand-edited approved file is detected as voided, an untouched one stays valid', async () => {
    const { approved } = await approvedOffice();
    const text = JSON.stringify(approved, null, 2);
    expect(await approvalStatus(JSON.parse(text) as Draft)).toBe('valid');
    expect(await approvalStatus(JSON.parse(JSON.stringify(approved)) as Draft)).toBe('valid');

    // One cell changed by hand in the file: 结转下年度 of 自然人 2 → 3.
    const pattern = /("carriedForward": \{\s*"naturalPerson": )2,/;
    expect(text).toMatch(pattern);
    const tampered = JSON.parse(text.replace(pattern, '$13,')) as Draft;
    expect(tampered.tables.applications!.carriedForward).toMatchObject({ naturalPerson: 3 });
    expect(tampered.review!.status).toBe('approved');
    expect(await approvalStatus(tampered)).toBe('voided');
    expect((await gateOf(tampered)).ok).toBe(false);
    expect((await applyContentChange(tampered, at(12))).review!.status).toBe('editing');

    // The approval's hash edited by hand instead: voided as well.
    const forgedStatus = JSON.parse(text) as Draft;
    forgedStatus.review!.approval!.contentHash = '0'.repeat(64);
    expect(await approvalStatus(forgedStatus)).toBe('voided');
  });

  it('survives the draft file: written, read back, still valid; one cell edited in the file, voided', async () => {
    const { approved } = await approvedOffice();
    const text = serializeDraft(approved);
    const reread = readDraftJson(text);
    expect(reread.ok).toBe(true);
    if (!reread.ok) return;
    expect(reread.draft.review).toEqual(approved.review);
    expect(await approvalStatus(reread.draft)).toBe('valid');

    const pattern = /("reviewLitigation": \{\s*"review": \{\s*"upheld": )0,/;
    expect(text).toMatch(pattern);
    const tampered = readDraftJson(text.replace(pattern, '$11,'));
    expect(tampered.ok).toBe(true);
    if (!tampered.ok) return;
    expect(tampered.draft.review!.status).toBe('approved');
    expect(await approvalStatus(tampered.draft)).toBe('voided');
    const back = await applyContentChange(tampered.draft, at(13));
    expect(back.review!.status).toBe('editing');
    expect(reviewStatusLabels[back.review!.status]).toBe('编辑中');
  });

  it('a file marked 审核通过 without an approval record is not approved', async () => {
    const draft = { ...office2023Draft(), review: { status: 'approved', approval: null, history: [], comments: [] } as ReviewState };
    expect(await approvalStatus(draft)).toBe('voided');
    const final = await gateOf(draft);
    expect(!final.ok && final.reasons).toEqual(['报告标为审核通过，但没有审核记录，须重新提交审核']);
  });
});

describe('a review file older than this browser\'s copy', () => {
  it('is named as such only when its round is behind the latest copy held here', async () => {
    const { drafts, approved } = await approvedOffice();
    // Round 1's submission against round 2 (resubmitted, then approved): old.
    expect(olderRoundMessage(drafts.submitted!, [drafts.start!, approved])).toBe(
      '这是一份旧文件：文件是第1轮（待审核）的，而此浏览器中这份报告已到第2轮（审核通过）。请确认打开的是最新的文件。',
    );
    // The latest copy counts, whichever order the copies come in.
    expect(olderRoundMessage(drafts.returned!, [approved, drafts.submitted!])).toMatch(/文件是第1轮（退回修改）的，而此浏览器中这份报告已到第2轮（审核通过）/);
    expect(olderRoundMessage(drafts.start!, [drafts.submitted!])).toMatch(/文件是尚未送审的，而此浏览器中这份报告已到第1轮（待审核）/);
    // Same round, a newer round, or nothing held here: nothing to say.
    expect(olderRoundMessage(drafts.resubmitted!, [approved])).toBeNull();
    expect(olderRoundMessage(approved, [drafts.submitted!])).toBeNull();
    expect(olderRoundMessage(drafts.submitted!, [])).toBeNull();
  });
});

describe('refused transitions', () => {
  it('refuses every step out of order, with a Chinese message', async () => {
    const { drafts, approved } = await approvedOffice();
    const { start, submitted, returned } = drafts as Record<string, Draft>;
    const comment = [twoComments[0]!];
    expect(refused(submitForReview(submitted!, clerk, at(20)))).toContain('正在等待审核');
    expect(refused(submitForReview(returned!, clerk, at(20)))).toContain('重新提交');
    expect(refused(submitForReview(approved, clerk, at(20)))).toContain('已审核通过');
    expect(refused(returnForChanges(start!, reviewer, comment, at(20)))).toContain('尚未提交审核');
    expect(refused(returnForChanges(returned!, reviewer, comment, at(20)))).toContain('已退回修改');
    expect(refused(returnForChanges(approved, reviewer, comment, at(20)))).toContain('已审核通过');
    expect(refused(await approve(start!, reviewer, signingKey, at(20)))).toContain('尚未提交审核');
    expect(refused(await approve(returned!, reviewer, signingKey, at(20)))).toContain('重新提交');
    expect(refused(await approve(approved, reviewer, signingKey, at(20)))).toContain('已审核通过');
    expect(refused(resubmit(start!, clerk, at(20)))).toContain('提交审核');
    expect(refused(resubmit(submitted!, clerk, at(20)))).toContain('正在等待审核');
    expect(refused(resubmit(approved, clerk, at(20)))).toContain('已审核通过');
    expect(refused(resolveComment(submitted!, 'c1', clerk, at(20)))).toContain('审核中');
    expect(refused(answerComment(approved, 'c2', clerk, '答复', at(20)))).toContain('已审核通过');
  });

  it('refuses a return without a comment, with an empty comment or pointing nowhere', async () => {
    const { drafts } = await approvedOffice();
    const submitted = drafts.submitted!;
    expect(refused(returnForChanges(submitted, reviewer, [], at(20)))).toBe('退回修改须至少提出一条审核意见');
    expect(refused(returnForChanges(submitted, reviewer, [twoComments[0]!, { ...twoComments[1]!, text: '  ' }], at(20)))).toBe(
      '第 2 条审核意见没有内容',
    );
    expect(refused(returnForChanges(submitted, reviewer, [{ anchor: { kind: 'cell', cell: 'applications.nope.total' }, text: '？' }], at(20)))).toBe(
      '第 1 条审核意见指向的位置在报告中不存在',
    );
    expect(refused(returnForChanges(submitted, { name: ' ', role: '' }, twoComments, at(20)))).toBe('请填写审核人姓名');
  });

  it('refuses to resubmit while a comment is open, and handles each comment once', async () => {
    const { drafts } = await approvedOffice();
    expect(refused(resubmit(drafts.returned!, clerk, at(20)))).toBe('还有 2 条审核意见未处理，请逐条标记“已解决”或作出答复后再重新提交');
    expect(refused(resubmit(drafts.resolved!, clerk, at(20)))).toContain('还有 1 条');
    expect(refused(resolveComment(drafts.resolved!, 'c1', clerk, at(20)))).toBe('这条审核意见已标记为已解决');
    expect(refused(answerComment(drafts.resolved!, 'c1', clerk, '补充', at(20)))).toContain('已解决');
    expect(refused(resolveComment(drafts.returned!, 'c9', clerk, at(20)))).toBe('找不到审核意见 c9');
    expect(refused(answerComment(drafts.returned!, 'c2', clerk, ' ', at(20)))).toBe('请填写答复内容');
    expect(refused(submitForReview(drafts.start!, '', at(20)))).toBe('请填写提交人姓名');
    expect(refused(submitForReview(drafts.start!, clerk, new Date('not a date')))).toBe('时间无效');
    // An answered comment can still be resolved, keeping the answer.
    const both = ok(resolveComment(drafts.answered!, 'c2', clerk, at(21)));
    expect(both.review!.comments[1]).toMatchObject({ state: 'resolved', reply: { text: '已补充三个具体问题' } });
  });

  it('refuses to approve a report with errors or untouched cells, or by the clerk who submitted it', async () => {
    const { drafts } = await approvedOffice();
    const resubmitted = drafts.resubmitted!;
    expect(refused(await approve(resubmitted, { name: clerk, role: '科员' }, signingKey, at(20)))).toContain('审核人不能是提交审核的编制人本人');
    expect(refused(await approve(resubmitted, { name: '王建国', role: '' }, signingKey, at(20)))).toBe('请填写审核人职务');

    const unbalanced = setCell(resubmitted, cellKey, 40);
    const errorMessage = refused(await approve(unbalanced, reviewer, signingKey, at(20)));
    expect(errorMessage).toMatch(/^报告还有 ?\d+ 处错误，不能审核通过：/);
    expect(errorMessage).toContain('自然人');

    const untouched = setCell(resubmitted, 'reviewLitigation.review.upheld', null);
    expect(finalBlockers(untouched).map((finding) => finding.rule)).toEqual(['R3.5']);
    expect(refused(await approve(untouched, reviewer, signingKey, at(20)))).toMatch(/^报告还有 ?1 处未填写，不能审核通过：/);
  });
});

describe('final report gate and settings', () => {
  it('needs a valid approval unless the setting is off, and never with errors or blanks', async () => {
    const office = office2023Draft();
    const gate = await gateOf(office);
    expect(!gate.ok && gate.reasons).toEqual([
      '正式报告须经审核通过后才能生成（当前状态：编辑中）。没有单独审核人的机关，可在“基本信息”中取消勾选“正式版须经审核通过后生成”',
    ]);
    const noReviewer = setApprovalRequired(office, false, clerk, at(1));
    expect(noReviewer.review!.history).toEqual([{ round: 1, action: 'approvalNotRequired', by: clerk, at: at(1).toISOString() }]);
    expect(await gateOf(noReviewer)).toEqual({ ok: true });
    // Switched off by hand in the file (no history step): no final version.
    const flippedByHand = { ...office, settings: { requireApproval: false } };
    const flippedGate = await gateOf(flippedByHand);
    expect(!flippedGate.ok && flippedGate.reasons.join('')).toContain('审核记录中没有取消这一步');
    // Switched on again: the approval is needed again.
    const onAgain = setApprovalRequired(noReviewer, true, clerk, at(2));
    expect(onAgain.review!.history.map((entry) => entry.action)).toEqual(['approvalNotRequired', 'approvalRequired']);
    expect((await gateOf(onAgain)).ok).toBe(false);

    const blank = setApprovalRequired(emptyDraft(templates['2021'], 2025, '某某区人民政府办公室'), false, clerk, at(1));
    const blocked = await gateOf(blank);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.reasons.every((reason) => reason.includes('未填写'))).toBe(true);

    const broken = setCell(noReviewer, cellKey, 40);
    const brokenGate = await gateOf(broken);
    expect(!brokenGate.ok && brokenGate.reasons.length).toBeGreaterThan(0);
    expect(!brokenGate.ok && brokenGate.reasons.join('\n')).toContain('自然人');
  });

  it('warns before editing a submitted or approved report', async () => {
    const { drafts, approved } = await approvedOffice();
    expect(editingWarning(drafts.start!)).toBeNull();
    expect(editingWarning(drafts.returned!)).toBeNull();
    expect(editingWarning(drafts.submitted!)).toContain('审核人手中的审核文件里没有');
    expect(editingWarning(approved)).toContain('审核后已修改');
  });

  it('exports the Chinese labels of statuses, actions and comment states', () => {
    expect(reviewStatusLabels).toEqual({ editing: '编辑中', submitted: '待审核', returned: '退回修改', approved: '审核通过' });
    expect(reviewActionLabels).toEqual({
      submitted: '提交审核',
      returned: '退回修改',
      approved: '审核通过',
      resubmitted: '重新提交',
      approvalVoided: '审核后已修改',
      approvalNotRequired: '取消审核要求（正式版不经审核即可生成）',
      approvalRequired: '恢复审核要求',
    });
    expect(commentStateLabels).toEqual({ open: '待处理', resolved: '已解决', answered: '已答复' });
    expect(approvalStatusLabels.voided).toBe('审核后已修改');
  });
});
