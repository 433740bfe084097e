/**
 * Launches the system Chromium (Debian package `chromium`) with Playwright. No browser is downloaded:
 * a missing Chromium is a failure with the install instruction, never a skipped test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => Boolean(path),
);

export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `Chromium not found (looked in ${CANDIDATES.join(', ')}). Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** Flags that work on these machines: root needs --no-sandbox; the network is closed. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A fresh context (empty IndexedDB) at 1366×768, the smallest screen the app supports. */
export async function newAppPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(baseUrl());
  return { context, page };
}
