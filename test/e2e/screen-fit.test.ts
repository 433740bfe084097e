/**
 * The app on the smallest supported screen (1366×768), in a browser whose language is English (en-US):
 * every statutory table (二, 三, 四 of the 2021 and the 2019 format, and Zhejiang's table) fits without
 * sideways scrolling, table 四's last 总计 is fully visible and each input holds a 5-digit number; the
 * sticky 本表检查 list folds to one line while the clerk types, opens on request, and never covers the
 * cell that has the focus; the supervisor's comment dialog does not cover the cell it is about and the
 * review screen does not scroll sideways; the 已生成…docx confirmation is in view; dates read 年月日
 * whatever the browser's language. Screenshots go to test-results/review/ to be looked at.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { templateOf } from '../../src/domain/values.ts';
import { DISTRICT_2020_PATH, OFFICE_2023_PATH } from '../helpers/fixtures.ts';
import { launchBrowser, newAppPage, pageErrorReport, type AppPage } from './browser.ts';
import { cellBox, cellByKey, checkList, goHome, goToStep, openCheckList, stepHeading, until } from './helpers/app.ts';
import { download, shot } from './review-support.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VIEW = { width: 1366, height: 768 };
const ZHEJIANG_PATH = new URL('../fixtures/zhenhai-district-2020-zhejiang.draft.json', import.meta.url);
const CELL_BUTTON = /^一、本年新收政府信息公开申请数量 自然人：36。提出审核意见$/;
/** A date as the screens must show it, and the forms an English browser's defaults would produce. */
const CHINESE_DATE = /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/;
const OTHER_DATE_FORMS = /\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{4}|\b(?:AM|PM)\b|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

function templateOfFile(path: string | URL) {
  const read = readDraftJson(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(`fixture ${String(path)} does not read`);
  return templateOf(read.draft);
}

const template2021 = templateOfFile(OFFICE_2023_PATH);
const tableHeadings = (path: string | URL) =>
  templateOfFile(path)
    .sections.filter((section) => section.kind === 'table')
    .map((section) => section.heading);
const heading = (id: string) => template2021.sections.find((section) => section.id === id)!.heading;

let browser: Browser;
let clerk: AppPage;
let supervisor: AppPage;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'screen-fit-'));
  browser = await launchBrowser();
  clerk = await newAppPage(browser, { locale: 'en-US' });
  page = clerk.page;
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openDraft(path: string | URL): Promise<void> {
  await page.getByRole('button', { name: '打开草稿文件', exact: true }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开草稿文件', exact: true }).click();
  await (await chooser).setFiles({ name: 'report.draft.json', mimeType: 'application/json', buffer: readFileSync(path) });
}

/** How far the page and each table's own box could scroll sideways (0 when everything fits). */
async function sidewaysOverflow(on: Page): Promise<{ page: number; tables: number[] }> {
  return on.evaluate(() => {
    const root = document.scrollingElement!;
    return {
      page: root.scrollWidth - root.clientWidth,
      tables: [...document.querySelectorAll('main .tg-scroll')].map((box) => box.scrollWidth - box.clientWidth),
    };
  });
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box (not rendered)');
  return found;
}

function insideView(rect: { x: number; y: number; width: number; height: number }): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= VIEW.width && rect.y + rect.height <= VIEW.height;
}

function intersects(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What the clerk sees at the centre of the focused element: '' when it is that element, else what covers it. */
function coverOfFocused(on: Page): Promise<string> {
  return on.evaluate(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement)) return 'nothing focused';
    const rect = focused.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit === focused || focused.contains(hit)) return '';
    return `${focused.getAttribute('aria-label')} at y ${Math.round(rect.top)} is under ${hit ? `${hit.tagName}.${hit.className}` : 'nothing (off screen)'}`;
  });
}

async function expectFocusedUncovered(on: Page, what: string): Promise<void> {
  await until(() => coverOfFocused(on), (cover) => cover === '', `${what}: the focused cell uncovered`, 3_000);
}

