/**
 * Lookups over a report template: its tables, its cells by key. Pure data access, computed once per
 * template and cached, since the UI asks on every keystroke.
 */
import { tableCells, type CellInfo } from './table-layout.ts';
import type {
  NarrativeSectionTemplate,
  PlacedTable,
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
  const tables = tableSections(template).flatMap((section) => sectionTables(section).map((placed) => placed.table));
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

/**
 * The tables of a section in print order, each with its lead line: a variant's tables placed before the
 * format's own table, the format's table (with the section's lead), then those placed after it.
 */
export function sectionTables(section: TableSectionTemplate): readonly Omit<PlacedTable, 'position'>[] {
  const extra = section.extraTables ?? [];
  return [
    ...extra.filter((placed) => placed.position === 'before'),
    { lead: section.lead, table: section.table },
    ...extra.filter((placed) => placed.position === 'after'),
  ];
}

/** The table section that holds a table (its own or a variant's). */
export function sectionOfTable(template: ReportTemplate, key: TableKey): TableSectionTemplate | undefined {
  return tableSections(template).find((section) => sectionTables(section).some((placed) => placed.table.key === key));
}

/**
 * The table section that shows a cell, by the cell's key: the editor step the clerk fills it on, the
 * heading it prints under. A variant's table belongs to the section it is placed in. `undefined` for a
 * key that is no cell of this template.
 */
export function sectionOfCell(template: ReportTemplate, cellKey: string): TableSectionTemplate | undefined {
  const cell = indexTemplate(template).cellsByKey.get(cellKey);
  return cell && sectionOfTable(template, cell.table);
}

/**
 * Name of a table in messages: its `title` when it has one (a variant's table), otherwise 表 and the
 * numeral of its section's heading (二、主动公开政府信息情况 → 表二).
 */
export function tableTitle(template: ReportTemplate, key: TableKey): string {
  const section = sectionOfTable(template, key);
  const table = section && sectionTables(section).find((placed) => placed.table.key === key)?.table;
  if (table?.title) return table.title;
  return section ? `表${section.heading.split('、')[0]}` : `表 ${key}`;
}

export function narrativeSections(template: ReportTemplate): NarrativeSectionTemplate[] {
  return template.sections.filter((section): section is NarrativeSectionTemplate => section.kind === 'narrative');
}

export function tableByKey(template: ReportTemplate, key: TableKey): TableTemplate {
  const table = indexTemplate(template).tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`template ${template.id} has no table ${key}`);
  return table;
}
