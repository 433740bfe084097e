/**
 * The rules engine (spec §5.1–§5.5): turns the template's rules-as-data into concrete rules over
 * resolved cell keys, and evaluates them against a report's values.
 *
 * Everything that depends only on the template (expansion, labels, the evaluation plan) is computed
 * once per template object and cached, so that a full check is a tight loop over plain arrays: the
 * form runs it on every keystroke.
 *
 * @example
 * const findings = evaluateRules(report2021, flattenTables(report2021, draft.tables));
 * // [{ rule: 'R3.1', severity: 'error', cells: [...], message: '自然人：本年新收 14 + 上年结转 0 = 14，…，相差 1' }]
 */
import { formatCellValue, maxValue } from './cell-input.ts';
import type { CellValues, Draft } from './draft-types.ts';
import { feeFindings } from './fee-statement.ts';
import { textLimitFindings } from './text-limits.ts';
import type { Finding } from './findings.ts';
import { narrativeFindings } from './narrative-rules.ts';
import { cellAccessibleName, type CellInfo } from './table-layout.ts';
import { indexTemplate, tableByKey, tableTitle } from './template.ts';
import type {
  ColumnNode,
  ForEach,
  RelationRule,
  ReportTemplate,
  RowNode,
  Severity,
  Term,
  ValueType,
} from './template-types.ts';
import { flattenTables, isTouched, templateOf } from './values.ts';

export interface ConcreteTerm {
  /** Resolved cell keys; more than one for a `sumOver` term (the term is their sum). */
  readonly cells: readonly string[];
  readonly previousYear: boolean;
  readonly negate: boolean;
  /** Name of the term in messages, e.g. `本年新收`, `（一）至（六）之和`, `上年报告结转下年度`. */
  readonly label: string;
}

export interface ConcreteRule {
  readonly id: string;
  readonly severity: Severity;
  readonly source: string;
  readonly description: string;
  readonly relation: RelationRule['relation'];
  /** What the instance is about, e.g. `自然人` (a column of table 三), `行政复议`, `规章`; may be empty. */
  readonly scopeLabel: string;
  readonly left: readonly ConcreteTerm[];
  readonly right: readonly ConcreteTerm[];
  /** Defines the computed cell `left[0].cells[0]` as the sum of `right`. */
  readonly computes: boolean;
  readonly needsPreviousTemplate?: string;
  /** Resolved `RelationRule.fixTarget`: the input cell a one-click fix would set. */
  readonly fixTarget?: string;
  /** This year's cells involved, in term order, without duplicates: the `cells` of its findings. */
  readonly cells: readonly string[];
  /**
   * The cells the clerk fills that the relation depends on: `cells` with each computed cell replaced by
   * the cells it is computed from. While any of them is untouched, a failing relation is 待填.
   */
  readonly inputs: readonly string[];
  /** Names of `inputs` in messages, e.g. `上年结转`, `予以公开` within a column of table 三. */
  readonly inputNames: readonly string[];
}

export interface PreviousReport {
  readonly template: ReportTemplate;
  readonly values: CellValues;
}

// ---------------------------------------------------------------------------------------------------
// Expansion

interface ColumnEntry {
  readonly node: ColumnNode;
  readonly keyPath: string;
  readonly isLeaf: boolean;
}

function columnEntries(nodes: readonly ColumnNode[], prefix: readonly string[], out: ColumnEntry[]): ColumnEntry[] {
  for (const node of nodes) {
    const path = node.key ? [...prefix, node.key] : prefix;
    const isLeaf = !node.children || node.children.length === 0;
    if (node.key) out.push({ node, keyPath: path.join('.'), isLeaf });
    if (!isLeaf) columnEntries(node.children!, path, out);
  }
  return out;
}

