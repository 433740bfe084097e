// @vitest-environment happy-dom
/**
 * The supervisor's review mode: the report read-only as it will print (merged headers from
 * layoutTable), comments on a cell and a paragraph, and the two decisions, each producing the file to
 * send back.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import { verifyApproval } from '../../src/domain/approval-verdict.ts';
import { feeStatementSentence } from '../../src/domain/fee-statement.ts';
import { layoutTable } from '../../src/domain/table-layout.ts';
import { tableByKey } from '../../src/domain/template.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp } from './app-harness.tsx';
import { captureDownloads, CELL_NAME, CLERK, downloadedDraft, returnedOffice, storeSession, submittedOffice, REVIEWER } from './review-helpers.ts';
import { listOf, testSigningKey } from '../helpers/signing-keys.ts';

const signingKey = await testSigningKey();
import { office2023Draft } from './ui-fixtures.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

async function openReview(draft = submittedOffice(), withKey = true) {
  const repository = new MemoryDraftRepository();
  // The supervisor's browser already holds their signing key (creating one: test/ui/review-signing.test.tsx).
  if (withKey) await repository.putSigningKey({ ...REVIEWER, createdAt: '2026-01-01T00:00:00.000Z', key: signingKey });
  const session = await storeSession(repository, draft);
  renderApp({ repository, hash: `#/review/${session.id}` });
  await screen.findByRole('heading', { level: 1, name: /^审核报告：宁波市镇海区人民政府办公室2023年度/ });
  return { repository, session };
}

const report = () => screen.getByRole('article', { name: /报告全文/ });

describe('review mode: the report as it will print', () => {
  it('shows title, 编制说明, every section, the fee sentence and the tables with their merged headers, and nothing to edit', async () => {
    await openReview();
    const page = report();
    expect(page).toHaveTextContent('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告');
    expect(page).toHaveTextContent('本年度报告根据《中华人民共和国政府信息公开条例》');
    for (const section of report2021.sections) expect(within(page).getByRole('heading', { level: 2, name: section.heading })).toBeInTheDocument();
    expect(page).toHaveTextContent(feeStatementSentence(office2023Draft()));
    expect(within(page).queryAllByRole('textbox')).toHaveLength(0);

    // Table 三: the header cells span exactly as layoutTable says (e.g. 法人或其他组织 over its five columns).
    const table = within(page).getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    const expected = layoutTable(tableByKey(report2021, 'applications'))
      .filter((row) => row.header)
      .flatMap((row) => row.cells.flatMap((cell) => (cell.kind === 'label' ? [[cell.text, cell.colSpan, cell.rowSpan]] : [])));
    const headerCells = [...table.querySelectorAll('thead th')].map((th) => [th.textContent, Number(th.getAttribute('colspan') ?? 1), Number(th.getAttribute('rowspan') ?? 1)]);
    expect(headerCells).toEqual(expected);
    expect(headerCells).toContainEqual(['法人或其他组织', 5, 1]);
    // A value cell reads its row and column, and its number.
    expect(within(table).getByRole('button', { name: `${CELL_NAME}：36。提出审核意见` })).toHaveTextContent('36');
  });

  it('a file not waiting for review can only be looked at', async () => {
    await openReview(office2023Draft());
    // Among the screen's notes (the approval verdict arrives asynchronously and is a note too).
    const notes = screen.getAllByRole('note').map((note) => note.textContent);
    expect(notes).toContainEqual(expect.stringContaining('不是待审核的报告：只能查看'));
    expect(screen.queryByRole('button', { name: '审核通过' })).not.toBeInTheDocument();
    expect(within(report()).queryByRole('button', { name: /提出审核意见/ })).not.toBeInTheDocument();
  });
});

describe('review mode: comments and decisions', () => {
  it('adds a comment to a table cell: the cell is marked and the comment is kept in this browser', async () => {
    const user = userEvent.setup();
    const { repository, session } = await openReview();
    const table = within(report()).getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    await user.click(within(table).getByRole('button', { name: new RegExp(`^${CELL_NAME}：`) }));
    const dialog = await screen.findByRole('dialog', { name: '提出审核意见' });
    expect(dialog).toHaveTextContent(`位置：三、收到和处理政府信息公开申请情况 · ${CELL_NAME}`);
    await user.click(within(dialog).getByRole('button', { name: '添加意见' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请填写意见内容');
    await user.type(within(dialog).getByLabelText('意见内容'), '与登记台账不一致');
    await user.click(within(dialog).getByRole('button', { name: '添加意见' }));

    const pending = await screen.findByRole('region', { name: /本轮审核意见（1 条）/ });
    expect(pending).toHaveTextContent('意见 1');
    expect(pending).toHaveTextContent('与登记台账不一致');
    const cell = within(table).getByRole('button', { name: new RegExp(`^${CELL_NAME}：`) }).closest('td')!;
    expect(cell).toHaveClass('rp-marked');
    expect(cell).toHaveTextContent('意见 1');
    await waitFor(async () => expect((await repository.getReview(session.id))?.pending).toEqual([expect.objectContaining({ anchor: { kind: 'cell', cell: 'applications.newReceived.naturalPerson' }, text: '与登记台账不一致' })]));
  });

  it('a comment closes its dialog at once: the reviewer types on without losing a character, and a second comment straight after keeps the first', async () => {
    // No signing key here: a key would prefill the reviewer's name.
    const { repository, session } = await openReview(submittedOffice(), false);
    const table = within(report()).getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    // No waiting between the steps (fireEvent, not the paced user-event): what a quick reviewer does.
    fireEvent.click(within(table).getByRole('button', { name: new RegExp(`^${CELL_NAME}：`) }));
    fireEvent.change(screen.getByLabelText('意见内容'), { target: { value: '与登记台账不一致' } });
    fireEvent.click(screen.getByRole('button', { name: '添加意见' }));
    expect(screen.queryByRole('dialog', { name: '提出审核意见' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('审核人姓名'), { target: { value: '王建国' } });
    expect(screen.getByLabelText('审核人姓名')).toHaveValue('王建国');
    fireEvent.click(within(report()).getByRole('button', { name: '对“五、存在的主要问题及改进情况 · 存在的主要问题”提出审核意见' }));
    fireEvent.change(screen.getByLabelText('意见内容'), { target: { value: '写得太笼统' } });
    fireEvent.click(screen.getByRole('button', { name: '添加意见' }));
    expect(screen.getByRole('region', { name: /本轮审核意见（2 条）/ })).toBeInTheDocument();
    await waitFor(async () => expect((await repository.getReview(session.id))?.pending.map((comment) => comment.text)).toEqual(['与登记台账不一致', '写得太笼统']));
    await waitFor(async () => expect((await repository.getReview(session.id))?.reviewer.name).toBe('王建国'));
  });

  it('退回修改 needs a comment, then downloads the returned file with the comments anchored where they were made', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    // Returning needs no signing key.
    await openReview(submittedOffice(), false);
    await user.type(screen.getByLabelText('审核人姓名'), REVIEWER.name);
    await user.type(screen.getByLabelText('审核人职务'), REVIEWER.role);
    await user.click(screen.getByRole('button', { name: '退回修改' }));
    expect(await screen.findByText('退回修改须至少提出一条审核意见')).toBeInTheDocument();
    expect(downloads).toEqual([]);

    await user.click(within(report()).getByRole('button', { name: '对“五、存在的主要问题及改进情况 · 存在的主要问题”提出审核意见' }));
    await user.type(screen.getByLabelText('意见内容'), '写得太笼统');
    await user.click(screen.getByRole('button', { name: '添加意见' }));
    await user.click(within(report()).getByRole('button', { name: new RegExp(`^${CELL_NAME}：`) }));
    await user.type(screen.getByLabelText('意见内容'), '与台账不一致');
    await user.click(screen.getByRole('button', { name: '添加意见' }));
    await user.click(screen.getByRole('button', { name: '退回修改' }));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（退回修改第1轮）.json');
    const returned = await downloadedDraft(downloads[0]!);
    expect(returned.review?.status).toBe('returned');
    expect(returned.review?.comments.map((comment) => [comment.anchor, comment.text, comment.author])).toEqual([
      [{ kind: 'paragraph', section: 'problems', part: 'problems' }, '写得太笼统', '王建国'],
      [{ kind: 'cell', cell: 'applications.newReceived.naturalPerson' }, '与台账不一致', '王建国'],
    ]);
    expect(await contentHash(returned)).toBe(await contentHash(submittedOffice()));
    expect(await screen.findByRole('heading', { name: '已退回修改' })).toBeInTheDocument();
    // Decided: nothing more to comment on; the history shows the round.
    expect(within(report()).queryByRole('button', { name: /提出审核意见/ })).not.toBeInTheDocument();
    const history = screen.getByRole('table', { name: '审核记录，按时间先后' });
    expect(within(history).getAllByRole('row').map((row) => row.textContent)).toEqual([
      expect.stringContaining('轮次'),
      expect.stringMatching(/第 1 轮.*提交审核.*李晓明/),
      expect.stringMatching(/第 1 轮.*退回修改.*王建国（办公室主任）.*意见 1（五、存在的主要问题及改进情况 · 存在的主要问题）：写得太笼统/),
    ]);
  });

  it('审核通过 records name, role, time and the content hash, signed, and downloads the approved file', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await openReview();
    // The form starts with the key holder's name and role.
    await waitFor(() => expect(screen.getByLabelText('审核人姓名')).toHaveValue(REVIEWER.name));
    await user.clear(screen.getByLabelText('审核人姓名'));
    await user.type(screen.getByLabelText('审核人姓名'), CLERK);
    await user.clear(screen.getByLabelText('审核人职务'));
    await user.type(screen.getByLabelText('审核人职务'), '科员');
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('审核人不能是提交审核的编制人本人');

    await user.clear(screen.getByLabelText('审核人姓名'));
    await user.type(screen.getByLabelText('审核人姓名'), REVIEWER.name);
    await user.clear(screen.getByLabelText('审核人职务'));
    await user.type(screen.getByLabelText('审核人职务'), REVIEWER.role);
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（审核通过）.json');
    const approved = await downloadedDraft(downloads[0]!);
    expect(approved.review?.approval).toEqual({
      reviewer: '王建国',
      role: '办公室主任',
      at: expect.any(String),
      contentHash: await contentHash(office2023Draft()),
      round: 1,
      signature: { algorithm: 'ECDSA-P256-SHA256', publicKey: signingKey.publicKey, fingerprint: signingKey.fingerprint, value: expect.any(String) },
    });
    expect((await verifyApproval(approved, listOf({ key: signingKey, ...REVIEWER }))).state).toBe('valid');
    expect(await screen.findByRole('heading', { name: '已审核通过' })).toBeInTheDocument();
    // The names are remembered for the next review.
    expect(window.localStorage.getItem('gov-report.reviewerName')).toBe('王建国');
  });

  it('a pending comment blocks 审核通过 (it would be lost), and the second round shows the clerk’s answers', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const returned = returnedOffice();
    const answered = {
      ...returned,
      review: {
        ...returned.review!,
        status: 'submitted' as const,
        comments: returned.review!.comments.map((comment, index) =>
          index === 0 ? { ...comment, state: 'resolved' as const, resolved: { author: CLERK, at: '2026-01-08T08:10:00.000Z' } } : { ...comment, state: 'answered' as const, reply: { text: '已补充三个具体问题', author: CLERK, at: '2026-01-08T08:11:00.000Z' } },
        ),
        history: [...returned.review!.history, { round: 2, action: 'resubmitted' as const, by: CLERK, at: '2026-01-08T08:12:00.000Z' }],
      },
    };
    await openReview(answered);
    const earlier = screen.getByRole('region', { name: '以前各轮的意见和答复' });
    expect(earlier).toHaveTextContent('已补充三个具体问题');
    expect(earlier).toHaveTextContent('已解决');
    await user.click(within(report()).getByRole('button', { name: /^对“一、总体情况”提出审核意见$/ }));
    await user.type(screen.getByLabelText('意见内容'), '再看一下');
    await user.click(screen.getByRole('button', { name: '添加意见' }));
    // Numbering continues after the two comments already in the report.
    expect(screen.getByRole('region', { name: /本轮审核意见/ })).toHaveTextContent('意见 3');
    await waitFor(() => expect(screen.getByLabelText('审核人姓名')).toHaveValue(REVIEWER.name));
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('还有 1 条未发出的意见');
    await user.click(screen.getByRole('button', { name: '删除意见 3' }));
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect((await downloadedDraft(downloads[0]!)).review?.history.map((entry) => [entry.round, entry.action])).toEqual([
      [1, 'submitted'],
      [1, 'returned'],
      [2, 'resubmitted'],
      [2, 'approved'],
    ]);
  });
});

describe('reviews kept in this browser', () => {
  it('are listed on the home screen, can be continued and removed after confirming', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    await storeSession(repository, submittedOffice());
    renderApp({ repository });
    const list = await screen.findByRole('region', { name: '审核的报告' });
    expect(list).toHaveTextContent('宁波市镇海区人民政府办公室');
    expect(list).toHaveTextContent('审核中');
    expect(within(list).getByRole('link', { name: '继续 宁波市镇海区人民政府办公室 2023年度报告的审核' })).toHaveAttribute('href', '#/review/review-1');
    await user.click(within(list).getByRole('button', { name: '移除 宁波市镇海区人民政府办公室 2023年度报告的审核' }));
    const confirm = await screen.findByRole('alertdialog', { name: '移除这次审核？' });
    await user.click(within(confirm).getByRole('button', { name: '确认移除' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '审核的报告' })).not.toBeInTheDocument());
    expect(await repository.listReviews()).toEqual([]);
  });
});
