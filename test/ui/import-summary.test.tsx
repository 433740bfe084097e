// @vitest-environment happy-dom
/**
 * Published reports often print a 总计 that their own parts do not add up to. The app shows every total
 * as the sum of its parts, so the import's summary names such a total before the report is taken in.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/domain/import/index.ts';
import { ImportSummary } from '../../src/features/shared/import-summary.tsx';
import { office2023Draft } from './ui-fixtures.ts';

const report: ImportReport = {
  format: { id: '2021', name: '2021年版格式' },
  agency: '宁波市镇海区人民政府办公室',
  year: 2023,
  tablesFound: ['表二', '表三', '表四'],
  cellsRead: 200,
  cellsBlank: 0,
  guessedLabels: [],
  unmatchedRows: [],
  unreadableCells: [],
  missingCells: [],
  notes: [],
};

describe('the summary of an imported report', () => {
  it('lists a printed total that its parts do not add up to, with both numbers', () => {
    const draft = office2023Draft();
    // As published: 36 + 16 = 52 新收; a report printing 55 disagrees with itself.
    (draft.tables.applications!.newReceived as Record<string, number>).total = 55;
    render(<ImportSummary report={report} draft={draft} />);
    expect(screen.getByText(/报告中有 1 个总计与各项之和不符/)).toBeInTheDocument();
    expect(screen.getByText('表三“一、本年新收政府信息公开申请数量 / 总计”：报告中印为 55，各项之和为 52')).toBeInTheDocument();
  });

  it('says nothing of totals when every printed total adds up', () => {
    render(<ImportSummary report={report} draft={office2023Draft()} />);
    expect(screen.queryByText(/总计与各项之和不符/)).not.toBeInTheDocument();
  });
});
