/**
 * One-click fixes, offered only where the correction is determined — a fix must never make a table
 * balance around a typo:
 * - a defining rule (R3.2, R3.3, R4.1) whose computed cell disagrees with its parts: set it to the sum;
 * - a relation with exactly one untouched cell (`isTouched`), a term of its own: fill it with the value
 *   that balances the relation (e.g. R3.1's 结转下年度 once everything else of the column is filled);
 * - a rule with a `fixTarget` that is this year's only cell of the relation (C1: 上年结转 = 上年报告结转下年度,
 *   last year's filed report being the given).
 * When every cell of a relation is filled and it still fails, any of them may hold the typo, so no
 * fix: `suspectCellsText` names the cells to look at instead. No fix either when the solution is not a
 * valid value of the cell (e.g. negative), or when the target is a computed cell that another rule
 * defines (the app recomputes it from its parts).
 */
import { formatCellValue } from './cell-input.ts';
import type { CellValues } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { concreteRuleOf, fitsValueType, termValue, type ConcreteRule, type PreviousReport } from './rules.ts';
import { indexTemplate } from './template.ts';
import { isTouched } from './values.ts';
import type { ReportTemplate } from './template-types.ts';

export interface CellFix {
  readonly cell: string;
  readonly value: number;
  /** Chinese button text, e.g. `把自然人的结转下年度改为 2`. */
  readonly label: string;
}

/**
 * The fix for a finding, or null when none is determined. `previous` (last year's report) is needed
 * only for cross-year findings (C1).
 */
export function suggestFix(
  template: ReportTemplate,
  values: CellValues,
  finding: Finding,
  previous?: PreviousReport | null,
): CellFix | null {
  const rule = concreteRuleOf(template, finding);
  if (!rule || rule.relation !== 'equal') return null;
  const target = determinedTarget(rule, values);
  if (target === undefined) return null;
  const info = indexTemplate(template).cellsByKey.get(target);
  if (!info || (info.computed && !rule.computes)) return null;

  const sides = [
    { terms: rule.left, sign: 1 },
    { terms: rule.right, sign: -1 },
  ];
  let difference = 0;
  let coefficient = 0;
  for (const { terms, sign } of sides) {
    for (const term of terms) {
      const value = termValue(term, values, previous?.values);
      if (value === undefined) return null;
      const termSign = term.negate ? -sign : sign;
      difference += termSign * value;
      if (!term.previousYear && term.cells.includes(target)) {
        // The target must be a term of its own, not one cell of a sum shown as a whole.
        if (term.cells.length !== 1 || coefficient !== 0) return null;
        coefficient = termSign;
      }
    }
  }
  if (coefficient === 0) return null;
  const current = values[target];
  const currentNumber = typeof current === 'number' && Number.isFinite(current) ? current : 0;
  const value = Math.round((currentNumber - difference / coefficient) * 1e4) / 1e4;
  if (value === current || !fitsValueType(value, info.valueType)) return null;

  const termLabel = [...rule.left, ...rule.right].find((term) => !term.previousYear && term.cells[0] === target)!.label;
  const place = rule.scopeLabel === '' ? termLabel : `${rule.scopeLabel}的${termLabel}`;
  return { cell: target, value, label: `把${place}改为 ${formatCellValue(value)}` };
}

/** The cell a fix may set without guessing which cell holds the mistake; undefined when there is none. */
function determinedTarget(rule: ConcreteRule, values: CellValues): string | undefined {
  if (rule.computes) return rule.left[0]!.cells[0]!;
  const untouched = rule.inputs.filter((key) => !isTouched(values[key]));
  if (untouched.length === 1) return untouched[0];
  if (untouched.length === 0 && rule.inputs.length === 1 && rule.fixTarget === rule.inputs[0]) return rule.fixTarget;
  return undefined;
}

/**
 * For a relation finding without a determined fix: the cells that could hold the mistake, in Chinese,
 * e.g. `本年新收、上年结转、结转下年度，或构成办理结果总计的各项`. A computed term is named by what it is
 * made of, since the clerk corrects the cells behind it. Null for findings that are not relations.
 */
export function suspectCellsText(template: ReportTemplate, finding: Finding): string | null {
  const rule = concreteRuleOf(template, finding);
  if (!rule) return null;
  const cells = indexTemplate(template).cellsByKey;
  const terms = [...rule.left, ...rule.right].filter((term) => !term.previousYear);
  const isComputed = (term: (typeof terms)[number]) => term.cells.length === 1 && cells.get(term.cells[0]!)?.computed === true;
  // The cells typed directly first, the totals' parts last: 本年新收、上年结转、结转下年度，或构成办理结果总计的各项.
  const names = [
    ...terms.filter((term) => !isComputed(term)).map((term) => term.label),
    ...terms.filter(isComputed).map((term) => `构成${term.label}的各项`),
  ];
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join('、')}，或${names[names.length - 1]!}`;
}
