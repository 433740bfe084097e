/**
 * Sentences from the tables in the browser: the clerk opens sample 003's draft, inserts the 依申请公开
 * sentences under 一, then changes a number of 表三 (one more application granted to a natural person); back
 * under 一 the inserted sentence is shown as out of date, with what the table now gives, and one click
 * brings the text up to date. Nothing was rewritten before that click.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { OFFICE_2023_PATH } from '../helpers/fixtures.ts';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { cellBox, cellByKey, expectText, field, goToStep, stepHeading, waitForSaved } from './helpers/app.ts';

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

const OVERVIEW = '一、总体情况';
const APPLICATIONS = '三、收到和处理政府信息公开申请情况';
const INSERTED =
  '本年度共收到政府信息公开申请52件，其中自然人36件、法人或其他组织16件；上年结转0件。' +
  '本年度办结50件，其中予以公开20件、不予公开1件、无法提供26件、不予处理1件、其他处理2件；结转下年度继续办理2件。' +
  '本年度无因政府信息公开引起的行政复议或行政诉讼。';

describe('sentences inserted from the tables, kept up to date on request', () => {
  it('inserts the 依申请公开 sentences from 表三 and 表四 after the text written', async () => {
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(OFFICE_2023_PATH);
    await stepHeading(page, '基本信息').waitFor();
    await goToStep(page, OVERVIEW);
    const box = field(page, '（二）依申请公开');
    const before = await box.inputValue();
    await page.getByRole('button', { name: '根据表格插入句子' }).nth(1).click();
    expect(await box.inputValue()).toBe(`${before}\n${INSERTED}`);
    await waitForSaved(page);
  });

  it('a number changed in 表三 marks the sentence out of date; one click refreshes it', async () => {
    await goToStep(page, APPLICATIONS);
    const granted = cellBox(page, cellByKey(templates['2021'], 'applications.granted.naturalPerson'));
    await granted.fill('13');
    await granted.press('Tab');
    await waitForSaved(page);

    await goToStep(page, OVERVIEW);
    const box = field(page, '（二）依申请公开');
    const notice = page.getByRole('alert').filter({ hasText: '根据表格插入的这句话，数字已与表格不一致' });
    await expectText(notice, '本年度办结51件，其中予以公开21件');
    // Not rewritten by itself: the text still holds the sentence as inserted.
    expect(await box.inputValue()).toContain(INSERTED);
    await notice.getByRole('button', { name: '更新为表格中的数字' }).click();
    const refreshed = await box.inputValue();
    expect(refreshed).toContain('本年度办结51件，其中予以公开21件、不予公开1件');
    expect(refreshed).not.toContain('本年度办结50件');
    expect(await notice.count()).toBe(0);
    await waitForSaved(page);
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
