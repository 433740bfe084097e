// @vitest-environment happy-dom
/**
 * The clerk's side of the review: submitting (the review file), the state and warning while
 * submitted, the reviewer's comments at their places, resolving and answering them, resubmitting, the
 * 审核记录, approval bound to the content, and the final Word file gated on approval unless the
 * setting is off.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../src/domain/content-hash.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { cellCommentId, cellInputId } from '../../src/features/kernel/cell-id.ts';
import { formatDateTime } from '../../src/features/shared/format.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, renderApp, storeDraft, waitForHash } from './app-harness.tsx';
import { answerComment, resolveComment, resubmit } from '../../src/domain/review.ts';
import { approvedOffice, captureDownloads, CELL_NAME, CLERK, downloadedDraft, ok, returnedOffice, submittedOffice } from './review-helpers.ts';
import { office2023Draft } from './ui-fixtures.ts';
import { partOf, partText } from '../helpers/narrative.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

async function stored(draft: Draft) {
  const repository = new MemoryDraftRepository();
  const record = await storeDraft(repository, draft);
  return { repository, id: record.id };
}

const statusOf = async (repository: MemoryDraftRepository, id: string) => (await repository.get(id))?.draft.review;

describe('submitting for review', () => {
  it('提交审核 sets 待审核, downloads the review file, and the editor then warns before edits', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { repository, id } = await stored(office2023Draft());
    await openDraftAt(repository, id, 'check', '检查与生成');
    const review = await screen.findByRole('region', { name: '审核' });
    await user.click(within(review).getByRole('button', { name: '提交审核' }));
    expect(await within(review).findByText('请填写提交人姓名')).toBeInTheDocument();
    await user.type(within(review).getByLabelText('提交人（编制人）姓名'), CLERK);
    await user.click(within(review).getByRole('button', { name: '提交审核' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（送审第1轮）.json');
    const file = await downloadedDraft(downloads[0]!);
    expect(file.review).toMatchObject({ status: 'submitted', history: [{ round: 1, action: 'submitted', by: CLERK }] });
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('submitted'));

    expect(within(review).getByText('待审核', { selector: '.rv-badge' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('待审核')).toBeInTheDocument();
    // Every step now says what an edit means while the report is with the reviewer.
    await user.click(screen.getByRole('link', { name: /五、存在的主要问题/ }));
    await waitForHash(/\/problems$/);
    expect(await screen.findByRole('alert')).toHaveTextContent('报告已提交审核。现在修改的内容，审核人手中的审核文件里没有');
    const history = (await screen.findAllByRole('link', { name: /检查与生成/ }))[0]!;
    await user.click(history);
    expect(await screen.findByRole('table', { name: '审核记录，按时间先后' })).toHaveTextContent('李晓明');
  });
});

describe('a returned report', () => {
  it('shows each comment beside its place: the cell outlined with its text, the paragraph with its note', async () => {
    const { repository, id } = await stored(returnedOffice());
    await openDraftAt(repository, id, 'applications', '三、收到和处理政府信息公开申请情况');
    const panel = screen.getByRole('region', { name: /本页的审核意见/ });
    expect(panel).toHaveTextContent('意见 1');
    expect(panel).toHaveTextContent('自然人新收件数与登记台账不一致，请核对');
    expect(panel).not.toHaveTextContent('意见 2');
    const input = screen.getByRole('textbox', { name: CELL_NAME });
    const cell = input.closest('td')!;
    await waitFor(() => expect(cell).toHaveClass('rv-marked'));
    expect(cell).toHaveAttribute('data-rv-comments', '意见 1');
    expect(cell.querySelector('.rv-cell-note')).toHaveTextContent('意见 1：自然人新收件数与登记台账不一致，请核对');
    expect(input).toHaveAttribute('aria-description', '审核意见。意见 1：自然人新收件数与登记台账不一致，请核对');
    // A cell with a message of its own reads the comment with it (aria-describedby would hide aria-description).
    expect(cell.querySelector('.rv-cell-note')!.id).toBe(cellCommentId(input.id));
    await userEvent.setup().type(input, '件');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/只填数字[\s\S]*意见 1：\s*自然人新收件数与登记台账不一致，请核对/));
    await userEvent.setup().keyboard('{Backspace}');
    expect(document.getElementById(cellInputId('applications.newReceived.commercial'))!.closest('td')).not.toHaveClass('rv-marked');

    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: /五、存在的主要问题/ }));
    const box = await screen.findByRole('textbox', { name: '（一）存在的主要问题' });
    await waitFor(() => expect(box.closest('.field')).toHaveClass('rv-marked'));
    expect(box.closest('.field')!.querySelector('.rv-place-note')).toHaveTextContent('意见 2：存在的问题写得太笼统');
    // The mark on the cell went with its step.
    expect(document.querySelector('td.rv-marked')).toBeNull();
  });

  it('the clerk resolves one comment and answers the other, then resubmits; the history keeps every round', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { repository, id } = await stored(returnedOffice());
    await openDraftAt(repository, id, 'applications', '三、收到和处理政府信息公开申请情况');
    expect(screen.getByRole('alert')).toHaveTextContent('审核人提出的意见还有 2 条待处理');

    // 定位 focuses the cell.
    await user.click(screen.getByRole('button', { name: '定位到意见 1所指位置' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: CELL_NAME })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: '标记已解决：意见 1' }));
    const ask = await screen.findByRole('dialog', { name: '将意见 1标记为已解决' });
    await user.type(within(ask).getByLabelText('您的姓名（编制人）'), CLERK);
    await user.click(within(ask).getByRole('button', { name: '标记已解决' }));
    await waitFor(() => expect(screen.getByRole('region', { name: /本页的审核意见/ })).toHaveTextContent('已解决'));
    expect(screen.getByRole('textbox', { name: CELL_NAME }).closest('td')).not.toHaveClass('rv-marked');

    await user.click(screen.getByRole('link', { name: /五、存在的主要问题/ }));
    await user.click(await screen.findByRole('button', { name: '答复：意见 2' }));
    const answer = await screen.findByRole('dialog', { name: '答复意见 2' });
    expect(within(answer).getByLabelText('您的姓名（编制人）')).toHaveValue(CLERK);
    await user.type(within(answer).getByLabelText('答复内容'), '已补充三个具体问题');
    await user.click(within(answer).getByRole('button', { name: '提交答复' }));
    await waitFor(() => expect(screen.getByRole('region', { name: /本页的审核意见/ })).toHaveTextContent('已答复'));
    expect(screen.getByRole('region', { name: /本页的审核意见/ })).toHaveTextContent('答复已补充三个具体问题');

    await user.click(screen.getAllByRole('link', { name: /检查与生成/ })[0]!);
    const review = await screen.findByRole('region', { name: '审核' });
    expect(within(review).getByLabelText('提交人（编制人）姓名')).toHaveValue(CLERK);
    await user.click(within(review).getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/（送审第2轮）\.json$/);
    const file = await downloadedDraft(downloads[0]!);
    expect(file.review?.comments.map((comment) => comment.state)).toEqual(['resolved', 'answered']);
    expect(file.review?.history.map((entry) => [entry.round, entry.action, entry.by])).toEqual([
      [1, 'submitted', CLERK],
      [1, 'returned', '王建国'],
      [2, 'resubmitted', CLERK],
    ]);
    const rows = within(screen.getByRole('table', { name: '审核记录，按时间先后' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      expect.stringMatching(/第 1 轮.*提交审核李晓明/),
      expect.stringMatching(/第 1 轮.*退回修改王建国（办公室主任）意见 1.*意见 2/),
      expect.stringMatching(/第 2 轮.*重新提交李晓明/),
    ]);
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('submitted'));
  });

  it('refuses to resubmit while a comment is still open', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem('gov-report.clerkName', CLERK);
    const { repository, id } = await stored(returnedOffice());
    await openDraftAt(repository, id, 'check', '检查与生成');
    await user.click(await screen.findByRole('button', { name: '重新提交' }));
    expect(await screen.findByText(/还有 2 条审核意见未处理/)).toBeInTheDocument();
  });
});

describe('approval bound to the content', () => {
  it('an approved report is read-only until 修改 is confirmed; an edit voids the approval and typing the old value back restores it', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const approved = await approvedOffice();
    const { repository, id } = await stored(approved);
    await openDraftAt(repository, id, 'applications', '三、收到和处理政府信息公开申请情况');
    expect(screen.getByText(/报告已审核通过，内容不可修改。如需修改，请点击“修改”/)).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: CELL_NAME });
    expect(input).toBeDisabled();

    // 修改 asks first, and says what an edit does to the approval; 取消 keeps the form locked.
    await user.click(screen.getByRole('button', { name: '修改' }));
    let dialog = await screen.findByRole('alertdialog', { name: '修改已审核通过的报告' });
    expect(dialog).toHaveTextContent('只要内容与审核通过时不同，审核即失效（审核后已修改）');
    expect(dialog).toHaveTextContent('把内容改回审核通过时的样子，审核恢复有效');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(input).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '修改' }));
    dialog = await screen.findByRole('alertdialog', { name: '修改已审核通过的报告' });
    await user.click(within(dialog).getByRole('button', { name: '修改' }));
    expect(screen.getByRole('textbox', { name: CELL_NAME })).toBeEnabled();

    await user.clear(input);
    await user.type(input, '37');
    expect(await screen.findByText('审核后已修改。', { exact: false })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('审核后已修改')).toBeInTheDocument();
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('editing'));
    const review = (await statusOf(repository, id))!;
    expect(review.history.at(-1)).toMatchObject({ action: 'approvalVoided' });
    expect(review.approval).toEqual(approved.review?.approval);

    // The approved value typed back: approved again, the 审核后已修改 entry taken back, and still editable.
    await user.clear(input);
    await user.type(input, '36');
    await waitFor(() => expect(within(screen.getByRole('banner')).getByText('审核通过')).toBeInTheDocument());
    expect(screen.queryByText('审核后已修改。', { exact: false })).toBeNull();
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('approved'));
    expect((await statusOf(repository, id))?.history).toEqual(approved.review?.history);
    expect(input).toBeEnabled();

    // Changed once more, the final version is blocked.
    await user.clear(input);
    await user.type(input, '38');
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('editing'));
    await user.click(screen.getAllByRole('link', { name: /检查与生成/ })[0]!);
    await user.click(await screen.findByRole('button', { name: '生成 Word 报告' }));
    const blocked = await screen.findByRole('alertdialog', { name: '还不能生成正式版' }, { timeout: 10_000 });
    expect(blocked).toHaveTextContent('审核通过后报告内容已修改（审核后已修改），须重新提交审核');
    expect(downloads).toEqual([]);
  });

  it('an approved draft edited by hand is voided as soon as it is opened; the notice gives the approval time, not the opening time', async () => {
    const approved = await approvedOffice();
    const edited = JSON.parse(serializeDraft(approved).replace('"naturalPerson": 36', '"naturalPerson": 35')) as Draft;
    expect(await contentHash(edited)).not.toBe(approved.review?.approval?.contentHash);
    const { repository, id } = await stored(edited);
    await openDraftAt(repository, id, 'basics', '基本信息');
    const notice = (await screen.findByText('审核后已修改。')).parentElement!;
    const approval = approved.review!.approval!;
    expect(notice).toHaveTextContent(`报告内容与审核通过时（${approval.reviewer}，${formatDateTime(approval.at)} 审核通过）的内容不同`);
    await waitFor(async () => expect((await statusOf(repository, id))?.status).toBe('editing'));
    const voidedAt = (await statusOf(repository, id))!.history.at(-1)!;
    expect(voidedAt.action).toBe('approvalVoided');
    expect(notice.textContent).not.toContain(formatDateTime(voidedAt.at));
  });

  it('an approved report generates the final Word file', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { repository, id } = await stored(await approvedOffice());
    await openDraftAt(repository, id, 'check', '检查与生成');
    await user.click(screen.getByRole('button', { name: '生成 Word 报告' }));
    await waitFor(() => expect(downloads.map((file) => file.name)).toEqual(['宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.docx']), { timeout: 10_000 });
  });
});

describe('the setting 正式版须经审核通过后生成', () => {
  it('is on by default and then the final version waits for an approval; off, a clean report generates it', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { repository, id } = await stored(office2023Draft());
    await openDraftAt(repository, id, 'check', '检查与生成');
    await user.click(screen.getByRole('button', { name: '生成 Word 报告' }));
    const dialog = await screen.findByRole('alertdialog', { name: '还不能生成正式版' }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent('正式报告须经审核通过后才能生成（当前状态：编辑中）');
    await user.click(within(dialog).getByRole('button', { name: '返回修改' }));

    await user.click(screen.getByRole('link', { name: /^基本信息/ }));
    const setting = await screen.findByRole('checkbox', { name: '正式版须经审核通过后生成' });
    expect(setting).toBeChecked();
    expect(setting).toHaveAccessibleDescription(/没有单独审核人的机关可以取消勾选/);
    await user.click(setting);
    expect(setting).not.toBeChecked();
    await waitFor(async () => expect((await repository.get(id))?.draft.settings?.requireApproval).toBe(false));
    // Switching it off is a step of the review history.
    expect((await repository.get(id))?.draft.review?.history.map((entry) => entry.action)).toEqual(['approvalNotRequired']);

    await user.click(screen.getAllByRole('link', { name: /检查与生成/ })[0]!);
    await user.click(await screen.findByRole('button', { name: '生成 Word 报告' }));
    await waitFor(() => expect(downloads.map((file) => file.name)).toEqual(['宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.docx']), { timeout: 10_000 });
    // The final file says it was not reviewed.
    const { unzipSync, strFromU8 } = await import('fflate');
    const custom = strFromU8(unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()))['docProps/custom.xml']!);
    expect(custom).toContain('未经审核（本机关未设审核）');
  });
});

describe('a review file coming back to the clerk', () => {
  async function pick(user: ReturnType<typeof userEvent.setup>, draft: Draft, name: string) {
    const input = screen.getByLabelText('选择草稿文件（.json 或本工具生成的 .docx）');
    await user.upload(input, new File([serializeDraft(draft)], name, { type: 'application/json' }));
  }

  it('same content as submitted: offers to load the result, and the local draft takes it', async () => {
    const user = userEvent.setup();
    const { repository, id } = await stored(submittedOffice());
    renderApp({ repository });
    await screen.findByRole('button', { name: '打开草稿文件' });
    await pick(user, returnedOffice(), '退回.json');
    const dialog = await screen.findByRole('dialog', { name: '收到审核结果' });
    expect(dialog).toHaveTextContent('退回修改（王建国，2 条意见）');
    await user.click(within(dialog).getByRole('button', { name: '载入审核结果' }));
    await waitForHash(new RegExp(`#/draft/${id}`));
    expect((await statusOf(repository, id))?.status).toBe('returned');
  });

  it('local edits since submission: asks, and can keep them while taking the comments (an approval is then void)', async () => {
    const user = userEvent.setup();
    const local = submittedOffice();
    partOf(local, 'problems', 'problems').text += '补充一句。';
    const { repository, id } = await stored(local);
    renderApp({ repository });
    await screen.findByRole('button', { name: '打开草稿文件' });
    await pick(user, await approvedOffice(), '通过.json');
    const dialog = await screen.findByRole('alertdialog', { name: '本地草稿在提交审核后有修改' });
    expect(dialog).toHaveTextContent('审核通过将失效（审核后已修改）');
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '保留本地修改，载入审核意见' }));
    await waitForHash(new RegExp(`#/draft/${id}`));
    const merged = (await repository.get(id))!.draft;
    expect(partText(merged, 'problems', 'problems')).toMatch(/补充一句。$/);
    expect(merged.review?.status).toBe('editing');
    expect(merged.review?.history.map((entry) => entry.action)).toEqual(['submitted', 'approved', 'approvalVoided']);
  });

  it('a file from an older round than this browser holds says so before anything opens', async () => {
    const user = userEvent.setup();
    const at = new Date(Date.UTC(2026, 0, 8, 9, 0));
    const returned = returnedOffice();
    const answered = ok(answerComment(ok(resolveComment(returned, 'c1', CLERK, at)), 'c2', CLERK, '已补充', at));
    const roundTwo = ok(resubmit(answered, CLERK, at));
    const { repository } = await stored(roundTwo);
    renderApp({ repository });
    await screen.findByRole('button', { name: '打开草稿文件' });

    // Round 1's submission, sent again by mistake.
    await pick(user, submittedOffice(), '送审第1轮.json');
    let dialog = await screen.findByRole('dialog', { name: '这是一份待审核的报告' });
    expect(within(dialog).getByRole('note')).toHaveTextContent('这是一份旧文件：文件是第1轮（待审核）的，而此浏览器中这份报告已到第2轮（待审核）。请确认打开的是最新的文件。');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));

    // Round 1's returned file: the existing-draft dialog says it too.
    await pick(user, returned, '退回修改第1轮.json');
    dialog = await screen.findByRole('dialog', { name: '已有同一机关、同一年度的草稿' });
    expect(within(dialog).getByRole('note')).toHaveTextContent('文件是第1轮（退回修改）的，而此浏览器中这份报告已到第2轮（待审核）');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));

    // The latest round's own file is not called old.
    await pick(user, roundTwo, '送审第2轮.json');
    dialog = await screen.findByRole('dialog', { name: '这是一份待审核的报告' });
    expect(within(dialog).queryByRole('note')).toBeNull();
  });

  it('a file waiting for review asks whether to review it or open it as a draft', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('button', { name: '打开草稿文件' });
    await pick(user, submittedOffice(), '送审.json');
    const dialog = await screen.findByRole('dialog', { name: '这是一份待审核的报告' });
    await user.click(within(dialog).getByRole('button', { name: '审核这份报告' }));
    await waitForHash(/^#\/review\//);
    expect(await screen.findByRole('heading', { level: 1, name: /^审核报告：/ })).toBeInTheDocument();
    expect(await repository.list()).toEqual([]);
    expect(await repository.listReviews()).toHaveLength(1);
  });
});

