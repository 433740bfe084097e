/**
 * Launches the system Chromium (Debian package `chromium`) with Playwright. No browser is downloaded:
 * a missing Chromium is a failure with the install instruction, never a skipped test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './helpers/chromium.ts';

export { CHROMIUM_ARGS, chromiumPath } from './helpers/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * Runs in every page before the app: reports each Content-Security-Policy violation as a console error,
 * so that the collector below fails any browser test in which the app does something its policy forbids
 * (Chromium's own "Refused to …" console message is not emitted for every kind of violation).
 */
export const CSP_VIOLATION_REPORTER = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('Content-Security-Policy violation: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)') + ' at ' + event.sourceFile + ':' + event.lineNumber);
});`;

/**
 * Records what went wrong inside a page: uncaught exceptions (`pageerror`), `console.error` calls and
 * Content-Security-Policy violations (through `CSP_VIOLATION_REPORTER`), with where they came from. Tests assert the list is empty at the end (`pageErrorReport` words the failure); a
 * throwing listener would only crash the test worker, far from the cause.
 */
export function collectPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (error) => {
    into.push(`pageerror in ${page.url()}: ${error.stack ?? error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    into.push(`console.error in ${page.url()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
}

export interface AppPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors of every page of the context (later tabs included), in the order they happened. */
  readonly errors: string[];
}

export interface NewAppPageOptions {
  /** Runs in every page of the context before the app's own scripts (e.g. to make storage refuse). */
  readonly initScript?: string;
  /** Open the app at once (default true). */
  readonly open?: boolean;
  /** The browser's language (default zh-CN); the app's own text and dates must not depend on it. */
  readonly locale?: string;
}

/** A fresh context (empty IndexedDB) at 1366×768, the smallest screen the app supports. */
export async function newAppPage(browser: Browser, options: NewAppPageOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    locale: options.locale ?? 'zh-CN',
  });
  const errors: string[] = [];
  context.on('page', (page) => collectPageErrors(page, errors));
  await context.addInitScript(CSP_VIOLATION_REPORTER);
  if (options.initScript !== undefined) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  if (options.open !== false) await page.goto(baseUrl());
  return { context, page, errors };
}

/** One readable failure listing every error the pages reported. */
export function pageErrorReport(errors: readonly string[]): string {
  return errors.length === 0 ? 'no page errors' : `${errors.length} page error(s):\n${errors.join('\n')}`;
}

/**
 * For a file whose steps share one page and run in order: before the first test, launches the browser
 * and opens the app in a fresh context (handed to `opened`); after the last, closes the browser.
 */
export function appPageForFile(opened: (app: AppPage) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    opened(await newAppPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
  });
}
