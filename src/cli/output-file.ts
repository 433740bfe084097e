/**
 * Writing a command's output file: never over something that is there without --force, never leaving a
 * half-written file the command created, and the reason in Chinese when the system refuses.
 */
import { closeSync, constants, lstatSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { CliIo } from './command.ts';

/** Why writing failed, in Chinese; the system's own text is English and means nothing to a clerk. */
export function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '所在文件夹不存在';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EBUSY':
      return '文件正被其他程序（如 Word、WPS）打开，请先关闭';
    case 'ENOSPC':
      return '磁盘空间不足，请腾出空间后重试';
    case 'EDQUOT':
      return '超出了磁盘配额，请腾出空间后重试';
    case 'EIO':
      return '写入时磁盘或网络驱动器出错（输入输出错误），请检查存储设备后重试';
    case 'EROFS':
      return '所在磁盘是只读的';
    case 'ENOTDIR':
      return '路径中有一部分不是文件夹';
    case 'ENAMETOOLONG':
      return '文件名或路径太长';
    case 'EFBIG':
      return '文件超出了所在磁盘允许的大小';
    case 'ENXIO':
    case 'EAGAIN':
      return '这不是普通文件（而是管道、设备或套接字），无法写入';
    default:
      return code !== undefined ? `写入失败（系统错误代码 ${code}）` : '写入失败';
  }
}

/** Whether two paths name the same file (following links: a symbolic link to the input is the input). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` to `path`: creating it (failing with EEXIST if anything, even a dangling link, is there)
 * or, with `replace`, truncating what is there. Opened without blocking: a FIFO given with --force would
 * otherwise wait for a reader forever; it fails with ENXIO instead.
 */
export function writeOutput(path: string, bytes: Uint8Array, replace: boolean): void {
  const mode = replace ? constants.O_TRUNC : constants.O_EXCL;
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | mode | (constants.O_NONBLOCK ?? 0), 0o666);
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
}

/** Whether anything is at `path`, a dangling symbolic link included. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The refusal to write over a file that is there (without --force). */
export function alreadyThere(output: string): string {
  return `没有写入：${output} 已经存在。要覆盖它请加 --force，或用 -o 指定另一个输出文件。\n`;
}

/**
 * Writes `bytes` to `output` (over what is there only with `force`), or says on stderr why not and returns
 * false. Without --force, creating fails if anything (even a dangling link) appeared there since the caller
 * looked. A file this call created and could not finish is useless and is removed; one that existed (--force)
 * is left.
 */
export function writeOutputFile(io: CliIo, output: string, bytes: Uint8Array, force: boolean): boolean {
  try {
    writeOutput(output, bytes, force);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EEXIST') {
      io.stderr(alreadyThere(output));
      return false;
    }
    if (!force) {
      try {
        unlinkSync(output);
      } catch {
        // Nothing was created.
      }
    }
    io.stderr(`无法写入 ${output}：${writeReason(error)}\n`);
    return false;
  }
}
