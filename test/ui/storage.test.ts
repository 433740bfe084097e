// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { Autosave } from '../../src/storage/autosave.ts';
import { MemoryDraftRepository, type DraftRepository } from '../../src/storage/draft-repository.ts';
import { openIdbRepository } from '../../src/storage/idb-repository.ts';
import { openDraftRepository } from '../../src/storage/open-repository.ts';
import { createTabGuard, type TabGuard } from '../../src/storage/tab-guard.ts';
import { FakeLockManager } from './fake-locks.ts';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const draftOf = (name = '某某县教育局', year = 2025) => emptyDraft(report2021, year, name, new Date('2026-01-05T08:00:00Z'));

function withText(draft: Draft, text: string): Draft {
  return { ...draft, narrative: { ...draft.narrative, problems: { intro: '', parts: { problems: text, improvements: '' }, extraParts: [] } } };
}

describe.each([
  ['IndexedDB', () => openIdbRepository() as Promise<DraftRepository>],
  ['memory', async () => new MemoryDraftRepository() as DraftRepository],
])('%s repository', (_, open) => {
  it('stores, lists and reads drafts back as written', async () => {
    const repository = await open();
    const created = await repository.create(withText(draftOf(), '问题一'));
    if (!created.ok) throw new Error('not created');
    expect(created.record.revision).toBe(1);
    const read = await repository.get(created.record.id);
    expect(read?.draft).toEqual(withText(draftOf(), '问题一'));
    expect((await repository.list()).map((r) => r.id)).toEqual([created.record.id]);
  });

  it('keeps one draft per agency and year (spaces do not make a new agency)', async () => {
    const repository = await open();
    const first = await repository.create(draftOf('某某县 教育局'));
    const second = await repository.create(draftOf(' 某某县  教育局 '));
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: 'duplicate' });
    expect((await repository.create(draftOf('某某县 教育局', 2024))).ok).toBe(true);
    expect(await repository.list()).toHaveLength(2);
  });

  it('writes only over the revision the writer last saw; a stale write is refused and changes nothing', async () => {
    const repository = await open();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const { id } = created.record;
    const saved = await repository.save(id, withText(draftOf(), '甲标签页'), 1);
    expect(saved).toMatchObject({ ok: true, record: { revision: 2 } });
    // Another tab still believes revision 1 is current.
    const stale = await repository.save(id, withText(draftOf(), '乙标签页'), 1);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', stored: { revision: 2 } });
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('甲标签页');
    // The clerk chose to keep this tab's text: replace ignores the revision.
    expect(await repository.replace(id, withText(draftOf(), '乙标签页'))).toMatchObject({ ok: true, record: { revision: 3 } });
  });

  it('remembers the section per draft and the draft left open; deleting forgets both', async () => {
    const repository = await open();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const { id } = created.record;
    await repository.setSection(id, 'applications');
    await repository.setLastOpen(id);
    expect(await repository.getSection(id)).toBe('applications');
    expect(await repository.getLastOpen()).toBe(id);
    await repository.remove(id);
    expect(await repository.get(id)).toBeUndefined();
    expect(await repository.getLastOpen()).toBeNull();
    expect(await repository.getSection(id)).toBeUndefined();
  });
});

describe('IndexedDB shared by two tabs', () => {
  it('detects a write by the other tab (two connections to the same database)', async () => {
    const tabA = await openIdbRepository();
    const tabB = await openIdbRepository();
    const created = await tabA.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const { id } = created.record;
    expect((await tabB.save(id, withText(draftOf(), '乙'), 1)).ok).toBe(true);
    expect(await tabA.save(id, withText(draftOf(), '甲'), 1)).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await tabA.get(id))?.draft.narrative.problems?.parts.problems).toBe('乙');
  });
});

describe('when the browser refuses to store', () => {
  it('reports a full quota in Chinese instead of throwing', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const result = await repository.save(created.record.id, withText(draftOf(), '新内容'), 1);
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    expect(result.ok === false && result.reason === 'refused' && result.message).toContain('存储空间已满');
  });

  it('falls back to memory with a warning when IndexedDB is missing', async () => {
    // @ts-expect-error: simulating a browser without IndexedDB
    globalThis.indexedDB = undefined;
    const opened = await openDraftRepository();
    expect(opened.repository.persistent).toBe(false);
    expect(opened.warning).toContain('隐私/无痕模式');
  });
});

