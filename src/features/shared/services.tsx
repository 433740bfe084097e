/**
 * What the screens need from the outside world, provided once by the app shell (and by tests with
 * fakes): the draft storage, the tab guard, the cross-tab channel, the clock.
 */
import { createContext, useContext } from 'react';
import type { DraftChannel } from '../../storage/draft-channel.ts';
import type { DraftRepository } from '../../storage/draft-repository.ts';
import type { TabGuardFactory } from '../../storage/tab-guard.ts';
import type { UnsavedJournal } from '../../storage/unsaved-journal.ts';
import type { DeployedReviewers } from './reviewers-source.ts';

export interface AppServices {
  readonly repository: DraftRepository;
  readonly createTabGuard: TabGuardFactory;
  readonly channel: DraftChannel;
  /** Each write until it commits (`unsaved-journal.ts`); none while drafts only live in memory. */
  readonly journal?: UnsavedJournal | undefined;
  readonly now: () => Date;
  /** Set when drafts only live in this page's memory: every screen shows it. */
  readonly storageWarning: string | null;
  /** The browser refused to store a new draft: continue with drafts in memory (the shell shows why). */
  readonly fallBackToMemory: (message: string) => DraftRepository;
  /**
   * The agency's reviewers list deployed beside the app (`./reviewers.json`). The app shell fetches it;
   * without this service (tests) there is no list.
   */
  readonly loadReviewers?: () => Promise<DeployedReviewers>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}
