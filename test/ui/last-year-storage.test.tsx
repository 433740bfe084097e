// @vitest-environment happy-dom
/**
 * What is kept beside the drafts (src/storage/side-records.ts), in IndexedDB and in memory: last
 * year's report per draft and the supervisor's reviews. A database of the first version opens with
 * its drafts intact and gains the two stores.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryDraftRepository, type DraftRepository } from '../../src/storage/draft-repository.ts';
import { DB_NAME, openIdbRepository } from '../../src/storage/idb-repository.ts';
import type { ReviewSession } from '../../src/storage/side-records.ts';
import { office2022Draft } from './last-year-helpers.ts';
import { office2023Draft } from './ui-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const session = (id: string, openedAt: string): ReviewSession => ({
  id,
  fileName: `${id}.json`,
  openedAt,
  draft: office2023Draft(),
  pending: [{ id: 'p1', anchor: { kind: 'cell', cell: 'applications.newReceived.naturalPerson' }, text: '请核对' }],
  reviewer: { name: '王建国', role: '办公室主任' },
  outcome: null,
});

describe.each([
  ['IndexedDB', () => openIdbRepository() as Promise<DraftRepository>],
  ['memory', async () => new MemoryDraftRepository() as DraftRepository],
])('%s repository: beside the drafts', (_, open) => {
  it('keeps last year’s report per draft until it is changed, forgotten or the draft is deleted', async () => {
    const repository = await open();
    const created = await repository.create(office2023Draft());
    if (!created.ok) throw new Error('not created');
    const { id } = created.record;
    expect(await repository.getLastYear(id)).toBeUndefined();
    await repository.setLastYear(id, { kind: 'file', fileName: '2022.json', at: '2026-01-08T08:00:00.000Z', draft: office2022Draft() });
    expect(await repository.getLastYear(id)).toEqual({ kind: 'file', fileName: '2022.json', at: '2026-01-08T08:00:00.000Z', draft: office2022Draft() });
    // Saving the draft does not touch it, and it never enters the draft.
    const saved = await repository.save(id, office2023Draft(), created.record.revision);
    expect(saved.ok).toBe(true);
    expect((await repository.getLastYear(id))?.kind).toBe('file');
    expect(Object.keys((await repository.get(id))!.draft)).not.toContain('lastYear');

    await repository.setLastYear(id, { kind: 'none', at: '2026-01-08T09:00:00.000Z' });
    expect(await repository.getLastYear(id)).toEqual({ kind: 'none', at: '2026-01-08T09:00:00.000Z' });
    await repository.setLastYear(id, undefined);
    expect(await repository.getLastYear(id)).toBeUndefined();

    await repository.setLastYear(id, { kind: 'none', at: '2026-01-08T09:00:00.000Z' });
    await repository.remove(id);
    expect(await repository.getLastYear(id)).toBeUndefined();
  });

  it('keeps reviews newest first, updates and removes them', async () => {
    const repository = await open();
    await repository.putReview(session('a', '2026-01-08T08:00:00.000Z'));
    await repository.putReview(session('b', '2026-01-09T08:00:00.000Z'));
    expect((await repository.listReviews()).map((item) => item.id)).toEqual(['b', 'a']);
    await repository.putReview({ ...session('a', '2026-01-08T08:00:00.000Z'), pending: [] });
    expect((await repository.getReview('a'))?.pending).toEqual([]);
    await repository.removeReview('a');
    expect(await repository.getReview('a')).toBeUndefined();
    expect(await repository.list()).toEqual([]);
  });
});

describe('upgrading a database of the first version', () => {
  it('keeps every draft and adds the new stores', async () => {
    const old = await openDB(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('drafts', { keyPath: 'id' });
        database.createObjectStore('sections');
        database.createObjectStore('settings');
      },
    });
    const record = { id: 'old-1', draft: office2023Draft(), revision: 7, savedAt: '2025-12-01T08:00:00.000Z', rawInputs: {} };
    await old.put('drafts', record);
    await old.put('sections', 'applications', 'old-1');
    old.close();

    const repository = await openIdbRepository();
    expect(await repository.get('old-1')).toEqual(record);
    expect(await repository.getSection('old-1')).toBe('applications');
    await repository.setLastYear('old-1', { kind: 'none', at: '2026-01-08T09:00:00.000Z' });
    expect((await repository.getLastYear('old-1'))?.kind).toBe('none');
    await repository.putReview(session('r', '2026-01-08T08:00:00.000Z'));
    expect(await repository.listReviews()).toHaveLength(1);
  });
});
