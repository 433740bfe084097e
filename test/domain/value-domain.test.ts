// @vitest-environment node
/**
 * The value domain of cells and 信息处理费 fields: what a file may hold (refused beyond the maxima, with
 * the place named), what the rules report (N10 for fee values, the V1 plausibility warning), what blocks
 * the final report, and that the Word fee sentence states every value entered, exactly.
 */
import { describe, expect, it } from 'vitest';
import { readDraftJson, serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { feeFindings, feeStatementSentence, parseFeeInput } from '../../src/domain/fee-statement.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { checkDraft } from '../../src/domain/rules.ts';
import { office2023Draft } from '../helpers/fixtures.ts';

function withFees(fees: Partial<Draft['fees']>): Draft {
  const draft = office2023Draft();
  draft.fees = { ...draft.fees, ...fees };
  return draft;
}

/** The office fixture as a file, with `edit` applied to its parsed JSON. */
function fileWith(edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(serializeDraft(office2023Draft()));
  edit(json);
  return JSON.stringify(json);
}

function problemsOf(text: string): string[] {
  const result = readDraftJson(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('the draft file refuses values beyond the domain, never rounding them', () => {
  it('a count written with 20 digits is refused at its cell', () => {
    // Written by hand: the file holds 20 digits, which JSON.parse cannot keep exactly.
    const exact = serializeDraft(office2023Draft()).replace(/("newReceived":\s*\{\s*"naturalPerson":\s*)\d+/, (_, head: string) => `${head}12345678901234567890`);
    expect(exact).toContain('12345678901234567890');
    expect(problemsOf(exact)).toEqual([
      'tables.applications.newReceived.naturalPerson: 表三“一、本年新收政府信息公开申请数量 / 自然人”（tables.applications.newReceived.naturalPerson）的数值过大，超出本工具能精确保存的范围（绝对值最大 999999999999），请核对',
    ]);
  });

  it('an amount of 1e308 万元 is refused at its cell', () => {
    const problems = problemsOf(fileWith((json) => (json.tables.proactive.fees.amount = 1e308)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tables\.proactive\.fees\.amount: .*的数值过大，超出本工具能精确保存的范围（绝对值最大 99999999999\.9999 万元），请核对$/);
  });

  it('fee values beyond the maximum are refused with a Chinese message naming the field', () => {
    const problems = problemsOf(fileWith((json) => (json.fees.collectedAmount = 1e308)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fees\.collectedAmount: 信息处理费“实际收取金额（元）”.*：数值超出范围（绝对值最大 999999999999\.99 元），无法精确保存/);
  });

  it('the largest values of the domain open and are written back digit for digit', () => {
    const text = fileWith((json) => {
      json.tables.applications.newReceived.naturalPerson = 999_999_999_999;
      json.tables.proactive.fees.amount = 99_999_999_999.9999;
      json.fees.noticesAmount = 999_999_999_999.99;
    });
    const result = readDraftJson(text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const written = serializeDraft(result.draft);
    expect(written).toContain('"naturalPerson": 999999999999');
    expect(written).toContain('"amount": 99999999999.9999');
    expect(written).toContain('"noticesAmount": 999999999999.99');
  });

  it('a negative fee count still opens (so the clerk can see and fix it) and check reports it', () => {
    const result = readDraftJson(fileWith((json) => (json.fees.noticesIssued = -1)));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.draft.fees.noticesIssued).toBe(-1);
    expect(checkDraft(result.draft).filter((finding) => finding.rule === 'N10')).toEqual([
      {
        rule: 'N10',
        severity: 'error',
        cells: ['fees.noticesIssued'],
        message: '信息处理费“本年发出收费通知件数（件）”应为不小于 0 的整数，不能为负数，现为 -1',
      },
    ]);
  });
});

describe('fee values: the same validation as cells', () => {
  it('reads what a clerk types like a cell, with 2 decimals in 元', () => {
    expect(parseFeeInput('１２', 'noticesIssued')).toEqual({ ok: true, value: 12 });
    expect(parseFeeInput('1,234.5', 'noticesAmount')).toEqual({ ok: true, value: 1234.5 });
    expect(parseFeeInput('1.5', 'noticesIssued')).toEqual({ ok: false, message: '请输入不小于 0 的整数' });
    expect(parseFeeInput('-1', 'collectedAmount')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseFeeInput('12.345', 'collectedAmount')).toEqual({ ok: false, message: '金额以元为单位，最多 2 位小数（精确到分）' });
  });

  it('reports every invalid stored value as an error, with the value as stored', () => {
    expect(feeFindings({ noticesIssued: 2.5, noticesAmount: -1, collectedAmount: 12.345 }).map((finding) => finding.message)).toEqual([
      '信息处理费“本年发出收费通知件数（件）”应为整数，现为 2.5',
      '信息处理费“收费通知金额合计（元）”金额不能为负数，现为 -1',
      '信息处理费“实际收取信息处理费（元）”金额以元为单位，最多 2 位小数（精确到分），现为 12.345',
    ]);
    expect(feeFindings({ noticesIssued: 3, noticesAmount: 0.1 + 0.2, collectedAmount: 0 })).toEqual([]);
    expect(feeFindings({ noticesIssued: null, noticesAmount: null, collectedAmount: null })).toEqual([]);
  });

  it('reports notices of an amount with none issued', () => {
    expect(feeFindings({ noticesIssued: 0, noticesAmount: 150, collectedAmount: 0 })).toEqual([
      {
        rule: 'N10',
        severity: 'error',
        cells: ['fees.noticesIssued', 'fees.noticesAmount'],
        message: '信息处理费：发出收费通知 0 件，收费通知金额合计却为 150 元，请核对',
      },
    ]);
  });

  it('an invalid fee value blocks the final report, and says why', () => {
    expect(finalBlockers(office2023Draft())).toEqual([]);
    const blockers = finalBlockers(withFees({ collectedAmount: -1 }));
    expect(blockers.map((finding) => finding.message)).toEqual(['信息处理费“实际收取信息处理费（元）”金额不能为负数，现为 -1']);
  });
});

describe('the fee sentence states every value entered, exactly', () => {
  const sentence = (fees: Partial<Draft['fees']>) => feeStatementSentence(withFees(fees));

  it('prints invalid values as they are instead of dropping them', () => {
    expect(sentence({ noticesIssued: -1, noticesAmount: 0, collectedAmount: -1 })).toBe(
      '本机关2023年度共发出信息处理费收费通知-1件，金额合计0元，实际收取信息处理费-1元。',
    );
    expect(sentence({ noticesIssued: 2, noticesAmount: 12.345, collectedAmount: 1e-7 })).toBe(
      '本机关2023年度共发出信息处理费收费通知2件，金额合计12.345元，实际收取信息处理费0.0000001元。',
    );
    expect(sentence({ noticesIssued: 1, noticesAmount: 1e21, collectedAmount: null })).toBe(
      '本机关2023年度共发出信息处理费收费通知1件，金额合计1000000000000000000000元。',
    );
  });

  it('never hides an amount behind “none issued”, nor an amount whose count is missing', () => {
    expect(sentence({ noticesIssued: 0, noticesAmount: 150, collectedAmount: null })).toBe(
      '本机关2023年度共发出信息处理费收费通知0件，金额合计150元。',
    );
    expect(sentence({ noticesIssued: null, noticesAmount: 150, collectedAmount: null })).toBe(
      '本机关2023年度发出的信息处理费收费通知金额合计150元。',
    );
  });

  it('prints valid amounts without binary noise or exponent notation', () => {
    expect(sentence({ noticesIssued: 3, noticesAmount: 0.1 + 0.2, collectedAmount: 999_999_999_999.99 })).toBe(
      '本机关2023年度共发出信息处理费收费通知3件，金额合计0.3元，实际收取信息处理费999999999999.99元。',
    );
  });
});
