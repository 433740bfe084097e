/**
 * The roll-up (汇总): the 政务公开办 of a county or district adds up its departments' and towns' reports
 * into the tables of the government's own report. Pure; the app's roll-up screen and `report rollup`
 * both call `rollUp`.
 *
 * Every input cell is summed across the units; a cell blank in every unit stays blank (null), never 0,
 * so the government's report does not claim a figure nobody reported. The computed totals are then
 * recomputed from the sums (`computeTotals`). Amounts in 万元 carry up to 4 decimals: the sum is taken
 * in whole units of 0.0001 so that 0.1 + 0.2 stays 0.3.
 *
 * The 信息处理费 figures of 六 (`fees`: notices issued, their amount and the amount collected, in 元) are
 * summed by the same rule (`sumFees`): a figure blank in every unit stays blank; otherwise the sum is that
 * of the units that gave it, exact in units of 0.0001. A unit that left a figure blank while others gave
 * it is flagged (`feesBlank`), never silently counted as 0: the government's figure then covers only the
 * units that reported, and the office checks with the unit named.
 *
 * Refused (nothing summed): units of different years, of different formats or local variants (their
 * tables have different cells), the same agency twice, and a unit of the government's own name unless
 * the office confirms it (`sameAgencyConfirmed`): that is almost surely the government's own report
 * chosen by mistake, and summing it would count the government's figures twice. Included but flagged: a
 * unit whose own check (`reportFindings`, the one check) has errors, so the office sees whose numbers do
 * not add up, and a unit whose 信息处理费 figures are partly missing (above).
 */
import { reportFindings } from './check.ts';
import type { CellValues, Draft, FeeStatement } from './draft-types.ts';
import { FEE_FIELD_DOMAINS, type FeeField } from './fee-statement.ts';
import type { Finding } from './findings.ts';
import { indexTemplate } from './template.ts';
import { computeTotals } from './totals.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from './values.ts';

/** One unit as the roll-up lists it. */
export interface RollUpUnit {
  /** 机关全称 as the unit's report gives it. */
  readonly agency: string;
  readonly year: number;
  /** The format's name, e.g. `2021年版格式`. */
  readonly format: string;
  /** The local variant's name, e.g. `浙江省`; null for 全国通用. */
  readonly variant: string | null;
  /** Errors of the unit's own check (待填 relations included: they block the unit's report too). */
  readonly errors: number;
}

export type RollUpProblemKind = 'noUnits' | 'mixedYears' | 'mixedFormats' | 'duplicateAgency' | 'sameAsAgency' | 'unitErrors' | 'feesBlank';

export interface RollUpProblem {
  readonly kind: RollUpProblemKind;
  /** Whether this problem stops the roll-up (nothing summed). `unitErrors` and `feesBlank` only flag. */
  readonly refuses: boolean;
  /** Positions in the input list of the units concerned. */
  readonly units: readonly number[];
  /** What is wrong and what to do, in Chinese, naming the units. */
  readonly message: string;
}

export interface RollUpOptions {
  /** 机关全称 of the government whose report receives the sums. */
  readonly agency: string;
  /**
   * The office has confirmed that units of the government's own name are units' reports all the same
   * (a 街道 named like the 区, say): they are summed. Otherwise such a unit refuses the roll-up.
   */
  readonly sameAgencyConfirmed?: boolean;
  readonly now?: Date;
}

export type RollUpResult =
  | {
      readonly ok: true;
      /** The government's new draft: same year and format as the units, tables summed, text empty. */
      readonly draft: Draft;
      readonly units: readonly RollUpUnit[];
      /** Flags only (`unitErrors`, `feesBlank`); the roll-up went ahead. */
      readonly problems: readonly RollUpProblem[];
      /** The one check over the summed draft. */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly units: readonly RollUpUnit[]; readonly problems: readonly RollUpProblem[] };

/** Whole units of 0.0001: every value the format allows (counts, 万元 with 4 decimals) is an integer here. */
const SCALE = 1e4;

function formatLabel(unit: RollUpUnit): string {
  return unit.variant ? `${unit.format}（${unit.variant}）` : unit.format;
}

