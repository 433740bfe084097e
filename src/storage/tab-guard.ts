/**
 * One editing tab per draft. The first tab that opens a draft owns it; a later tab is told and stays
 * read-only until the clerk takes over there (the first tab is then told and turns read-only) or the
 * owning tab closes (the waiting tab then becomes the owner by itself).
 *
 * Web Locks do the work where the browser has them: the lock is held for as long as the draft is open
 * and is released by the browser even when a tab crashes. Without Web Locks, a BroadcastChannel
 * handshake stands in. Without either, every tab owns its draft and the revision check in storage
 * (`DraftRepository.save`) still stops a silent overwrite.
 */

export type TabMode = 'pending' | 'owner' | 'readonly';

export interface TabGuardState {
  readonly mode: TabMode;
  /** Why this tab is read-only. */
  readonly reason: 'open-elsewhere' | 'taken-over' | null;
  /** Incremented each time this tab becomes the owner after having been read-only: reload the draft then. */
  readonly ownerSince: number;
}

export interface TabGuard {
  getState(): TabGuardState;
  subscribe(listener: () => void): () => void;
  /** Make this tab the owner; the other tab becomes read-only. */
  takeOver(): Promise<void>;
  release(): void;
}

export interface TabGuardEnvironment {
  readonly locks?: LockManager | undefined;
  readonly createChannel?: ((name: string) => BroadcastChannel) | undefined;
  /** How long a tab waits for an answer in the BroadcastChannel handshake. */
  readonly handshakeMs?: number;
}

const LOCK_PREFIX = 'gov-info-annual-report:draft:';
const TAB_CHANNEL = 'gov-info-annual-report:tabs';

function defaultEnvironment(): TabGuardEnvironment {
  return {
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
    createChannel: typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : undefined,
  };
}

class StateHolder {
  private state: TabGuardState = { mode: 'pending', reason: null, ownerSince: 0 };
  private readonly listeners = new Set<() => void>();
  private wasReadonly = false;

  get(): TabGuardState {
    return this.state;
  }

  set(mode: TabMode, reason: TabGuardState['reason'] = null): void {
    let ownerSince = this.state.ownerSince;
    if (mode === 'owner' && this.wasReadonly) ownerSince += 1;
    if (mode === 'readonly') this.wasReadonly = true;
    if (mode === 'owner') this.wasReadonly = false;
    this.state = { mode, reason, ownerSince };
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError';
}

/** Web Locks: hold `draft:<id>` while open; `steal` to take over. */
function lockGuard(draftId: string, locks: LockManager): TabGuard {
  const holder = new StateHolder();
  const name = LOCK_PREFIX + draftId;
  let releaseHeld: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let released = false;

  const hold = () =>
    new Promise<void>((resolve) => {
      releaseHeld = resolve;
    });

  const onLockLost = (error: unknown) => {
    if (released) return;
    if (isAbort(error)) {
      holder.set('readonly', 'taken-over');
      waitForRelease();
    }
  };

  // Read-only tabs queue for the lock: when the owner closes, they become the owner.
  const waitForRelease = () => {
    if (released || waiting) return;
    waiting = new AbortController();
    locks
      .request(name, { signal: waiting.signal }, () => {
        waiting = null;
        if (released) return undefined;
        holder.set('owner');
        return hold();
      })
      .catch((error: unknown) => {
        waiting = null;
        onLockLost(error);
      });
  };

  // A lock released a moment ago (this page reloaded, React re-mounted the editor) can still be held
  // for a few milliseconds: look twice before telling the clerk another tab has the draft.
  const tryOnce = (retriesLeft: number) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (released) return undefined;
        if (!lock) {
          if (retriesLeft > 0) setTimeout(() => tryOnce(retriesLeft - 1), 120);
          else {
            holder.set('readonly', 'open-elsewhere');
            waitForRelease();
          }
          return undefined;
        }
        holder.set('owner');
        return hold();
      })
      .catch(onLockLost);
  };
  tryOnce(1);

  return {
    getState: () => holder.get(),
    subscribe: (listener) => holder.subscribe(listener),
    async takeOver() {
      if (released) return;
      waiting?.abort();
      waiting = null;
      await new Promise<void>((granted) => {
        locks
          .request(name, { steal: true }, () => {
            holder.set('owner');
            granted();
            return hold();
          })
          .catch(onLockLost);
      });
    },
    release() {
      released = true;
      waiting?.abort();
      (releaseHeld as (() => void) | null)?.();
    },
  };
}

interface TabMessage {
  readonly type: 'claim' | 'owned' | 'takeover' | 'released';
  readonly draftId: string;
  readonly tabId: string;
}

/** BroadcastChannel handshake for browsers without Web Locks. */
function channelGuard(draftId: string, channel: BroadcastChannel, handshakeMs: number): TabGuard {
  const holder = new StateHolder();
  const tabId = Math.random().toString(36).slice(2);
  let released = false;
  let answered = false;
  const post = (type: TabMessage['type']) => channel.postMessage({ type, draftId, tabId } satisfies TabMessage);

  const claim = () => {
    answered = false;
    post('claim');
    setTimeout(() => {
      if (released || holder.get().mode === 'owner') return;
      if (answered) holder.set('readonly', holder.get().reason ?? 'open-elsewhere');
      else holder.set('owner');
    }, handshakeMs);
  };

  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (released || !message || message.draftId !== draftId || message.tabId === tabId) return;
    const mode = holder.get().mode;
    if (message.type === 'claim' && mode === 'owner') post('owned');
    else if (message.type === 'owned') answered = true;
    else if (message.type === 'takeover' && mode === 'owner') holder.set('readonly', 'taken-over');
    else if (message.type === 'released' && mode === 'readonly') setTimeout(claim, Math.random() * handshakeMs);
  };
  claim();

  return {
    getState: () => holder.get(),
    subscribe: (listener) => holder.subscribe(listener),
    async takeOver() {
      post('takeover');
      holder.set('owner');
    },
    release() {
      if (holder.get().mode === 'owner') post('released');
      released = true;
      channel.close();
    },
  };
}

/** No way to see other tabs: this tab owns the draft (the revision check still protects it). */
function soleGuard(): TabGuard {
  const holder = new StateHolder();
  holder.set('owner');
  return {
    getState: () => holder.get(),
    subscribe: (listener) => holder.subscribe(listener),
    async takeOver() {},
    release() {},
  };
}

export function createTabGuard(draftId: string, environment: TabGuardEnvironment = defaultEnvironment()): TabGuard {
  if (environment.locks) return lockGuard(draftId, environment.locks);
  if (environment.createChannel) {
    try {
      return channelGuard(draftId, environment.createChannel(TAB_CHANNEL), environment.handshakeMs ?? 250);
    } catch {
      // An unusable BroadcastChannel (some embedded browsers) leaves the revision check as the guard.
    }
  }
  return soleGuard();
}

export type TabGuardFactory = (draftId: string) => TabGuard;
