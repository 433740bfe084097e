/**
 * `--reviewers reviewers.json`: the agency's list of reviewers' public keys (src/domain/reviewers-list.ts),
 * read from disk with a size cap, the reason in Chinese when it cannot be used.
 */
import { resolve } from 'node:path';
import { MAX_REVIEWERS_LIST_BYTES, parseReviewersList, type ReviewersList } from '../domain/reviewers-list.ts';
import type { CliIo } from './command.ts';
import { fsReason, readRegularFile, TooLarge } from './load-draft.ts';

export type ReviewersLoad = { ok: true; list: ReviewersList } | { ok: false; message: string };

export async function loadReviewersList(file: string, cwd: string): Promise<ReviewersLoad> {
  let bytes: Uint8Array;
  try {
    // Read as draft files are: only a regular file, opened without blocking, never more than the cap.
    const read = readRegularFile(resolve(cwd, file), MAX_REVIEWERS_LIST_BYTES);
    if (read === 'directory' || read === 'notFile') return { ok: false, message: `无法读取审核人名单 ${file}：不是普通文件` };
    if (read instanceof TooLarge) return { ok: false, message: `无法读取审核人名单 ${file}：文件过大，不是审核人名单` };
    bytes = read;
  } catch (error) {
    return { ok: false, message: `无法读取审核人名单 ${file}：${fsReason(error)}` };
  }
  const parsed = await parseReviewersList(new TextDecoder('utf-8').decode(bytes), file);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}

/**
 * The `--reviewers` option of `check` and `docx`: `list` null when the option is absent; when the file
 * cannot be used, the reason is written to stderr and `ok` is false (the command exits with 2).
 */
export async function reviewersOption(file: string | undefined, io: CliIo): Promise<{ ok: true; list: ReviewersList | null } | { ok: false }> {
  if (file === undefined) return { ok: true, list: null };
  const loaded = await loadReviewersList(file, io.cwd);
  if (loaded.ok) return { ok: true, list: loaded.list };
  io.stderr(`${loaded.message}\n`);
  return { ok: false };
}
