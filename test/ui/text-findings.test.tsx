// @vitest-environment happy-dom
/**
 * The text's findings at the paragraph: a number the tables contradict is shown under its paragraph with
 * the one-click fix, which writes the tables' number into the text (and the warning goes); a part
 * copied from last year lists the repeated sentences of both years; a section's findings (一's length)
 * stand at the top of its page.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

/** The findings list under a paragraph: found by its id, which the paragraph's textarea id names. */
function paragraphFindings(box: HTMLElement): HTMLElement {
  const list = document.getElementById(`${box.id}-findings`);
  if (!list) throw new Error(`no findings under ${box.id}`);
  expect(list).toHaveAccessibleName('本段检查提醒');
  return list;
}

const savedDraft = async (repository: MemoryDraftRepository, id: string) => (await repository.get(id))!.draft;

function withCompleted51(): Draft {
  const draft = office2023Draft();
  setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', '已办结51件'));
  return draft;
}

describe('numbers in the text, at the paragraph', () => {
  it('shows the warning under 依申请公开 and its fix writes 50 into the text, saved', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, withCompleted51());
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');

    const box = screen.getByRole('textbox', { name: '（二）依申请公开' });
    const list = await waitFor(() => paragraphFindings(box));
    expect(within(list).getByText(/中的 51件与表三“办理结果总计”（50件）不一致/)).toBeInTheDocument();
    // Only this paragraph's: the length of 一 (1092 字) stands at the top of the page.
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    const section = screen.getByRole('list', { name: '本节检查提醒' });
    expect(within(section).getByText('一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。')).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: '把文中的 51件 改为 50件' }));
    expect(box).toHaveValue(partText(office2023Draft(), 'overview', 'onRequest'));
    await waitFor(() => expect(screen.queryByText(/中的 51件与表三/)).not.toBeInTheDocument());
    await waitFor(async () => expect(partText(await savedDraft(repository, record.id), 'overview', 'onRequest')).toContain('已办结50件'));
  });

  it('the fix leaves the text alone when the clerk changed the sentence since', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, withCompleted51());
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' });
    const button = await screen.findByRole('button', { name: '把文中的 51件 改为 50件' });
    await user.click(box);
    await user.keyboard('{Control>}{Home}{/Control}共');
    const typed = (box as HTMLTextAreaElement).value;
    expect(typed.startsWith('共受理')).toBe(true);
    await user.click(button);
    expect(box).toHaveValue(typed);
  });
});

describe('counts in Chinese numerals and statements of absence, at the paragraph', () => {
  it('a count written 五十一件 is fixed to 五十件, in Chinese numerals as written', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const draft = office2023Draft();
    setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', '已办结五十一件'));
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' });
    const list = await waitFor(() => paragraphFindings(box));
    expect(within(list).getByText(/中的 五十一件与表三“办理结果总计”（50件）不一致/)).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: '把文中的 五十一件 改为 五十件' }));
    expect((box as HTMLTextAreaElement).value).toContain('已办结五十件，');
    await waitFor(() => expect(screen.queryByText(/中的 五十一件/)).not.toBeInTheDocument());
  });

  it('无因政府信息公开引起的行政复议 beside a 复议 in 表四: the warning names the table’s figure, with no fix', async () => {
    const repository = new MemoryDraftRepository();
    const draft = office2023Draft();
    const review = (draft.tables.reviewLitigation as { review: Record<string, number | null> }).review;
    review.upheld = 1;
    review.total = 1;
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' });
    const list = await waitFor(() => paragraphFindings(box));
    const item = within(list).getByText(/“无因政府信息公开引起的行政复议或诉讼”写的是没有，但表四“行政复议总计”为 1件，请核对文字或表格。/).closest('li')!;
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('a part copied from last year', () => {
  it('lists the repeated sentences of both years under the paragraph', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const previous = office2023Draft();
    previous.year = 2022;
    await storeDraft(repository, previous);
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'problems', '五、存在的主要问题及改进情况');
    const box = screen.getByRole('textbox', { name: '（一）存在的主要问题' });
    const list = await waitFor(() => paragraphFindings(box), { timeout: 3000 });
    expect(within(list).getByText(/与上年报告的同一部分基本相同（相似度 100%，3 句原样重复）/)).toBeInTheDocument();
    await user.click(within(list).getByText('查看原样重复的 3 句'));
    const rows = within(list).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toBe('本年报告上年报告');
    expect(rows[2]!.textContent).toBe('二是政策解读质效仍需进一步提高；二是政策解读质效仍需进一步提高；');
  });
});

describe('settings the text checks follow', () => {
  it('本地不限字数 removes the length warning of 一 and is saved with the draft’s settings; a limit typed is kept', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    expect(await screen.findByText('一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '本地不限字数' }));
    await waitFor(() => expect(screen.queryByText(/一、总体情况共 1092 字/)).not.toBeInTheDocument());
    await waitFor(async () => expect((await savedDraft(repository, record.id)).settings?.overviewLengthLimit).toBeNull());

    await user.click(screen.getByRole('checkbox', { name: '本地不限字数' }));
    const limit = screen.getByRole('textbox', { name: '本地规定的字数上限' });
    await user.clear(limit);
    await user.type(limit, '1500');
    await user.tab();
    await waitFor(async () => expect((await savedDraft(repository, record.id)).settings?.overviewLengthLimit).toBe(1500));
    expect(screen.queryByText(/一、总体情况共 1092 字/)).not.toBeInTheDocument();
  });

  it('机关类别 各级人民政府 asks for the results of 考核、评议、追责, at 监督保障; 未选择 leaves no kind in the draft', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const draft = office2023Draft();
    setPartText(draft, 'overview', 'oversight', '一是举办政务公开专题培训会。二是督查考核双管发力。');
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    await user.selectOptions(screen.getByRole('combobox', { name: '机关类别' }), '各级人民政府');
    await waitFor(async () => expect((await savedDraft(repository, record.id)).agency.kind).toBe('government'));
    await user.click(screen.getByRole('link', { name: /一、总体情况/ }));
    const box = await screen.findByRole('textbox', { name: '（五）监督保障' });
    const list = await waitFor(() => paragraphFindings(box));
    expect(within(list).getByText(/没有写到“社会评议”、“责任追究”的结果情况/)).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /基本信息/ }));
    await user.selectOptions(await screen.findByRole('combobox', { name: '机关类别' }), '未选择');
    await waitFor(async () => expect('kind' in (await savedDraft(repository, record.id)).agency).toBe(false));
  });
});
