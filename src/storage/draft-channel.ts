/**
 * Tells other tabs of this app that a draft is being written (so a tab about to take it over knows which
 * revision to wait for), was saved (so a read-only tab shows the latest text) or was deleted / replaced
 * (so the home list is fresh). Best effort: without BroadcastChannel nothing is announced, and the
 * revision check still prevents overwrites.
 */

const CHANNEL = 'gov-info-annual-report:drafts';

export type DraftEvent =
  /**
   * A write has started that will leave `revision` in storage once it commits. Sent as the write starts,
   * while the page is certainly alive: a tab that closes straight after can no longer say 'saved'.
   */
  | { readonly type: 'writing'; readonly draftId: string; readonly revision: number; readonly writer: string }
  | { readonly type: 'saved'; readonly draftId: string; readonly revision: number }
  | { readonly type: 'removed'; readonly draftId: string };

export interface DraftChannel {
  announce(event: DraftEvent): void;
  listen(listener: (event: DraftEvent) => void): () => void;
}

export function createDraftChannel(): DraftChannel {
  if (typeof BroadcastChannel !== 'function') return { announce() {}, listen: () => () => {} };
  let sender: BroadcastChannel | null = null;
  return {
    announce(event) {
      try {
        sender ??= new BroadcastChannel(CHANNEL);
        sender.postMessage(event);
      } catch {
        // A closed or unsupported channel must never break saving.
      }
    },
    listen(listener) {
      const receiver = new BroadcastChannel(CHANNEL);
      receiver.onmessage = (message: MessageEvent<DraftEvent>) => listener(message.data);
      return () => receiver.close();
    },
  };
}
