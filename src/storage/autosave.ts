/**
 * Saves the open draft on every change, without React: the form calls `schedule()` from a
 * subscription, the save indicator subscribes to the status.
 *
 * There is no debounce: a change waiting for a timer is what a reload, a closed tab or a crash takes
 * with it. Changes made in one task (a paste into fifty cells) are gathered in a microtask and written
 * at once, still before the browser can start to unload the page. Writes are not made to wait for the
 * previous one either: IndexedDB runs read-write transactions on the same store in the order they were
 * started, so each write is started at once and carries the version the writes before it will have
 * left (`expected`: that revision, written by this editor). The status turns to 已保存 only when the
 * last write started has committed.
 *
 * Each write is also kept in the journal (`unsaved-journal.ts`) from its start until it commits: a page
 * that goes away a moment after a keystroke can take its IndexedDB transaction with it, and the tab that
 * opens the draft next writes it again from there.
 */
import type { Draft } from '../domain/draft-types.ts';
import type { DraftChannel } from './draft-channel.ts';
import type { UnsavedJournal } from './unsaved-journal.ts';
import { newDraftId, type DraftRepository, type ExpectedVersion, type SaveResult, type StoredDraft } from './draft-repository.ts';

export type SaveStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'pending' }
  | { readonly state: 'saved'; readonly at: Date }
  /** Another tab or window saved this draft meanwhile; nothing was written. */
  | { readonly state: 'conflict'; readonly stored: StoredDraft | undefined }
  | { readonly state: 'refused'; readonly message: string };

export interface AutosaveOptions {
  readonly repository: DraftRepository;
  readonly draftId: string;
  readonly revision: number;
  /** Who wrote the stored revision (`StoredDraft.writer`). */
  readonly writer?: string | undefined;
  /** When the stored revision was written: the indicator starts at 已保存 <that time>. */
  readonly savedAt?: Date;
  /** The draft and its unparsed inputs as they are now (called at save time, not at change time). */
  readonly snapshot: () => { draft: Draft; rawInputs: Record<string, string> };
  readonly channel?: DraftChannel;
  /** Keeps each write until it commits (none: drafts kept in memory, tests of other things). */
  readonly journal?: UnsavedJournal | undefined;
  /** A tab that opens read-only starts disabled (default enabled). */
  readonly enabled?: boolean;
  readonly now?: () => Date;
}

export class Autosave {
  private status: SaveStatus = { state: 'idle' };
  private readonly listeners = new Set<() => void>();
  /** A change not yet handed to storage. */
  private dirty = false;
  private gathering = false;
  private enabled: boolean;
  /** The last revision storage confirmed for this tab's writes (or loaded). */
  private revision: number;
  /** Who wrote `revision`. */
  private confirmedWriter: string | undefined;
  /** What storage will hold once every write started so far has committed. */
  private expected: ExpectedVersion;
  /** This editor, as `StoredDraft.writer` and in its 'writing' announcements. */
  readonly writer = newDraftId();
  /** Writes started and not yet answered. */
  private inFlight: Promise<void>[] = [];
  /** Bumped by `reset`: answers to writes started before it no longer describe this tab's state. */
  private generation = 0;
  /** Writes are numbered as they start. */
  private started = 0;
  /**
   * Writes up to this number were started after a write that failed, before its failure was known:
   * they expected the version it would have written, so they fail with it and say nothing new.
   */
  private doomedUpTo = 0;
  /** The editor whose lost write this tab is writing again (`writeAgain`). */
  private carriedOver: string | undefined;

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.confirmedWriter = options.writer;
    this.expected = { revision: options.revision, writer: options.writer };
    this.enabled = options.enabled ?? true;
    if (options.savedAt) this.status = { state: 'saved', at: options.savedAt };
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get currentRevision(): number {
    return this.revision;
  }

