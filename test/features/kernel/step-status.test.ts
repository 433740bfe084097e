// @vitest-environment node
/**
 * The navigator's step states, derived from the draft and the findings only. Findings are written by
 * hand here (not produced by the rules), so each count below is the one the test put in.
 */
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../../templates/report-2021.ts';
import type { CommentAnchor, CommentState, Draft } from '../../../src/domain/draft-types.ts';
import type { Finding } from '../../../src/domain/findings.ts';
import { emptyDraft } from '../../../src/domain/values.ts';
import { anchorStep, progressOf, stepStatuses, stepStatusText, stepStatusTone, type StepStatus } from '../../../src/features/kernel/step-status.ts';
import { editorPlace } from '../../../src/features/review/anchors.ts';
import { office2023Draft } from '../../helpers/fixtures.ts';
import { setPartText } from '../../helpers/narrative.ts';

const fresh = (): Draft => emptyDraft(report2021, 2025, '某某县教育局');
const finding = (severity: Finding['severity'], ...cells: string[]): Finding => ({ rule: 'T1', severity, cells, message: '测试' });
const LONG = '本年度公开目录更新不够及时，部分栏目内容较少。';

/** The sample report of a finished year, with the one agency field it leaves empty (网址) given. */
function finishedDraft(): Draft {
  const draft = office2023Draft();
  draft.agency.website = 'http://www.zh.gov.cn';
  return draft;
}

describe('how far each step is filled', () => {
  it('基本信息: the name alone is 未开始; one more field 填写中; all five 已完成; a preamble alone counts as started', () => {
    const draft = fresh();
    expect(stepStatuses(draft, [], report2021).basics!.fill).toBe('notStarted');
    draft.agency.address = '某某路 1 号';
    expect(stepStatuses(draft, [], report2021).basics!.fill).toBe('inProgress');
    Object.assign(draft.agency, { postcode: '315000', phone: '0574-12345678', website: 'http://example.gov.cn' });
    expect(stepStatuses(draft, [], report2021).basics!.fill).toBe('complete');
    const preambleOnly = fresh();
    preambleOnly.preamble = '本报告根据条例编制。';
    expect(stepStatuses(preambleOnly, [], report2021).basics!.fill).toBe('inProgress');
  });

  it('a table step counts its input cells only: one filled is 填写中, all twelve 已完成', () => {
    const draft = fresh();
    const rows = draft.tables.reviewLitigation as Record<string, Record<string, number | null>>;
    rows.review!.upheld = 0;
    expect(stepStatuses(draft, [], report2021).reviewLitigation!.fill).toBe('inProgress');
    for (const row of ['review', 'litigationDirect', 'litigationAfterReview']) {
      for (const column of ['upheld', 'corrected', 'other', 'pending']) rows[row]![column] = 1;
    }
    // 总计 is left null: the app computes it, so it never counts as something to fill.
    expect(rows.review!.total).toBeNull();
    expect(stepStatuses(draft, [], report2021).reviewLitigation!.fill).toBe('complete');
  });

  it('a narrative part that is too short keeps its step 填写中', () => {
    const draft = fresh();
    setPartText(draft, 'problems', 'problems', '无');
    setPartText(draft, 'problems', 'improvements', LONG);
    expect(stepStatuses(draft, [], report2021).problems!.fill).toBe('inProgress');
    setPartText(draft, 'problems', 'problems', LONG);
    expect(stepStatuses(draft, [], report2021).problems!.fill).toBe('complete');
  });

  it('六 with only optional parts is done when the three fee figures are given', () => {
    const draft = fresh();
    expect(stepStatuses(draft, [], report2021).other!.fill).toBe('notStarted');
    draft.fees.noticesIssued = 0;
    expect(stepStatuses(draft, [], report2021).other!.fill).toBe('inProgress');
    draft.fees.noticesAmount = 0;
    draft.fees.collectedAmount = 0;
    expect(stepStatuses(draft, [], report2021).other!.fill).toBe('complete');
  });
});

describe('findings counted on the step that shows them', () => {
  it('puts a cell finding on its table’s step and an agency finding on 基本信息; 检查与生成 adds them all up', () => {
    const findings = [
      finding('error', 'reviewLitigation.review.upheld'),
      finding('warning', 'reviewLitigation.review.other'),
      finding('warning', 'agency.phone'),
      finding('error', 'fees.noticesAmount'),
    ];
    const statuses = stepStatuses(fresh(), findings, report2021);
    expect(statuses.reviewLitigation).toMatchObject({ errors: 1, warnings: 1 });
    expect(statuses.basics).toMatchObject({ errors: 0, warnings: 1 });
    expect(statuses.other).toMatchObject({ errors: 1, warnings: 0 });
    expect(statuses.applications).toMatchObject({ errors: 0, warnings: 0 });
    expect(statuses.check).toMatchObject({ errors: 2, warnings: 2, fill: 'inProgress' });
  });

  it('检查与生成 is 已完成 only when every content step is and nothing is an error', () => {
    const finished = finishedDraft();
    expect(stepStatuses(finished, [], report2021).check!.fill).toBe('complete');
    expect(stepStatuses(office2023Draft(), [], report2021).check!.fill).toBe('inProgress');
    expect(stepStatuses(finished, [finding('warning', 'agency.phone')], report2021).check!.fill).toBe('complete');
    expect(stepStatuses(finished, [finding('error', 'agency.phone')], report2021).check!.fill).toBe('inProgress');
    expect(stepStatuses(fresh(), [], report2021).check!.fill).toBe('inProgress');
  });

  it('a relation waiting for untouched cells counts as 待填 on its step, not as an error', () => {
    const pending: Finding = { ...finding('error', 'applications.newReceived.naturalPerson'), pending: ['applications.carriedOver.naturalPerson'] };
    const statuses = stepStatuses(fresh(), [pending, finding('error', 'agency.phone')], report2021);
    const tableStep = Object.values(statuses).find((candidate) => candidate.pending > 0)!;
    expect(tableStep).toMatchObject({ errors: 0, pending: 1 });
    expect(statuses.check).toMatchObject({ errors: 1, pending: 1, fill: 'inProgress' });
  });
});

