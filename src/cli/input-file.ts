/**
 * Reading a command's input file: only a regular file, never more than a cap, and the reason in Chinese
 * naming the file when it cannot be read. `check`, `docx`, `html` (their draft and last year's report,
 * the reviewers list), `import` and `rollup` all read through here, so the same case gets the same message.
 * What the bytes mean (a draft, a report page, a Word file) is for the domain to decide.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';

/** Far above any real draft or report (a few MB at most); a bigger file is not ours, so don't load it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

/** What a command reads, as its messages name it. */
export interface InputKind {
  /** The file's role, before its name: 无法读取草稿文件 x, 无法读取上年报告 x; '' for 无法读取 x. */
  readonly role: string;
  /** The files the command reads: 这不是普通文件…，只能读取保存在磁盘上的{files}. */
  readonly files: string;
  /** What a file past the cap cannot be: 文件过大…，不是{document}. Default: 年度报告. */
  readonly document?: string;
  /** Default: MAX_FILE_BYTES. */
  readonly limit?: number;
}

export type InputFile = { ok: true; path: string; bytes: Uint8Array } | { ok: false; message: string };

/** The reason reading failed, in Chinese, for the error codes a clerk or IT staff can act on. */
export function readReason(error: unknown): string {
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

/** A cap as a clerk reads it: 64 MB, 1 MB, 512 KB. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

/**
 * The bytes of the regular file `file` (relative to `cwd`), at most the kind's limit of them. Opened
 * without blocking (a FIFO would otherwise wait for a writer forever) and checked on the opened descriptor
 * (no gap between looking and opening); devices such as /dev/zero report size 0, so the read itself is
 * capped too.
 */
export function readInputFile(file: string, cwd: string, kind: InputKind): InputFile {
  const path = resolve(cwd, file);
  const limit = kind.limit ?? MAX_FILE_BYTES;
  const refused = (reason: string): InputFile => ({ ok: false, message: `无法读取${kind.role} ${file}：${reason}` });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return refused(readReason(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return refused('这是一个文件夹，不是文件');
    if (!stat.isFile()) return refused(`这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的${kind.files}`);
    const tooLarge = () => refused(`文件过大（超过 ${sizeText(limit)}），不是${kind.document ?? '年度报告'}，没有读入`);
    if (stat.size > limit) return tooLarge();
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (true) {
      const chunk = new Uint8Array(Math.min(READ_CHUNK, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      // The file grew since fstat: still never more than the limit.
      if (total > limit) return tooLarge();
      chunks.push(chunk.subarray(0, read));
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { ok: true, path, bytes };
  } catch (error) {
    return refused(readReason(error));
  } finally {
    closeSync(fd);
  }
}
