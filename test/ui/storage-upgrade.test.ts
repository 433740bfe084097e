// @vitest-environment happy-dom
/**
 * Drafts the previous version of the app left in the browser's storage (draft format 1: no revision
 * recorded) come back from the repository brought up to date, their content unchanged.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_FORMAT_VERSION } from '../../src/domain/draft-types.ts';
import { DB_NAME, openIdbRepository } from '../../src/storage/idb-repository.ts';
import { district2020Draft } from './ui-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('drafts stored by the previous version', () => {
  it('are read back in the current draft format, revision 1 of their format, content unchanged', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(district2020Draft());
    if (!created.ok) throw new Error('not created');
    // What the previous version stored: the same draft without the revision, format version 1.
    const db = await openDB(DB_NAME);
    const record = await db.get('drafts', created.record.id);
    const { templateRevision: _revision, formatVersion: _version, ...old } = record.draft;
    await db.put('drafts', { ...record, draft: { ...old, formatVersion: 1 } });
    db.close();

    for (const read of [await repository.get(created.record.id), (await repository.list())[0]]) {
      expect(read?.draft.formatVersion).toBe(DRAFT_FORMAT_VERSION);
      expect(read?.draft.templateRevision).toBe(1);
      const { formatVersion: _a, templateRevision: _b, ...content } = read!.draft;
      expect(content).toEqual(old);
    }
  });

  it('a draft already current comes back as stored', async () => {
    const repository = await openIdbRepository();
    const created = await repository.create(district2020Draft());
    if (!created.ok) throw new Error('not created');
    expect((await repository.get(created.record.id))?.draft).toEqual(district2020Draft());
  });
});
