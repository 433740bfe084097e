// @vitest-environment happy-dom
/**
 * Point 14 in the app: opening a `.docx` whose visible tables were edited in Word lists the differing
 * cells (place and both numbers) before anything is opened, and its approval is not taken as approved.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp } from './app-harness.tsx';
import { approvedOffice } from './review-helpers.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

const FILE_INPUT = '选择草稿文件（.json 或本工具生成的 .docx）';

function docxFile(bytes: Uint8Array, name: string): File {
  return new File([bytes.slice() as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

describe('opening a Word file edited outside the app', () => {
  it('lists the differing cell and opens the carried draft with its approval voided', async () => {
    const user = userEvent.setup();
    const approved = await approvedOffice();
    const bytes = await buildReportDocx(approved, 'final');
    // What Word saved after someone retyped 自然人 new requests 36 → 38.
    const retyped = structuredClone(approved);
    (retyped.tables.applications!.newReceived as Record<string, number>).naturalPerson = 38;
    const files = unzipSync(bytes) as Zippable;
    files['word/document.xml'] = strToU8(strFromU8(unzipSync(await buildReportDocx(retyped, 'draft'))['word/document.xml']!));
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    await user.upload(screen.getByLabelText(FILE_INPUT), docxFile(zipSync(files), '报告.docx'));

    const dialog = await screen.findByRole('dialog', { name: 'Word 文件中的内容被改动过' }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent('这份文件的审核通过记录不能作为审核通过');
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toContainEqual(
      expect.stringMatching(/一、本年新收政府信息公开申请数量 自然人：Word 文件中为 38，附带的草稿中为 36$/),
    );
    await user.click(within(dialog).getByRole('button', { name: '按附带的草稿数据打开' }));
    await waitFor(async () => expect(await repository.list()).toHaveLength(1));
    const stored = (await repository.list())[0]!.draft;
    expect(stored.review?.status).toBe('editing');
    expect(stored.review?.history.at(-1)?.action).toBe('approvalVoided');
    // The carried numbers, not Word's.
    expect((stored.tables.applications!.newReceived as Record<string, number>).naturalPerson).toBe(36);
  });

  it('opens an untouched Word file without a word', async () => {
    const user = userEvent.setup();
    const approved = await approvedOffice();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    await user.upload(screen.getByLabelText(FILE_INPUT), docxFile(await buildReportDocx(approved, 'final'), '报告.docx'));
    await waitFor(async () => expect(await repository.list()).toHaveLength(1), { timeout: 10_000 });
    expect(screen.queryByRole('dialog', { name: 'Word 文件中的内容被改动过' })).not.toBeInTheDocument();
    expect((await repository.list())[0]!.draft.review?.status).toBe('approved');
  });
});
