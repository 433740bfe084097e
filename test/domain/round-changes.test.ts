import { describe, expect, it } from 'vitest';
import { readDraftJson, serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { answerComment, applyContentChange, approve, resolveComment, resubmit, returnForChanges, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import {
  anchorChanged,
  changesSinceReviewed,
  changesSinceRound,
  DIFF_TOTAL_WORK_LIMIT,
  diffParagraphs,
  diffText,
  reviewedContentOf,
  SNAPSHOT_LIMITS,
} from '../../src/domain/round-changes.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));
const reviewer = { name: '王建国', role: '办公室主任' };
const CELL = 'applications.newReceived.naturalPerson';
const CELL_PLACE = '三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 自然人';
const cellAnchor = { kind: 'cell', cell: CELL } as const;
const problemsAnchor = { kind: 'paragraph', section: 'problems', part: 'problems' } as const;
const improvementsAnchor = { kind: 'paragraph', section: 'problems', part: 'improvements' } as const;

function ok(result: ReviewResult): Draft {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return deepFreeze(result.draft);
}

/** The draft with the text of the part standing for `topic` replaced (every official topic has a part). */
function withText(draft: Draft, section: string, topic: string, text: string): Draft {
  const current = draft.narrative[section]!;
  if (!current.parts.some((part) => part.topic === topic)) throw new Error(`no part for ${section}.${topic}`);
  const parts = current.parts.map((part) => (part.topic === topic ? { ...part, text } : part));
  return { ...draft, narrative: { ...draft.narrative, [section]: { ...current, parts } } };
}

function withNaturalPerson(draft: Draft, value: number | null): Draft {
  const applications = draft.tables.applications!;
  const newReceived = applications.newReceived as Record<string, number | null>;
  return { ...draft, tables: { ...draft.tables, applications: { ...applications, newReceived: { ...newReceived, naturalPerson: value } } } };
}

/** The sample report with known text in 五（一）, submitted and returned with comments on a cell and that paragraph. */
function returnedRound1(): Draft {
  const start = withText(office2023Draft(), 'problems', 'problems', '问题一：公开深度不够。\n问题二：解读质量不高。');
  const submitted = ok(submitForReview(start, '李晓明', at(0)));
  return ok(
    returnForChanges(
      submitted,
      reviewer,
      [
        { anchor: cellAnchor, text: '请核对自然人件数' },
        { anchor: problemsAnchor, text: '问题写得太笼统' },
      ],
      at(5),
    ),
  );
}

/** The clerk answers both comments and resubmits `edited`: round 2. */
function resubmitted(edited: Draft): Draft {
  const answered = ok(answerComment(edited, 'c1', '李晓明', '已按台账更正为 37 件', at(10)));
  const resolved = ok(resolveComment(answered, 'c2', '李晓明', at(11)));
  return ok(resubmit(resolved, '李晓明', at(12)));
}

describe('what the reviewer saw is kept in the draft', () => {
  it('returning a round records its content: entered cells and printed text, not the totals and not an earlier record', () => {
    const returned = returnedRound1();
    const kept = returned.review!.reviewedContent!;
    expect(kept.round).toBe(1);
    expect(kept.cells[CELL]).toBe(36);
    // The computed total of the row is not kept: it follows from the entered cells.
    expect(kept.cells['applications.newReceived.total']).toBeUndefined();
    expect(kept.text?.find((block) => block.place === 'problems/problems')).toEqual({
      place: 'problems/problems',
      title: '存在的主要问题',
      paragraphs: ['问题一：公开深度不够。', '问题二：解读质量不高。'],
    });
    expect(kept.text?.[0]).toEqual({ place: 'title', title: '', paragraphs: ['宁波市镇海区人民政府办公室', '2023年政府信息公开工作年度报告'] });
    expect(JSON.stringify(kept)).not.toContain('reviewedContent');
  });

  it('travels in the file: written and read back unchanged', () => {
    const returned = returnedRound1();
    const read = readDraftJson(serializeDraft(returned));
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.draft.review?.reviewedContent).toEqual(returned.review?.reviewedContent);
  });

  it('approving records the approved content as well', async () => {
    const submitted = ok(submitForReview(office2023Draft(), '李晓明', at(0)));
    const approved = ok(await approve(submitted, reviewer, await testSigningKey(), at(5)));
    expect(approved.review?.reviewedContent?.round).toBe(1);
    expect(approved.review?.reviewedContent?.cells[CELL]).toBe(36);
  });
});

describe('changesSinceRound', () => {
  it('round 1, and a returned file before resubmission, show nothing', () => {
    expect(changesSinceRound(ok(submitForReview(office2023Draft(), '李晓明', at(0))))).toBeNull();
    expect(changesSinceRound(returnedRound1())).toBeNull();
  });

  it('for the clerk revising a returned report: the changes since the return, before resubmission', () => {
    expect(changesSinceReviewed(ok(submitForReview(office2023Draft(), '李晓明', at(0))))).toBeNull();
    expect(changesSinceReviewed(returnedRound1())?.changes).toEqual([]);
    const edited = withNaturalPerson(returnedRound1(), 37);
    expect(changesSinceRound(edited)).toBeNull();
    expect(changesSinceReviewed(edited)?.changes.map(({ place, before, after }) => [place, before, after])).toEqual([[CELL_PLACE, '36', '37']]);
  });

  it('lists a changed cell and a changed and an added paragraph, in print order, with before and after', () => {
    const edited = withText(withNaturalPerson(returnedRound1(), 37), 'problems', 'problems', '问题一：公开深度和广度不够。\n问题二：解读质量不高。\n问题三：全流程公开不足。');
    const changes = changesSinceRound(resubmitted(edited))!;
    expect(changes.round).toBe(1);
    expect(changes.textCompared).toBe(true);
    expect(changes.changes).toEqual([
      { place: CELL_PLACE, kind: 'changed', before: '36', after: '37', target: { kind: 'cell', cell: CELL } },
      {
        place: '五、存在的主要问题及改进情况（一）存在的主要问题 第1段',
        kind: 'changed',
        before: '问题一：公开深度不够。',
        after: '问题一：公开深度和广度不够。',
        target: { kind: 'text', place: 'problems/problems', paragraph: 0, anchor: problemsAnchor },
        segments: [
          { kind: 'same', text: '问题一：公开深度' },
          { kind: 'inserted', text: '和广度' },
          { kind: 'same', text: '不够。' },
        ],
      },
      {
        place: '五、存在的主要问题及改进情况（一）存在的主要问题 第3段',
        kind: 'added',
        before: '',
        after: '问题三：全流程公开不足。',
        target: { kind: 'text', place: 'problems/problems', paragraph: 2, anchor: problemsAnchor },
      },
    ]);
    expect(changes.blocks.get('problems/problems')?.paragraphs).toEqual([
      {
        kind: 'changed',
        before: '问题一：公开深度不够。',
        after: '问题一：公开深度和广度不够。',
        segments: [
          { kind: 'same', text: '问题一：公开深度' },
          { kind: 'inserted', text: '和广度' },
          { kind: 'same', text: '不够。' },
        ],
      },
      { kind: 'same', text: '问题二：解读质量不高。' },
      { kind: 'added', text: '问题三：全流程公开不足。' },
    ]);
    expect(changes.cells.get(CELL)).toEqual({ before: 36, after: 37 });
  });

  it('tells for each comment whether its place changed', () => {
    const draft = resubmitted(withNaturalPerson(returnedRound1(), 37));
    const changes = changesSinceRound(draft)!;
    expect(anchorChanged(changes, cellAnchor, draft)).toBe(true);
    expect(anchorChanged(changes, problemsAnchor, draft)).toBe(false);
    expect(anchorChanged(changes, improvementsAnchor, draft)).toBe(false);
    expect(anchorChanged(changes, { kind: 'section', section: 'applications' }, draft)).toBe(true);
    expect(anchorChanged(changes, { kind: 'section', section: 'problems' }, draft)).toBe(false);
  });

  it('a cell emptied, a cell filled, and a removed paragraph', () => {
    const returned = returnedRound1();
    const emptied = withNaturalPerson(returned, null);
    const edited = withText(emptied, 'problems', 'problems', '问题二：解读质量不高。');
    const changes = changesSinceRound(resubmitted(edited))!;
    expect(changes.changes.map(({ place, kind, before, after }) => ({ place, kind, before, after }))).toEqual([
      { place: CELL_PLACE, kind: 'removed', before: '36', after: '' },
      { place: '五、存在的主要问题及改进情况（一）存在的主要问题 原第1段', kind: 'removed', before: '问题一：公开深度不够。', after: '' },
    ]);
    const refilled = changesSinceRound(resubmitted(withNaturalPerson(returned, 40)))!;
    expect(refilled.changes[0]).toMatchObject({ kind: 'changed', before: '36', after: '40' });
  });

  it('a part that now prints is added, one that no longer prints is removed, a renamed sub-topic is a changed heading', () => {
    const start = withText(office2023Draft(), 'other', 'workPoints', '落实工作要点情况良好。');
    const comments = [
      { anchor: cellAnchor, text: '请核对' },
      { anchor: problemsAnchor, text: '请具体' },
    ];
    const returned = ok(returnForChanges(ok(submitForReview(start, '李晓明', at(0))), reviewer, comments, at(5)));
    let edited = withText(withText(returned, 'other', 'workPoints', ''), 'other', 'innovation', '创新做法一项。');
    const overview = edited.narrative.overview!;
    // The sub-topic the agency added (政务新媒体管理方面) renamed.
    edited = {
      ...edited,
      narrative: { ...edited.narrative, overview: { ...overview, parts: overview.parts.map((part) => (part.topic === null ? { ...part, title: '政务新媒体管理' } : part)) } },
    };
    const changes = changesSinceRound(resubmitted(edited))!;
    expect(changes.changes.map(({ place, kind, before, after }) => ({ place, kind, before, after }))).toEqual([
      { place: '一、总体情况（六）政务新媒体管理 小标题', kind: 'changed', before: '政务新媒体管理方面', after: '政务新媒体管理' },
      { place: '六、其他需要报告的事项（一）政务公开工作创新情况', kind: 'added', before: '', after: '政务公开工作创新情况\n创新做法一项。' },
      { place: '六、其他需要报告的事项 “落实政务公开工作要点情况”', kind: 'removed', before: '落实政务公开工作要点情况\n落实工作要点情况良好。', after: '' },
    ]);
    expect(changes.removedBlocks).toEqual(['other/workPoints']);
    expect(changes.blocks.get('other/innovation')).toEqual({ kind: 'added', titleBefore: null, paragraphs: [{ kind: 'added', text: '创新做法一项。' }] });
  });

  it('a report changed after its approval and submitted again is compared with the approved round', async () => {
    const submitted = ok(submitForReview(office2023Draft(), '李晓明', at(0)));
    const approved = ok(await approve(submitted, reviewer, await testSigningKey(), at(5)));
    const voided = await applyContentChange(withNaturalPerson(approved, 37), at(6), '李晓明');
    expect(voided.review?.status).toBe('editing');
    const again = ok(submitForReview(voided, '李晓明', at(7)));
    const changes = changesSinceRound(again)!;
    expect(changes.round).toBe(1);
    expect(changes.changes.map(({ place, before, after }) => [place, before, after])).toEqual([[CELL_PLACE, '36', '37']]);
  });

  it('round 3 is compared with round 2, not round 1', () => {
    const round2 = resubmitted(withNaturalPerson(returnedRound1(), 37));
    const returned2 = ok(returnForChanges(round2, reviewer, [{ anchor: cellAnchor, text: '再核对一次' }], at(20)));
    expect(returned2.review?.reviewedContent?.round).toBe(2);
    const answered = ok(answerComment(withNaturalPerson(returned2, 38), 'c3', '李晓明', '已核对', at(21)));
    const round3 = ok(resubmit(answered, '李晓明', at(22)));
    const changes = changesSinceRound(round3)!;
    expect(changes.round).toBe(2);
    expect(changes.changes.map(({ before, after }) => [before, after])).toEqual([['37', '38']]);
  });

  it('a file of an older version (no record of the earlier round) opens and shows no changes', () => {
    const returned = returnedRound1();
    const { reviewedContent: _dropped, ...olderReview } = returned.review!;
    const older = resubmitted({ ...returned, review: olderReview });
    const file = JSON.parse(serializeDraft(older)) as Record<string, unknown>;
    // Written by a version of the format before it recorded templates' revisions.
    const read = readDraftJson(JSON.stringify({ ...file, formatVersion: 1, templateRevision: undefined }));
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.draft.review?.status).toBe('submitted');
    expect(read.draft.review?.reviewedContent).toBeUndefined();
    expect(changesSinceRound(read.draft)).toBeNull();
  });
});

