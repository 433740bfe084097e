// @vitest-environment happy-dom
/**
 * The home screen opens a published report (its saved page, a Word file, or the page's content pasted)
 * to start a draft: after the clerk confirms what was read, either next year's report begun from it
 * (text kept, tables empty, 上年结转 carried over, the import kept as last year's report) or the
 * report itself as a draft.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { renderApp, waitForHash } from './app-harness.tsx';
import { partText } from '../helpers/narrative.ts';

// Read by path from the project folder: under happy-dom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(resolve('test/fixtures/import', name));

async function importFile(user: ReturnType<typeof userEvent.setup>, name: string) {
  await screen.findByRole('button', { name: '导入已发布的报告' });
  await user.upload(screen.getByLabelText('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）'), new File([fixture(name)], name));
  // happy-dom's HTML parser is far slower than a browser's.
  return screen.findByRole('dialog', { name: '确认导入的报告' }, { timeout: 15_000 });
}

describe('home: import a published report', () => {
  it('starts next year’s report from it: text kept, tables empty, 上年结转 carried over, last year attached', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    const dialog = await importFile(user, 'zhenhai-office-2023.docx');
    expect(dialog).toHaveTextContent('宁波市镇海区人民政府办公室 2023年度报告');
    await user.click(within(dialog).getByRole('button', { name: '据此开始2024年度报告' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    expect([record?.draft.agency.name, record?.draft.year]).toEqual(['宁波市镇海区人民政府办公室', 2024]);
    const values = flattenTables(templateOf(record!.draft), record!.draft.tables);
    expect(values['applications.carriedOver.naturalPerson']).toBe(2);
    expect(values['applications.newReceived.naturalPerson']).toBeNull();
    expect(partText(record!.draft, 'overview', 'onRequest')).toBe('受理依申请公开52件，已办结50件，2件结转下年度继续办理。');
    const lastYear = await repository.getLastYear(record!.id);
    expect(lastYear?.kind === 'file' && lastYear.draft.year).toBe(2023);
  });

  it('opens the report itself as a draft of its year', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    const dialog = await importFile(user, 'shanghai-office-2019.html');
    expect(dialog).toHaveTextContent('表二 政府集中采购 采购总金额：印为“251000元”');
    await user.click(within(dialog).getByRole('button', { name: '作为2019年度报告打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    expect([record?.draft.agency.name, record?.draft.year, record?.draft.template]).toEqual(['上海市人民政府办公厅', 2019, '2019']);
    const values = flattenTables(templateOf(record!.draft), record!.draft.tables);
    expect(values['applications.newReceived.naturalPerson']).toBe(821);
    expect(values['applications.newReceived.research']).toBeNull();
  });

  it('takes the report pasted from its web page', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: '粘贴已发布的报告' }));
    const target = await screen.findByRole('textbox', { name: '在此粘贴报告网页的内容' });
    const page = fixture('zhenhai-office-2023.html').toString('utf8');
    const article = page.slice(page.indexOf('<div id="zoom">'), page.indexOf('<div class="bottom">'));
    fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/html' ? article : '') } });
    const dialog = await screen.findByRole('dialog', { name: '确认导入的报告' }, { timeout: 15_000 });
    expect(dialog).toHaveTextContent('宁波市镇海区人民政府办公室 2023年度报告，2021年版格式；表格中 200 格有数字');
  });

  it('says why a file is not imported', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await screen.findByRole('button', { name: '导入已发布的报告' });
    await user.upload(
      screen.getByLabelText('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）'),
      new File(['<html><body><p>通知公告</p></body></html>'], 'news.html', { type: 'text/html' }),
    );
    const dialog = await screen.findByRole('dialog', { name: '操作没有完成' });
    expect(dialog).toHaveTextContent('“news.html”没有导入：这个文件不像是《政府信息公开工作年度报告》');
    await waitFor(async () => expect(await repository.list()).toHaveLength(0));
  });
});
