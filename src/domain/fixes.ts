/**
 * One-click fixes for findings whose correction is determined by the rule itself:
 * - a defining rule (R3.2, R3.3, R4.1) whose computed cell disagrees with its parts: set it to the sum;
 * - a rule with a `fixTarget` (R3.1 → 结转下年度 = 本年新收 + 上年结转 − （七）总计; C1 → 上年结转 =
 *   上年报告结转下年度): solve the equation for that cell.
 * No fix is offered when the solution is not a valid value of the cell (e.g. negative), or when the
 * target is a computed cell that another rule defines (the app recomputes it from its parts).
 */
import { formatCellValue } from './cell-input.ts';
import type { CellValues } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { concreteRuleOf, fitsValueType, termValue, type PreviousReport } from './rules.ts';
import { indexTemplate } from './template.ts';
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
  const target = rule.computes ? rule.left[0]!.cells[0]! : rule.fixTarget;
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
