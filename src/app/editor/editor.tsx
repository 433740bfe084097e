/**
 * The open draft: one react-hook-form form for the whole report, the step navigator, the current
 * step's page, autosave, and what other tabs are doing. This is where the steps are composed: a step
 * that shows another feature's panel gets it from here, so the features never import each other.
 *
 * Nothing here subscribes to form values at render time: autosave and the live draft are fed by a
 * form subscription (`form.subscribe`), so typing re-renders only the field being typed in and the
 * small parts that watch it (character count, grid cells).
 */
import { lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { reviewOf, type Draft } from '../../domain/draft-types.ts';
import { applyContentChange } from '../../domain/review.ts';
import { flattenTables, templateOf } from '../../domain/values.ts';
import { Autosave } from '../../storage/autosave.ts';
import type { StoredDraft } from '../../storage/draft-repository.ts';
import type { LastYearChoice } from '../../storage/side-records.ts';
import type { TabGuard, TabGuardState } from '../../storage/tab-guard.ts';
import { settledDraft, type SettledDraft, type UnsavedWrite } from '../../storage/unsaved-journal.ts';
import { BasicsStep } from '../../features/basics/basics-step.tsx';
import { CheckStep } from '../../features/check/check-step.tsx';
import { resolveLastYear, type LastYear } from '../../features/kernel/last-year-source.ts';
import { NarrativeStep } from '../../features/narrative/narrative-step.tsx';
import { draftToFormValues, feeInputFindings, formValuesToDraft, unparsedInputs, type ReportFormValues } from '../../features/kernel/form-values.ts';
import { LiveDraft } from '../../features/kernel/live-draft.ts';
import { AppHeader } from '../../features/shared/app-header.tsx';
import { downloadDraftFile } from '../../features/shared/draft-file-download.ts';
import { formatName } from '../../features/shared/format.ts';
import { navigate, routeHash } from '../../features/shared/routing.ts';
import { useServices } from '../../features/shared/services.tsx';
import { rememberedName } from '../../features/shared/people.ts';
import { ApprovalSetting } from '../../features/review/approval-setting.tsx';
import { ReviewBanner } from '../../features/review/review-banner.tsx';
import { ReviewStatusBadge } from '../../features/shared/review-status.tsx';
import { StepComments } from '../../features/review/step-comments.tsx';
import { TableStep } from '../../features/table-grid/table-step.tsx';
import { EditorBanners } from './editor-banners.tsx';
import { EditorContext, useLiveDraft, type EditorContextValue } from '../../features/kernel/editor-context.tsx';
import { stepHeadingId } from '../../features/kernel/field-ids.ts';
import { SaveIndicator } from './save-indicator.tsx';
import { SectionNavigator, StepPager } from './section-navigator.tsx';
import { editorSteps, type StepId } from '../../features/kernel/steps.ts';

/**
 * How long a tab that becomes the owner waits for a write the previous owner announced that neither
 * storage nor the journal holds yet. One still missing then was refused, or lost with a journal that
 * could not keep it: the tab goes on with what storage holds.
 */
const ANNOUNCED_WRITE_WAIT_MS = 5000;
const ANNOUNCED_WRITE_POLL_MS = 50;

// Last year's report (file reading, carry-over, cross-year summary) loads with the basics step, not with the app.
const LastYearPanel = lazy(() => import('../../features/last-year/last-year-panel.tsx').then((module) => ({ default: module.LastYearPanel })));
// The comparison with last year and the review section load with the check page, not with the app.
const CrossYearNotices = lazy(() => import('../../features/last-year/cross-year-notices.tsx').then((module) => ({ default: module.CrossYearNotices })));
const ClerkReviewPanel = lazy(() => import('../../features/review/clerk-review-panel.tsx').then((module) => ({ default: module.ClerkReviewPanel })));

/** Test hook: called on every render of the editor root (typing must not re-render it). */
export const editorRenderProbe: { current: (() => void) | null } = { current: null };

export interface EditorProps {
  readonly record: StoredDraft;
  /** Last year's report (chosen or found) for the cross-year checks. */
  readonly lastYear: LastYear;
  readonly guard: TabGuard;
  readonly guardState: TabGuardState;
  readonly step: StepId;
  /**
   * A write the last page of this draft lost as it went (`settledDraft`), found when this tab first
   * owned the draft: shown over `record` and written again.
   */
  readonly unsaved?: UnsavedWrite | undefined;
}

function DraftTitle() {
  const { draft } = useLiveDraft();
  return (
    <p className="draft-title">
      <span className="draft-title-name">{draft.agency.name || '（未填写机关名称）'}</span>
      <span className="draft-title-row">
        <span className="draft-title-meta">
          {draft.year}年度 · {formatName(draft.template, draft.variant)}
        </span>
        <ReviewStatusBadge draft={draft} />
      </span>
    </p>
  );
}

export function Editor({ record, lastYear: initialLastYear, guard, guardState, step, unsaved }: EditorProps) {
  editorRenderProbe.current?.();
  const services = useServices();
  const { repository, channel, journal } = services;
  const draftId = record.id;
  const template = templateOf(record.draft);
  // A tab that takes the draft over edits only once its form holds what storage holds (see below).
  const [loadedForOwnerSince, setLoadedForOwnerSince] = useState(0);
  const readOnly = guardState.mode !== 'owner' || loadedForOwnerSince !== guardState.ownerSince;
  const baseRef = useRef<Draft>((unsaved ?? record).draft);
  const form = useForm<ReportFormValues>({ defaultValues: draftToFormValues((unsaved ?? record).draft, (unsaved ?? record).rawInputs) });
  const { getValues } = form;

  const currentDraft = useCallback(() => formValuesToDraft(getValues(), baseRef.current), [getValues]);
  const [autosave] = useState(
    () =>
      new Autosave({
        repository,
        draftId,
        revision: record.revision,
        writer: record.writer,
        savedAt: new Date(record.savedAt),
        channel,
        journal,
        enabled: false,
        now: services.now,
        snapshot: () => {
          const values = getValues();
          return { draft: formValuesToDraft(values, baseRef.current), rawInputs: unparsedInputs(values, baseRef.current) };
        },
      }),
  );
  const [lastYear, setLastYear] = useState(initialLastYear);
  const previousDraft = lastYear.draft;
  const [live] = useState(() => new LiveDraft(currentDraft, initialLastYear.draft, undefined, () => feeInputFindings(getValues().fees)));
  const resetting = useRef(false);

  /**
   * Review state and settings are not form fields: they live on the base draft and reach storage with
   * the next save. `next` is a whole draft (as the review functions return it); only its review and
   * settings are taken, the form keeps the content.
   */
  const commitMeta = useCallback(
    (next: Draft) => {
      baseRef.current = { ...baseRef.current, review: next.review, settings: next.settings };
      autosave.schedule();
      live.refresh();
    },
    [autosave, live],
  );

  /**
   * Approval follows the content (issue 5): once an approved report's content differs from what was
   * approved, record 审核后已修改 and put it back into editing; once it is brought back to exactly what
   * was approved, it is approved again. Runs after edits; on open only the first direction (a file
   * edited by hand is shown as changed, not silently re-approved). Hashing is asynchronous: only the
   * answer for the latest edit is applied, so that a slow hash of an older state cannot overrule it.
   */
  const approvalCheck = useRef(0);
  const checkApproval = useCallback(
    async (draft: Draft) => {
      const review = reviewOf(baseRef.current);
      if (!review.approval) return;
      const ticket = ++approvalCheck.current;
      const after = await applyContentChange(draft, services.now(), rememberedName('clerk'));
      if (ticket !== approvalCheck.current || after === draft) return;
      if (reviewOf(baseRef.current).status !== review.status || reviewOf(baseRef.current).approval !== review.approval) return;
      commitMeta(after);
    },
    [services, commitMeta],
  );

  useEffect(() => {
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        if (resetting.current) return;
        autosave.schedule();
        live.schedule();
        if (reviewOf(baseRef.current).approval) void checkApproval(currentDraft());
      },
    });
    return unsubscribe;
  }, [form, autosave, live, checkApproval, currentDraft]);

  // An approved draft whose stored content no longer matches (edited by hand in the file) is voided on open.
  useEffect(() => {
    if (!readOnly && reviewOf(baseRef.current).status === 'approved') void checkApproval(baseRef.current);
  }, [readOnly, checkApproval]);

  /** After approval the form is locked until the clerk chooses 修改 (ReviewBanner); kept for this visit. */
  const [amending, setAmending] = useState(false);

  /** The clerk picks last year's report (or none, or back to automatic); kept beside the draft. */
  const chooseLastYear = useCallback(
    async (choice: LastYearChoice | undefined) => {
      await repository.setLastYear(draftId, choice);
      const next = await resolveLastYear(repository, draftId, currentDraft(), choice);
      setLastYear(next);
      live.setPrevious(next.draft);
    },
    [repository, draftId, currentDraft, live],
  );

  useEffect(() => () => {
    void autosave.flush();
    autosave.dispose();
    live.dispose();
  }, [autosave, live]);

  /**
   * Replaces what the form shows with what a tab starts from: the stored version, or a write a page lost
   * as it went (`SettledDraft.unsaved`), shown over the stored version it follows. Returns the editor
   * whose write it was: the caller writes it again once this tab may write.
   */
  const showSettled = useCallback(
    ({ stored, unsaved }: SettledDraft): string | undefined => {
      if (!stored) return undefined;
      const shown = unsaved ?? stored;
      resetting.current = true;
      baseRef.current = shown.draft;
      // keepFieldsRef: the inputs on screen stay registered and show the new values. A plain reset
      // forgets them; inputs that do not re-render at once (the grid's memoised cells) would then keep
      // showing old values and their typing would no longer reach the form, nor storage.
      form.reset(draftToFormValues(shown.draft, shown.rawInputs), { keepFieldsRef: true });
      resetting.current = false;
      autosave.reset(stored.revision, new Date(stored.savedAt), stored.writer);
      live.refresh();
      return unsaved?.writer;
    },
    [form, autosave, live],
  );

  /** Replace what the form shows with what storage holds (the other tab saved, 载入最新版本). */
  const reloadFromStorage = useCallback(async () => {
    const fresh = await repository.get(draftId);
    if (fresh) showSettled({ stored: fresh, unsaved: undefined });
  }, [repository, draftId, showSettled]);

  /**
   * The highest revision another tab announced it was writing (DraftEvent 'writing'). A tab that closes
   * straight after a keystroke has started that write but can no longer say it saved.
   */
  const announcedRevision = useRef(0);
  useEffect(
    () =>
      channel.listen((event) => {
        if (event.type === 'writing' && event.draftId === draftId && event.writer !== autosave.writer) {
          announcedRevision.current = Math.max(announcedRevision.current, event.revision);
        }
      }),
    [channel, draftId, autosave],
  );

  /**
   * What a tab that has just become the writer starts from (`settledDraft`): storage after the writes
   * other pages started, or the journal's copy of one their page lost. An announced revision that is in
   * neither yet (its journal entry still on its way) is waited for, for a bounded time.
   */
  const settleAsWriter = useCallback(
    async (cancelled: () => boolean): Promise<SettledDraft | undefined> => {
      const deadline = Date.now() + ANNOUNCED_WRITE_WAIT_MS;
      for (;;) {
        const settled = await settledDraft(repository, journal, draftId);
        if (cancelled()) return undefined;
        const reached = Math.max(settled.stored?.revision ?? 0, settled.unsaved?.revision ?? 0);
        if (reached >= announcedRevision.current || Date.now() >= deadline) return settled;
        await new Promise((resolve) => setTimeout(resolve, ANNOUNCED_WRITE_POLL_MS));
      }
    },
    [repository, journal, draftId],
  );

  // Writing follows ownership. A tab that loses the draft hands what it holds to storage first
  // (Autosave.setEnabled). A tab that becomes the owner after being read-only settles the draft and
  // resets its form from it before it writes anything: the other tab may have saved since this one last
  // showed it, and a write from the older form would bring old values back. A tab that owns the draft
  // from the start was given the settled draft by the route.
  const { mode, ownerSince } = guardState;
  const lostWriteOnOpen = useRef(unsaved?.writer);
  useEffect(() => {
    if (mode !== 'owner') {
      autosave.setEnabled(false);
      return;
    }
    if (ownerSince === 0) {
      autosave.setEnabled(true);
      if (lostWriteOnOpen.current !== undefined) {
        autosave.writeAgain(lostWriteOnOpen.current);
        lostWriteOnOpen.current = undefined;
      }
      return;
    }
    let cancelled = false;
    void settleAsWriter(() => cancelled)
      .catch(() => undefined)
      .then((settled) => {
        if (cancelled) return;
        const lostWriter = settled ? showSettled(settled) : undefined;
        autosave.setEnabled(true);
        if (lostWriter !== undefined) autosave.writeAgain(lostWriter);
        setLoadedForOwnerSince(ownerSince);
      });
    return () => {
      cancelled = true;
    };
  }, [mode, ownerSince, autosave, settleAsWriter, showSettled]);

  // A read-only tab follows what the owning tab saves. The owner follows too while it has nothing
  // unsaved: a write the previous owner made just as this tab took over arrives after the take-over load.
  useEffect(
    () =>
      channel.listen((event) => {
        if (event.type !== 'saved' || event.draftId !== draftId) return;
        if (readOnly || (event.revision > autosave.currentRevision && !autosave.hasUnsavedChanges)) void reloadFromStorage();
      }),
    [channel, draftId, readOnly, autosave, reloadFromStorage],
  );

  // Save before the page goes away; warn when the browser cannot keep what is on screen.
  useEffect(() => {
    // Every change is already being written; this starts anything still held back (a change made in
    // this very task) before the page can go.
    const onHide = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const onPageHide = () => void autosave.flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void autosave.flush();
      const state = autosave.getStatus().state;
      // Memory-only drafts die with the page: always ask before leaving.
      if (!readOnly && (state === 'refused' || state === 'conflict' || !repository.persistent)) {
        event.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [autosave, readOnly, repository]);

  // Where focus goes after a move: a finding's cell or paragraph, else the new step's heading.
  const pendingFocus = useRef<string | null>(null);
  const goTo = useCallback(
    (target: StepId, focusId?: string) => {
      pendingFocus.current = focusId ?? stepHeadingId(target);
      live.refresh();
      if (target === step) focusPending(pendingFocus);
      else navigate({ page: 'draft', draftId, step: target });
    },
    [draftId, live, step],
  );

  useLayoutEffect(() => {
    focusPending(pendingFocus);
  }, [step]);

  useEffect(() => {
    void repository.setSection(draftId, step).catch(() => undefined);
    void repository.setLastOpen(draftId).catch(() => undefined);
  }, [repository, draftId, step]);

  const previous = useMemo(
    () => (previousDraft ? { template: templateOf(previousDraft), values: flattenTables(templateOf(previousDraft), previousDraft.tables) } : null),
    [previousDraft],
  );

  const context: EditorContextValue = useMemo(
    () => ({
      draftId,
      template,
      base: () => baseRef.current,
      currentDraft,
      previous,
      lastYear,
      chooseLastYear,
      commitMeta,
      readOnly,
      live,
      autosave,
      goTo,
    }),
    [draftId, template, currentDraft, previous, lastYear, chooseLastYear, commitMeta, readOnly, live, autosave, goTo],
  );

  const downloadDraft = () => void downloadDraftFile(currentDraft());

  const steps = editorSteps(template);
  const current = steps.find((candidate) => candidate.id === step) ?? steps[0]!;
  const section = current.section;

  return (
    <FormProvider {...form}>
      <EditorContext.Provider value={context}>
        <AppHeader>
          <DraftTitle />
          <div className="header-actions">
            <SaveIndicator autosave={autosave} persistent={repository.persistent} readOnly={readOnly} loading={guardState.mode === 'owner' && readOnly} />
            <button type="button" className="button button-header" onClick={downloadDraft}>
              下载草稿文件
            </button>
            <a className="button button-header" href={routeHash({ page: 'home' })}>
              返回首页
            </a>
          </div>
        </AppHeader>
        <div className="editor-layout">
          <nav className="editor-nav" aria-label="报告章节">
            <SectionNavigator current={current.id} />
          </nav>
          <main id="main" className="editor-main">
            <EditorBanners guard={guard} guardState={guardState} onReload={reloadFromStorage} onDownload={downloadDraft} />
            <ReviewBanner step={current.id} amending={amending} onAmend={() => setAmending(true)} readOnly={readOnly} />
            <article className="step" aria-labelledby={stepHeadingId(current.id)}>
              <h1 id={stepHeadingId(current.id)} className="step-heading" tabIndex={-1}>
                {current.label}
              </h1>
              {section && (
                <div className="guidance" role="note" aria-label="填报说明">
                  <p className="guidance-title">填报说明</p>
                  <p>{section.guidance}</p>
                  <p className="guidance-source">依据：{section.source}</p>
                </div>
              )}
              <StepComments step={current.id} />
              {current.id === 'check' ? (
                <CheckStep CrossYearNotices={CrossYearNotices} reviewPanel={<ClerkReviewPanel />} />
              ) : (
                <StepFieldset label={current.label} disabled={readOnly} amending={amending}>
                  {current.id === 'basics' && <BasicsStep lastYearPanel={<LastYearPanel />} approvalSetting={<ApprovalSetting />} />}
                  {section?.kind === 'narrative' && <NarrativeStep key={section.id} section={section} />}
                  {section?.kind === 'table' && <TableStep key={section.id} section={section} />}
                </StepFieldset>
              )}
            </article>
            <StepPager current={current.id} />
          </main>
        </div>
      </EditorContext.Provider>
    </FormProvider>
  );
}

/**
 * The step's fields: disabled while the tab is read-only, and while the report is approved and the
 * clerk has not chosen 修改 — an approved report is not changed by a stray keystroke.
 */
function StepFieldset({ label, disabled, amending, children }: { label: string; disabled: boolean; amending: boolean; children: ReactNode }) {
  const { draft } = useLiveDraft();
  const locked = !amending && reviewOf(draft).status === 'approved';
  return (
    <fieldset className="step-fieldset" disabled={disabled || locked}>
      <legend className="visually-hidden">{label}</legend>
      {children}
    </fieldset>
  );
}

function focusPending(pending: { current: string | null }) {
  const id = pending.current;
  if (!id) return;
  const element = document.getElementById(id);
  if (!element) return;
  pending.current = null;
  element.focus();
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
}
