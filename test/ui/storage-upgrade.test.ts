// @vitest-environment happy-dom
/**
 * Drafts the previous version of the app left in the browser's storage (draft format 1: no revision
 * recorded) come back from the repository brought up to date, their content unchanged; so do the
 * drafts kept beside them (last year's report of a draft, the reports of a supervisor's review).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_FORMAT_VERSION } from '../../src/domain/draft-types.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { DB_NAME, openIdbRepository } from '../../src/storage/idb-repository.ts';
import type { ReviewSession } from '../../src/storage/side-records.ts';
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

/** The draft as the previous version stored it (format version 1, no template revision), and its content. */
function previousVersionOf(draft: Draft) {
  const { templateRevision: _revision, formatVersion: _version, ...content } = draft;
  return { stored: { ...content, formatVersion: 1 } as unknown as Draft, content };
}

function expectCurrent(read: Draft | undefined, content: object) {
  expect(read?.formatVersion).toBe(DRAFT_FORMAT_VERSION);
  expect(read?.templateRevision).toBe(1);
  const { formatVersion: _a, templateRevision: _b, ...rest } = read!;
  expect(rest).toEqual(content);
}

describe('drafts kept beside the drafts by the previous version', () => {
  it("last year's report of a draft (a file attached, or a stored draft picked) is read back in the current format", async () => {
    const repository = await openIdbRepository();
    const old = previousVersionOf(district2020Draft());
    await repository.setLastYear('d-file', { kind: 'file', fileName: '2019年报告.draft.json', at: '2026-01-05T08:00:00.000Z', draft: old.stored });
    await repository.setLastYear('d-stored', { kind: 'stored', draftId: 'x', at: '2026-01-05T08:00:00.000Z', draft: old.stored });
    await repository.setLastYear('d-none', { kind: 'none', at: '2026-01-05T08:00:00.000Z' });
    const file = await repository.getLastYear('d-file');
    const stored = await repository.getLastYear('d-stored');
    expectCurrent(file?.kind === 'file' ? file.draft : undefined, old.content);
    expectCurrent(stored?.kind === 'stored' ? stored.draft : undefined, old.content);
    expect(file).toMatchObject({ kind: 'file', fileName: '2019年报告.draft.json' });
    expect(await repository.getLastYear('d-none')).toEqual({ kind: 'none', at: '2026-01-05T08:00:00.000Z' });
  });

  it('a review: the report received, the one sent back and last year’s are read back in the current format, the comments as kept', async () => {
    const repository = await openIdbRepository();
    const old = previousVersionOf(district2020Draft());
    const session: ReviewSession = {
      id: 'r1',
      fileName: '某某区2020年报告.draft.json',
      openedAt: '2026-01-06T08:00:00.000Z',
      draft: old.stored,
      pending: [{ id: 'c1', anchor: { kind: 'cell', cell: 'proactive.normativeDocuments.issued' }, text: '请核对表三。' }],
      reviewer: { name: '王审核', role: '办公室主任' },
      outcome: { kind: 'returned', draft: old.stored, fileName: '退回.draft.json', at: '2026-01-06T09:00:00.000Z' },
      lastYear: { kind: 'file', fileName: '上年.draft.json', at: '2026-01-06T08:10:00.000Z', draft: old.stored },
    };
    await repository.putReview(session);
    for (const read of [await repository.getReview('r1'), (await repository.listReviews())[0]]) {
      expectCurrent(read?.draft, old.content);
      expectCurrent(read?.outcome?.draft, old.content);
      expectCurrent(read?.lastYear?.kind === 'file' ? read.lastYear.draft : undefined, old.content);
      expect(read?.pending).toEqual(session.pending);
      expect(read?.outcome).toMatchObject({ kind: 'returned', fileName: '退回.draft.json' });
    }
  });
});
