/**
 * Drafts in IndexedDB (through `idb`). Each check-and-write happens inside one readwrite transaction,
 * so two tabs cannot both write unseen. `save` starts its transaction before it returns and waits for
 * nothing inside it (the caller relies on it to order writes and to get them under way before the page
 * goes).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { upgradeDraft } from '../domain/draft-migration.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { LastYearChoice, ReviewSession, StoredSigningKey } from './side-records.ts';
import {
  byLastSaved,
  byOpened,
  newDraftId,
  isExpected,
  sameAgency,
  type CreateResult,
  type ExpectedVersion,
  type DraftRepository,
  type SaveResult,
  type StoredDraft,
} from './draft-repository.ts';
import { refusalMessage } from './storage-errors.ts';

export const DB_NAME = 'gov-info-annual-report';
/** 2: `lastYear` and `reviews` (issue 5); 3: `signingKeys`. Upgrading only adds stores; drafts are untouched. */
export const DB_VERSION = 3;
const SIGNING_KEY_ID = 'reviewer';
const LAST_OPEN_KEY = 'lastOpenDraft';

interface ReportDb extends DBSchema {
  drafts: { key: string; value: StoredDraft };
  /** Current section per draft id; kept apart so that moving around never touches the draft's revision. */
  sections: { key: string; value: string };
  settings: { key: string; value: string | null };
  /** Last year's report per draft id (a copy), beside the draft so it never touches its content. */
  lastYear: { key: string; value: LastYearChoice };
  /** The supervisor's reviews of reports received as files. */
  reviews: { key: string; value: ReviewSession };
  /** The supervisor's signing key (one per browser profile), under `SIGNING_KEY_ID`. */
  signingKeys: { key: string; value: StoredSigningKey };
}

/** A draft stored by an older version of the app, brought up to date as reading its file would (draft-migration.ts). */
function upgraded(record: StoredDraft): StoredDraft {
  const draft = upgradeDraft(record.draft);
  return draft === record.draft ? record : { ...record, draft };
}

/** Last year's report as an older version of the app kept it beside a draft, brought up to date the same way. */
function upgradedLastYear(choice: LastYearChoice | undefined): LastYearChoice | undefined {
  if (!choice || choice.kind === 'none') return choice;
  const draft = upgradeDraft(choice.draft);
  return draft === choice.draft ? choice : { ...choice, draft };
}

/**
 * A review as an older version of the app kept it: the report received, the one sent back and last
 * year's, each brought up to date as reading their files again would. The review screens only know the
 * current draft format.
 */
function upgradedReview(session: ReviewSession): ReviewSession {
  const draft = upgradeDraft(session.draft);
  const outcomeDraft = session.outcome && upgradeDraft(session.outcome.draft);
  const lastYear = upgradedLastYear(session.lastYear);
  if (draft === session.draft && outcomeDraft === session.outcome?.draft && lastYear === session.lastYear) return session;
  return {
    ...session,
    draft,
    outcome: session.outcome && outcomeDraft ? { ...session.outcome, draft: outcomeDraft } : session.outcome,
    ...(lastYear === undefined ? {} : { lastYear }),
  };
}

/** The transaction's own error says why it aborted (e.g. QuotaExceededError); the rejection only says AbortError. */
function causeOf(error: unknown, tx: { error: DOMException | null } | undefined): unknown {
  return tx?.error ?? error;
}

/** `IDBTransaction.commit()` where the browser has it (all current ones; not some test stand-ins). */
function commitNow(tx: { commit?: () => void }): void {
  if (typeof tx.commit === 'function') tx.commit();
}

export class IdbDraftRepository implements DraftRepository {
  readonly persistent = true;

  constructor(private readonly db: IDBPDatabase<ReportDb>) {}

  /**
   * A readwrite transaction on the drafts. When it aborts (a full disk, the page going), the request
   * that failed says so where it is awaited; `done` would say it again, as an unhandled rejection, when
   * a failed request ends the method before it reaches `await tx.done`.
   */
  private writeDrafts() {
    const tx = this.db.transaction('drafts', 'readwrite');
    tx.done.catch(() => undefined);
    return tx;
  }

  async list(): Promise<StoredDraft[]> {
    return (await this.db.getAll('drafts')).map(upgraded).sort(byLastSaved);
  }

  async get(id: string): Promise<StoredDraft | undefined> {
    const record = await this.db.get('drafts', id);
    return record && upgraded(record);
  }

  async findByAgencyYear(agencyName: string, year: number): Promise<StoredDraft | undefined> {
    return (await this.list()).find((r) => r.draft.year === year && sameAgency(r.draft.agency.name, agencyName));
  }

  async create(draft: Draft): Promise<CreateResult> {
    let tx;
    try {
      tx = this.writeDrafts();
      const all = await tx.store.getAll();
      const existing = all.find((r) => r.draft.year === draft.year && sameAgency(r.draft.agency.name, draft.agency.name));
      if (existing) {
        await tx.done;
        return { ok: false, reason: 'duplicate', existing };
      }
      const record: StoredDraft = { id: newDraftId(), draft, revision: 1, savedAt: new Date().toISOString(), rawInputs: {} };
      await tx.store.put(record);
      await tx.done;
      return { ok: true, record };
    } catch (error) {
      return { ok: false, reason: 'refused', message: refusalMessage(causeOf(error, tx)) };
    }
  }

