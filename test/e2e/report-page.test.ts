/**
 * The web page of the report in real Chromium:
 * - printed to PDF (what 打印 → 另存为 PDF gives): A4 pages, every word of the page on paper, the table
 *   header repeated where table 三 runs over a page, `— N —` on every page, and 草稿 on every page of a
 *   draft only (read back with poppler's pdftotext / pdfinfo);
 * - on a 375 px phone: the text reflows, the page itself never scrolls sideways, a wide table scrolls inside
 *   its own box;
 * - opened from disk, it requests nothing but itself; axe finds no serious accessibility problem;
 * - in the app, 复制到网站编辑器 puts the report on Chromium's real clipboard (HTML and plain text) and
 *   下载网页文件 downloads the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalVerdict } from '../../src/domain/approval-verdict.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { reportPageHtml } from '../../src/html/report-page.ts';
import { OFFICE_2023_PATH, office2023Draft } from '../helpers/fixtures.ts';
import { launchBrowser, newAppPage, pageErrorReport } from './browser.ts';
import { axeProblems } from './review-support.ts';

const NONE: ApprovalVerdict = { state: 'none' };
const TITLE = '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告';
const DRAFT_HEADER = '草稿　本文件尚未经审核通过，仅供内部核对，不得作为正式报告发布';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'report-page-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Opens a generated page from disk, recording every request it makes. */
async function openPage(name: string, html: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; requests: string[]; url: string }> {
  const path = join(dir, name);
  writeFileSync(path, html);
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(path).href;
  await page.goto(url);
  return { page, requests, url };
}

interface PrintedPdf {
  readonly pages: number;
  readonly sizes: string[];
  /** Text of each page (pdftotext -raw, content order). */
  readonly pageTexts: string[];
}

async function printToPdf(page: Page, name: string): Promise<PrintedPdf> {
  const path = join(dir, name);
  // preferCSSPageSize: the page's own @page rule decides the paper, as 打印 in the browser does.
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((match) => match[1]!.trim());
  const pageTexts = Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }),
  );
  return { pages, sizes, pageTexts };
}

/** Every piece of text the page shows in its article, one string per element (cells one by one). */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('article h1, article h2, article h3, article p:not([role]), article caption:not(.gr-hidden), article th, article td')]
      .map((element) => (element as HTMLElement).innerText)
      .filter((text) => text.trim() !== ''),
  );
}

describe('printing the web page (Chromium PDF)', () => {
  let draftPdf: PrintedPdf;
  let draftTexts: string[];

  it('gives A4 pages with every word of the page, and the table header again where table 三 runs on', async () => {
    const { page } = await openPage('draft.html', reportPageHtml(office2023Draft(), 'draft', NONE));
    draftTexts = await shownTexts(page);
    draftPdf = await printToPdf(page, 'draft.pdf');
    await page.close();

    expect(draftPdf.pages).toBeGreaterThanOrEqual(4);
    expect(draftPdf.sizes.length).toBe(draftPdf.pages);
    // A4 is 595.28 × 841.89 pt; Chromium writes it in whole device pixels (594.96 × 841.92).
    for (const size of draftPdf.sizes) {
      const [width, height] = /^([\d.]+) x ([\d.]+) pts \(A4\)$/.exec(size)!.slice(1).map(Number);
      expect(Math.abs(width! - 595.28)).toBeLessThan(1);
      expect(Math.abs(height! - 841.89)).toBeLessThan(1);
    }

    // The page furniture (draft header, page numbers) comes between the paragraphs a page break cuts.
    const body = squeeze(draftPdf.pageTexts.join('')).replaceAll(squeeze(DRAFT_HEADER), '').replace(/—\d+—/g, '');
    expect(draftTexts.length).toBeGreaterThan(200);
    const missing = draftTexts.filter((text) => !body.includes(squeeze(text)));
    expect(missing).toEqual([]);
    // Known text of the published sample, so the comparison above is not of nothing with nothing.
    for (const known of ['宁波市镇海区人民政府办公室', '2023年政府信息公开工作年度报告', '0574-89287728', '1.属于国家秘密', '六、其他需要报告的事项']) {
      expect(body).toContain(known);
    }

    // Table 三's column header (法人或其他组织) printed above its rows on each page it occupies.
    const withHeader = draftPdf.pageTexts.filter((text) => squeeze(text).includes('法人或其他组织'));
    const withTable3Rows = draftPdf.pageTexts.filter((text) => /（[一二三四五六七]）/.test(text) && squeeze(text).includes('自然人'));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    expect(withHeader.length).toBe(withTable3Rows.length);
  });

  it('keeps each table section’s heading on the page where its table starts, and table 四 whole', () => {
    const pageOf = (text: string) => draftPdf.pageTexts.findIndex((page) => squeeze(page).includes(text));
    expect(pageOf('二、主动公开政府信息情况')).toBe(pageOf('第二十条第（一）项'));
    expect(pageOf('三、收到和处理政府信息公开申请情况')).toBe(pageOf('申请人情况'));
    const table4 = pageOf('四、政府信息公开行政复议、行政诉讼情况');
    expect(table4).toBeGreaterThan(0);
    // Its header (行政复议 … 复议后起诉) and its one row of figures on that same page, not split after the header.
    expect(squeeze(draftPdf.pageTexts[table4]!)).toMatch(/行政复议行政诉讼[^]*复议后起诉[^]*总计(0){15}/);
  });

  it('marks every page of a draft 草稿 with the reason, and numbers every page', () => {
    draftPdf.pageTexts.forEach((text, index) => {
      expect(squeeze(text), `page ${index + 1}`).toContain(squeeze(DRAFT_HEADER));
      expect(squeeze(text), `page ${index + 1}`).toContain(`—${index + 1}—`);
    });
  });

  it('prints the final report without any 草稿 mark', async () => {
    const final = setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z'));
    const { page } = await openPage('final.html', reportPageHtml(final, 'final', NONE));
    const pdf = await printToPdf(page, 'final.pdf');
    await page.close();
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(pdf.pageTexts.join('')).not.toContain('草稿');
    expect(squeeze(pdf.pageTexts[0]!)).toContain(TITLE);
  });
});

