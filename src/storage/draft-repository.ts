/**
 * Where drafts are kept in this browser. One interface, two implementations: IndexedDB
 * (`idb-repository.ts`) and memory (`MemoryDraftRepository`, used when the browser refuses to store,
 * so the clerk can keep working and download the draft file).
 *
 * Every write of a draft carries the revision the writer last saw. A write that finds a different
 * revision in storage does not overwrite it: another tab (or window) has saved meanwhile, and the
 * clerk must decide. This is the last line of defence behind the tab guard (`tab-guard.ts`).
 */
import type { Draft } from '../domain/draft-types.ts';
import type { LastYearChoice, ReviewSession, StoredSigningKey } from './side-records.ts';
import { refusalMessage } from './storage-errors.ts';

export interface StoredDraft {
  /** Stable id, independent of the agency name (which the clerk may correct). */
  readonly id: string;
  readonly draft: Draft;
  /** Increases by one with every write. */
  readonly revision: number;
  /** ISO time of the last write. */
  readonly savedAt: string;
  /** Form text that is not a number yet (e.g. `12a`), keyed by cell key: restored as typed. */
  readonly rawInputs: Readonly<Record<string, string>>;
  /**
   * Which open editor wrote this revision (a random id per editor). A page that writes while its
   * previous write is still under way expects its own next revision; the writer tells that revision
   * apart from the same revision number written by another tab meanwhile. Absent in older records.
   */
  readonly writer?: string;
}

/** The version a write expects to find: its revision and, when known, who wrote it. */
export interface ExpectedVersion {
  readonly revision: number;
  readonly writer: string | undefined;
}

/** A number checks the revision only; an `ExpectedVersion` checks the writer too. */
export function isExpected(stored: StoredDraft | undefined, expected: number | ExpectedVersion): boolean {
  if (typeof expected === 'number') return (stored?.revision ?? 0) === expected;
  return (stored?.revision ?? 0) === expected.revision && stored?.writer === expected.writer;
}

function revisionOf(expected: number | ExpectedVersion): number {
  return typeof expected === 'number' ? expected : expected.revision;
}

export type SaveResult =
  | { ok: true; record: StoredDraft }
  /** Someone else saved since `expectedRevision`; nothing was written. `stored` is what is there now. */
  | { ok: false; reason: 'conflict'; stored: StoredDraft | undefined }
  /** The browser refused to store (quota, private mode, IndexedDB broken). Chinese message. */
  | { ok: false; reason: 'refused'; message: string };

export type CreateResult =
  | { ok: true; record: StoredDraft }
  | { ok: false; reason: 'duplicate'; existing: StoredDraft }
  | { ok: false; reason: 'refused'; message: string };

export interface DraftRepository {
  /** False when drafts only live in this page's memory. */
  readonly persistent: boolean;
  list(): Promise<StoredDraft[]>;
  get(id: string): Promise<StoredDraft | undefined>;
  /** The draft of this agency and year, if any (one per agency and year). */
  findByAgencyYear(agencyName: string, year: number): Promise<StoredDraft | undefined>;
  /** Stores a new draft; refuses a second draft for the same agency and year. */
  create(draft: Draft): Promise<CreateResult>;
  /**
   * Writes `draft` as the revision after `expected` if the stored version is still `expected`;
   * otherwise the stored version stays (IndexedDB puts it back within a moment, see `idb-repository.ts`)
   * and the result is a conflict. The write is under way when this returns. `writer` is recorded.
   */
  save(id: string, draft: Draft, expected: number | ExpectedVersion, rawInputs?: Record<string, string>, writer?: string): Promise<SaveResult>;
  /** Replaces a stored draft whatever its revision (the clerk confirmed it). */
  replace(id: string, draft: Draft): Promise<SaveResult>;
  remove(id: string): Promise<void>;
  /** The section the clerk was on in this draft (restored after a reload). */
  getSection(id: string): Promise<string | undefined>;
  setSection(id: string, section: string): Promise<void>;
  /** The draft open when the app was last left (null: the home screen). */
  getLastOpen(): Promise<string | null>;
  setLastOpen(id: string | null): Promise<void>;
  /** Last year's report chosen for a draft; `undefined`: none chosen (the app then looks for one itself). */
  getLastYear(id: string): Promise<LastYearChoice | undefined>;
  /** `undefined` forgets the choice. Deleting the draft forgets it too. */
  setLastYear(id: string, choice: LastYearChoice | undefined): Promise<void>;
  /** Reviews of reports received as files (the supervisor's side), newest first. */
  listReviews(): Promise<ReviewSession[]>;
  getReview(id: string): Promise<ReviewSession | undefined>;
  putReview(session: ReviewSession): Promise<void>;
  removeReview(id: string): Promise<void>;
  /** The supervisor's signing key kept in this browser; `undefined`: none created or imported yet. */
  getSigningKey(): Promise<StoredSigningKey | undefined>;
  putSigningKey(key: StoredSigningKey): Promise<void>;
  removeSigningKey(): Promise<void>;
}

