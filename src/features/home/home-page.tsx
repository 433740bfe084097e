/**
 * The home screen: the drafts kept in this browser, the deadline, 新建报告, 打开草稿文件, 删除.
 * Only one draft per agency and year: a second one offers to open the first (or, for a file, to
 * replace it after confirming). Nothing is overwritten without the clerk saying so.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { DraftProblem } from '../../domain/draft-file.ts';
import { reviewOf, type Draft } from '../../domain/draft-types.ts';
import { olderRoundMessage, reviewStatusLabels } from '../../domain/review.ts';
import { emptyDraft, withEarlierContact } from '../../domain/values.ts';
import { templateForNewReport } from '../../domain/variant.ts';
import { newDraftId, sameAgency, type StoredDraft } from '../../storage/draft-repository.ts';
import type { ReviewSession } from '../../storage/side-records.ts';
import { rememberedName } from '../shared/people.ts';
import { compareReturnedFile, mergeReturnedFile } from '../../domain/returned-file.ts';
import { ReviewStatusBadge } from '../shared/review-status.tsx';
import { ReviewList } from '../shared/review-list.tsx';
import { findingsOf } from '../kernel/live-draft.ts';
import { AppHeader, Banner } from '../shared/app-header.tsx';
import { downloadDraftFile } from '../shared/draft-file-download.ts';
import { FileChooser } from '../shared/file-chooser.tsx';
import { IMPORT_FILE_ACCEPT, importPastedHtml, importReportFile } from '../shared/import-report-file.ts';
import { ImportSummary } from '../shared/import-summary.tsx';
import type { ImportReport, ImportResult } from '../../domain/import/index.ts';
import {
  currentReportYear,
  deadlineText,
  daysUntilDeadline,
  formatDateTime,
  formatDeadline,
  formatName,
} from '../shared/format.ts';
import { Modal } from '../shared/modal.tsx';
import { navigate, routeHash } from '../shared/routing.ts';
import { useServices } from '../shared/services.tsx';
import type { NewReportValues } from './new-report-dialog.tsx';
import { readDraftFile } from '../shared/read-draft-file.ts';
import { OpeningConfirmation, pendingOpening, type OpeningNext, type PendingOpening } from './opening-confirmation.tsx';

type DialogState =
  | null
  | { kind: 'new'; error: string | null }
  | { kind: 'duplicate'; existing: StoredDraft; agencyName: string; year: number }
  | { kind: 'fileDuplicate'; existing: StoredDraft; fileDraft: Draft; fileName: string }
  | { kind: 'confirmReplace'; existing: StoredDraft; fileDraft: Draft; fileName: string }
  | { kind: 'fileProblems'; fileName: string; problems: DraftProblem[] }
  | { kind: 'delete'; record: StoredDraft }
  /** A file waiting for review: review it (the supervisor) or open it as a draft. */
  | { kind: 'submittedFile'; fileDraft: Draft; fileName: string }
  /** A review file (退回修改 / 审核通过) for a report this browser holds. */
  | { kind: 'reviewResult'; existing: StoredDraft; fileDraft: Draft; fileName: string; localChanges: boolean }
  | { kind: 'removeReview'; session: ReviewSession }
  /** A chosen file with something to know before it opens (OpeningConfirmation): all of it, confirmed once. */
  | { kind: 'confirmOpening'; pending: PendingOpening }
  /** A report imported from its published page or a Word file, waiting for the clerk to confirm it. */
  | { kind: 'imported'; fileName: string; draft: Draft; report: ImportReport }
  /** Waiting for the clerk to paste a report copied from its web page. */
  | { kind: 'paste'; message: string | null }
  | { kind: 'error'; message: string };

interface DraftRow {
  readonly record: StoredDraft;
  readonly errors: number;
  readonly warnings: number;
}

// With zod inside, the dialog loads when first opened rather than with the app.
const NewReportDialog = lazy(() => import('./new-report-dialog.tsx').then((module) => ({ default: module.NewReportDialog })));

function reportLabel(draft: Pick<Draft, 'agency' | 'year'>): string {
  return `${draft.agency.name} ${draft.year}年度报告`;
}

function openDraft(id: string) {
  navigate({ page: 'draft', draftId: id, step: null });
}

