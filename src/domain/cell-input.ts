/**
 * What a clerk types (or pastes) into one table cell → the number the draft stores.
 *
 * Form state keeps the raw text (engineering guide §2a); this is the one place that turns it into a
 * number. It accepts what a Chinese IME and a spreadsheet produce: full-width digits `１２`, full-width
 * and typographic minus signs, thousands separators (`,` `，`, spaces, thin spaces) as Excel/WPS copy them,
 * and a full-width decimal point. Anything else gets a clear Chinese message for the cell; nothing throws.
 */
import type { ValueType } from './template-types.ts';

export type CellParseResult = { ok: true; value: number | null } | { ok: false; message: string };

/** Unit of an amount: the tables' cells are in 万元; the 信息处理费 statement (六) is in 元. */
export type AmountUnit = '万元' | '元';

export interface CellParseOptions {
  /** Short column/row label for messages, e.g. `本年增/减` (taken from the template, never hard-coded). */
  readonly label?: string;
  /** Unit of an `amount` (default 万元): fixes its decimals and maximum (`AMOUNT_DOMAINS`). */
  readonly unit?: AmountUnit;
}

// ---------------------------------------------------------------------------------------------------
// The value domain (public/draft-format.md, «数值范围»). Every value the draft can hold is stored and
// printed exactly: counts are whole numbers far below 2^53, and an amount with its few decimals stays
// below the magnitude where a double can no longer tell its last decimal apart (|x| < 2^38 for 4
// decimals, < 2^45 for 2). The draft schema refuses anything beyond these maxima when a file is read,
// and the cell refuses it when typed: nothing is ever silently rounded.

/** Most decimals an amount (万元) may have: 4, i.e. to the 元 (spec §A.4). */
export const AMOUNT_DECIMALS = 4;

/**
 * The largest count (件, 个, and 本年增/减 in either direction): 999,999,999,999. Far beyond any agency
 * (the plausibility warning in rules.ts starts much lower); a safe integer, so stored exactly.
 */
export const MAX_COUNT = 999_999_999_999;

/** Decimals and largest value of an amount in each unit. */
export const AMOUNT_DOMAINS: Readonly<Record<AmountUnit, { readonly decimals: number; readonly max: number; readonly precision: string }>> = {
  // 1e11 万元 = 1e15 元: with 4 decimals every value up to it is a distinct double, printed back exactly.
  万元: { decimals: AMOUNT_DECIMALS, max: 99_999_999_999.9999, precision: '最多 4 位小数（精确到元）' },
  // The fee notices are issued in 元 and 分 (国办函〔2020〕109号).
  元: { decimals: 2, max: 999_999_999_999.99, precision: '最多 2 位小数（精确到分）' },
};

/** The largest value a cell of this type (and unit) may hold; its negative is the smallest. */
export function maxValue(valueType: ValueType, unit: AmountUnit = '万元'): number {
  return valueType === 'amount' ? AMOUNT_DOMAINS[unit].max : MAX_COUNT;
}

const FULL_WIDTH_ZERO = 0xff10;

/** Characters a clerk uses for "minus": ASCII, full-width, the maths sign, small and hyphen variants. */
const MINUS = new Set(['-', '－', '−', '﹣', '‐', '‑']);
const PLUS = new Set(['+', '＋']);
/** Grouping separators seen in copied numbers: commas and every kind of space Excel/WPS/Word emit. */
const GROUP_SEPARATORS = new Set([',', '，', ' ', '\u00a0', '\u2009', '\u202f', '\u2007', '\u3000']);
const DECIMAL_POINTS = new Set(['.', '．', '。']);
/** Whitespace trimmed at both ends, including the ideographic space an IME inserts. */
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u3000\ufeff]+|[\s\u00a0\u2000-\u200b\u202f\u3000\ufeff]+$/g;
/** What people write for "none" instead of 0 (KIROGOVCOMPARE flags these, spec §3). */
const NONE_MARKS = new Set(['/', '／', '-', '－', '—', '——', '–', '无', '空', '\\', '×', '*', '－－', '--']);

