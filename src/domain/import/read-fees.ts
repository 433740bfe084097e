/**
 * The 信息处理费 statement of a published report's 六、其他需要报告的事项 → the draft's `fees`, the way
 * published reports write it:
 * - nothing: `本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。`,
 *   `本年度未收取信息处理费。`, `……发出收费通知的件数和总金额以及实际收取的总金额均为0。`;
 * - figures: `共收取信息处理费0元`, `收取信息处理费1200元`, `共发出信息处理费收费通知2件，金额合计300元`,
 *   `按照《政府信息公开信息处理费管理办法》……收取信息处理费3笔、共计1200元`.
 *
 * Only what a sentence states fills a field: `未收取信息处理费` gives the amount collected (0) and leaves
 * the notices empty; `未发出收费通知` gives 0 notices and so 0 for their amount. Anything unclear — a
 * sentence about the fee with a figure none of these wordings accounts for, two statements that disagree,
 * a sentence about another year (`较上年`, `2022年`), a figure outside the fields' value domain — leaves
 * every field empty, and the reason is given in Chinese for the import's summary. Nothing is ever guessed.
 */
import { FEE_FIELD_DOMAINS, feeValueProblem, parseFeeInput, type FeeField } from '../fee-statement.ts';
import type { FeeStatement } from '../draft-types.ts';

export type FeeReading =
  | {
      readonly read: true;
      /** The figures stated; a field the report does not state stays null. */
      readonly fees: FeeStatement;
      /** The sentences that state them, as printed (they become the report's fee sentence). */
      readonly sentences: readonly string[];
    }
  | { readonly read: false; readonly reason: string };

/** A sentence about the fee: it names it, or the notices by which it is charged. */
const ABOUT_FEES = /信息处理费|(收费|缴款|缴费)通知/;
/** A figure with a unit a fee statement would give it: a count of notices or payments, or an amount. */
const FIGURE_WITH_UNIT = /(\d|零)\s*(件|份|笔|次|万?元)/;
/** Words by which a sentence compares with, or speaks of, another year than the report's. */
const OTHER_YEAR = /上年|上一年|去年|前年|同比|往年|历年/;

