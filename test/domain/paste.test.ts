// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isTabularBlock, parseTabularText } from '../../src/domain/paste.ts';

describe('parseTabularText', () => {
  it('splits an Excel block (CRLF rows, trailing CRLF) into rows of cells', () => {
    expect(parseTabularText('36\t16\t0\r\n0\t1\t2\r\n')).toEqual([
      ['36', '16', '0'],
      ['0', '1', '2'],
    ]);
  });

  it('accepts LF rows and a block without a trailing newline', () => {
    expect(parseTabularText('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTabularText('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells, including leading and trailing ones', () => {
    expect(parseTabularText('\t5\t\r\n\t\t\r\n')).toEqual([
      ['', '5', ''],
      ['', '', ''],
    ]);
  });

  it('ignores only one trailing newline: a further empty line is an empty row', () => {
    expect(parseTabularText('1\n\n')).toEqual([['1'], ['']]);
  });

  it('returns nothing for empty text and one cell for a single value', () => {
    expect(parseTabularText('')).toEqual([]);
    expect(parseTabularText('\r\n')).toEqual([]);
    expect(parseTabularText('1,234')).toEqual([['1,234']]);
    expect(parseTabularText('1,234\r\n')).toEqual([['1,234']]);
  });

  it('reads quoted cells with embedded tabs, newlines and doubled quotes as Excel writes them', () => {
    expect(parseTabularText('"a\tb"\t2\r\n"line1\nline2"\t"say ""hi"""\r\n')).toEqual([
      ['a\tb', '2'],
      ['line1\nline2', 'say "hi"'],
    ]);
  });

  it('reads a quote that does not close a cell literally', () => {
    expect(parseTabularText('"12\t3')).toEqual([['"12', '3']]);
    expect(parseTabularText('"1"2\t3')).toEqual([['"1"2', '3']]);
    expect(parseTabularText('5"\t"6"')).toEqual([['5"', '6']]);
  });

  it('keeps cell text as copied (full-width digits, separators, spaces)', () => {
    expect(parseTabularText('１２\t1,234\t 7 ')).toEqual([['１２', '1,234', ' 7 ']]);
  });

  it('handles a lone CR as row separator (old Mac clipboards)', () => {
    expect(parseTabularText('1\t2\r3\t4\r')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('isTabularBlock', () => {
  it('is true for more than one cell only', () => {
    expect(isTabularBlock('12')).toBe(false);
    expect(isTabularBlock('12\r\n')).toBe(false);
    expect(isTabularBlock('1\t2')).toBe(true);
    expect(isTabularBlock('1\n2')).toBe(true);
    expect(isTabularBlock('')).toBe(false);
  });
});
