/**
 * Saves the open draft shortly after every change, without React: the form calls `schedule()` from a
 * subscription, the save indicator subscribes to the status. A burst of typing is saved at most one
 * second after its first keystroke (debounce with a maximum wait), and saves never overlap.
 */
import type { Draft } from '../domain/draft-types.ts';
import type { DraftChannel } from './draft-channel.ts';
import type { DraftRepository, StoredDraft } from './draft-repository.ts';

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
  /** When the stored revision was written: the indicator starts at 已保存 <that time>. */
  readonly savedAt?: Date;
  /** The draft and its unparsed inputs as they are now (called at save time, not at change time). */
  readonly snapshot: () => { draft: Draft; rawInputs: Record<string, string> };
  readonly channel?: DraftChannel;
  readonly debounceMs?: number;
  readonly maxWaitMs?: number;
  readonly now?: () => Date;
}

export class Autosave {
  private status: SaveStatus = { state: 'idle' };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private running: Promise<void> = Promise.resolve();
  private dirty = false;
  private enabled = true;
  private revision: number;

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
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

  /** After the draft was reloaded from storage (take-over, newer version accepted). */
  reset(revision: number, savedAt?: Date): void {
    this.cancelTimer();
    this.dirty = false;
    this.revision = revision;
    this.setStatus(savedAt ? { state: 'saved', at: savedAt } : { state: 'idle' });
  }

  /** A read-only tab never writes. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.cancelTimer();
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  schedule(): void {
    if (!this.enabled) return;
    this.dirty = true;
    if (this.status.state !== 'conflict' && this.status.state !== 'refused') this.setStatus({ state: 'pending' });
    const now = Date.now();
    this.firstChangeAt ??= now;
    const debounce = this.options.debounceMs ?? 400;
    const maxWait = this.options.maxWaitMs ?? 1000;
    const wait = Math.max(0, Math.min(debounce, this.firstChangeAt + maxWait - now));
    this.cancelTimer();
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves now if anything changed; resolves when written (or refused). */
  flush(): Promise<void> {
    this.cancelTimer();
    this.running = this.running.then(() => this.write());
    return this.running;
  }

  /** Tries again after the browser refused (space freed, another window closed). */
  retry(): Promise<void> {
    this.dirty = true;
    return this.flush();
  }

  /**
   * Writes whatever this tab holds over the stored version (the clerk chose to keep this tab's text
   * after a conflict).
   */
  async overwrite(): Promise<void> {
    await this.running;
    const current = await this.options.repository.get(this.options.draftId);
    this.revision = current?.revision ?? 0;
    this.dirty = true;
    this.setStatus({ state: 'pending' });
    await this.flush();
  }

  /** Stops the pending timer (the owner flushes first). Subscribers unsubscribe themselves. */
  dispose(): void {
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.firstChangeAt = null;
  }

  private async write(): Promise<void> {
    if (!this.dirty || !this.enabled) return;
    // A conflict stays until the clerk decides; saving over it would be the silent overwrite we forbid.
    if (this.status.state === 'conflict') return;
    this.dirty = false;
    const { draft, rawInputs } = this.options.snapshot();
    const at = (this.options.now ?? (() => new Date()))();
    const stamped: Draft = { ...draft, meta: { ...draft.meta, updatedAt: at.toISOString() } };
    const result = await this.options.repository.save(this.options.draftId, stamped, this.revision, rawInputs);
    if (result.ok) {
      this.revision = result.record.revision;
      this.setStatus({ state: 'saved', at });
      this.options.channel?.announce({ type: 'saved', draftId: this.options.draftId, revision: this.revision });
    } else if (result.reason === 'conflict') {
      this.dirty = true;
      this.setStatus({ state: 'conflict', stored: result.stored });
    } else {
      // Kept dirty: the next change tries again, and the form still holds everything.
      this.dirty = true;
      this.setStatus({ state: 'refused', message: result.message });
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.listeners.forEach((listener) => listener());
  }
}
