// @vitest-environment happy-dom
/**
 * 检查与生成 → 发布到政府信息公开平台: the web page downloads as one file, final or marked 草稿 as the Word
 * file would be; 复制到网站编辑器 puts the report on the clipboard as HTML with inline styles and as plain
 * text, and says clearly what to do when the browser refuses the clipboard. (happy-dom fires no `copy`
 * event for execCommand, so these go the Async Clipboard way; test/e2e/report-page.test.ts copies in Chromium.)
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';
import { setPartText } from '../helpers/narrative.ts';

const FALLBACK = '浏览器没有允许写入剪贴板。请改用“下载网页文件”，用浏览器打开后全选（Ctrl+A）复制，再粘贴到网站编辑器中。';

afterEach(() => vi.restoreAllMocks());

/** Downloads as (file name, content) pairs. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:page';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, text: async (index: number) => blobs[index]!.text() };
}

/** A clipboard that records what is written, or refuses. */
function fakeClipboard(refuse = false) {
  const written: ClipboardItem[] = [];
  const write = vi.fn(async (items: ClipboardItem[]) => {
    // The browser reads the item's content (the promises given to ClipboardItem) before it answers.
    await Promise.all(items.flatMap((item) => item.types.map((type) => item.getType(type))));
    if (refuse) throw new DOMException('Write permission denied.', 'NotAllowedError');
    written.push(...items);
  });
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ write } as unknown as Clipboard);
  return written;
}

async function openCheckPage(draft: Draft) {
  const repository = new MemoryDraftRepository();
  const record = await storeDraft(repository, draft);
  await openDraftAt(repository, record.id, 'check', '检查与生成');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the web page on 检查与生成', () => {
  it('downloads the page marked 草稿 while the sign-off is missing, and says why', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await openCheckPage(office2023Draft());
    await user.click(screen.getByRole('button', { name: '下载网页文件（.html）' }));
    await waitFor(() => expect(downloads.names).toEqual(['宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（草稿）.html']), { timeout: 10_000 });
    const page = parse(await downloads.text(0));
    expect(page.querySelector('[role="note"]')!.textContent).toBe('草稿　本文件尚未经审核通过，仅供内部核对，不得作为正式报告发布');
    expect(page.querySelector('h1')!.textContent).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告');
    expect(screen.getByText(/已生成草稿版网页文件/)).toHaveTextContent('还不能作为正式版发布（1 个问题');
  });

  it('counts each problem once: the errors the check lists, and the missing sign-off', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const draft = office2023Draft();
    (draft.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 4;
    await openCheckPage(draft);
    const errors = Number(/共 (\d+) 个错误/.exec(screen.getByText(/^共 \d+ 个错误/).textContent!)![1]);
    expect(errors).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '下载网页文件（.html）' }));
    await waitFor(() => expect(downloads.names.length).toBe(1), { timeout: 10_000 });
    expect(screen.getByText(/已生成草稿版网页文件/)).toHaveTextContent(`还不能作为正式版发布（${errors + 1} 个问题`);
    expect(parse(await downloads.text(0)).querySelector('[role="note"]')!.textContent).toContain('尚未通过全部校验');
  });

  it('downloads the final page when the report may be published', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await openCheckPage(setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z')));
    await user.click(screen.getByRole('button', { name: '下载网页文件（.html）' }));
    await waitFor(() => expect(downloads.names).toEqual(['宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.html']), { timeout: 10_000 });
    const html = await downloads.text(0);
    expect(html).not.toContain('草稿');
    expect(parse(html).querySelectorAll('table').length).toBe(3);
    expect(screen.getByText(/已生成正式版网页文件/)).toBeInTheDocument();
  });

  it('refuses text past the stated limits with the same message as the check, and downloads nothing', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const draft = office2023Draft();
    setPartText(draft, 'overview', 'proactive', '公'.repeat(20_001));
    await openCheckPage(draft);
    await user.click(screen.getByRole('button', { name: '下载网页文件（.html）' }));
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      '文字超过上限，不能生成网页：一、总体情况（一）主动公开有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。',
    );
    expect(downloads.names).toEqual([]);
  });

  it('copies the report for the website editor as HTML with inline styles and as plain text', async () => {
    const user = userEvent.setup();
    const written = fakeClipboard();
    await openCheckPage(setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z')));
    await user.click(screen.getByRole('button', { name: '复制到网站编辑器' }));
    await waitFor(() => expect(written.length).toBe(1), { timeout: 10_000 });
    const item = written[0]!;
    expect([...item.types].sort()).toEqual(['text/html', 'text/plain']);
    const fragment = parse(await (await item.getType('text/html')).text());
    expect(fragment.querySelector('h1')!.textContent).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告');
    expect(fragment.querySelector('table')!.getAttribute('style')).toContain('border-collapse:collapse');
    expect(fragment.querySelectorAll('[class]').length).toBe(0);
    const text = await (await item.getType('text/plain')).text();
    expect(text.startsWith('宁波市镇海区人民政府办公室\n2023年政府信息公开工作年度报告\n')).toBe(true);
    expect(await screen.findByText(/已复制正式版报告，可在网站编辑器中粘贴/)).toBeInTheDocument();
  });

  it('says what to do instead when the browser refuses the clipboard', async () => {
    const user = userEvent.setup();
    fakeClipboard(true);
    await openCheckPage(office2023Draft());
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '复制到网站编辑器' }));
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(FALLBACK);
    expect(screen.queryByText(/已复制/)).toBeNull();
  });

  it('says the same when the browser has no clipboard to write to', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    await openCheckPage(office2023Draft());
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '复制到网站编辑器' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(FALLBACK);
  });
});
