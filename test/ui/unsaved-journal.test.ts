/**
 * The journal of writes under way (`unsaved-journal.ts`): a write lost with its page is found by the
 * next tab and written again; a write that reached storage, or that another tab's write followed, is not.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { Autosave } from '../../src/storage/autosave.ts';
import { MemoryDraftRepository, type ExpectedVersion, type SaveResult, type StoredDraft } from '../../src/storage/draft-repository.ts';
import { openIdbRepository } from '../../src/storage/idb-repository.ts';
import {
  createUnsavedJournal,
  forgetDeletedDrafts,
  settledDraft,
  unsavedContinuing,
  type JournalStorage,
  type UnsavedWrite,
} from '../../src/storage/unsaved-journal.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** localStorage as a map, with a size limit in characters like the browser's quota. */
class MapStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const draftWith = (text: string): Draft => {
  const draft = emptyDraft(report2021, 2025, '某某县教育局', new Date('2026-01-05T08:00:00Z'));
  setPartText(draft, 'problems', 'problems', text);
  return draft;
};

function write(overrides: Partial<UnsavedWrite> = {}): UnsavedWrite {
  return {
    draftId: 'd1',
    writer: 'tab-a',
    revision: 5,
    confirmed: { revision: 4, writer: 'tab-a' },
    draft: draftWith('关页面前最后输入的'),
    rawInputs: { 'fees.noticesIssued': '3件' },
    ...overrides,
  };
}

function stored(revision: number, writer: string | undefined): StoredDraft {
  return { id: 'd1', draft: draftWith('存储里的'), revision, savedAt: '2026-01-05T08:00:00.000Z', rawInputs: {}, ...(writer ? { writer } : {}) };
}

describe('whether a journal entry is a write lost on its way', () => {
  it.each([
    ['storage still holds the version its editor had seen committed', stored(4, 'tab-a'), true],
    ['storage holds the write itself', stored(5, 'tab-a'), false],
    ['storage holds a later write', stored(6, 'tab-a'), false],
    ['another tab wrote after the version it had seen', stored(5, 'tab-b'), false],
    ['another tab wrote the version it had seen, by another writer', stored(4, 'tab-b'), false],
    ['the draft was deleted', undefined, false],
  ])('%s: %s', (_, storedNow, lost) => {
    expect(unsavedContinuing(write(), storedNow)).toBe(lost);
  });

  it('a write started while earlier ones of the same editor were under way follows on from any of them', () => {
    const third = write({ revision: 7, confirmed: { revision: 4, writer: 'tab-b' } });
    expect(unsavedContinuing(third, stored(4, 'tab-b'))).toBe(true);
    expect(unsavedContinuing(third, stored(5, 'tab-a'))).toBe(true);
    expect(unsavedContinuing(third, stored(6, 'tab-a'))).toBe(true);
    expect(unsavedContinuing(third, stored(7, 'tab-a'))).toBe(false);
    expect(unsavedContinuing(third, stored(5, 'tab-c'))).toBe(false);
  });

  it('a draft never saved by an editor (revision 1 as created) is matched without a writer', () => {
    const first = write({ revision: 2, confirmed: { revision: 1, writer: undefined } });
    expect(unsavedContinuing(first, stored(1, undefined))).toBe(true);
  });
});

