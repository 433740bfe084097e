/**
 * A report the clerk picked that was not made by this app — its published web page (.html, as the
 * browser saved it) or a Word file — read into a draft with what differs from the format. The reader
 * (src/domain/import) is loaded only now, so it stays out of the initial bundle. Never throws.
 */
import type { ImportResult } from '../../domain/import/index.ts';

/** As for draft files: far larger than any report page or Word file. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Files the import takes: saved pages and Word files. */
export const IMPORT_FILE_ACCEPT = '.html,.htm,.docx,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function isWebPageName(name: string): boolean {
  return /\.html?$/i.test(name);
}

/**
 * The page's text without what the app's Content-Security-Policy refuses: Chromium checks the style
 * attributes of a document made by DOMParser against the page that made it (and reports each as a
 * violation) although nothing is shown. The report's text and tables need no styles or scripts.
 */
export function inertHtml(html: string): string {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/(<[a-zA-Z][^>]*?\s)style\s*=/g, '$1data-style=');
}

function parsePage(html: string): Document {
  return new DOMParser().parseFromString(inertHtml(html), 'text/html');
}

export async function importReportFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_BYTES) return { ok: false, message: `文件“${file.name}”太大（超过 20 MB），不是年度报告的网页或 Word 文件。` };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { importDocx, importHtmlDocument, importSourceOf } = await import('../../domain/import/index.ts');
    const source = importSourceOf(bytes);
    if (source.kind === 'docx') return importDocx(source.bytes);
    if (source.kind === 'html') return importHtmlDocument(parsePage(source.text));
    return { ok: false, message: `文件“${file.name}”既不是网页（.html）也不是 Word 文件（.docx），无法导入。` };
  } catch {
    return { ok: false, message: `无法读取文件“${file.name}”，请确认文件没有被其他程序占用后重试。` };
  }
}

/** HTML pasted from the clipboard (the clerk selected the report on its web page and copied it). */
export async function importPastedHtml(html: string): Promise<ImportResult> {
  const { importHtmlDocument } = await import('../../domain/import/index.ts');
  return importHtmlDocument(parsePage(html));
}
