/**
 * Choosing a file as a clerk does, in real Chromium: the visible button opens the browser's file chooser,
 * a file chosen there reaches the app, and the input behind the button holds nothing afterwards. That
 * last point is what lets a clerk choose the same file again: Chromium reports no change for a file input
 * given the file it already holds. (Playwright's `setFiles` reports a change either way, so the test
 * asserts the emptied input, not only that the second choice arrives.)
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { BASICS, goHome } from './helpers/app.ts';

const OFFICE_2023_PATH = fileURLToPath(new URL('../fixtures/zhenhai-office-2023.draft.json', import.meta.url));
const OPEN_DRAFT_INPUT = '选择草稿文件（.json 或本工具生成的 .docx）';
const UNITS_INPUT = '选择下级单位的报告（草稿文件、Word 文件或保存的网页，可多选）';

let app: AppPage;
appPageForFile((opened) => {
  app = opened;
});

/** Presses `button` and chooses `paths` in the file chooser it opens; returns whether it allowed several. */
async function chooseThrough(button: string, paths: string[]): Promise<boolean> {
  const { page } = app;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  await chooser.setFiles(paths);
  return chooser.isMultiple();
}

/** What the hidden input still holds after a choice: its value and its number of files. */
async function inputHolds(label: string): Promise<{ value: string; files: number }> {
  return app.page.getByLabel(label).evaluate((input) => ({ value: (input as HTMLInputElement).value, files: (input as HTMLInputElement).files?.length ?? -1 }));
}

describe('the file chooser', () => {
  it('opens a draft chosen in the browser’s chooser, empties the input, and the same file chosen again reaches the app again', async () => {
    const { page } = app;
    await page.getByText('此浏览器中还没有报告草稿。').waitFor();
    expect(await chooseThrough('打开草稿文件', [OFFICE_2023_PATH])).toBe(false);
    await page.getByRole('heading', { level: 1, name: BASICS }).waitFor();
    await goHome(page);
    expect(await inputHolds(OPEN_DRAFT_INPUT)).toEqual({ value: '', files: 0 });

    await chooseThrough('打开草稿文件', [OFFICE_2023_PATH]);
    const dialog = page.getByRole('dialog', { name: '已有同一机关、同一年度的草稿' });
    await dialog.waitFor();
    expect(await inputHolds(OPEN_DRAFT_INPUT)).toEqual({ value: '', files: 0 });
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });

  it('on the roll-up page allows several files, empties the input, and a unit chosen a second time is listed a second time', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '汇总下级单位报告', exact: true }).click();
    await page.getByRole('heading', { name: '汇总下级单位报告' }).waitFor();
    expect(await chooseThrough('选择下级单位的报告', [OFFICE_2023_PATH])).toBe(true);
    const table = page.getByRole('table', { name: '下级单位的报告' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await inputHolds(UNITS_INPUT)).toEqual({ value: '', files: 0 });
    await chooseThrough('选择下级单位的报告', [OFFICE_2023_PATH]);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
