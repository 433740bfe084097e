/**
 * Everything the grid shows about one table's current raw text, computed in one pass: each cell parsed
 * (format message when it does not read), the computed cells (`computeTotals`), the rule findings that
 * touch this table (`evaluateRules`) with their one-click fixes (`suggestFix`), and per cell the state it
 * renders (message, highlight, which findings describe it). Pure; runs on every keystroke (< 1 ms).
 *
 * A relation still waiting for untouched cells (`Finding.pending`) is 待填 while the focus is in the
 * table — neutral, no red cells — and an error once the clerk leaves the table (`editing` false).
 */
import { parseCellInput } from '../../domain/cell-input.ts';
import { readPath } from '../../domain/nested-keys.ts';
import type { CellValues } from '../../domain/draft-types.ts';
import { isPending, type Finding } from '../../domain/findings.ts';
import { suggestFix, suspectCellsText, type CellFix } from '../../domain/fixes.ts';
import { evaluateRules, type PreviousReport } from '../../domain/rules.ts';
import type { CellInfo } from '../../domain/table-layout.ts';
import { indexTemplate } from '../../domain/template.ts';
import type { ReportTemplate, RuleTemplate, Severity, TableKey } from '../../domain/template-types.ts';
import { computeTotals } from '../../domain/totals.ts';

export type { PreviousReport };

export interface GridFinding {
  /** Stable DOM id of the message (same rule and cells → same id while the clerk types). */
  readonly id: string;
  readonly finding: Finding;
  /** Cells of this table the finding is about, in the finding's order. */
  readonly cells: readonly string[];
  /** Untouched-cell reminders are listed but do not light up every empty cell. */
  readonly highlight: boolean;
  /** Shown as 待填 (neutral): a relation with untouched cells while the clerk is in the table. */
  readonly pending: boolean;
  readonly fix: CellFix | null;
  /** Without a fix: the cells that could hold the mistake (`suspectCellsText`), for the clerk to look at. */
  readonly suspects: string | null;
  /** What the clerk reads, in the list and beside the cell alike: the message, then the cells to look at. */
  readonly text: string;
}

export interface FormatProblem {
  readonly id: string;
  readonly cell: CellInfo;
  readonly message: string;
}

/** What one cell renders; objects are reused while unchanged so memoised cells can bail out. */
export interface CellView {
  /** The cell's own format message (input cells only). */
  readonly error: string | null;
  /** Strongest severity of the findings involving the cell. */
  readonly flag: Severity | null;
  /** The cell has a message (`TableAnalysis.cellMessages`): its own format message or a finding's. */
  readonly hasMessage: boolean;
  /** Computed cells: the computed value. */
  readonly value: number | null;
}

export interface TableAnalysis {
  /** Parsed values of this table (unreadable → null) with the computed cells filled in. */
  readonly values: CellValues;
  readonly formatProblems: readonly FormatProblem[];
  readonly findings: readonly GridFinding[];
  readonly cellViews: ReadonlyMap<string, CellView>;
  /**
   * Per cell with any, what is said about it: its own format message, then the messages of the findings
   * involving it (at most three, errors first), one per line. Shown beside the focused cell and read as
   * its description; the 定位 and fix buttons stay in the list under the table. Kept apart from
   * `cellViews` because the numbers in a message change on every keystroke while the highlight does not:
   * only the message's own element re-renders, not the cell.
   */
  readonly cellMessages: ReadonlyMap<string, string>;
  readonly errorCount: number;
  readonly pendingCount: number;
  readonly warningCount: number;
  /** Input cells still empty. */
  readonly emptyInputs: readonly string[];
}

/** Raw text of a form value, whatever the app put there (strings normally; numbers or null tolerated). */
export function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Each cell's path inside its table's form value, split once per table (read on every keystroke). */
const pathsInTable = new WeakMap<readonly CellInfo[], readonly (readonly string[])[]>();

/** Reads each cell's raw text out of the form's nested `tables.<tableKey>` object, in `cells` order. */
export function readRawCells(cells: readonly CellInfo[], tableValue: unknown): string[] {
  let paths = pathsInTable.get(cells);
  if (!paths) {
    // The cell key starts with the table's own key, which `tableValue` already is.
    paths = cells.map((cell) => cell.key.split('.').slice(1));
    pathsInTable.set(cells, paths);
  }
  return paths.map((path) => rawText(readPath(tableValue, path)));
}

function hashId(text: string): string {
  let hash = 5381;
  for (let index = 0; index < text.length; index += 1) hash = ((hash * 33) ^ text.charCodeAt(index)) >>> 0;
  return hash.toString(36);
}

export function formatMessageId(domId: string): string {
  return `${domId}-msg`;
}

const ruleKinds = new WeakMap<ReportTemplate, Map<string, RuleTemplate['kind']>>();

function ruleKind(template: ReportTemplate, id: string): RuleTemplate['kind'] | undefined {
  let kinds = ruleKinds.get(template);
  if (!kinds) {
    kinds = new Map(template.rules.map((rule) => [rule.id, rule.kind]));
    ruleKinds.set(template, kinds);
  }
  return kinds.get(id);
}

