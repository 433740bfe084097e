/**
 * Times as every screen shows them: `2025年1月20日 14:05`, the way dates are written in Chinese official
 * documents (Arabic numerals, no leading zeros), in the local time of the computer. Written out by hand
 * rather than with `toLocaleDateString`, whose result follows the browser's language (an English browser
 * would show `1/20/2025`).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025年1月20日` of a moment, in local time. */
export function dateText(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** `2025年1月20日 14:05` of an ISO 8601 time, in local time; `—` when it is not a time. */
export function dateTimeText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${dateText(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * `2025年1月20日 16:05` of an ISO 8601 time in Beijing time (UTC+8, no daylight saving), for what is read
 * away from the screen that wrote it: the command line, a Word file's properties. The report's dates are
 * Beijing dates whatever the time zone of the computer that prints them.
 */
export function beijingDateTimeText(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '—';
  const beijing = new Date(time + 8 * 3600_000);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}
