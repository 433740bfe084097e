/**
 * Issue "Nothing lost, nothing forged": how long after a keystroke a killed browser can still lose it.
 *
 * A reload or a closed tab loses nothing (browser tests, test/e2e/no-loss.test.ts). A browser killed
 * outright (SIGKILL to its whole process group: a crash, a power cut of the application, the task
 * manager) runs no page code at all, so what counts is how soon the write reaches what the browser
 * keeps: IndexedDB, or the localStorage copy kept until IndexedDB commits (`unsaved-journal.ts`). Here
 * Chromium is started on a profile folder of its own, a distinct number is typed into a cell of table 二,
 * the whole browser is killed after a delay, and the next start of the same profile reads the cell
 * back. Reported per delay: how many of the trials lost the value; and the window, the smallest delay
 * tested from which on no trial lost anything.
 *
 * Chromium is started here rather than through Playwright's launch: the test needs its process group
 * to kill it, and the same profile folder across starts. Playwright connects over the DevTools port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/helpers/chromium.ts';
import type { BenchResult } from '../bench-types.ts';

export const name = 'killed-browser';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DELAYS_MS = [0, 5, 10, 20, 35, 50, 75, 100, 150];
const TRIALS_PER_DELAY = 8;
const CELL = '行政规范性文件 本年制发件数';

interface Running {
  readonly process: ChildProcess;
  readonly browser: Browser;
  readonly page: Page;
}

async function start(profile: string, url: string): Promise<Running> {
  const child = spawn(
    chromiumPath(),
    [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address: ${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  return { process: child, browser, page };
}

function kill(running: Running): Promise<void> {
  return new Promise((resolve) => {
    running.process.once('exit', () => resolve());
    process.kill(-running.process.pid!, 'SIGKILL');
  });
}

async function createDraft(page: Page): Promise<string> {
  await page.getByRole('button', { name: '新建报告', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建年度报告' });
  await dialog.getByRole('textbox', { name: '机关全称' }).fill('某某县教育局');
  await dialog.getByRole('textbox', { name: '报告年度' }).fill('2025');
  await dialog.getByRole('button', { name: '创建报告' }).click();
  await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
  const match = /#\/draft\/([^/]+)\//.exec(page.url());
  if (!match) throw new Error(`no draft id in ${page.url()}`);
  return match[1]!;
}

async function editableCell(page: Page) {
  const cell = page.getByRole('main').getByRole('textbox', { name: CELL, exact: true });
  await cell.waitFor();
  const deadline = Date.now() + 15_000;
  while (!(await cell.isEditable())) {
    if (Date.now() > deadline) throw new Error('the cell did not become editable');
    await page.waitForTimeout(50);
  }
  return cell;
}

export async function run(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'gov-report-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'gov-report-profile-'));
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report its address');
    try {
      let running = await start(profile, base);
      const draftUrl = `${base}#/draft/${await createDraft(running.page)}/proactive`;
      await running.page.goto(draftUrl);
      await editableCell(running.page);
      await running.browser.close();
      await kill(running);

      const lost = new Map<number, number>(DELAYS_MS.map((delay) => [delay, 0]));
      let typed: { value: string; delay: number } | null = null;
      let trial = 0;
      const schedule = DELAYS_MS.flatMap((delay) => Array.from({ length: TRIALS_PER_DELAY }, () => delay));
      for (const delay of [...schedule, null]) {
        running = await start(profile, draftUrl);
        const cell = await editableCell(running.page);
        if (typed && (await cell.inputValue()) !== typed.value) lost.set(typed.delay, lost.get(typed.delay)! + 1);
        if (delay === null) {
          await running.browser.close();
          await kill(running);
          break;
        }
        trial += 1;
        typed = { value: String(trial), delay };
        await cell.click();
        await running.page.keyboard.press('Control+A');
        await running.page.keyboard.type(typed.value);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        await kill(running);
      }

      const window = [...DELAYS_MS].reverse().find((delay) => lost.get(delay)! > 0);
      const safeFrom = window === undefined ? 0 : DELAYS_MS[DELAYS_MS.indexOf(window) + 1];
      return [
        ...DELAYS_MS.map((delay) => ({
          label: `killed ${delay} ms after the last keystroke: values lost (of ${TRIALS_PER_DELAY})`,
          value: lost.get(delay)!,
          unit: 'lost',
        })),
        {
          label: 'killed browser: nothing lost from this delay after a keystroke on (of those tested)',
          value: safeFrom ?? Number.POSITIVE_INFINITY,
          unit: 'ms',
        },
      ];
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
