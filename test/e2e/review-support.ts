/**
 * For the review and last-year browser tests: a fresh "computer" (a new browser context: its own
 * IndexedDB and localStorage), files downloaded into a folder, screenshots at 1366×768 to look at, and
 * an axe-core scan that fails on serious or critical violations.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { baseUrl, CSP_VIOLATION_REPORTER, launchBrowser } from './browser.ts';

/** Screenshots land here (git-ignored) for a person to look at. */
export const SHOT_DIR = join(process.cwd(), 'test-results', 'review');

export interface Computer {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** The computers of one test file and the folder where the files passed between them are kept. */
export interface Computers {
  /** Another computer (`freshComputer`), closed after the file's tests. */
  computer(): Promise<Computer>;
  /** The computers made so far, in order (to look at every page's errors). */
  readonly made: readonly Computer[];
  /** The file's scratch folder, removed after its tests. */
  readonly dir: string;
}

/**
 * Registers, for the test file that calls it, a browser launched before its tests and a scratch folder named
 * after `folderPrefix`; after the tests every computer made is closed, then the browser, and the folder removed.
 */
export function computersForThisFile(folderPrefix: string): Computers {
  let browser: Browser | undefined;
  let dir: string | undefined;
  const made: Computer[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    for (const computer of made) await computer.close();
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async computer() {
      if (!browser) throw new Error('computersForThisFile: no browser yet (call computer() inside a test)');
      const computer = await freshComputer(browser);
      made.push(computer);
      return computer;
    },
    made,
    get dir() {
      if (dir === undefined) throw new Error('computersForThisFile: no folder yet (use dir inside a test)');
      return dir;
    },
  };
}

/** Another computer: nothing shared with the others but the files passed between them. */
export async function freshComputer(browser: Browser): Promise<Computer> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
  });
  await context.addInitScript(CSP_VIOLATION_REPORTER);
  const page = await context.newPage();
  await page.goto(baseUrl());
  return { page, errors, close: () => context.close() };
}

/** Runs `action` and saves the file it downloads into `dir`; returns the saved path and the file's name. */
export async function download(page: Page, dir: string, action: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const name = file.suggestedFilename();
  const path = join(dir, name);
  await file.saveAs(path);
  return { path, name };
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOT_DIR, { recursive: true });
  const path = join(SHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeProblem {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core over the whole page: the serious and critical violations (empty when none). */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, 'utf8')); // not a <script>: the app's CSP refuses inline scripts
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => String(node.target)) }));
  });
}
