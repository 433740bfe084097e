/**
 * An axe-core scan of every step a clerk goes through, in Chromium at 1366×768: the home screen (empty and
 * with a draft), the new-report dialog, 基本信息, 一 … 六, the three tables each with a finding showing,
 * 检查与生成 with its findings, and the dialog that lists what blocks the final Word file. No violation of
 * impact serious or critical may remain; the failure message lists each with its elements. Each file
 * picker is announced once, as the visible button that opens it, not also as its hidden file input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report2019 } from '../../templates/report-2019.ts';
import { report2021 } from '../../templates/report-2021.ts';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import {
  BASICS,
  CHECK,
  cellBox,
  cellByKey,
  createReport,
  expectText,
  goHome,
  goToStep,
  stepHeading,
  typeCells,
} from './helpers/app.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe on the whole document as it is now; returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8')); // not a <script>: the app's CSP refuses inline scripts
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function report(where: string, violations: readonly Violation[]): string {
  return [
    `${where}: ${violations.length} serious/critical axe violation(s)`,
    ...violations.flatMap((v) => [
      `- [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`,
      ...v.nodes.slice(0, 5).map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
    ]),
  ].join('\n');
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, report(where, violations)).toEqual([]);
}

/**
 * The file inputs the accessibility tree announces as buttons of their own (Chromium exposes an
 * `<input type=file>` as a button, labelled 选择文件 or by its aria-label, even when it is only visually
 * hidden). Each picker must be announced once, as the visible button that opens it.
 */
async function announcedFileInputs(page: Page): Promise<string[]> {
  return page
    .getByRole('button')
    .evaluateAll((elements) => elements.filter((element) => element instanceof HTMLInputElement).map((input) => input.getAttribute('aria-label') ?? input.outerHTML));
}

/** The visible button opens the browser's file chooser (through the hidden input). */
async function opensFileChooser(page: Page, button: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  expect(chooser.isMultiple()).toBe(false);
}

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

describe('axe-core finds no serious or critical violation', () => {
  it('on the empty home screen and in the new-report dialog', async () => {
    await page.getByText('此浏览器中还没有报告草稿。').waitFor();
    await expectAccessible(page, 'home (empty)');
    await page.getByRole('button', { name: '新建报告', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.getByRole('textbox', { name: '报告年度' }).fill('20');
    await dialog.getByRole('button', { name: '创建报告' }).click();
    // The dialog with its messages showing (empty name, incomplete year).
    await expectText(dialog, '请填写机关全称');
    await expectAccessible(page, 'new-report dialog with messages');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('announces no file input as a button of its own, on the home screen and at 上年报告 on 基本信息', async () => {
    expect(await announcedFileInputs(page), 'home').toEqual([]);
    await opensFileChooser(page, '打开草稿文件');
    await opensFileChooser(page, '审核报告');
    await createReport(page, { agency: '某某县教育局', year: 2025, format: '2021年版格式（国办公开办函〔2021〕30号）' });
    await page.getByRole('button', { name: '选择上年报告文件…', exact: true }).waitFor();
    expect(await announcedFileInputs(page), BASICS).toEqual([]);
    await opensFileChooser(page, '选择上年报告文件…');
  });

  it('on 基本信息 and on 一 … 六 of a 2021-format report', async () => {
    await expectAccessible(page, BASICS);
    for (const section of report2021.sections.filter((s) => s.kind === 'narrative')) {
      await goToStep(page, section.heading);
      if (section.allowExtraParts) await page.getByRole('button', { name: '增加小标题', exact: true }).click();
      await expectAccessible(page, section.heading);
    }
  });

  it('on the three tables, each with a finding showing', async () => {
    const [proactive, applications, reviewLitigation] = report2021.sections.filter((s) => s.kind === 'table');
    const region = () => page.getByRole('region', { name: /本表检查/ });

    await goToStep(page, proactive!.heading);
    await typeCells(page, [{ cell: cellByKey(report2021, 'proactive.regulations.issued'), text: '三件' }]);
    await page.keyboard.press('Tab');
    await expectText(region(), '错误');
    await expectAccessible(page, `${proactive!.heading} (a cell that does not read)`);

    await goToStep(page, applications!.heading);
    await typeCells(page, [
      { cell: cellByKey(report2021, 'applications.newReceived.naturalPerson'), text: '5' },
      { cell: cellByKey(report2021, 'applications.granted.naturalPerson'), text: '2' },
      { cell: cellByKey(report2021, 'applications.carriedForward.naturalPerson'), text: '1' },
    ]);
    // Half-filled: 待填 while the focus is in the table, an error once it leaves.
    await expectText(region(), /待填自然人：还有/);
    await expectAccessible(page, `${applications!.heading} (a column being filled)`);
    await stepHeading(page, applications!.heading).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expectText(region(), /错误自然人：还有/);
    await expectAccessible(page, `${applications!.heading} (a sum that does not add up)`);

    await goToStep(page, reviewLitigation!.heading);
    await typeCells(page, [{ cell: cellByKey(report2021, 'reviewLitigation.review.upheld'), text: '1.5' }]);
    await page.keyboard.press('Tab');
    await expectText(region(), '错误');
    expect(await cellBox(page, cellByKey(report2021, 'reviewLitigation.review.upheld')).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, `${reviewLitigation!.heading} (a fraction of a case)`);
  });

  it('on 检查与生成 with its findings, and in the dialog listing what blocks the final Word file', async () => {
    await goToStep(page, CHECK);
    await expectText(page.getByRole('main'), '个错误');
    await expectAccessible(page, CHECK);
    await page.getByRole('button', { name: '生成 Word 报告' }).click();
    const blockers = page.getByRole('alertdialog', { name: '还不能生成正式版' });
    await expectText(blockers, '需要先解决');
    const violations = await seriousViolations(page);
    // A long list of blockers scrolls inside the dialog: the keyboard must reach that scroll area.
    const body = blockers.locator('.modal-body');
    const overflows = await body.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    const reachable = await body.evaluate((el) => el.tabIndex >= 0);
    await blockers.getByRole('button', { name: '返回修改' }).click();
    expect(violations, report('blocker dialog', violations)).toEqual([]);
    expect(reachable, 'the scrolling body of the dialog is in the tab order').toBe(overflows);
  });

  it('on the home screen listing a draft, and on the tables of a 2019-format report', async () => {
    await goHome(page);
    await page.getByRole('table', { name: '报告草稿列表' }).waitFor();
    await expectAccessible(page, 'home with a draft');
    await createReport(page, { agency: '某某县教育局', year: 2020, format: '2019年版格式（试行）（国办公开办函〔2019〕60号）' });
    for (const section of report2019.sections.filter((s) => s.kind === 'table')) {
      await goToStep(page, section.heading);
      await expectAccessible(page, `${section.heading} (2019 format)`);
    }
  });

  it('raised no page error on the way', () => {
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
