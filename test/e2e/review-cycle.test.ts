/**
 * The whole review cycle in real Chromium, with two computers (two browser contexts that share
 * nothing but the files passed between them): the clerk submits the sample report and downloads the
 * review file; the supervisor returns it with two comments, one on a table cell; the clerk resolves
 * one, answers the other and resubmits; the supervisor approves; the clerk generates the final Word
 * file, which carries the approval. The supervisor creates a signing key on the way (its key file is
 * downloaded), and the deployment serves a reviewers.json listing it (as IT would, from the entry the
 * supervisor's screen shows); `report check --reviewers` then finds the Word file's approval valid. Then tampering: an edit after approval, and a hand-edited approved
 * file, both void the approval. Screenshots of review mode and of the comments at 1366×768 go to
 * test-results/review/, and axe-core scans every review screen.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/domain/content-hash.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { runReport } from '../../src/cli/report.ts';
import { reviewerEntrySchema, reviewersListText } from '../../src/domain/reviewers-list.ts';
import { OFFICE_2023_PATH } from '../helpers/fixtures.ts';
import { axeProblems, download, computersForThisFile, shot, type Computer } from './review-support.ts';

const CELL_BUTTON = /^一、本年新收政府信息公开申请数量 自然人：36。提出审核意见$/;
const CELL_NAME = '一、本年新收政府信息公开申请数量 自然人';
const PARAGRAPH_BUTTON = '对“五、存在的主要问题及改进情况 · 存在的主要问题”提出审核意见';
const TITLE = '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告';

const computers = computersForThisFile('review-cycle-');

/** Where the test deployment's reviewers.json is written once the supervisor has a key. */
const reviewersPath = () => join(computers.dir, 'reviewers.json');

async function computer(): Promise<Computer> {
  const made = await computers.computer();
  // The deployment: reviewers.json beside index.html once IT has put it there (until then the server
  // answers with the app's index.html, as a single-page server does for an unknown path).
  await made.page.context().route('**/reviewers.json', (route) =>
    existsSync(reviewersPath()) ? route.fulfill({ path: reviewersPath(), contentType: 'application/json' }) : route.fallback(),
  );
  return made;
}

async function openDraftFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(path);
}

async function goToStep(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: label }).click();
}

async function home(page: Page): Promise<void> {
  await page.getByRole('link', { name: '返回首页', exact: true }).click();
  await page.getByRole('button', { name: '打开草稿文件' }).waitFor();
}

async function expectNoAxeProblems(page: Page, where: string): Promise<void> {
  expect(await axeProblems(page), where).toEqual([]);
}

function readJson(path: string): Draft {
  return JSON.parse(readFileSync(path, 'utf8')) as Draft;
}