function rowLeafKeys(
  nodes: readonly RowNode[],
  prefix: readonly string[],
  group: string | undefined,
  inGroup: boolean,
  out: string[],
): string[] {
  for (const node of nodes) {
    const path = node.key ? [...prefix, node.key] : prefix;
    const here = inGroup || (group !== undefined && node.group === group);
    if (node.children && node.children.length > 0) rowLeafKeys(node.children, path, group, here, out);
    else if (group === undefined || here) out.push(path.join('.'));
  }
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The values a `ForEach` variable takes, in table order. */
function bindingsOf(template: ReportTemplate, forEach: ForEach): string[] {
  const table = tableByKey(template, forEach.table);
  const parts = table.parts.filter((_, index) => !forEach.parts || forEach.parts.includes(index));
  let values: string[];
  switch (forEach.over) {
    case 'columns':
      values = parts.flatMap((part) => columnEntries(part.columns, [], []).filter((e) => e.isLeaf).map((e) => e.keyPath));
      break;
    case 'columnGroups':
      values = parts.flatMap((part) =>
        columnEntries(part.columns, [], [])
          .filter((e) => !e.isLeaf && e.node.children!.some((child) => child.key && !child.children?.length))
          .map((e) => e.keyPath),
      );
      break;
    case 'rows':
      values = parts.flatMap((part) => rowLeafKeys(part.rows, [], forEach.group, false, []));
      break;
  }
  const except = new Set(forEach.except ?? []);
  return unique(values).filter((value) => !except.has(value));
}

function substitute(pattern: string, env: Readonly<Record<string, string>>, ruleId: string): string {
  return pattern.replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = env[name];
    if (value === undefined) throw new Error(`rule ${ruleId}: unbound variable $${name} in ${pattern}`);
    return value;
  });
}

/**
 * How an instance's scope and terms are named in messages. The scope is what all its cells share (a
 * column of table 三, a row, a column group of table 四); each term is named by what varies.
 */
function namer(
  infos: readonly CellInfo[],
  columnsByTable: ReadonlyMap<string, ReadonlyMap<string, ColumnNode>>,
): { scope: string; name: (info: CellInfo) => string } {
  const first = infos[0]!;
  const sameColumn = infos.every((info) => info.columnKey === first.columnKey && info.table === first.table);
  if (sameColumn) return { scope: first.columnShortLabel, name: (info) => info.rowShortLabel };
  const sameRow = infos.every((info) => info.rowKey === first.rowKey && info.table === first.table);
  const columnNodes = columnsByTable.get(first.table)!;
  const segments = infos.map((info) => info.columnKey.split('.'));
  let common = 0;
  while (segments.every((s) => s.length > common + 1 && s[common] === segments[0]![common])) common += 1;
  if (sameRow && common > 0) {
    const prefix = segments[0]!.slice(0, common);
    const node = columnNodes.get(prefix.join('.'))!;
    const rowPart = first.rowShortLabel;
    return {
      scope: [rowPart, node.shortLabel ?? node.label].filter((part) => part !== '').join(' '),
      name: (info) => {
        const parts = info.columnKey.split('.');
        const names: string[] = [];
        for (let depth = common + 1; depth <= parts.length; depth += 1) {
          const child = columnNodes.get(parts.slice(0, depth).join('.'))!;
          names.push(child.shortLabel ?? child.label);
        }
        return names.join(' ');
      },
    };
  }
  if (sameRow) return { scope: first.rowShortLabel, name: (info) => info.columnShortLabel };
  return { scope: '', name: (info) => cellAccessibleName(info) };
}

