/**
 * 检查与生成: every finding grouped by section, each a link to the place to fix it; the Word report
 * (final when nothing blocks, otherwise — after a confirmation listing what blocks — the version
 * marked 草稿); the draft file. The Word code is loaded only when asked for (it is large).
 */
import { Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { reviewOf, settingsOf, type Draft } from '../../domain/draft-types.ts';
import { countFindings, isPending, type Finding } from '../../domain/findings.ts';
import type { ApprovalVerdict } from '../../domain/approval-verdict.ts';
import { useServices } from '../shared/services.tsx';
import { reviewersNotice, useDeployedReviewers } from '../shared/reviewers-source.ts';
import { TEXT_LIMIT_RULE, TextLimitError } from '../../domain/text-limits.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { ReportFormValues } from '../kernel/form-values.ts';
import { DOCX_MIME, downloadFile } from '../shared/download.ts';
import { downloadDraftFile } from '../shared/draft-file-download.ts';
import { Modal } from '../shared/modal.tsx';
import { routeHash } from '../shared/routing.ts';
import type { CrossYearNoticesComponent } from '../kernel/step-slots.ts';
import { groupFindings, type LocatedFinding } from './group-findings.ts';
import { WebPageActions } from './web-page-actions.tsx';
import { passes, publicationGate } from './publication-gate.ts';

type BuildModule = typeof import('../../docx/build-report.ts');

const SEVERITY_TEXT = { error: '错误', warning: '提醒' } as const;
const MAX_BLOCKERS_LISTED = 12;

function FindingLink({ item }: { item: LocatedFinding }) {
  const { draftId, goTo } = useEditor();
  const { finding, location } = item;
  // A relation still waiting for untouched cells is 待填, shown neutrally as in the table itself.
  const tone = isPending(finding) ? 'pending' : finding.severity;
  return (
    <li className={`finding finding-${tone}`}>
      <span className={`severity severity-${tone}`}>{isPending(finding) ? '待填' : SEVERITY_TEXT[finding.severity]}</span>
      <a
        href={routeHash({ page: 'draft', draftId, step: location.step })}
        onClick={(event) => {
          event.preventDefault();
          goTo(location.step, location.elementId);
        }}
      >
        {finding.message}
      </a>
    </li>
  );
}

/** Text past the stated limits has its own message (which field, how far over); anything else is unexpected. */
function buildFailureMessage(error: unknown): string {
  if (error instanceof TextLimitError) return error.message;
  return '生成 Word 文件时出错，请重试。若仍然失败，请下载草稿文件并联系技术支持。';
}

export interface CheckStepProps {
  /** The comparison with last year (src/features/last-year), passed in by the shell; may suspend while its code loads. */
  readonly CrossYearNotices: CrossYearNoticesComponent;
  /** The clerk's review section (src/features/review), passed in by the shell; may suspend likewise. */
  readonly reviewPanel: ReactNode;
}

export function CheckStep({ CrossYearNotices, reviewPanel }: CheckStepProps) {
  const { template, currentDraft, autosave, live, readOnly, lastYear, draftId, goTo } = useEditor();
  const { findings } = useLiveDraft();
  const { getValues } = useFormContext<ReportFormValues>();
  const groups = useMemo(() => groupFindings(findings, template), [findings, template]);
  const { errors, pending, warnings } = countFindings(findings);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The outcome (已生成… or why not) sits under the buttons, below the fold when the findings list is
  // long: bring it into view, or the clerk would not see that the file was made.
  useEffect(() => {
    if (status || failure) outcomeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [status, failure]);
  const [blocked, setBlocked] = useState<{ draft: Draft; blockers: Finding[]; approval: string[]; module: BuildModule; verdict: ApprovalVerdict } | null>(
    null,
  );
  const { draft: liveDraft } = useLiveDraft();
  const { loadReviewers } = useServices();
  const deployedReviewers = useDeployedReviewers();
  const listNotice = settingsOf(liveDraft).requireApproval ? reviewersNotice(deployedReviewers) : null;

  const build = async (module: BuildModule, draft: Draft, mode: 'final' | 'draft', verdict: ApprovalVerdict) => {
    const bytes = await module.buildReportDocx(draft, mode, verdict);
    const fileName = module.reportFileName(draft, mode);
    downloadFile(bytes, fileName, DOCX_MIME);
    setStatus(`已生成${mode === 'final' ? '正式版' : '草稿版'} Word 文件“${fileName}”，请在浏览器的下载内容中查看。`);
  };

  const generate = async () => {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      if (!readOnly) await autosave.flush();
      live.refresh();
      const draft = currentDraft();
      const module = await import('../../docx/build-report.ts');
      const gate = await publicationGate(draft, getValues('fees'), loadReviewers);
      const { verdict, blockers, approval } = gate;
      if (!passes(gate)) setBlocked({ draft, blockers: [...blockers], approval: [...approval], module, verdict });
      else await build(module, draft, 'final', verdict);
    } catch (error) {
      setFailure(buildFailureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const generateDraftVersion = async () => {
    if (!blocked) return;
    const { module, draft, verdict } = blocked;
    setBlocked(null);
    setBusy(true);
    try {
      await build(module, draft, 'draft', verdict);
    } catch (error) {
      setFailure(buildFailureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="check-step">
      <section aria-labelledby="findings-heading" className="check-findings">
        <h2 id="findings-heading" className="part-heading">
          检查结果
        </h2>
        <p className={errors > 0 ? 'summary summary-error' : warnings + pending > 0 ? 'summary summary-warning' : 'summary summary-ok'}>
          {findings.length === 0
            ? '没有发现问题。'
            : `共 ${errors} 个错误、${pending > 0 ? `${pending} 处待填（填完才能生成正式版）、` : ''}${warnings} 个提醒。点击条目可跳到需要修改的位置。`}
        </p>
        {groups.map((group) => (
          <section key={group.step} className="finding-group" aria-labelledby={`findings-${group.step}`}>
            <h3 id={`findings-${group.step}`}>
              {group.label}
              <span className="group-counts">
                （{[
                  group.errors > 0 ? `${group.errors} 个错误` : null,
                  group.pending > 0 ? `${group.pending} 处待填` : null,
                  group.warnings > 0 ? `${group.warnings} 个提醒` : null,
                ]
                  .filter(Boolean)
                  .join('，')}
                ）
              </span>
            </h3>
            <ul className="finding-list">
              {group.items.map((item, index) => (
                <FindingLink key={`${item.finding.rule}-${index}`} item={item} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <Suspense fallback={null}>
      <CrossYearNotices
        current={liveDraft}
        lastYear={lastYear}
        attachHint={
          <a
            href={routeHash({ page: 'draft', draftId, step: 'basics' })}
            onClick={(event) => {
              event.preventDefault();
              goTo('basics', 'last-year-heading');
            }}
          >
            在“基本信息”中附上上年报告
          </a>
        }
      />

      {reviewPanel}
      </Suspense>
      {listNotice && (
        <p className="rv-note-warning" role="note">
          {listNotice}
        </p>
      )}

      <section aria-labelledby="generate-heading" className="generate">
        <h2 id="generate-heading" className="part-heading">
          生成 Word 报告
        </h2>
        <p className="field-help">
          {settingsOf(liveDraft).requireApproval
            ? '没有错误、表格全部填写，并经审核通过后生成正式版；否则可以生成标注“草稿”的版本供内部传阅。'
            : '没有错误、表格全部填写后生成正式版；否则可以生成标注“草稿”的版本供内部传阅。'}
          生成的 Word 文件中带有本报告的草稿数据{reviewOf(liveDraft).status === 'approved' ? '和审核记录' : ''}，以后可以用“打开草稿文件”继续编辑。
        </p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void generate()} disabled={busy} aria-busy={busy}>
            {busy ? '正在生成…' : '生成 Word 报告'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void downloadDraftFile(currentDraft())}
          >
            下载草稿文件（.json）
          </button>
        </div>
        <div ref={outcomeRef} className="generate-outcome">
          <p role="status" className="generate-status">
            {status}
          </p>
          {failure && (
            <p role="alert" className="field-error">
              {failure}
            </p>
          )}
        </div>
        <h3 className="web-page-heading">发布到政府信息公开平台</h3>
        <p className="field-help">
          “年报”栏目用的网页与 Word 报告内容相同：可以下载为一个网页文件上传，或复制后粘贴到网站编辑器中。未通过检查或未经审核时，网页上同样标有“草稿”。
        </p>
        <WebPageActions />
      </section>

      {blocked && (
        <Modal
          title="还不能生成正式版"
          role="alertdialog"
          wide
          onClose={() => setBlocked(null)}
          actions={
            <>
              {/* Text past the limits is refused in the 草稿 version too: no button that can only fail. */}
              {!blocked.blockers.some((finding) => finding.rule === TEXT_LIMIT_RULE) && (
                <button type="button" className="button button-primary" onClick={() => void generateDraftVersion()}>
                  生成草稿版（标注“草稿”）
                </button>
              )}
              <button type="button" className="button" data-autofocus onClick={() => setBlocked(null)}>
                返回修改
              </button>
            </>
          }
        >
          <p>以下 {blocked.blockers.length + blocked.approval.length} 个问题需要先解决，才能生成正式版：</p>
          <ul className="problem-list">
            {blocked.approval.map((reason) => (
              <li key={reason}>
                <span className="severity severity-error">审核</span> {reason}
              </li>
            ))}
            {blocked.blockers.slice(0, MAX_BLOCKERS_LISTED).map((finding, index) => (
              <li key={index}>
                <span className={`severity severity-${finding.severity}`}>{SEVERITY_TEXT[finding.severity]}</span> {finding.message}
              </li>
            ))}
          </ul>
          {blocked.blockers.length > MAX_BLOCKERS_LISTED && <p className="muted">另有 {blocked.blockers.length - MAX_BLOCKERS_LISTED} 个问题，见检查结果。</p>}
          {blocked.blockers.some((finding) => finding.rule === TEXT_LIMIT_RULE) ? (
            <p>文字超过上限时，草稿版也不能生成：请先删减（已写的内容都还在）。</p>
          ) : (
            <p>也可以先生成标注“草稿”的版本，供内部审阅。</p>
          )}
        </Modal>
      )}
    </div>
  );
}
