/**
 * The computed cells (表三 总计 column and （七）总计 row, 表四 总计), each from its single defining rule
 * (`computes: true`). The app shows them read-only; a draft from elsewhere keeps its own totals and the
 * checks report any that disagree, so this is only applied where the app owns the values.
 */
import type { CellValues } from './draft-types.ts';
import { expandRules, type ConcreteRule } from './rules.ts';
import type { ReportTemplate } from './template-types.ts';

interface Definition {
  readonly target: string;
  readonly keys: readonly string[];
  readonly signs: readonly number[];
}

const orders = new WeakMap<ReportTemplate, readonly Definition[]>();

function definitionOf(rule: ConcreteRule): Definition {
  const keys: string[] = [];
  const signs: number[] = [];
  for (const term of rule.right) {
    for (const cell of term.cells) {
      keys.push(cell);
      signs.push(term.negate ? -1 : 1);
    }
  }
  return { target: rule.left[0]!.cells[0]!, keys, signs };
}

/**
 * Defining rules in dependency order: a total over other totals comes after them (表三 （七）总计 in the
 * 总计 column sums the （七）总计 row's applicant columns, each itself a sum of the result rows).
 */
function definitionsInOrder(template: ReportTemplate): readonly Definition[] {
  const cached = orders.get(template);
  if (cached) return cached;
  const definitions = expandRules(template)
    .filter((rule) => rule.computes)
    .map(definitionOf);
  const byTarget = new Map(definitions.map((definition) => [definition.target, definition]));
  const ordered: Definition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (definition: Definition): void => {
    const seen = state.get(definition.target);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`template ${template.id}: computed cells form a cycle at ${definition.target}`);
    state.set(definition.target, 'visiting');
    for (const key of definition.keys) {
      const dependency = byTarget.get(key);
      if (dependency) visit(dependency);
    }
    state.set(definition.target, 'done');
    ordered.push(definition);
  };
  definitions.forEach(visit);
  orders.set(template, ordered);
  return ordered;
}

/**
 * A copy of `values` with every computed cell recomputed from its parts. Untouched parts count as 0; a
 * total whose parts are all untouched stays untouched (null), so an empty row does not print 0.
 */
export function computeTotals(template: ReportTemplate, values: CellValues): CellValues {
  const result: CellValues = { ...values };
  for (const { target, keys, signs } of definitionsInOrder(template)) {
    let sum = 0;
    let touched = false;
    for (let i = 0; i < keys.length; i += 1) {
      const value = result[keys[i]!];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      touched = true;
      sum += signs[i]! * value;
    }
    result[target] = touched ? Math.round(sum * 1e4) / 1e4 : null;
  }
  return result;
}
