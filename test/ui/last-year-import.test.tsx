// @vitest-environment happy-dom
/**
 * 上年报告 from a report not made by this app: its published web page (as the browser saved it) or a
 * Word file. The import is shown for the clerk to confirm (what was read, what was guessed), and only
 * then becomes last year's report; 上年结转 can then be carried over.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { district2020Draft, office2023Draft } from './ui-fixtures.ts';

// Read by path from the project folder: under happy-dom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(resolve('test/fixtures/import', name));

describe('上年报告 imported from a published report', () => {
  it('shows what the saved page gave, and attaches it once the clerk confirms', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, { ...office2023Draft(), year: 2024 });
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const panel = await screen.findByRole('region', { name: '上年报告' });

    const input = screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）');
    await user.upload(input, new File([fixture('zhenhai-office-2023.html')], '镇海区政府办2023年报.html', { type: 'text/html' }));

    // happy-dom's HTML parser is far slower than a browser's.
    const dialog = await screen.findByRole('dialog', { name: '确认导入的上年报告' }, { timeout: 15_000 });
    expect(dialog).toHaveTextContent('宁波市镇海区人民政府办公室 2023年度报告，2021年版格式；表格中 200 格有数字');
    expect(dialog).toHaveTextContent('三张表的每一格都已读出。');
    expect(dialog).toHaveTextContent('表三“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”读入');
    // Nothing is attached before the clerk confirms.
    expect(await repository.getLastYear(record.id)).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: '用作上年报告' }));
    await waitFor(() => expect(panel).toHaveTextContent('当前上年报告：“宁波市镇海区人民政府办公室”2023年度报告'));
    const choice = await repository.getLastYear(record.id);
    expect(choice?.kind).toBe('file');
    // The carry-over offers last year's 结转下年度继续办理 (2 自然人) for 上年结转.
    const table = within(panel).getByRole('table', { name: /上年结转/ });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('自然人2');
  });

  it('reads a Word file without the app’s draft inside as a published report, and says what it could not read', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, district2020Draft());
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const input = screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）');
    await user.upload(input, new File([fixture('shanghai-office-2019.docx')], '2019年报.docx'));
    const dialog = await screen.findByRole('dialog', { name: '确认导入的上年报告' });
    expect(dialog).toHaveTextContent('以下 1 处没有读出，已留空');
    expect(dialog).toHaveTextContent('表二 政府集中采购 采购总金额：印为“251000元”');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await repository.getLastYear(record.id)).toBeUndefined();
  });

  it('says why a page that is no report cannot be used', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const input = screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）');
    await user.upload(input, new File(['<html><body><p>通知公告</p></body></html>'], 'news.html', { type: 'text/html' }));
    const alert = await screen.findByText(/不能作为上年报告使用/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('这个文件不像是《政府信息公开工作年度报告》');
  });
});
