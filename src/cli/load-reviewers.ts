/**
 * `--reviewers reviewers.json`: the agency's list of reviewers' public keys (src/domain/reviewers-list.ts),
 * read from disk with a size cap, the reason in Chinese when it cannot be used.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_REVIEWERS_LIST_BYTES, parseReviewersList, type ReviewersList } from '../domain/reviewers-list.ts';

export type ReviewersLoad = { ok: true; list: ReviewersList } | { ok: false; message: string };

export async function loadReviewersList(file: string, cwd: string): Promise<ReviewersLoad> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    // Only a regular file, and no more than the cap: a FIFO or /dev/zero must not hang or fill memory.
    if (!statSync(path).isFile()) return { ok: false, message: `无法读取审核人名单 ${file}：不是普通文件` };
    const buffer = Buffer.alloc(MAX_REVIEWERS_LIST_BYTES + 1);
    const fd = openSync(path, 'r');
    let length = 0;
    try {
      for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    } finally {
      closeSync(fd);
    }
    if (length > MAX_REVIEWERS_LIST_BYTES) return { ok: false, message: `无法读取审核人名单 ${file}：文件过大，不是审核人名单` };
    text = buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const why = code === 'ENOENT' ? '文件不存在（请检查文件名和所在文件夹）' : code === 'EACCES' || code === 'EPERM' ? '没有读取这个文件的权限' : '读取失败';
    return { ok: false, message: `无法读取审核人名单 ${file}：${why}` };
  }
  const parsed = await parseReviewersList(text, file);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}