  /**
   * The write is started before this returns and nothing in it waits for an answer from the database:
   * the read of the stored revision, the write and the commit are all issued at once, so a reload or a
   * closed tab a moment after the keystroke cannot cut the write off halfway (a write that first waits
   * for its read is lost when the page goes meanwhile).
   *
   * The revision is checked after the fact, in the same transaction: the read sees what was there
   * before the write. If another tab or window had saved (or deleted) the draft since
   * `expected`, what it had saved is put back at once, exactly as it was, and the result is a
   * conflict: nothing it wrote is lost, and its next save goes on from there.
   */
  async save(id: string, draft: Draft, expected: number | ExpectedVersion, rawInputs: Record<string, string> = {}, writer?: string): Promise<SaveResult> {
    let tx;
    try {
      tx = this.writeDrafts();
      const revision = (typeof expected === 'number' ? expected : expected.revision) + 1;
      const record: StoredDraft = { id, draft, revision, savedAt: new Date().toISOString(), rawInputs, ...(writer === undefined ? {} : { writer }) };
      const before = tx.store.get(id);
      const written = tx.store.put(record);
      // Committing explicitly hands the write to the database at once: a transaction left to commit by
      // itself is still open when the page is reloaded or closed a moment later, and is lost with it.
      commitNow(tx);
      const [stored] = await Promise.all([before, written]);
      await tx.done;
      // A draft deleted elsewhere counts as revision 0: writing it again needs the clerk's explicit choice.
      if (!isExpected(stored, expected)) {
        await this.putBack(id, stored);
        return { ok: false, reason: 'conflict', stored };
      }
      return { ok: true, record };
    } catch (error) {
      return { ok: false, reason: 'refused', message: refusalMessage(causeOf(error, tx)) };
    }
  }

  /** Undoes a write that found another writer's version: restores that version (or its deletion). */
  private async putBack(id: string, stored: StoredDraft | undefined): Promise<void> {
    const tx = this.db.transaction('drafts', 'readwrite');
    if (stored) void tx.store.put(stored);
    else void tx.store.delete(id);
    commitNow(tx);
    await tx.done;
  }

  async replace(id: string, draft: Draft): Promise<SaveResult> {
    let tx;
    try {
      tx = this.writeDrafts();
      const stored = await tx.store.get(id);
      const record: StoredDraft = { id, draft, revision: (stored?.revision ?? 0) + 1, savedAt: new Date().toISOString(), rawInputs: {} };
      await tx.store.put(record);
      await tx.done;
      return { ok: true, record };
    } catch (error) {
      return { ok: false, reason: 'refused', message: refusalMessage(causeOf(error, tx)) };
    }
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['drafts', 'sections', 'settings', 'lastYear'], 'readwrite');
    await tx.objectStore('drafts').delete(id);
    await tx.objectStore('sections').delete(id);
    await tx.objectStore('lastYear').delete(id);
    if ((await tx.objectStore('settings').get(LAST_OPEN_KEY)) === id) await tx.objectStore('settings').put(null, LAST_OPEN_KEY);
    await tx.done;
  }

  async getSection(id: string): Promise<string | undefined> {
    return this.db.get('sections', id);
  }

  async setSection(id: string, section: string): Promise<void> {
    await this.db.put('sections', section, id);
  }

  async getLastOpen(): Promise<string | null> {
    return (await this.db.get('settings', LAST_OPEN_KEY)) ?? null;
  }

  async setLastOpen(id: string | null): Promise<void> {
    await this.db.put('settings', id, LAST_OPEN_KEY);
  }

  async getLastYear(id: string): Promise<LastYearChoice | undefined> {
    return upgradedLastYear(await this.db.get('lastYear', id));
  }

  async setLastYear(id: string, choice: LastYearChoice | undefined): Promise<void> {
    if (choice) await this.db.put('lastYear', choice, id);
    else await this.db.delete('lastYear', id);
  }

  async listReviews(): Promise<ReviewSession[]> {
    return (await this.db.getAll('reviews')).map(upgradedReview).sort(byOpened);
  }

  async getReview(id: string): Promise<ReviewSession | undefined> {
    const session = await this.db.get('reviews', id);
    return session && upgradedReview(session);
  }

  async putReview(session: ReviewSession): Promise<void> {
    await this.db.put('reviews', session);
  }

  async removeReview(id: string): Promise<void> {
    await this.db.delete('reviews', id);
  }

  async getSigningKey(): Promise<StoredSigningKey | undefined> {
    return this.db.get('signingKeys', SIGNING_KEY_ID);
  }

  async putSigningKey(key: StoredSigningKey): Promise<void> {
    await this.db.put('signingKeys', key, SIGNING_KEY_ID);
  }

  async removeSigningKey(): Promise<void> {
    await this.db.delete('signingKeys', SIGNING_KEY_ID);
  }
}

/**
 * Opens the database and proves that it can write (private modes of some browsers open it and then
 * refuse every write). Throws when the browser will not store; the caller falls back to memory.
 */
export async function openIdbRepository(): Promise<IdbDraftRepository> {
  // `idb` opens through the global factory; without one (old embedded browsers) there is nothing to open.
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is not available');
  const db = await openDB<ReportDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('drafts')) database.createObjectStore('drafts', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('sections')) database.createObjectStore('sections');
      if (!database.objectStoreNames.contains('settings')) database.createObjectStore('settings');
      if (!database.objectStoreNames.contains('lastYear')) database.createObjectStore('lastYear');
      if (!database.objectStoreNames.contains('reviews')) database.createObjectStore('reviews', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('signingKeys')) database.createObjectStore('signingKeys');
    },
    // A newer version of the app opened in another tab: let it upgrade rather than block it.
    blocking() {
      db.close();
    },
  });
  await db.put('settings', new Date().toISOString(), 'writeProbe');
  return new IdbDraftRepository(db);
}
