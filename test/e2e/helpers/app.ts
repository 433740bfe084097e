/**
 * What a clerk does in the app, as Playwright steps through roles and Chinese accessible names, for the
 * browser tests. Labels of the statutory tables come from the template (`cellAccessibleName`), so the
 * steps follow the format the draft uses; the app's own words (buttons, dialogs) are written out here,
 * because that is what the clerk reads.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatCellValue } from '../../../src/domain/cell-input.ts';
import type { CellValues, Draft } from '../../../src/domain/draft-types.ts';
import { cellAccessibleName, layoutTable, type CellInfo } from '../../../src/domain/table-layout.ts';
import { indexTemplate, narrativeSections, tableSections } from '../../../src/domain/template.ts';
import type { NarrativeSectionTemplate, ReportTemplate, TableKey } from '../../../src/domain/template-types.ts';
import { computeTotals } from '../../../src/domain/totals.ts';
import { flattenTables, templateOf } from '../../../src/domain/values.ts';

export const BASICS = '基本信息';
export const CHECK = '检查与生成';
/** The setting issue 5 adds on 基本信息; this agency has no separate reviewer. */
export const APPROVAL_SETTING = '正式版须经审核通过后生成';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until `read()` satisfies `check`, or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for a locator's text to contain `expected` (string or pattern). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  return until(() => textOf(locator).catch(() => ''), matches, `text ${String(expected)}`, timeout);
}

// ---------------------------------------------------------------------------------------------------------
// Navigation

export function navigator(page: Page): Locator {
  return page.getByRole('navigation', { name: '报告章节' });
}

/** A navigator entry: its accessible name is the step's label, then its state (`基本信息 ， 未开始`). */
export function stepLink(page: Page, label: string): Locator {
  return navigator(page).getByRole('link', { name: new RegExp(`^${escapeRegExp(label)}\\s`) });
}

export function stepHeading(page: Page, label: string): Locator {
  return page.getByRole('heading', { level: 1, name: label, exact: true });
}

export async function goToStep(page: Page, label: string): Promise<void> {
  await stepLink(page, label).click();
  await stepHeading(page, label).waitFor();
}

export function stepLabels(template: ReportTemplate): string[] {
  return [BASICS, ...template.sections.map((section) => section.heading), CHECK];
}

export async function goHome(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: '返回首页', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '本浏览器中的报告草稿' }).waitFor();
}

/** The save indicator settles on 已保存 HH:MM:SS (and stays there: nothing pending). */
export async function waitForSaved(page: Page): Promise<void> {
  const indicator = page.getByTestId('save-indicator');
  const saved = /^已保存 \d\d:\d\d:\d\d$/;
  await expectText(indicator, saved);
  // A change made a moment ago may still be waiting for its debounce: look again after it.
  await page.waitForTimeout(600);
  await expectText(indicator, saved);
}

// ---------------------------------------------------------------------------------------------------------
// Home

export interface NewReport {
  readonly agency: string;
  readonly year: number;
  /** What the dialog must announce, e.g. `2021年版格式（国办公开办函〔2021〕30号）`. */
  readonly format: string;
}

