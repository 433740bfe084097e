/** A file the clerk picked → a draft, or the problems in Chinese. Never throws. */
import type { DraftReadResult } from '../../domain/draft-file.ts';
import { loadDraftFileModule } from './draft-file-download.ts';

/** Larger than any draft or report the app makes (a report .docx is a few hundred KB). */
const MAX_BYTES = 20 * 1024 * 1024;

export async function readDraftFile(file: File): Promise<DraftReadResult> {
  if (file.size > MAX_BYTES) {
    return { ok: false, problems: [{ path: '', message: `文件“${file.name}”太大（超过 20 MB），不是本工具生成的草稿文件或报告。` }] };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { readDraftBytes } = await loadDraftFileModule();
    return readDraftBytes(bytes, file.name);
  } catch {
    return { ok: false, problems: [{ path: '', message: `无法读取文件“${file.name}”，请确认文件没有被其他程序占用后重试。` }] };
  }
}
