/**
 * Reading a draft file (`.draft.json` or a `.docx` the app made) from disk for a command, with the
 * reason in Chinese naming the file when it cannot be read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDraftBytes } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';

/** Far above any real draft or report (a few MB at most); a bigger file is not ours, so don't load it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Problems listed before "……另有 N 处"; a file from a broken exporter can have hundreds. */
const MAX_PROBLEMS_SHOWN = 20;
const READ_CHUNK = 1024 * 1024;

/** `bytes`: the file as read (at most `MAX_FILE_BYTES`), so that nothing reads it a second time. */
export type LoadResult = { ok: true; draft: Draft; path: string; bytes: Uint8Array } | { ok: false; message: string };

/** The reason a file operation failed, in Chinese, for the error codes a clerk or IT staff can act on. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在（请检查文件名和所在文件夹）';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取这个文件的权限';
    case 'ENOTDIR':
      return '路径中有一部分不是文件夹';
    case 'ENAMETOOLONG':
      return '文件名或路径太长';
    case 'ELOOP':
      return '路径中的符号链接形成了循环';
    case 'EIO':
      return '读取时磁盘或网络驱动器出错（输入输出错误），请检查存储设备后重试';
    case 'EMFILE':
    case 'ENFILE':
      return '系统同时打开的文件太多，请稍后重试';
    case 'EAGAIN':
      return '文件暂时无法读取（可能是管道或设备），只能读取普通文件';
    default:
      return code !== undefined ? `读取失败（系统错误代码 ${code}）` : '读取失败';
  }
}

export class TooLarge extends Error {}

/**
 * The bytes of a regular file, at most `limit` of them. Opened without blocking (a FIFO would otherwise
 * wait for a writer forever) and checked on the opened descriptor (no gap between looking and opening);
 * devices such as /dev/zero report size 0, so the read itself is capped too.
 */
export function readRegularFile(path: string, limit: number): Uint8Array | 'notFile' | 'directory' | TooLarge {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return 'directory';
    if (!stat.isFile()) return 'notFile';
    if (stat.size > limit) return new TooLarge(String(stat.size));
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (true) {
      const chunk = new Uint8Array(Math.min(READ_CHUNK, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      // The file grew since fstat: still never more than the limit.
      if (total > limit) return new TooLarge(String(total));
      chunks.push(chunk.subarray(0, read));
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** `what` names the role of the file in messages, e.g. `草稿文件` or `上年报告`. */
export function loadDraft(file: string, cwd: string, what = '草稿文件'): LoadResult {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const read = readRegularFile(path, MAX_FILE_BYTES);
    if (read === 'directory') return { ok: false, message: `无法读取${what} ${file}：这是一个文件夹，不是文件` };
    if (read === 'notFile') {
      return { ok: false, message: `无法读取${what} ${file}：这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的草稿文件或 Word 文件` };
    }
    if (read instanceof TooLarge) {
      return {
        ok: false,
        message: `无法读取${what} ${file}：文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），不是本工具的草稿文件或报告，没有读入`,
      };
    }
    bytes = read;
  } catch (error) {
    return { ok: false, message: `无法读取${what} ${file}：${fsReason(error)}` };
  }
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