describe('bounded', () => {
  it('text beyond the limits is not kept; the tables are still compared', () => {
    const huge = Array.from({ length: SNAPSHOT_LIMITS.paragraphs + 1 }, (_, n) => `第${n}段。`).join('\n');
    const start = withText(office2023Draft(), 'overview', 'proactive', huge);
    expect(reviewedContentOf(start, 1).text).toBeNull();
    const returned = ok(returnForChanges(ok(submitForReview(start, '李晓明', at(0))), reviewer, [{ anchor: cellAnchor, text: '请核对' }], at(5)));
    expect(returned.review?.reviewedContent?.text).toBeNull();
    const edited = withText(withNaturalPerson(returned, 37), 'overview', 'proactive', '改短了。');
    const answered = ok(answerComment(edited, 'c1', '李晓明', '已改', at(10)));
    const changes = changesSinceRound(ok(resubmit(answered, '李晓明', at(12))))!;
    expect(changes.textCompared).toBe(false);
    expect(changes.changes.map((change) => change.place)).toEqual([CELL_PLACE]);
  });

  it('a file whose record of the earlier round is beyond the limits is refused, in Chinese', () => {
    const returned = returnedRound1();
    const file = JSON.parse(serializeDraft(returned)) as { review: { reviewedContent: { text: { place: string; title: string; paragraphs: string[] }[] } } };
    file.review.reviewedContent.text = [{ place: 'preamble', title: '', paragraphs: Array.from({ length: SNAPSHOT_LIMITS.paragraphs + 1 }, () => '段') }];
    const tooMany = readDraftJson(JSON.stringify(file));
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.problems.map((problem) => problem.message).join('；')).toMatch(/[\u4e00-\u9fff]/);
    file.review.reviewedContent.text = [{ place: 'preamble', title: '', paragraphs: ['字'.repeat(SNAPSHOT_LIMITS.characters + 1)] }];
    expect(readDraftJson(JSON.stringify(file)).ok).toBe(false);
  });

  it('paragraphs too long to align character by character differ as a whole between their common beginning and end', () => {
    const before = `开头${'甲'.repeat(1000)}结尾`;
    const after = `开头${'乙'.repeat(1000)}结尾`;
    expect(diffText(before, after)).toEqual([
      { kind: 'same', text: '开头' },
      { kind: 'deleted', text: '甲'.repeat(1000) },
      { kind: 'inserted', text: '乙'.repeat(1000) },
      { kind: 'same', text: '结尾' },
    ]);
  });

  it('thousands of changed paragraphs share one bounded amount of work: the later ones differ as a whole', () => {
    const before = Array.from({ length: SNAPSHOT_LIMITS.paragraphs }, (_, n) => `${'甲乙'.repeat(50)}${n}`);
    const after = Array.from({ length: SNAPSHOT_LIMITS.paragraphs }, (_, n) => `${'乙甲'.repeat(50)}${n}`);
    // Each pair alone is small enough to align character by character (101 × 101 cells) …
    expect(diffText(before[0]!, after[0]!).length).toBeGreaterThan(2);
    // … but all of them together exceed the whole comparison's limit.
    expect(SNAPSHOT_LIMITS.paragraphs * 101 * 101).toBeGreaterThan(DIFF_TOTAL_WORK_LIMIT);
    const paragraphs = diffParagraphs(before, after);
    expect(paragraphs).toHaveLength(SNAPSHOT_LIMITS.paragraphs);
    const first = paragraphs[0]!;
    const last = paragraphs.at(-1)!;
    expect(first.kind === 'changed' && first.segments.length).toBeGreaterThan(3);
    expect(last).toEqual({
      kind: 'changed',
      before: before.at(-1),
      after: after.at(-1),
      segments: [
        { kind: 'deleted', text: '甲乙'.repeat(50) },
        { kind: 'inserted', text: '乙甲'.repeat(50) },
        { kind: 'same', text: String(SNAPSHOT_LIMITS.paragraphs - 1) },
      ],
    });
  });

  it('counts a character outside the BMP as one, and pairs facing removed and added paragraphs', () => {
    expect(diffText('𠀀甲', '𠀀乙')).toEqual([
      { kind: 'same', text: '𠀀' },
      { kind: 'deleted', text: '甲' },
      { kind: 'inserted', text: '乙' },
    ]);
    expect(diffParagraphs(['一', '二', '三'], ['一', '贰', '三', '四']).map((paragraph) => paragraph.kind)).toEqual(['same', 'changed', 'same', 'added']);
  });
});
