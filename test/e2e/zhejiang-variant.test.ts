/**
 * A clerk in Zhejiang starts the 2020 report with the province's format (地方格式：浙江省) and finds, under
 * 二、主动公开政府信息情况, the province's table (1.不同渠道方式主动公开及回应解读总体情况: 统计指标 / 单位 /
 * 统计数, rows without figure marked ——) before the national one (2.主动公开政府信息具体情况); types the
 * numbers of seed 000, gets the province's rule at the table, and finds them again after a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCellValue } from '../../src/domain/cell-input.ts';
import { NO_FIGURE_MARK } from '../../src/domain/table-layout.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { readFileSync } from 'node:fs';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { axeProblems } from './review-support.ts';
import { cellBox, cellByKey, expectText, goToStep, inputCells, stepHeading, textOf, typeAlong, waitForSaved } from './helpers/app.ts';

const seed = readDraftJson(readFileSync(new URL('../fixtures/zhenhai-district-2020-zhejiang.draft.json', import.meta.url), 'utf8'));
if (!seed.ok) throw new Error('the seed fixture does not read');
const draft = seed.draft;
const template = templateOf(draft);
const values = flattenTables(template, draft.tables);
const proactiveHeading = template.sections.find((section) => section.id === 'proactive')!.heading;
const overviewTable = (page: Page) => page.getByRole('main').getByRole('table', { name: /1\.不同渠道方式主动公开及回应解读总体情况/ });

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

describe('a report in Zhejiang’s format', () => {
  it('the new-report dialog offers 浙江省 for 2020, and the report is created with it', async () => {
    await page.getByRole('button', { name: '新建报告', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.getByRole('textbox', { name: '机关全称' }).pressSequentially(draft.agency.name);
    const year = dialog.getByRole('textbox', { name: '报告年度' });
    await year.fill('');
    await year.pressSequentially('2020');
    const local = dialog.getByRole('combobox', { name: '地方格式' });
    expect(await local.locator('option').allTextContents()).toEqual(['全国通用', '浙江省']);
    await local.selectOption({ label: '浙江省' });
    await dialog.getByRole('button', { name: '创建报告' }).click();
    await stepHeading(page, '基本信息').waitFor();
    await expectText(page.getByRole('banner'), '2020年度 · 2019年版格式（试行）·浙江省');
  });

  it('二 shows the province’s table first, under its lead, with units and —— rows, then the national table', async () => {
    await goToStep(page, proactiveHeading);
    const main = page.getByRole('main');
    const text = await textOf(main);
    const first = text.indexOf('1.不同渠道方式主动公开及回应解读总体情况');
    const second = text.indexOf('2.主动公开政府信息具体情况');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    const table = overviewTable(page);
    expect(await table.getByRole('textbox').count()).toBe(14);
    expect(await table.locator('td.tg-noFigure').count()).toBe(2);
    expect(await table.locator('td.tg-unit', { hasText: NO_FIGURE_MARK }).count()).toBe(2);
    expect(await table.locator('td.tg-unit', { hasText: '篇' }).count()).toBe(1);
    expect(await axeProblems(page), 'step 二 with the province’s table').toEqual([]);
  });

  it('typing the seed’s numbers; a 其中 larger than its total gets the province’s rule at the table', async () => {
    const inputs = inputCells(template, 'proactiveOverview');
    const texts = inputs.map((cell) => (cell.key === 'proactiveOverview.pressConferencesByLeaders.count' ? '14' : formatCellValue(values[cell.key] ?? null)));
    await typeAlong(page, inputs[0]!, texts);
    const checks = page.getByRole('region', { name: /本表检查/ }).first();
    await expectText(checks, '主要负责同志参加新闻发布会次数');
    const leaders = cellBox(page, cellByKey(template, 'proactiveOverview.pressConferencesByLeaders.count'));
    await leaders.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('heading', { name: /本表检查/ }).first(), '本表暂未发现问题');
  });

  it('the numbers are kept: after a reload they are all there', async () => {
    await waitForSaved(page);
    await page.reload();
    await stepHeading(page, proactiveHeading).waitFor();
    for (const cell of inputCells(template, 'proactiveOverview')) {
      expect(await cellBox(page, cell).inputValue(), cell.key).toBe(formatCellValue(values[cell.key] ?? null));
    }
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
