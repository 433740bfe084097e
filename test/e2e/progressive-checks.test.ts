/**
 * In the built app at 1366×768: the first number typed in table 三 is 待填 (neutral, what is missing,
 * no fix button) — in the table and in the navigator — and becomes an error when the clerk leaves the
 * table; a column filled to the end with a typo is an error naming the cells to look at, with no fix
 * that would balance the table around the typo.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { cellBox, cellByKey, cellClass, checkList as checkListOf, createReport, expectText, goToStep, inputCells, openCheckList, stepHeading, stepLink, textOf, typeAlong } from './helpers/app.ts';
import { shot } from './review-support.ts';

const cell = (key: string) => cellByKey(report2021, key);
const APPLICATIONS = report2021.sections.find((section) => section.id === 'applications')!.heading;

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

const checkList = () => checkListOf(page);
const naturalPersonMessage = () => checkList().getByRole('listitem').filter({ hasText: /自然人：/ }).first();

describe('progressive checks in table 三', () => {
  it('the first number is 待填 with what is missing, no error and no fix, here and in the navigator', async () => {
    await createReport(page, { agency: '某市某局', year: 2025, format: '2021年版格式（国办公开办函〔2021〕30号）' });
    await goToStep(page, APPLICATIONS);
    await cellBox(page, cell('applications.newReceived.naturalPerson')).click();
    await page.keyboard.type('3001');
    await openCheckList(checkList());

    const item = naturalPersonMessage();
    const text = await expectText(item, /^待填自然人：还有 \d+ 格未填（上年结转、予以公开、部分公开等），填完后核对/);
    expect(text).not.toContain('相差');
    expect(await checkList().getByRole('button', { name: /^把/ }).count()).toBe(0);
    expect(await checkList().getByText('错误', { exact: true }).count()).toBe(0);
    expect(await cellClass(page, cell('applications.newReceived.naturalPerson'))).not.toContain('tg-flag-error');
    await expectText(stepLink(page, APPLICATIONS), /处待填/);
    expect(await textOf(stepLink(page, APPLICATIONS))).not.toContain('错误');
    await item.scrollIntoViewIfNeeded();
    await shot(page, 'progressive-first-keystroke');
  });

  it('leaving the table turns the half-filled column into an error at its cells', async () => {
    await stepHeading(page, APPLICATIONS).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expectText(naturalPersonMessage(), /^错误自然人：还有/);
    expect(await cellClass(page, cell('applications.newReceived.naturalPerson'))).toContain('tg-flag-error');
    expect(await checkList().getByRole('button', { name: /^把/ }).count()).toBe(0);
  });

  it('a column filled to the end with a typo is an error naming the cells to look at, with no fix', async () => {
    // 1288 applications granted, typed as 1283: 本年新收 1300 = 1288 + 结转下年度 12.
    const typed: Record<string, string> = {
      'applications.newReceived.naturalPerson': '1300',
      'applications.granted.naturalPerson': '1283',
      'applications.carriedForward.naturalPerson': '12',
    };
    const column = inputCells(report2021, 'applications').filter((c) => c.key.endsWith('.naturalPerson'));
    await cellBox(page, column[0]!).fill('');
    await typeAlong(page, column[0]!, column.map((c) => typed[c.key] ?? '0'), 'Enter');
    for (const c of column) expect(await cellBox(page, c).inputValue(), c.key).toBe(typed[c.key] ?? '0');
    await openCheckList(checkList());

    const text = await expectText(naturalPersonMessage(), /^错误自然人：本年新收 1300/);
    expect(text).toContain('相差 5');
    expect(text).toContain('可能有误的是：本年新收、上年结转、结转下年度，或构成办理结果总计的各项，请逐一核对');
    expect(await checkList().getByRole('button', { name: /^把自然人/ }).count()).toBe(0);
    expect(await cellClass(page, cell('applications.carriedForward.naturalPerson'))).toContain('tg-flag-error');
    await naturalPersonMessage().scrollIntoViewIfNeeded();
    await shot(page, 'progressive-typo');
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
