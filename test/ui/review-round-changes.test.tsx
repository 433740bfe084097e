// @vitest-environment happy-dom
/**
 * Round 2 in review mode: what changed since round 1 is listed first and marked in the report (the
 * changed cell with its former value, the changed paragraph with its inserted characters), each comment
 * of round 1 is shown with the clerk's answer beside it and whether its place changed; round 1 shows
 * none of this. The clerk's 检查与生成 page lists the same changes while the returned report is revised.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { answerComment, resolveComment, resubmit } from '../../src/domain/review.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, renderApp, storeDraft, waitForHash } from './app-harness.tsx';
import { CELL_NAME, CLERK, ok, returnedOffice, storeSession, submittedOffice } from './review-helpers.ts';
import { partOf } from '../helpers/narrative.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

const at = (minute: number) => new Date(Date.UTC(2026, 0, 8, 9, minute));

/** Round 2 of the sample: 自然人 36 → 37, a sentence inserted into 五（一）, comment 1 resolved, comment 2 answered. */
function secondRound(): Draft {
  const returned = returnedOffice();
  const applications = returned.tables.applications!;
  const problems = returned.narrative.problems!;
  const firstLine = partOf(returned, 'problems', 'problems').text.split('\n')[0]!;
  const edited: Draft = {
    ...returned,
    tables: { ...returned.tables, applications: { ...applications, newReceived: { ...(applications.newReceived as Record<string, number | null>), naturalPerson: 37 } } },
    narrative: {
      ...returned.narrative,
      problems: { ...problems, parts: problems.parts.map((part) => (part.topic === 'problems' ? { ...part, text: `${firstLine}补充说明三个具体问题。` } : part)) },
    },
  };
  const resolved = ok(resolveComment(edited, 'c1', CLERK, at(1)));
  const answered = ok(answerComment(resolved, 'c2', CLERK, '已补充三个具体问题', at(2)));
  return ok(resubmit(answered, CLERK, at(3)));
}

async function openReview(draft: Draft) {
  const repository = new MemoryDraftRepository();
  const session = await storeSession(repository, draft);
  renderApp({ repository, hash: `#/review/${session.id}` });
  await screen.findByRole('heading', { level: 1, name: /^审核报告：/ });
}

const report = () => screen.getByRole('article', { name: /报告全文/ });

describe('review mode, round 2: what changed since round 1', () => {
  it('lists the changed cell and paragraph, and marks them in the report in words', async () => {
    await openReview(secondRound());
    const panel = screen.getByRole('region', { name: '与第1轮相比的改动（2处）' });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(`修改三、收到和处理政府信息公开申请情况 · ${CELL_NAME}第1轮：36现在：37`);
    expect(items[1]).toHaveTextContent('修改五、存在的主要问题及改进情况（一）存在的主要问题 第1段');
    // The list shows the inserted words with a little context, not the whole paragraph.
    expect(items[1]!.querySelector('ins')).toHaveTextContent('〔新增：补充说明三个具体问题。〕');
    expect(items[1]).toHaveTextContent(/…….{14}〔新增：补充说明三个具体问题。〕$/u);

    // The cell: its button says the former value, and the cell shows it.
    const table = within(report()).getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    const cellButton = within(table).getByRole('button', { name: `${CELL_NAME}：37（第1轮为36）。提出审核意见` });
    const cell = cellButton.closest('td')!;
    expect(cell).toHaveClass('rp-changed');
    expect(cell).toHaveTextContent('原36');
    // An unchanged cell carries no mark.
    expect(within(table).getByRole('button', { name: /^一、本年新收政府信息公开申请数量 商业企业：16。提出审核意见$/ }).closest('td')).not.toHaveClass('rp-changed');

    // The paragraph: labelled, with the inserted words in <ins> and said for screen readers.
    const changed = report().querySelector('.rp-p-changed')!;
    expect(changed).toHaveTextContent('改动的段落');
    expect(changed.querySelector('ins')).toHaveTextContent('〔新增：补充说明三个具体问题。〕');
    expect(changed.querySelector('del')).toBeNull();
  });

  it('an item of the list jumps to its place', async () => {
    const user = userEvent.setup();
    await openReview(secondRound());
    const panel = screen.getByRole('region', { name: /与第1轮相比的改动/ });
    await user.click(within(panel).getByRole('button', { name: /存在的主要问题 第1段$/ }));
    await waitFor(() => expect(document.activeElement).toHaveClass('rp-p-changed'));
    await user.click(within(panel).getByRole('button', { name: new RegExp(`${CELL_NAME}$`) }));
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(`${CELL_NAME}：37（第1轮为36）。提出审核意见`));
  });

  it('shows each comment of round 1 with the clerk’s answer beside it and whether its place changed', async () => {
    await openReview(secondRound());
    const table = screen.getByRole('table', { name: '第1轮的审核意见和编制人的答复' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect(cellsOf(rows[0]!)).toEqual([
      `意见 1 三、收到和处理政府信息公开申请情况 · ${CELL_NAME}自然人新收件数与登记台账不一致，请核对`,
      '已解决 （未作文字答复，已标记为已解决）',
      '该处已改动定位',
    ]);
    expect(cellsOf(rows[1]!)[1]).toMatch(/^已答复 已补充三个具体问题（李晓明 · /);
    expect(cellsOf(rows[1]!)[2]).toBe('该处已改动定位');
  });

  it('round 1 shows no changes', async () => {
    await openReview(submittedOffice());
    expect(screen.queryByRole('region', { name: /与第\d+轮相比的改动/ })).not.toBeInTheDocument();
    expect(report().querySelector('.rp-changed, .rp-changed-block')).toBeNull();
  });

  it('a round-2 file without a record of round 1 (older version) opens without changes', async () => {
    const draft = secondRound();
    const { reviewedContent: _dropped, ...older } = draft.review!;
    await openReview({ ...draft, review: older });
    expect(screen.queryByRole('region', { name: /与第\d+轮相比的改动/ })).not.toBeInTheDocument();
    // The earlier comments and answers are still there.
    expect(screen.getByRole('region', { name: '以前各轮的意见和答复' })).toHaveTextContent('已补充三个具体问题');
  });
});

describe('the clerk, revising a returned report', () => {
  it('sees the changes made since the return, each leading to its place in the editor', async () => {
    const user = userEvent.setup();
    const returned = returnedOffice();
    const applications = returned.tables.applications!;
    const edited: Draft = {
      ...returned,
      tables: { ...returned.tables, applications: { ...applications, newReceived: { ...(applications.newReceived as Record<string, number | null>), naturalPerson: 37 } } },
    };
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, edited);
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    const changes = await screen.findByRole('region', { name: '退回后的改动（1处）' });
    expect(changes).toHaveTextContent(`修改三、收到和处理政府信息公开申请情况 · ${CELL_NAME}原：36现：37`);
    await user.click(within(changes).getByRole('button', { name: new RegExp(`${CELL_NAME}$`) }));
    await waitForHash(/\/applications$/);
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(CELL_NAME));
  });

  it('sees no such list before the report was ever returned', async () => {
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, submittedOffice());
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    await screen.findByRole('region', { name: '审核' });
    expect(screen.queryByRole('region', { name: /退回后的改动/ })).not.toBeInTheDocument();
  });
});
