/**
 * Progressive checking: a relation with untouched cells is 待填 (pending), not an error, until every
 * cell of it is filled; and a one-click fix is offered only where the correction is determined.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { reportFindings } from '../../src/domain/check.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { suggestFix, suspectCellsText } from '../../src/domain/fixes.ts';
import { evaluateRules } from '../../src/domain/rules.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { emptyDraft, flattenTables, isTouched, nestTables } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';

const t2021 = templates['2021'];

function valuesOf(draft: Draft): CellValues {
  return flattenTables(templates[draft.template], draft.tables);
}

function withValues(draft: Draft, values: CellValues): Draft {
  return { ...draft, tables: nestTables(templates[draft.template], values) };
}

function r31NaturalPerson(findings: readonly Finding[]): Finding | undefined {
  return findings.find((finding) => finding.rule === 'R3.1' && finding.cells.includes('applications.newReceived.naturalPerson'));
}

describe('isTouched', () => {
  it('a cell is touched when the draft holds a value for it, 0 included', () => {
    expect(isTouched(0)).toBe(true);
    expect(isTouched(3001)).toBe(true);
    expect(isTouched(null)).toBe(false);
    expect(isTouched(undefined)).toBe(false);
  });
});

describe('pending relations', () => {
  const firstKeystroke = (): CellValues => {
    const values = flattenTables(t2021, emptyDraft(t2021, 2025, '某某县教育局').tables);
    return computeTotals(t2021, { ...values, 'applications.newReceived.naturalPerson': 3001 });
  };

  it('the first number of table 三 makes every broken relation 待填, none an error, and offers no fix', () => {
    const values = firstKeystroke();
    const relations = evaluateRules(t2021, values).filter((finding) => finding.rule.startsWith('R3.') && finding.rule !== 'R3.5');
    expect(relations.length).toBeGreaterThan(0);
    for (const finding of relations) {
      expect(finding.pending?.length, finding.message).toBeGreaterThan(0);
      expect(finding.message).not.toContain('相差');
      expect(suggestFix(t2021, values, finding)).toBeNull();
    }
    const column = r31NaturalPerson(relations)!;
    expect(column.pending).toContain('applications.carriedOver.naturalPerson');
    expect(column.pending).toContain('applications.carriedForward.naturalPerson');
    expect(column.pending).toContain('applications.granted.naturalPerson');
    expect(column.pending).not.toContain('applications.newReceived.naturalPerson');
    expect(column.message).toMatch(/^自然人：还有 \d+ 格未填（上年结转、予以公开、部分公开等），填完后核对：本年新收 \+ 上年结转 = 办理结果总计 \+ 结转下年度$/);
  });

  it('the report check and the final gate count the same pending findings, and the gate blocks on them', () => {
    const draft = withValues(emptyDraft(t2021, 2025, '某某县教育局'), firstKeystroke());
    const pending = reportFindings(draft).filter((finding) => finding.pending);
    expect(pending.length).toBeGreaterThan(0);
    const blockers = finalBlockers(draft);
    for (const finding of pending) expect(blockers).toContainEqual(finding);
  });

  it('a column becomes an error, with its numbers, once every cell of it is filled', () => {
    const values = valuesOf(office2023Draft());
    values['applications.granted.naturalPerson'] = 7; // the published report has 12
    const finding = r31NaturalPerson(evaluateRules(t2021, computeTotals(t2021, values)))!;
    expect(finding.severity).toBe('error');
    expect(finding.pending).toBeUndefined();
    expect(finding.message).toBe('自然人：本年新收 36 + 上年结转 0 = 36，办理结果总计 29 + 结转下年度 2 = 31，相差 5');
  });

  it('a relation that holds is not reported even while cells are untouched', () => {
    const values = valuesOf(office2023Draft());
    values['applications.denied.naturalPerson'] = null; // already null in the published file: balanced without it
    expect(r31NaturalPerson(evaluateRules(t2021, computeTotals(t2021, values)))).toBeUndefined();
  });
});

describe('when a fix is offered', () => {
  it('exactly one untouched cell: the fix fills it, and the relation then holds', () => {
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.carriedOver.naturalPerson': null, 'applications.newReceived.naturalPerson': 30 });
    const finding = r31NaturalPerson(evaluateRules(t2021, values))!;
    expect(finding.pending).toEqual(['applications.carriedOver.naturalPerson']);
    const fix = suggestFix(t2021, values, finding);
    expect(fix).toEqual({ cell: 'applications.carriedOver.naturalPerson', value: 6, label: '把自然人的上年结转改为 6' });
    expect(r31NaturalPerson(evaluateRules(t2021, computeTotals(t2021, { ...values, [fix!.cell]: fix!.value })))).toBeUndefined();
  });

  it('two untouched cells: no fix, the relation stays 待填', () => {
    const values = computeTotals(t2021, {
      ...valuesOf(office2023Draft()),
      'applications.carriedOver.naturalPerson': null,
      'applications.carriedForward.naturalPerson': null,
    });
    const finding = r31NaturalPerson(evaluateRules(t2021, values))!;
    expect(finding.pending).toHaveLength(2);
    expect(suggestFix(t2021, values, finding)).toBeNull();
  });

  it('a typo in a filled column (1283 for 1288): no fix, the cells that could be wrong are named', () => {
    const values = computeTotals(t2021, { ...valuesOf(office2023Draft()), 'applications.granted.naturalPerson': 11 });
    const finding = r31NaturalPerson(evaluateRules(t2021, values))!;
    expect(finding.pending).toBeUndefined();
    expect(suggestFix(t2021, values, finding)).toBeNull();
    expect(suspectCellsText(t2021, finding)).toBe('本年新收、上年结转、结转下年度，或构成办理结果总计的各项');
  });

  it('an entered total that disagrees with its filled parts gets no fix that would move a part', () => {
    // A draft from elsewhere carries its own （七）总计: R3.1 then compares against the entered total.
    const values = { ...valuesOf(office2023Draft()), 'applications.resultTotal.naturalPerson': 33 };
    const finding = r31NaturalPerson(evaluateRules(t2021, values))!;
    expect(finding.pending).toBeUndefined();
    expect(suggestFix(t2021, values, finding)).toBeNull();
  });

  it('a computed cell that disagrees with its parts: the fix recomputes it', () => {
    const values = { ...valuesOf(office2023Draft()), 'applications.resultTotal.naturalPerson': 33 };
    const finding = evaluateRules(t2021, values).find((candidate) => candidate.rule === 'R3.2' && candidate.cells.includes('applications.resultTotal.naturalPerson'))!;
    expect(suggestFix(t2021, values, finding)).toEqual({ cell: 'applications.resultTotal.naturalPerson', value: 34, label: '把自然人的办理结果总计改为 34' });
  });
});
