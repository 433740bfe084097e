/**
 * Importing a report that was not made by this app: its published web page (saved or pasted) or a Word
 * file. The app loads this module only when the clerk imports (a dynamic import), so it stays out of the
 * initial bundle.
 */
import { docxBlocks } from './docx-blocks.ts';
import { htmlBlocks, type HtmlNode } from './html-blocks.ts';
import { importReport, type ImportResult } from './read-report.ts';

export { feeStatementUnread, importComplete, narrativeSectionOf, type ImportReport, type ImportResult } from './read-report.ts';
export type { HtmlNode } from './html-blocks.ts';

/** A page parsed by DOMParser (browser) or linkedom (Node). */
export function importHtmlDocument(document: HtmlNode, now = new Date()): ImportResult {
  return importReport(htmlBlocks(document), now);
}

/** Largest page read: a saved report page is well under 1 MB; 16 MB leaves room for inline images. */
export const MAX_HTML_CHARS = 16 * 1024 * 1024;

/** A `.docx`: refused with the reason in Chinese when it is not a Word file or inflates past the limit. */
export function importDocx(bytes: Uint8Array, now = new Date()): ImportResult {
  const read = docxBlocks(bytes);
  if (!read.ok) {
    const message = {
      notZip: '这个文件不是 Word 文件（.docx），无法导入。旧版 Word 的 .doc 文件请先在 Word 或 WPS 中另存为 .docx。',
      notWord: '这个压缩文件中没有 Word 文档正文（word/document.xml），不是 Word 文件，无法导入。',
      oversized: '这个 Word 文件的正文解压后超过 16 MB（可能是“压缩炸弹”），已拒绝，没有导入。',
      damaged: '这个 Word 文件已损坏或不完整，无法解开，可能在下载或复制时被截断。请重新取得完整的文件。',
    }[read.reason];
    return { ok: false, message };
  }
  return importReport(read.blocks, now);
}

export type ImportSource = { kind: 'docx'; bytes: Uint8Array } | { kind: 'html'; text: string } | { kind: 'unknown' };

/**
 * What a file's bytes are: a zip (a Word file), or text in the encoding the page declares (saved
 * Chinese government pages are often GBK/GB18030; UTF-8 otherwise), or neither.
 */
export function importSourceOf(bytes: Uint8Array): ImportSource {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return { kind: 'docx', bytes };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const gb = declared !== undefined && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared);
  let text: string;
  try {
    text = new TextDecoder(gb ? 'gb18030' : 'utf-8').decode(bytes);
  } catch {
    return { kind: 'unknown' };
  }
  if (text.length > MAX_HTML_CHARS || !/<(html|body|table|p|div)[\s>]/i.test(text)) return { kind: 'unknown' };
  return { kind: 'html', text };
}

export { draftForNextYear } from './next-year.ts';
