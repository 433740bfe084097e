/**
 * A format with a local variant applied: the variant's tables placed inside their sections, its rows
 * inserted where its notice adds them, its rules after the format's. The result is an ordinary
 * `ReportTemplate`, so the grid, the Word file, the preview, the schema and the checks need nothing
 * special for it. Results are cached per format and variant object, since template indexes are cached
 * by object identity.
 */
import { templates, templateForYear, variantById, isTemplateId } from '../../templates/index.ts';
import type { ReportTemplate, RowNode, SectionTemplate, TableTemplate, TemplateVariant, VariantRows } from './template-types.ts';

const applied = new WeakMap<ReportTemplate, WeakMap<TemplateVariant, ReportTemplate>>();

function withRows(table: TableTemplate, additions: readonly VariantRows[]): TableTemplate {
  const mine = additions.filter((addition) => addition.table === table.key);
  if (mine.length === 0) return table;
  return {
    ...table,
    parts: table.parts.map((part, index) => {
      let rows: readonly RowNode[] = part.rows;
      for (const addition of mine.filter((candidate) => candidate.part === index)) {
        const at = addition.after === undefined ? rows.length : rows.findIndex((row) => row.key === addition.after) + 1;
        if (at === 0) throw new Error(`variant rows: table ${table.key} part ${index} has no row ${addition.after}`);
        rows = [...rows.slice(0, at), ...addition.rows, ...rows.slice(at)];
      }
      return { ...part, rows };
    }),
  };
}

/** `format` with `variant` applied. Throws when the variant names a section the format lacks (a data error). */
export function applyVariant(format: ReportTemplate, variant: TemplateVariant): ReportTemplate {
  let byVariant = applied.get(format);
  const cached = byVariant?.get(variant);
  if (cached) return cached;
  const rows = variant.rows ?? [];
  const sections = format.sections.map((section): SectionTemplate => {
    if (section.kind !== 'table') return section;
    const addition = variant.sections.find((candidate) => candidate.section === section.id);
    return {
      ...section,
      ...(addition?.lead !== undefined ? { lead: addition.lead } : {}),
      table: withRows(section.table, rows),
      ...(addition ? { extraTables: [...(section.extraTables ?? []), ...addition.tables] } : {}),
    };
  });
  for (const addition of variant.sections) {
    if (!sections.some((section) => section.kind === 'table' && section.id === addition.section)) {
      throw new Error(`variant ${variant.id}: format ${format.id} has no table section ${addition.section}`);
    }
  }
  const result: ReportTemplate = {
    ...format,
    variant: { id: variant.id, name: variant.name },
    sections,
    rules: [...format.rules, ...variant.rules],
  };
  if (!byVariant) {
    byVariant = new WeakMap();
    applied.set(format, byVariant);
  }
  byVariant.set(variant, result);
  return result;
}

/**
 * The template of a registry format with an optional registry variant. Callers pass ids the draft reader
 * has already checked; an unknown variant falls back to the format alone.
 */
export function resolveTemplate(templateId: string, variantId?: string | null): ReportTemplate {
  if (!isTemplateId(templateId)) throw new Error(`unknown format ${templateId}`);
  const format = templates[templateId];
  const variant = variantId ? variantById(variantId) : undefined;
  return variant && variant.format === format.id ? applyVariant(format, variant) : format;
}

/** The template a new report of `year` starts from: the year's format, with the chosen variant ('' for 全国通用). */
export function templateForNewReport(year: number, variantId: string): ReportTemplate {
  return resolveTemplate(templateForYear(year).id, variantId || null);
}
