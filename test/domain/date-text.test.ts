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

describe('Beijing time for what is read away from the screen', () => {
  it('writes an approval time as the Beijing clock showed it, whatever the computer’s zone', async () => {
    const { beijingDateTimeText } = await import('../../src/domain/date-text.ts');
    // 08:06 UTC is 16:06 in Beijing; 20:30 UTC on 31 December is already 1 January in Beijing.
    expect(beijingDateTimeText('2024-01-20T08:06:00.000Z')).toBe('2024年1月20日 16:06');
    expect(beijingDateTimeText('2024-12-31T20:30:00Z')).toBe('2025年1月1日 04:30');
    expect(beijingDateTimeText('not a time')).toBe('—');
  });
});