/** Agency names compare without surrounding or doubled spaces (a clerk's typing slips). */
export function sameAgency(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export function newDraftId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Newest first: the draft the clerk worked on last is at the top of the home list. */
export function byLastSaved(a: StoredDraft, b: StoredDraft): number {
  return b.savedAt.localeCompare(a.savedAt);
}

/** Newest first, like the drafts. */
export function byOpened(a: ReviewSession, b: ReviewSession): number {
  return b.openedAt.localeCompare(a.openedAt);
}

/** Drafts kept in this page only. Same rules as the IndexedDB one, including revision checks. */
export class MemoryDraftRepository implements DraftRepository {
  readonly persistent = false;
  private readonly drafts = new Map<string, StoredDraft>();
  private readonly sections = new Map<string, string>();
  private readonly lastYear = new Map<string, LastYearChoice>();
  private readonly reviews = new Map<string, ReviewSession>();
  private signingKey: StoredSigningKey | undefined;
  private lastOpen: string | null = null;

  async list(): Promise<StoredDraft[]> {
    return [...this.drafts.values()].map((record) => structuredClone(record)).sort(byLastSaved);
  }

  async get(id: string): Promise<StoredDraft | undefined> {
    const record = this.drafts.get(id);
    return record && structuredClone(record);
  }

  async findByAgencyYear(agencyName: string, year: number): Promise<StoredDraft | undefined> {
    return (await this.list()).find((r) => r.draft.year === year && sameAgency(r.draft.agency.name, agencyName));
  }

  async create(draft: Draft): Promise<CreateResult> {
    const existing = await this.findByAgencyYear(draft.agency.name, draft.year);
    if (existing) return { ok: false, reason: 'duplicate', existing };
    const record: StoredDraft = { id: newDraftId(), draft: structuredClone(draft), revision: 1, savedAt: new Date().toISOString(), rawInputs: {} };
    this.drafts.set(record.id, record);
    return { ok: true, record: structuredClone(record) };
  }

  async save(id: string, draft: Draft, expected: number | ExpectedVersion, rawInputs: Record<string, string> = {}, writer?: string): Promise<SaveResult> {
    const stored = this.drafts.get(id);
    if (!isExpected(stored, expected)) return { ok: false, reason: 'conflict', stored: stored && structuredClone(stored) };
    return this.write(id, draft, revisionOf(expected) + 1, rawInputs, writer);
  }

  async replace(id: string, draft: Draft): Promise<SaveResult> {
    return this.write(id, draft, (this.drafts.get(id)?.revision ?? 0) + 1, {}, undefined);
  }

  private write(id: string, draft: Draft, revision: number, rawInputs: Record<string, string>, writer: string | undefined): SaveResult {
    try {
      const record: StoredDraft = {
        id,
        draft: structuredClone(draft),
        revision,
        savedAt: new Date().toISOString(),
        rawInputs: { ...rawInputs },
        ...(writer === undefined ? {} : { writer }),
      };
      this.drafts.set(id, record);
      return { ok: true, record: structuredClone(record) };
    } catch (error) {
      return { ok: false, reason: 'refused', message: refusalMessage(error) };
    }
  }

  async remove(id: string): Promise<void> {
    this.drafts.delete(id);
    this.sections.delete(id);
    this.lastYear.delete(id);
    if (this.lastOpen === id) this.lastOpen = null;
  }

  async getSection(id: string): Promise<string | undefined> {
    return this.sections.get(id);
  }

  async setSection(id: string, section: string): Promise<void> {
    this.sections.set(id, section);
  }

  async getLastOpen(): Promise<string | null> {
    return this.lastOpen;
  }

  async setLastOpen(id: string | null): Promise<void> {
    this.lastOpen = id;
  }

  async getLastYear(id: string): Promise<LastYearChoice | undefined> {
    const choice = this.lastYear.get(id);
    return choice && structuredClone(choice);
  }

  async setLastYear(id: string, choice: LastYearChoice | undefined): Promise<void> {
    if (choice) this.lastYear.set(id, structuredClone(choice));
    else this.lastYear.delete(id);
  }

  async listReviews(): Promise<ReviewSession[]> {
    return [...this.reviews.values()].map((session) => structuredClone(session)).sort(byOpened);
  }

  async getReview(id: string): Promise<ReviewSession | undefined> {
    const session = this.reviews.get(id);
    return session && structuredClone(session);
  }

  async putReview(session: ReviewSession): Promise<void> {
    this.reviews.set(session.id, structuredClone(session));
  }

  async removeReview(id: string): Promise<void> {
    this.reviews.delete(id);
  }

  async getSigningKey(): Promise<StoredSigningKey | undefined> {
    return this.signingKey;
  }

  async putSigningKey(key: StoredSigningKey): Promise<void> {
    this.signingKey = key;
  }

  async removeSigningKey(): Promise<void> {
    this.signingKey = undefined;
  }
}
