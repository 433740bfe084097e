/**
 * Opens a draft by id: reads it from storage (with last year's report, chosen or found, for the
 * cross-year checks), claims it for this tab, and restores the step the clerk was on. A tab that owns
 * the draft from the start opens it settled (`settledDraft`): a write its last page lost as it went
 * is shown and written again.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { templateOf } from '../../domain/values.ts';
import type { StoredDraft } from '../../storage/draft-repository.ts';
import type { TabGuard } from '../../storage/tab-guard.ts';
import { settledDraft, type SettledDraft } from '../../storage/unsaved-journal.ts';
import { resolveLastYear, type LastYear } from '../../features/kernel/last-year-source.ts';
import { NotFoundScreen, OpeningScreen } from '../../features/shared/route-screens.tsx';
import { navigate } from '../../features/shared/routing.ts';
import { useServices } from '../../features/shared/services.tsx';
import { Editor } from './editor.tsx';
import { isStepId } from '../../features/kernel/steps.ts';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; record: StoredDraft; lastYear: LastYear };

function useGuard(draftId: string): TabGuard | null {
  const { createTabGuard } = useServices();
  const [guard, setGuard] = useState<TabGuard | null>(null);
  useEffect(() => {
    const created = createTabGuard(draftId);
    setGuard(created);
    return () => created.release();
  }, [createTabGuard, draftId]);
  return guard;
}

const PENDING = { mode: 'pending', reason: null, ownerSince: 0 } as const;
const noSubscription = () => () => undefined;

export function EditorRoute({ draftId, step }: { draftId: string; step: string | null }) {
  const { repository, journal } = useServices();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const guard = useGuard(draftId);
  const guardState = useSyncExternalStore(guard?.subscribe ?? noSubscription, guard?.getState ?? (() => PENDING));

  useEffect(() => {
    let cancelled = false;
    setLoaded({ status: 'loading' });
    void (async () => {
      try {
        const record = await repository.get(draftId);
        if (cancelled) return;
        if (!record) {
          setLoaded({ status: 'missing' });
          void repository.setLastOpen(null).catch(() => undefined);
          return;
        }
        const lastYear = await resolveLastYear(repository, draftId, record.draft);
        if (cancelled) return;
        setLoaded({ status: 'ready', record, lastYear });
      } catch {
        if (!cancelled) setLoaded({ status: 'missing' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [repository, draftId]);

  // The first owner settles before the editor shows anything: the clerk starts from the last keystroke.
  // A tab that is read-only at first settles when it takes over (the editor does it).
  const firstOwner = loaded.status === 'ready' && guardState.mode === 'owner' && guardState.ownerSince === 0;
  const [settled, setSettled] = useState<SettledDraft | null>(null);
  useEffect(() => {
    if (!firstOwner) return;
    let cancelled = false;
    void settledDraft(repository, journal, draftId)
      .catch((): SettledDraft => ({ stored: undefined, unsaved: undefined }))
      .then((result) => {
        if (!cancelled) setSettled(result);
      });
    return () => {
      cancelled = true;
    };
  }, [firstOwner, repository, journal, draftId]);

  const template = loaded.status === 'ready' ? templateOf(loaded.record.draft) : null;
  const validStep = template && isStepId(template, step) ? step : null;

  // No (or an unknown) step in the address: go to where the clerk was in this draft.
  useEffect(() => {
    if (!template || validStep) return;
    let cancelled = false;
    void repository
      .getSection(draftId)
      .catch(() => undefined)
      .then((stored) => {
        if (cancelled) return;
        navigate({ page: 'draft', draftId, step: isStepId(template, stored) ? stored : 'basics' }, { replace: true });
      });
    return () => {
      cancelled = true;
    };
  }, [template, validStep, repository, draftId]);

  if (loaded.status === 'missing') {
    return (
      <NotFoundScreen title="找不到这份草稿">
        <p>此浏览器中没有这份草稿，可能已被删除。</p>
      </NotFoundScreen>
    );
  }
  if (loaded.status === 'loading' || !guard || guardState.mode === 'pending' || !validStep || (firstOwner && !settled)) {
    return <OpeningScreen text="正在打开草稿…" />;
  }
  return (
    <Editor
      key={draftId}
      record={settled?.stored ?? loaded.record}
      unsaved={settled?.unsaved}
      lastYear={loaded.lastYear}
      guard={guard}
      guardState={guardState}
      step={validStep}
    />
  );
}
