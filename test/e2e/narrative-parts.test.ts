/**
 * A clerk shapes 一 as their agency's report is written (sample 000: its own sub-headings, its own order)
 * and writes 五 with lead-ins (sample 003: “主要问题：…”, “改进情况：…”): a part retitled, one moved to the
 * top by keyboard, one of the agency's own added; the Word file (the 草稿 version, the tables being empty)
 * prints them in that order, under those titles, and 五 without heading lines.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/read-docx.ts';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { CHECK, createReport, field, goToStep, textOf, until, waitForSaved } from './helpers/app.ts';

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

const OVERVIEW = '一、总体情况';
const PROBLEMS = '五、存在的主要问题及改进情况';

describe('the report’s text shaped as published', () => {
  it('一: a part retitled, 监督保障 moved to the top by keyboard, a sub-topic of the agency’s own added', async () => {
    await createReport(page, { agency: '宁波市镇海区人民政府', year: 2023, format: '2021年版格式（国办公开办函〔2021〕30号）' });
    await goToStep(page, OVERVIEW);
    const title = field(page, '小标题 （五）');
    expect(await title.inputValue()).toBe('监督保障');
    await title.fill('“专班化”加强组织领导，提升统筹协调效率');
    await field(page, '（五）“专班化”加强组织领导，提升统筹协调效率').fill('成立政务公开工作专班，统筹推进各项工作。');
    await field(page, '（一）主动公开').fill('全年主动公开政府信息1200条。');
    await field(page, '（二）依申请公开').fill('全年收到政府信息公开申请52件。');

    // Four times 上移 by keyboard: the focus stays on the moved part's button until it is at the top.
    await page.getByRole('button', { name: '上移““专班化”加强组织领导，提升统筹协调效率”' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await until(() => textOf(page.getByRole('status').filter({ hasText: '已将' })), (text) => text.includes('移到第 1 位'), 'the move announced');
    expect(await field(page, '（一）“专班化”加强组织领导，提升统筹协调效率').inputValue()).toBe('成立政务公开工作专班，统筹推进各项工作。');
    expect(await field(page, '（二）主动公开').inputValue()).toBe('全年主动公开政府信息1200条。');

    await page.getByRole('button', { name: '增加小标题', exact: true }).click();
    await page.keyboard.type('政务新媒体管理方面');
    await field(page, '（六）政务新媒体管理方面').fill('严格落实政务新媒体常态化监管要求。');
    await waitForSaved(page);
  });

  it('五 written with lead-ins instead of heading lines', async () => {
    await goToStep(page, PROBLEMS);
    await page.getByRole('radio', { name: '写在段首的引语（如“主要问题：……”，黑体）' }).check();
    // A lead-in prints no number, so the editor labels each part by its title instead.
    await page.getByRole('main').getByRole('group', { name: '存在的主要问题', exact: true }).getByRole('textbox', { name: '段首引语', exact: true }).fill('主要问题');
    await field(page, '主要问题').fill('政策解读形式较为单一，基层公开标准化有待加强。');
    expect(await page.getByRole('main').getByRole('group', { name: '改进情况', exact: true }).getByRole('textbox', { name: '段首引语', exact: true }).inputValue()).toBe('改进情况');
    await field(page, '改进情况').fill('丰富解读形式，推进基层公开标准化建设。');
    await waitForSaved(page);
  });

  it('the Word file prints them in that order, under those titles, 五 as lead-ins', async () => {
    await goToStep(page, CHECK);
    await page.getByRole('button', { name: '生成 Word 报告' }).click();
    const blocked = page.getByRole('alertdialog', { name: '还不能生成正式版' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), blocked.getByRole('button', { name: '生成草稿版（标注“草稿”）' }).click()]);
    const doc = readDocx(new Uint8Array(readFileSync(await download.path())));
    const texts = doc.paragraphs.map((p) => p.text);
    const from = texts.indexOf(OVERVIEW);
    const to = texts.indexOf('二、主动公开政府信息情况');
    expect(texts.slice(from + 1, to)).toEqual([
      '（一）“专班化”加强组织领导，提升统筹协调效率',
      '成立政务公开工作专班，统筹推进各项工作。',
      '（二）主动公开',
      '全年主动公开政府信息1200条。',
      '（三）依申请公开',
      '全年收到政府信息公开申请52件。',
      // Unwritten required parts keep their headings in the 草稿 version, where the gap should show.
      '（四）政府信息管理',
      '（五）政府信息公开平台建设',
      '（六）政务新媒体管理方面',
      '严格落实政务新媒体常态化监管要求。',
    ]);
    const problems = texts.indexOf(PROBLEMS);
    expect(texts.slice(problems + 1, texts.indexOf('六、其他需要报告的事项'))).toEqual([
      '主要问题：政策解读形式较为单一，基层公开标准化有待加强。',
      '改进情况：丰富解读形式，推进基层公开标准化建设。',
    ]);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
