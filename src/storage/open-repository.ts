/** Picks the storage at start-up: IndexedDB when the browser allows it, memory (with a warning) otherwise. */
import { MemoryDraftRepository, type DraftRepository } from './draft-repository.ts';
import { openIdbRepository } from './idb-repository.ts';
import { MEMORY_ONLY_MESSAGE } from './storage-errors.ts';

export interface OpenedRepository {
  readonly repository: DraftRepository;
  /** Set when drafts only live in memory: shown at once as a banner. */
  readonly warning: string | null;
}

export async function openDraftRepository(): Promise<OpenedRepository> {
  try {
    return { repository: await openIdbRepository(), warning: null };
  } catch {
    return { repository: new MemoryDraftRepository(), warning: MEMORY_ONLY_MESSAGE };
  }
}
