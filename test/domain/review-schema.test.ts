import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initialReviewState, type Draft, type ReviewState } from '../../src/domain/draft-types.ts';
import { reviewDraftFields, reviewSchema, settingsSchema } from '../../src/domain/review-schema.ts';
import { answerComment, approve, resubmit, returnForChanges, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

const signingKey = await testSigningKey();

function ok(result: ReviewResult): Draft {
  if (!result.ok) throw new Error(result.message);
  return result.draft;
}

const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));

async function reviewedState(): Promise<ReviewState> {
  const office = office2023Draft();
  let draft = ok(submitForReview(office, '李晓明', at(1)));
  draft = ok(
    returnForChanges(
      draft,
      { name: '王建国', role: '' },
      [
        { anchor: { kind: 'cell', cell: 'applications.newReceived.total' }, text: '请核对' },
        { anchor: { kind: 'section', section: 'overview' }, text: '太短' },
        { anchor: { kind: 'paragraph', section: 'other', part: 'fees' }, text: '收费情况' },
      ],
      at(2),
    ),
  );
  for (const id of ['c1', 'c2', 'c3']) draft = ok(answerComment(draft, id, '李晓明', '已改', at(3)));
  draft = ok(resubmit(draft, '李晓明', at(4)));
  draft = ok(await approve(draft, { name: '王建国', role: '主任' }, signingKey, at(5)));
  return draft.review!;
}

describe('review and settings in the draft file', () => {
  it('read as the initial state and the default settings when absent', () => {
    expect(reviewSchema.parse(undefined)).toEqual(initialReviewState());
    expect(reviewSchema.parse({})).toEqual(initialReviewState());
    expect(settingsSchema.parse(undefined)).toEqual({ requireApproval: true });
    expect(settingsSchema.parse({})).toEqual({ requireApproval: true });
    expect(settingsSchema.parse({ requireApproval: false })).toEqual({ requireApproval: false });
    const draftPart = z.strictObject(reviewDraftFields);
    expect(draftPart.parse({})).toEqual({ review: initialReviewState(), settings: { requireApproval: true } });
  });

  it('round-trip a full review history through JSON', async () => {
    const review = await reviewedState();
    expect(review.history).toHaveLength(4);
    expect(reviewSchema.parse(JSON.parse(JSON.stringify(review)))).toEqual(review);
  });

  it('reject malformed review data with Chinese messages naming the place', async () => {
    const review = await reviewedState();
    const messages = (value: unknown) => {
      const result = reviewSchema.safeParse(value);
      expect(result.success).toBe(false);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(messages({ ...review, status: 'done' })).toEqual([
      'status: 审核状态应为 editing（编辑中）、submitted（待审核）、returned（退回修改）或 approved（审核通过）',
    ]);
    expect(messages({ ...review, approval: { ...review.approval, contentHash: 'abc' } })).toEqual([
      'approval.contentHash: 应为 64 位十六进制的 SHA-256 摘要',
    ]);
    const badAnchor = structuredClone(review);
    (badAnchor.comments[0]!.anchor as unknown as { kind: string }).kind = 'page';
    expect(messages(badAnchor)).toEqual(['comments.0.anchor.kind: 审核意见的位置（anchor.kind）应为 section、paragraph 或 cell']);
    const badTime = structuredClone(review);
    badTime.history[0]!.at = '昨天';
    expect(messages(badTime)).toEqual(['history.0.at: 应为 ISO 8601 格式的时间，如 2025-01-20T08:30:00.000Z']);
    expect(messages({ ...review, extra: 1 })).toHaveLength(1);
  });

  it('have a JSON Schema', () => {
    const schema = z.toJSONSchema(z.strictObject(reviewDraftFields), { io: 'input' }) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['review', 'settings']);
  });
});
