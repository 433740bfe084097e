/**
 * A review file coming back to the clerk (退回修改 or 审核通过) when this browser already holds the
 * report. The reviewer never changes the content, so the file's content is what was submitted: if the
 * local copy still has that content, taking the file loses nothing; if the clerk changed the draft
 * since submitting, they must choose — keep their changes and take only the review (comments,
 * history, decision), or take the file as it is.
 */
import { contentHash } from './content-hash.ts';
import { reviewOf, type Draft } from './draft-types.ts';
import { applyContentChange } from './review.ts';

export type ReturnedFileVerdict =
  /** The file holds no review step the local copy does not have: an ordinary duplicate. */
  | 'not-newer'
  /** The local content is the submitted content: the file can replace it safely. */
  | 'clean'
  /** The local copy was edited after submission. */
  | 'local-changes';

/** The file's review history continues the local one (same steps, then more). */
export function isNewerReview(local: Draft, file: Draft): boolean {
  const mine = reviewOf(local).history;
  const theirs = reviewOf(file).history;
  if (theirs.length <= mine.length) return false;
  return mine.every((entry, index) => JSON.stringify(entry) === JSON.stringify(theirs[index]));
}

export async function compareReturnedFile(local: Draft, file: Draft): Promise<ReturnedFileVerdict> {
  if (!isNewerReview(local, file)) return 'not-newer';
  return (await contentHash(local)) === (await contentHash(file)) ? 'clean' : 'local-changes';
}

/**
 * The local content with the file's review (comments, history, decision). An approval in the file
 * then does not match the local content and is voided at once (审核后已修改), visibly.
 */
export async function mergeReturnedFile(local: Draft, file: Draft, now: Date, by: string): Promise<Draft> {
  return applyContentChange({ ...local, review: reviewOf(file) }, now, by);
}
