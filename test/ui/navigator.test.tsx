// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { checkDraft } from '../../src/domain/rules.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { progressOf, stepStatuses, stepStatusText } from '../../src/features/kernel/step-status.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft, waitForHash } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';
import { setPartText } from '../helpers/narrative.ts';

function statusTexts(draft: Draft) {
  const statuses = stepStatuses(draft, checkDraft(draft), report2021);
  return { statuses, text: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, stepStatusText(status)])) };
}

describe('step states derived from the draft', () => {
  it('a new report: every section 未开始, even though empty tables raise reminders', () => {
    const { text, statuses } = statusTexts(emptyDraft(report2021, 2025, '某某县教育局'));
    expect(text).toMatchObject({
      basics: '未开始',
      overview: '未开始',
      proactive: '未开始',
      applications: '未开始',
      reviewLitigation: '未开始',
      problems: '未开始',
      other: '未开始',
    });
    expect(statuses.applications!.warnings).toBeGreaterThan(0);
    expect(progressOf(statuses)).toEqual({ done: 0, total: 7 });
  });

  it('a complete, balanced report: every table section 已完成', () => {
    const { text } = statusTexts(office2023Draft());
    expect(text).toMatchObject({ proactive: '已完成', applications: '已完成', reviewLitigation: '已完成', problems: '已完成', other: '已完成' });
  });

  it('a partly filled table is 填写中 with its reminder count; a broken sum shows N 个错误', () => {
    const partial = emptyDraft(report2021, 2025, '某某县教育局');
    Object.assign((partial.tables.reviewLitigation as { review: object }).review, { upheld: 1, total: 1 });
    expect(statusTexts(partial).statuses.reviewLitigation).toMatchObject({ fill: 'inProgress' });
    expect(statusTexts(partial).text.reviewLitigation).toMatch(/^\d+ 个提醒$/);

    const broken = office2023Draft();
    (broken.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 3;
    const { text } = statusTexts(broken);
    expect(text.applications).toMatch(/^[1-9]\d* 个错误$/);
    expect(text.check).toMatch(/个错误$/);
  });

  it('五 too short (N12) is a reminder and keeps it from 已完成', () => {
    const draft = office2023Draft();
    setPartText(draft, 'problems', 'problems', '无');
    const { text, statuses } = statusTexts(draft);
    expect(statuses.problems!.fill).toBe('inProgress');
    expect(text.problems).toBe('1 个提醒');
  });
});

describe('the navigator on screen', () => {
  it('shows each step with its state, marks the current one, and moves with previous/next', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'proactive', '二、主动公开政府信息情况');
    const nav = screen.getByRole('navigation', { name: '报告章节' });
    const current = within(nav).getByRole('link', { current: 'step' });
    expect(current).toHaveAccessibleName(/二、主动公开政府信息情况.*已完成/);
    expect(within(nav).getByRole('link', { name: /三、收到和处理政府信息公开申请情况.*已完成/ })).toBeInTheDocument();
    expect(within(nav).getByRole('progressbar')).toHaveAttribute('value');

    await user.click(screen.getByRole('button', { name: '下一步：三、收到和处理政府信息公开申请情况' }));
    await waitForHash(/\/applications$/);
    expect(await screen.findByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '上一步：二、主动公开政府信息情况' }));
    await waitForHash(/\/proactive$/);
    expect(await repository.getSection(record.id)).toBe('proactive');
  });

  it('shows the statutory guidance of the section on its page', async () => {
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    const section = report2021.sections.find((candidate) => candidate.id === 'overview')!;
    expect(screen.getByRole('note', { name: '填报说明' })).toHaveTextContent(section.guidance);
  });
});
