/**
 * The report's text as it prints, for the Word file and for the on-screen preview alike: what the clerk
 * typed or pasted must come out as typed (XML specials, emoji, rare CJK such as 𠀀 U+20000), minus what
 * would make a Word file unreadable; paragraphs, heading ordinals and dates in the 公文 style.
 *
 * - XML 1.0 forbids U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and unpaired surrogates;
 *   Word refuses a file holding one ("We're sorry. We can't open …", docx `docs/troubleshooting.md`). They
 *   arrive by pasting from other programs. U+007F–U+009F are legal but invisible garbage; they go too.
 * - Line ends of every kind (CR LF, CR, U+2028/U+2029, and U+000B/U+000C, which Word's own clipboard uses for
 *   a manual line break and a page break) mean "new paragraph".
 * - `&`, `<`, `>` and quotes need nothing here: docx escapes text itself.
 */

const LINE_BREAKS = /\r\n|[\r\u2028\u2029\v\f]/g;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
/** A surrogate pair (kept) or a lone surrogate (dropped); no lookbehind, which older Safari cannot parse. */
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** Text with line ends normalised to `\n` and XML-illegal characters removed; tabs and newlines kept. */
export function cleanText(text: string): string {
  return String(text ?? '')
    .replace(LINE_BREAKS, '\n')
    .replace(FORBIDDEN, '')
    .replace(SURROGATES, (match) => (match.length === 2 ? match : ''));
}

/** Leading indentation the clerk typed (spaces, ideographic spaces, tabs): the paragraph format indents. */
const LEADING_INDENT = /^[ \t\u00A0\u3000]+/;

/**
 * The paragraphs of a narrative text: one per line, typed indentation removed (the 2-character first-line
 * indent is the paragraph's format), blank lines dropped (a 公文 has no empty paragraphs between paragraphs).
 */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.replace(LEADING_INDENT, '').replace(/\s+$/u, ''))
    .filter((line) => line !== '');
}

/** The pieces of a paragraph between its tab characters (each tab becomes a `w:tab`). */
export function tabSeparated(line: string): string[] {
  return line.split('\t');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1–99 as used in headings: 一 … 十, 十一 … 十九, 二十, 二十一 … */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/** Level-2 heading ordinal （一）, （二）, … (GB/T 9704 7.3.3 numbering 一、→（一）→1.→（1）). */
export function subHeadingOrdinal(n: number): string {
  return `（${chineseNumeral(n)}）`;
}

/** `YYYY-MM-DD` → `2024年1月18日` (spec §8.5: the date fully in Arabic numerals); null when not a date. */
export function chineseDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}年${month}月${day}日`;
}