describe('review cycle: two computers, files passed between them', () => {
  let clerk: Computer;
  let supervisor: Computer;
  let approvedPath: string;
  let firstRoundPath: string;

  it('the clerk opens the sample report and submits it: 待审核 and the review file', async () => {
    clerk = await computer();
    const { page } = clerk;
    await openDraftFile(page, OFFICE_2023_PATH);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    await goToStep(page, /^检查与生成/);
    const review = page.getByRole('region', { name: '审核', exact: true });
    await review.getByLabel('提交人（编制人）姓名').fill('李晓明');
    const submitted = await download(page, computers.dir, () => review.getByRole('button', { name: '提交审核' }).click());
    expect(submitted.name).toBe(`${TITLE}（送审第1轮）.json`);
    firstRoundPath = submitted.path;
    expect(readJson(submitted.path).review).toMatchObject({ status: 'submitted', history: [{ action: 'submitted', by: '李晓明' }] });
    await expect.poll(() => page.getByRole('banner').getByText('待审核').count()).toBe(1);
    await expectNoAxeProblems(page, 'clerk: check page, submitted');

    // The supervisor, on another computer, opens it in review mode.
    supervisor = await computer();
    const sup = supervisor.page;
    await sup.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(submitted.path);
    await sup.getByRole('heading', { level: 1, name: /^审核报告：宁波市镇海区人民政府办公室2023年度/ }).waitFor();
    const report = sup.getByRole('article', { name: /报告全文/ });
    await expect.poll(() => report.getByRole('textbox').count()).toBe(0);
    // Merged headers as printed: 法人或其他组织 over five columns.
    const table = report.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    expect(await table.locator('th', { hasText: '法人或其他组织' }).getAttribute('colspan')).toBe('5');
    await shot(sup, 'review-01-opened');
    await expectNoAxeProblems(sup, 'supervisor: review mode');
  });

  it('the supervisor returns it with two comments, one on a table cell', async () => {
    const sup = supervisor.page;
    const report = sup.getByRole('article', { name: /报告全文/ });
    await report.getByRole('button', { name: CELL_BUTTON }).click();
    const dialog = sup.getByRole('dialog', { name: '提出审核意见' });
    await expect.poll(() => dialog.textContent()).toContain(`位置：三、收到和处理政府信息公开申请情况 · ${CELL_NAME}`);
    await dialog.getByLabel('意见内容').fill('自然人新收件数与登记台账不一致，请核对');
    await shot(sup, 'review-02-composer');
    await expectNoAxeProblems(sup, 'supervisor: comment dialog');
    await dialog.getByRole('button', { name: '添加意见' }).click();

    await report.getByRole('button', { name: PARAGRAPH_BUTTON }).click();
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByLabel('意见内容').fill('存在的问题写得太笼统，请具体说明');
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByRole('button', { name: '添加意见' }).click();
    const pending = sup.getByRole('region', { name: /本轮审核意见（2 条）/ });
    await pending.waitFor();
    await pending.getByRole('button', { name: '定位到意见 1所指位置' }).click();
    await shot(sup, 'review-03-two-comments');
    await expectNoAxeProblems(sup, 'supervisor: with pending comments');

    await sup.getByLabel('审核人姓名').fill('王建国');
    await sup.getByLabel('审核人职务').fill('办公室主任');
    const returned = await download(sup, computers.dir, () => sup.getByRole('button', { name: '退回修改' }).click());
    expect(returned.name).toBe(`${TITLE}（退回修改第1轮）.json`);
    const file = readJson(returned.path);
    expect(file.review?.status).toBe('returned');
    expect(file.review?.comments.map((comment) => comment.anchor)).toEqual([
      { kind: 'cell', cell: 'applications.newReceived.naturalPerson' },
      { kind: 'paragraph', section: 'problems', part: 'problems' },
    ]);
    await sup.getByRole('heading', { name: '已退回修改' }).waitFor();
    await shot(sup, 'review-04-returned');
    await expectNoAxeProblems(sup, 'supervisor: returned');

    // The clerk opens the returned file; the local copy is unchanged, so it loads without loss.
    const page = clerk.page;
    await home(page);
    await openDraftFile(page, returned.path);
    const result = page.getByRole('dialog', { name: '收到审核结果' });
    await expect.poll(() => result.textContent()).toContain('退回修改（王建国，2 条意见）');
    await result.getByRole('button', { name: '载入审核结果' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('banner').getByText('退回修改').count()).toBe(1);
  });

  it('the clerk sees each comment at its place, resolves one, answers the other and resubmits', async () => {
    const page = clerk.page;
    await goToStep(page, /^三、收到和处理/);
    const panel = page.getByRole('region', { name: /本页的审核意见/ });
    await expect.poll(() => panel.textContent()).toContain('自然人新收件数与登记台账不一致，请核对');
    const input = page.getByRole('textbox', { name: CELL_NAME });
    const cell = input.locator('xpath=ancestor::td[1]');
    await expect.poll(() => cell.getAttribute('data-rv-comments')).toBe('意见 1');
    await input.focus();
    await expect.poll(() => cell.locator('.rv-cell-note').isVisible()).toBe(true);
    await shot(page, 'review-05-clerk-cell-comment');
    await expectNoAxeProblems(page, 'clerk: table step with a comment');

    await panel.getByRole('button', { name: '标记已解决：意见 1' }).click();
    await expect.poll(() => panel.textContent()).toContain('已解决');
    await expect.poll(() => cell.getAttribute('data-rv-comments')).toBeNull();

    await goToStep(page, /^五、存在的主要问题/);
    const box = page.getByRole('textbox', { name: '（一）存在的主要问题' });
    await expect.poll(() => box.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.rv-place-note').textContent()).toContain('意见 2：存在的问题写得太笼统，请具体说明');
    await shot(page, 'review-06-clerk-paragraph-comment');
    await page.getByRole('button', { name: '答复：意见 2' }).click();
    const answer = page.getByRole('dialog', { name: '答复意见 2' });
    await answer.getByLabel('答复内容').fill('已补充三个具体问题：公开深度、解读质量、全流程信息');
    await expectNoAxeProblems(page, 'clerk: answer dialog');
    await answer.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(() => page.getByRole('region', { name: /本页的审核意见/ }).textContent()).toContain('已答复');

    await goToStep(page, /^检查与生成/);
    const review = page.getByRole('region', { name: '审核', exact: true });
    await expect.poll(() => page.getByRole('table', { name: '审核记录，按时间先后' }).textContent()).toContain('退回修改');
    await shot(page, 'review-07-clerk-check-page');
    const resubmitted = await download(page, computers.dir, () => review.getByRole('button', { name: '重新提交' }).click());
    expect(resubmitted.name).toBe(`${TITLE}（送审第2轮）.json`);
    const file = readJson(resubmitted.path);
    expect(file.review?.comments.map((comment) => comment.state)).toEqual(['resolved', 'answered']);
    expect(file.review?.history.map((entry) => [entry.round, entry.action])).toEqual([
      [1, 'submitted'],
      [1, 'returned'],
      [2, 'resubmitted'],
    ]);

    // The supervisor approves the second round.
    const sup = supervisor.page;
    await home(sup);
    await sup.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(resubmitted.path);
    await sup.getByRole('heading', { level: 1, name: /^审核报告：/ }).waitFor();
    const earlier = sup.getByRole('region', { name: '以前各轮的意见和答复' });
    await expect.poll(() => earlier.textContent()).toContain('已补充三个具体问题');
    expect(await sup.getByLabel('审核人姓名').inputValue()).toBe('王建国');
    await shot(sup, 'review-08-second-round');
    await expectNoAxeProblems(sup, 'supervisor: second round');

    // Approving signs: the supervisor creates a signing key (the key file is downloaded at once) and
    // hands the list entry to IT, who deploys reviewers.json with it.
    const keyPanel = sup.getByRole('region', { name: '签名密钥' });
    await keyPanel.getByRole('button', { name: '创建签名密钥' }).click();
    await keyPanel.getByLabel('密钥文件口令').fill('审核口令-2026');
    await keyPanel.getByLabel('再次输入口令').fill('审核口令-2026');
    await expectNoAxeProblems(sup, 'supervisor: creating a signing key');
    const keyFile = await download(sup, computers.dir, () => keyPanel.getByRole('button', { name: '创建并下载密钥文件' }).click());
    expect(keyFile.name).toBe('审核签名密钥-王建国.json');
    expect(readFileSync(keyFile.path, 'utf8')).toContain('"encryptedKey"');
    await keyPanel.getByText(/本机保存有/).waitFor();
    await keyPanel.getByText('审核人名单条目（交信息技术人员加入 reviewers.json）').click();
    const entry = reviewerEntrySchema.parse(JSON.parse(await keyPanel.getByRole('textbox').inputValue()));
    expect(entry).toMatchObject({ name: '王建国', role: '办公室主任' });
    writeFileSync(reviewersPath(), reviewersListText([entry]));
    await shot(sup, 'review-08b-signing-key');
    await expectNoAxeProblems(sup, 'supervisor: signing key');
    const approved = await download(sup, computers.dir, () => sup.getByRole('button', { name: '审核通过' }).click());
    expect(approved.name).toBe(`${TITLE}（审核通过）.json`);
    approvedPath = approved.path;
    const approvedDraft = readJson(approved.path);
    expect(approvedDraft.review?.approval).toMatchObject({ reviewer: '王建国', role: '办公室主任' });
    expect(approvedDraft.review?.approval?.contentHash).toBe(await contentHash(approvedDraft));
    expect(approvedDraft.review?.approval?.signature?.fingerprint).toBe(entry.fingerprint);
    await sup.getByRole('heading', { name: '已审核通过' }).waitFor();
    await sup.getByText(/签名有效，签名人在审核人名单中/).waitFor();
    await shot(sup, 'review-08c-approved');

    // The first round's file, opened again by mistake: the supervisor is told it is old before reviewing it.
    await home(sup);
    await sup.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(firstRoundPath);
    const stale = sup.getByRole('alertdialog', { name: '这是一份旧的送审文件' });
    await expect.poll(() => stale.getByRole('note').textContent()).toBe(
      '这是一份旧文件：文件是第1轮（待审核）的，而此浏览器中这份报告已到第2轮（审核通过）。请确认打开的是最新的文件。',
    );
    await shot(sup, 'review-08d-older-round');
    await stale.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => stale.count()).toBe(0);
  });

  it('the clerk opens the approved file and generates the final Word file, which carries the approval', async () => {
    const page = clerk.page;
    await home(page);
    await openDraftFile(page, approvedPath);
    await page.getByRole('dialog', { name: '收到审核结果' }).getByRole('button', { name: '载入审核结果' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await goToStep(page, /^检查与生成/);
    await expect.poll(() => page.getByRole('region', { name: '审核', exact: true }).textContent()).toContain('审核人 王建国（办公室主任）');
    const word = await download(page, computers.dir, () => page.getByRole('button', { name: '生成 Word 报告' }).click());
    expect(word.name).toBe(`${TITLE}.docx`);

    const bytes = new Uint8Array(readFileSync(word.path));
    const files = unzipSync(bytes);
    const document = strFromU8(files['word/document.xml']!);
    expect(document).toContain('宁波市镇海区人民政府办公室');
    expect(document).toContain('2023年政府信息公开工作年度报告');
    expect(document).not.toContain('草稿');
    const custom = strFromU8(files['docProps/custom.xml']!);
    for (const text of ['审核状态', '审核通过（签名有效）', '审核人', '王建国', '审核人职务', '办公室主任', '审核通过时间', '审核签名密钥指纹']) expect(custom).toContain(text);
    const embedded = JSON.parse(extractEmbeddedDraftJson(bytes)!) as Draft;
    expect(embedded.review?.status).toBe('approved');
    expect(custom).toContain(embedded.review!.approval!.contentHash);
    expect(await contentHash(embedded)).toBe(embedded.review!.approval!.contentHash);

    // The command line, given the same reviewers list, finds the approval valid.
    let stdout = '';
    const code = await runReport(['check', word.path, '--reviewers', reviewersPath(), '--json'], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: computers.dir });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { approval: unknown }).approval).toMatchObject({ state: 'valid' });
  });

  it('after approval: read-only until 修改; an edit shows 审核后已修改, the approved value typed back restores the approval', async () => {
    const page = clerk.page;
    await goToStep(page, /^三、收到和处理/);
    await page.getByText('报告已审核通过，内容不可修改').waitFor();
    const input = page.getByRole('textbox', { name: CELL_NAME });
    expect(await input.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '修改', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: '修改已审核通过的报告' });
    await expect.poll(() => confirm.textContent()).toContain('把内容改回审核通过时的样子，审核恢复有效');
    await shot(page, 'review-09a-amend-confirm');
    await confirm.getByRole('button', { name: '修改', exact: true }).click();
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill('37');
    await input.press('Tab');
    await page.getByText('审核后已修改。').first().waitFor();
    await expect.poll(() => page.getByRole('banner').getByText('审核后已修改').count()).toBe(1);
    // Back to the approved value: the approval counts again.
    await input.fill('36');
    await input.press('Tab');
    await expect.poll(() => page.getByRole('banner').locator('.rv-badge').textContent()).toBe('审核状态：审核通过');
    expect(await page.getByText('审核后已修改。').count()).toBe(0);
    await input.fill('37');
    await input.press('Tab');
    await page.getByText('审核后已修改。').first().waitFor();
    await shot(page, 'review-09-voided');
    await expectNoAxeProblems(page, 'clerk: approval voided');
    await goToStep(page, /^检查与生成/);
    await page.getByRole('button', { name: '生成 Word 报告' }).click();
    const blocked = page.getByRole('alertdialog', { name: '还不能生成正式版' });
    await expect.poll(() => blocked.textContent()).toContain('审核通过后报告内容已修改（审核后已修改），须重新提交审核');
  });

  it('tampering in the file: an approved file with one number changed by hand opens with its approval void', async () => {
    const edited = readFileSync(approvedPath, 'utf8').replace('"naturalPerson": 36', '"naturalPerson": 35');
    expect(edited).not.toBe(readFileSync(approvedPath, 'utf8'));
    const path = join(computers.dir, '改过的审核通过文件.json');
    writeFileSync(path, edited);
    const other = await computer();
    const { page } = other;
    await openDraftFile(page, path);
    // 36 → 35 by hand leaves the file's 总计 52 disagreeing with its parts: said before anything opens.
    const totals = page.getByRole('dialog', { name: '文件中的总计与各项之和不符' });
    await expect.poll(() => totals.textContent()).toContain('表三“一、本年新收政府信息公开申请数量 / 总计”：文件中为 52，各项之和为 51');
    await totals.getByRole('button', { name: '打开并核对' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('审核后已修改。').first().waitFor();
    expect(await page.getByText(/报告内容与审核通过时（王建国，.*审核通过）的内容不同/).count()).toBe(1);

    // The supervisor's screen says so too.
    const third = await computer();
    await third.page.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(path);
    await third.page.getByRole('dialog', { name: '文件中的总计与各项之和不符' }).getByRole('button', { name: '打开并核对' }).click();
    await third.page.getByRole('heading', { level: 1, name: /^审核报告：/ }).waitFor();
    await expect.poll(() => third.page.getByRole('note').first().textContent()).toContain('审核后已修改');
  });

  it('no page reported an error', () => {
    expect(computers.made.flatMap((made) => made.errors)).toEqual([]);
  });
});
