/**
 * Reading a draft file (`.draft.json` or a `.docx` the app made) from disk for a command, with the
 * reason in Chinese naming the file when it cannot be read.
 */
import { readDraftBytes } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';
import { readInputFile } from './input-file.ts';

/** Problems listed before "……另有 N 处"; a file from a broken exporter can have hundreds. */
const MAX_PROBLEMS_SHOWN = 20;

/** `bytes`: the file as read (at most `MAX_FILE_BYTES`), so that nothing reads it a second time. */
export type LoadResult = { ok: true; draft: Draft; path: string; bytes: Uint8Array } | { ok: false; message: string };

/** `what` names the role of the file in messages, e.g. `草稿文件` or `上年报告`. */
export function loadDraft(file: string, cwd: string, what = '草稿文件'): LoadResult {
  const read = readInputFile(file, cwd, { role: what, files: '草稿文件或 Word 文件' });
  if (!read.ok) return read;
  const { path, bytes } = read;
  const result = readDraftBytes(bytes, file);
  if (result.ok) return { ok: true, draft: result.draft, path, bytes };
  const [first, ...more] = result.problems;
  if (first !== undefined && more.length === 0) return { ok: false, message: `无法读取${what} ${file}：${first.message}` };
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `  - ${problem.message}`);
  const rest = result.problems.length - MAX_PROBLEMS_SHOWN;
  return {
    ok: false,
    message: [`无法读取${what} ${file}，共 ${result.problems.length} 处问题：`, ...shown, ...(rest > 0 ? [`  ……另有 ${rest} 处问题未列出`] : [])].join('\n'),
  };
}
