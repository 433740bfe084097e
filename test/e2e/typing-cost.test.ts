/**
 * In the built app at 1366×768: what a keystroke in table 三 costs the browser, counted, never timed (the
 * time is measured by `npm run bench -- app-browser`). Typing that makes a check message come and go
 * shows the new totals and message and changes nothing else: the folded check list keeps its height, so
 * the grid's --tg-checks-height (inherited by every cell) is not rewritten, and the browser restyles only
 * the few elements that changed, not the ~580 of the table.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { launchBrowser, newAppPage, pageErrorReport, type AppPage } from './browser.ts';
import { cellBox, cellByKey, expectText, goToStep, openDraftFile } from './helpers/app.ts';

const SAMPLE = new URL('../fixtures/zhenhai-office-2023.draft.json', import.meta.url);
const APPLICATIONS = report2021.sections.find((section) => section.id === 'applications')!.heading;
const TYPED = cellByKey(report2021, 'applications.granted.naturalPerson');
const ROW_TOTAL = cellByKey(report2021, 'applications.granted.total');
const KEYSTROKES = 10;

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await newAppPage(browser);
  page = app.page;
});

afterAll(async () => {
  await browser?.close();
});

const summary = () => page.getByRole('heading', { level: 3, name: /^本表检查：/ });

/** Every `UpdateLayoutTree` (style recalculation) of a Chrome trace, with the number of elements restyled. */
function restyledCounts(trace: Buffer): number[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: { name: string; ph: string; args?: { elementCount?: number } }[] };
  return parsed.traceEvents
    .filter((event) => event.name === 'UpdateLayoutTree' && event.ph === 'X')
    .map((event) => event.args?.elementCount ?? 0);
}

describe('a keystroke in table 三', () => {
  it('shows the new totals and message, keeps the check list’s height and restyles only what changed', async () => {
    await openDraftFile(page, { name: 'sample.draft.json', mimeType: 'application/json', buffer: readFileSync(SAMPLE) });
    await goToStep(page, APPLICATIONS);
    const cell = cellBox(page, TYPED);
    await cell.click();
    await page.keyboard.press('End');
    await expectText(summary(), '本表检查：本表暂未发现问题');
    expect(await cell.inputValue()).toBe('12');
    expect(await cellBox(page, ROW_TOTAL).textContent()).toBe('20');
    const elementsInTable = await page.locator('.tg').evaluate((grid) => grid.querySelectorAll('*').length);
    expect(elementsInTable).toBeGreaterThan(500);

    // Every change of the grid's own style attribute (where --tg-checks-height lives) is counted.
    await page.locator('.tg').evaluate((grid) => {
      const counter = window as unknown as { gridStyleWrites: number };
      counter.gridStyleWrites = 0;
      new MutationObserver((records) => (counter.gridStyleWrites += records.length)).observe(grid, { attributes: true, attributeFilter: ['style'] });
    });
    const listHeight = () => page.locator('.tg-messages').evaluate((list) => list.getBoundingClientRect().height);
    const heightBefore = await listHeight();

    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    for (let i = 0; i < KEYSTROKES; i += 1) {
      const digit = i % 2 === 0;
      await page.keyboard.press(digit ? '5' : 'Backspace');
      // 125 no longer adds up (本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度): two cells' relations are errors.
      await expectText(summary(), digit ? '本表检查：2 处错误' : '本表检查：本表暂未发现问题');
      expect(await cellBox(page, ROW_TOTAL).textContent()).toBe(digit ? '133' : '20');
      expect(await listHeight()).toBe(heightBefore);
    }
    const trace = await browser.stopTracing();

    expect(await cell.inputValue()).toBe('12');
    expect(await page.evaluate(() => (window as unknown as { gridStyleWrites: number }).gridStyleWrites)).toBe(0);
    const restyled = restyledCounts(trace);
    // At least one style recalculation per keystroke's frame, none of them the whole table.
    expect(restyled.length).toBeGreaterThanOrEqual(KEYSTROKES);
    expect(Math.max(...restyled)).toBeGreaterThan(0);
    expect(Math.max(...restyled)).toBeLessThan(elementsInTable / 5);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });

  it('with the check list open, a keystroke that lengthens it restyles nothing more; the next cell still comes to rest above it', async () => {
    const list = page.getByRole('region', { name: /^本表检查：/ });
    const cell = cellBox(page, TYPED);
    await page.keyboard.press('5');
    await expectText(summary(), '本表检查：2 处错误');
    await list.getByRole('button', { name: '展开', exact: true }).click();
    await cell.click();
    await page.keyboard.press('End');
    const openHeight = () => list.evaluate((element) => element.getBoundingClientRect().height);
    const withMessages = await openHeight();
    await page.evaluate(() => ((window as unknown as { gridStyleWrites: number }).gridStyleWrites = 0));

    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    for (let i = 0; i < KEYSTROKES; i += 1) {
      const backspace = i % 2 === 0;
      await page.keyboard.press(backspace ? 'Backspace' : '5');
      await expectText(summary(), backspace ? '本表检查：本表暂未发现问题' : '本表检查：2 处错误');
      // The open list grows and shrinks with its messages: its height changes on every keystroke.
      if (backspace) expect(await openHeight()).toBeLessThan(withMessages);
      else expect(await openHeight()).toBe(withMessages);
    }
    const trace = await browser.stopTracing();
    expect(await list.getByRole('button', { name: '收起', exact: true }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { gridStyleWrites: number }).gridStyleWrites)).toBe(0);
    const restyled = restyledCounts(trace);
    expect(Math.max(...restyled)).toBeGreaterThan(0);
    expect(Math.max(...restyled)).toBeLessThan(100);

    // Enter moves down: the list's current height is handed to the cells first, so the cell reached is clear of it.
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('Enter');
    const reached = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      const grid = focused.closest('.tg') as HTMLElement;
      const checks = grid.querySelector('.tg-messages') as HTMLElement;
      return {
        key: focused.dataset['cellKey'],
        bottom: focused.getBoundingClientRect().bottom,
        listTop: checks.getBoundingClientRect().top,
        listHeight: checks.getBoundingClientRect().height,
        handed: grid.style.getPropertyValue('--tg-checks-height'),
      };
    });
    expect(reached.key).toMatch(/^applications\.denied\..*\.naturalPerson$/);
    expect(reached.bottom).toBeLessThanOrEqual(reached.listTop);
    expect(reached.handed).toBe(`${Math.ceil(reached.listHeight)}px`);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
