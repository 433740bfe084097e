/**
 * Nothing is lost, in a real browser: the same draft in a second tab is detected and neither tab writes
 * over the other; a full disk (IndexedDB refusing with QuotaExceededError) is told at once with the draft
 * file offered; a browser that refuses all storage still lets the clerk work, in memory, with a warning;
 * a corrupt or foreign file opened on the home screen gives its Chinese message and changes nothing; a zip
 * bomb is refused with its own message and the tab stays alive.
 */
import type { Browser, Page } from 'playwright-core';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { zipBombDocx } from '../helpers/zip-bomb.ts';
import { launchBrowser, newAppPage, pageErrorReport } from './browser.ts';
import {
  createReport,
  downloadByClicking,
  draftRows,
  expectText,
  field,
  goToStep,
  openDraftFile,
  openWordFile,
  stepHeading,
  textOf,
  until,
  waitForSaved,
} from './helpers/app.ts';
import { partText } from '../helpers/narrative.ts';

const FORMAT_2021 = '2021年版格式（国办公开办函〔2021〕30号）';
const PROBLEMS = '五、存在的主要问题及改进情况';
const PROBLEMS_PART = '（一）存在的主要问题';

/**
 * Makes IndexedDB refuse writes the way a full disk does: `IDBObjectStore.prototype.put` throws a
 * QuotaExceededError DOMException while `window.__diskFull` is true (from the start when `fullFromStart`).
 */
function diskFullScript(fullFromStart: boolean): string {
  return `(() => {
    window.__diskFull = ${fullFromStart};
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  })();`;
}

async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __diskFull: boolean }).__diskFull = value;
  }, full);
}

async function typeAtEnd(page: Page, label: string, text: string): Promise<void> {
  const box = field(page, label);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the same draft in a second tab', () => {
  it('is detected in the later tab (read-only, with the reason), follows the owner, and a take-over swaps the roles without losing text', async () => {
    const { context, page: first, errors } = await newAppPage(browser);
    await createReport(first, { agency: '某某县教育局', year: 2025, format: FORMAT_2021 });
    await goToStep(first, PROBLEMS);
    await typeAtEnd(first, PROBLEMS_PART, '第一个标签页写的。');
    await waitForSaved(first);

    const second = await context.newPage();
    await second.goto(first.url());
    await stepHeading(second, PROBLEMS).waitFor();
    const banner = second.getByRole('alert').filter({ hasText: '此草稿已在另一个标签页或窗口中打开' });
    await expectText(banner, '为避免互相覆盖，本页只能查看，不会保存');
    await expectText(second.getByTestId('save-indicator'), '只读：本页不保存');
    expect(await field(second, PROBLEMS_PART).isEditable()).toBe(false);
    expect(await field(second, PROBLEMS_PART).inputValue()).toBe('第一个标签页写的。');

    // The owner keeps writing; the read-only tab follows what it saves.
    await typeAtEnd(first, PROBLEMS_PART, '继续写。');
    await waitForSaved(first);
    await until(() => field(second, PROBLEMS_PART).inputValue(), (v) => v === '第一个标签页写的。继续写。', 'the second tab to follow');

    // Take over in the second tab: the first is told and turns read-only; nothing typed is lost.
    await banner.getByRole('button', { name: '在本页继续编辑' }).click();
    await until(() => field(second, PROBLEMS_PART).isEditable(), Boolean, 'the second tab to become editable');
    await expectText(first.getByRole('alert').filter({ hasText: '继续编辑' }), '此草稿已在另一个标签页或窗口中继续编辑，本页已改为只读，不再保存');
    expect(await field(first, PROBLEMS_PART).isEditable()).toBe(false);
    await typeAtEnd(second, PROBLEMS_PART, '第二个标签页接着写。');
    await waitForSaved(second);
    await until(() => field(first, PROBLEMS_PART).inputValue(), (v) => v.endsWith('第二个标签页接着写。'), 'the first tab to follow');

    // What storage holds is everything both tabs wrote, in order.
    await second.close();
    await first.reload();
    await stepHeading(first, PROBLEMS).waitFor();
    expect(await field(first, PROBLEMS_PART).inputValue()).toBe('第一个标签页写的。继续写。第二个标签页接着写。');
    expect(await field(first, PROBLEMS_PART).isEditable()).toBe(true);
    expect(errors, pageErrorReport(errors)).toEqual([]);
    await context.close();
  });
});