/** The concrete instances of each template rule, by the rule's index (empty for non-relation rules). */
function expandTemplate(template: ReportTemplate): ConcreteRule[][] {
  const index = indexTemplate(template);
  const columnsByTable = new Map(
    index.tables.map((table) => [
      table.key,
      new Map(table.parts.flatMap((part) => columnEntries(part.columns, [], [])).map((e) => [e.keyPath, e.node])),
    ]),
  );
  const infoOf = (key: string, ruleId: string): CellInfo => {
    const info = index.cellsByKey.get(key);
    if (!info) throw new Error(`template ${template.id}, rule ${ruleId}: no cell ${key}`);
    return info;
  };
  const instances = template.rules.map((rule) => {
    const rules: Omit<ConcreteRule, 'inputs' | 'inputNames'>[] = [];
    if (rule.kind !== 'relation') return rules;
    const envs: Record<string, string>[] = rule.forEach
      ? bindingsOf(template, rule.forEach).map((value) => ({ [rule.forEach!.variable]: value }))
      : [{}];
    for (const env of envs) {
      const resolve = (term: Term): string[] =>
        term.sumOver
          ? bindingsOf(template, term.sumOver).map((value) =>
              substitute(term.cell, { ...env, [term.sumOver!.variable]: value }, rule.id),
            )
          : [substitute(term.cell, env, rule.id)];
      const leftCells = rule.left.map(resolve);
      const rightCells = rule.right.map(resolve);
      const allInfos = [...leftCells, ...rightCells].flat().map((key) => infoOf(key, rule.id));
      const { scope, name } = namer(allInfos, columnsByTable);
      const concrete = (term: Term, cells: string[]): ConcreteTerm => {
        if (term.sumOver && term.label === undefined) throw new Error(`rule ${rule.id}: a sumOver term needs a label`);
        return {
          cells,
          previousYear: term.previousYear ?? false,
          negate: term.negate ?? false,
          label: term.label ?? name(infoOf(cells[0]!, rule.id)),
        };
      };
      const left = rule.left.map((term, i) => concrete(term, leftCells[i]!));
      const right = rule.right.map((term, i) => concrete(term, rightCells[i]!));
      const cells = unique([...left, ...right].filter((term) => !term.previousYear).flatMap((term) => term.cells));
      const fixTarget = rule.fixTarget === undefined ? undefined : substitute(rule.fixTarget, env, rule.id);
      if (fixTarget !== undefined) infoOf(fixTarget, rule.id);
      rules.push({
        id: rule.id,
        severity: rule.severity,
        source: rule.source,
        description: rule.description,
        relation: rule.relation,
        scopeLabel: scope,
        left,
        right,
        computes: rule.computes ?? false,
        ...(rule.needsPreviousTemplate ? { needsPreviousTemplate: rule.needsPreviousTemplate } : {}),
        ...(fixTarget !== undefined ? { fixTarget } : {}),
        cells,
      });
    }
    return rules;
  });
  // A computed cell is not filled by the clerk: a relation over it waits for the cells it sums.
  const definitions = new Map(
    instances.flat().filter((rule) => rule.computes).map((rule) => [rule.left[0]!.cells[0]!, rule.right.flatMap((term) => term.cells)]),
  );
  const inputsOf = (key: string, visiting: Set<string>): string[] => {
    const parts = definitions.get(key);
    if (!parts || visiting.has(key)) return [key];
    visiting.add(key);
    const inputs = parts.flatMap((part) => inputsOf(part, visiting));
    visiting.delete(key);
    return inputs;
  };
  return instances.map((rules) =>
    rules.map((rule): ConcreteRule => {
      const inputs = unique(rule.cells.flatMap((key) => inputsOf(key, new Set())));
      const infos = inputs.map((key) => infoOf(key, rule.id));
      // Short names: by row within a column, by column within a row, else `商业企业的本年新收`.
      const sameColumn = infos.every((info) => info.table === infos[0]!.table && info.columnKey === infos[0]!.columnKey);
      const sameRow = infos.every((info) => info.table === infos[0]!.table && info.rowKey === infos[0]!.rowKey);
      const inputNames = infos.map((info) =>
        sameColumn ? info.rowShortLabel : sameRow ? info.columnShortLabel : `${info.columnShortLabel}的${info.rowShortLabel}`,
      );
      return { ...rule, inputs, inputNames };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// The evaluation plan: one step per template rule, in template order.

interface RelationStep {
  readonly kind: 'relation';
  readonly rules: readonly CompiledRelation[];
}

interface CompiledRelation {
  readonly rule: ConcreteRule;
  /** Flattened operands: key, sign (+1/−1, right side negated) and whether it is last year's. */
  readonly keys: readonly string[];
  readonly signs: readonly number[];
  readonly previous: readonly boolean[];
  readonly crossYear: boolean;
}

interface ValueTypeStep {
  readonly kind: 'valueType';
  readonly id: string;
  readonly severity: Severity;
  readonly cells: readonly { readonly key: string; readonly valueType: ValueType; readonly name: string }[];
}

interface FilledStep {
  readonly kind: 'filled';
  readonly id: string;
  readonly severity: Severity;
  readonly areas: readonly { readonly label: string; readonly keys: readonly string[]; readonly names: readonly string[] }[];
}

type Step = RelationStep | ValueTypeStep | FilledStep;

interface Plan {
  readonly concrete: readonly ConcreteRule[];
  readonly steps: readonly Step[];
  readonly byFinding: ReadonlyMap<string, ConcreteRule>;
  /** Per previous template: which compiled cross-year relations can be evaluated against it. */
  readonly crossYearFit: WeakMap<ReportTemplate, ReadonlySet<CompiledRelation>>;
}

const plans = new WeakMap<ReportTemplate, Plan>();

function findingKey(rule: string, cells: readonly string[]): string {
  return `${rule}|${cells.join(',')}`;
}

function compile(rule: ConcreteRule): CompiledRelation {
  const keys: string[] = [];
  const signs: number[] = [];
  const previous: boolean[] = [];
  const add = (terms: readonly ConcreteTerm[], side: number): void => {
    for (const term of terms) {
      for (const cell of term.cells) {
        keys.push(cell);
        signs.push(term.negate ? -side : side);
        previous.push(term.previousYear);
      }
    }
  };
  add(rule.left, 1);
  add(rule.right, -1);
  return { rule, keys, signs, previous, crossYear: previous.some(Boolean) };
}

function planFor(template: ReportTemplate): Plan {
  const cached = plans.get(template);
  if (cached) return cached;
  const instances = expandTemplate(template);
  const concrete = instances.flat();
  const index = indexTemplate(template);
  const steps: Step[] = template.rules.map((rule, ruleIndex): Step => {
    if (rule.kind === 'relation') return { kind: 'relation', rules: instances[ruleIndex]!.map(compile) };
    if (rule.kind === 'valueType') {
      const cells = (index.cellsByTable.get(rule.table) ?? [])
        .filter((cell) => !rule.valueTypes || rule.valueTypes.includes(cell.valueType))
        .map((cell) => ({ key: cell.key, valueType: cell.valueType, name: cellAccessibleName(cell) }));
      return { kind: 'valueType', id: rule.id, severity: rule.severity, cells };
    }
    const table = tableByKey(template, rule.table);
    const cells = (index.cellsByTable.get(rule.table) ?? []).filter((cell) => !cell.computed);
    const areas = table.parts
      .map((part, partIndex) => {
        const partCells = cells.filter((cell) => cell.partIndex === partIndex);
        return {
          // One area per matrix part: table 二 is reported per 第二十条 item.
          label: tableTitle(template, rule.table) + (table.parts.length > 1 ? (part.caption ?? '') : ''),
          keys: partCells.map((cell) => cell.key),
          names: partCells.map((cell) => cellAccessibleName(cell)),
        };
      })
      .filter((area) => area.keys.length > 0);
    return { kind: 'filled', id: rule.id, severity: rule.severity, areas };
  });
  const plan: Plan = {
    concrete,
    steps,
    byFinding: new Map(concrete.map((rule) => [findingKey(rule.id, rule.cells), rule])),
    crossYearFit: new WeakMap(),
  };
  plans.set(template, plan);
  return plan;
}

/** The template's relation rules (spec §5) as concrete rules over resolved cell keys. Cached. */
export function expandRules(template: ReportTemplate): readonly ConcreteRule[] {
  return planFor(template).concrete;
}

/** The concrete rule a relation finding came from (same rule id and cells), if any. */
export function concreteRuleOf(template: ReportTemplate, finding: Pick<Finding, 'rule' | 'cells'>): ConcreteRule | undefined {
  return planFor(template).byFinding.get(findingKey(finding.rule, finding.cells));
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

/** Tolerance of the comparisons: amounts have at most 4 decimals, so anything smaller is rounding. */
function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}


/** Value of a cell in arithmetic: null (untouched) counts as 0; `undefined` means not a usable number. */
function numeric(value: unknown): number | undefined {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The sum of a term's cells, null counting as 0; `undefined` when a cell holds no usable number. */
export function termValue(term: ConcreteTerm, values: CellValues, previousValues?: CellValues): number | undefined {
  const source = term.previousYear ? previousValues : values;
  if (!source) return undefined;
  let sum = 0;
  for (const cell of term.cells) {
    const value = numeric(source[cell]);
    if (value === undefined) return undefined;
    sum += value;
  }
  return sum;
}

function sideText(terms: readonly ConcreteTerm[], sums: readonly number[]): string {
  if (terms.length === 0) return '0';
  let text = '';
  terms.forEach((term, i) => {
    const number = `${term.label} ${formatCellValue(sums[i]!)}`;
    if (i === 0) text = term.negate ? `− ${number}` : number;
    else text += term.negate ? ` − ${number}` : ` + ${number}`;
  });
  if (terms.length > 1) {
    const total = terms.reduce((sum, term, i) => sum + (term.negate ? -sums[i]! : sums[i]!), 0);
    text += ` = ${formatCellValue(total)}`;
  }
  return text;
}

/** The Chinese message of a failed relation, stating both sides and the difference. */
function relationMessage(rule: ConcreteRule, values: CellValues, previousValues: CellValues | undefined, difference: number): string {
  const leftSums = rule.left.map((term) => termValue(term, values, previousValues) ?? 0);
  const rightSums = rule.right.map((term) => termValue(term, values, previousValues) ?? 0);
  const left = sideText(rule.left, leftSums);
  const right = sideText(rule.right, rightSums);
  const gap = formatCellValue(Math.abs(difference));
  const body =
    rule.relation === 'equal'
      ? `${left}，${right}，相差 ${gap}`
      : rule.relation === 'lessOrEqual'
        ? `${left}，不应超过 ${right}，相差 ${gap}`
        : `${left}，不应小于 ${right}，相差 ${gap}`;
  return rule.scopeLabel === '' ? body : `${rule.scopeLabel}：${body}`;
}

/** The relation's input cells the clerk has not filled yet, with their names; null when none. */
function untouchedInputs(rule: ConcreteRule, values: CellValues): { keys: string[]; names: string[] } | null {
  let keys: string[] | undefined;
  let names: string[] | undefined;
  for (let i = 0; i < rule.inputs.length; i += 1) {
    if (isTouched(values[rule.inputs[i]!])) continue;
    (keys ??= []).push(rule.inputs[i]!);
    (names ??= []).push(rule.inputNames[i]!);
  }
  return keys ? { keys, names: names! } : null;
}

const RELATION_SIGN: Record<RelationRule['relation'], string> = { equal: '=', lessOrEqual: '≤', greaterOrEqual: '≥' };

function labelsText(terms: readonly ConcreteTerm[]): string {
  if (terms.length === 0) return '0';
  return terms.map((term, i) => (term.negate ? `${i === 0 ? '' : ' '}− ${term.label}` : i === 0 ? term.label : ` + ${term.label}`)).join('');
}

/**
 * The message of a relation still being filled: what is missing, and what will be checked once it is
 * filled — no numbers and no difference, since a half-filled column is not wrong.
 */
function pendingMessage(rule: ConcreteRule, pending: { names: readonly string[] }): string {
  const shown = pending.names.slice(0, 3).join('、') + (pending.names.length > 3 ? '等' : '');
  const body = `还有 ${pending.names.length} 格未填（${shown}），填完后核对：${labelsText(rule.left)} ${RELATION_SIGN[rule.relation]} ${labelsText(rule.right)}`;
  return rule.scopeLabel === '' ? body : `${rule.scopeLabel}：${body}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `“${value}”`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const EXPECTED: Record<ValueType, string> = {
  count: '应为不小于 0 的整数',
  signedCount: '应为整数（减少用负数表示）',
  amount: '应为不小于 0 的数（单位万元，最多 4 位小数）',
};

/** Whether a non-null value fits its value type (spec §A.4). */
export function fitsValueType(value: unknown, valueType: ValueType): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  switch (valueType) {
    case 'count':
      return Number.isInteger(value) && value >= 0 && value <= maxValue('count');
    case 'signedCount':
      return Number.isInteger(value) && Math.abs(value) <= maxValue('signedCount');
    case 'amount':
      return value >= 0 && value <= maxValue('amount') && Math.abs(value * 1e4 - Math.round(value * 1e4)) < 1e-6;
  }
}

// ---------------------------------------------------------------------------------------------------
// Plausibility

/** Rule id of the plausibility warning (not a statutory rule: a guard against a slipped finger). */
export const PLAUSIBILITY_RULE_ID = 'V1';

/**
 * Above these a value is almost certainly a typing slip (an extra 0, a pasted ID number), so it gets a
 * warning — never an error: a true value must remain reportable.
 *
 * - 表三、表四 (applications, reviews, lawsuits): the busiest agencies — large cities' 规划和自然资源,
 *   住房和城乡建设 and 公安 bureaus, 区 governments during demolition waves — report tens of thousands of
 *   applications a year at most, and far fewer reviews and lawsuits. 1,000,000 is beyond any of them.
 * - 表二 (rules issued, and the 处理决定 counts of 行政许可/处罚/强制; amounts in 万元): a big city's traffic
 *   police decide millions of 行政处罚 a year, so the bound is 100,000,000.
 */
export const PLAUSIBLE_MAXIMUM: Readonly<Record<string, number>> = {
  proactive: 100_000_000,
  applications: 1_000_000,
  reviewLitigation: 1_000_000,
};

const plausibilityCells = new WeakMap<ReportTemplate, readonly { key: string; name: string; limit: number }[]>();

function plausibilityPlan(template: ReportTemplate): readonly { key: string; name: string; limit: number }[] {
  let cells = plausibilityCells.get(template);
  if (!cells) {
    cells = indexTemplate(template)
      .cells.filter((cell) => !cell.computed && PLAUSIBLE_MAXIMUM[cell.table] !== undefined)
      .map((cell) => ({ key: cell.key, name: cellAccessibleName(cell), limit: PLAUSIBLE_MAXIMUM[cell.table]! }));
    plausibilityCells.set(template, cells);
  }
  return cells;
}

function plausibilityFindings(template: ReportTemplate, values: CellValues, findings: Finding[]): void {
  for (const cell of plausibilityPlan(template)) {
    const value = values[cell.key];
    // A non-finite value is the value-type rules' finding; it is no typing slip to warn about.
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) <= cell.limit) continue;
    findings.push({
      rule: PLAUSIBILITY_RULE_ID,
      severity: 'warning',
      cells: [cell.key],
      message: `${cell.name}：${formatCellValue(value)} 超过 ${formatCellValue(cell.limit)}，远多于各机关报告中常见的数量，请核对是否多输了数字`,
    });
  }
}

function applicableCrossYear(plan: Plan, previous: PreviousReport): ReadonlySet<CompiledRelation> {
  const cached = plan.crossYearFit.get(previous.template);
  if (cached) return cached;
  const previousCells = indexTemplate(previous.template).cellsByKey;
  const fit = new Set<CompiledRelation>();
  for (const step of plan.steps) {
    if (step.kind !== 'relation') continue;
    for (const compiled of step.rules) {
      if (!compiled.crossYear) continue;
      const { needsPreviousTemplate } = compiled.rule;
      if (needsPreviousTemplate !== undefined && needsPreviousTemplate !== previous.template.id) continue;
      if (compiled.keys.every((key, i) => !compiled.previous[i] || previousCells.has(key))) fit.add(compiled);
    }
  }
  plan.crossYearFit.set(previous.template, fit);
  return fit;
}

/**
 * Checks a report's values against every rule of its template (spec §5.1–§5.5). Cross-year rules run
 * only when last year's report is given, and only those its template allows. Pure; findings in
 * template order.
 */
export function evaluateRules(template: ReportTemplate, values: CellValues, previous?: PreviousReport | null): Finding[] {
  const plan = planFor(template);
  const fit = previous ? applicableCrossYear(plan, previous) : undefined;
  const previousValues = previous?.values;
  const findings: Finding[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'relation') {
      for (const compiled of step.rules) {
        if (compiled.crossYear && !fit?.has(compiled)) continue;
        const { keys, signs } = compiled;
        let difference = 0;
        let usable = true;
        for (let i = 0; i < keys.length; i += 1) {
          // An unusable value (text, NaN) is reported by the value-type rules at its cell; arithmetic
          // with it would only add noise.
          const value = numeric(compiled.previous[i] ? previousValues![keys[i]!] : values[keys[i]!]);
          if (value === undefined) {
            usable = false;
            break;
          }
          difference += signs[i]! * value;
        }
        if (!usable) continue;
        difference = round4(difference);
        const rule = compiled.rule;
        const failed =
          rule.relation === 'equal' ? difference !== 0 : rule.relation === 'lessOrEqual' ? difference > 0 : difference < 0;
        if (failed) {
          const pending = untouchedInputs(rule, values);
          findings.push(
            pending
              ? { rule: rule.id, severity: rule.severity, cells: rule.cells, message: pendingMessage(rule, pending), pending: pending.keys }
              : { rule: rule.id, severity: rule.severity, cells: rule.cells, message: relationMessage(rule, values, previousValues, difference) },
          );
        }
      }
    } else if (step.kind === 'valueType') {
      for (const cell of step.cells) {
        const value = values[cell.key];
        if (value === null || value === undefined || fitsValueType(value, cell.valueType)) continue;
        findings.push({
          rule: step.id,
          severity: step.severity,
          cells: [cell.key],
          message: `${cell.name}：${EXPECTED[cell.valueType]}，现为 ${describeValue(value)}`,
        });
      }
    } else {
      for (const area of step.areas) {
        let untouched: string[] | undefined;
        let names: string[] | undefined;
        for (let i = 0; i < area.keys.length; i += 1) {
          const value = values[area.keys[i]!];
          if (value !== null && value !== undefined) continue;
          (untouched ??= []).push(area.keys[i]!);
          (names ??= []).push(area.names[i]!);
        }
        if (!untouched) continue;
        const shown = names!.slice(0, 3).join('、') + (names!.length > 3 ? '等' : '');
        findings.push({
          rule: step.id,
          severity: step.severity,
          cells: untouched,
          message: `${area.label}有 ${untouched.length} 格未填写：${shown}。没有的请填 0`,
        });
      }
    }
  }
  plausibilityFindings(template, values, findings);
  return findings;
}

/**
 * The rules over a draft: the table rules (`evaluateRules` over the tables flattened with untouched
 * cells as null, cross-year rules when last year's draft is given), the checks of the 信息处理费 values
 * (fee-statement.ts), then the narrative rules (spec §5.6 N12) and the text limits (text-limits.ts).
 * The report's one check
 * (`reportFindings`, check.ts) is this plus the swings against last year.
 */
export function checkDraft(draft: Draft, previous?: Draft | null): Finding[] {
  const template = templateOf(draft);
  const values = flattenTables(template, draft.tables ?? {});
  const narrative = narrativeFindings(draft, template);
  const findings = previous
    ? evaluateRules(template, values, {
        template: templateOf(previous),
        values: flattenTables(templateOf(previous), previous.tables ?? {}),
      })
    : evaluateRules(template, values);
  if (draft.fees) findings.push(...feeFindings(draft.fees));
  return [...findings, ...narrative, ...textLimitFindings(draft)];
}

/**
 * Cross-year rules that cannot run against last year's report, one entry per rule id, with the reason
 * in Chinese (spec §4.4 item 11: no cross-year comparison across the format change).
 */
export function skippedCrossYearRules(
  template: ReportTemplate,
  previousTemplate: ReportTemplate,
): { rule: string; reason: string }[] {
  const plan = planFor(template);
  const fit = applicableCrossYear(plan, { template: previousTemplate, values: {} });
  const skipped = new Map<string, string>();
  for (const step of plan.steps) {
    if (step.kind !== 'relation') continue;
    for (const compiled of step.rules) {
      const rule = compiled.rule;
      if (!compiled.crossYear || fit.has(compiled) || skipped.has(rule.id)) continue;
      const subject = rule.left[0]?.label ?? rule.description;
      const needed = rule.needsPreviousTemplate === template.id ? template.notice : `${rule.needsPreviousTemplate}年版`;
      const reason =
        rule.needsPreviousTemplate !== undefined && rule.needsPreviousTemplate !== previousTemplate.id
          ? `上年报告使用${previousTemplate.notice}格式，“${subject}”的跨年比较需要上年报告也使用${needed}格式，格式不同，不作跨年比较`
          : `上年报告（${previousTemplate.notice}格式）没有“${subject}”跨年比较所需的项目，不作跨年比较`;
      skipped.set(rule.id, reason);
    }
  }
  return [...skipped].map(([rule, reason]) => ({ rule, reason }));
}