describe('the journal', () => {
  it('reads back what it kept, and forgets it once storage committed exactly that write', () => {
    const journal = createUnsavedJournal(new MapStorage());
    journal.keep(write());
    expect(journal.read('d1')).toEqual([write()]);
    expect(journal.draftIds()).toEqual(['d1']);
    journal.committed('d1', 4, 'tab-a');
    journal.committed('d1', 5, 'tab-b');
    expect(journal.read('d1')).toHaveLength(1);
    journal.committed('d1', 5, 'tab-a');
    expect(journal.read('d1')).toEqual([]);
  });

  it('keeps one entry per editor: the write a tab makes as it hands the draft over does not take the new owner’s place', () => {
    const journal = createUnsavedJournal(new MapStorage());
    const owner = write({ writer: 'new-owner', revision: 6, confirmed: { revision: 5, writer: 'tab-a' } });
    journal.keep(owner);
    journal.keep(write({ writer: 'tab-a', revision: 6, confirmed: { revision: 5, writer: 'tab-a' }, draft: draftWith('交出前最后输入的') }));
    expect(journal.read('d1').map((entry) => entry.writer).sort()).toEqual(['new-owner', 'tab-a']);
    journal.committed('d1', 6, 'tab-a');
    expect(journal.read('d1')).toEqual([owner]);
    expect(journal.draftIds()).toEqual(['d1']);
    journal.forget('d1');
    expect(journal.read('d1')).toEqual([]);
  });

  it('ignores and removes an entry it cannot read (cut short, another shape)', () => {
    const storage = new MapStorage();
    const journal = createUnsavedJournal(storage);
    storage.setItem('gov-info-annual-report:unsaved:d1:tab-a', '{"version":1,"draftId":"d1","wri');
    storage.setItem('gov-info-annual-report:unsaved:d2:tab-a', JSON.stringify({ version: 2, ...write({ draftId: 'd2' }) }));
    expect(journal.read('d1')).toEqual([]);
    expect(journal.read('d2')).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('when full, gives up the older copies of other drafts for the newest write; when that is not enough, keeps none and does not throw', () => {
    const entrySize = JSON.stringify({ version: 1, ...write() }).length + 40;
    const storage = new MapStorage(entrySize * 2.5);
    storage.setItem('unrelated', 'x');
    const journal = createUnsavedJournal(storage);
    journal.keep(write({ draftId: 'a' }));
    journal.keep(write({ draftId: 'b' }));
    journal.keep(write({ draftId: 'c' }));
    expect(journal.draftIds()).toEqual(['c']);
    expect(storage.getItem('unrelated')).toBe('x');

    const tiny = new MapStorage(100);
    const none = createUnsavedJournal(tiny);
    expect(() => none.keep(write())).not.toThrow();
    expect(none.read('d1')).toEqual([]);
  });

  it('a storage that refuses every call (a blocked localStorage) is no journal, and no error', () => {
    const refusing: JournalStorage = {
      get length(): number {
        throw new DOMException('denied', 'SecurityError');
      },
      key: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const journal = createUnsavedJournal(refusing);
    expect(() => journal.keep(write())).not.toThrow();
    expect(journal.read('d1')).toEqual([]);
    expect(journal.draftIds()).toEqual([]);
  });
});

/** A repository whose writes are started and never answered: the page went before they committed. */
class LostWritesRepository extends MemoryDraftRepository {
  lose = false;
  override save(id: string, draft: Draft, expected: number | ExpectedVersion, rawInputs?: Record<string, string>, writer?: string): Promise<SaveResult> {
    if (this.lose) return new Promise(() => undefined);
    return super.save(id, draft, expected, rawInputs, writer);
  }
}

describe('autosave keeps each write in the journal until it commits', () => {
  async function setUp() {
    const repository = new LostWritesRepository();
    const created = await repository.create(draftWith(''));
    if (!created.ok) throw new Error('not created');
    const storage = new MapStorage();
    const journal = createUnsavedJournal(storage);
    let current = { draft: draftWith(''), rawInputs: {} as Record<string, string> };
    const autosave = new Autosave({ repository, journal, draftId: created.record.id, revision: 1, snapshot: () => current });
    autosave.setEnabled(true);
    const edit = (text: string) => {
      current = { draft: draftWith(text), rawInputs: { 'fees.noticesIssued': `${text}件` } };
      autosave.schedule();
    };
    return { repository, journal, autosave, id: created.record.id, edit };
  }
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('from the moment the write starts, with the version it follows on from; gone once it committed', async () => {
    const { journal, autosave, id, edit } = await setUp();
    edit('第一句');
    await Promise.resolve();
    // Started in this task: the journal has it before anything was answered.
    const [entry] = journal.read(id);
    if (!entry) throw new Error('no entry kept');
    expect(partText(entry.draft, 'problems', 'problems')).toBe('第一句');
    expect(entry).toMatchObject({ writer: autosave.writer, revision: 2, confirmed: { revision: 1 }, rawInputs: { 'fees.noticesIssued': '第一句件' } });
    expect(entry.confirmed.writer).toBeUndefined();
    await waitForSaved(autosave);
    expect(journal.read(id)).toEqual([]);
  });

  it('writes lost with the page stay in the journal, and the last one carries them all from the last committed version', async () => {
    const { repository, journal, autosave, id, edit } = await setUp();
    edit('已保存的');
    await waitForSaved(autosave);
    repository.lose = true;
    edit('已保存的，丢了的第一句');
    await nextTask();
    edit('已保存的，丢了的第一句，第二句');
    await nextTask();
    const [entry] = journal.read(id);
    if (!entry) throw new Error('no entry kept');
    expect(partText(entry.draft, 'problems', 'problems')).toBe('已保存的，丢了的第一句，第二句');
    expect(entry).toMatchObject({ revision: 4, confirmed: { revision: 2, writer: autosave.writer } });
    // The next tab finds storage at revision 2 and the lost writes in the journal.
    const settled = await settledDraft(repository, journal, id);
    expect(settled.stored?.revision).toBe(2);
    expect(partText(settled.unsaved?.draft, 'problems', 'problems')).toBe('已保存的，丢了的第一句，第二句');
  });
});

async function waitForSaved(autosave: Autosave): Promise<void> {
  for (let attempt = 0; attempt < 100 && autosave.getStatus().state !== 'saved'; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(autosave.getStatus().state).toBe('saved');
}

describe('settling a draft in IndexedDB', () => {
  it('answers only after a write another connection started before it has committed', async () => {
    const writing = await openIdbRepository();
    const created = await writing.create(draftWith('第一版'));
    if (!created.ok) throw new Error('not created');
    const taking = await openIdbRepository();
    const started = writing.save(created.record.id, draftWith('关页前的最后一版'), { revision: 1, writer: undefined }, {}, 'closing-tab');
    const settled = await settledDraft(taking, undefined, created.record.id);
    expect(settled.stored).toMatchObject({ revision: 2, writer: 'closing-tab' });
    expect(partText(settled.stored?.draft, 'problems', 'problems')).toBe('关页前的最后一版');
    expect((await started).ok).toBe(true);
  });

  it('gives a lost write back with the stored version it follows, and removes an entry that storage has moved past', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftWith('第一版'));
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    const journal = createUnsavedJournal(new MapStorage());
    journal.keep(write({ draftId: id, revision: 2, confirmed: { revision: 1, writer: undefined } }));
    const lost = await settledDraft(repository, journal, id);
    expect(lost.stored?.revision).toBe(1);
    expect(partText(lost.unsaved?.draft, 'problems', 'problems')).toBe('关页面前最后输入的');

    expect((await repository.save(id, draftWith('另一页写的'), 1, {}, 'tab-b')).ok).toBe(true);
    const moved = await settledDraft(repository, journal, id);
    expect(moved.unsaved).toBeUndefined();
    expect(journal.read(id)).toEqual([]);
  });

  it('of several editors’ entries, gives back the one that follows on from storage and removes the others', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftWith('第一版'));
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    const journal = createUnsavedJournal(new MapStorage());
    journal.keep(write({ draftId: id, writer: 'earlier-tab', revision: 1, confirmed: { revision: 0, writer: undefined }, draft: draftWith('更早的') }));
    journal.keep(write({ draftId: id, writer: 'closing-tab', revision: 2, confirmed: { revision: 1, writer: undefined }, draft: draftWith('关页前最后的') }));
    const settled = await settledDraft(repository, journal, id);
    expect(partText(settled.unsaved?.draft, 'problems', 'problems')).toBe('关页前最后的');
    expect(journal.read(id).map((entry) => entry.writer)).toEqual(['closing-tab']);
  });

  it('at start, entries of drafts no longer stored are removed; those of stored drafts stay', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(draftWith('第一版'));
    if (!created.ok) throw new Error('not created');
    const journal = createUnsavedJournal(new MapStorage());
    journal.keep(write({ draftId: created.record.id, revision: 2, confirmed: { revision: 1, writer: undefined } }));
    journal.keep(write({ draftId: 'deleted-draft' }));
    await forgetDeletedDrafts(repository, journal);
    expect(journal.draftIds()).toEqual([created.record.id]);
  });
});
