/**
 * Property tests (fast-check) of the rules engine, both formats:
 * - a randomly generated balanced report has no finding at all;
 * - changing any single input cell of tables 三 or 四 of a balanced report raises at least one error
 *   that names that cell.
 *
 * Table 二 is left out of the second property on purpose: in the 2021 format it has no same-year
 * arithmetic at all (R2.1/R2.2 only check each value's type, so any other valid number is just as
 * right), and in the 2019 format its only same-year relations (R2.19b, R2.19c) are inequalities with
 * warning severity, which a small change need not cross.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import type { CellValues } from '../../src/domain/draft-types.ts';
import { evaluateRules } from '../../src/domain/rules.ts';
import type { CellInfo } from '../../src/domain/table-layout.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import type { ReportTemplate, ValueType } from '../../src/domain/template-types.ts';
import { computeTotals } from '../../src/domain/totals.ts';

function valueArbitrary(valueType: ValueType): fc.Arbitrary<number> {
  switch (valueType) {
    case 'count':
      return fc.nat({ max: 500 });
    case 'signedCount':
      return fc.integer({ min: -500, max: 500 });
    case 'amount':
      // 万元 with at most 4 decimals.
      return fc.nat({ max: 10_000_000 }).map((tenThousandths) => tenThousandths / 1e4);
  }
}

function inputCells(template: ReportTemplate): CellInfo[] {
  return indexTemplate(template).cells.filter((cell) => !cell.computed);
}

/**
 * A balanced report: random inputs, then the balance the rules ask for — 结转下年度 = 本年新收 + 上年结转
 * − （七）总计 per column (本年新收 raised where that would be negative), and for the 2019 table 二 a
 * 本年增/减 that leaves the item count ≥ 0 and a 对外公开总数量 not below 本年新公开数量. Totals by
 * computeTotals.
 */
function balancedReport(template: ReportTemplate): fc.Arbitrary<CellValues> {
  const cells = inputCells(template);
  return fc.tuple(...cells.map((cell) => valueArbitrary(cell.valueType))).map((numbers) => {
    const values: CellValues = Object.fromEntries(cells.map((cell, i) => [cell.key, numbers[i]!]));
    for (const cell of cells) {
      if (cell.table === 'proactive' && cell.columnKey === 'change') {
        const previous = values[`proactive.${cell.rowKey}.previousItems`] as number;
        values[cell.key] = Math.max(values[cell.key] as number, -previous);
      }
      if (cell.table === 'proactive' && cell.columnKey === 'totalPublished') {
        values[cell.key] = (values[cell.key] as number) + (values[`proactive.${cell.rowKey}.newlyPublished`] as number);
      }
    }
    let withTotals = computeTotals(template, values);
    for (const cell of cells.filter((candidate) => candidate.rowKey === 'carriedForward')) {
      const column = cell.columnKey;
      const available =
        (withTotals[`applications.newReceived.${column}`] as number) + (withTotals[`applications.carriedOver.${column}`] as number);
      const handled = withTotals[`applications.resultTotal.${column}`] as number;
      if (available < handled) values[`applications.newReceived.${column}`] = (values[`applications.newReceived.${column}`] as number) + handled - available;
      values[cell.key] = Math.max(available - handled, 0);
    }
    withTotals = computeTotals(template, values);
    return withTotals;
  });
}

describe.each([templates['2021'], templates['2019']])('template $id', (template) => {
  it('a randomly generated balanced report has no finding', () => {
    fc.assert(
      fc.property(balancedReport(template), (values) => {
        expect(evaluateRules(template, values)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('changing any single input cell of tables 三 or 四 raises an error naming that cell', () => {
    const candidates = inputCells(template).filter((cell) => cell.table !== 'proactive');
    fc.assert(
      fc.property(
        balancedReport(template),
        fc.constantFrom(...candidates),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (values, cell, step, down) => {
          const before = values[cell.key] as number;
          // Keep the new value a valid count, so that only the arithmetic can object.
          const after = down && before >= step ? before - step : before + step;
          const changed = { ...values, [cell.key]: after };
          const errors = evaluateRules(template, changed).filter((finding) => finding.severity === 'error');
          expect(errors.some((finding) => finding.cells.includes(cell.key)), `${cell.key}: ${before} → ${after}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
