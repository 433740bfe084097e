// @vitest-environment happy-dom
/**
 * The supervisor's 上年报告 in review mode takes what 基本信息's 上年报告 takes: besides a draft file or
 * the app's Word file, last year's report as its agency published it (the saved page, or a Word file
 * without the app's draft inside), shown for confirmation before it is used.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { submitForReview } from '../../src/domain/review.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp } from './app-harness.tsx';
import { CLERK, ok, storeSession } from './review-helpers.ts';
import { office2023Draft } from './ui-fixtures.ts';

// Read by path from the project folder: under happy-dom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(resolve('test/fixtures/import', name));

beforeEach(() => window.localStorage.clear());

/** A 2024 report under review, so that the published 2023 report is its last year's. */
async function openReview2024() {
  const repository = new MemoryDraftRepository();
  const submitted = ok(submitForReview({ ...office2023Draft(), year: 2024 }, CLERK, new Date(Date.UTC(2026, 0, 8, 8, 1))));
  const session = await storeSession(repository, submitted);
  renderApp({ repository, hash: `#/review/${session.id}` });
  await screen.findByRole('heading', { level: 1, name: /^审核报告：宁波市镇海区人民政府办公室2024年度/ });
  return { repository, session };
}

const input = () => screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）');

describe('review mode: last year’s report from its published page or Word file', () => {
  it('shows what the saved page gave, and uses it once the supervisor confirms', async () => {
    const user = userEvent.setup();
    const { repository, session } = await openReview2024();
    expect(input()).toHaveAttribute('accept', expect.stringContaining('.html'));
    await user.upload(input(), new File([fixture('zhenhai-office-2023.html')], '镇海区政府办2023年报.html', { type: 'text/html' }));

    // happy-dom's HTML parser is far slower than a browser's.
    const dialog = await screen.findByRole('dialog', { name: '确认导入的上年报告' }, { timeout: 15_000 });
    expect(dialog).toHaveTextContent('文件“镇海区政府办2023年报.html”不是本工具生成的');
    expect(dialog).toHaveTextContent('宁波市镇海区人民政府办公室 2023年度报告，2021年版格式；表格中 200 格有数字');
    // Nothing is used before the supervisor confirms.
    expect((await repository.getReview(session.id))?.lastYear).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: '用作上年报告' }));
    await waitFor(async () => {
      const lastYear = (await repository.getReview(session.id))?.lastYear;
      expect(lastYear?.kind === 'file' && [lastYear.fileName, lastYear.draft.year, lastYear.draft.agency.name]).toEqual([
        '镇海区政府办2023年报.html',
        2023,
        '宁波市镇海区人民政府办公室',
      ]);
    });
    expect(screen.queryByRole('dialog', { name: '确认导入的上年报告' })).toBeNull();
  });

  it('reads a Word file without the app’s draft inside as a published report', async () => {
    const user = userEvent.setup();
    const { repository, session } = await openReview2024();
    await user.upload(input(), new File([fixture('zhenhai-office-2023.docx')], '2023年报.docx'));
    const dialog = await screen.findByRole('dialog', { name: '确认导入的上年报告' }, { timeout: 15_000 });
    expect(dialog).toHaveTextContent('宁波市镇海区人民政府办公室 2023年度报告');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect((await repository.getReview(session.id))?.lastYear).toBeUndefined();
  });

  it('says at the input why a page that is not such a report cannot be used', async () => {
    const user = userEvent.setup();
    const { repository, session } = await openReview2024();
    await user.upload(input(), new File(['<html><body><p>通知公告</p></body></html>'], 'news.html', { type: 'text/html' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('文件“news.html”不能作为上年报告使用：这个文件不像是《政府信息公开工作年度报告》');
    expect((await repository.getReview(session.id))?.lastYear).toBeUndefined();
  });
});
