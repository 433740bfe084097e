/** computeTotals (the computed cells from their defining rules) and suggestFix (one-click fixes). */
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { suggestFix } from '../../src/domain/fixes.ts';
import { evaluateRules } from '../../src/domain/rules.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { flattenTables } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

const t2021 = templates['2021'];
const t2019 = templates['2019'];

function valuesOf(draft: Draft): CellValues {
  return flattenTables(templates[draft.template], draft.tables);
}

function withoutTotals(draft: Draft): CellValues {
  const template = templates[draft.template];
  const values = valuesOf(draft);
  for (const cell of indexTemplate(template).cells) if (cell.computed) values[cell.key] = null;
  return values;
}

describe('computeTotals', () => {
  it.each([
    ['2023 office', office2023Draft],
    ['2020 district', district2020Draft],
  ] as const)('recomputes every total of the %s report exactly as published', (_, fixture) => {
    const draft = fixture();
    expect(computeTotals(templates[draft.template], withoutTotals(draft))).toEqual(valuesOf(draft));
  });

  it('gets （七）总计 of the 总计 column right (it depends on other totals)', () => {
    const values = withoutTotals(office2023Draft());
    values['applications.granted.research'] = 4;
    const totals = computeTotals(t2021, values);
    expect(totals['applications.resultTotal.research']).toBe(4);
    expect(totals['applications.granted.total']).toBe(24);
    expect(totals['applications.resultTotal.total']).toBe(54);
  });

  it('replaces wrong totals, leaves inputs alone and does not mutate its argument', () => {
    const values = valuesOf(district2020Draft());
    values['reviewLitigation.review.total'] = 9;
    values['applications.newReceived.total'] = 0;
    const snapshot = { ...values };
    const totals = computeTotals(t2019, values);
    expect(values).toEqual(snapshot);
    expect(totals['reviewLitigation.review.total']).toBe(2);
    expect(totals['applications.newReceived.total']).toBe(91);
    for (const cell of indexTemplate(t2019).cells) if (!cell.computed) expect(totals[cell.key]).toBe(values[cell.key]);
  });

  it('an untouched row keeps an untouched total; untouched parts beside numbers count as 0', () => {
    const values = withoutTotals(office2023Draft());
    for (const column of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']) {
      values[`applications.carriedOver.${column}`] = null;
    }
    values['applications.newReceived.research'] = null;
    const totals = computeTotals(t2021, values);
    expect(totals['applications.carriedOver.total']).toBeNull();
    expect(totals['applications.newReceived.total']).toBe(52);
  });
});

function findingOf(findings: Finding[], rule: string, cell: string): Finding {
  const finding = findings.find((candidate) => candidate.rule === rule && candidate.cells.includes(cell));
  if (!finding) throw new Error(`no ${rule} finding on ${cell} in ${JSON.stringify(findings)}`);
  return finding;
}

function apply(values: CellValues, fix: { cell: string; value: number }): CellValues {
  return { ...values, [fix.cell]: fix.value };
}