function toAsciiDigit(char: string): string {
  const code = char.codePointAt(0)!;
  return code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9 ? String(code - FULL_WIDTH_ZERO) : char;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function invalidMessage(valueType: ValueType, label: string | undefined, unit: AmountUnit): string {
  switch (valueType) {
    case 'count':
      return '请输入不小于 0 的整数';
    case 'signedCount':
      return `${label ? `“${label}”` : '这一格'}可以为负数，请输入整数，如 -8`;
    case 'amount':
      return `请输入不小于 0 的数，金额以${unit}为单位，${AMOUNT_DOMAINS[unit].precision}`;
  }
}

/** The digits of a maximum as a clerk reads them: 999,999,999,999 → `999999999999`. */
function tooLargeMessage(valueType: ValueType, unit: AmountUnit): string {
  const max = formatCellValue(maxValue(valueType, unit));
  return valueType === 'amount' ? `数字太大，请检查：金额最多 ${max} ${unit}` : `数字太大，请检查：最多 ${max}`;
}

/**
 * Splits the integer part at its grouping separators and checks they sit every three digits
 * (`1,234,567`); `12,34` is refused rather than silently read as 1234.
 */
function integerDigits(text: string): string | null {
  if (text === '') return null;
  const groups: string[] = [];
  let current = '';
  for (const char of text) {
    if (isDigit(char)) current += char;
    else if (GROUP_SEPARATORS.has(char)) {
      groups.push(current);
      current = '';
    } else return null;
  }
  groups.push(current);
  if (groups.length === 1) return groups[0]!;
  const [first, ...rest] = groups;
  if (!first || first.length > 3 || rest.some((group) => group.length !== 3)) return null;
  return groups.join('');
}

/**
 * Parses a cell's raw text. `''` (after trimming) is an untouched cell: `{ ok: true, value: null }`.
 */
export function parseCellInput(raw: string, valueType: ValueType, options: CellParseOptions = {}): CellParseResult {
  const text = String(raw ?? '').replace(EDGE_SPACE, '');
  if (text === '') return { ok: true, value: null };
  const unit = options.unit ?? '万元';
  const chars = [...text].map(toAsciiDigit);
  const normalised = chars.join('');

  // A lone minus in a signed cell is a number being typed, not a "none" mark.
  if (valueType === 'signedCount' && MINUS.has(normalised)) {
    return { ok: false, message: invalidMessage(valueType, options.label, unit) };
  }
  if (NONE_MARKS.has(normalised)) return { ok: false, message: `没有的请填 0，不要写“${text}”` };
  if (/(万元|万|元)$/.test(normalised)) {
    return valueType === 'amount'
      ? { ok: false, message: `金额以${unit}为单位，${AMOUNT_DOMAINS[unit].precision}，不要在格内写“${normalised.match(/(万元|万|元)$/)![0]}”` }
      : { ok: false, message: `只填数字，不要在格内写“${normalised.match(/(万元|万|元)$/)![0]}”` };
  }
  if (/(件|个|项|次)$/.test(normalised)) {
    return { ok: false, message: `只填数字，不要在格内写“${normalised.at(-1)}”` };
  }

  let index = 0;
  let negative = false;
  if (MINUS.has(chars[0]!)) {
    negative = true;
    index = 1;
  } else if (PLUS.has(chars[0]!)) {
    index = 1;
  }
  const body = chars.slice(index).join('').replace(EDGE_SPACE, '');
  const pointAt = [...body].findIndex((char) => DECIMAL_POINTS.has(char));
  const integerText = pointAt === -1 ? body : [...body].slice(0, pointAt).join('');
  const fractionText = pointAt === -1 ? '' : [...body].slice(pointAt + 1).join('');

  const digits = integerDigits(integerText === '' && fractionText !== '' ? '0' : integerText);
  if (digits === null || ![...fractionText].every(isDigit)) {
    return { ok: false, message: invalidMessage(valueType, options.label, unit) };
  }

  const fractionSignificant = fractionText.replace(/0+$/, '');
  if (valueType === 'amount') {
    if (fractionSignificant.length > AMOUNT_DOMAINS[unit].decimals) {
      return { ok: false, message: `金额以${unit}为单位，${AMOUNT_DOMAINS[unit].precision}` };
    }
  } else if (fractionSignificant !== '') {
    // Excel shows whole numbers formatted with decimals as `12.00`; that is still a whole number.
    return { ok: false, message: invalidMessage(valueType, options.label, unit) };
  }

  // Within the maximum the number is exact; beyond it Number() may already have rounded it
  // (12345678901234567890 → …168), so it is refused rather than stored.
  const magnitude = Number(fractionSignificant === '' ? digits : `${digits}.${fractionSignificant}`);
  if (!Number.isFinite(magnitude) || magnitude > maxValue(valueType, unit)) {
    return { ok: false, message: tooLargeMessage(valueType, unit) };
  }
  if (negative && magnitude !== 0) {
    if (valueType === 'count') return { ok: false, message: invalidMessage('count', options.label, unit) };
    if (valueType === 'amount') return { ok: false, message: '金额不能为负数' };
  }
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}

/**
 * The text shown for a stored value: plain digits, no separators, no trailing zeros; `''` for null.
 * Rounded to 4 decimals, which removes binary floating-point noise (0.1 + 0.2 prints as 0.3) and is
 * exact for every value of the domain. Never exponent notation, even for values outside the domain.
 */
export function formatCellValue(value: number | null, decimals: number = AMOUNT_DECIMALS): string {
  if (value === null || !Number.isFinite(value)) return '';
  // toFixed switches to exponent notation from 1e21 on; such a value has no fraction to keep.
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  return rounded.toFixed(decimals).replace(/\.?0+$/, '');
}

/** The number a cell's text stands for; null when it is empty or does not read (the cell says why). */
export function cellValueOrNull(raw: string, valueType: ValueType): number | null {
  const result = parseCellInput(raw, valueType);
  return result.ok ? result.value : null;
}

/**
 * The text a cell is normalised to once the clerk has left it or pasted into it (`１２` → `12`,
 * `1,234` → `1234`); null when the text does not read, which then stays as typed.
 */
export function normalisedCellText(raw: string, valueType: ValueType): string | null {
  const result = parseCellInput(raw, valueType);
  return result.ok ? formatCellValue(result.value) : null;
}
