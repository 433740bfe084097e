/**
 * Last year's report beside this year's (issue 5 item 1–2): carrying 上年结转 over, last year's value
 * of each cell, large swings in the headline numbers, and one summary of every cross-year check.
 *
 * Everything is derived from the templates: the carry-over pairs are the cells of rule C1 (本年上年结转 =
 * 上年报告结转下年度继续办理), a cell is comparable when both years' templates have its key, and the
 * cross-year rules themselves (C1–C4, including which are skipped across the 2019 → 2021 format change,
 * spec §4.4 item 11) are the rules engine's.
 */
import { formatCellValue } from './cell-input.ts';
import type { CellValue, CellValues, Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { checkDraft, expandRules, skippedCrossYearRules } from './rules.ts';
import type { CellInfo } from './table-layout.ts';
import { indexTemplate, tableByKey, tableTitle } from './template.ts';
import type { ReportTemplate, RowNode, TableKey } from './template-types.ts';
import { computeTotals } from './totals.ts';
import { flattenTables, nestTables, templateOf } from './values.ts';

// ---------------------------------------------------------------------------------------------------
// Carry-over: 二、上年结转 ← last year's 四、结转下年度继续办理

/** One column of table 三: what last year's report says should be carried over, and what is there now. */
export interface CarryOverItem {
  /** This year's 上年结转 cell, e.g. `applications.carriedOver.naturalPerson`. */
  readonly cell: string;
  /** Last year's 结转下年度继续办理 cell. */
  readonly previousCell: string;
  /** Column name, e.g. `自然人`, `总计`. */
  readonly label: string;
  /** Last year's value; `null` when last year left it untouched (nothing to carry). */
  readonly proposed: CellValue;
  /** This year's value now. */
  readonly current: CellValue;
  /** The 总计 column: not applied, but recomputed from the columns that are. */
  readonly computed: boolean;
  /** Applying would change this year's value. */
  readonly differs: boolean;
}

function valuesOf(draft: Draft): { template: ReportTemplate; values: CellValues } {
  const template = templateOf(draft);
  return { template, values: flattenTables(template, draft.tables ?? {}) };
}

/**
 * Per column of table 三, last year's 结转下年度继续办理 to put into this year's 上年结转, with the
 * current value, so the screen can show the difference and apply all columns or one. The pairs are the
 * instances of cross-year rule C1, so the columns follow the template.
 */
export function carryOverProposal(current: Draft, previous: Draft): CarryOverItem[] {
  const now = valuesOf(current);
  const before = valuesOf(previous);
  const previousCells = indexTemplate(before.template).cellsByKey;
  const cells = indexTemplate(now.template).cellsByKey;
  const items: CarryOverItem[] = [];
  for (const rule of expandRules(now.template)) {
    if (rule.id !== 'C1') continue;
    const cell = rule.left[0]?.cells[0];
    const previousCell = rule.right[0]?.cells[0];
    if (!cell || !previousCell || !previousCells.has(previousCell)) continue;
    const proposed = before.values[previousCell] ?? null;
    const currentValue = now.values[cell] ?? null;
    items.push({
      cell,
      previousCell,
      label: rule.scopeLabel,
      proposed,
      current: currentValue,
      computed: cells.get(cell)?.computed ?? false,
      differs: proposed !== null && proposed !== currentValue,
    });
  }
  return items;
}

/**
 * This year's draft with 上年结转 taken from last year's report: every column, or only the given
 * cells (`CarryOverItem.cell`). Columns last year left untouched are not applied; the 总计 column is
 * recomputed from the applicant columns. Returns the same draft when nothing changes. (After applying
 * to an approved report, the app calls `applyContentChange` as after any edit.)
 */
export function applyCarryOver(current: Draft, previous: Draft, cells?: readonly string[]): Draft {
  const wanted = cells ? new Set(cells) : null;
  const proposal = carryOverProposal(current, previous);
  const apply = proposal.filter((item) => !item.computed && item.differs && (!wanted || wanted.has(item.cell)));
  if (apply.length === 0) return current;
  const { template, values } = valuesOf(current);
  const next: CellValues = { ...values };
  for (const item of apply) next[item.cell] = item.proposed;
  // Only the 上年结转 row's own totals are recomputed; other totals stay as they are (a draft from
  // elsewhere keeps its own, and the checks report any that disagree).
  const totals = computeTotals(template, next);
  for (const item of proposal) if (item.computed) next[item.cell] = totals[item.cell] ?? null;
  return { ...current, tables: nestTables(template, next) };
}

// ---------------------------------------------------------------------------------------------------
// Last year's value of each cell

/**
 * Last year's value for every cell whose key exists in both years' templates (all of table 三 and 四;
 * of table 二 across the format change only the rows and columns that kept their keys — for display
 * only, spec §4.4 item 11). `null`: last year left the cell untouched.
 */
export function previousValueLookup(current: Draft, previous: Draft): Map<string, CellValue> {
  const now = templateOf(current);
  const before = valuesOf(previous);
  const previousCells = indexTemplate(before.template).cellsByKey;
  const lookup = new Map<string, CellValue>();
  for (const cell of indexTemplate(now).cells) {
    if (previousCells.has(cell.key)) lookup.set(cell.key, before.values[cell.key] ?? null);
  }
  return lookup;
}

// ---------------------------------------------------------------------------------------------------
// Swings of more than five times in the headline numbers

/** A headline number of the report: one cell, or the sum of a group of cells (e.g. （三）不予公开). */
export interface Headline {
  /** Identity across the years: the cell key, or for a group of rows its key path and the column. */
  readonly id: string;
  readonly label: string;
  /** This year's cells (template of the current report). */
  readonly cells: readonly string[];
  /** The same number's cells in last year's template. */
  readonly previousCells: readonly string[];
}

/** A headline number that changed more than five times up or down; shaped like a finding. */
export interface SwingWarning extends Finding {
  readonly rule: 'swing';
  readonly severity: 'warning';
  readonly label: string;
  readonly previousCells: readonly string[];
  readonly current: number;
  readonly previous: number;
}

/** The factor beyond which a change between the years is flagged (issue 5: 五倍). */
export const SWING_FACTOR = 5;

/** `表三` for the table of section 三, or a variant's table by its own title (`tableTitle`). */
function tableName(template: ReportTemplate, key: TableKey): string {
  return tableTitle(template, key);
}

/** Row nodes with their dotted key path, depth first. */
function rowNodes(rows: readonly RowNode[], prefix = ''): { node: RowNode; path: string }[] {
  return rows.flatMap((node) => {
    const path = node.key ? (prefix ? `${prefix}.${node.key}` : node.key) : prefix;
    return [{ node, path }, ...rowNodes(node.children ?? [], path)];
  });
}

/** Columns (by key) whose every cell in the table is computed: table 三's 总计 column. */
function totalColumns(cells: readonly CellInfo[]): Set<string> {
  const columns = new Map<string, boolean>();
  for (const cell of cells) columns.set(cell.columnKey, (columns.get(cell.columnKey) ?? true) && cell.computed);
  return new Set([...columns].filter(([, allComputed]) => allComputed).map(([column]) => column));
}

/**
 * The headline numbers of a template (issue 5: new applications, results, 复议, 诉讼, 规范性文件):
 * - 表三, 总计 column: 一、本年新收 and each result of 三、本年度办理结果 — （一）…（六） (a group such as
 *   （三）不予公开 as the sum of its rows, so （六）其他处理 compares across the formats) and （七）总计;
 * - 表四: every 总计 (行政复议, 未经复议直接起诉, 复议后起诉);
 * - 表二: every count of the 规范性文件 row.
 */
export function headlines(template: ReportTemplate): { id: string; label: string; cells: string[] }[] {
  const index = indexTemplate(template);
  const result: { id: string; label: string; cells: string[] }[] = [];

  const applications = index.cellsByTable.get('applications') ?? [];
  const totalColumn = totalColumns(applications);
  const rows = rowNodes(tableByKey(template, 'applications').parts.flatMap((part) => part.rows));
  const resultGroup = rows.find((row) => row.node.group === 'results');
  const headlineRows = [
    ...rows.filter((row) => row.path === 'newReceived'),
    ...(resultGroup?.node.children ?? []).flatMap((child) => rows.filter((row) => row.node === child)),
  ];
  for (const row of headlineRows) {
    for (const column of totalColumn) {
      const cells = applications.filter(
        (cell) => cell.columnKey === column && (cell.rowKey === row.path || cell.rowKey.startsWith(`${row.path}.`)),
      );
      if (cells.length === 0) continue;
      result.push({
        id: `applications.${row.path}.${column}`,
        label: `${tableName(template, 'applications')}“${row.node.label}”${cells[0]!.columnLabel}`,
        cells: cells.map((cell) => cell.key),
      });
    }
  }

  for (const cell of index.cellsByTable.get('reviewLitigation') ?? []) {
    if (cell.computed) {
      result.push({ id: cell.key, label: `${tableName(template, 'reviewLitigation')}“${cell.columnLabel}”`, cells: [cell.key] });
    }
  }

  for (const cell of index.cellsByTable.get('proactive') ?? []) {
    if (cell.rowKey === 'normativeDocuments' && cell.valueType === 'count') {
      result.push({ id: cell.key, label: `${tableName(template, 'proactive')}“${cell.rowLabel} ${cell.columnLabel}”`, cells: [cell.key] });
    }
  }
  return result;
}

/**
 * The headlines comparable between the two years: the same id in both templates (a group of rows is the
 * same when its key path is). So across the 2019 → 2021 change table 三 (（六）其他处理 as one row
 * against the sum of its three) and table 四 compare, and table 二's 规范性文件 row, whose columns
 * changed meaning, does not (spec §4.4 item 11).
 */
export function comparableHeadlines(current: ReportTemplate, previous: ReportTemplate): Headline[] {
  const before = new Map(headlines(previous).map((headline) => [headline.id, headline]));
  return headlines(current).flatMap((headline) => {
    const match = before.get(headline.id);
    return match ? [{ ...headline, previousCells: match.cells }] : [];
  });
}

/** Sum of the cells, untouched counting as 0; `null` when every cell is untouched (no data that year). */
function headlineValue(values: CellValues, cells: readonly string[]): number | null {
  let sum = 0;
  let touched = false;
  for (const cell of cells) {
    const value = values[cell];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    touched = true;
    sum += value;
  }
  return touched ? sum : null;
}

function ratioText(ratio: number): string {
  return formatCellValue(Math.round(ratio * 10) / 10);
}

function swingMessage(label: string, current: number, previous: number): string | null {
  const rule = `上下年相差超过 ${SWING_FACTOR} 倍，请核实数字是否有误`;
  if (previous === 0) {
    return current > SWING_FACTOR
      ? `${label}：本年 ${formatCellValue(current)}，上年 0。上年为 0 时本年超过 ${SWING_FACTOR} 即视为${rule}`
      : null;
  }
  if (current === 0) {
    return previous > SWING_FACTOR
      ? `${label}：本年 0，上年 ${formatCellValue(previous)}。本年为 0 而上年超过 ${SWING_FACTOR} 即视为${rule}`
      : null;
  }
  if (current > previous * SWING_FACTOR) {
    return `${label}：本年 ${formatCellValue(current)}，上年 ${formatCellValue(previous)}，本年是上年的 ${ratioText(current / previous)} 倍，${rule}`;
  }
  if (previous > current * SWING_FACTOR) {
    return `${label}：本年 ${formatCellValue(current)}，上年 ${formatCellValue(previous)}，上年是本年的 ${ratioText(previous / current)} 倍，${rule}`;
  }
  return null;
}

/**
 * A warning for every comparable headline number that grew or shrank more than five times between the
 * years. Last year 0 and this year more than 5 counts as such a swing, and the other way round.
 * Headlines either year left entirely untouched are not compared.
 */
export function swingWarnings(current: Draft, previous: Draft): SwingWarning[] {
  const now = valuesOf(current);
  const before = valuesOf(previous);
  const warnings: SwingWarning[] = [];
  for (const headline of comparableHeadlines(now.template, before.template)) {
    const currentValue = headlineValue(now.values, headline.cells);
    const previousValue = headlineValue(before.values, headline.previousCells);
    if (currentValue === null || previousValue === null) continue;
    const message = swingMessage(headline.label, currentValue, previousValue);
    if (!message) continue;
    warnings.push({
      rule: 'swing',
      severity: 'warning',
      cells: headline.cells,
      message,
      label: headline.label,
      previousCells: headline.previousCells,
      current: currentValue,
      previous: previousValue,
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------------
// Everything together

export interface CrossYearSummary {
  /** Whether the two reports make a pair: last year's year and the same agency. Chinese warnings. */
  readonly pairing: string[];
  /** Findings of the cross-year rules (C1–C4) that apply to this pair of formats. */
  readonly findings: Finding[];
  /** Cross-year rules not run across the format change, with the reason (spec §4.4 item 11). */
  readonly skipped: { rule: string; reason: string }[];
  readonly swings: SwingWarning[];
}

/** Ids of the template's rules that read last year's report. */
function crossYearRuleIds(template: ReportTemplate): Set<string> {
  return new Set(
    expandRules(template)
      .filter((rule) => [...rule.left, ...rule.right].some((term) => term.previousYear))
      .map((rule) => rule.id),
  );
}

/** Every cross-year check of this year's report against last year's, for the comparison screen. */
export function crossYearSummary(current: Draft, previous: Draft): CrossYearSummary {
  const pairing: string[] = [];
  if (previous.year !== current.year - 1) {
    pairing.push(
      `上年报告应为 ${current.year - 1} 年度的报告，所附报告是 ${previous.year} 年度的。跨年比较要用上一年度的报告，否则比较结果没有意义`,
    );
  }
  const currentAgency = current.agency?.name?.trim() ?? '';
  const previousAgency = previous.agency?.name?.trim() ?? '';
  if (currentAgency !== previousAgency) {
    pairing.push(`所附上年报告的机关是“${previousAgency}”，本年报告是“${currentAgency}”。跨年比较要用同一机关的报告（机关更名的可忽略本提示）`);
  }
  const template = templateOf(current);
  const crossYear = crossYearRuleIds(template);
  return {
    pairing,
    findings: checkDraft(current, previous).filter((finding) => crossYear.has(finding.rule)),
    skipped: skippedCrossYearRules(template, templateOf(previous)),
    swings: swingWarnings(current, previous),
  };
}