async function expectNoSidewaysScroll(on: Page, where: string): Promise<void> {
  expect((await sidewaysOverflow(on)).page, `${where}: the page scrolls sideways`).toBe(0);
}

/** The dates a place shows: at least one, every one as 年月日, none in another form. */
async function expectChineseDates(place: Locator, where: string): Promise<void> {
  const text = await until(async () => (await place.textContent()) ?? '', (shown) => CHINESE_DATE.test(shown), `${where}: a date as 年月日`);
  expect(text, where).not.toMatch(OTHER_DATE_FORMS);
}

/**
 * The 2019 report and Zhejiang's are the same agency and year: the second file is offered in place of the
 * first, and the dialog says when the draft in the browser was last saved (年月日 as well).
 */
async function confirmReplacing(): Promise<void> {
  const offer = page.getByRole('dialog').filter({ hasText: '此浏览器中已有这份报告的草稿' });
  // Opened: on 基本信息, or (replacing) on the step last visited in that draft.
  const opened = page.getByRole('navigation', { name: '报告章节' });
  await Promise.race([offer.waitFor(), opened.waitFor()]);
  if (!(await offer.isVisible())) return;
  await expectChineseDates(offer, 'the offer to replace a draft');
  await offer.getByRole('button', { name: '用文件内容替换已有草稿…' }).click();
  await page.getByRole('alertdialog', { name: '确认替换已有草稿？' }).getByRole('button', { name: '确认替换' }).click();
  await opened.waitFor();
}

