/**
 * `--reviewers reviewers.json`: the agency's list of reviewers' public keys (src/domain/reviewers-list.ts),
 * read from disk as every input file is (input-file.ts), the reason in Chinese when it cannot be used.
 */
import { MAX_REVIEWERS_LIST_BYTES, parseReviewersList, type ReviewersList } from '../domain/reviewers-list.ts';
import type { CliIo } from './command.ts';
import { readInputFile } from './input-file.ts';

export type ReviewersLoad = { ok: true; list: ReviewersList } | { ok: false; message: string };

export async function loadReviewersList(file: string, cwd: string): Promise<ReviewersLoad> {
  const read = readInputFile(file, cwd, { role: '审核人名单', files: '审核人名单', document: '审核人名单', limit: MAX_REVIEWERS_LIST_BYTES });
  if (!read.ok) return read;
  const parsed = await parseReviewersList(new TextDecoder('utf-8').decode(read.bytes), file);
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
