/**
 * Renders the whole app against a storage the test controls: memory or fake-indexeddb, no tab
 * detection (tests that need it pass their own guard), a fixed clock.
 */
import type { DeployedReviewers } from '../../src/features/shared/reviewers-source.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { App } from '../../src/app/app.tsx';
import type { Draft } from '../../src/domain/draft-types.ts';
import type { DraftChannel, DraftEvent } from '../../src/storage/draft-channel.ts';
import { MemoryDraftRepository, type DraftRepository, type StoredDraft } from '../../src/storage/draft-repository.ts';
import { createTabGuard, type TabGuardFactory } from '../../src/storage/tab-guard.ts';
import type { UnsavedJournal } from '../../src/storage/unsaved-journal.ts';

/** 2026-01-10: inside the reporting season for the 2025 report. */
export const FIXED_NOW = new Date(2026, 0, 10, 9, 30, 0);

/** No other tabs: every draft opens owned (the environment offers neither Web Locks nor a channel). */
export const soleTab: TabGuardFactory = (id) => createTabGuard(id, {});

/** A channel that only reaches the listeners of this test. */
export function localChannel(): DraftChannel & { events: DraftEvent[] } {
  const listeners = new Set<(event: DraftEvent) => void>();
  const events: DraftEvent[] = [];
  return {
    events,
    announce(event) {
      events.push(event);
      listeners.forEach((listener) => listener(event));
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface RenderAppOptions {
  readonly repository?: DraftRepository;
  readonly warning?: string | null;
  readonly hash?: string;
  readonly createTabGuard?: TabGuardFactory;
  readonly channel?: DraftChannel;
  /** The journal of writes under way; default: the app's own, in the test page's localStorage. */
  readonly journal?: UnsavedJournal;
  /** The deployed reviewers list; default: none deployed. */
  readonly reviewers?: DeployedReviewers;
}

export function renderApp(options: RenderAppOptions = {}) {
  const repository = options.repository ?? new MemoryDraftRepository();
  window.history.replaceState(null, '', `/${options.hash ?? '#/'}`);
  const channel = options.channel ?? localChannel();
  const result = render(
    <App
      openRepository={async () => ({ repository, warning: options.warning ?? null })}
      createTabGuard={options.createTabGuard ?? soleTab}
      channel={channel}
      journal={options.journal}
      now={() => FIXED_NOW}
      loadReviewers={async () => options.reviewers ?? { kind: 'absent' }}
    />,
  );
  return { ...result, repository, channel };
}

export async function storeDraft(repository: DraftRepository, draft: Draft): Promise<StoredDraft> {
  const created = await repository.create(draft);
  if (!created.ok) throw new Error(`could not store the draft: ${created.reason}`);
  return created.record;
}

/** Opens a stored draft on a step and waits until the step's heading is there. */
export async function openDraftAt(repository: DraftRepository, id: string, step: string, heading: string | RegExp) {
  const rendered = renderApp({ repository, hash: `#/draft/${id}/${step}` });
  // The editor is its own chunk and opens from storage: on a loaded machine that takes more than the
  // library's default second.
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 });
  return rendered;
}

export function currentHash(): string {
  return window.location.hash;
}

export async function waitForHash(pattern: RegExp): Promise<void> {
  await waitFor(() => expect(window.location.hash).toMatch(pattern));
}
