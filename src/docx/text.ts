/** Line-width arithmetic for labels inside the Word tables (body text lives in domain/report-text.ts). */

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

/** Lines of at most `limit` characters' width, a closing mark never starting a line (it stays on the line before). */
export function greedyLines(chars: readonly string[], limit: number): string[] {
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

/** Only CJK characters (no digits, Latin or punctuation): a label made of two-character words such as 社会公益组织. */
const CJK_WORDS = /^[\u4e00-\u9fff]+$/;

/**
 * A short label broken into lines of even length for a narrow cell that holds `capacity` characters a
 * line: `商业企业` in a 3-character cell gives `商业 / 企业` rather than `商业企 / 业`. A label that fits
 * stays one line. A label of Chinese characters only is, where its length allows, broken between pairs of
 * characters, since such labels are made of two-character words: `社会公益组织` gives `社会 / 公益 / 组织` in a
 * 3-character cell rather than `社会公 / 益组织`. The characters are unchanged; only where the lines break
 * is chosen.
 */
export function balancedLines(text: string, capacity: number): string[] {
  const chars = [...text];
  const total = displayWidth(text);
  if (capacity <= 0 || total <= capacity) return [text];
  if (CJK_WORDS.test(text) && chars.length % 2 === 0 && capacity >= 2) {
    const pairs = Math.floor(capacity / 2);
    const lineCount = Math.ceil(chars.length / 2 / pairs);
    const perLine = Math.ceil(chars.length / 2 / lineCount) * 2;
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
    return lines;
  }
  const count = Math.ceil(total / capacity);
  for (let limit = Math.ceil((total / count) * 2) / 2; limit <= capacity; limit += 0.5) {
    const lines = greedyLines(chars, limit);
    if (lines.length <= count) return lines;
  }
  return greedyLines(chars, capacity);
}

/** The heading ordinal a label starts with, `（三）` or `三、`, if any. */
const ORDINAL_PREFIX = /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;

/** The ordinal a group label starts with (`三、`, `（三）`), or '' when it has none. */
export function ordinalPrefix(text: string): string {
  return ORDINAL_PREFIX.exec(text)?.[0] ?? '';
}

/**
 * A group label set down a narrow, tall cell (table 三 `三、本年度办理结果`, `（三）不予公开`): the ordinal on
 * its own line, the rest balanced below it, as published reports print it. In a column of one or two
 * characters the label runs down the column one character a line (竖排), which never breaks a word, where
 * two a line would (`本年 / 度办 / 理结 / 果`).
 */
export function stackedLines(text: string, capacity: number): string[] {
  if (capacity < 2 && displayWidth(text) > capacity) return [...text];
  const ordinal = ordinalPrefix(text);
  if (ordinal === '' || displayWidth(text) <= capacity) return balancedLines(text, capacity);
  const rest = text.slice(ordinal.length);
  return [ordinal, ...(capacity < 3 ? [...rest] : balancedLines(rest, capacity))];
}
