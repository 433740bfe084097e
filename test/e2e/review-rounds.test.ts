/**
 * Round 2 in real Chromium at 1366×768, two computers sharing nothing but the files: the clerk sends
 * round 1; the supervisor comments on a table cell and a paragraph and returns it; the clerk changes
 * that cell and that paragraph, answers both comments and sends round 2. The supervisor's view then
 * lists both changes (jumping to each), marks the cell with its former value and the paragraph with
 * its inserted words, and shows each comment with the clerk's answer beside it and whether its place
 * changed; the clerk saw the same list before resubmitting. Screenshots go to test-results/review/ (review-rounds-*.png), and axe-core scans the view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { OFFICE_2023_PATH } from '../helpers/fixtures.ts';
import { axeProblems, download, computersForThisFile, shot, type Computer } from './review-support.ts';

const CELL_NAME = '一、本年新收政府信息公开申请数量 自然人';
const PARAGRAPH_BUTTON = '对“五、存在的主要问题及改进情况 · 存在的主要问题”提出审核意见';
const INSERTED = '且较上年有所进步';

const computers = computersForThisFile('review-rounds-');

const computer = (): Promise<Computer> => computers.computer();

async function goToStep(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: label }).click();
}

async function answer(page: Page, number: number, text: string): Promise<void> {
  await page.getByRole('button', { name: `答复：意见 ${number}` }).click();
  const dialog = page.getByRole('dialog', { name: `答复意见 ${number}` });
  await dialog.getByLabel('答复内容').fill(text);
  await dialog.getByRole('button', { name: '提交答复' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('review round 2: what changed since round 1', () => {
  let clerk: Computer;
  let supervisor: Computer;

  it('round 1 goes to the supervisor, who comments on a cell and a paragraph and returns it', async () => {
    clerk = await computer();
    const page = clerk.page;
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(OFFICE_2023_PATH);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    await goToStep(page, /^检查与生成/);
    const review = page.getByRole('region', { name: '审核', exact: true });
    await review.getByLabel('提交人（编制人）姓名').fill('李晓明');
    const round1 = await download(page, computers.dir, () => review.getByRole('button', { name: '提交审核' }).click());

    supervisor = await computer();
    const sup = supervisor.page;
    await sup.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(round1.path);
    const report = sup.getByRole('article', { name: /报告全文/ });
    await report.waitFor();
    // Round 1: nothing to compare with.
    expect(await sup.getByRole('region', { name: /与第\d+轮相比的改动/ }).count()).toBe(0);
    await report.getByRole('button', { name: `${CELL_NAME}：36。提出审核意见` }).click();
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByLabel('意见内容').fill('自然人新收件数与登记台账不一致，请核对');
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByRole('button', { name: '添加意见' }).click();
    // The dialog closes once the comment is stored; until then the page behind it takes no typing.
    await sup.getByRole('dialog', { name: '提出审核意见' }).waitFor({ state: 'hidden' });
    await report.getByRole('button', { name: PARAGRAPH_BUTTON }).click();
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByLabel('意见内容').fill('总体评价请写得具体些');
    await sup.getByRole('dialog', { name: '提出审核意见' }).getByRole('button', { name: '添加意见' }).click();
    // The dialog closes once the comment is stored; until then the page behind it takes no typing.
    await sup.getByRole('dialog', { name: '提出审核意见' }).waitFor({ state: 'hidden' });
    await sup.getByLabel('审核人姓名').fill('王建国');
    await sup.getByLabel('审核人职务').fill('办公室主任');
    const returned = await download(sup, computers.dir, () => sup.getByRole('button', { name: '退回修改' }).click());
    const file = JSON.parse(readFileSync(returned.path, 'utf8')) as Draft;
    // The returned file carries what the supervisor saw, for the next round to be compared with.
    expect(file.review?.reviewedContent?.round).toBe(1);
    expect(file.review?.reviewedContent?.cells['applications.newReceived.naturalPerson']).toBe(36);

    await page.getByRole('link', { name: '返回首页', exact: true }).click();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(returned.path);
    await page.getByRole('dialog', { name: '收到审核结果' }).getByRole('button', { name: '载入审核结果' }).click();
    await expect.poll(() => page.getByRole('banner').getByText('退回修改').count()).toBe(1);
  });

  it('the clerk changes the cell and the paragraph, answers both comments and sends round 2', async () => {
    const page = clerk.page;
    await goToStep(page, /^三、收到和处理/);
    const input = page.getByRole('textbox', { name: CELL_NAME });
    await input.fill('37');
    await input.press('Tab');
    await answer(page, 1, '已按登记台账更正为37件');

    await goToStep(page, /^五、存在的主要问题/);
    const box = page.getByRole('textbox', { name: '（一）存在的主要问题' });
    const text = await box.inputValue();
    expect(text).toContain('总体较好');
    await box.fill(text.replace('总体较好', `总体较好${INSERTED}`));
    await answer(page, 2, '已补充与上年的比较');

    await goToStep(page, /^检查与生成/);
    const review = page.getByRole('region', { name: '审核', exact: true });
    // Before resubmitting, the clerk sees what the supervisor will see listed.
    const clerkChanges = page.getByRole('region', { name: '退回后的改动（2处）' });
    await clerkChanges.scrollIntoViewIfNeeded();
    expect(await clerkChanges.getByRole('listitem').count()).toBe(2);
    await shot(page, 'review-rounds-00-clerk-changes');
    expect(await axeProblems(page), 'clerk: changes since the return').toEqual([]);
    const round2 = await download(page, computers.dir, () => review.getByRole('button', { name: '重新提交' }).click());
    expect(round2.name).toContain('（送审第2轮）');

    const sup = supervisor.page;
    await sup.getByRole('link', { name: '返回首页', exact: true }).click();
    await sup.getByLabel('选择送审文件（编制人发来的 .json）').setInputFiles(round2.path);
    await sup.getByRole('heading', { level: 1, name: /^审核报告：/ }).waitFor();
  });

  it('the supervisor sees both changes listed and marked, and each comment with its answer beside it', async () => {
    const sup = supervisor.page;
    const panel = sup.getByRole('region', { name: '与第1轮相比的改动（2处）' });
    await panel.waitFor();
    const items = panel.getByRole('listitem');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain(`三、收到和处理政府信息公开申请情况 · ${CELL_NAME}第1轮：36现在：37`);
    expect(await items.nth(1).textContent()).toContain('五、存在的主要问题及改进情况（一）存在的主要问题 第1段');
    expect(await items.nth(1).locator('ins').textContent()).toBe(`〔新增：${INSERTED}〕`);

    const comments = sup.getByRole('table', { name: '第1轮的审核意见和编制人的答复' });
    const rows = comments.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toContain('自然人新收件数与登记台账不一致，请核对');
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toContain('已按登记台账更正为37件');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toContain('该处已改动');
    expect(await rows.nth(1).locator('td').nth(0).textContent()).toContain('已补充与上年的比较');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toContain('该处已改动');
    await sup.mouse.wheel(0, 0);
    await shot(sup, 'review-rounds-01-changes');
    expect(await axeProblems(sup), 'supervisor: round 2 with changes').toEqual([]);

    // The list jumps to the cell, which shows its former value.
    await items.nth(0).getByRole('button').click();
    const cellButton = sup.getByRole('button', { name: `${CELL_NAME}：37（第1轮为36）。提出审核意见` });
    await expect.poll(() => cellButton.evaluate((element) => element === document.activeElement)).toBe(true);
    const cell = cellButton.locator('xpath=ancestor::td[1]');
    expect(await cell.getAttribute('class')).toContain('rp-changed');
    expect(await cell.locator('.rp-was').isVisible()).toBe(true);
    await shot(sup, 'review-rounds-02-changed-cell');

    // And to the paragraph, where the inserted words are underlined and labelled.
    await items.nth(1).getByRole('button').click();
    const paragraph = sup.locator('.rp-p-changed');
    await expect.poll(() => paragraph.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await paragraph.locator('ins').textContent()).toBe(`〔新增：${INSERTED}〕`);
    expect(await paragraph.locator('.rp-change-label').isVisible()).toBe(true);
    await shot(sup, 'review-rounds-03-changed-paragraph');

    for (const { errors } of computers.made) expect(errors).toEqual([]);
  });
});