/** 新建报告 → agency and year typed → the format announced → 创建报告 → the editor on 基本信息. */
export async function createReport(page: Page, report: NewReport): Promise<string> {
  await page.getByRole('button', { name: '新建报告', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建年度报告' });
  await dialog.getByRole('textbox', { name: '机关全称' }).pressSequentially(report.agency);
  const year = dialog.getByRole('textbox', { name: '报告年度' });
  await year.fill('');
  await year.pressSequentially(String(report.year));
  await expectText(dialog, `${report.year}年度报告将使用${report.format}。`);
  await dialog.getByRole('button', { name: '创建报告' }).click();
  await stepHeading(page, BASICS).waitFor();
  const match = /#\/draft\/([^/]+)\//.exec(page.url());
  if (!match) throw new Error(`no draft id in ${page.url()}`);
  return decodeURIComponent(match[1]!);
}

export interface FileToOpen {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** 打开草稿文件 → the browser's file chooser → the file. */
export async function openDraftFile(page: Page, file: FileToOpen): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开草稿文件', exact: true }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
}

/** 打开草稿文件 with a Word report the app generated (a download), as the clerk picks it from disk. */
export async function openWordFile(page: Page, word: { readonly name: string; readonly bytes: Buffer }): Promise<void> {
  await openDraftFile(page, {
    name: word.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: word.bytes,
  });
}

/** The rows of the home screen's draft list, as the clerk reads them. */
export async function draftRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: '报告草稿列表' });
  if ((await table.count()) === 0) return [];
  return (await table.getByRole('row').allTextContents()).slice(1).map((text) => text.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------------------------------------
// 基本信息

/** The agency's text fields (its kind is a choice, not a text). */
type AgencyTextField = Exclude<keyof Draft['agency'], 'kind'>;

export const AGENCY_LABELS: Readonly<Record<AgencyTextField, string>> = {
  name: '机关全称',
  address: '通讯地址',
  postcode: '邮政编码',
  phone: '咨询电话',
  website: '报告电子版查阅网站',
};

export function field(page: Page, label: string): Locator {
  return page.getByRole('main').getByRole('textbox', { name: label, exact: true });
}

export async function fillBasics(page: Page, agency: Draft['agency']): Promise<void> {
  for (const key of ['address', 'postcode', 'phone', 'website'] as const) {
    if (agency[key] === '') continue;
    const box = field(page, AGENCY_LABELS[key]);
    // The postcode and the phone are typed like a clerk would; the long address is pasted in one go.
    if (key === 'address') await box.fill(agency[key]);
    else await box.pressSequentially(agency[key]);
  }
}

/** Unchecks 正式版须经审核通过后生成 on 基本信息 where the app has it (issue 5); says whether it was there. */
export async function turnOffApproval(page: Page): Promise<boolean> {
  const box = page.getByRole('checkbox', { name: APPROVAL_SETTING, exact: true });
  if ((await box.count()) === 0) return false;
  expect(await box.isChecked(), `${APPROVAL_SETTING} is on by default`).toBe(true);
  await box.uncheck();
  expect(await box.isChecked()).toBe(false);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Narrative sections

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function ordinal(n: number): string {
  return `（${ORDINALS[n - 1]}）`;
}

/** The label of each part's textarea, as the page shows it: numbered parts, or optional ones marked 选填. */
export function partLabels(section: NarrativeSectionTemplate): { key: string; label: string }[] {
  const numbered = section.parts.every((part) => !part.optional);
  return section.parts.map((part, index) => {
    const label = numbered ? `${ordinal(index + 1)}${part.title}` : part.title;
    return { key: part.key, label: part.optional ? `${label}（选填）` : label };
  });
}

export const FEE_LABELS: Readonly<Record<keyof Draft['fees'], string>> = {
  noticesIssued: '本年发出收费通知（件）',
  noticesAmount: '收费通知金额合计（元）',
  collectedAmount: '实际收取信息处理费（元）',
};

/**
 * Fills one narrative section from `draft`: the shortest non-empty part is typed key by key (a clerk
 * writing), every other text is put in at once (a clerk pasting from a Word document).
 */
export async function fillNarrativeSection(page: Page, section: NarrativeSectionTemplate, draft: Draft): Promise<void> {
  await goToStep(page, section.heading);
  const stored = draft.narrative[section.id];
  if (!stored) return;
  const texts: { label: string; text: string }[] = [];
  if (section.hasIntro) texts.push({ label: '概述', text: stored.intro });
  const topicText = (key: string) => stored.parts.find((part) => part.topic === key)?.text ?? '';
  for (const { key, label } of partLabels(section)) texts.push({ label, text: topicText(key) });
  const typed = texts.filter((t) => t.text !== '').sort((a, b) => a.text.length - b.text.length)[0];
  for (const { label, text } of texts) {
    if (text === '') continue;
    const box = field(page, label);
    if (text === typed?.text) {
      await box.click();
      await page.keyboard.type(text);
    } else {
      await box.fill(text);
    }
  }
  // Sub-topics of the agency's own, added after the official parts (drafts here keep the official order).
  for (const [index, extra] of stored.parts.filter((part) => part.topic === null).entries()) {
    const n = section.parts.length + index + 1;
    await page.getByRole('button', { name: '增加小标题', exact: true }).click();
    const title = field(page, `小标题 ${ordinal(n)}`);
    // The new sub-topic's title takes the focus: the clerk just types.
    await until(() => title.evaluate((el) => el === document.activeElement), Boolean, 'focus on the new sub-topic title');
    await page.keyboard.type(extra.title);
    await field(page, `${ordinal(n)}${extra.title || '内容'}`).fill(extra.text);
  }
  if (section.hasFeeStatement) {
    for (const [key, label] of Object.entries(FEE_LABELS) as [keyof Draft['fees'], string][]) {
      const value = draft.fees[key];
      if (value !== null) await field(page, label).pressSequentially(formatCellValue(value));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tables

export function cellsOf(template: ReportTemplate, table: TableKey): readonly CellInfo[] {
  const cells = indexTemplate(template).cellsByTable.get(table);
  if (!cells) throw new Error(`no table ${table}`);
  return cells;
}

/** The cell of `key` (input or computed); its table is the key's first segment. */
export function cellByKey(template: ReportTemplate, key: string): CellInfo {
  const found = cellsOf(template, key.split('.')[0] as TableKey).find((c) => c.key === key);
  if (!found) throw new Error(`no cell ${key}`);
  return found;
}

export function inputCells(template: ReportTemplate, table: TableKey): CellInfo[] {
  return cellsOf(template, table).filter((cell) => !cell.computed);
}

/** An input cell's box, or a computed cell's figure (an `<output>`, role status, named the same way). */
export function cellBox(page: Page, cell: CellInfo): Locator {
  return page.getByRole('main').getByRole(cell.computed ? 'status' : 'textbox', { name: cellAccessibleName(cell), exact: true });
}

/** What a cell shows: an input's text, or a computed cell's figure. */
export async function cellShows(page: Page, cell: CellInfo): Promise<string> {
  const box = cellBox(page, cell);
  return cell.computed ? ((await box.textContent()) ?? '') : box.inputValue();
}

/** Every value of a draft's tables, totals computed, by cell key. */
export function draftValues(draft: Draft): CellValues {
  const template = templateOf(draft);
  const values = flattenTables(template, draft.tables);
  return { ...values, ...computeTotals(template, values) };
}

/** Digits as a Chinese IME types them (full width). */
export function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).replace(/-/g, '－').replace(/\./g, '．');
}

/** With thousands separators, as a clerk copies a number from a spreadsheet or types it. */
export function withSeparators(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Clicks each cell and types its text (focus moves by mouse, as a clerk picking cells here and there). */
export async function typeCells(page: Page, entries: readonly { cell: CellInfo; text: string }[]): Promise<void> {
  for (const { cell, text } of entries) {
    await cellBox(page, cell).click();
    await page.keyboard.type(text);
  }
}

/** Clicks the first cell, then types each text and presses `key` (Tab: the next cell; Enter: the cell below). */
export async function typeAlong(page: Page, first: CellInfo, texts: readonly string[], key: 'Tab' | 'Enter' = 'Tab'): Promise<void> {
  await cellBox(page, first).click();
  for (const text of texts) {
    await page.keyboard.type(text);
    await page.keyboard.press(key);
  }
}

/**
 * A real paste into the focused cell: a `paste` ClipboardEvent carrying `text/plain`, dispatched where the
 * browser would dispatch it (the focused input), so the app's own paste handler decides what happens.
 */
export async function pasteInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
  }, text);
}

/**
 * A block as copied from a spreadsheet holding the statutory table: the data rows from the one whose
 * first cell is `fromCell` to the end, tab-separated, CRLF line ends. With every data column and row,
 * computed ones included (their numbers as `values` has them), like a copied statutory table; with
 * `inputsOnly`, without the 总计 column and the （七）总计 row, like a clerk's own sheet. `format` writes each
 * number as the sheet shows it.
 */
export function spreadsheetBlock(
  template: ReportTemplate,
  table: TableKey,
  fromCell: string,
  values: CellValues,
  format: (text: string, row: number, column: number) => string,
  { inputsOnly = false }: { inputsOnly?: boolean } = {},
): { text: string; inputs: CellInfo[] } {
  const layout = layoutTable(tableSections(template).find((section) => section.table.key === table)!.table);
  const rows = layout
    .filter((row) => !row.header)
    .map((row) => row.cells.flatMap((cell) => (cell.kind === 'value' ? [cell.cell] : [])))
    .filter((cells) => cells.length > 0);
  const start = rows.findIndex((cells) => cells[0]?.key === fromCell);
  if (start < 0) throw new Error(`no data row starts with ${fromCell}`);
  const block = rows
    .slice(start)
    .map((cells) => (inputsOnly ? cells.filter((cell) => !cell.computed) : cells))
    .filter((cells) => cells.length > 0);
  const text = block
    .map((cells, r) => cells.map((cell, c) => format(formatCellValue(values[cell.key] ?? null), r, c)).join('\t'))
    .join('\r\n');
  return { text: `${text}\r\n`, inputs: block.flat().filter((cell) => !cell.computed) };
}

/** Every cell input of the table on screen: accessible name → text shown (computed cells included). */
export async function gridOnScreen(page: Page): Promise<Record<string, string>> {
  return page.getByRole('main').getByRole('table').first().evaluate((table) => {
    const out: Record<string, string> = {};
    for (const input of table.querySelectorAll('input')) out[input.getAttribute('aria-label') ?? '?'] = input.value;
    for (const output of table.querySelectorAll('output')) out[output.getAttribute('aria-label') ?? '?'] = output.textContent ?? '';
    return out;
  });
}

/** What the table of `table` should show for `values`: accessible name → text. */
export function expectedGrid(template: ReportTemplate, table: TableKey, values: CellValues): Record<string, string> {
  return Object.fromEntries(cellsOf(template, table).map((cell) => [cellAccessibleName(cell), formatCellValue(values[cell.key] ?? null)]));
}

/** The text of the elements an element's `aria-describedby` points to (what a screen reader adds). */
export async function describedBy(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The `<td>` around a cell's input: its class carries the highlight. */
export async function cellClass(page: Page, cell: CellInfo): Promise<string> {
  return cellBox(page, cell).evaluate((input) => input.closest('td')?.className ?? '');
}

/** The sticky 本表检查 list of the table the page shows (the first one where a step has several). */
export function checkList(page: Page): Locator {
  return page.getByRole('main').getByRole('region', { name: /本表检查/ }).first();
}

/**
 * While the clerk types in a table its check list is folded to one line; 展开 opens it (the focus moves to
 * that button, so a cell clicked afterwards keeps the list open).
 */
export async function openCheckList(list: Locator): Promise<void> {
  await list.getByRole('button', { name: '展开', exact: true }).click();
  await list.getByRole('button', { name: '收起', exact: true, expanded: true }).waitFor();
}

// ---------------------------------------------------------------------------------------------------------
// The whole draft on screen

/**
 * Visits every step and compares what the page shows with `draft`: the agency fields, every narrative
 * text (extra sub-topics included), the fee fields and every cell of every table (totals included).
 * Returns the differences (empty when everything is there).
 */
export async function differencesOnScreen(page: Page, draft: Draft): Promise<string[]> {
  const template = templateOf(draft);
  const differences: string[] = [];
  const compare = (what: string, shown: string, expected: string) => {
    if (shown !== expected) differences.push(`${what}: shows ${JSON.stringify(shown.slice(0, 60))}, expected ${JSON.stringify(expected.slice(0, 60))}`);
  };

  await goToStep(page, BASICS);
  for (const [key, label] of Object.entries(AGENCY_LABELS) as [AgencyTextField, string][]) {
    compare(`基本信息 ${label}`, await field(page, label).inputValue(), draft.agency[key]);
  }

  for (const section of narrativeSections(template)) {
    await goToStep(page, section.heading);
    const stored = draft.narrative[section.id];
    if (section.hasIntro) compare(`${section.heading} 概述`, await field(page, '概述').inputValue(), stored?.intro ?? '');
    for (const { key, label } of partLabels(section)) {
      compare(`${section.heading} ${label}`, await field(page, label).inputValue(), stored?.parts.find((part) => part.topic === key)?.text ?? '');
    }
    for (const [index, extra] of (stored?.parts ?? []).filter((part) => part.topic === null).entries()) {
      const n = section.parts.length + index + 1;
      const textLabel = `${ordinal(n)}${extra.title || '内容'}`;
      compare(`${section.heading} 小标题 ${ordinal(n)}`, await field(page, `小标题 ${ordinal(n)}`).inputValue().catch(() => '(missing)'), extra.title);
      compare(`${section.heading} ${textLabel}`, await field(page, textLabel).inputValue().catch(() => '(missing)'), extra.text);
    }
    if (section.hasFeeStatement) {
      for (const [key, label] of Object.entries(FEE_LABELS) as [keyof Draft['fees'], string][]) {
        compare(`${section.heading} ${label}`, await field(page, label).inputValue(), formatCellValue(draft.fees[key]));
      }
    }
  }

  const values = draftValues(draft);
  for (const section of tableSections(template)) {
    await goToStep(page, section.heading);
    const shown = await gridOnScreen(page);
    for (const [name, expected] of Object.entries(expectedGrid(template, section.table.key, values))) {
      compare(`${section.heading} ${name}`, shown[name] ?? '(no such cell)', expected);
    }
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------------------
// Downloads

export interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Clicks and waits for the browser's download; a dialog instead of a download fails with its text. */
export async function downloadByClicking(page: Page, button: Locator): Promise<Downloaded> {
  const never = new Promise<never>(() => undefined);
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await button.click();
  const blocked = page.getByRole('alertdialog');
  const result = await Promise.race([
    download.then((d) => ({ download: d })),
    // Whichever comes second is ignored (and must not surface as an unhandled rejection).
    blocked.waitFor({ timeout: 30_000 }).then(() => ({ download: null }), () => never),
  ]);
  if (!result.download) {
    download.catch(() => undefined);
    throw new Error(`A dialog came instead of the download: ${await textOf(blocked)}`);
  }
  return { name: result.download.suggestedFilename(), bytes: readFileSync(await result.download.path()) };
}
