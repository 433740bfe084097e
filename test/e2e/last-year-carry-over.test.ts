/**
 * Last year's report in real Chromium: the clerk attaches last year's draft file (built here from the
 * sample: the office's 2022 report that carried 2 + 1 applications forward), takes 上年结转 over with
 * 全部采用 and sees C1 satisfied; the attachment survives a reload. Across the format change, a 2021
 * report of the district against its 2020 report (2019 format) says which cross-year rules were
 * skipped and why. Screens are scanned with axe-core.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { crossYearSummary, swingWarnings } from '../../src/domain/cross-year.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { skippedCrossYearRules } from '../../src/domain/rules.ts';
import { DISTRICT_2020_PATH, district2020Draft, OFFICE_2023_PATH, office2023Draft } from '../helpers/fixtures.ts';
import { district2021Draft, office2022Draft } from '../ui/last-year-helpers.ts';
import { axeProblems, computersForThisFile, shot, type Computer } from './review-support.ts';

const computers = computersForThisFile('last-year-');

function writeDraft(draft: Draft, name: string): string {
  const path = join(computers.dir, name);
  writeFileSync(path, serializeDraft(draft));
  return path;
}

const computer = (): Promise<Computer> => computers.computer();

async function goToStep(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: label }).click();
}

describe('last year beside this year', () => {
  it('2022 → 2023: attach last year’s file, take 上年结转 over, C1 satisfied; kept across a reload', async () => {
    const office2022 = office2022Draft();
    expect(crossYearSummary(office2023Draft(), office2022).findings.map((finding) => finding.rule)).toEqual(['C1', 'C1', 'C1']);
    const lastYearPath = writeDraft(office2022, '宁波市镇海区人民政府办公室2022年政府信息公开工作年度报告.draft.json');

    const { page } = await computer();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(OFFICE_2023_PATH);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    const panel = page.getByRole('region', { name: '上年报告', exact: true });
    await expect.poll(() => panel.textContent()).toContain('当前没有上年报告。');
    await page.getByLabel('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）').setInputFiles(lastYearPath);
    await expect.poll(() => panel.textContent()).toContain('来自文件“宁波市镇海区人民政府办公室2022年政府信息公开工作年度报告.draft.json”');

    const carry = panel.getByRole('table', { name: /上年结转/ });
    await expect.poll(() => carry.getByRole('row').nth(1).textContent()).toBe('自然人20采用');
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'last-year-01-carry-over');
    expect(await axeProblems(page), 'basics with last year').toEqual([]);

    await panel.getByRole('button', { name: '全部采用' }).click();
    await expect.poll(() => carry.getByRole('row').nth(1).textContent()).toBe('自然人22一致');
    await expect.poll(() => carry.getByRole('row').nth(2).textContent()).toBe('商业企业11一致');

    await goToStep(page, /^检查与生成/);
    const notices = page.getByRole('region', { name: '与上年报告比较' });
    await expect.poll(() => notices.textContent()).toContain('跨年检查（上年结转、跨年数字衔接）未发现问题。');
    await shot(page, 'last-year-02-check');
    expect(await axeProblems(page), 'check page with last year').toEqual([]);

    // The table shows last year's numbers on demand.
    await goToStep(page, /^三、收到和处理/);
    await page.getByRole('checkbox', { name: '显示上年数' }).check();
    const carried = page.getByRole('textbox', { name: '二、上年结转政府信息公开申请数量 自然人' });
    expect(await carried.inputValue()).toBe('2');
    expect(await page.getByRole('textbox', { name: '四、结转下年度继续办理 自然人' }).locator('xpath=ancestor::td[1]').textContent()).toContain('上年 2');

    // After a reload the attachment and the carried-over numbers are still there.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await goToStep(page, /^基本信息/);
    await expect.poll(() => page.getByRole('region', { name: '上年报告', exact: true }).textContent()).toContain('来自文件“宁波市镇海区人民政府办公室2022年政府信息公开工作年度报告.draft.json”');
    await expect.poll(() => page.getByRole('region', { name: '上年报告', exact: true }).getByRole('table', { name: /上年结转/ }).getByRole('row').nth(1).textContent()).toBe('自然人22一致');
  });

  it('2020 (2019 format) → 2021: the check page says which cross-year rules were skipped, and why', async () => {
    const district2021 = district2021Draft();
    const path = writeDraft(district2021, '宁波市镇海区人民政府2021年政府信息公开工作年度报告.draft.json');
    const skipped = skippedCrossYearRules(templates['2021'], templates['2019']);
    const swings = swingWarnings(district2021, district2020Draft());
    expect(skipped.length).toBeGreaterThan(0);
    expect(swings.length).toBeGreaterThan(0);

    const { page } = await computer();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(path);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    await page.getByLabel('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）').setInputFiles(DISTRICT_2020_PATH);
    const panel = page.getByRole('region', { name: '上年报告', exact: true });
    await expect.poll(() => panel.textContent()).toContain('上年报告使用2019年版格式（试行），本年使用2021年版格式');

    await goToStep(page, /^检查与生成/);
    const note = page.getByRole('note', { name: '未进行的跨年检查' });
    await expect.poll(() => note.textContent()).toContain('格式变化后以下跨年检查不能进行，已跳过');
    for (const item of skipped) expect(await note.textContent()).toContain(`${item.rule} ${item.reason}`);
    const swingList = page.getByRole('region', { name: '主要数字的大幅变化' });
    for (const swing of swings) expect(await swingList.textContent()).toContain(swing.message);
    await note.scrollIntoViewIfNeeded();
    await shot(page, 'last-year-03-format-change');
    expect(await axeProblems(page), 'check page across the format change').toEqual([]);
  });

  it('no page reported an error', () => {
    expect(computers.made.flatMap((made) => made.errors)).toEqual([]);
  });
});
