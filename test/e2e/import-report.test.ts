/**
 * Importing a published report in real Chromium (its own DOMParser reads the page): the saved page of
 * a report opens a confirm dialog that says what was read and what was not; the report then becomes a
 * draft, or next year's report begun from it. Screens are scanned with axe-core; no console error and
 * no Content-Security-Policy violation may occur (the page's own scripts and styles must stay inert).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { axeProblems, computersForThisFile, shot, type Computer } from './review-support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

const computers = computersForThisFile('import-report-');

const computer = (): Promise<Computer> => computers.computer();

describe('import a published report', () => {
  it('a saved page: what was read is confirmed, then it opens as a draft of its year', async () => {
    const { page, errors } = await computer();
    await page.getByRole('button', { name: '导入已发布的报告' }).waitFor();
    await shot(page, 'import-home-buttons');
    await page.getByLabel('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）').setInputFiles(fixture('shanghai-office-2019.html'));
    const dialog = page.getByRole('dialog', { name: '确认导入的报告' });
    await expect.poll(() => dialog.textContent()).toContain('上海市人民政府办公厅 2019年度报告，2019年版格式（试行）；表格中 62 格有数字');
    expect(await dialog.textContent()).toContain('表二 政府集中采购 采购总金额：印为“251000元”');
    await shot(page, 'import-confirm-shanghai-2019');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: '作为2019年度报告打开' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('基本信息');
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: /^三、收到和处理/ }).click();
    expect(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人' }).inputValue()).toBe('821');
    expect(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 科研机构' }).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('a saved Word-export page: next year’s report begun from it carries 上年结转 over', async () => {
    const { page, errors } = await computer();
    await page.getByLabel('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）').setInputFiles(fixture('zhenhai-office-2023.html'));
    const dialog = page.getByRole('dialog', { name: '确认导入的报告' });
    await expect.poll(() => dialog.textContent()).toContain('三张表的每一格都已读出。');
    await shot(page, 'import-confirm-zhenhai-2023');
    await dialog.getByRole('button', { name: '据此开始2024年度报告' }).click();
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: /^三、收到和处理/ }).click();
    expect(await page.getByRole('textbox', { name: '二、上年结转政府信息公开申请数量 自然人' }).inputValue()).toBe('2');
    expect(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人' }).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });
});
