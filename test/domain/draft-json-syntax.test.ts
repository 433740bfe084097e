import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/domain/draft-json-syntax.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('gives line and column of a missing comma', () => {
    const error = findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}');
    expect(error).toMatchObject({ line: 3, column: 3, truncated: false });
    expect(error?.reason).toContain('是否漏了逗号');
  });

  it('names a trailing comma, Chinese punctuation, single quotes and comments', () => {
    expect(findJsonSyntaxError('{"a": 1,}')?.reason).toContain('多了一个逗号');
    expect(findJsonSyntaxError('[1, 2,]')?.reason).toContain('多了一个逗号');
    expect(findJsonSyntaxError('{“a”: 1}')?.reason).toContain('中文引号');
    expect(findJsonSyntaxError('{"a"：1}')?.reason).toContain('中文冒号');
    expect(findJsonSyntaxError('{"a": 1，"b": 2}')?.reason).toContain('中文逗号');
    expect(findJsonSyntaxError("{'a': 1}")?.reason).toContain('单引号');
    expect(findJsonSyntaxError('{"a": 1 // note\n}')?.reason).toContain('注释');
    expect(findJsonSyntaxError('{"a": NaN}')?.reason).toContain('null');
    expect(findJsonSyntaxError('{"a": 012}')?.reason).toContain('0 开头');
  });

  it('tells a file cut off in the middle from one with a typo', () => {
    expect(findJsonSyntaxError('{"a": {"b": [1, 2')).toMatchObject({ truncated: true, line: 1, column: 18 });
    expect(findJsonSyntaxError('{"a": "abc')?.reason).toContain('字符串中间');
    expect(findJsonSyntaxError('{"a": tr')?.truncated).toBe(true);
    expect(findJsonSyntaxError('{"a": 1} x')).toMatchObject({ truncated: false, column: 10 });
  });

  it('copes with a million nested brackets without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(1_000_000))?.truncated).toBe(true);
  });

  it('agrees with JSON.parse on arbitrary text: null exactly when the text parses', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.constantFrom('1', ' 1 ', '"a"', 'true', 'nul', '-', '-0', '1.', '1e', '1e+', '"\\u12"', '\u00a01', '{"a":1}}', '[]]', '""'),
      // Valid JSON with one character changed, dropped or inserted: near misses are the interesting case.
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', '{', '[', ' ', 'x', '\\', '0', '-')).map(
        ([json, at, ch]) => {
          const i = json.length === 0 ? 0 : at % json.length;
          return json.slice(0, i) + ch + json.slice(i + (at % 2));
        },
      ),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports every strict prefix of a JSON document that does not parse as truncated', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, at) => {
        const prefix = json.slice(0, at % (json.length + 1));
        if (parses(prefix)) return;
        expect(findJsonSyntaxError(prefix)?.truncated).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
