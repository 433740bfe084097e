/** Dates and deadlines as the clerk reads them. */
import type { TemplateId } from '../../domain/template-types.ts';
import { templates } from '../../../templates/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
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

export function formatName(id: TemplateId): string {
  return id === '2021' ? '2021年版格式' : '2019年版格式（试行）';
}

export function formatLongName(id: TemplateId): string {
  return `${formatName(id)}（${templates[id].notice}）`;
}
