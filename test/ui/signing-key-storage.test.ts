// @vitest-environment happy-dom
/**
 * The supervisor's signing key in IndexedDB (database version 3): stored as a non-extractable CryptoKey
 * that still signs after being read back, and the upgrade from version 2 keeps every draft and review.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { verifyPayload, signPayload, type SignedApprovalPayload } from '../../src/domain/signing.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { MemoryDraftRepository, type DraftRepository } from '../../src/storage/draft-repository.ts';
import { DB_NAME, DB_VERSION, openIdbRepository } from '../../src/storage/idb-repository.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const payload: SignedApprovalPayload = { contentHash: 'a'.repeat(64), reviewer: '王建国', role: '办公室主任', at: '2024-01-20T08:06:00.000Z', settings: { requireApproval: true }, round: 1 };

describe.each([
  ['IndexedDB', () => openIdbRepository() as Promise<DraftRepository>],
  ['memory', async () => new MemoryDraftRepository() as DraftRepository],
])('%s repository: the signing key', (_, open) => {
  it('is kept, read back still non-extractable and able to sign, and can be removed', async () => {
    const repository = await open();
    expect(await repository.getSigningKey()).toBeUndefined();
    const key = await testSigningKey();
    await repository.putSigningKey({ name: '王建国', role: '办公室主任', createdAt: '2024-01-01T00:00:00.000Z', key });
    const stored = await repository.getSigningKey();
    expect(stored).toMatchObject({ name: '王建国', role: '办公室主任', key: { fingerprint: key.fingerprint, publicKey: key.publicKey } });
    expect(stored!.key.privateKey.extractable).toBe(false);
    expect(await verifyPayload(key.publicKey, payload, await signPayload(stored!.key, payload))).toBe(true);
    await repository.removeSigningKey();
    expect(await repository.getSigningKey()).toBeUndefined();
  });
});

describe('upgrading the database from version 2', () => {
  it('adds the signing-key store and keeps the drafts and reviews written by version 2', async () => {
    expect(DB_VERSION).toBe(3);
    const draft = emptyDraft(report2021, 2025, '某某县教育局', new Date('2026-01-05T08:00:00Z'));
    // The database as version 2 of the app created it.
    const old = await openDB(DB_NAME, 2, {
      upgrade(database) {
        database.createObjectStore('drafts', { keyPath: 'id' });
        database.createObjectStore('sections');
        database.createObjectStore('settings');
        database.createObjectStore('lastYear');
        database.createObjectStore('reviews', { keyPath: 'id' });
      },
    });
    await old.put('drafts', { id: 'd1', draft, revision: 4, savedAt: '2026-01-05T08:00:00Z', rawInputs: { 'applications.newReceived.naturalPerson': '12a' } });
    await old.put('reviews', { id: 'r1', fileName: '送审.json', openedAt: '2026-01-06T08:00:00Z', draft, pending: [], reviewer: { name: '', role: '' }, outcome: null });
    old.close();

    const repository = await openIdbRepository();
    expect(await repository.get('d1')).toMatchObject({ id: 'd1', revision: 4, draft, rawInputs: { 'applications.newReceived.naturalPerson': '12a' } });
    expect((await repository.listReviews()).map((review) => review.id)).toEqual(['r1']);
    const key = await testSigningKey();
    await repository.putSigningKey({ name: '王建国', role: '办公室主任', createdAt: '2026-01-06T08:00:00Z', key });
    expect((await repository.getSigningKey())?.key.fingerprint).toBe(key.fingerprint);
  });
});
