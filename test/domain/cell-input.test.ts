// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cellValueOrNull, formatCellValue, MAX_COUNT, normalisedCellText, parseCellInput } from '../../src/domain/cell-input.ts';

const value = (raw: string, type: Parameters<typeof parseCellInput>[1] = 'count') => {
  const result = parseCellInput(raw, type);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got ${result.message}`);
  return result.value;
};
const message = (raw: string, type: Parameters<typeof parseCellInput>[1] = 'count', label?: string) => {
  const result = parseCellInput(raw, type, label ? { label } : {});
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${result.value}`);
  return result.message;
};

describe('parseCellInput', () => {
  it('reads an empty or blank cell as untouched (null)', () => {
    expect(value('')).toBeNull();
    expect(value('   ')).toBeNull();
    expect(value('\u3000')).toBeNull();
    expect(value('\t')).toBeNull();
  });

  it('reads ASCII and full-width digits, trimming spaces around them', () => {
    expect(value('12')).toBe(12);
    expect(value('１２')).toBe(12);
    expect(value('　３６　')).toBe(36);
    expect(value('0')).toBe(0);
    expect(value('007')).toBe(7);
  });

  it('accepts thousands separators only where they belong', () => {
    expect(value('1,234')).toBe(1234);
    expect(value('1，234')).toBe(1234);
    expect(value('１，２３４，５６７')).toBe(1234567);
    expect(value('1 234')).toBe(1234);
    expect(value('1\u2009234')).toBe(1234);
    expect(value('1\u00a0234')).toBe(1234);
    expect(message('12,34')).toBe('请输入不小于 0 的整数');
    expect(message('1,2345')).toBe('请输入不小于 0 的整数');
    expect(message(',123')).toBe('请输入不小于 0 的整数');
  });

  it('refuses negative, fractional and non-numeric counts with the count message', () => {
    expect(message('-3')).toBe('请输入不小于 0 的整数');
    expect(message('1.5')).toBe('请输入不小于 0 的整数');
    expect(message('abc')).toBe('请输入不小于 0 的整数');
    expect(message('1e3')).toBe('请输入不小于 0 的整数');
    expect(message('12a')).toBe('请输入不小于 0 的整数');
  });

  it('reads whole numbers Excel formatted with zero decimals', () => {
    expect(value('12.00')).toBe(12);
    expect(value('1,234.0')).toBe(1234);
  });

  it('tells the clerk to write 0 instead of a dash or slash', () => {
    expect(message('/')).toBe('没有的请填 0，不要写“/”');
    expect(message('—')).toBe('没有的请填 0，不要写“—”');
    expect(message('无')).toBe('没有的请填 0，不要写“无”');
    expect(message('-')).toBe('没有的请填 0，不要写“-”');
  });

  it('refuses a unit typed into a count cell', () => {
    expect(message('12件')).toBe('只填数字，不要在格内写“件”');
  });

  it('accepts every kind of minus sign in a signed cell, and a plus sign', () => {
    expect(value('-8', 'signedCount')).toBe(-8);
    expect(value('－８', 'signedCount')).toBe(-8);
    expect(value('−8', 'signedCount')).toBe(-8);
    expect(value('+2', 'signedCount')).toBe(2);
    expect(value('-1,234', 'signedCount')).toBe(-1234);
    expect(value('-0', 'signedCount')).toBe(0);
    expect(Object.is(value('-0', 'signedCount'), -0)).toBe(false);
  });

  it('explains signed cells with their label', () => {
    expect(message('-8.5', 'signedCount', '本年增/减')).toBe('“本年增/减”可以为负数，请输入整数，如 -8');
    expect(message('-', 'signedCount', '本年增/减')).toBe('“本年增/减”可以为负数，请输入整数，如 -8');
    expect(message('x', 'signedCount')).toBe('这一格可以为负数，请输入整数，如 -8');
  });

  it('reads amounts in 万元 with up to 4 decimals, either decimal point', () => {
    expect(value('12.5', 'amount')).toBe(12.5);
    expect(value('１２．３４５６', 'amount')).toBe(12.3456);
    expect(value('0.0001', 'amount')).toBe(0.0001);
    expect(value('.5', 'amount')).toBe(0.5);
    expect(value('1,234.50', 'amount')).toBe(1234.5);
    expect(value('3。5', 'amount')).toBe(3.5);
    expect(message('1.23456', 'amount')).toBe('金额以万元为单位，最多 4 位小数（精确到元）');
    expect(message('12万元', 'amount')).toBe('金额以万元为单位，最多 4 位小数（精确到元），不要在格内写“万元”');
    expect(message('12 万', 'amount')).toBe('金额以万元为单位，最多 4 位小数（精确到元），不要在格内写“万”');
    expect(message('-1', 'amount')).toBe('金额不能为负数');
    expect(message('1.2.3', 'amount')).toBe('请输入不小于 0 的数，金额以万元为单位，最多 4 位小数（精确到元）');
  });

  it('refuses numbers beyond the value domain instead of rounding them', () => {
    expect(message('99999999999999999999')).toBe('数字太大，请检查：最多 999999999999');
    // Number('12345678901234567890') is 12345678901234567168: never stored.
    expect(message('12345678901234567890')).toBe('数字太大，请检查：最多 999999999999');
    expect(message('-1000000000000', 'signedCount')).toBe('数字太大，请检查：最多 999999999999');
    expect(message('100000000000', 'amount')).toBe('数字太大，请检查：金额最多 99999999999.9999 万元');
    expect(message('1e308', 'amount')).toBe('请输入不小于 0 的数，金额以万元为单位，最多 4 位小数（精确到元）');
  });

  it('accepts every value up to the maximum exactly, and prints it back digit for digit', () => {
    expect(value(String(MAX_COUNT))).toBe(999_999_999_999);
    expect(value('-999,999,999,999', 'signedCount')).toBe(-999_999_999_999);
    expect(formatCellValue(value('99999999999.9999', 'amount'))).toBe('99999999999.9999');
    expect(formatCellValue(value('99999999999.0001', 'amount'))).toBe('99999999999.0001');
    expect(formatCellValue(value('12345678901.2345', 'amount'))).toBe('12345678901.2345');
    // Every 4-decimal value near the top of the range stays distinct and round-trips.
    for (let step = 0; step < 10_000; step += 1) {
      const text = `99999999998.${String(step).padStart(4, '0')}`.replace(/\.?0+$/, '');
      expect(formatCellValue(value(text, 'amount'))).toBe(text);
    }
  });

  it('reads amounts in 元 (the fee statement) with at most 2 decimals', () => {
    const yuan = (raw: string) => parseCellInput(raw, 'amount', { unit: '元' });
    expect(yuan('80.5')).toEqual({ ok: true, value: 80.5 });
    expect(yuan('12.345')).toEqual({ ok: false, message: '金额以元为单位，最多 2 位小数（精确到分）' });
    expect(yuan('1000000000000')).toEqual({ ok: false, message: '数字太大，请检查：金额最多 999999999999.99 元' });
    expect(yuan('x')).toEqual({ ok: false, message: '请输入不小于 0 的数，金额以元为单位，最多 2 位小数（精确到分）' });
    expect(yuan('100元')).toEqual({ ok: false, message: '金额以元为单位，最多 2 位小数（精确到分），不要在格内写“元”' });
  });

  it('never throws on odd input', () => {
    for (const raw of ['"', '\u0000', '１２３４５６７８９０'.repeat(5), '.', '-.', '+', '，', '😀']) {
      for (const type of ['count', 'signedCount', 'amount'] as const) {
        expect(() => parseCellInput(raw, type)).not.toThrow();
      }
    }
  });
});