  /** Something typed is not yet committed to storage (not written, or its write not answered). */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight.length > 0;
  }

  /** After the draft was reloaded from storage (take-over, newer version accepted). */
  reset(revision: number, savedAt?: Date, writer?: string): void {
    this.generation += 1;
    this.dirty = false;
    this.revision = revision;
    this.confirmedWriter = writer;
    this.expected = { revision, writer };
    this.setStatus(savedAt ? { state: 'saved', at: savedAt } : { state: 'idle' });
  }

  /**
   * A read-only tab never writes. A tab that loses the draft to another first hands what it holds to
   * storage, so a value typed a moment before the take-over is not lost.
   */
  setEnabled(enabled: boolean): void {
    if (!enabled && this.enabled) this.startWrite();
    this.enabled = enabled;
  }

  /**
   * Writes what the form holds, which shows a write another editor's page lost as it went
   * (`settledDraft`). That editor's journal entry is removed once this write has committed.
   */
  writeAgain(lostWriter: string): void {
    this.carriedOver = lostWriter;
    this.schedule();
  }

  /** A change: it is written before this task ends (changes of the same task in one write). */
  schedule(): void {
    if (!this.enabled) return;
    this.dirty = true;
    if (this.status.state !== 'conflict' && this.status.state !== 'refused') this.setStatus({ state: 'pending' });
    if (this.gathering) return;
    this.gathering = true;
    queueMicrotask(() => {
      this.gathering = false;
      this.startWrite();
    });
  }

  /**
   * Starts the write of anything not yet written, at once (the page is going away: `pagehide`,
   * hidden), and resolves when every write started so far is answered.
   */
  flush(): Promise<void> {
    this.startWrite();
    return this.settled();
  }

  /** Tries again after the browser refused (space freed, another window closed). */
  retry(): Promise<void> {
    this.dirty = true;
    this.setStatus({ state: 'pending' });
    return this.flush();
  }

  /**
   * Writes whatever this tab holds over the stored version (the clerk chose to keep this tab's text
   * after a conflict).
   */
  async overwrite(): Promise<void> {
    await this.settled();
    const current = await this.options.repository.get(this.options.draftId);
    this.reset(current?.revision ?? 0, undefined, current?.writer);
    this.dirty = true;
    this.setStatus({ state: 'pending' });
    await this.flush();
  }

  /** Nothing to stop: writes are never waiting on a timer. Subscribers unsubscribe themselves. */
  dispose(): void {}

  private async settled(): Promise<void> {
    while (this.inFlight.length > 0) await Promise.all(this.inFlight);
  }

  private startWrite(): void {
    if (!this.dirty || !this.enabled) return;
    // A conflict stays until the clerk decides; saving over it would be the silent overwrite we forbid.
    // A refusal is retried with the next change (the form still holds everything).
    if (this.status.state === 'conflict') return;
    this.dirty = false;
    const { draft, rawInputs } = this.options.snapshot();
    const at = (this.options.now ?? (() => new Date()))();
    const stamped: Draft = { ...draft, meta: { ...draft.meta, updatedAt: at.toISOString() } };
    const expected = this.expected;
    this.expected = { revision: expected.revision + 1, writer: this.writer };
    this.options.journal?.keep({
      draftId: this.options.draftId,
      writer: this.writer,
      revision: this.expected.revision,
      confirmed: { revision: this.revision, writer: this.confirmedWriter },
      draft: stamped,
      rawInputs,
    });
    this.options.channel?.announce({ type: 'writing', draftId: this.options.draftId, revision: this.expected.revision, writer: this.writer });
    const generation = this.generation;
    this.started += 1;
    const number = this.started;
    // The repository starts its transaction before returning the promise: the write is under way now.
    const answer = this.options.repository.save(this.options.draftId, stamped, expected, rawInputs, this.writer).catch(
      (error: unknown): SaveResult => ({ ok: false, reason: 'refused', message: String(error) }),
    );
    const done = answer.then((result) => this.answered(result, generation, number, at));
    this.inFlight.push(done);
    void done.finally(() => {
      this.inFlight = this.inFlight.filter((write) => write !== done);
    });
  }

  private answered(result: SaveResult, generation: number, number: number, at: Date): void {
    // In storage now, whatever this tab has done since: the journal's copy is no longer needed.
    if (result.ok) {
      this.options.journal?.committed(this.options.draftId, result.record.revision, this.writer);
      if (this.carriedOver !== undefined) this.options.journal?.forget(this.options.draftId, this.carriedOver);
      this.carriedOver = undefined;
    }
    if (generation !== this.generation) return;
    if (number <= this.doomedUpTo) {
      this.dirty = true;
      return;
    }
    if (result.ok) {
      this.revision = result.record.revision;
      this.confirmedWriter = this.writer;
      // The last write started so far has committed: everything typed is in storage.
      if (this.expected.revision === result.record.revision && !this.dirty) this.setStatus({ state: 'saved', at });
      this.options.channel?.announce({ type: 'saved', draftId: this.options.draftId, revision: this.revision });
      return;
    }
    this.doomedUpTo = this.started;
    // The next write starts from the last version storage confirmed (a conflict waits for the clerk).
    this.expected = { revision: this.revision, writer: this.confirmedWriter };
    this.dirty = true;
    if (result.reason === 'conflict') {
      this.setStatus({ state: 'conflict', stored: result.stored });
    } else {
      this.setStatus({ state: 'refused', message: result.message });
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.listeners.forEach((listener) => listener());
  }
}
