// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateText, dateTimeText } from '../../src/domain/date-text.ts';

describe('dates as the screens show them', () => {
  it('writes a local time as 年月日 with Arabic numerals and no leading zeros, then the time of day', () => {
    expect(dateTimeText(new Date(2025, 0, 20, 14, 5).toISOString())).toBe('2025年1月20日 14:05');
    expect(dateTimeText(new Date(2024, 11, 31, 9, 0).toISOString())).toBe('2024年12月31日 09:00');
    expect(dateText(new Date(2026, 1, 3))).toBe('2026年2月3日');
  });

  it('shows a dash for a value that is not a time rather than NaN年', () => {
    expect(dateTimeText('not a time')).toBe('—');
    expect(dateTimeText('')).toBe('—');
  });
});