describe('at 1366×768 in an English browser', () => {
  it('tables 二, 三 and 四 of the 2021 format fit: no sideways scrolling of the page or of a table', async () => {
    await openDraft(OFFICE_2023_PATH);
    await stepHeading(page, '基本信息').waitFor();
    for (const label of tableHeadings(OFFICE_2023_PATH)) {
      await goToStep(page, label);
      expect(await sidewaysOverflow(page), label).toEqual({ page: 0, tables: [0] });
      await shot(page, `screen-fit-2021-${label.slice(0, 1)}`);
    }
  });

  it('table 四 shows 复议后起诉 总计 whole, and every input is wide enough for a 5-digit number', async () => {
    await goToStep(page, heading('reviewLitigation'));
    const total = cellBox(page, cellByKey(template2021, 'reviewLitigation.litigationAfterReview.total'));
    await total.scrollIntoViewIfNeeded();
    expect(insideView(await box(total)), '复议后起诉 总计 inside the viewport').toBe(true);
    const table = page.getByRole('main').getByRole('table');
    // A 5-digit number in each input overflows nothing (the value is put back without an input event).
    const cramped = await table.locator('input').evaluateAll((inputs) =>
      (inputs as HTMLInputElement[]).flatMap((input) => {
        const kept = input.value;
        input.value = '99999';
        const fits = input.scrollWidth <= input.clientWidth;
        input.value = kept;
        return fits ? [] : [input.getAttribute('aria-label') ?? input.id];
      }),
    );
    expect(cramped).toEqual([]);
    expect(await table.locator('input').count()).toBe(12);
    // 结果维持 … stay on one line: every column heading of the bottom header row is as tall as the others.
    const headerHeights = await table.locator('th.tg-columnHeader', { hasText: /^结果维持$/ }).evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
    expect(headerHeights.length).toBe(3);
    const lineHeights = await table.locator('th.tg-columnHeader', { hasText: /^结果维持$/ }).evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects().length;
      }),
    );
    expect(lineHeights, '结果维持 on one line in each group').toEqual([1, 1, 1]);
    await shot(page, 'screen-fit-table-4');
  });

  it('typing folds the check list to one line; 展开 opens the full list; the focused cell is never under it', async () => {
    await goToStep(page, heading('applications'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = cellBox(page, cellByKey(template2021, 'applications.newReceived.naturalPerson'));
    // A typo (37 for 36) gives the list an error to show.
    await first.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('37');
    const list = checkList(page);
    const toggle = list.getByRole('button', { name: '展开', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await box(list)).height, 'the folded list is one line').toBeLessThanOrEqual(40);
    expect(await list.getByRole('listitem').count()).toBe(0);
    await shot(page, 'screen-fit-folded');

    // Down the table with Enter: each cell reached is in view, not under the list.
    for (let step = 1; step <= 16; step += 1) {
      await page.keyboard.press('Enter');
      await expectFocusedUncovered(page, `folded, after ${step} × Enter`);
    }
    const reached = page.locator(':focus');

    await openCheckList(list);
    expect(await list.getByRole('listitem').count()).toBeGreaterThan(0);
    expect((await box(list)).height).toBeGreaterThan(40);
    await shot(page, 'screen-fit-open');
    // Back into the grid from the list (as 定位 does): the list stays open, and the cell moves clear of it.
    await reached.focus();
    await expectFocusedUncovered(page, 'open list, back in the grid');
    for (let step = 1; step <= 10; step += 1) {
      await page.keyboard.press('Enter');
      await expectFocusedUncovered(page, `open list, after ${step} × Enter`);
    }
    expect(await list.getByRole('button', { name: '收起', exact: true }).getAttribute('aria-expanded')).toBe('true');
    await shot(page, 'screen-fit-open-typing');
    await first.fill('36');
    await until(() => list.getByRole('listitem').count(), (count) => count === 0, 'the typo corrected');
  });

  it('the 已生成…docx confirmation is in view after generating, even from the bottom edge of the screen', async () => {
    await goToStep(page, '检查与生成');
    const generate = page.getByRole('button', { name: '生成 Word 报告' });
    await generate.evaluate((button) => button.scrollIntoView({ block: 'end' }));
    await generate.click();
    const blockers = page.getByRole('alertdialog', { name: '还不能生成正式版' });
    await Promise.all([page.waitForEvent('download'), blockers.getByRole('button', { name: '生成草稿版（标注“草稿”）' }).click()]);
    const status = page.getByRole('status').filter({ hasText: /^已生成草稿版 Word 文件/ });
    await status.waitFor();
    await until(async () => insideView(await box(status)), (inside) => inside, 'the confirmation inside the viewport', 3_000);
    await shot(page, 'screen-fit-generated');
  });

  it('the comment dialog never covers the cell it is about, and the review screen does not scroll sideways', async () => {
    await expectNoSidewaysScroll(page, 'clerk: 检查与生成');
    const review = page.getByRole('region', { name: '审核', exact: true });
    await review.getByLabel('提交人（编制人）姓名').fill('李晓明');
    const submitted = await download(page, dir, () => review.getByRole('button', { name: '提交审核' }).click());
    await expectChineseDates(page.getByRole('table', { name: '审核记录，按时间先后' }), 'clerk: review history');
    await expectNoSidewaysScroll(page, 'clerk: 检查与生成, submitted');

    supervisor = await newAppPage(browser, { locale: 'en-US' });
    const sup = supervisor.page;
    const chooser = sup.waitForEvent('filechooser');
    await sup.getByRole('button', { name: '审核报告', exact: true }).click();
    await (await chooser).setFiles(submitted.path);
    await sup.getByRole('heading', { level: 1, name: /^审核报告：/ }).waitFor();
    await expectNoSidewaysScroll(sup, 'supervisor: review screen');
    await expectChineseDates(sup.getByRole('table', { name: '审核记录，按时间先后' }), 'supervisor: review history');

    const report = sup.getByRole('article', { name: /报告全文/ });
    const cellButton = report.getByRole('button', { name: CELL_BUTTON });
    const cell = cellButton.locator('xpath=ancestor::td[1]');
    for (const where of ['start', 'center', 'end'] as const) {
      // The cell high, in the middle and low on the screen (clear of the sticky app header at the top).
      await cell.evaluate((td, block) => {
        td.scrollIntoView({ block });
        if (block === 'start') window.scrollBy(0, -120);
      }, where);
      const cellRect = await box(cell);
      await cellButton.click();
      const dialog = sup.getByRole('dialog', { name: '提出审核意见' });
      await dialog.getByLabel('意见内容').waitFor();
      const dialogRect = await box(dialog);
      expect(insideView(dialogRect), `${where}: the dialog is on screen`).toBe(true);
      expect(intersects(dialogRect, cellRect), `${where}: dialog ${JSON.stringify(dialogRect)} over cell ${JSON.stringify(cellRect)}`).toBe(false);
      // Sent empty, the dialog grows by its message, still clear of the cell and on screen.
      await dialog.getByRole('button', { name: '添加意见' }).click();
      await dialog.getByRole('alert').filter({ hasText: '请填写意见内容' }).waitFor();
      const grown = await box(dialog);
      expect(insideView(grown), `${where}: the grown dialog is on screen`).toBe(true);
      expect(intersects(grown, cellRect), `${where}: the grown dialog over the cell`).toBe(false);
      await shot(sup, `screen-fit-comment-${where}`);
      await dialog.getByRole('button', { name: '取消' }).click();
    }
    // A comment with a long unbroken address, and a signing key with its list entry open: the side panel
    // wraps them instead of widening the page.
    await cellButton.click();
    const dialog = sup.getByRole('dialog', { name: '提出审核意见' });
    await dialog.getByLabel('意见内容').fill(`请核对台账：https://www.zhenhai.gov.cn/art/2024/1/18/${'a'.repeat(120)}.html`);
    await dialog.getByRole('button', { name: '添加意见' }).click();
    await sup.getByRole('region', { name: /本轮审核意见（1 条）/ }).waitFor();
    await sup.getByLabel('审核人姓名').fill('王建国');
    await sup.getByLabel('审核人职务').fill('办公室主任');
    const keyPanel = sup.getByRole('region', { name: '签名密钥' });
    await keyPanel.getByRole('button', { name: '创建签名密钥' }).click();
    await keyPanel.getByLabel('密钥文件口令').fill('审核口令-2026');
    await keyPanel.getByLabel('再次输入口令').fill('审核口令-2026');
    await download(sup, dir, () => keyPanel.getByRole('button', { name: '创建并下载密钥文件' }).click());
    await keyPanel.getByText(/本机保存有/).waitFor();
    await keyPanel.getByText('审核人名单条目（交信息技术人员加入 reviewers.json）').click();
    await keyPanel.getByRole('textbox').waitFor();
    await shot(sup, 'screen-fit-review-panel');
    await expectNoSidewaysScroll(sup, 'supervisor: review screen with a comment and a signing key');
    expect(supervisor.errors, pageErrorReport(supervisor.errors)).toEqual([]);
  });

  it('the home list shows when each draft was saved as 年月日', async () => {
    await goHome(page);
    await expectChineseDates(page.getByRole('table', { name: '报告草稿列表' }), 'home list');
    await shot(page, 'screen-fit-home');
  });

  it('the 2019-format tables and Zhejiang’s table fit as well', async () => {
    for (const [index, path] of [DISTRICT_2020_PATH, ZHEJIANG_PATH].entries()) {
      if (index > 0) await goHome(page);
      await openDraft(path);
      await confirmReplacing();
      if (path === ZHEJIANG_PATH) await until(() => page.getByRole('banner').textContent(), (text) => (text ?? '').includes('浙江省'), 'the Zhejiang report open');
      for (const label of tableHeadings(path)) {
        await goToStep(page, label);
        const overflow = await sidewaysOverflow(page);
        expect(overflow.page, label).toBe(0);
        expect(overflow.tables.length, label).toBeGreaterThan(0);
        expect(overflow.tables.every((pixels) => pixels === 0), `${label}: ${overflow.tables.join(', ')}`).toBe(true);
      }
    }
    await shot(page, 'screen-fit-zhejiang');
  });


  it('raised no page error on the way', () => {
    expect(clerk.errors, pageErrorReport(clerk.errors)).toEqual([]);
  });
});
