// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft, flattenTables, nestTables } from '../../src/domain/values.ts';
import { openIdbRepository } from '../../src/storage/idb-repository.ts';
import { MEMORY_ONLY_MESSAGE } from '../../src/storage/storage-errors.ts';
import { createTabGuard } from '../../src/storage/tab-guard.ts';
import { browserJournal, type UnsavedJournal } from '../../src/storage/unsaved-journal.ts';
import { FakeLockManager } from './fake-locks.ts';
import { renderApp, storeDraft } from './app-harness.tsx';
import { partText, setPartText } from '../helpers/narrative.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const problemsBox = () => screen.getByRole('textbox', { name: '（一）存在的主要问题' }) as HTMLTextAreaElement;

async function storedEmpty() {
  const repository = await openIdbRepository();
  const record = await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
  return { repository, id: record.id };
}

/** A stored draft that another tab owns, and the tab guard of this page, which shares that tab's locks. */
async function storedHeldElsewhere() {
  const { repository, id } = await storedEmpty();
  const locks = new FakeLockManager() as unknown as LockManager;
  const otherTab = createTabGuard(id, { locks });
  await vi.waitFor(() => expect(otherTab.getState().mode).toBe('owner'));
  return { repository, id, otherTab, thisPageGuard: (draftId: string) => createTabGuard(draftId, { locks }) };
}