/** A number as printed: digits with optional thousands separators and decimals, or 零. */
const NUMBER = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?|零)`;
const AMOUNT = String.raw`${NUMBER}(万?元)`;

type Extracted = Partial<Record<FeeField, { readonly text: string; readonly unit: '件' | '元' | '万元' }>>;

interface Wording {
  readonly pattern: RegExp;
  readonly fields: (match: RegExpExecArray) => Extracted;
}

const zero = { text: '0', unit: '件' } as const;
const zeroAmount = { text: '0', unit: '元' } as const;
const amountOf = (match: RegExpExecArray, at: number) => ({ text: match[at]!, unit: match[at + 1] as '元' | '万元' });

/** The wordings understood, each giving the fields it states. Sentences are normalised (NFKC, no spaces). */
const WORDINGS: readonly Wording[] = [
  // 发出收费通知的件数和总金额以及实际收取的总金额均为0 (as this tool's `measures` wording writes it)
  {
    pattern: /收费通知的件数和总金额以及实际收取的总金额均为(?:0|零)/,
    fields: () => ({ noticesIssued: zero, noticesAmount: zeroAmount, collectedAmount: zeroAmount }),
  },
  // 未发出依申请公开缴款通知书 / 没有发出信息处理费收费通知
  {
    pattern: /(?:未|没有)(?:向申请人)?(?:发出|发放|开具|发送)[^,;。]{0,12}?(?:收费|缴款|缴费)通知/,
    fields: () => ({ noticesIssued: zero, noticesAmount: zeroAmount }),
  },
  // 未对申请人收取信息处理费 / 未收取任何信息处理费
  {
    pattern: /(?:未|没有)(?:对申请人|向申请人)?(?:收取|收缴|征收)(?:任何)?(?:政府信息公开)?信息处理费/,
    fields: () => ({ collectedAmount: zeroAmount }),
  },
  // 共发出信息处理费收费通知2件，金额合计300元 / 发出收费通知2件，总金额300元
  {
    pattern: new RegExp(
      String.raw`(?:发出|发放|开具|发送)[^,;。]{0,12}?(?:收费|缴款|缴费)通知书?(?:共计|合计|共)?${NUMBER}(?:件|份)(?:,(?:收费通知)?(?:总金额|金额合计|合计金额|总额|金额)(?:合计|共计|为)?${AMOUNT})?`,
    ),
    fields: (match) => ({
      noticesIssued: { text: match[1]!, unit: '件' },
      ...(match[2] !== undefined ? { noticesAmount: amountOf(match, 2) } : {}),
    }),
  },
  // 收费通知总金额300元 (the measures wording: 收费通知总金额…元)
  {
    pattern: new RegExp(String.raw`(?:收费|缴款|缴费)通知书?的?(?:总金额|金额合计|合计金额|总额)(?:合计|共计|为)?${AMOUNT}`),
    fields: (match) => ({ noticesAmount: amountOf(match, 1) }),
  },
  // 收取信息处理费3笔、共计1200元
  {
    pattern: new RegExp(String.raw`收取(?:政府信息公开)?信息处理费(?:共计|合计|共)?${NUMBER}笔[、,]?(?:共计|合计|共|金额|总金额)?${AMOUNT}`),
    fields: (match) => ({ collectedAmount: amountOf(match, 2) }),
  },
  // 共收取信息处理费0元 / 实际收取信息处理费1200元 / 收取信息处理费共计400元
  {
    pattern: new RegExp(String.raw`收取(?:了)?(?:政府信息公开)?信息处理费(?:的?总?金额)?(?:共计|合计|共|总计|为)?${AMOUNT}`),
    fields: (match) => ({ collectedAmount: amountOf(match, 1) }),
  },
  // 实际收取的总金额1200元 (the measures wording)
  {
    pattern: new RegExp(String.raw`实际收取的?(?:总金额|金额)(?:为|共计|合计)?${AMOUNT}`),
    fields: (match) => ({ collectedAmount: amountOf(match, 1) }),
  },
];

/**
 * A sentence as the wordings read it: full-width forms folded (NFKC), spaces gone, and the names of
 * documents left out — `《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）` names the fee but states
 * nothing, and its number is no figure.
 */
function normalised(sentence: string): string {
  return sentence
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/《[^《》]*》/g, '《》')
    .replace(/[^,;。()]{0,8}〔\d{4}〕\d+号/g, '')
    .replace(/\d{4}年度?/g, '');
}

/**
 * A sub-heading of 六 as read-report.ts splits the section at it: `（一）收取信息处理费情况` on a line of its
 * own, or leading its paragraph (`（一）信息处理费收取情况：本年度未收取信息处理费。`).
 */
const SUB_HEADING_LINE = /^[（(][一二三四五六七八九十]+[)）]\s*[^。：:]{1,30}$/;
const SUB_HEADING_LEAD = /^([（(][一二三四五六七八九十]+[)）]\s*[^。：:，,]{1,20})([：:])(.+)$/;
/** A heading without ordinal that names the fee and leads its paragraph (`信息处理费情况：…`). */
const FEE_LEAD = /^([^。：:，,；;]{0,12}信息处理费[^。：:，,；;]{0,8}(?:情况|说明))([：:])(.+)$/;
/** A heading of the fee's own: it names the fee or the notices by which it is charged. */
const FEE_HEADING = /信息处理费|收费|缴费/;

/**
 * A paragraph's heading (if it is one, or leads it) and its body. The heading is never part of the fee
 * statement: the statement moves to the fee sentence in its own words, without `（一）…：`. A numbered
 * heading (`sub-heading`) stands over the paragraphs after it, up to the next one; an unnumbered one
 * (`lead-in`) only over its own paragraph.
 */
type HeadedParagraph =
  | { readonly heading: string; readonly kind: 'sub-heading' | 'lead-in'; readonly separator: string; readonly body: string }
  | { readonly heading: null; readonly kind: null; readonly separator: ''; readonly body: string };

function headingOf(paragraph: string): HeadedParagraph {
  const text = paragraph.trim();
  if (SUB_HEADING_LINE.test(text)) return { heading: text, kind: 'sub-heading', separator: '', body: '' };
  const numbered = SUB_HEADING_LEAD.exec(text);
  if (numbered) return { heading: numbered[1]!.trim(), kind: 'sub-heading', separator: numbered[2]!, body: numbered[3]!.trim() };
  const lead = FEE_LEAD.exec(text);
  if (lead) return { heading: lead[1]!.trim(), kind: 'lead-in', separator: lead[2]!, body: lead[3]!.trim() };
  return { heading: null, kind: null, separator: '', body: paragraph };
}

/** A paragraph's sentences, each with its closing punctuation, so that joining them gives it back whole. */
function sentencesOf(paragraph: string): string[] {
  return (paragraph.match(/[^。；;！!？?]*(?:[。；;！!？?]+|$)/g) ?? []).filter((sentence) => sentence !== '');
}

/** A figure as printed, in the field's unit (元 for amounts; 万元 shifted by four places, exactly). */
function figureValue(figure: { readonly text: string; readonly unit: '件' | '元' | '万元' }, field: FeeField): number | string {
  let text = figure.text === '零' ? '0' : figure.text.replace(/,/g, '');
  if (figure.unit === '万元') {
    const [whole = '', fraction = ''] = text.split('.');
    const padded = fraction.padEnd(4, '0');
    text = `${whole}${padded.slice(0, 4)}${padded.length > 4 ? `.${padded.slice(4)}` : ''}`.replace(/^0+(?=\d)/, '');
  }
  const parsed = parseFeeInput(text, field);
  if (!parsed.ok || parsed.value === null) return parsed.ok ? '不是数字' : parsed.message;
  return feeValueProblem(parsed.value, field) ?? parsed.value;
}

const FIELD_ORDER: readonly FeeField[] = ['noticesIssued', 'noticesAmount', 'collectedAmount'];

/**
 * Reads the fee statement from the paragraphs of 六. `remaining` is the text of 六 without the sentences
 * read (a paragraph left empty is dropped), so that the statement is not printed twice; when nothing is
 * read it is the text unchanged. A sub-heading of the fee's own (`（一）收取信息处理费情况`, `信息处理费收取
 * 情况：…`) whose only content was the statement read is dropped with it, so that no heading is left with
 * nothing under it; a heading with anything else under it (a sentence kept, a paragraph after it), or one
 * that does not name the fee, stays.
 */
export function readFeeStatement(paragraphs: readonly string[], year: number): { readonly reading: FeeReading; readonly remaining: readonly string[] } {
  const unchanged = { remaining: paragraphs };
  const values: Partial<Record<FeeField, number>> = {};
  const statements: string[] = [];
  const remaining: string[] = [];
  let mentioned = false;
  // The fee's own heading last kept in `remaining`, while nothing but the statement read has followed it.
  let feeHeading: { readonly at: number; moved: boolean } | null = null;
  for (const paragraph of paragraphs) {
    const { heading, kind, separator, body } = headingOf(paragraph);
    const kept: string[] = [];
    let movedHere = false;
    for (const sentence of sentencesOf(body)) {
      const text = normalised(sentence);
      if (!ABOUT_FEES.test(text)) {
        kept.push(sentence);
        continue;
      }
      mentioned = true;
      const extracted: Extracted = {};
      const found: Partial<Record<FeeField, number | string>> = {};
      let disagreeing: FeeField | undefined;
      for (const wording of WORDINGS) {
        const match = wording.pattern.exec(text);
        if (!match) continue;
        for (const [field, figure] of Object.entries(wording.fields(match)) as [FeeField, NonNullable<Extracted[FeeField]>][]) {
          const value = figureValue(figure, field);
          if (found[field] !== undefined && found[field] !== value) disagreeing = field;
          found[field] = value;
          extracted[field] ??= figure;
        }
      }
      const fields = FIELD_ORDER.filter((field) => extracted[field] !== undefined);
      if (fields.length > 0) {
        const otherYear = [...sentence.normalize('NFKC').matchAll(/(\d{4})\s*年/g)].map((match) => Number(match[1])).find((named) => named !== year);
        if (otherYear !== undefined || OTHER_YEAR.test(text)) {
          const which = otherYear !== undefined ? `${otherYear}年` : '其他年度';
          return { reading: { read: false, reason: `“${sentence.trim()}”说到${which}的数字，不能确定哪个是${year}年度的` }, ...unchanged };
        }
        if (disagreeing !== undefined) {
          return { reading: { read: false, reason: `“${sentence.trim()}”中的${FEE_FIELD_DOMAINS[disagreeing].name}前后说法不一致` }, ...unchanged };
        }
      }
      if (fields.length === 0) {
        // A sentence about the fee without a figure (`今后将严格按照规定收取信息处理费。`) says nothing to read.
        if (FIGURE_WITH_UNIT.test(text)) {
          return { reading: { read: false, reason: `“${sentence.trim()}”中的数字不是能确定读出的写法` }, ...unchanged };
        }
        kept.push(sentence);
        continue;
      }
      for (const field of fields) {
        const value = figureValue(extracted[field]!, field);
        const { name, unit } = FEE_FIELD_DOMAINS[field];
        if (typeof value === 'string') {
          return { reading: { read: false, reason: `“${sentence.trim()}”中的${name}（${unit}）${value}` }, ...unchanged };
        }
        if (values[field] !== undefined && values[field] !== value) {
          return { reading: { read: false, reason: `报告中的${name}前后不一致（${values[field]}${unit}和${value}${unit}）` }, ...unchanged };
        }
        values[field] = value;
      }
      statements.push(sentence.trim());
      movedHere = true;
    }
    const rest = kept.join('').trim();
    if (kind !== null && ABOUT_FEES.test(normalised(heading))) mentioned = true;
    if (kind !== 'sub-heading') {
      if (rest !== '') {
        // Something besides the statement stands under the heading before: it stays.
        remaining.push(kind === 'lead-in' ? (movedHere ? `${heading}${separator}${rest}` : paragraph.trim()) : rest);
        feeHeading = null;
      } else if (movedHere && feeHeading) feeHeading.moved = true;
      // A lead-in whose paragraph was only the statement goes with it.
      continue;
    }
    // A heading starts: the one before it had only the statement under it, if it was moved at all.
    if (feeHeading?.moved) remaining.splice(feeHeading.at, 1);
    feeHeading = null;
    if (!movedHere) {
      remaining.push(paragraph.trim());
      if (rest === '' && FEE_HEADING.test(heading)) feeHeading = { at: remaining.length - 1, moved: false };
      continue;
    }
    remaining.push(rest === '' ? heading : `${heading}${separator}${rest}`);
    if (rest === '' && FEE_HEADING.test(heading)) feeHeading = { at: remaining.length - 1, moved: true };
  }
  if (feeHeading?.moved) remaining.splice(feeHeading.at, 1);
  if (statements.length === 0) {
    const reason = mentioned ? '其中提到信息处理费，但没有写明件数或金额' : '其中没有关于信息处理费的说明';
    return { reading: { read: false, reason }, ...unchanged };
  }
  return {
    reading: {
      read: true,
      fees: { noticesIssued: values.noticesIssued ?? null, noticesAmount: values.noticesAmount ?? null, collectedAmount: values.collectedAmount ?? null },
      sentences: statements,
    },
    remaining,
  };
}

/**
 * What the import made of the fee statement, in Chinese, for the summary the clerk confirms. `place` is the
 * heading of the section it was looked for in (`六、其他需要报告的事项`), named where it was not read.
 */
export function feeReadingText(reading: FeeReading, place: string): string {
  if (!reading.read) return `信息处理费没有读出（${place}）：${reading.reason}。三项数字留空，请在“其他需要报告的事项”中填写。`;
  const stated = FIELD_ORDER.filter((field) => reading.fees[field] !== null);
  const unstated = FIELD_ORDER.filter((field) => reading.fees[field] === null);
  const named = (field: FeeField) => `${FEE_FIELD_DOMAINS[field].name} ${reading.fees[field]} ${FEE_FIELD_DOMAINS[field].unit}`;
  const parts = [`信息处理费读出：${stated.map(named).join('，')}（据“${reading.sentences.join('')}”）`];
  if (unstated.length > 0) parts.push(`${unstated.map((field) => FEE_FIELD_DOMAINS[field].name).join('、')}报告中没有写明，留空，请填写`);
  parts.push('作为该年度的报告打开时，原句照原文印作报告中信息处理费的表述');
  return `${parts.join('；')}。`;
}