describe('when the browser will not store', () => {
  it('a full disk is told at once, the draft file is offered and holds the unsaved text; after space is freed, 重试保存 saves it', async () => {
    const { context, page, errors } = await newAppPage(browser, { initScript: diskFullScript(false) });
    await createReport(page, { agency: '某某县教育局', year: 2025, format: FORMAT_2021 });
    await goToStep(page, PROBLEMS);
    await typeAtEnd(page, PROBLEMS_PART, '已经保存的一句。');
    await waitForSaved(page);

    await setDiskFull(page, true);
    await typeAtEnd(page, PROBLEMS_PART, '磁盘满后写的一句。');
    const banner = page.getByRole('alert').filter({ hasText: '存储空间已满' });
    await expectText(banner, '浏览器的存储空间已满，最近的修改没有保存到本机。请立即下载草稿文件保存一份');
    await expectText(page.getByTestId('save-indicator'), '未能保存到浏览器');

    const file = await downloadByClicking(page, banner.getByRole('button', { name: '下载草稿文件' }));
    expect(file.name).toMatch(/\.json$/);
    const saved = JSON.parse(file.bytes.toString('utf8')) as Draft;
    expect(partText(saved, 'problems', 'problems')).toBe('已经保存的一句。磁盘满后写的一句。');

    await setDiskFull(page, false);
    await banner.getByRole('button', { name: '重试保存' }).click();
    await waitForSaved(page);
    expect(await banner.count()).toBe(0);
    await page.reload();
    await stepHeading(page, PROBLEMS).waitFor();
    expect(await field(page, PROBLEMS_PART).inputValue()).toBe('已经保存的一句。磁盘满后写的一句。');
    expect(errors, pageErrorReport(errors)).toEqual([]);
    await context.close();
  });

  it('refused from the start (private mode), the clerk is warned on every screen, can still write, and gets the draft file', async () => {
    const { context, page, errors } = await newAppPage(browser, { initScript: diskFullScript(true) });
    const warning = '此浏览器不允许本工具保存数据';
    await expectText(page.getByRole('alert'), warning);
    await createReport(page, { agency: '某某县教育局', year: 2025, format: FORMAT_2021 });
    const banner = page.getByRole('alert').filter({ hasText: warning });
    await expectText(banner, '关闭或刷新页面就会丢失');
    await goToStep(page, PROBLEMS);
    await typeAtEnd(page, PROBLEMS_PART, '只在本页中的一句。');
    await expectText(page.getByTestId('save-indicator'), /^仅在本页中/);
    const file = await downloadByClicking(page, banner.getByRole('button', { name: '下载草稿文件' }));
    const saved = JSON.parse(file.bytes.toString('utf8')) as Draft;
    expect(saved.agency.name).toBe('某某县教育局');
    expect(partText(saved, 'problems', 'problems')).toBe('只在本页中的一句。');
    expect(errors, pageErrorReport(errors)).toEqual([]);
    await context.close();
  });
});

describe('a file that is not a draft, opened on the home screen', () => {
  it('gets its Chinese message and changes nothing (cut-short JSON, a foreign JSON, a foreign Word file, a cut-short Word file, a PDF)', async () => {
    const { context, page, errors } = await newAppPage(browser);
    const sample = office2023Draft();
    await openDraftFile(page, { name: 'sample.draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await page.getByRole('navigation', { name: '报告章节' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: '返回首页', exact: true }).click();
    const before = await until(() => draftRows(page), (rows) => rows.length === 1, 'the sample in the list');

    const json = JSON.stringify(sample);
    const truncatedReport = Buffer.from(await buildReportDocx(sample, 'final'));
    const cases: { name: string; mimeType: string; buffer: Buffer; says: string | RegExp }[] = [
      { name: '损坏的草稿.json', mimeType: 'application/json', buffer: Buffer.from(json.slice(0, json.length / 2)), says: '文件似乎不完整' },
      {
        name: 'package.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ name: 'some-tool', version: '1.0.0', dependencies: { react: '^19' } })),
        says: '这不是本工具的草稿文件：缺少 formatVersion',
      },
      {
        name: '年度报告.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') })),
        says: '不是本工具生成的',
      },
      {
        name: '下载中断的报告.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: truncatedReport.subarray(0, Math.floor(truncatedReport.length * 0.8)),
        says: '这个 Word 文件已损坏或不完整',
      },
      { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n'), says: '这是 PDF 文件，不是草稿文件' },
    ];
    for (const file of cases) {
      await openDraftFile(page, file);
      const dialog = page.getByRole('dialog', { name: '无法打开这个文件' });
      const text = await expectText(dialog, `文件“${file.name}”不能作为报告草稿打开`);
      expect(text, file.name).toContain('此浏览器中已有的草稿没有任何改动');
      const problems = await dialog.getByRole('listitem').allTextContents();
      expect(problems.length, file.name).toBeGreaterThan(0);
      for (const problem of problems) expect(problem, file.name).toMatch(/[\u4e00-\u9fff]/);
      expect(problems.join('\n'), file.name).toMatch(file.says);
      await dialog.getByRole('button', { name: '知道了' }).click();
      await until(() => dialog.count(), (n) => n === 0, 'the dialog to close');
      expect(await draftRows(page), file.name).toEqual(before);
    }
    expect(await textOf(page.getByRole('main'))).not.toContain('无法打开');
    expect(errors, pageErrorReport(errors)).toEqual([]);
    await context.close();
  });
  it('a zip bomb (a Word file whose draft part inflates to 1 GiB, its size declared honestly or not) is refused at once and the page stays usable', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await page.getByRole('button', { name: '新建报告', exact: true }).waitFor();
    const bombs = [
      { name: '压缩炸弹.docx', buffer: Buffer.from(zipBombDocx(1024 * 1024 * 1024)) },
      { name: '谎报大小.docx', buffer: Buffer.from(zipBombDocx(1024 * 1024 * 1024, { declaredSize: 1200 })) },
    ];
    for (const bomb of bombs) {
      await openWordFile(page, { name: bomb.name, bytes: bomb.buffer });
      const dialog = page.getByRole('dialog', { name: '无法打开这个文件' });
      const problems = await expectText(dialog.getByRole('listitem'), /已损坏或不是可接受的文件/);
      expect(problems).toContain('其中的数据解压后超过 16 MB');
      expect(problems).not.toContain('不是本工具生成的');
      await dialog.getByRole('button', { name: '知道了' }).click();
      await until(() => dialog.count(), (n) => n === 0, 'the dialog to close');
    }
    // The tab survived and answers: script runs, and the next action works.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.getByRole('button', { name: '新建报告', exact: true }).click();
    await page.getByRole('dialog').first().waitFor();
    expect(await draftRows(page)).toEqual([]);
    expect(errors, pageErrorReport(errors)).toEqual([]);
    await context.close();
  });
});
