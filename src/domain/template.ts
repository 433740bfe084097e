/**
 * Lookups over a report template: its tables, its cells by key. Pure data access, computed once per
 * template and cached, since the UI asks on every keystroke.
 */
import { tableCells, type CellInfo } from './table-layout.ts';
import type {
  NarrativeSectionTemplate,
  ReportTemplate,
  TableKey,
  TableSectionTemplate,
  TableTemplate,
} from './template-types.ts';

export interface TemplateIndex {
  readonly template: ReportTemplate;
  readonly tables: readonly TableTemplate[];
  /** Every data cell of every table, in table order (二, 三, 四). */
  readonly cells: readonly CellInfo[];
  readonly cellsByKey: ReadonlyMap<string, CellInfo>;
  readonly cellsByTable: ReadonlyMap<TableKey, readonly CellInfo[]>;
}

const cache = new WeakMap<ReportTemplate, TemplateIndex>();

export function indexTemplate(template: ReportTemplate): TemplateIndex {
  const cached = cache.get(template);
  if (cached) return cached;
  const tables = tableSections(template).map((section) => section.table);
  const cellsByTable = new Map(tables.map((table) => [table.key, tableCells(table)] as const));
  const cells = [...cellsByTable.values()].flat();
  const index: TemplateIndex = {
    template,
    tables,
    cells,
    cellsByKey: new Map(cells.map((cell) => [cell.key, cell])),
    cellsByTable,
  };
  cache.set(template, index);
  return index;
}

export function tableSections(template: ReportTemplate): TableSectionTemplate[] {
  return template.sections.filter((section): section is TableSectionTemplate => section.kind === 'table');
}

export function narrativeSections(template: ReportTemplate): NarrativeSectionTemplate[] {
  return template.sections.filter((section): section is NarrativeSectionTemplate => section.kind === 'narrative');
}

export function tableByKey(template: ReportTemplate, key: TableKey): TableTemplate {
  const table = indexTemplate(template).tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`template ${template.id} has no table ${key}`);
  return table;
}