const EMPTY_VIEW: CellView = { error: null, flag: null, hasMessage: false, value: null };

/** A cell shows at most this many finding messages beside it; the list under the table has them all. */
const NOTES_PER_CELL = 3;

/**
 * Analyses a table. `raw` holds each cell's text in the order of `indexTemplate(template).cellsByTable`;
 * `before` (the previous analysis) lets unchanged cell views keep their identity.
 */
export function analyseTable(
  template: ReportTemplate,
  tableKey: TableKey,
  raw: readonly string[],
  previous: PreviousReport | null | undefined,
  before: TableAnalysis | null,
  idPrefix: (key: string) => string,
  /** The focus is inside the table: relations with untouched cells are 待填 rather than errors. */
  editing = false,
): TableAnalysis {
  const cells = indexTemplate(template).cellsByTable.get(tableKey) ?? [];
  const parsed: CellValues = {};
  const formatProblems: FormatProblem[] = [];
  const errors = new Map<string, string>();
  const emptyInputs: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.computed) {
      parsed[cell.key] = null;
      return;
    }
    const text = raw[index] ?? '';
    const result = parseCellInput(text, cell.valueType, { label: cell.columnShortLabel });
    if (result.ok) {
      parsed[cell.key] = result.value;
      if (result.value === null) emptyInputs.push(cell.key);
    } else {
      parsed[cell.key] = null;
      errors.set(cell.key, result.message);
      formatProblems.push({ id: formatMessageId(idPrefix(cell.key)), cell, message: result.message });
    }
  });
  const values: CellValues = { ...parsed, ...pick(computeTotals(template, parsed), cells) };

  const tableCellKeys = new Set(cells.map((cell) => cell.key));
  const findings: GridFinding[] = [];
  const seen = new Set<string>();
  for (const finding of evaluateRules(template, values, previous ?? null)) {
    const own = finding.cells.filter((key) => tableCellKeys.has(key));
    if (own.length === 0) continue;
    const kind = ruleKind(template, finding.rule);
    // A cell that does not read already carries its own message; the type rule would only repeat it.
    if (kind === 'valueType' && own.every((key) => errors.has(key))) continue;
    let id = `${idPrefix(tableKey)}-finding-${hashId(`${finding.rule}|${finding.cells.join(',')}`)}`;
    while (seen.has(id)) id += 'x';
    seen.add(id);
    let fix: CellFix | null = null;
    let suspects: string | null = null;
    try {
      fix = suggestFix(template, values, finding, previous ?? null);
      if (!fix && kind === 'relation' && !isPending(finding)) suspects = suspectCellsText(template, finding);
    } catch {
      fix = null;
    }
    const pending = editing && isPending(finding);
    const text = suspects ? `${finding.message}。可能有误的是：${suspects}，请逐一核对` : finding.message;
    findings.push({ id, finding, cells: own, highlight: kind !== 'filled' && !pending, pending, fix, suspects, text });
  }

  const flags = new Map<string, Severity>();
  const notes = new Map<string, string[]>();
  // Errors before warnings, so a cell's first note is its most serious one.
  const highlighted = findings.filter((item) => item.highlight);
  const ordered = [...highlighted.filter((item) => item.finding.severity === 'error'), ...highlighted.filter((item) => item.finding.severity !== 'error')];
  for (const item of ordered) {
    for (const key of item.cells) {
      if (flags.get(key) !== 'error') flags.set(key, item.finding.severity);
      const messages = notes.get(key) ?? [];
      if (messages.length < NOTES_PER_CELL && !messages.includes(item.text)) messages.push(item.text);
      notes.set(key, messages);
    }
  }

  const cellViews = new Map<string, CellView>();
  const cellMessages = new Map<string, string>();
  for (const cell of cells) {
    const message = [errors.get(cell.key) ?? '', ...(notes.get(cell.key) ?? [])].filter(Boolean).join('\n');
    if (message) cellMessages.set(cell.key, message);
    const next: CellView = {
      error: errors.get(cell.key) ?? null,
      flag: flags.get(cell.key) ?? null,
      hasMessage: message !== '',
      value: cell.computed ? (values[cell.key] ?? null) : null,
    };
    const old = before?.cellViews.get(cell.key);
    const same = (view: CellView | undefined): view is CellView =>
      view !== undefined &&
      view.error === next.error &&
      view.flag === next.flag &&
      view.hasMessage === next.hasMessage &&
      view.value === next.value;
    cellViews.set(cell.key, same(old) ? old : same(EMPTY_VIEW) ? EMPTY_VIEW : next);
  }

  const errorCount = formatProblems.length + findings.filter((item) => !item.pending && item.finding.severity === 'error').length;
  const pendingCount = findings.filter((item) => item.pending).length;
  const warningCount = findings.filter((item) => !item.pending && item.finding.severity === 'warning').length;
  return { values, formatProblems, findings, cellViews, cellMessages, errorCount, pendingCount, warningCount, emptyInputs };
}

function pick(values: CellValues, cells: readonly CellInfo[]): CellValues {
  const picked: CellValues = {};
  for (const cell of cells) if (cell.computed) picked[cell.key] = values[cell.key] ?? null;
  return picked;
}
