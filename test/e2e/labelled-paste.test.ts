/**
 * In the built app: table 三 pasted as a spreadsheet copies it with its header rows and row labels lands
 * every number in its own cell (not one row and one column off), with the focus anywhere, and the message
 * names what was recognised and what was left out; a number beyond the value domain is refused at its
 * cell and a count far beyond any agency's gets the V1 warning.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { appPageForFile, pageErrorReport, type AppPage } from './browser.ts';
import { cellBox, cellByKey, cellShows, createReport, describedBy, expectText, goToStep, pasteInto, textOf } from './helpers/app.ts';
import { shot } from './review-support.ts';

const cell = (key: string) => cellByKey(report2021, key);
const APPLICATIONS = report2021.sections.find((section) => section.id === 'applications')!.heading;

let app: AppPage;
let page: Page;
appPageForFile((opened) => {
  app = opened;
  page = opened.page;
});

/** Table 三's head and first rows as Excel copies them from a published report (merged cells: text, then blanks). */
const LABELLED_BLOCK = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t',
  '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
  '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
  '一、本年新收政府信息公开申请数量\t\t\t14\t2\t0\t1\t0\t0\t17',
  '二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3',
  '三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6',
  '\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1',
  '\t填表说明\t\t\t\t\t\t\t\t见附件',
].join('\r\n');

describe('pasting a block copied with its labels', () => {
  it('places each number by its row and column names, wherever the focus is', async () => {
    await createReport(page, { agency: '某市某局', year: 2025, format: '2021年版格式（国办公开办函〔2021〕30号）' });
    await goToStep(page, APPLICATIONS);
    await pasteInto(page, cellBox(page, cell('applications.carriedForward.otherOrg')), `${LABELLED_BLOCK}\r\n`);
    const status = page.getByRole('main').getByRole('status').first();
    await expectText(status, '已粘贴 24 格');
    const message = await textOf(status);
    expect(message).toContain('前 3 行是表头，已按列名称对应');
    expect(message).toContain('前 3 列是行名称，已按行名称对应');
    expect(message).toContain('本表中没有的行未粘贴：“填表说明”');
    expect(message).toContain('4 个数落在自动计算的格上，未填入');

    const expected: Record<string, string> = {
      'applications.newReceived.naturalPerson': '14',
      'applications.newReceived.commercial': '2',
      'applications.newReceived.publicInterest': '1',
      'applications.newReceived.total': '17',
      'applications.carriedOver.naturalPerson': '3',
      'applications.granted.naturalPerson': '5',
      'applications.granted.commercial': '1',
      'applications.denied.stateSecret.naturalPerson': '1',
      'applications.carriedForward.otherOrg': '',
    };
    for (const [key, value] of Object.entries(expected)) expect(await cellShows(page, cell(key)), key).toBe(value);
    await status.scrollIntoViewIfNeeded();
    await shot(page, 'labelled-paste');
  });

  it('refuses a number beyond the value domain at the cell, and warns (V1) about an implausible count', async () => {
    const box = cellBox(page, cell('applications.carriedOver.commercial'));
    await box.fill('');
    await box.pressSequentially('12345678901234567890');
    await box.press('Tab');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(box)).toContain('数字太大，请检查：最多 999999999999');

    await box.fill('');
    await box.pressSequentially('2000000');
    await box.press('Tab');
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => describedBy(box)).toContain('2000000 超过 1000000，远多于各机关报告中常见的数量');
    expect(app.errors, pageErrorReport(app.errors)).toEqual([]);
  });
});
