/**
 * Counts written in Chinese numerals (收到政府信息公开申请两件；行政复议一起；被纠错零件): read into the
 * number, and a number written back in the style the clerk used (spec §5.6, text-numbers.ts).
 *
 * Reading is strict on purpose: only a numeral that reads one way is a number. 一两件, 三五件 (one or two,
 * three to five) and 一百五 (colloquial 150, or 105?) are estimates or ambiguous and read as nothing, so a
 * sentence that writes them is never compared with the tables.
 */

/** Every character that can be part of a numeral: the digits, 两, 〇, the units and their 大写 forms. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** A numeral below 10000 (one 节 of a larger number); `leadingZero`: the part after 万 may begin with 零. */
function readSection(text: string, leadingZero: boolean): number | null {
  let value = 0;
  let lastUnit = 10_000;
  let digit: number | null = null;
  let zeroSeen = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const d = DIGITS[char];
    if (d === 0) {
      // 零 stands between a unit and a lower digit (一百零五) or after 万 (一万零五), never twice or last.
      if (digit !== null || zeroSeen || index === text.length - 1) return null;
      if (index === 0 && !leadingZero) return null;
      zeroSeen = true;
    } else if (d !== undefined) {
      if (digit !== null) return null; // 一两, 三五: an estimate, not a number
      digit = d;
    } else {
      const unit = UNITS[char];
      if (unit === undefined || unit >= lastUnit) return null;
      if (digit === null) {
        // 十 alone at the start (十二 = 12) or after 零 (一百零十 is unusual, 一千零十 = 1010).
        if (unit !== 10 || (value !== 0 && !zeroSeen)) return null;
        digit = 1;
      }
      // A skipped unit needs 零 (一千零五十); 一千五十 is not written.
      if (value !== 0 && unit * 10 !== lastUnit && !zeroSeen) return null;
      value += digit * unit;
      lastUnit = unit;
      digit = null;
      zeroSeen = false;
    }
  }
  if (digit !== null) {
    // A last digit after 百 or 千 with no 零 is colloquial shorthand (一百五 = 150): not read.
    if (lastUnit !== 10 && lastUnit !== 10_000 && !zeroSeen) return null;
    value += digit;
  }
  return value;
}

/**
 * The number a Chinese numeral writes, or null when it is not one number: 两 → 2, 十二 → 12,
 * 一百零五 → 105, 零 → 0, 一万零五 → 10005; 一两, 三五, 一百五, 百 → null.
 */
export function readChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 12) return null;
  if (text === '零' || text === '〇') return 0;
  const parts = text.split('万');
  if (parts.length > 2) return null;
  if (parts.length === 1) return readSection(text, false);
  const high = readSection(parts[0]!, false);
  if (high === null || high === 0) return null;
  if (parts[1] === '') return high * 10_000;
  const low = readSection(parts[1]!, true);
  if (low === null) return null;
  // 一万五 is 15000 in speech; only 一万五千 or 一万零五 are read.
  if (!parts[1]!.startsWith('零') && low < 1000) return null;
  return high * 10_000 + low;
}

const PLAIN_DIGITS = '零一二三四五六七八九';
const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** A whole number below 10000 in plain numerals, without the 一 of a leading 十 (十二, not 一十二). */
function writeSection(value: number, digits: string, units: readonly string[], inner: boolean): string {
  let text = '';
  let pendingZero = false;
  const places = [1000, 100, 10, 1];
  for (let index = 0; index < places.length; index++) {
    const place = places[index]!;
    const d = Math.floor(value / place) % 10;
    if (d === 0) {
      if (text !== '' || inner) pendingZero = true;
      continue;
    }
    if (pendingZero && (text !== '' || inner)) text += digits[0];
    pendingZero = false;
    const unit = index < 3 ? units[index]! : '';
    text += text === '' && !inner && place === 10 && d === 1 && digits === PLAIN_DIGITS ? unit : digits[d]! + unit;
  }
  return text;
}

/**
 * `value` in the style of `written` (the numeral the clerk wrote): 大写 if it used 壹贰…, 〇 for zero if
 * it wrote 〇, and 两 for a lone 2 as one writes 两件 (二件 is not written; 十二件, 二十件 are).
 * The tables' figure goes back in Chinese numerals where the clerk wrote them: the paragraph then reads as
 * written (published reports that write 两件 write every count of the paragraph that way).
 * Null when the value is not a whole number from 0 to 99999999 (it is then written in Arabic figures).
 */
export function writeChineseNumeral(value: number, written: string): string | null {
  if (!Number.isInteger(value) || value < 0 || value >= 100_000_000) return null;
  const capital = /[壹贰叁肆伍陆柒捌玖拾佰仟]/.test(written);
  const digits = capital ? CAPITAL_DIGITS : PLAIN_DIGITS;
  const units = capital ? ['仟', '佰', '拾'] : ['千', '百', '十'];
  if (value === 0) return written.includes('〇') ? '〇' : '零';
  if (value === 2 && !capital) return '两';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return writeSection(low, digits, units, false);
  let text = `${writeSection(high, digits, units, false)}万`;
  if (low !== 0) text += low < 1000 ? digits[0] + writeSection(low, digits, units, true).replace(new RegExp(`^${digits[0]}+`), '') : writeSection(low, digits, units, true);
  return text;
}
