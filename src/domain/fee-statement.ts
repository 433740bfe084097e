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
import type { Draft, FeeStatement, FeeWordingId } from './draft-types.ts';
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

/** The 办法 that governs the fee, cited by the `measures` wording. */
const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/**
 * The wordings published reports use for the fee sentence, for the clerk to choose from (the 2023 sample
 * report uses `noneIssued`; 2019-format reports, such as the 2020 sample, have no fee sentence at all: the
 * 办法 applies from 2021).
 */
export const FEE_WORDINGS: readonly { readonly id: FeeWordingId; readonly name: string; readonly help: string }[] = [
  { id: 'itemised', name: '逐项说明', help: '按填写的数字逐项说明发出收费通知和实际收费的情况。' },
  { id: 'measures', name: '引用收费管理办法', help: `先引用${FEE_MEASURES}，再说明件数和金额；都为 0 时写“均为0”。` },
  {
    id: 'noneIssued',
    name: '未发出、未收取，特此说明',
    help: '只适用于没有发出收费通知、也没有收费（三项都填 0）的情况；否则仍按“逐项说明”生成。',
  },
  {
    id: 'omitted',
    name: '不写信息处理费',
    help: '2019年版格式（2019、2020年度报告）不要求说明信息处理费；2021年版格式的报告应当说明收费情况。',
  },
];

/** The fee values as entered, when every one of them is 0: nothing issued, nothing collected. */
function nothingIssuedOrCollected(fees: FeeStatement): boolean {
  return fees.noticesIssued === 0 && fees.collectedAmount === 0 && (!known(fees.noticesAmount) || fees.noticesAmount === 0);
}

/**
 * The fee sentence the report prints at the start of 六: the clerk's own text when they wrote one
 * (`wording.feeText`), otherwise the generated sentence in the chosen wording (default `itemised`).
 */
export function feeStatementSentence(draft: Draft): string {
  const own = draft.wording?.feeText ?? '';
  if (own.trim() !== '') return own;
  return generatedFeeSentence(draft, draft.wording?.fee ?? 'itemised');
}

/** The generated fee sentence in one wording; '' when nothing is entered yet, or for `omitted`. */
export function generatedFeeSentence(draft: Draft, wording: FeeWordingId): string {
  const fees = draft.fees;
  switch (wording) {
    case 'omitted':
      return '';
    case 'noneIssued':
      return nothingIssuedOrCollected(fees)
        ? `本机关${draft.year}年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。`
        : itemisedSentence(draft);
    case 'measures':
      return measuresSentence(draft);
    case 'itemised':
      return itemisedSentence(draft);
  }
}

function measuresSentence(draft: Draft): string {
  const { noticesIssued, noticesAmount, collectedAmount } = draft.fees;
  const subject = `根据${FEE_MEASURES}，本机关${draft.year}年度`;
  if (nothingIssuedOrCollected(draft.fees)) return `${subject}发出收费通知的件数和总金额以及实际收取的总金额均为0。`;
  const clauses: string[] = [];
  if (known(noticesIssued)) clauses.push(`发出收费通知${exactText(noticesIssued)}件`);
  if (known(noticesAmount)) clauses.push(`收费通知总金额${exactText(noticesAmount)}元`);
  if (known(collectedAmount)) clauses.push(`实际收取的总金额${exactText(collectedAmount)}元`);
  if (clauses.length === 0) return '';
  return `${subject}${clauses.join('，')}。`;
}

function itemisedSentence(draft: Draft): string {
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
