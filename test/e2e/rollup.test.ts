/**
 * 汇总下级单位报告 in real Chromium at 1366×768: a unit's draft file and another unit's published page
 * chosen at once, listed with their year, reading and check, then rolled up into the government's draft,
 * which opens with the summed tables. Screens are scanned with axe-core; no console error may occur.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { axeProblems, freshComputer, shot, type Computer } from './review-support.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

let browser: Browser;
let computer: Computer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await computer?.close();
  await browser?.close();
});

describe('roll-up of units’ reports', () => {
  it('a draft file and a published page are rolled up into the government’s draft, which opens', async () => {
    computer = await freshComputer(browser);
    const { page, errors } = computer;
    // A department's draft: the 2023 office report (sample 003) under the department's name.
    const unit = JSON.parse(readFileSync(fixture('zhenhai-office-2023.draft.json'), 'utf8')) as { agency: { name: string } };
    unit.agency.name = '宁波市镇海区发展和改革局';

    await page.getByRole('button', { name: '汇总下级单位报告' }).waitFor();
    await shot(page, 'rollup-home-button');
    await page.getByRole('button', { name: '汇总下级单位报告' }).click();
    await page.getByRole('heading', { name: '汇总下级单位报告' }).waitFor();
    await page.getByLabel('选择下级单位的报告（草稿文件、Word 文件或保存的网页，可多选）').setInputFiles([
      { name: '发改局.draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unit)) },
      { name: 'zhenhai-office-2023.html', mimeType: 'text/html', buffer: readFileSync(fixture('import/zhenhai-office-2023.html')) },
    ]);
    const table = page.getByRole('table', { name: '下级单位的报告' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const rows = table.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('宁波市镇海区发展和改革局');
    expect(await rows.nth(1).textContent()).toContain('草稿文件');
    expect(await rows.nth(2).textContent()).toContain('宁波市镇海区人民政府办公室');
    expect(await rows.nth(2).textContent()).toContain('已发布的网页（导入）');
    expect(await rows.nth(2).textContent()).toContain('检查无错误');
    await shot(page, 'rollup-units');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('button', { name: '生成汇总草稿' }).click();
    const dialog = page.getByRole('dialog', { name: '生成汇总草稿' });
    await dialog.getByLabel('本级机关全称').fill('宁波市镇海区人民政府');
    await shot(page, 'rollup-confirm');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: '生成并打开' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('基本信息');
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: /^三、收到和处理/ }).click();
    // Published: 自然人 36, 商业企业 16 — in both units.
    expect(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人' }).inputValue()).toBe('72');
    expect(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 商业企业' }).inputValue()).toBe('32');
    await shot(page, 'rollup-result-table');
    expect(errors).toEqual([]);
  });

  it('the confirmation names a unit that left its 信息处理费 blank, in its row’s words, and stays readable', async () => {
    await computer?.close();
    computer = await freshComputer(browser);
    const { page, errors } = computer;
    const unitOf = (agency: string, fees: Record<string, number | null>) => {
      const unit = JSON.parse(readFileSync(fixture('zhenhai-office-2023.draft.json'), 'utf8')) as { agency: { name: string }; fees: unknown };
      unit.agency.name = agency;
      unit.fees = fees;
      return Buffer.from(JSON.stringify(unit));
    };
    await page.getByRole('button', { name: '汇总下级单位报告' }).click();
    await page.getByRole('heading', { name: '汇总下级单位报告' }).waitFor();
    await page.getByLabel('选择下级单位的报告（草稿文件、Word 文件或保存的网页，可多选）').setInputFiles([
      { name: '甲局.draft.json', mimeType: 'application/json', buffer: unitOf('镇海区发改局', { noticesIssued: 2, noticesAmount: 35.5, collectedAmount: 35.5 }) },
      { name: '乙局.draft.json', mimeType: 'application/json', buffer: unitOf('招宝山街道办事处', { noticesIssued: null, noticesAmount: null, collectedAmount: null }) },
    ]);
    await expect.poll(() => page.getByRole('table', { name: '下级单位的报告' }).getByRole('row').count()).toBe(3);
    await page.getByRole('button', { name: '生成汇总草稿' }).click();
    const dialog = page.getByRole('dialog', { name: '生成汇总草稿' });
    await dialog.waitFor();
    expect(await dialog.getByRole('listitem').first().textContent()).toBe('镇海区发改局');
    expect(await dialog.getByRole('listitem').nth(1).textContent()).toBe('招宝山街道办事处（没有填写信息处理费）');
    expect(await dialog.textContent()).toContain('“招宝山街道办事处”的报告有信息处理费的数字没有填写，汇总的信息处理费只计入填写了的单位：');
    expect(await dialog.textContent()).toContain('“招宝山街道办事处”的报告没有填写信息处理费“本年发出收费通知件数（件）”');
    await shot(page, 'rollup-confirm-fees-blank');
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
