// @vitest-environment happy-dom
/**
 * Published reports often print a 总计 that their own parts do not add up to. The app shows every total
 * as the sum of its parts, so the import's summary names such a total before the report is taken in.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/domain/import/index.ts';
import { feeReadingText } from '../../src/domain/import/read-fees.ts';
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
  fees: null,
  feeSummary: null,
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

  it('shows the fee figures read from 六 with the sentence they come from', () => {
    const fees = { read: true, fees: { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 }, sentences: ['本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。'] } as const;
    render(<ImportSummary report={{ ...report, fees, feeSummary: feeReadingText(fees, '六、其他需要报告的事项') }} draft={office2023Draft()} />);
    const line = screen.getByText(/^信息处理费读出：/);
    expect(line).toHaveTextContent('本年发出收费通知件数 0 件，收费通知金额合计 0 元，实际收取信息处理费 0 元');
    expect(line).toHaveTextContent('据“本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。”');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says, as something to attend to, that the fee was not read and why', () => {
    const fees = { read: false, reason: '其中没有关于信息处理费的说明' } as const;
    render(<ImportSummary report={{ ...report, fees, feeSummary: feeReadingText(fees, '六、其他需要报告的事项') }} draft={office2023Draft()} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '信息处理费没有读出（六、其他需要报告的事项）：其中没有关于信息处理费的说明。三项数字留空，请在“其他需要报告的事项”中填写。',
    );
  });
});
