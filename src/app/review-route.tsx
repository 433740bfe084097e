/** Opens a review kept in this browser by id (the address survives a reload) and keeps it saved. */
import { useCallback, useEffect, useState } from 'react';
import type { ReviewSession } from '../storage/side-records.ts';
import { NO_LAST_YEAR, type LastYear } from '../features/kernel/last-year-source.ts';
import { NotFoundScreen, OpeningScreen } from '../features/shared/route-screens.tsx';
import { useServices } from '../features/shared/services.tsx';
import { CrossYearNotices } from '../features/last-year/cross-year-notices.tsx';
import { ReviewScreen } from '../features/review/review-screen.tsx';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; session: ReviewSession; lastYear: LastYear };

async function lastYearFor(session: ReviewSession, find: (name: string, year: number) => Promise<{ draft: ReviewSession['draft'] } | undefined>): Promise<LastYear> {
  if (session.lastYear?.kind === 'file') return { draft: session.lastYear.draft, source: 'file', fileName: session.lastYear.fileName };
  // The reviewer's own browser may hold the agency's report of the year before.
  const found = await find(session.draft.agency.name, session.draft.year - 1).catch(() => undefined);
  return found ? { draft: found.draft, source: 'auto' } : NO_LAST_YEAR;
}

export function ReviewRoute({ sessionId }: { sessionId: string }) {
  const services = useServices();
  const { repository } = services;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const session = await repository.getReview(sessionId).catch(() => undefined);
      if (cancelled) return;
      if (!session) {
        setLoaded({ status: 'missing' });
        return;
      }
      const lastYear = await lastYearFor(session, (name, year) => repository.findByAgencyYear(name, year));
      if (!cancelled) setLoaded({ status: 'ready', session, lastYear });
    })();
    return () => {
      cancelled = true;
    };
  }, [repository, sessionId]);

  const onChange = useCallback(
    async (session: ReviewSession) => {
      // The screen shows the change at once (a comment just added, a name being typed), so the next change
      // builds on it; last year's report, which may need a lookup, follows.
      setLoaded((current) => (current.status === 'ready' ? { ...current, session } : current));
      const lastYear = await lastYearFor(session, (name, year) => repository.findByAgencyYear(name, year));
      setLoaded((current) => (current.status === 'ready' && current.session === session ? { ...current, lastYear } : current));
      try {
        await repository.putReview(session);
        setSaveError(null);
      } catch {
        setSaveError('浏览器没有保存这次审核的进度（存储已满或被禁止）。请在关闭页面前作出审核决定并下载审核文件。');
      }
    },
    [repository],
  );

  if (loaded.status === 'missing') {
    return (
      <NotFoundScreen title="找不到这次审核">
        <p>此浏览器中没有这份审核记录，可能已被移除。请在首页用“审核报告”重新打开送审文件。</p>
      </NotFoundScreen>
    );
  }
  if (loaded.status === 'loading') {
    return <OpeningScreen text="正在打开送审报告…" />;
  }
  return (
    <>
      {saveError && (
        <p className="banner banner-error" role="alert">
          {saveError}
        </p>
      )}
      <ReviewScreen session={loaded.session} lastYear={loaded.lastYear} onChange={onChange} CrossYearNotices={CrossYearNotices} />
    </>
  );
}
