/**
 * 上年报告 on 基本信息: which report is last year's (a file the clerk attaches — a draft file or the
 * Word file the app made — or another draft in this browser), with a warning when it is not this
 * agency's report of the year before, what the format change skips, and the carry-over of 上年结转.
 * The choice and a copy of the report are kept in this browser beside the draft, never in it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { crossYearSummary } from '../../domain/cross-year.ts';
import type { DraftProblem } from '../../domain/draft-file.ts';
import type { Draft } from '../../domain/draft-types.ts';
import type { StoredDraft } from '../../storage/draft-repository.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import { readDraftFile } from '../shared/read-draft-file.ts';
import { FileChooser, REPORT_FILE_ACCEPT } from '../shared/file-chooser.tsx';
import { importReportFile, isWebPageName } from '../shared/import-report-file.ts';
import { LastYearImportDialog } from '../shared/import-summary.tsx';
import { Modal } from '../shared/modal.tsx';
import type { ImportReport } from '../../domain/import/index.ts';
import { formatName } from '../shared/format.ts';
import { useServices } from '../shared/services.tsx';
import { CarryOverPanel } from './carry-over-panel.tsx';
import { lastYearSourceText } from './cross-year-notices.tsx';
import './last-year.css';

function label(draft: Pick<Draft, 'agency' | 'year'>): string {
  return `${draft.agency.name} ${draft.year}年度`;
}

export function LastYearPanel() {
  const { draftId, lastYear, chooseLastYear, readOnly } = useEditor();
  const { repository, now } = useServices();
  const { draft } = useLiveDraft();
  const selectId = useId();
  const [others, setOthers] = useState<StoredDraft[]>([]);
  const [picked, setPicked] = useState('');
  const [problems, setProblems] = useState<{ fileName: string; problems: DraftProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A report imported from its web page or a Word file, waiting for the clerk to confirm it. */
  const [pending, setPending] = useState<{ fileName: string; draft: Draft; report: ImportReport } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void repository
      .list()
      .then((records) => {
        if (cancelled) return;
        const candidates = records.filter((record) => record.id !== draftId);
        // The same agency's report of the year before first, then other years, then other agencies.
        const rank = (record: StoredDraft) =>
          (record.draft.year === draft.year - 1 ? 0 : 2) + (record.draft.agency.name.trim() === draft.agency.name.trim() ? 0 : 1);
        setOthers(candidates.sort((a, b) => rank(a) - rank(b) || b.draft.year - a.draft.year));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // The list is read once per visit to the step; names typed meanwhile only change the order.
  }, [repository, draftId]);

  const previous = lastYear.draft;
  const summary = useMemo(() => (previous ? crossYearSummary(draft, previous) : null), [draft, previous]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const onFile = (file: File) =>
    run(async () => {
      if (!isWebPageName(file.name)) {
        const read = await readDraftFile(file);
        if (read.ok) {
          setProblems(null);
          await chooseLastYear({ kind: 'file', fileName: file.name, at: now().toISOString(), draft: read.draft });
          return;
        }
        // A Word file without the app's draft inside is read as a published report below.
        if (!/\.docx$/i.test(file.name)) {
          setProblems({ fileName: file.name, problems: read.problems });
          return;
        }
      }
      const imported = await importReportFile(file);
      if (!imported.ok) {
        setProblems({ fileName: file.name, problems: [{ path: '', message: imported.message }] });
        return;
      }
      setProblems(null);
      setPending({ fileName: file.name, draft: imported.draft, report: imported.report });
    });

  const confirmImported = () =>
    run(async () => {
      if (!pending) return;
      setPending(null);
      await chooseLastYear({ kind: 'file', fileName: pending.fileName, at: now().toISOString(), draft: pending.draft });
    });

  const onPick = () =>
    run(async () => {
      const record = others.find((candidate) => candidate.id === picked);
      if (!record) return;
      await chooseLastYear({ kind: 'stored', draftId: record.id, at: now().toISOString(), draft: record.draft });
    });

  return (
    <section className="ly-panel" aria-labelledby="last-year-heading">
      <h2 id="last-year-heading" className="part-heading" tabIndex={-1}>
        上年报告
      </h2>
      <p className="field-help">
        附上{draft.year - 1}年度的报告（草稿文件 .json，本工具生成的 Word 文件，或已发布报告的网页 .html、Word 文件），用于把上年的“结转下年度继续办理”带入本年“上年结转”、核对跨年数字、在表格中显示上年数，并提示变化超过五倍的主要数字。上年报告只保存在本浏览器中，不写入本年报告。
      </p>
      <p className="ly-current" role="status">
        {previous ? `当前上年报告：${lastYearSourceText(lastYear)}。` : lastYear.source === 'none' ? '已选择不使用上年报告。' : '当前没有上年报告。'}
      </p>
      {summary && summary.pairing.length > 0 && (
        <div className="ly-pairing" role="alert">
          {summary.pairing.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
      {summary && summary.skipped.length > 0 && previous && (
        <p className="ly-skipped-short">
          上年报告使用{formatName(previous.template)}，本年使用{formatName(draft.template)}：{summary.skipped.map((item) => item.rule).join('、')}
          等跨年检查因格式变化不能进行，详见“检查与生成”。
        </p>
      )}
      <div className="ly-actions">
        <FileChooser
          accept={REPORT_FILE_ACCEPT}
          label="选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）"
          disabled={readOnly || busy}
          onFile={(file) => void onFile(file)}
        >
          {previous ? '改用其他上年报告文件…' : '选择上年报告文件…'}
        </FileChooser>
        {others.length > 0 && (
          <span className="ly-pick">
            <label htmlFor={selectId}>或选用本浏览器中的草稿</label>
            <select id={selectId} value={picked} disabled={readOnly || busy} onChange={(event) => setPicked(event.target.value)}>
              <option value="">（请选择）</option>
              {others.map((record) => (
                <option key={record.id} value={record.id}>
                  {label(record.draft)}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={readOnly || busy || picked === ''} onClick={() => void onPick()}>
              选用
            </button>
          </span>
        )}
        {previous && (
          <button type="button" className="button" disabled={readOnly || busy} onClick={() => void run(() => chooseLastYear({ kind: 'none', at: now().toISOString() }))}>
            不使用上年报告
          </button>
        )}
        {lastYear.source === 'none' && (
          <button type="button" className="button" disabled={readOnly || busy} onClick={() => void run(() => chooseLastYear(undefined))}>
            恢复自动选用
          </button>
        )}
      </div>
      {problems && (
        <div className="ly-problems" role="alert">
          <p>文件“{problems.fileName}”不能作为上年报告使用：</p>
          <ul>
            {problems.problems.slice(0, 10).map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && <LastYearImportDialog imported={pending} busy={busy} onConfirm={() => void confirmImported()} onCancel={() => setPending(null)} />}
      {previous && <CarryOverPanel previous={previous} />}
    </section>
  );
}
