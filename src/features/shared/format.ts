/** Dates and deadlines as the clerk reads them. */
import { formats, isTemplateId, templates, variantById } from '../../../templates/index.ts';
import { dateTimeText } from '../../domain/date-text.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Every date the app shows (review history, saved at, signatures, banners, home list): `2025年1月20日 14:05`. */
export function formatDateTime(iso: string): string {
  return dateTimeText(iso);
}

/** 条例第四十九条: a department's report for `year` is due by 1月31日 of the next year (spec §1.1). */
export function reportDeadline(year: number): Date {
  return new Date(year + 1, 0, 31);
}

export function formatDeadline(year: number): string {
  return `${year + 1}年1月31日`;
}

/** Whole days from `today` to the deadline (negative: overdue). */
export function daysUntilDeadline(year: number, today: Date): number {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((reportDeadline(year).getTime() - start.getTime()) / 86_400_000);
}

export function deadlineText(year: number, today: Date): string {
  const days = daysUntilDeadline(year, today);
  if (days > 0) return `还有 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已超过期限 ${-days} 天`;
}

/** The report year whose deadline comes next: last year's until 1月31日, then this year's. */
export function currentReportYear(today: Date): number {
  return daysUntilDeadline(today.getFullYear() - 1, today) >= 0 ? today.getFullYear() - 1 : today.getFullYear();
}

/** The format's name from the registry, with the local variant when the draft has one: `2019年版格式（试行）·浙江省`. */
export function formatName(id: string, variant?: string | null): string {
  const name = isTemplateId(id) ? templates[id].name : `未知格式 ${id}`;
  const local = variant ? variantById(variant)?.name : undefined;
  return local ? `${name}·${local}` : name;
}

export function formatLongName(id: string, variant?: string | null): string {
  return isTemplateId(id) ? `${formatName(id, variant)}（${templates[id].notice}）` : formatName(id, variant);
}

/** Which years each format serves, for the new-report dialog: `2019–2020 年度用 2019年版格式（试行）`. */
export function formatYearsText(): string {
  return [...formats]
    .sort((a, b) => a.firstYear - b.firstYear)
    .map((format) =>
      format.lastYear === null ? `${format.firstYear} 年度起用${format.name}` : `${format.firstYear}–${format.lastYear} 年度用${format.name}`,
    )
    .join('，');
}