describe('formatCellValue', () => {
  it('writes plain digits, without separators or trailing zeros', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(-0)).toBe('0');
    expect(formatCellValue(1234567)).toBe('1234567');
    expect(formatCellValue(-8)).toBe('-8');
    expect(formatCellValue(12.5)).toBe('12.5');
    expect(formatCellValue(0.1 + 0.2)).toBe('0.3');
    expect(formatCellValue(12.3456)).toBe('12.3456');
  });

  it('never writes exponent notation, even for a value outside the domain', () => {
    expect(formatCellValue(1e21)).toBe('1000000000000000000000');
    expect(formatCellValue(-2e22)).toBe('-20000000000000000000000');
    expect(formatCellValue(0.00001)).toBe('0');
    expect(formatCellValue(123.456, 2)).toBe('123.46');
  });

  it('round-trips through parseCellInput', () => {
    for (const n of [0, 1, 42, 1234567, 12.3456, 0.0001]) {
      expect(value(formatCellValue(n), 'amount')).toBe(n);
    }
    expect(value(formatCellValue(-8), 'signedCount')).toBe(-8);
  });
});

describe('the two ways the app uses a parsed cell', () => {
  it('cellValueOrNull: the number the text stands for, null when empty or unreadable', () => {
    expect(cellValueOrNull('１２', 'count')).toBe(12);
    expect(cellValueOrNull('－3', 'signedCount')).toBe(-3);
    expect(cellValueOrNull('1,234.5', 'amount')).toBe(1234.5);
    expect(cellValueOrNull('', 'count')).toBeNull();
    expect(cellValueOrNull('12a', 'count')).toBeNull();
    expect(cellValueOrNull('1.5', 'count')).toBeNull();
  });

  it('normalisedCellText: the text a cell becomes once left, null when it stays as typed', () => {
    expect(normalisedCellText('１２', 'count')).toBe('12');
    expect(normalisedCellText(' 1,234 ', 'count')).toBe('1234');
    expect(normalisedCellText('１２．５０', 'amount')).toBe('12.5');
    expect(normalisedCellText('\u3000', 'count')).toBe('');
    expect(normalisedCellText('两件', 'count')).toBeNull();
    expect(normalisedCellText('-1', 'count')).toBeNull();
  });
});
