/**
 * The registry of statutory formats and of their local variants. Each format is one data file
 * (`report-2021.ts`, `report-2019.ts`: id, display name, the years it serves, revision, sections, tables,
 * rules); each variant is one data file under `variants/` that extends a format for given years. Adding a
 * format or a province's tables means adding a file and listing it here: the ids, the draft-file schema,
 * the grid, the Word file and the checks all follow from this list. No code outside this module names a
 * format id.
 */
import type { ReportTemplate, TemplateVariant } from '../src/domain/template-types.ts';
import { report2019 } from './report-2019.ts';
import { report2021 } from './report-2021.ts';
import { zhejiangProactiveOverview } from './variants/zhejiang-2019.ts';

/** Every format, newest first (the first whose years include a report year serves it). */
export const formats = [report2021, report2019] as const satisfies readonly ReportTemplate[];

/** Every local variant. A variant names the format it extends (`format`) and the years it serves. */
export const variants = [zhejiangProactiveOverview] as const satisfies readonly TemplateVariant[];

/** Id of a format of the registry, e.g. the one for the 2021 report onward. */
export type TemplateId = (typeof formats)[number]['id'];

/** Id of a local variant of the registry. */
export type VariantId = (typeof variants)[number]['id'];

export const templates: Readonly<Record<TemplateId, ReportTemplate>> = Object.fromEntries(
  formats.map((format) => [format.id, format]),
) as unknown as Record<TemplateId, ReportTemplate>;

export const templateIds: readonly TemplateId[] = formats.map((format) => format.id);

export const variantIds: readonly VariantId[] = variants.map((variant) => variant.id);

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (templateIds as readonly string[]).includes(value);
}

export function isVariantId(value: unknown): value is VariantId {
  return typeof value === 'string' && (variantIds as readonly string[]).includes(value);
}

/** Does the format (or variant) serve this report year? */
export function servesYear(range: { readonly firstYear: number; readonly lastYear: number | null }, year: number): boolean {
  return year >= range.firstYear && (range.lastYear === null || year <= range.lastYear);
}

/** The format a report year uses; years before the oldest format use the oldest (the reader refuses them). */
export function templateForYear(year: number): ReportTemplate {
  return formats.find((format) => servesYear(format, year)) ?? formats[formats.length - 1]!;
}

/** The first report year any format of the registry serves. */
export const FIRST_SUPPORTED_YEAR = Math.min(...formats.map((format) => format.firstYear));

/** The variants a report of this year in this format may choose from (besides 全国通用). */
export function variantsFor(templateId: string, year: number): TemplateVariant[] {
  return variants.filter((variant) => variant.format === templateId && servesYear(variant, year));
}

export function variantById(id: string): TemplateVariant | undefined {
  return variants.find((variant) => variant.id === id);
}
