/**
 * The last write of each draft, kept in localStorage from the moment it starts until IndexedDB has
 * committed it.
 *
 * Why: a tab closed (or reloaded) a few milliseconds after a keystroke takes its IndexedDB transaction
 * with it. The transaction was started and told to commit, but a browser aborts the transactions of a
 * page that goes away before they are done. `localStorage.setItem` is synchronous: once it returns, the
 * browser holds the value whatever happens to the page. The tab that opens the draft next (the tab that
 * takes it over, the reloaded page) finds the write here and writes it again (`unsavedContinuing`).
 *
 * Only each editor's latest write of a draft is kept: each is a whole snapshot, so it carries every
 * earlier one. The entry goes when that write commits, or once the editor that wrote it again has.
 */
import { upgradeDraft } from '../domain/draft-migration.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { DraftRepository, ExpectedVersion, StoredDraft } from './draft-repository.ts';

const PREFIX = 'gov-info-annual-report:unsaved:';
/** Entries of another shape (an older or newer app) are not used. */
const ENTRY_VERSION = 1;

export interface UnsavedWrite {
  readonly draftId: string;
  /** The editor that started the write (`StoredDraft.writer`). */
  readonly writer: string;
  /** The revision the write leaves in storage once it commits. */
  readonly revision: number;
  /**
   * The version that editor last saw committed when it started this write. Its earlier writes, if any,
   * were still under way and follow on from it.
   */
  readonly confirmed: ExpectedVersion;
  readonly draft: Draft;
  readonly rawInputs: Record<string, string>;
}

/** Where the entries live: `localStorage`, or a stand-in in tests. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface UnsavedJournal {
  /** Keeps `write` until `committed` says it reached storage. Never throws: the journal is a second copy. */
  keep(write: UnsavedWrite): void;
  /** Storage committed `revision` of the draft, written by `writer`: that editor's entry is no longer needed. */
  committed(draftId: string, revision: number, writer: string | undefined): void;
  /** The draft's entries: one per editor whose last write is not known to have committed. */
  read(draftId: string): UnsavedWrite[];
  /** Removes the draft's entry of `writer`, or all its entries. */
  forget(draftId: string, writer?: string): void;
  /** The drafts that have an entry. */
  draftIds(): string[];
}

/**
 * One entry per draft and editor: a tab that loses the draft hands its last change over with a write
 * of its own, which must not take the place of the new owner's entry.
 */
function keyOf(draftId: string, writer: string): string {
  return `${PREFIX}${draftId}:${writer}`;
}

function isUnsavedWrite(value: unknown, draftId: string): value is UnsavedWrite {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const confirmed = entry['confirmed'] as Record<string, unknown> | null | undefined;
  return (
    entry['draftId'] === draftId &&
    typeof entry['writer'] === 'string' &&
    Number.isInteger(entry['revision']) &&
    typeof confirmed === 'object' &&
    confirmed !== null &&
    Number.isInteger(confirmed['revision']) &&
    typeof entry['draft'] === 'object' &&
    entry['draft'] !== null &&
    typeof entry['rawInputs'] === 'object' &&
    entry['rawInputs'] !== null
  );
}