/** Agency names compare without spaces (a pasted name often carries a stray one). */
function agencyKey(name: string): string {
  return name.replace(/\s+/g, '');
}

function unitName(unit: RollUpUnit): string {
  return unit.agency.trim() || '（未填机关名称）';
}

export function describeUnit(draft: Draft): RollUpUnit {
  const template = templateOf(draft);
  return {
    agency: draft.agency.name,
    year: draft.year,
    format: template.name,
    variant: template.variant?.name ?? null,
    errors: reportFindings(draft).filter((finding) => finding.severity === 'error').length,
  };
}

/** Groups unit positions by a key, in first-seen order. */
function groupBy(units: readonly RollUpUnit[], key: (unit: RollUpUnit) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  units.forEach((unit, index) => {
    const value = key(unit);
    const group = groups.get(value);
    if (group) group.push(index);
    else groups.set(value, [index]);
  });
  return groups;
}

function namesOf(units: readonly RollUpUnit[], positions: readonly number[]): string {
  return positions.map((position) => unitName(units[position]!)).join('、');
}

/** Positions of the units whose agency is the government's own (`agency`); none while it is blank. */
export function sameAgencyUnits(units: readonly RollUpUnit[], agency: string): number[] {
  const own = agencyKey(agency);
  if (own === '') return [];
  return units.flatMap((unit, index) => (agencyKey(unit.agency) === own ? [index] : []));
}

/**
 * What is wrong with this set of units, refusals first. `options.agency` is the government's name (blank
 * while not yet given: no unit is compared with it).
 */
export function rollUpProblems(units: readonly RollUpUnit[], options: Partial<RollUpOptions> = {}): RollUpProblem[] {
  const problems: RollUpProblem[] = [];
  if (units.length === 0) {
    problems.push({ kind: 'noUnits', refuses: true, units: [], message: '还没有选择下级单位的报告，无法汇总。' });
    return problems;
  }
  const years = groupBy(units, (unit) => String(unit.year));
  if (years.size > 1) {
    const list = [...years].map(([year, positions]) => `${year} 年度：${namesOf(units, positions)}`).join('；');
    problems.push({
      kind: 'mixedYears',
      refuses: true,
      units: units.map((_, index) => index),
      message: `这些报告不是同一年度的，不能汇总在一起（${list}）。请只选同一年度的报告。`,
    });
  }
  const formats = groupBy(units, formatLabel);
  if (formats.size > 1) {
    const list = [...formats].map(([format, positions]) => `${format}：${namesOf(units, positions)}`).join('；');
    problems.push({
      kind: 'mixedFormats',
      refuses: true,
      units: units.map((_, index) => index),
      message: `这些报告的格式不同，表格的行列不一样，不能汇总在一起（${list}）。请只选同一格式的报告。`,
    });
  }
  for (const positions of groupBy(units, (unit) => agencyKey(unit.agency)).values()) {
    if (positions.length < 2) continue;
    problems.push({
      kind: 'duplicateAgency',
      refuses: true,
      units: positions,
      message: `“${unitName(units[positions[0]!]!)}”的报告选了 ${positions.length} 次（第 ${positions.map((p) => p + 1).join('、')} 份），同一单位只能计入一次。请移除多余的一份。`,
    });
  }
  if (!options.sameAgencyConfirmed) {
    for (const position of sameAgencyUnits(units, options.agency ?? '')) {
      problems.push({
        kind: 'sameAsAgency',
        refuses: true,
        units: [position],
        message: `第 ${position + 1} 份报告的机关“${unitName(units[position]!)}”就是本级机关，多半是本级政府自己的报告误选为下级单位的报告，计入会使本级的数字重复，没有汇总。`,
      });
    }
  }
  units.forEach((unit, index) => {
    if (unit.errors === 0) return;
    problems.push({
      kind: 'unitErrors',
      refuses: false,
      units: [index],
      message: `“${unitName(unit)}”的报告自身检查有 ${unit.errors} 处错误（数字对不上或未填完），已计入汇总，请与该单位核实。`,
    });
  });
  return problems;
}

