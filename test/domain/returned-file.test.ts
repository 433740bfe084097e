// @vitest-environment node
/**
 * A review file coming back to a browser that already holds the report: is it newer, can it replace the
 * local copy without loss, and what taking only its review does to local changes.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { reviewOf } from '../../src/domain/draft-types.ts';
import { compareReturnedFile, isNewerReview, mergeReturnedFile } from '../../src/domain/returned-file.ts';
import { approve, returnForChanges, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

const signingKey = await testSigningKey();
const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));
const clerk = '李晓明';
const reviewer = { name: '王建国', role: '办公室主任' };

function ok(result: ReviewResult): Draft {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return deepFreeze(result.draft);
}

/** The clerk's copy after submitting, and the reviewer's file returned with a comment on it. */
function submittedAndReturned(): { submitted: Draft; returned: Draft } {
  const submitted = ok(submitForReview(office2023Draft(), clerk, at(1)));
  const returned = ok(returnForChanges(submitted, reviewer, [{ anchor: { kind: 'section', section: 'problems' }, text: '请补充改进措施' }], at(2)));
  return { submitted, returned };
}

/** The same draft with the clerk's later edit to a paragraph. */
function edited(draft: Draft): Draft {
  const copy = structuredClone(draft);
  setPartText(copy, 'problems', 'problems', `${partText(copy, 'problems', 'problems')}（已补充）`);
  return copy;
}

describe('isNewerReview', () => {
  it('a file whose history continues the local one is newer; the same history or a shorter one is not', () => {
    const { submitted, returned } = submittedAndReturned();
    expect(isNewerReview(submitted, returned)).toBe(true);
    expect(isNewerReview(returned, returned)).toBe(false);
    expect(isNewerReview(returned, submitted)).toBe(false);
    expect(isNewerReview(office2023Draft(), submitted)).toBe(true);
  });

  it('a file whose history differs from the local one early on is not a continuation', () => {
    const { returned } = submittedAndReturned();
    const elsewhere = ok(submitForReview(office2023Draft(), '另一位经办人', at(1)));
    expect(isNewerReview(elsewhere, returned)).toBe(false);
  });
});

describe('compareReturnedFile', () => {
  it('not-newer for an ordinary duplicate', async () => {
    const { returned } = submittedAndReturned();
    expect(await compareReturnedFile(returned, structuredClone(returned))).toBe('not-newer');
  });

  it('clean when the local copy still holds what was submitted', async () => {
    const { submitted, returned } = submittedAndReturned();
    expect(await compareReturnedFile(submitted, returned)).toBe('clean');
  });

  it('local-changes when the clerk edited the draft after submitting', async () => {
    const { submitted, returned } = submittedAndReturned();
    expect(await compareReturnedFile(edited(submitted), returned)).toBe('local-changes');
  });
});

describe('mergeReturnedFile', () => {
  it('keeps the local content and takes the file’s review (comments, history, decision)', async () => {
    const { submitted, returned } = submittedAndReturned();
    const local = edited(submitted);
    const merged = await mergeReturnedFile(local, returned, at(3), clerk);
    expect(partText(merged, 'problems', 'problems')).toBe(partText(local, 'problems', 'problems'));
    expect(reviewOf(merged)).toEqual(reviewOf(returned));
    expect(reviewOf(merged).status).toBe('returned');
  });

  it('an approval in the file does not cover the local changes: it is voided at once, visibly', async () => {
    const submitted = ok(submitForReview(office2023Draft(), clerk, at(1)));
    const approved = ok(await approve(submitted, reviewer, signingKey, at(2)));
    const merged = await mergeReturnedFile(edited(submitted), approved, at(3), clerk);
    const review = reviewOf(merged);
    expect(review.status).toBe('editing');
    expect(review.approval).toEqual(reviewOf(approved).approval);
    expect(review.history.at(-1)).toMatchObject({ action: 'approvalVoided', by: clerk, at: at(3).toISOString() });
  });

  it('an approval of unchanged content stays', async () => {
    const submitted = ok(submitForReview(office2023Draft(), clerk, at(1)));
    const approved = ok(await approve(submitted, reviewer, signingKey, at(2)));
    const merged = await mergeReturnedFile(submitted, approved, at(3), clerk);
    expect(reviewOf(merged).status).toBe('approved');
    expect(reviewOf(merged).history).toEqual(reviewOf(approved).history);
  });
});
