/**
 * The 信息处理费 sentence of 六、其他需要报告的事项 (spec §2.3): how many 收费通知 were issued and for how much,
 * and how much was actually collected, from the draft's structured `fees`. "0件 / 0元" is a valid answer and
 * is stated as 未发出 / 未收取. A value the clerk has not entered (null) is never stated as 0: its clause is
 * left out, and with nothing entered at all the sentence is empty.
 *
 * Amounts are in 元 (the fee notices are issued in 元, 国办函〔2020〕109号), printed without grouping
 * separators and with at most 2 decimals (分).
 */
import type { Draft } from './draft-types.ts';

function yuan(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  return `${rounded.toFixed(2).replace(/\.?0+$/, '')}元`;
}

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function feeStatementSentence(draft: Draft): string {
  const { noticesIssued, noticesAmount, collectedAmount } = draft.fees;
  const subject = `本机关${draft.year}年度`;
  const clauses: string[] = [];

  if (known(noticesIssued)) {
    if (noticesIssued <= 0) clauses.push('未发出信息处理费收费通知');
    else if (known(noticesAmount)) clauses.push(`共发出信息处理费收费通知${noticesIssued}件，金额合计${yuan(noticesAmount)}`);
    else clauses.push(`共发出信息处理费收费通知${noticesIssued}件`);
  }
  if (known(collectedAmount)) {
    clauses.push(collectedAmount <= 0 ? '未收取信息处理费' : `实际收取信息处理费${yuan(collectedAmount)}`);
  }
  if (clauses.length === 0) return '';
  return `${subject}${clauses.join('，')}。`;
}
