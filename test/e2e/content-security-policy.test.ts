/**
 * The built app carries its Content-Security-Policy as a `<meta>` tag, and the browser enforces it:
 * an inline script inserted into the page does not run and a request to another origin is refused, each
 * firing a `securitypolicyviolation` event. (String evaluation cannot be probed from the test: Playwright's
 * own evaluation bypasses the policy; zod's probe for it is what src/domain/zod.ts prevents.) The app itself
 * causes no violation: every browser test's error collector (browser.ts) fails on one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { baseUrl, launchBrowser, newAppPage, pageErrorReport, type AppPage } from './browser.ts';
import { createReport } from './helpers/app.ts';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await newAppPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** Violations recorded in the page since the last call (directive and what was blocked). */
async function takeViolations(): Promise<{ directive: string; blocked: string }[]> {
  return app.page.evaluate(() => {
    const list = (window as unknown as { __violations?: { directive: string; blocked: string }[] }).__violations ?? [];
    return list.splice(0, list.length);
  });
}

describe('Content-Security-Policy of the built app', () => {
  it('is delivered as a meta tag in index.html, before any script', async () => {
    const html = await (await fetch(baseUrl())).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta, 'index.html has no CSP meta tag').not.toBeNull();
    expect(meta![1]!.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('lets the app start and work with no violation', async () => {
    await createReport(app.page, { agency: '某市某局', year: 2025, format: '2021年版格式（国办公开办函〔2021〕30号）' });
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });

  it('blocks an injected inline script and a request to another origin', async () => {
    await app.page.evaluate(() => {
      const list: { directive: string; blocked: string }[] = [];
      (window as unknown as { __violations: typeof list }).__violations = list;
      document.addEventListener('securitypolicyviolation', (event) => {
        list.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
      });
    });

    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(takeViolations).toEqual([{ directive: 'script-src-elem', blocked: 'inline' }]);

    // Another origin: the same host on another port (nothing needs to listen there: CSP refuses first).
    const other = new URL(baseUrl());
    other.port = String(Number(other.port) + 1);
    const fetched = await app.page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch (error) {
        return (error as Error).name;
      }
    }, other.href);
    expect(fetched).toBe('TypeError');
    await expect.poll(takeViolations).toEqual([{ directive: 'connect-src', blocked: other.href }]);

    // The collector saw each of them too (this is what makes every other browser test fail on one).
    const reported = app.errors.filter((error) => error.includes('Content-Security-Policy violation'));
    expect(reported.map((error) => /violation: (\S+)/.exec(error)?.[1])).toEqual(['script-src-elem', 'connect-src']);
  });
});
