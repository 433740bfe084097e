/**
 * The guided path through a report: 基本信息, the template's six sections in order, 检查与生成.
 * Labels of the six come from the template; only the two app steps are named here.
 */
import type { ReportTemplate, SectionId, SectionTemplate } from '../../domain/template-types.ts';

export type StepId = 'basics' | SectionId | 'check';

export interface Step {
  readonly id: StepId;
  /** Full label, e.g. `三、收到和处理政府信息公开申请情况`. */
  readonly label: string;
  readonly section: SectionTemplate | null;
}

export const BASICS_LABEL = '基本信息';
export const CHECK_LABEL = '检查与生成';

export function editorSteps(template: ReportTemplate): Step[] {
  return [
    { id: 'basics', label: BASICS_LABEL, section: null },
    ...template.sections.map((section) => ({ id: section.id, label: section.heading, section })),
    { id: 'check', label: CHECK_LABEL, section: null },
  ];
}

export function isStepId(template: ReportTemplate, value: string | null | undefined): value is StepId {
  return value !== null && value !== undefined && editorSteps(template).some((step) => step.id === value);
}

/** Chinese ordinal for sub-headings: 1 → 一 … 99 → 九十九. */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