export function createUnsavedJournal(storage: JournalStorage): UnsavedJournal {
  /** The journal's keys in storage (other keys of the page are left alone). */
  const keys = (prefix = PREFIX): string[] => {
    const found: string[] = [];
    try {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        if (key?.startsWith(prefix)) found.push(key);
      }
    } catch {
      return [];
    }
    return found;
  };
  const remove = (key: string) => {
    try {
      storage.removeItem(key);
    } catch {
      // Nothing to do: an entry that cannot be removed is ignored once storage has moved past it.
    }
  };
  const parse = (key: string, draftId: string): UnsavedWrite | undefined => {
    try {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      const parsed = JSON.parse(text) as { version?: unknown };
      if (parsed.version === ENTRY_VERSION && isUnsavedWrite(parsed, draftId) && key === keyOf(draftId, parsed.writer)) {
        const { version: _version, ...write } = parsed;
        return write;
      }
    } catch {
      // Unreadable: treated as no entry, and removed below.
    }
    remove(key);
    return undefined;
  };
  return {
    keep(write) {
      const key = keyOf(write.draftId, write.writer);
      const text = JSON.stringify({ version: ENTRY_VERSION, ...write });
      try {
        storage.setItem(key, text);
      } catch {
        // Full: the other entries are older second copies; this one is the newest. Try once more without
        // them, else go on without a second copy (IndexedDB still has the write under way).
        for (const other of keys()) if (other !== key) remove(other);
        try {
          storage.setItem(key, text);
        } catch {
          remove(key);
        }
      }
    },
    committed(draftId, revision, writer) {
      if (writer === undefined) return;
      const key = keyOf(draftId, writer);
      const entry = parse(key, draftId);
      if (entry && entry.revision === revision) remove(key);
    },
    read(draftId) {
      return keys(`${PREFIX}${draftId}:`).flatMap((key) => parse(key, draftId) ?? []);
    },
    forget(draftId, writer) {
      if (writer !== undefined) remove(keyOf(draftId, writer));
      else for (const key of keys(`${PREFIX}${draftId}:`)) remove(key);
    },
    draftIds() {
      return [...new Set(keys().map((key) => key.slice(PREFIX.length).split(':')[0]!))];
    },
  };
}

/** The browser's localStorage, or none where it is missing or refused (some private modes, file pages). */
export function browserJournal(): UnsavedJournal | undefined {
  try {
    if (typeof localStorage === 'undefined' || !localStorage) return undefined;
    return createUnsavedJournal(localStorage);
  } catch {
    return undefined;
  }
}

/**
 * Whether `write` was lost on its way to storage and follows on from what storage holds (`stored`): it
 * must be written again. It does when storage still holds the version its editor had last seen
 * committed, or one of that editor's own later writes older than it. Anything else (storage holds it
 * or a later version, another tab wrote since, the draft was deleted) makes the entry stale.
 */
export function unsavedContinuing(write: UnsavedWrite | undefined, stored: StoredDraft | undefined): boolean {
  if (!write || !stored) return false;
  if (stored.revision === write.confirmed.revision && stored.writer === write.confirmed.writer) return true;
  return stored.writer === write.writer && stored.revision > write.confirmed.revision && stored.revision < write.revision;
}

export interface SettledDraft {
  /** What storage holds once every write started before has finished. */
  readonly stored: StoredDraft | undefined;
  /** A write a page started and lost as it went, to be shown and written again. */
  readonly unsaved: UnsavedWrite | undefined;
}

/**
 * What a tab that has just become the draft's only writer starts from: storage, once the writes other
 * pages started have finished, and the journal's write when it was lost on the way (the latest, if
 * several editors' continue from storage). Stale entries are removed: this tab is the writer now,
 * nobody else will need them. The lost write's entry stays until this tab has written it again
 * (`Autosave.writeAgain`).
 *
 * The read is final: IndexedDB starts a transaction only after every readwrite transaction on the same
 * store created before it (by any page) has committed or aborted.
 */
export async function settledDraft(repository: DraftRepository, journal: UnsavedJournal | undefined, draftId: string): Promise<SettledDraft> {
  const stored = await repository.get(draftId);
  const entries = journal?.read(draftId) ?? [];
  let unsaved: UnsavedWrite | undefined;
  for (const entry of entries) {
    if (unsavedContinuing(entry, stored) && (!unsaved || entry.revision > unsaved.revision)) unsaved = entry;
  }
  // The write to make again stays until this tab's own write of it commits; it is stale from then on.
  for (const entry of entries) if (entry !== unsaved) journal?.forget(draftId, entry.writer);
  return { stored, unsaved: unsaved && { ...unsaved, draft: upgradeDraft(unsaved.draft) } };
}

/**
 * Removes the entries of drafts no longer stored (deleted here or in another tab). Entries of stored
 * drafts stay: their writer removes them as they commit, and the next tab to write the draft removes
 * a stale one (`settledDraft`).
 */
export async function forgetDeletedDrafts(repository: DraftRepository, journal: UnsavedJournal): Promise<void> {
  for (const draftId of journal.draftIds()) {
    const stored = await repository.get(draftId).catch(() => null);
    if (stored === undefined) journal.forget(draftId);
  }
}
