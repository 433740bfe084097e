/**
 * Narrative text on its way into WordprocessingML: what the clerk typed or pasted must come out as typed
 * (XML specials, emoji, rare CJK such as 𠀀 U+20000), minus what would make the file unreadable.
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

/**
 * Width of a line in body characters: CJK and full-width forms count 1, everything else (Times New Roman
 * digits and Latin) about ½. Used to place the 落款 over its date.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f300;
    width += wide ? 1 : 0.5;
  }
  return width;
}

/** Characters that must not start a line (Chinese line-breaking rules, 避头点号). */
const NO_LINE_START = new Set(['）', '、', '，', '。', '：', '；', '”', '》', '〕', ')', ',', '.', ':']);

function greedyLines(chars: readonly string[], limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of chars) {
    const w = displayWidth(char);
    if (line !== '' && width + w > limit + 1e-9 && !NO_LINE_START.has(char)) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A short label broken into lines of even length for a narrow cell that holds `capacity` characters a
 * line: `商业企业` in a 3-character cell gives `商业 / 企业` rather than `商业企 / 业`. A label that fits
 * stays one line. The characters are unchanged; only where the lines break is chosen.
 */
export function balancedLines(text: string, capacity: number): string[] {
  const chars = [...text];
  const total = displayWidth(text);
  if (capacity <= 0 || total <= capacity) return [text];
  const count = Math.ceil(total / capacity);
  for (let limit = Math.ceil((total / count) * 2) / 2; limit <= capacity; limit += 0.5) {
    const lines = greedyLines(chars, limit);
    if (lines.length <= count) return lines;
  }
  return greedyLines(chars, capacity);
}

/** The heading ordinal a label starts with, `（三）` or `三、`, if any. */
const ORDINAL_PREFIX = /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;

/**
 * A group label set down a narrow, tall cell (table 三 `三、本年度办理结果`, `（三）不予公开`): the ordinal on
 * its own line, the rest balanced below it, as published reports print it.
 */
export function stackedLines(text: string, capacity: number): string[] {
  const ordinal = ORDINAL_PREFIX.exec(text)?.[0];
  if (ordinal === undefined || displayWidth(text) <= capacity) return balancedLines(text, capacity);
  return [ordinal, ...balancedLines(text.slice(ordinal.length), capacity)];
}