describe('the one state shown per step', () => {
  const status = (fill: StepStatus['fill'], errors: number, warnings: number, openComments = 0, pending = 0): StepStatus => ({
    fill,
    errors,
    pending,
    warnings,
    openComments,
  });

  it('a table being filled shows 待填, neutral: errors outrank it, it outranks reminders', () => {
    expect(stepStatusText(status('inProgress', 0, 3, 0, 2))).toBe('2 处待填');
    expect(stepStatusTone(status('inProgress', 0, 3, 0, 2))).toBe('inProgress');
    expect(stepStatusText(status('inProgress', 1, 3, 0, 2))).toBe('1 个错误');
  });

  it('errors outrank everything; a step not started shows 未开始 despite its reminders', () => {
    expect(stepStatusText(status('notStarted', 2, 5))).toBe('2 个错误');
    expect(stepStatusText(status('notStarted', 0, 5))).toBe('未开始');
    expect(stepStatusText(status('inProgress', 0, 3))).toBe('3 个提醒');
    expect(stepStatusText(status('inProgress', 0, 0))).toBe('填写中');
    expect(stepStatusText(status('complete', 0, 0))).toBe('已完成');
    expect(stepStatusText(status('complete', 0, 1))).toBe('1 个提醒');
    // A reviewer's open comment keeps a full step from 已完成; only an error outranks it.
    expect(stepStatusText(status('complete', 0, 1, 2))).toBe('2 条意见待处理');
    expect(stepStatusText(status('notStarted', 0, 0, 1))).toBe('1 条意见待处理');
    expect(stepStatusText(status('complete', 1, 0, 2))).toBe('1 个错误');
    expect(stepStatusTone(status('complete', 0, 0, 1))).toBe('warning');
  });

  it('the tone follows the same order', () => {
    expect(stepStatusTone(status('complete', 1, 0))).toBe('error');
    expect(stepStatusTone(status('notStarted', 0, 4))).toBe('notStarted');
    expect(stepStatusTone(status('inProgress', 0, 4))).toBe('warning');
    expect(stepStatusTone(status('complete', 0, 0))).toBe('complete');
  });

  it('progress counts the content steps done, never 检查与生成', () => {
    const statuses = stepStatuses(fresh(), [], report2021);
    expect(progressOf(statuses)).toEqual({ done: 0, total: 7 });
    const finished = stepStatuses(finishedDraft(), [], report2021);
    expect(finished.check!.fill).toBe('complete');
    expect(progressOf(finished)).toEqual({ done: 7, total: 7 });
  });
});

describe('review comments on a step', () => {
  const comment = (id: string, anchor: CommentAnchor, state: CommentState) => ({ id, anchor, text: '请核对', author: '王建国', at: '2024-01-20T08:00:00.000Z', round: 1, state });

  it('a full step with a comment still open is not 已完成; answered or resolved, it is again', () => {
    const draft = finishedDraft();
    draft.review = {
      status: 'returned',
      approval: null,
      history: [],
      comments: [
        comment('c1', { kind: 'cell', cell: 'applications.newReceived.naturalPerson' }, 'open'),
        comment('c2', { kind: 'paragraph', section: 'problems', part: 'problems' }, 'open'),
        comment('c3', { kind: 'paragraph', section: report2021.sections[0]!.id, part: 'preamble' }, 'open'),
        comment('c4', { kind: 'section', section: 'proactive' }, 'resolved'),
        comment('c5', { kind: 'section', section: 'proactive' }, 'answered'),
      ],
    };
    const statuses = stepStatuses(draft, [], report2021);
    expect(statuses.applications).toMatchObject({ fill: 'complete', openComments: 1 });
    expect(stepStatusText(statuses.applications!)).toBe('1 条意见待处理');
    expect(statuses.problems!.openComments).toBe(1);
    expect(statuses.basics!.openComments).toBe(1);
    expect(stepStatusText(statuses.proactive!)).toBe('已完成');
    expect(statuses.check).toMatchObject({ openComments: 3 });
    expect(stepStatusText(statuses.check!)).toBe('3 条意见待处理');

    draft.review.comments = draft.review.comments.map((item) => ({ ...item, state: 'resolved' as const }));
    const after = stepStatuses(draft, [], report2021);
    expect(stepStatusText(after.applications!)).toBe('已完成');
    expect(stepStatusText(after.check!)).toBe('已完成');
  });

  it('each anchor counts on the step the clerk is taken to from the comment', () => {
    const anchors: CommentAnchor[] = [
      { kind: 'cell', cell: 'applications.newReceived.naturalPerson' },
      { kind: 'cell', cell: 'reviewLitigation.review.upheld' },
      { kind: 'section', section: 'proactive' },
      { kind: 'paragraph', section: 'problems', part: 'problems' },
      { kind: 'paragraph', section: report2021.sections[0]!.id, part: 'preamble' },
    ];
    for (const anchor of anchors) expect(anchorStep(anchor, report2021)).toBe(editorPlace(anchor, report2021)!.step);
    expect(anchorStep({ kind: 'cell', cell: 'no.such.cell' }, report2021)).toBeNull();
    expect(anchorStep({ kind: 'section', section: 'nowhere' }, report2021)).toBeNull();
  });
});
