/**
 * Reading a draft file (`.draft.json` or a `.docx` the app made) from disk for a command, with the
 * reason in Chinese naming the file when it cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDraftBytes } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';

/** Far above any real draft or report (a few MB at most); a bigger file is not ours, so don't load it. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Problems listed before "……另有 N 处"; a file from a broken exporter can have hundreds. */
const MAX_PROBLEMS_SHOWN = 20;

export type LoadResult = { ok: true; draft: Draft; path: string } | { ok: false; message: string };

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在（请检查文件名和所在文件夹）';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取这个文件的权限';
    default:
      return `读取失败（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** `what` names the role of the file in messages, e.g. `草稿文件` or `上年报告`. */
export function loadDraft(file: string, cwd: string, what = '草稿文件'): LoadResult {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: `无法读取${what} ${file}：这是一个文件夹，不是文件` };
    if (stat.size > MAX_FILE_BYTES) {
      return { ok: false, message: `无法读取${what} ${file}：文件过大（${Math.round(stat.size / 1024 / 1024)} MB），不是本工具的草稿文件` };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `无法读取${what} ${file}：${fsReason(error)}` };
  }
  const result = readDraftBytes(bytes, file);
  if (result.ok) return { ok: true, draft: result.draft, path };
  const [first, ...more] = result.problems;
  if (first !== undefined && more.length === 0) return { ok: false, message: `无法读取${what} ${file}：${first.message}` };
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `  - ${problem.message}`);
  const rest = result.problems.length - MAX_PROBLEMS_SHOWN;
  return {
    ok: false,
    message: [`无法读取${what} ${file}，共 ${result.problems.length} 处问题：`, ...shown, ...(rest > 0 ? [`  ……另有 ${rest} 处问题未列出`] : [])].join('\n'),
  };
}