export function HomePage() {
  const services = useServices();
  const { channel, now, storageWarning } = services;
  const repository = services.repository;
  const [records, setRecords] = useState<StoredDraft[] | null>(null);
  const [reviews, setReviews] = useState<ReviewSession[]>([]);
  /** Last year's report chosen for a draft (attached file or picked draft), by draft id. */
  const [chosenLastYear, setChosenLastYear] = useState<ReadonlyMap<string, Draft | null>>(new Map());
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = now();

  const reload = useCallback(async () => {
    try {
      const listed = await repository.list();
      setRecords(listed);
      setReviews(await repository.listReviews().catch(() => []));
      // The counts use the same last year's report as the editor: the clerk's choice where there is one.
      const chosen = new Map<string, Draft | null>();
      for (const record of listed) {
        const choice = await repository.getLastYear(record.id).catch(() => undefined);
        if (choice) chosen.set(record.id, choice.kind === 'none' ? null : choice.kind === 'stored' ? (listed.find((other) => other.id === choice.draftId)?.draft ?? choice.draft) : choice.draft);
      }
      setChosenLastYear(chosen);
    } catch {
      setRecords([]);
      setNotice('无法读取此浏览器中保存的草稿。');
    }
  }, [repository]);

  useEffect(() => {
    void reload();
    // A write under way changes nothing in the list yet; its 'saved' will.
    return channel.listen((event) => {
      if (event.type !== 'writing') void reload();
    });
  }, [reload, channel]);

  const rows: DraftRow[] = useMemo(
    () =>
      (records ?? []).map((record) => {
        const previous = chosenLastYear.has(record.id)
          ? (chosenLastYear.get(record.id) ?? null)
          : (records?.find((other) => other.draft.year === record.draft.year - 1 && other.draft.agency.name === record.draft.agency.name)?.draft ?? null);
        const findings = findingsOf(record.draft, previous);
        return {
          record,
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        };
      }),
    [records, chosenLastYear],
  );

  const createNew = async (values: NewReportValues) => {
    const existing = await repository.findByAgencyYear(values.agencyName, values.year);
    if (existing) {
      setDialog({ kind: 'duplicate', existing, agencyName: values.agencyName, year: values.year });
      return;
    }
    const sameAgencyDrafts = (await repository.list()).filter((record) => sameAgency(record.draft.agency.name, values.agencyName)).map((record) => record.draft);
    const draft = withEarlierContact(emptyDraft(templateForNewReport(values.year, values.variant), values.year, values.agencyName, now()), sameAgencyDrafts);
    let result = await repository.create(draft);
    if (!result.ok && result.reason === 'refused') result = await services.fallBackToMemory(result.message).create(draft);
    if (result.ok) {
      setDialog(null);
      openDraft(result.record.id);
    } else if (result.reason === 'duplicate') {
      setDialog({ kind: 'duplicate', existing: result.existing, agencyName: values.agencyName, year: values.year });
    } else {
      setDialog({ kind: 'new', error: result.message });
    }
  };

  /** Whether a review file is an older round than this browser's copy of the report (draft or review kept here). */
  const olderRound = (fileDraft: Draft): string | null =>
    olderRoundMessage(
      fileDraft,
      [...(records ?? []).map((record) => record.draft), ...reviews.map((session) => session.outcome?.draft ?? session.draft)].filter(
        (other) => other.year === fileDraft.year && other.agency.name === fileDraft.agency.name,
      ),
    );

  const showImported = (result: ImportResult, fileName: string) => {
    if (result.ok) setDialog({ kind: 'imported', fileName, draft: result.draft, report: result.report });
    else setDialog({ kind: 'error', message: `“${fileName}”没有导入：${result.message}` });
  };

  const onImportChosen = async (file: File) => {
    showImported(await importReportFile(file), file.name);
  };

  const onPasted = async (html: string) => {
    if (html.trim() === '') {
      setDialog({ kind: 'paste', message: '剪贴板中没有网页内容。请在报告网页上选中全文（Ctrl+A）、复制（Ctrl+C），再粘贴到这里。' });
      return;
    }
    showImported(await importPastedHtml(html), '粘贴的网页内容');
  };

  /**
   * Makes a draft of an imported report: as it is (this year's report begun in the Word template), or
   * the next year's begun from it, with the imported report kept as that draft's last year's report.
   */
  const createFromImport = async (imported: Draft, fileName: string, nextYear: boolean) => {
    const { draftForNextYear } = await import('../../domain/import/index.ts');
    const draft = nextYear ? draftForNextYear(imported, now()) : imported;
    let result = await repository.create(draft);
    if (!result.ok && result.reason === 'refused') result = await services.fallBackToMemory(result.message).create(draft);
    if (result.ok) {
      if (nextYear) {
        await repository.setLastYear(result.record.id, { kind: 'file', fileName, at: now().toISOString(), draft: imported }).catch(() => undefined);
      }
      setDialog(null);
      openDraft(result.record.id);
    } else if (result.reason === 'duplicate') {
      setDialog({ kind: 'duplicate', existing: result.existing, agencyName: draft.agency.name, year: draft.year });
    } else {
      setDialog({ kind: 'error', message: result.message });
    }
  };

  /**
   * 打开草稿文件 and 审核报告 alike: a file that cannot be read is refused with its reasons; one with
   * something to know first (a Word file changed outside the app, totals that disagree with their parts,
   * an older review round) says all of it in one dialog; the rest opens at once.
   */
  const onDraftFileChosen = async (file: File, next: OpeningNext) => {
    const read = await readDraftFile(file);
    if (!read.ok) {
      setDialog({ kind: 'fileProblems', fileName: file.name, problems: read.problems });
      return;
    }
    const pending = await pendingOpening(file, read.draft, next, {
      now: now(),
      by: next === 'open' ? rememberedName('clerk') : '',
      olderRound,
    });
    if (pending.findings.length > 0) setDialog({ kind: 'confirmOpening', pending });
    else await goOnOpening(pending);
  };

  const goOnOpening = async ({ draft, fileName, next }: PendingOpening) => {
    if (next === 'review') await startReview(draft, fileName);
    else await openReadFile(draft, fileName);
  };

  const openReadFile = async (fileDraft: Draft, fileName: string) => {
    // A report waiting for review is most likely the supervisor's to review: ask.
    if (reviewOf(fileDraft).status === 'submitted') {
      setDialog({ kind: 'submittedFile', fileDraft, fileName });
      return;
    }
    await openFileAsDraft(fileDraft, fileName);
  };

  const openFileAsDraft = async (fileDraft: Draft, fileName: string) => {
    const existing = await repository.findByAgencyYear(fileDraft.agency.name, fileDraft.year);
    if (existing) {
      const verdict = await compareReturnedFile(existing.draft, fileDraft);
      if (verdict !== 'not-newer') setDialog({ kind: 'reviewResult', existing, fileDraft, fileName, localChanges: verdict === 'local-changes' });
      else setDialog({ kind: 'fileDuplicate', existing, fileDraft, fileName });
      return;
    }
    let result = await repository.create(fileDraft);
    if (!result.ok && result.reason === 'refused') result = await services.fallBackToMemory(result.message).create(fileDraft);
    if (result.ok) openDraft(result.record.id);
    else if (result.reason === 'duplicate') setDialog({ kind: 'fileDuplicate', existing: result.existing, fileDraft, fileName });
    else setDialog({ kind: 'error', message: result.message });
  };

  /** The supervisor's side: keep the received report as a review in this browser and open review mode. */
  const startReview = async (fileDraft: Draft, fileName: string) => {
    const history = JSON.stringify(reviewOf(fileDraft).history);
    const same = reviews.find(
      (session) =>
        !session.outcome &&
        session.draft.year === fileDraft.year &&
        session.draft.agency.name === fileDraft.agency.name &&
        JSON.stringify(reviewOf(session.draft).history) === history,
    );
    if (same) {
      navigate({ page: 'review', sessionId: same.id });
      return;
    }
    const session: ReviewSession = {
      id: newDraftId(),
      fileName,
      openedAt: now().toISOString(),
      draft: fileDraft,
      pending: [],
      reviewer: { name: '', role: '' },
      outcome: null,
    };
    try {
      await repository.putReview(session);
      navigate({ page: 'review', sessionId: session.id });
    } catch {
      setDialog({ kind: 'error', message: '浏览器拒绝保存，无法开始审核。请检查浏览器存储空间后重试。' });
    }
  };

  const takeReviewResult = async (existing: StoredDraft, fileDraft: Draft, keepLocal: boolean) => {
    const draft = keepLocal ? await mergeReturnedFile(existing.draft, fileDraft, now(), rememberedName('clerk')) : fileDraft;
    await replaceWithFile(existing, draft);
  };

  const removeReview = async (session: ReviewSession) => {
    await repository.removeReview(session.id).catch(() => undefined);
    setDialog(null);
    await reload();
  };

  const replaceWithFile = async (existing: StoredDraft, fileDraft: Draft) => {
    const result = await repository.replace(existing.id, fileDraft);
    if (result.ok) {
      channel.announce({ type: 'saved', draftId: existing.id, revision: result.record.revision });
      setDialog(null);
      openDraft(existing.id);
    } else {
      setDialog({ kind: 'error', message: result.reason === 'refused' ? result.message : '替换失败，请重试。' });
    }
  };

  const remove = async (record: StoredDraft) => {
    await repository.remove(record.id);
    channel.announce({ type: 'removed', draftId: record.id });
    setDialog(null);
    setNotice(`已删除“${reportLabel(record.draft)}”的草稿。`);
    await reload();
  };

  const reportYear = currentReportYear(today);
  const maxYear = today.getFullYear();

  return (
    <>
      <AppHeader home={false} />
      <main id="main" className="home" tabIndex={-1}>
        {storageWarning && <Banner tone="error">{storageWarning}</Banner>}

        <section aria-labelledby="drafts-heading" className="drafts-panel">
          <div className="panel-head">
            <h1 id="drafts-heading">本浏览器中的报告草稿</h1>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'new', error: null })}>
                新建报告
              </button>
              <FileChooser label="选择草稿文件（.json 或本工具生成的 .docx）" onFile={(file) => void onDraftFileChosen(file, 'open')}>
                打开草稿文件
              </FileChooser>
              <FileChooser label="选择送审文件（编制人发来的 .json）" onFile={(file) => void onDraftFileChosen(file, 'review')}>
                审核报告
              </FileChooser>
              <FileChooser
                accept={IMPORT_FILE_ACCEPT}
                label="选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）"
                onFile={(file) => void onImportChosen(file)}
              >
                导入已发布的报告
              </FileChooser>
              <button type="button" className="button" onClick={() => setDialog({ kind: 'paste', message: null })}>
                粘贴已发布的报告
              </button>
              <button type="button" className="button" onClick={() => navigate({ page: 'rollup' })}>
                汇总下级单位报告
              </button>
            </div>
          </div>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {records === null ? (
            <p className="muted">正在读取…</p>
          ) : rows.length === 0 ? (
            <div className="empty-state">
              <p>此浏览器中还没有报告草稿。</p>
              <p className="muted">点击“新建报告”开始填写；已有草稿文件（.json）或本工具生成的 Word 报告（.docx）可以用“打开草稿文件”继续编辑；已发布的年度报告（保存的网页或 Word 文件）可以用“导入已发布的报告”读入，作为下一年度报告的起点。</p>
              <p className="muted">
                政务公开办汇总各部门、乡镇（街道）的报告，可以用“<a href={routeHash({ page: 'rollup' })}>汇总下级单位报告</a>”：三张表逐格相加，生成本级政府报告的草稿。
              </p>
            </div>
          ) : (
            <DraftTable rows={rows} today={today} onDelete={(record) => setDialog({ kind: 'delete', record })} />
          )}
          <p className="muted small">
            草稿只保存在本机的这个浏览器中。换电脑、换浏览器或清理浏览器数据前，请先打开草稿并下载草稿文件。
          </p>
        </section>
        <ReviewList sessions={reviews} onRemove={(session) => setDialog({ kind: 'removeReview', session })} />
        <section className="deadline-panel" aria-labelledby="deadline-heading">
          <h2 id="deadline-heading">报送和公开期限</h2>
          <p>
            <strong>
              {reportYear}年度报告：{formatDeadline(reportYear)}前（{deadlineText(reportYear, today)}）
            </strong>
          </p>
          <p className="muted">
            依据《中华人民共和国政府信息公开条例》第四十九条，县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。本地要求更早的，以本地要求为准。
          </p>
        </section>
      </main>

      {dialog?.kind === 'new' && (
        <Suspense fallback={null}>
          <NewReportDialog
            defaultYear={reportYear}
            maxYear={maxYear}
            onCancel={() => setDialog(null)}
            onSubmit={createNew}
            submitError={dialog.error}
          />
        </Suspense>
      )}
      {dialog?.kind === 'duplicate' && (
        <Modal
          title="该报告已经存在"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-primary" data-autofocus onClick={() => openDraft(dialog.existing.id)}>
                打开已有草稿
              </button>
              <button type="button" className="button" onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>
            “{dialog.existing.draft.agency.name}”{dialog.year}年度的报告草稿已经存在（最后保存于 {formatDateTime(dialog.existing.savedAt)}）。
          </p>
          <p>每个机关每个年度只保留一份草稿，请打开已有草稿继续编辑。</p>
        </Modal>
      )}
      {dialog?.kind === 'fileDuplicate' && (
        <Modal
          title="已有同一机关、同一年度的草稿"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-primary" data-autofocus onClick={() => openDraft(dialog.existing.id)}>
                打开已有草稿
              </button>
              <button type="button" className="button" onClick={() => setDialog({ ...dialog, kind: 'confirmReplace' })}>
                用文件内容替换已有草稿…
              </button>
              <button type="button" className="button" onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>
            文件“{dialog.fileName}”是“{dialog.fileDraft.agency.name}”{dialog.fileDraft.year}年度的报告。此浏览器中已有这份报告的草稿（最后保存于{' '}
            {formatDateTime(dialog.existing.savedAt)}）。
          </p>
          <OlderRoundNote message={olderRound(dialog.fileDraft)} />
          <p>每个机关每个年度只保留一份草稿：可以打开已有草稿，或者用文件内容替换它。</p>
        </Modal>
      )}
      {dialog?.kind === 'confirmReplace' && (
        <Modal
          title="确认替换已有草稿？"
          role="alertdialog"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-danger" onClick={() => void replaceWithFile(dialog.existing, dialog.fileDraft)}>
                确认替换
              </button>
              <button
                type="button"
                className="button"
                onClick={() => void downloadDraftFile(dialog.existing.draft)}
              >
                先下载已有草稿
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>
            已有草稿“{reportLabel(dialog.existing.draft)}”（最后保存于 {formatDateTime(dialog.existing.savedAt)}）将被文件“{dialog.fileName}
            ”的内容覆盖，覆盖后无法恢复。
          </p>
        </Modal>
      )}
      {dialog?.kind === 'fileProblems' && (
        <Modal
          title="无法打开这个文件"
          wide
          onClose={() => setDialog(null)}
          actions={
            <button type="button" className="button button-primary" data-autofocus onClick={() => setDialog(null)}>
              知道了
            </button>
          }
        >
          <p>文件“{dialog.fileName}”不能作为报告草稿打开，原因如下。此浏览器中已有的草稿没有任何改动。</p>
          <ul className="problem-list">
            {dialog.problems.slice(0, 30).map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
          {dialog.problems.length > 30 && <p className="muted">另有 {dialog.problems.length - 30} 个问题未列出。</p>}
        </Modal>
      )}
      {dialog?.kind === 'confirmOpening' && (
        <OpeningConfirmation pending={dialog.pending} onCancel={() => setDialog(null)} onConfirm={() => void goOnOpening(dialog.pending)} />
      )}
      {dialog?.kind === 'delete' && (
        <Modal
          title="删除草稿？"
          role="alertdialog"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-danger" onClick={() => void remove(dialog.record)}>
                确认删除
              </button>
              <button
                type="button"
                className="button"
                onClick={() => void downloadDraftFile(dialog.record.draft)}
              >
                先下载草稿文件
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>将从此浏览器中删除“{reportLabel(dialog.record.draft)}”的草稿，删除后无法恢复。如需保留，请先下载草稿文件。</p>
        </Modal>
      )}
      {dialog?.kind === 'submittedFile' && (
        <Modal
          title="这是一份待审核的报告"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-primary" data-autofocus onClick={() => void startReview(dialog.fileDraft, dialog.fileName)}>
                审核这份报告
              </button>
              <button type="button" className="button" onClick={() => void openFileAsDraft(dialog.fileDraft, dialog.fileName)}>
                作为草稿打开
              </button>
              <button type="button" className="button" onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>
            文件“{dialog.fileName}”是“{dialog.fileDraft.agency.name}”{dialog.fileDraft.year}年度报告的送审文件（状态：{reviewStatusLabels.submitted}）。
          </p>
          <OlderRoundNote message={olderRound(dialog.fileDraft)} />
          <p>审核人请选择“审核这份报告”：报告按打印格式只读显示，可以提出意见、退回修改或审核通过。编制人要继续编辑自己的报告，请选择“作为草稿打开”。</p>
        </Modal>
      )}
      {dialog?.kind === 'reviewResult' && (
        <ReviewResultDialog
          dialog={dialog}
          onClose={() => setDialog(null)}
          onTake={(keepLocal) => void takeReviewResult(dialog.existing, dialog.fileDraft, keepLocal)}
          onReplace={() => setDialog({ kind: 'confirmReplace', existing: dialog.existing, fileDraft: dialog.fileDraft, fileName: dialog.fileName })}
        />
      )}
      {dialog?.kind === 'removeReview' && (
        <Modal
          title="移除这次审核？"
          role="alertdialog"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-danger" onClick={() => void removeReview(dialog.session)}>
                确认移除
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>
            将从此浏览器中移除“{dialog.session.draft.agency.name}”{dialog.session.draft.year}年度报告的审核
            {dialog.session.outcome ? '记录（审核文件已下载，不受影响）' : `，${dialog.session.pending.length > 0 ? `未发出的 ${dialog.session.pending.length} 条意见将丢失` : '尚未作出审核决定'}`}。
          </p>
        </Modal>
      )}
      {dialog?.kind === 'paste' && (
        <Modal
          title="粘贴已发布的报告"
          onClose={() => setDialog(null)}
          actions={
            <button type="button" className="button" onClick={() => setDialog(null)}>
              取消
            </button>
          }
        >
          <p>在报告所在的网页上选中报告全文并复制，然后点击下面的方框，按 Ctrl+V 粘贴。</p>
          <div
            className="paste-target"
            role="textbox"
            aria-label="在此粘贴报告网页的内容"
            tabIndex={0}
            data-autofocus
            contentEditable
            suppressContentEditableWarning
            onPaste={(event) => {
              event.preventDefault();
              void onPasted(event.clipboardData.getData('text/html') || event.clipboardData.getData('text/plain'));
            }}
          />
          {dialog.message && <p role="alert">{dialog.message}</p>}
        </Modal>
      )}
      {dialog?.kind === 'imported' && (
        <Modal
          title="确认导入的报告"
          wide
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="button button-primary" data-autofocus onClick={() => void createFromImport(dialog.draft, dialog.fileName, true)}>
                据此开始{dialog.draft.year + 1}年度报告
              </button>
              <button type="button" className="button" onClick={() => void createFromImport(dialog.draft, dialog.fileName, false)}>
                作为{dialog.draft.year}年度报告打开
              </button>
              <button type="button" className="button" onClick={() => setDialog(null)}>
                取消
              </button>
            </>
          }
        >
          <p>“{dialog.fileName}”已按报告的标题、标题层级和表格的行名读出：</p>
          <ImportSummary report={dialog.report} draft={dialog.draft} />
          <p>
            “据此开始{dialog.draft.year + 1}年度报告”：沿用这份报告的机关信息和正文（正文只是起点，请逐段按本年情况修改），表格留空，
            “上年结转”取这份报告的“结转下年度继续办理”，这份报告用作上年报告。“作为{dialog.draft.year}年度报告打开”：按读出的内容新建这一年度的草稿。
          </p>
        </Modal>
      )}
      {dialog?.kind === 'error' && (
        <Modal
          title="操作没有完成"
          onClose={() => setDialog(null)}
          actions={
            <button type="button" className="button button-primary" data-autofocus onClick={() => setDialog(null)}>
              知道了
            </button>
          }
        >
          <p>{dialog.message}</p>
        </Modal>
      )}
    </>
  );
}

