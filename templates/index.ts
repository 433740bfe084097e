/** The statutory templates this tool knows, by id, and which one a report year uses (spec §1.3). */
import type { ReportTemplate, TemplateId } from '../src/domain/template-types.ts';
import { report2019 } from './report-2019.ts';
import { report2021 } from './report-2021.ts';

export const templates: Readonly<Record<TemplateId, ReportTemplate>> = {
  '2021': report2021,
  '2019': report2019,
};

export const templateIds: readonly TemplateId[] = ['2021', '2019'];

export function isTemplateId(value: unknown): value is TemplateId {
  return value === '2021' || value === '2019';
}

/** 2019 format for the 2019 and 2020 reports, 2021 format from the 2021 report on. */
export function templateForYear(year: number): ReportTemplate {
  return year <= report2019.lastYear ? report2019 : report2021;
}