/** Every input cell summed across the drafts (all of one format); null where every draft is blank. */
export function sumTables(drafts: readonly Draft[]): CellValues {
  const template = templateOf(drafts[0]!);
  const flat = drafts.map((draft) => flattenTables(template, draft.tables));
  const sums: CellValues = {};
  for (const cell of indexTemplate(template).cells) {
    if (cell.computed) {
      sums[cell.key] = null;
      continue;
    }
    let total = 0;
    let reported = false;
    for (const values of flat) {
      const value = values[cell.key];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      reported = true;
      total += Math.round(value * SCALE);
    }
    sums[cell.key] = reported ? total / SCALE : null;
  }
  return computeTotals(template, sums);
}

const FEE_FIELDS = Object.keys(FEE_FIELD_DOMAINS) as FeeField[];

/** The short form of the `feesBlank` flag, for a unit's line in a list of units. */
export const FEES_BLANK_MARK = '没有填写信息处理费';

function reported(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The 信息处理费 figures summed across the drafts, as cells are: null where every draft is blank, otherwise
 * the exact sum (units of 0.0001) of the drafts that gave the figure.
 */
export function sumFees(drafts: readonly Draft[]): FeeStatement {
  const sums = {} as Record<FeeField, number | null>;
  for (const field of FEE_FIELDS) {
    let total = 0;
    let any = false;
    for (const draft of drafts) {
      const value = draft.fees[field];
      if (!reported(value)) continue;
      any = true;
      total += Math.round(value * SCALE);
    }
    sums[field] = any ? total / SCALE : null;
  }
  return sums;
}

/**
 * One flag per unit that left a 信息处理费 figure blank while another unit gave it: the sum of that figure
 * covers only the units that reported it. A figure blank in every unit is not flagged (it stays blank).
 */
export function feeBlankProblems(drafts: readonly Draft[]): RollUpProblem[] {
  const givenSomewhere = FEE_FIELDS.filter((field) => drafts.some((draft) => reported(draft.fees[field])));
  const problems: RollUpProblem[] = [];
  drafts.forEach((draft, index) => {
    const blank = givenSomewhere.filter((field) => !reported(draft.fees[field]));
    if (blank.length === 0) return;
    const names = blank.map((field) => `“${FEE_FIELD_DOMAINS[field].name}（${FEE_FIELD_DOMAINS[field].unit}）”`).join('');
    problems.push({
      kind: 'feesBlank',
      refuses: false,
      units: [index],
      message: `“${draft.agency.name.trim() || '（未填机关名称）'}”的报告${FEES_BLANK_MARK}${names}，汇总中这${blank.length > 1 ? '几' : '一'}项只是其他单位所填数字之和，请与该单位核实后补填。`,
    });
  });
  return problems;
}

/**
 * The sentence that leads the `feesBlank` flags wherever the units are listed together (the app's
 * confirmation before the draft is made, the command line's account): which units left a fee figure blank,
 * and that the summed figures count only the units that gave them. Null when no unit did.
 */
export function feesBlankLead(units: readonly RollUpUnit[], problems: readonly RollUpProblem[]): string | null {
  const positions = problems.filter((problem) => problem.kind === 'feesBlank').flatMap((problem) => problem.units);
  if (positions.length === 0) return null;
  const names = positions.map((position) => `“${unitName(units[position]!)}”`).join('、');
  return `${names}的报告有信息处理费的数字没有填写，汇总的信息处理费只计入填写了的单位：`;
}

export function rollUp(drafts: readonly Draft[], options: RollUpOptions): RollUpResult {
  const units = drafts.map(describeUnit);
  const refusals = rollUpProblems(units, options);
  if (refusals.some((problem) => problem.refuses)) return { ok: false, units, problems: refusals };
  const problems = [...refusals, ...feeBlankProblems(drafts)];
  const template = templateOf(drafts[0]!);
  const draft: Draft = {
    ...emptyDraft(template, drafts[0]!.year, options.agency.trim(), options.now),
    tables: nestTables(template, sumTables(drafts)),
    fees: sumFees(drafts),
  };
  return { ok: true, draft, units, problems, findings: reportFindings(draft) };
}