function DraftTable({ rows, today, onDelete }: { rows: readonly DraftRow[]; today: Date; onDelete: (record: StoredDraft) => void }) {
  return (
    <table className="draft-table">
      <caption className="visually-hidden">报告草稿列表</caption>
      <thead>
        <tr>
          <th scope="col">机关</th>
          <th scope="col">年度</th>
          <th scope="col">格式</th>
          <th scope="col">最后保存</th>
          <th scope="col">检查结果</th>
          <th scope="col">报送期限</th>
          <th scope="col">
            <span className="visually-hidden">操作</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ record, errors, warnings }) => {
          const days = daysUntilDeadline(record.draft.year, today);
          return (
            <tr key={record.id}>
              <th scope="row" className="draft-agency">
                {record.draft.agency.name}
              </th>
              <td>{record.draft.year}年度</td>
              <td>{formatName(record.draft.template, record.draft.variant)}</td>
              <td className="nowrap">{formatDateTime(record.savedAt)}</td>
              <td>
                <span className={errors > 0 ? 'count count-error' : 'count'}>{errors} 个错误</span>
                <span className={warnings > 0 ? 'count count-warning' : 'count'}>{warnings} 个提醒</span>
                <ReviewStatusBadge draft={record.draft} />
              </td>
              <td>
                {formatDeadline(record.draft.year)}
                <span className={days < 0 ? 'deadline deadline-over' : days <= 14 ? 'deadline deadline-near' : 'deadline'}>
                  {deadlineText(record.draft.year, today)}
                </span>
              </td>
              <td className="row-actions">
                <a className="button button-small button-primary" href={`#/draft/${encodeURIComponent(record.id)}`} aria-label={`打开 ${reportLabel(record.draft)}`}>
                  打开
                </a>
                <button type="button" className="button button-small" aria-label={`删除 ${reportLabel(record.draft)}`} onClick={() => onDelete(record)}>
                  删除
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReviewResultDialog({
  dialog,
  onClose,
  onTake,
  onReplace,
}: {
  dialog: Extract<DialogState, { kind: 'reviewResult' }>;
  onClose: () => void;
  onTake: (keepLocal: boolean) => void;
  onReplace: () => void;
}) {
  const review = reviewOf(dialog.fileDraft);
  const decision = [...review.history].reverse().find((entry) => entry.action === 'returned' || entry.action === 'approved');
  const what =
    review.status === 'approved' && review.approval
      ? `审核通过（审核人 ${review.approval.reviewer}，${review.approval.role}，${formatDateTime(review.approval.at)}）`
      : review.status === 'returned'
        ? `退回修改（${decision?.by ?? '审核人'}，${decision?.comments?.length ?? 0} 条意见）`
        : reviewStatusLabels[review.status];
  const label = `“${dialog.fileDraft.agency.name}”${dialog.fileDraft.year}年度报告`;
  if (!dialog.localChanges) {
    return (
      <Modal
        title="收到审核结果"
        onClose={onClose}
        actions={
          <>
            <button type="button" className="button button-primary" data-autofocus onClick={() => onTake(false)}>
              载入审核结果
            </button>
            <button type="button" className="button" onClick={onClose}>
              取消
            </button>
          </>
        }
      >
        <p>
          文件“{dialog.fileName}”是{label}的审核结果：{what}。
        </p>
        <p>此浏览器中的草稿自提交审核以来内容没有改动，载入后草稿的内容不变，审核意见和审核记录随之更新。</p>
      </Modal>
    );
  }
  return (
    <Modal
      title="本地草稿在提交审核后有修改"
      role="alertdialog"
      wide
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={() => onTake(true)}>
            保留本地修改，载入审核意见
          </button>
          <button type="button" className="button" onClick={onReplace}>
            用审核文件替换本地草稿…
          </button>
          <button type="button" className="button" onClick={() => void downloadDraftFile(dialog.existing.draft)}>
            先下载本地草稿
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            取消
          </button>
        </>
      }
    >
      <p>
        文件“{dialog.fileName}”是{label}的审核结果：{what}。
      </p>
      <p>
        此浏览器中的草稿在提交审核后又修改过（最后保存于 {formatDateTime(dialog.existing.savedAt)}），和审核人看到的内容不同。请选择：
      </p>
      <ul className="problem-list">
        <li>保留本地修改，载入审核意见：草稿内容保持本地的样子，审核意见和审核记录从文件载入。{review.status === 'approved' ? '因为内容与审核通过时不同，审核通过将失效（审核后已修改），须重新提交审核。' : ''}</li>
        <li>用审核文件替换本地草稿：本地在提交审核后的修改将丢失。</li>
      </ul>
    </Modal>
  );
}

/** Said before anything opens: a stale attachment is the likeliest mistake with files that travel by mail. */
function OlderRoundNote({ message }: { message: string | null }) {
  return message ? (
    <p className="tone-warning" role="note">
      {message}
    </p>
  ) : null;
}