describe('suggestFix', () => {
  it('R3.1: fills an untouched 结转下年度 with 本年新收 + 上年结转 − （七）总计; the app then balances', () => {
    // The published report has 2 in this cell.
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.carriedForward.naturalPerson': null });
    const finding = findingOf(evaluateRules(t2021, values), 'R3.1', 'applications.newReceived.naturalPerson');
    const fix = suggestFix(t2021, values, finding);
    expect(fix).toEqual({ cell: 'applications.carriedForward.naturalPerson', value: 2, label: '把自然人的结转下年度改为 2' });
    expect(evaluateRules(t2021, computeTotals(t2021, apply(values, fix!)))).toEqual([]);
  });

  it('R3.1: no fix when every cell of the column is filled: the typo could be in any of them', () => {
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.carriedForward.naturalPerson': 3 });
    const finding = findingOf(evaluateRules(t2021, values), 'R3.1', 'applications.newReceived.naturalPerson');
    expect(suggestFix(t2021, values, finding)).toBeNull();
  });

  it('R3.1: no fix for the 总计 column (computed), nor when 结转下年度 would be negative', () => {
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.carriedForward.naturalPerson': 3 });
    expect(suggestFix(t2021, values, findingOf(evaluateRules(t2021, values), 'R3.1', 'applications.newReceived.total'))).toBeNull();

    const over = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.granted.naturalPerson': 15 });
    const finding = findingOf(evaluateRules(t2021, over), 'R3.1', 'applications.newReceived.naturalPerson');
    expect(finding.message).toBe('自然人：本年新收 36 + 上年结转 0 = 36，办理结果总计 37 + 结转下年度 2 = 39，相差 3');
    expect(suggestFix(t2021, over, finding)).toBeNull();
  });

  it('R3.2: sets （七）总计 to the sum of the result rows', () => {
    const values = { ...valuesOf(office2023Draft()), 'applications.granted.naturalPerson': 13, 'applications.granted.total': 21 };
    const finding = findingOf(evaluateRules(t2021, values), 'R3.2', 'applications.resultTotal.naturalPerson');
    const fix = suggestFix(t2021, values, finding);
    expect(fix).toEqual({ cell: 'applications.resultTotal.naturalPerson', value: 35, label: '把自然人的办理结果总计改为 35' });
    expect(evaluateRules(t2021, apply(values, fix!))).not.toContainEqual(finding);
  });

  it('R3.3: sets the row total to the sum of the applicant columns', () => {
    const values = { ...valuesOf(district2020Draft()), 'applications.newReceived.total': 0 };
    const finding = findingOf(evaluateRules(t2019, values), 'R3.3', 'applications.newReceived.total');
    const fix = suggestFix(t2019, values, finding);
    expect(fix).toEqual({ cell: 'applications.newReceived.total', value: 91, label: '把本年新收的总计改为 91' });
    expect(evaluateRules(t2019, apply(values, fix!))).toEqual([]);
  });

  it('R4.1: sets the group total', () => {
    const values = { ...valuesOf(office2023Draft()), 'reviewLitigation.litigationDirect.corrected': 2 };
    const finding = findingOf(evaluateRules(t2021, values), 'R4.1', 'reviewLitigation.litigationDirect.total');
    const fix = suggestFix(t2021, values, finding);
    expect(fix).toEqual({ cell: 'reviewLitigation.litigationDirect.total', value: 2, label: '把未经复议直接起诉的总计改为 2' });
    expect(evaluateRules(t2021, apply(values, fix!))).toEqual([]);
  });

  it('C1: sets 上年结转 to last year’s 结转下年度 (needs last year’s report)', () => {
    const values = valuesOf(office2023Draft());
    const previous = { template: t2021, values: { ...values, 'applications.carriedForward.naturalPerson': 5, 'proactive.normativeDocuments.inForce': 127 } };
    const finding = findingOf(evaluateRules(t2021, values, previous), 'C1', 'applications.carriedOver.naturalPerson');
    const fix = suggestFix(t2021, values, finding, previous);
    expect(fix).toEqual({ cell: 'applications.carriedOver.naturalPerson', value: 5, label: '把自然人的上年结转改为 5' });
    expect(evaluateRules(t2021, computeTotals(t2021, apply(values, fix!)), previous)).not.toContainEqual(finding);
    expect(suggestFix(t2021, values, finding)).toBeNull();
  });

  it('offers nothing where the fix is not determined', () => {
    const values = {
      ...valuesOf(district2020Draft()),
      'applications.granted.commercial': -1,
      'proactive.otherServices.change': -500,
      'reviewLitigation.review.upheld': null,
    };
    const findings = evaluateRules(t2019, values);
    for (const rule of ['R3.4', 'R2.19b', 'R3.5']) expect(suggestFix(t2019, values, findingOf(findings, rule, findings.find((f) => f.rule === rule)!.cells[0]!))).toBeNull();
    expect(suggestFix(t2019, values, { rule: 'R3.1', severity: 'error', cells: ['applications.nowhere'], message: '' })).toBeNull();
    const c2 = findingOf(
      evaluateRules(t2021, valuesOf(office2023Draft()), { template: t2021, values: { ...valuesOf(office2023Draft()), 'proactive.regulations.inForce': 3 } }),
      'C2',
      'proactive.regulations.inForce',
    );
    expect(suggestFix(t2021, valuesOf(office2023Draft()), c2)).toBeNull();
  });

  it('a finding that no longer applies gets no fix', () => {
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.carriedForward.naturalPerson': 3 });
    const finding = findingOf(evaluateRules(t2021, values), 'R3.1', 'applications.newReceived.naturalPerson');
    expect(suggestFix(t2021, valuesOf(office2023Draft()), finding)).toBeNull();
  });
});
