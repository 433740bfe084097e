/**
 * The report for the 年报 column of the 政府信息公开 platform (src/html/report-page.ts): download it as one
 * web page, or copy it for the website's editor (the body with inline styles as text/html, and plain
 * text; see `writeClipboard`). Final or 草稿 exactly as for the Word file: no error, no blank cell and — unless switched off — an
 * approval that verifies; otherwise the page is marked 草稿 and the status line says why.
 */
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApprovalVerdict } from '../../domain/approval-verdict.ts';
import type { Draft } from '../../domain/draft-types.ts';
import type { ReportMode } from '../../domain/report-content.ts';
import { textLimitFindings } from '../../domain/text-limits.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { publicationGate } from './publication-gate.ts';
import type { ReportFormValues } from '../kernel/form-values.ts';
import { downloadFile } from '../shared/download.ts';
import { useServices } from '../shared/services.tsx';

type PageModule = typeof import('../../html/report-page.ts');

interface Prepared {
  readonly module: PageModule;
  readonly draft: Draft;
  readonly mode: ReportMode;
  readonly verdict: ApprovalVerdict;
  /** How many problems keep the page from being final (0 for the final page). */
  readonly problems: number;
}

const BUILD_FAILED = '生成网页时出错，请重试。若仍然失败，请下载草稿文件并联系技术支持。';
const COPY_FALLBACK = '浏览器没有允许写入剪贴板。请改用“下载网页文件”，用浏览器打开后全选（Ctrl+A）复制，再粘贴到网站编辑器中。';

/**
 * Puts the report on the clipboard as HTML and as plain text; false when the browser does not allow it.
 *
 * First through a `copy` event, whose data the browser stores as given. Only where that is refused (no
 * user activation left, as in Safari after the page was prepared) through `navigator.clipboard.write`:
 * Chromium's Async Clipboard API parses the HTML in the app's own document to sanitise it, and the app's
 * Content-Security-Policy then reports every `style` attribute of the report as a violation (692 for the
 * 2023 sample), although the clipboard receives the HTML intact.
 */
async function writeClipboard(html: string, text: string): Promise<boolean> {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } catch {
    // Refused: the Async Clipboard API below is the other way.
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (written) return true;
  if (typeof navigator.clipboard?.write !== 'function' || typeof ClipboardItem === 'undefined') return false;
  try {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
    ]);
    return true;
  } catch {
    return false;
  }
}

export function WebPageActions() {
  const { currentDraft, autosave, live, readOnly } = useEditor();
  const { getValues } = useFormContext<ReportFormValues>();
  const { loadReviewers } = useServices();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** The page's content and mode, decided as the Word file's; null (with a message) for text past the limits. */
  const prepare = async (): Promise<Prepared | null> => {
    if (!readOnly) await autosave.flush();
    live.refresh();
    const draft = currentDraft();
    const overLimit = textLimitFindings(draft);
    if (overLimit.length > 0) {
      setFailure(`文字超过上限，不能生成网页：${overLimit[0]!.message}`);
      return null;
    }
    const module = await import('../../html/report-page.ts');
    const { verdict, blockers, approval } = await publicationGate(draft, getValues('fees'), loadReviewers);
    const problems = blockers.length + approval.length;
    return { module, draft, verdict, mode: problems === 0 ? 'final' : 'draft', problems };
  };

  const draftNotice = (prepared: Prepared) =>
    prepared.mode === 'draft' ? `还不能作为正式版发布（${prepared.problems} 个问题，见上方检查结果和审核情况），页面上标有“草稿”。` : '';

  /** Prepares the page and hands it on; one action at a time, a failure said in place. */
  const withPreparedPage = async (use: (prepared: Prepared) => Promise<void> | void) => {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      const prepared = await prepare();
      if (prepared) await use(prepared);
    } catch {
      setFailure(BUILD_FAILED);
    } finally {
      setBusy(false);
    }
  };

  const downloadPage = () =>
    withPreparedPage((prepared) => {
      const { module, draft, mode, verdict } = prepared;
      const fileName = module.reportPageFileName(draft, mode);
      downloadFile(module.reportPageHtml(draft, mode, verdict), fileName, module.HTML_MIME);
      setStatus(`已生成${mode === 'final' ? '正式版' : '草稿版'}网页文件“${fileName}”，请在浏览器的下载内容中查看。${draftNotice(prepared)}`);
    });

  const copyForWebsite = () =>
    withPreparedPage(async (prepared) => {
      const { module, draft, mode, verdict } = prepared;
      const copied = await writeClipboard(module.reportPageFragment(draft, mode, verdict), module.reportPageText(draft, mode, verdict));
      if (copied) setStatus(`已复制${mode === 'final' ? '正式版' : '草稿版'}报告，可在网站编辑器中粘贴（表格、标题和字体样式随之粘贴）。${draftNotice(prepared)}`);
      else setFailure(COPY_FALLBACK);
    });

  return (
    <div className="web-page-actions">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void downloadPage()} disabled={busy}>
          下载网页文件（.html）
        </button>
        <button type="button" className="button" onClick={() => void copyForWebsite()} disabled={busy}>
          复制到网站编辑器
        </button>
      </div>
      {/* A live region of its own, beside the Word file's status line. */}
      <p aria-live="polite" className="generate-status">
        {status}
      </p>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </div>
  );
}
