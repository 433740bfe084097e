/**
 * Drafts in IndexedDB (through `idb`). Each check-and-write happens inside one readwrite transaction,
 * so two tabs cannot both pass the revision check and both write.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { upgradeDraft } from '../domain/draft-migration.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { LastYearChoice, ReviewSession } from './side-records.ts';
import {
  byLastSaved,
  byOpened,
  newDraftId,
  sameAgency,
  type CreateResult,
  type DraftRepository,
  type SaveResult,
  type StoredDraft,
} from './draft-repository.ts';
import { refusalMessage } from './storage-errors.ts';

export const DB_NAME = 'gov-info-annual-report';
/** 2: `lastYear` and `reviews` (issue 5). Upgrading only adds stores; drafts are untouched. */
const DB_VERSION = 2;
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
}

/** A draft stored by an older version of the app, brought up to date as reading its file would (draft-migration.ts). */
function upgraded(record: StoredDraft): StoredDraft {
  const draft = upgradeDraft(record.draft);
  return draft === record.draft ? record : { ...record, draft };
}

/** The transaction's own error says why it aborted (e.g. QuotaExceededError); the rejection only says AbortError. */
function causeOf(error: unknown, tx: { error: DOMException | null } | undefined): unknown {
  return tx?.error ?? error;
}

export class IdbDraftRepository implements DraftRepository {
  readonly persistent = true;

  constructor(private readonly db: IDBPDatabase<ReportDb>) {}

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
      tx = this.db.transaction('drafts', 'readwrite');
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

  async save(id: string, draft: Draft, expectedRevision: number, rawInputs: Record<string, string> = {}): Promise<SaveResult> {
    return this.write(id, draft, rawInputs, expectedRevision);
  }

  async replace(id: string, draft: Draft): Promise<SaveResult> {
    return this.write(id, draft, {}, null);
  }

  private async write(id: string, draft: Draft, rawInputs: Record<string, string>, expectedRevision: number | null): Promise<SaveResult> {
    let tx;
    try {
      tx = this.db.transaction('drafts', 'readwrite');
      const stored = await tx.store.get(id);
      // A draft deleted elsewhere counts as revision 0: writing it again needs the clerk's explicit choice.
      if (expectedRevision !== null && (stored?.revision ?? 0) !== expectedRevision) {
        await tx.done;
        return { ok: false, reason: 'conflict', stored };
      }
      const record: StoredDraft = {
        id,
        draft,
        revision: (stored?.revision ?? 0) + 1,
        savedAt: new Date().toISOString(),
        rawInputs,
      };
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
    return this.db.get('lastYear', id);
  }

  async setLastYear(id: string, choice: LastYearChoice | undefined): Promise<void> {
    if (choice) await this.db.put('lastYear', choice, id);
    else await this.db.delete('lastYear', id);
  }

  async listReviews(): Promise<ReviewSession[]> {
    return (await this.db.getAll('reviews')).sort(byOpened);
  }

  async getReview(id: string): Promise<ReviewSession | undefined> {
    return this.db.get('reviews', id);
  }

  async putReview(session: ReviewSession): Promise<void> {
    await this.db.put('reviews', session);
  }

  async removeReview(id: string): Promise<void> {
    await this.db.delete('reviews', id);
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
    },
    // A newer version of the app opened in another tab: let it upgrade rather than block it.
    blocking() {
      db.close();
    },
  });
  await db.put('settings', new Date().toISOString(), 'writeProbe');
  return new IdbDraftRepository(db);
}
