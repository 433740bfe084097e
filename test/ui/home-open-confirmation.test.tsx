// @vitest-environment happy-dom
/**
 * A chosen file with more than one thing to know before it opens (a Word file changed outside the app,
 * totals that disagree with their parts, an older review round) says all of them in one dialog, in a
 * fixed order, confirmed once; cancelling opens nothing.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { draftPackageParts, EMBEDDED_DRAFT_PATH } from '../../src/domain/embedded-draft.ts';
import { answerComment, resolveComment, resubmit } from '../../src/domain/review.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp, storeDraft, waitForHash } from './app-harness.tsx';
import { approvedOffice, CLERK, ok, returnedOffice, submittedOffice } from './review-helpers.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

const FILE_INPUT = '选择草稿文件（.json 或本工具生成的 .docx）';
const REVIEW_INPUT = '选择送审文件（编制人发来的 .json）';

/** Published: 36 + 16 = 52 新收; the file says 55. */
function withWrongTotal(draft: Draft): Draft {
  const edited = structuredClone(draft);
  (edited.tables.applications!.newReceived as Record<string, number>).total = 55;
  return edited;
}

/**
 * The approved report as Word saved it after someone retyped 自然人 36 → 38 in the table, carrying a
 * draft whose 新收 总计 was edited by hand to 55.
 */
async function changedWordFile(): Promise<File> {
  const approved = await approvedOffice();
  const files = unzipSync(await buildReportDocx(approved, 'final')) as Zippable;
  const retyped = structuredClone(approved);
  (retyped.tables.applications!.newReceived as Record<string, number>).naturalPerson = 38;
  files['word/document.xml'] = strToU8(strFromU8(unzipSync(await buildReportDocx(retyped, 'draft'))['word/document.xml']!));
  files[EMBEDDED_DRAFT_PATH] = strToU8(draftPackageParts(serializeDraft(withWrongTotal(approved)))[0]!.data);
  return new File([zipSync(files)], '报告.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

const headings = (dialog: HTMLElement) => within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const items = (dialog: HTMLElement) => within(dialog).getAllByRole('listitem').map((item) => item.textContent);

describe('a file with two problems at once', () => {
  it('a Word file changed in Word whose totals also disagree: one dialog lists both, and one click opens it', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    await user.upload(screen.getByLabelText(FILE_INPUT), await changedWordFile());

    const dialog = await screen.findByRole('dialog', { name: '打开前请注意：这个文件有 2 个问题' }, { timeout: 10_000 });
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(dialog).toHaveTextContent('文件“报告.docx”是“宁波市镇海区人民政府办公室”2023年度的报告。');
    expect(headings(dialog)).toEqual(['Word 文件中的内容被改动过', '文件中的总计与各项之和不符']);
    expect(dialog).toHaveTextContent('这份文件的审核通过记录不能作为审核通过');
    expect(items(dialog)).toEqual([
      '三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 自然人：Word 文件中为 38，附带的草稿中为 36',
      '三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 总计：Word 文件中为 54，附带的草稿中为 52',
      '表三“一、本年新收政府信息公开申请数量 / 总计”：文件中为 55，各项之和为 52',
    ]);
    const confirm = within(dialog).getByRole('button', { name: '按附带的草稿数据打开并核对' });
    expect(confirm).toHaveFocus();
    expect(await repository.list()).toHaveLength(0);

    await user.click(confirm);
    await waitFor(async () => expect(await repository.list()).toHaveLength(1));
    // Opened straight away: no second dialog about the totals.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const stored = (await repository.list())[0]!.draft;
    expect(stored.review?.history.at(-1)?.action).toBe('approvalVoided');
    expect((stored.tables.applications!.newReceived as Record<string, number>).naturalPerson).toBe(36);
  });

  it('审核报告 with an older round whose totals disagree: the old round first, 取消 the default, nothing kept when cancelled', async () => {
    const user = userEvent.setup();
    const at = new Date(Date.UTC(2026, 0, 8, 9, 0));
    const roundTwo = ok(resubmit(ok(answerComment(ok(resolveComment(returnedOffice(), 'c1', CLERK, at)), 'c2', CLERK, '已补充', at)), CLERK, at));
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, roundTwo);
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    const roundOne = () => new File([serializeDraft(withWrongTotal(submittedOffice()))], '送审第1轮.json', { type: 'application/json' });

    await user.upload(screen.getByLabelText(REVIEW_INPUT), roundOne());
    let dialog = await screen.findByRole('alertdialog', { name: '打开前请注意：这个文件有 2 个问题' });
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    expect(headings(dialog)).toEqual(['这是一份旧的送审文件', '文件中的总计与各项之和不符']);
    expect(within(dialog).getByRole('note')).toHaveTextContent('这是一份旧文件：文件是第1轮（待审核）的，而此浏览器中这份报告已到第2轮（待审核）。请确认打开的是最新的文件。');
    expect(items(dialog)).toEqual(['表三“一、本年新收政府信息公开申请数量 / 总计”：文件中为 55，各项之和为 52']);
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await repository.listReviews()).toEqual([]);

    await user.upload(screen.getByLabelText(REVIEW_INPUT), roundOne());
    dialog = await screen.findByRole('alertdialog', { name: '打开前请注意：这个文件有 2 个问题' });
    await user.click(within(dialog).getByRole('button', { name: '仍然审核这份文件' }));
    await screen.findByRole('heading', { level: 1, name: /^审核报告：/ });
    await waitForHash(/#\/review\//);
    expect((await repository.listReviews()).map((session) => session.fileName)).toEqual(['送审第1轮.json']);
  });
});