describe('nothing is lost', () => {
  it('saves within a second, shows 已保存 HH:MM:SS, and after a restart reopens the same draft on the same section', async () => {
    const user = userEvent.setup();
    const { repository, id } = await storedEmpty();
    const first = renderApp({ repository, hash: `#/draft/${id}/problems` });
    await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' });
    await user.type(problemsBox(), '信息公开的广度深度仍需深化。');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/), { timeout: 2000 });
    first.unmount();

    // A fresh start (closed tab, crash): no address, a new connection to the same database.
    renderApp({ repository: await openIdbRepository(), hash: '' });
    expect(await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/draft/${id}/problems`);
    expect(problemsBox()).toHaveValue('信息公开的广度深度仍需深化。');
  });

  it('restores a cell exactly as typed even when it is not a number yet', async () => {
    const user = userEvent.setup();
    const { repository, id } = await storedEmpty();
    const first = renderApp({ repository, hash: `#/draft/${id}/other` });
    await screen.findByRole('heading', { level: 1, name: '六、其他需要报告的事项' });
    await user.type(screen.getByRole('textbox', { name: '本年发出收费通知（件）' }), '3件');
    await waitFor(async () => expect((await repository.get(id))?.rawInputs).toEqual({ 'fees.noticesIssued': '3件' }), { timeout: 2000 });
    first.unmount();
    renderApp({ repository: await openIdbRepository(), hash: `#/draft/${id}/other` });
    expect(await screen.findByRole('textbox', { name: '本年发出收费通知（件）' })).toHaveValue('3件');
  });

  it('tells the clerk at once when the browser refuses to store, and offers the draft file', async () => {
    const user = userEvent.setup();
    const { repository, id } = await storedEmpty();
    renderApp({ repository, hash: `#/draft/${id}/problems` });
    await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await user.type(problemsBox(), '写不进浏览器的文字');
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(alert).toHaveTextContent('浏览器的存储空间已满');
    expect(within(alert).getByRole('button', { name: '下载草稿文件' })).toBeInTheDocument();
    expect(screen.getByTestId('save-indicator')).toHaveTextContent('未能保存到浏览器');
    // The text stays on screen: the clerk keeps working in memory.
    expect(problemsBox()).toHaveValue('写不进浏览器的文字');
  });

  it('shows the memory-only warning when the browser allows no storage at all', async () => {
    const { MemoryDraftRepository } = await import('../../src/storage/draft-repository.ts');
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
    renderApp({ repository, warning: MEMORY_ONLY_MESSAGE, hash: `#/draft/${record.id}/basics` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('关闭或刷新页面就会丢失');
    expect(within(alert).getByRole('button', { name: '下载草稿文件' })).toBeInTheDocument();
  });
});

describe('the same draft elsewhere', () => {
  it('does not overwrite a newer version saved by another tab; the clerk chooses', async () => {
    const user = userEvent.setup();
    const { repository, id } = await storedEmpty();
    renderApp({ repository, hash: `#/draft/${id}/problems` });
    await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' });

    // Another tab (its own connection) saves first.
    const otherTab = await openIdbRepository();
    const stored = (await otherTab.get(id))!;
    const theirs = structuredClone(stored.draft);
    setPartText(theirs, 'problems', 'problems', '另一个标签页写的问题。');
    setPartText(theirs, 'problems', 'improvements', '');
    expect((await otherTab.save(id, theirs, stored.revision)).ok).toBe(true);

    await user.type(problemsBox(), '本页的文字');
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(alert).toHaveTextContent('保存了更新的版本');
    expect(partText((await otherTab.get(id))?.draft, 'problems', 'problems')).toBe('另一个标签页写的问题。');

    await user.click(within(alert).getByRole('button', { name: '载入最新版本' }));
    await waitFor(() => expect(problemsBox()).toHaveValue('另一个标签页写的问题。'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a second tab on the same draft is read-only and can take over', async () => {
    const user = userEvent.setup();
    // The first tab holds the draft.
    const { repository, id, otherTab: firstTab, thisPageGuard } = await storedHeldElsewhere();

    renderApp({ repository, hash: `#/draft/${id}/problems`, createTabGuard: thisPageGuard });
    await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' }, { timeout: 2000 });
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('此草稿已在另一个标签页或窗口中打开');
    expect(problemsBox()).toBeDisabled();

    await user.click(within(banner).getByRole('button', { name: '在本页继续编辑' }));
    await waitFor(() => expect(problemsBox()).toBeEnabled());
    expect(firstTab.getState()).toMatchObject({ mode: 'readonly', reason: 'taken-over' });
    firstTab.release();
  });
});

describe('a change, then the page goes away', () => {
  it.each([
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'visibilitychange to hidden',
      () => {
        vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
  ])('%s starts the write of a change made in the same moment, before the page can go', async (_, pageGoes) => {
    const { repository, id } = await storedEmpty();
    renderApp({ repository, hash: `#/draft/${id}/problems` });
    await screen.findByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' });
    const save = vi.spyOn(repository, 'save');
    fireEvent.input(problemsBox(), { target: { value: '关页面前的最后一句' } });
    pageGoes();
    // No await in between: the write was started by the page-hide handler itself.
    expect(save).toHaveBeenCalledTimes(1);
    expect(partText(save.mock.calls[0]![1], 'problems', 'problems')).toBe('关页面前的最后一句');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('taking a draft over', () => {
  it('loads the stored draft into the grid before editing, and what is typed then reaches storage', async () => {
    const user = userEvent.setup();
    const { repository, id, otherTab: firstTab, thisPageGuard } = await storedHeldElsewhere();
    renderApp({ repository, hash: `#/draft/${id}/proactive`, createTabGuard: thisPageGuard });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    const issued = () => screen.getByRole('textbox', { name: '行政规范性文件 本年制发件数' }) as HTMLInputElement;
    const repealed = () => screen.getByRole('textbox', { name: '行政规范性文件 本年废止件数' }) as HTMLInputElement;
    expect(issued()).toBeDisabled();

    // The owning tab saves 107 (this tab is not told: it must read storage when it takes over).
    const otherTab = await openIdbRepository();
    const stored = (await otherTab.get(id))!;
    const values = { ...flattenTables(report2021, stored.draft.tables), 'proactive.normativeDocuments.issued': 107 };
    expect((await otherTab.save(id, { ...stored.draft, tables: nestTables(report2021, values) }, stored.revision)).ok).toBe(true);

    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: '在本页继续编辑' }));
    await waitFor(() => expect(issued()).toBeEnabled());
    expect(issued()).toHaveValue('107');

    await user.type(repealed(), '3');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    const after = (await otherTab.get(id))!;
    expect(flattenTables(report2021, after.draft.tables)).toMatchObject({ 'proactive.normativeDocuments.issued': 107, 'proactive.normativeDocuments.repealed': 3 });
    expect(after.revision).toBe(stored.revision + 2);
    firstTab.release();
  });
});

/** The draft as stored, with 行政规范性文件 本年制发件数 set. */
function withIssued(stored: { draft: Draft }, issued: number): Draft {
  const values = { ...flattenTables(report2021, stored.draft.tables), 'proactive.normativeDocuments.issued': issued };
  return { ...stored.draft, tables: nestTables(report2021, values) };
}

describe('a write lost with its page (the page went before IndexedDB committed it)', () => {
  function journal(): UnsavedJournal {
    const found = browserJournal();
    if (!found) throw new Error('the test page has no localStorage');
    return found;
  }
  const issued = () => screen.getByRole('textbox', { name: '行政规范性文件 本年制发件数' }) as HTMLInputElement;
  const repealed = () => screen.getByRole('textbox', { name: '行政规范性文件 本年废止件数' }) as HTMLInputElement;

  it('the tab that takes over shows it at once, writes it again, and edits on from it', async () => {
    const user = userEvent.setup();
    const { repository, id, otherTab: closingTab, thisPageGuard } = await storedHeldElsewhere();
    const kept = journal();
    const { channel } = renderApp({ repository, journal: kept, hash: `#/draft/${id}/proactive`, createTabGuard: thisPageGuard });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    expect(issued()).toBeDisabled();

    // The owner types 107: its write starts (announced, kept in the journal), and its page goes before
    // IndexedDB committed it.
    const stored = (await repository.get(id))!;
    kept.keep({ draftId: id, writer: 'the closing tab', revision: stored.revision + 1, confirmed: { revision: stored.revision, writer: stored.writer }, draft: withIssued(stored, 107), rawInputs: {} });
    channel.announce({ type: 'writing', draftId: id, revision: stored.revision + 1, writer: 'the closing tab' });
    closingTab.release();

    // Not after the bounded wait for announced writes: the journal has it.
    await waitFor(() => expect(issued()).toBeEnabled(), { timeout: 1500 });
    expect(issued()).toHaveValue('107');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    const rewritten = (await repository.get(id))!;
    expect(flattenTables(report2021, rewritten.draft.tables)).toMatchObject({ 'proactive.normativeDocuments.issued': 107 });
    expect(rewritten.revision).toBe(stored.revision + 1);
    expect(rewritten.writer).not.toBe('the closing tab');
    expect(kept.read(id)).toEqual([]);

    await user.type(repealed(), '3');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    expect(flattenTables(report2021, (await repository.get(id))!.draft.tables)).toMatchObject({
      'proactive.normativeDocuments.issued': 107,
      'proactive.normativeDocuments.repealed': 3,
    });
  });

  it('a page reloaded (or a tab reopened) before its last write committed opens with that write and stores it', async () => {
    const { repository, id } = await storedEmpty();
    const kept = journal();
    const stored = (await repository.get(id))!;
    kept.keep({ draftId: id, writer: 'the reloaded page', revision: stored.revision + 1, confirmed: { revision: stored.revision, writer: stored.writer }, draft: withIssued(stored, 88), rawInputs: {} });
    renderApp({ repository, journal: kept, hash: `#/draft/${id}/proactive` });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    expect(issued()).toHaveValue('88');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    expect(flattenTables(report2021, (await repository.get(id))!.draft.tables)).toMatchObject({ 'proactive.normativeDocuments.issued': 88 });
    expect(kept.read(id)).toEqual([]);
  });

  it('a write that did reach storage, or was followed by another tab’s, is not written again', async () => {
    const { repository, id } = await storedEmpty();
    const kept = journal();
    const created = (await repository.get(id))!;
    // Written by 'tab-a' and committed, its entry left behind; then another tab wrote after it.
    kept.keep({ draftId: id, writer: 'tab-a', revision: 2, confirmed: { revision: 1, writer: created.writer }, draft: withIssued(created, 999), rawInputs: {} });
    expect((await repository.save(id, withIssued(created, 5), { revision: 1, writer: created.writer }, {}, 'tab-a')).ok).toBe(true);
    expect((await repository.save(id, withIssued(created, 6), { revision: 2, writer: 'tab-a' }, {}, 'tab-b')).ok).toBe(true);
    renderApp({ repository, journal: kept, hash: `#/draft/${id}/proactive` });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    expect(issued()).toHaveValue('6');
    expect(kept.read(id)).toEqual([]);
    expect((await repository.get(id))!.revision).toBe(3);
  });
});

describe('the owning tab closes while its last write is under way', () => {
  it('the tab that takes over waits for the write the closing tab announced, then shows it and edits on from it', async () => {
    const user = userEvent.setup();
    const { repository, id, otherTab: closingTab, thisPageGuard } = await storedHeldElsewhere();
    const { channel } = renderApp({ repository, hash: `#/draft/${id}/proactive`, createTabGuard: thisPageGuard });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    const issued = () => screen.getByRole('textbox', { name: '行政规范性文件 本年制发件数' }) as HTMLInputElement;
    const repealed = () => screen.getByRole('textbox', { name: '行政规范性文件 本年废止件数' }) as HTMLInputElement;

    // The owner starts writing 107 and its page goes: the write commits a second later, unannounced.
    const stored = (await repository.get(id))!;
    channel.announce({ type: 'writing', draftId: id, revision: stored.revision + 1, writer: 'the closing tab' });
    closingTab.release();
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent('正在载入最新保存的内容…'));
    expect(issued()).toBeDisabled();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(issued()).toBeDisabled();
    const otherTab = await openIdbRepository();
    const values = { ...flattenTables(report2021, stored.draft.tables), 'proactive.normativeDocuments.issued': 107 };
    expect((await otherTab.save(id, { ...stored.draft, tables: nestTables(report2021, values) }, stored.revision)).ok).toBe(true);

    await waitFor(() => expect(issued()).toBeEnabled(), { timeout: 2000 });
    expect(issued()).toHaveValue('107');
    await user.type(repealed(), '3');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/^已保存 \d\d:\d\d:\d\d$/));
    const after = (await otherTab.get(id))!;
    expect(flattenTables(report2021, after.draft.tables)).toMatchObject({ 'proactive.normativeDocuments.issued': 107, 'proactive.normativeDocuments.repealed': 3 });
  });

  it('a write announced but never committed holds the new owner back only for a bounded time', async () => {
    const { repository, id, otherTab: closingTab, thisPageGuard } = await storedHeldElsewhere();
    const { channel } = renderApp({ repository, hash: `#/draft/${id}/proactive`, createTabGuard: thisPageGuard });
    await screen.findByRole('heading', { level: 1, name: /^二、/ }, { timeout: 2000 });
    const stored = (await repository.get(id))!;
    channel.announce({ type: 'writing', draftId: id, revision: stored.revision + 1, writer: 'the closing tab' });
    closingTab.release();
    const issued = () => screen.getByRole('textbox', { name: '行政规范性文件 本年制发件数' }) as HTMLInputElement;
    await waitFor(() => expect(issued()).toBeEnabled(), { timeout: 8000 });
    expect(screen.getByTestId('save-indicator')).not.toHaveTextContent('正在载入');
  }, 12_000);
});
