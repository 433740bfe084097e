/**
 * Where and why a text is not valid JSON, in Chinese, for the draft-file reader.
 *
 * `JSON.parse` says *that* a file is broken, but its messages differ between engines (V8 on Node 20 gives
 * an offset, newer V8 a line and column, Firefox something else) and are English. This scanner, run only
 * after `JSON.parse` has failed, finds the first offending character itself, so the clerk gets the same
 * line, column and explanation everywhere, and a truncated file is told apart from a mistyped one.
 *
 * Iterative (an explicit stack, no recursion): a pathological file of a million `[` must not overflow.
 */

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  readonly offset: number;
  /** 1-based line and column (column counted in UTF-16 code units, as editors do for CJK text). */
  readonly line: number;
  readonly column: number;
  /** The text ends before the JSON value is complete: most likely cut off. */
  readonly truncated: boolean;
  /** Chinese explanation of what is wrong at that place. */
  readonly reason: string;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'afterValue' | 'done';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** How a character is shown in a message: quoted, with invisible characters named. */
function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `控制字符 U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0xfeff) return '不可见字符 U+FEFF';
  return `“${ch}”`;
}

const FULL_WIDTH_HINTS: Record<string, string> = {
  '“': '字符串要用英文双引号 "，这里是中文引号“',
  '”': '字符串要用英文双引号 "，这里是中文引号”',
  '‘': '字符串要用英文双引号 "，这里是中文单引号‘',
  '’': '字符串要用英文双引号 "，这里是中文单引号’',
  '，': '这里是中文逗号“，”，应为英文逗号“,”',
  '：': '这里是中文冒号“：”，应为英文冒号“:”',
  '｛': '这里是全角括号“｛”，应为“{”',
  '｝': '这里是全角括号“｝”，应为“}”',
  '［': '这里是全角括号“［”，应为“[”',
  '］': '这里是全角括号“］”，应为“]”',
  "'": "字符串要用英文双引号 \"，不能用单引号 '",
};

function unexpected(ch: string, expected: string): string {
  const hint = FULL_WIDTH_HINTS[ch];
  if (hint) return hint;
  if (ch === '/') return 'JSON 中不允许注释';
  return `这里应为${expected}，却是${showChar(ch)}`;
}

const LITERALS = ['true', 'false', 'null'] as const;
const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The first syntax error of `text` as JSON, or null when the text is valid JSON (then `JSON.parse`
 * succeeds; this function is only meant for texts it rejected).
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  let afterComma = false;

  const fail = (offset: number, reason: string, truncated = false): JsonSyntaxError => ({
    offset,
    ...lineColumn(text, offset),
    truncated,
    reason,
  });
  const end = (what: string) => fail(n, `此时还在${what}`, true);

  /** Scans a string starting at the opening quote; returns the offset after the closing quote or an error. */
  const scanString = (start: number): number | JsonSyntaxError => {
    let j = start + 1;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (code === 0x22) return j + 1;
      if (code < 0x20) return fail(j, `字符串中不能直接出现${showChar(text[j]!)}（换行要写成 \\n）`);
      if (code === 0x5c) {
        const esc = text[j + 1];
        if (esc === undefined) return end('一个字符串中间');
        if (esc === 'u') {
          const hex = text.slice(j + 2, j + 6);
          if (hex.length < 4 && j + 2 + hex.length >= n) return end('一个字符串中间');
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail(j, '字符串中的转义 \\u 后应有 4 位十六进制数');
          j += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(esc)) return fail(j, `字符串中的反斜杠 \\ 要写成 \\\\（这里是 \\${esc}）`);
        j += 2;
        continue;
      }
      j++;
    }
    return end('一个字符串中间（缺少结尾的双引号 "）');
  };

  const scanNumber = (start: number): number | JsonSyntaxError => {
    let j = start;
    if (text[j] === '-') j++;
    if (j >= n) return end('一个数字中间');
    if (text[j] === '0') {
      j++;
      if (j < n && isDigit(text.charCodeAt(j))) return fail(start, '数字不能以 0 开头（如 012）');
    } else if (isDigit(text.charCodeAt(j))) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    } else return fail(j, '负号后应为数字');
    if (text[j] === '.') {
      j++;
      if (j >= n) return end('一个数字中间');
      if (!isDigit(text.charCodeAt(j))) return fail(j, '小数点后应为数字');
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    if (text[j] === 'e' || text[j] === 'E') {
      j++;
      if (text[j] === '+' || text[j] === '-') j++;
      if (j >= n) return end('一个数字中间');
      if (!isDigit(text.charCodeAt(j))) return fail(j, '指数部分应为数字');
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    return j;
  };

  while (true) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (state === 'done' || (state === 'afterValue' && stack.length === 0)) return null;
      if (stack.length === 0 && state === 'value') return fail(n, '没有内容', true);
      return end(stack[stack.length - 1] === '[' ? '一个数组 […] 中间（缺少结尾的 ]）' : '一个对象 {…} 中间（缺少结尾的 }）');
    }
    const ch = text[i]!;
    switch (state) {
      case 'done':
        return fail(i, `JSON 内容已经结束，后面却还有${showChar(ch)}（多余的内容）`);
      case 'valueOrClose':
        if (ch === ']') {
          stack.pop();
          i++;
          state = 'afterValue';
          continue;
        }
        state = 'value';
        continue;
      case 'keyOrClose':
        if (ch === '}') {
          stack.pop();
          i++;
          state = 'afterValue';
          continue;
        }
        state = 'key';
        continue;
      case 'key': {
        if (ch !== '"') {
          if (afterComma && ch === '}') return fail(text.lastIndexOf(',', i), '“}”前面多了一个逗号');
          return fail(i, unexpected(ch, '用双引号括起来的字段名'));
        }
        const next = scanString(i);
        if (typeof next !== 'number') return next;
        i = next;
        afterComma = false;
        state = 'colon';
        continue;
      }
      case 'colon':
        if (ch !== ':') return fail(i, unexpected(ch, '冒号“:”'));
        i++;
        state = 'value';
        continue;
      case 'value': {
        if (ch === '{') {
          stack.push('{');
          i++;
          state = 'keyOrClose';
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          state = 'valueOrClose';
          continue;
        }
        let next: number | JsonSyntaxError;
        if (ch === '"') next = scanString(i);
        else if (ch === '-' || isDigit(text.charCodeAt(i))) next = scanNumber(i);
        else {
          const word = /^[A-Za-z]+/.exec(text.slice(i, i + 12))?.[0] ?? '';
          const literal = LITERALS.find((candidate) => word.startsWith(candidate));
          const cutLiteral = i + word.length >= n ? LITERALS.find((candidate) => word !== '' && candidate.startsWith(word)) : undefined;
          if (literal !== undefined) next = i + literal.length;
          else if (cutLiteral !== undefined) next = end(`“${cutLiteral}”中间`);
          else {
            if (afterComma && (ch === ']' || ch === '}')) return fail(text.lastIndexOf(',', i), `“${ch}”前面多了一个逗号`);
            if (word === 'NaN' || word === 'Infinity' || word === 'undefined') return fail(i, `JSON 中没有 ${word}，未填写的单元格请写 null`);
            return fail(i, unexpected(ch, '一个值（数字、"文字"、true、false、null、{…} 或 […]）'));
          }
        }
        if (typeof next !== 'number') return next;
        i = next;
        afterComma = false;
        state = 'afterValue';
        continue;
      }
      case 'afterValue': {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          state = 'done';
          continue;
        }
        if (ch === ',') {
          i++;
          afterComma = true;
          state = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop();
          i++;
          continue;
        }
        return fail(i, unexpected(ch, top === '{' ? '逗号“,”或“}”（是否漏了逗号？）' : '逗号“,”或“]”（是否漏了逗号？）'));
      }
    }
  }
}
