// @vitest-environment happy-dom
/**
 * The supervisor's preview prints the narrative as the Word file does: the parts in the clerk's order
 * under the clerk's titles, and a section written with lead-ins as “主要问题：…” paragraphs with no heading
 * line (narrativeOutline, the one answer for both).
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportPreview } from '../../src/features/review/report-preview.tsx';
import { office2023Draft } from './ui-fixtures.ts';

describe('the review preview of reshaped text', () => {
  it('shows 一’s parts moved and retitled in that order, and 五 with lead-ins', () => {
    const draft = office2023Draft();
    const overview = draft.narrative.overview!.parts;
    const [oversight] = overview.splice(4, 1);
    oversight!.title = '“专班化”加强组织领导，提升统筹协调效率';
    overview.unshift(oversight!);
    const problems = draft.narrative.problems!;
    problems.style = 'leadIns';
    problems.parts[0]!.title = '主要问题';
    problems.parts[0]!.text = '政策解读形式较为单一。';
    problems.parts[1]!.title = '改进情况';
    problems.parts[1]!.text = '丰富解读形式。';
    render(<ReportPreview draft={draft} marks={new Map()} />);
    const page = screen.getByRole('article', { name: '报告全文（按打印格式，只读）' });
    const overviewSection = within(page).getByRole('region', { name: '一、总体情况' });
    expect(within(overviewSection).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      '（一）“专班化”加强组织领导，提升统筹协调效率',
      '（二）主动公开',
      '（三）依申请公开',
      '（四）政府信息管理',
      '（五）政府信息公开平台建设',
      '（六）政务新媒体管理方面',
    ]);
    const problemsSection = within(page).getByRole('region', { name: '五、存在的主要问题及改进情况' });
    expect(within(problemsSection).queryAllByRole('heading', { level: 3 })).toEqual([]);
    const paragraphs = [...problemsSection.querySelectorAll('p.rp-p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['主要问题：政策解读形式较为单一。', '改进情况：丰富解读形式。']);
    expect(problemsSection.querySelector('strong.rp-lead-in')?.textContent).toBe('主要问题：');
  });
});
