/**
 * The 信息处理费 statement of 六、其他需要报告的事项 (spec §2.3): how many 收费通知 were issued and for how much,
 * and how much was actually collected, from the draft's structured `fees`. "0件 / 0元" is a valid answer and
 * is stated as 未发出 / 未收取. A value the clerk has not entered (null) is never stated as 0: its clause is
 * left out, and with nothing entered at all the sentence is empty.
 *
 * Amounts are in 元 (the fee notices are issued in 元, 国办函〔2020〕109号), with at most 2 decimals (分),
 * printed without grouping separators. The fields have the same value domain as table cells (cell-input.ts):
 * the count a whole number ≥ 0, the amounts ≥ 0 with at most 2 decimals, neither beyond its maximum.
 *
 * Nothing entered is ever dropped or altered in the sentence: a value outside the domain (a file may hold
 * −1 or 12.345) is printed as it is, and `feeFindings` reports it as an error, so the report cannot be
 * final until it is corrected.
 */
import { AMOUNT_DOMAINS, formatCellValue, maxValue, parseCellInput, type CellParseResult } from './cell-input.ts';
import type { Draft, FeeStatement } from './draft-types.ts';
import type { Finding } from './findings.ts';

export type FeeField = keyof FeeStatement;

/** Spec §5.6 N10: the fee statement's values must be valid (the amounts ≥ 0). An error here: see above. */
export const FEE_RULE_ID = 'N10';

const FEE_DECIMALS = AMOUNT_DOMAINS['元'].decimals;

/** How each field is read and named. */
export const FEE_FIELD_DOMAINS: Readonly<Record<FeeField, { readonly valueType: 'count' | 'amount'; readonly name: string; readonly unit: string }>> = {
  noticesIssued: { valueType: 'count', name: '本年发出收费通知件数', unit: '件' },
  noticesAmount: { valueType: 'amount', name: '收费通知金额合计', unit: '元' },
  collectedAmount: { valueType: 'amount', name: '实际收取信息处理费', unit: '元' },
};

/** Parses what the clerk typed into a fee field, like a table cell (full-width digits, separators). */
export function parseFeeInput(raw: string, field: FeeField): CellParseResult {
  return parseCellInput(raw, FEE_FIELD_DOMAINS[field].valueType, { unit: '元' });
}

/** Why a stored fee value is outside the domain, in Chinese; null when it is fine (or not entered). */
export function feeValueProblem(value: unknown, field: FeeField): string | null {
  if (value === null || value === undefined) return null;
  const { valueType } = FEE_FIELD_DOMAINS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) return '应为数字';
  if (value < 0) return valueType === 'count' ? '应为不小于 0 的整数，不能为负数' : '金额不能为负数';
  if (value > maxValue(valueType, '元')) return `数字太大，最多 ${formatCellValue(maxValue(valueType, '元'), FEE_DECIMALS)}`;
  if (valueType === 'count' && !Number.isInteger(value)) return '应为整数';
  if (valueType === 'amount' && !hasAtMostDecimals(value, FEE_DECIMALS)) return `金额以元为单位，${AMOUNT_DOMAINS['元'].precision}`;
  return null;
}

/** Whether `value` has at most `decimals` decimals, allowing for binary noise such as 0.1 + 0.2. */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Error findings for fee values outside the domain, and for notices of an amount with none issued. */
export function feeFindings(fees: FeeStatement): Finding[] {
  const findings: Finding[] = [];
  for (const field of Object.keys(FEE_FIELD_DOMAINS) as FeeField[]) {
    const value = fees[field];
    const problem = feeValueProblem(value, field);
    if (problem === null) continue;
    const { name, unit } = FEE_FIELD_DOMAINS[field];
    findings.push({
      rule: FEE_RULE_ID,
      severity: 'error',
      cells: [`fees.${field}`],
      message: `信息处理费“${name}（${unit}）”${problem}，现为 ${exactText(value as number)}`,
    });
  }
  const { noticesIssued, noticesAmount } = fees;
  if (noticesIssued === 0 && typeof noticesAmount === 'number' && noticesAmount !== 0) {
    findings.push({
      rule: FEE_RULE_ID,
      severity: 'error',
      cells: ['fees.noticesIssued', 'fees.noticesAmount'],
      message: `信息处理费：发出收费通知 0 件，收费通知金额合计却为 ${exactText(noticesAmount)} 元，请核对`,
    });
  }
  return findings;
}

/**
 * Every digit of a number, never rounded and never in exponent notation. Values of the domain print as
 * `formatCellValue` prints them (binary noise removed); others print in full so that nothing is hidden.
 */
function exactText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (hasAtMostDecimals(value, FEE_DECIMALS) && Math.abs(value) <= maxValue('amount', '元')) return formatCellValue(value, FEE_DECIMALS);
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  const text = String(value);
  // Small fractions (1e-7) come as exponent notation from String(); toFixed(20) writes them out.
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function feeStatementSentence(draft: Draft): string {
  const { noticesIssued, noticesAmount, collectedAmount } = draft.fees;
  const subject = `本机关${draft.year}年度`;
  const clauses: string[] = [];

  // 0 notices and no amount other than 0: "none issued". Any other combination states every value.
  if (known(noticesIssued) && noticesIssued === 0 && (!known(noticesAmount) || noticesAmount === 0)) {
    clauses.push('未发出信息处理费收费通知');
  } else if (known(noticesIssued)) {
    clauses.push(
      known(noticesAmount)
        ? `共发出信息处理费收费通知${exactText(noticesIssued)}件，金额合计${exactText(noticesAmount)}元`
        : `共发出信息处理费收费通知${exactText(noticesIssued)}件`,
    );
  } else if (known(noticesAmount)) {
    clauses.push(`发出的信息处理费收费通知金额合计${exactText(noticesAmount)}元`);
  }
  if (known(collectedAmount)) {
    clauses.push(collectedAmount === 0 ? '未收取信息处理费' : `实际收取信息处理费${exactText(collectedAmount)}元`);
  }
  if (clauses.length === 0) return '';
  return `${subject}${clauses.join('，')}。`;
}