describe('the web page on a phone (375 px)', () => {
  it('reflows the text, never scrolls sideways as a whole, and lets each wide table scroll in its own box', async () => {
    const { page, requests, url } = await openPage('phone.html', reportPageHtml(office2023Draft(), 'draft', NONE), { width: 375, height: 740 });
    const measured = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      paragraphs: [...document.querySelectorAll('article p')].map((p) => p.getBoundingClientRect().right),
      boxes: [...document.querySelectorAll('article table')].map((table) => {
        const box = table.parentElement!;
        return { right: box.getBoundingClientRect().right, client: box.clientWidth, scroll: box.scrollWidth, overflow: getComputedStyle(box).overflowX };
      }),
      fontSize: getComputedStyle(document.querySelector('article p:not([role])')!).fontSize,
    }));
    await page.close();
    expect(measured.pageWidth).toBe(375);
    for (const right of measured.paragraphs) expect(right).toBeLessThanOrEqual(375);
    expect(measured.boxes.length).toBe(3);
    for (const box of measured.boxes) {
      expect(box.right).toBeLessThanOrEqual(375);
      expect(box.overflow).toBe('auto');
    }
    // Tables 三 and 四 are wider than the phone: they scroll inside their box.
    expect(measured.boxes.filter((box) => box.scroll > box.client).length).toBeGreaterThanOrEqual(2);
    expect(measured.fontSize).toBe('16px');
    expect(requests).toEqual([url]);
  });
});

describe('the web page for every reader', () => {
  it('has no serious or critical accessibility problem (axe), at 1366 px and at 375 px', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 375, height: 740 }]) {
      const { page } = await openPage(`axe-${viewport.width}.html`, reportPageHtml(office2023Draft(), 'draft', NONE), viewport);
      expect(await axeProblems(page), `${viewport.width} px`).toEqual([]);
      await page.close();
    }
  });
});

describe('the web page from the app', () => {
  it('复制到网站编辑器 fills the clipboard with the report as HTML and as text; 下载网页文件 downloads the page', async () => {
    const app = await newAppPage(browser);
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(OFFICE_2023_PATH);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name: /^检查与生成/ }).click();

    await page.getByRole('button', { name: '复制到网站编辑器' }).click();
    await page.getByText(/已复制草稿版报告，可在网站编辑器中粘贴/).waitFor({ timeout: 15_000 });
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: [...item!.types].sort(), html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clipboard.types).toEqual(['text/html', 'text/plain']);
    expect(clipboard.html).toContain('<article style="');
    expect(clipboard.html).toContain('宁波市镇海区人民政府办公室<br>2023年政府信息公开工作年度报告');
    expect(clipboard.html).not.toContain('class=');
    expect(clipboard.text.startsWith(`${DRAFT_HEADER}\n\n宁波市镇海区人民政府办公室\n2023年政府信息公开工作年度报告\n`)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载网页文件（.html）' }).click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}（草稿）.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain(`<title>${TITLE}（草稿）</title>`);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
    await context.close();
  });
});