describe('autosave', () => {
  async function setUp(repository: DraftRepository = new MemoryDraftRepository()) {
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    let current = draftOf();
    const autosave = new Autosave({
      repository,
      draftId: created.record.id,
      revision: created.record.revision,
      snapshot: () => ({ draft: current, rawInputs: {} }),
    });
    return { repository, autosave, id: created.record.id, edit: (text: string) => (current = withText(draftOf(), text)) };
  }

  it('saves a change shortly after it, with the time shown', async () => {
    const { repository, autosave, id, edit } = await setUp();
    edit('第一次修改');
    autosave.schedule();
    expect(autosave.getStatus().state).toBe('pending');
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('saved'));
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('第一次修改');
    expect(autosave.currentRevision).toBe(2);
  });

  it('stops at a conflict and overwrites only when asked', async () => {
    const { repository, autosave, id, edit } = await setUp();
    await repository.save(id, withText(draftOf(), '另一个标签页'), 1);
    edit('本页');
    await autosave.flush().catch(() => undefined);
    autosave.schedule();
    await autosave.flush();
    expect(autosave.getStatus().state).toBe('conflict');
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('另一个标签页');
    // Further typing does not overwrite either.
    edit('本页再改');
    autosave.schedule();
    await autosave.flush();
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('另一个标签页');
    await autosave.overwrite();
    expect(autosave.getStatus().state).toBe('saved');
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('本页再改');
  });

  it('reports a refusal and saves again once storage works', async () => {
    const repository = await openIdbRepository();
    const { autosave, id, edit } = await setUp(repository);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    edit('写不进去');
    autosave.schedule();
    await autosave.flush();
    const status = autosave.getStatus();
    expect(status.state).toBe('refused');
    expect(status.state === 'refused' && status.message).toContain('请立即下载草稿文件');
    put.mockRestore();
    await autosave.retry();
    expect(autosave.getStatus().state).toBe('saved');
    expect((await repository.get(id))?.draft.narrative.problems?.parts.problems).toBe('写不进去');
  });

  it('does not write while this tab is read-only', async () => {
    const { repository, autosave, id, edit } = await setUp();
    autosave.setEnabled(false);
    edit('只读页面的输入');
    autosave.schedule();
    await autosave.flush();
    expect((await repository.get(id))?.revision).toBe(1);
  });
});

describe('tab guard', () => {
  const guards: TabGuard[] = [];
  afterEach(() => {
    guards.splice(0).forEach((guard) => guard.release());
  });
  const track = (guard: TabGuard) => {
    guards.push(guard);
    return guard;
  };

  it('Web Locks: the second tab is read-only until it takes over; the first is then told', async () => {
    const locks = new FakeLockManager();
    const first = track(createTabGuard('d1', { locks: locks as unknown as LockManager }));
    await vi.waitFor(() => expect(first.getState().mode).toBe('owner'));
    const second = track(createTabGuard('d1', { locks: locks as unknown as LockManager }));
    await vi.waitFor(() => expect(second.getState()).toMatchObject({ mode: 'readonly', reason: 'open-elsewhere' }));
    expect(first.getState().mode).toBe('owner');

    await second.takeOver();
    expect(second.getState().mode).toBe('owner');
    await vi.waitFor(() => expect(first.getState()).toMatchObject({ mode: 'readonly', reason: 'taken-over' }));
    // Another draft is not affected.
    const other = track(createTabGuard('d2', { locks: locks as unknown as LockManager }));
    await vi.waitFor(() => expect(other.getState().mode).toBe('owner'));
  });

  it('Web Locks: when the owning tab closes, the waiting tab becomes the owner (and knows to reload)', async () => {
    const locks = new FakeLockManager();
    const first = createTabGuard('d1', { locks: locks as unknown as LockManager });
    await vi.waitFor(() => expect(first.getState().mode).toBe('owner'));
    const second = track(createTabGuard('d1', { locks: locks as unknown as LockManager }));
    await vi.waitFor(() => expect(second.getState().mode).toBe('readonly'));
    first.release();
    await vi.waitFor(() => expect(second.getState()).toMatchObject({ mode: 'owner', ownerSince: 1 }));
  });

  it('BroadcastChannel fallback: the same hand-over without Web Locks', async () => {
    const environment = { createChannel: (name: string) => new BroadcastChannel(name), handshakeMs: 40 };
    const first = track(createTabGuard('d1', environment));
    await vi.waitFor(() => expect(first.getState().mode).toBe('owner'));
    const second = track(createTabGuard('d1', environment));
    await vi.waitFor(() => expect(second.getState()).toMatchObject({ mode: 'readonly', reason: 'open-elsewhere' }));
    await second.takeOver();
    await vi.waitFor(() => expect(first.getState()).toMatchObject({ mode: 'readonly', reason: 'taken-over' }));
  });
});
