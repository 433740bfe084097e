// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { Autosave } from '../../src/storage/autosave.ts';
import { MemoryDraftRepository, type DraftRepository, type ExpectedVersion } from '../../src/storage/draft-repository.ts';
import { openIdbRepository } from '../../src/storage/idb-repository.ts';
import { openDraftRepository } from '../../src/storage/open-repository.ts';
import { createTabGuard, type TabGuard } from '../../src/storage/tab-guard.ts';
import { FakeLockManager } from './fake-locks.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const draftOf = (name = '某某县教育局', year = 2025) => emptyDraft(report2021, year, name, new Date('2026-01-05T08:00:00Z'));

function withText(draft: Draft, text: string): Draft {
  const copy = structuredClone(draft);
  setPartText(copy, 'problems', 'problems', text);
  setPartText(copy, 'problems', 'improvements', '');
  return copy;
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
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('甲标签页');
    // The clerk chose to keep this tab's text: replace ignores the revision.
    expect(await repository.replace(id, withText(draftOf(), '乙标签页'))).toMatchObject({ ok: true, record: { revision: 3 } });
  });

  it('a write expecting its own next revision does not take the same revision number written by another tab for it', async () => {
    const repository = await open();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const { id } = created.record;
    const theirs = await repository.save(id, withText(draftOf(), '另一个标签页'), { revision: 1, writer: undefined }, {}, 'other-tab');
    expect(theirs).toMatchObject({ ok: true, record: { revision: 2, writer: 'other-tab' } });
    // This tab wrote revision 2 a moment ago (as it believes) and goes on from it.
    const mine = await repository.save(id, withText(draftOf(), '本页'), { revision: 2, writer: 'this-tab' }, {}, 'this-tab');
    expect(mine).toMatchObject({ ok: false, reason: 'conflict', stored: { revision: 2, writer: 'other-tab' } });
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('另一个标签页');
    expect((await repository.save(id, withText(draftOf(), '另一个标签页，接着写'), { revision: 2, writer: 'other-tab' }, {}, 'other-tab')).ok).toBe(true);
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

describe('IndexedDB: a save under way at once', () => {
  it('issues its write and its commit before returning (nothing waits for an answer the closing page would never get)', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    const saving = repository.save(created.record.id, withText(draftOf(), '马上写入'), 1);
    expect(put).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledTimes(1);
    expect((await saving).ok).toBe(true);
    expect(partText((await repository.get(created.record.id))?.draft, 'problems', 'problems')).toBe('马上写入');
  });

  it('a write that finds the newer revision of another tab puts that version back, exactly', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    const otherTab = await openIdbRepository();
    const theirs = await otherTab.save(id, withText(draftOf(), '另一个标签页'), 1);
    if (!theirs.ok) throw new Error('not saved');
    const mine = await repository.save(id, withText(draftOf(), '本页'), 1);
    expect(mine).toMatchObject({ ok: false, reason: 'conflict', stored: { revision: 2 } });
    expect(await repository.get(id)).toEqual(theirs.record);
    // The other tab goes on from its own revision as if nothing happened.
    expect((await otherTab.save(id, withText(draftOf(), '另一个标签页，接着写'), 2)).ok).toBe(true);
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
    expect(partText((await tabA.get(id))?.draft, 'problems', 'problems')).toBe('乙');
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
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('第一次修改');
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
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('另一个标签页');
    // Further typing does not overwrite either.
    edit('本页再改');
    autosave.schedule();
    await autosave.flush();
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('另一个标签页');
    await autosave.overwrite();
    expect(autosave.getStatus().state).toBe('saved');
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('本页再改');
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
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('写不进去');
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

/** A repository whose writes are answered only when the test says so (the save has started, not finished). */
class HeldRepository extends MemoryDraftRepository {
  readonly started: { expected: number; text: string | undefined; rawInputs: Record<string, string>; answer: () => void }[] = [];

  override save(id: string, draft: Draft, expected: number | ExpectedVersion, rawInputs: Record<string, string> = {}, writer?: string) {
    const result = super.save(id, draft, expected, rawInputs, writer);
    return new Promise<Awaited<typeof result>>((resolve) => {
      this.started.push({
        expected: typeof expected === 'number' ? expected : expected.revision,
        text: partText(draft, 'problems', 'problems'),
        rawInputs,
        answer: () => void result.then(resolve),
      });
    });
  }
}

describe('autosave: the write path', () => {
  async function setUp() {
    const repository = new HeldRepository();
    const created = await repository.create(draftOf());
    if (!created.ok) throw new Error('not created');
    let current = { draft: draftOf(), rawInputs: {} as Record<string, string> };
    const autosave = new Autosave({ repository, draftId: created.record.id, revision: 1, snapshot: () => current });
    const edit = (text: string, rawInputs: Record<string, string> = {}) => {
      current = { draft: withText(draftOf(), text), rawInputs };
      autosave.schedule();
    };
    return { repository, autosave, id: created.record.id, edit };
  }
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('starts one write per change, at once, each on the revision the one before it leaves; changes of one task go in one write', async () => {
    const { repository, edit } = await setUp();
    edit('一');
    await Promise.resolve();
    expect(repository.started.map((write) => write.text)).toEqual(['一']);
    edit('一二');
    await nextTask();
    edit('一二三');
    edit('一二三四');
    await nextTask();
    // The first write is not answered yet: the others did not wait for it.
    expect(repository.started.map(({ text, expected }) => [text, expected])).toEqual([
      ['一', 1],
      ['一二', 2],
      ['一二三四', 3],
    ]);
  });

  it('says 已保存 only when the last write started has been answered by storage', async () => {
    const { repository, autosave, id, edit } = await setUp();
    edit('第一句');
    await nextTask();
    edit('第一句，第二句');
    await nextTask();
    expect(autosave.getStatus().state).toBe('pending');
    repository.started[0]!.answer();
    await nextTask();
    // Storage has the first write only: not yet 已保存.
    expect(autosave.getStatus().state).toBe('pending');
    expect(autosave.hasUnsavedChanges).toBe(true);
    repository.started[1]!.answer();
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('saved'));
    expect(autosave.hasUnsavedChanges).toBe(false);
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('第一句，第二句');
    expect(autosave.currentRevision).toBe(3);
  });

  it('saves the unparsed cell input as typed', async () => {
    const { repository, autosave, id, edit } = await setUp();
    edit('', { 'fees.noticesIssued': '3件' });
    await nextTask();
    repository.started[0]!.answer();
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('saved'));
    expect((await repository.get(id))?.rawInputs).toEqual({ 'fees.noticesIssued': '3件' });
  });

  it('after a refused write, the writes started behind it say nothing new, and the next change saves from the confirmed revision', async () => {
    const { repository, autosave, id, edit } = await setUp();
    const refuse = vi.spyOn(MemoryDraftRepository.prototype, 'save').mockResolvedValueOnce({ ok: false, reason: 'refused', message: '浏览器的存储空间已满' });
    edit('写不进去');
    await nextTask();
    edit('写不进去，后面的字');
    await nextTask();
    repository.started[0]!.answer();
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('refused'));
    repository.started[1]!.answer();
    await nextTask();
    expect(autosave.getStatus()).toEqual({ state: 'refused', message: '浏览器的存储空间已满' });
    refuse.mockRestore();
    edit('写不进去，后面的字，空间腾出后');
    await nextTask();
    expect(repository.started[2]).toMatchObject({ expected: 1 });
    repository.started[2]!.answer();
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('saved'));
    expect(partText((await repository.get(id))?.draft, 'problems', 'problems')).toBe('写不进去，后面的字，空间腾出后');
  });

  it('flush (pagehide, hidden) starts the write of a change of this very task before returning', async () => {
    const { repository, autosave, edit } = await setUp();
    edit('关页前最后一个字');
    void autosave.flush();
    expect(repository.started.map((write) => write.text)).toEqual(['关页前最后一个字']);
    // The gathered change is not written twice.
    await nextTask();
    expect(repository.started).toHaveLength(1);
  });

  it('a tab losing the draft writes what it holds before turning read-only, then writes nothing', async () => {
    const { repository, autosave, edit } = await setUp();
    edit('接管前刚输入的');
    autosave.setEnabled(false);
    expect(repository.started.map((write) => write.text)).toEqual(['接管前刚输入的']);
    edit('只读后的输入');
    await nextTask();
    expect(repository.started).toHaveLength(1);
  });

  it('after a reset (take-over: the stored draft loaded), writes go on from the stored revision', async () => {
    const { repository, autosave, id, edit } = await setUp();
    autosave.setEnabled(false);
    // The other tab saved meanwhile.
    const stored = (await repository.get(id))!;
    const other = repository.save(id, withText(draftOf(), '另一页'), stored.revision);
    repository.started[0]!.answer();
    const afterOther = await other;
    expect(afterOther.ok).toBe(true);
    autosave.reset(2, new Date());
    autosave.setEnabled(true);
    edit('另一页，本页接着写');
    await nextTask();
    expect(repository.started[1]).toMatchObject({ expected: 2, text: '另一页，本页接着写' });
    repository.started[1]!.answer();
    await vi.waitFor(() => expect(autosave.getStatus().state).toBe('saved'));
    expect((await repository.get(id))?.revision).toBe(3);
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
