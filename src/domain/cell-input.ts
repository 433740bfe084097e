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

export interface CellParseOptions {
  /** Short column/row label for messages, e.g. `本年增/减` (taken from the template, never hard-coded). */
  readonly label?: string;
}

/** Most decimals an amount (万元) may have: 4, i.e. to the 元 (spec §A.4). */
export const AMOUNT_DECIMALS = 4;

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

function invalidMessage(valueType: ValueType, label: string | undefined): string {
  switch (valueType) {
    case 'count':
      return '请输入不小于 0 的整数';
    case 'signedCount':
      return `${label ? `“${label}”` : '这一格'}可以为负数，请输入整数，如 -8`;
    case 'amount':
      return '请输入不小于 0 的数，金额以万元为单位，最多 4 位小数';
  }
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
  const chars = [...text].map(toAsciiDigit);
  const normalised = chars.join('');

  // A lone minus in a signed cell is a number being typed, not a "none" mark.
  if (valueType === 'signedCount' && MINUS.has(normalised)) {
    return { ok: false, message: invalidMessage(valueType, options.label) };
  }
  if (NONE_MARKS.has(normalised)) return { ok: false, message: `没有的请填 0，不要写“${text}”` };
  if (/(万元|万|元)$/.test(normalised)) {
    return valueType === 'amount'
      ? { ok: false, message: '金额以万元为单位，最多 4 位小数，不要在格内写“万元”' }
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
    return { ok: false, message: invalidMessage(valueType, options.label) };
  }

  const fractionSignificant = fractionText.replace(/0+$/, '');
  if (valueType === 'amount') {
    if (fractionSignificant.length > AMOUNT_DECIMALS) {
      return { ok: false, message: '金额以万元为单位，最多 4 位小数（精确到元）' };
    }
  } else if (fractionSignificant !== '') {
    // Excel shows whole numbers formatted with decimals as `12.00`; that is still a whole number.
    return { ok: false, message: invalidMessage(valueType, options.label) };
  }

  const magnitude = Number(fractionSignificant === '' ? digits : `${digits}.${fractionSignificant}`);
  if (!Number.isFinite(magnitude) || magnitude > Number.MAX_SAFE_INTEGER) {
    return { ok: false, message: '数字太大，请检查' };
  }
  if (negative && magnitude !== 0) {
    if (valueType === 'count') return { ok: false, message: invalidMessage('count', options.label) };
    if (valueType === 'amount') return { ok: false, message: '金额不能为负数' };
  }
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}

/** The text shown for a stored value: plain digits, no separators, no trailing zeros; `''` for null. */
export function formatCellValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 10 ** AMOUNT_DECIMALS) / 10 ** AMOUNT_DECIMALS;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  // toFixed keeps large values out of exponent notation; then drop the trailing zeros.
  return rounded.toFixed(AMOUNT_DECIMALS).replace(/\.?0+$/, '');
}
