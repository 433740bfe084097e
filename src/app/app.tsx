/**
 * The shell: opens the storage (IndexedDB, or memory with a warning), provides the services, routes
 * between the home screen and the open draft, and on a fresh start reopens the draft that was open
 * when the app was last left.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { HomePage } from '../features/home/home-page.tsx';
import { OpeningScreen } from '../features/shared/route-screens.tsx';
import { navigate, useRoute } from '../features/shared/routing.ts';
import { ServicesContext, type AppServices } from '../features/shared/services.tsx';
import { fetchDeployedReviewers, type DeployedReviewers } from '../features/shared/reviewers-source.ts';
import { createDraftChannel, type DraftChannel } from '../storage/draft-channel.ts';
import { MemoryDraftRepository, type DraftRepository } from '../storage/draft-repository.ts';
import { openDraftRepository } from '../storage/open-repository.ts';
import { MEMORY_ONLY_MESSAGE } from '../storage/storage-errors.ts';
import { createTabGuard, type TabGuardFactory } from '../storage/tab-guard.ts';
import { browserJournal, forgetDeletedDrafts, type UnsavedJournal } from '../storage/unsaved-journal.ts';

// Review mode is the supervisor's, a few times a year: loaded when first opened, not with the app.
// The roll-up is the 政务公开办's, once a year: loaded when first opened.
const RollupPage = lazy(() => import('../features/rollup/rollup-page.tsx').then((module) => ({ default: module.RollupPage })));
/**
 * The editor is its own chunk: the first screen (the drafts list) does not wait for it. It is fetched as
 * soon as the app starts, while the storage opens, so opening a draft does not wait for it either.
 */
const loadEditor = () => import('./editor/editor-route.tsx');
const EditorRoute = lazy(() => loadEditor().then((module) => ({ default: module.EditorRoute })));
const ReviewRoute = lazy(() => import('./review-route.tsx').then((module) => ({ default: module.ReviewRoute })));

export interface AppProps {
  /** Tests pass their own; the real app opens IndexedDB. */
  readonly openRepository?: () => Promise<{ repository: DraftRepository; warning: string | null }>;
  readonly createTabGuard?: TabGuardFactory;
  readonly channel?: DraftChannel;
  /** Tests pass their own (or none); the real app keeps it in localStorage. */
  readonly journal?: UnsavedJournal | null;
  readonly now?: () => Date;
  /** The agency's reviewers list; the real app fetches `./reviewers.json`. */
  readonly loadReviewers?: () => Promise<DeployedReviewers>;
}

interface StorageState {
  readonly repository: DraftRepository;
  readonly warning: string | null;
}

export function App({
  openRepository = openDraftRepository,
  createTabGuard: guardFactory = createTabGuard,
  channel,
  journal,
  now,
  loadReviewers = fetchDeployedReviewers,
}: AppProps) {
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [restored, setRestored] = useState(false);
  const [route] = useRoute();
  const draftChannel = useMemo(() => channel ?? createDraftChannel(), [channel]);
  const unsavedJournal = useMemo(() => (journal === undefined ? browserJournal() : (journal ?? undefined)), [journal]);

  // Fetch the editor while the storage opens: a fresh start usually reopens the last draft.
  useEffect(() => {
    void loadEditor().catch(() => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void openRepository().then(async (opened) => {
      if (cancelled) return;
      // A fresh start (no draft in the address): reopen the draft the clerk was working on.
      if (route.page === 'home' && !window.location.hash.startsWith('#/')) {
        const last = await opened.repository.getLastOpen().catch(() => null);
        if (last && (await opened.repository.get(last).catch(() => undefined))) {
          navigate({ page: 'draft', draftId: last, step: null }, { replace: true });
        }
      }
      if (cancelled) return;
      if (opened.repository.persistent && unsavedJournal) void forgetDeletedDrafts(opened.repository, unsavedJournal);
      setStorage(opened);
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
    // Opening the storage happens once per app start.
  }, []);

  // Leaving a draft for the home screen: a fresh start should then show the home screen.
  useEffect(() => {
    if (storage && restored && route.page === 'home') void storage.repository.setLastOpen(null).catch(() => undefined);
  }, [storage, restored, route.page]);

  const services: AppServices | null = useMemo(() => {
    if (!storage) return null;
    return {
      repository: storage.repository,
      storageWarning: storage.warning,
      createTabGuard: guardFactory,
      channel: draftChannel,
      journal: storage.repository.persistent ? unsavedJournal : undefined,
      now: now ?? (() => new Date()),
      loadReviewers,
      fallBackToMemory: () => {
        const memory = new MemoryDraftRepository();
        setStorage({ repository: memory, warning: MEMORY_ONLY_MESSAGE });
        return memory;
      },
    };
  }, [storage, guardFactory, draftChannel, unsavedJournal, now, loadReviewers]);

  if (!services) {
    return <OpeningScreen text="正在启动…" home={false} />;
  }

  return (
    <ServicesContext.Provider value={services}>
      {route.page === 'draft' ? (
        <Suspense fallback={<OpeningScreen text="正在打开草稿…" />}>
          <EditorRoute key={route.draftId} draftId={route.draftId} step={route.step} />
        </Suspense>
      ) : route.page === 'review' ? (
        <Suspense
          fallback={
            <main id="main" className="home" aria-busy="true">
              <p className="muted">正在打开送审报告…</p>
            </main>
          }
        >
          <ReviewRoute key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      ) : route.page === 'rollup' ? (
        <Suspense
          fallback={
            <main id="main" className="home" aria-busy="true">
              <p className="muted">正在打开汇总…</p>
            </main>
          }
        >
          <RollupPage />
        </Suspense>
      ) : (
        <HomePage />
      )}
    </ServicesContext.Provider>
  );
}
