/**
 * The roll-up of units' reports into the government's tables: sums, blanks, exact amounts, refusals and
 * flagged units. Expected figures are worked out by hand from the fixtures' published numbers.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { rollUp } from '../../src/domain/rollup.ts';
import { flattenTables, emptyDraft, nestTables, templateOf } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

function named(draft: Draft, agency: string): Draft {
  return { ...draft, agency: { ...draft.agency, name: agency } };
}

/** An empty 2023 report (2021 format) of `agency` with the given cells set. */
function unit(agency: string, cells: Record<string, number>): Draft {
  const template = templates['2021'];
  const draft = emptyDraft(template, 2023, agency);
  const values = { ...flattenTables(template, draft.tables), ...cells };
  return { ...draft, tables: nestTables(template, values) };
}

/** `draft` with its 信息处理费 figures set (null: left blank). */
function withFees(draft: Draft, noticesIssued: number | null, noticesAmount: number | null, collectedAmount: number | null): Draft {
  return { ...draft, fees: { noticesIssued, noticesAmount, collectedAmount } };
}

function cellsOf(draft: Draft) {
  return flattenTables(templateOf(draft), draft.tables);
}

describe('rollUp', () => {
  it('sums every cell of two balanced reports and recomputes the totals', () => {
    const result = rollUp([named(office2023Draft(), '镇海区发改局'), named(office2023Draft(), '招宝山街道办事处')], { agency: '宁波市镇海区人民政府' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cells = cellsOf(result.draft);
    // Published: 自然人 36, 商业企业 16, 本年新收 合计 52; 规范性文件 制发 9, 现行有效 116.
    expect(cells['applications.newReceived.naturalPerson']).toBe(72);
    expect(cells['applications.newReceived.commercial']).toBe(32);
    expect(cells['applications.newReceived.total']).toBe(104);
    expect(cells['proactive.normativeDocuments.issued']).toBe(18);
    expect(cells['proactive.normativeDocuments.inForce']).toBe(232);
    expect(result.draft.agency.name).toBe('宁波市镇海区人民政府');
    expect(result.draft.year).toBe(2023);
    expect(result.draft.template).toBe('2021');
    expect(result.units.map((u) => u.agency)).toEqual(['镇海区发改局', '招宝山街道办事处']);
    expect(result.units[0]).toMatchObject({ year: 2023, format: '2021年版格式', variant: null, errors: 0 });
    expect(result.problems).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves a cell blank in every unit blank (null, not 0), and sums a cell reported by one unit only', () => {
    const result = rollUp(
      [unit('甲局', { 'applications.newReceived.naturalPerson': 3 }), unit('乙局', { 'applications.newReceived.naturalPerson': 4, 'applications.newReceived.commercial': 2 })],
      { agency: '某县人民政府' },
    );
    if (!result.ok) throw new Error('refused');
    const cells = cellsOf(result.draft);
    expect(cells['applications.newReceived.naturalPerson']).toBe(7);
    expect(cells['applications.newReceived.commercial']).toBe(2);
    expect(cells['applications.newReceived.total']).toBe(9);
    expect(cells['applications.newReceived.research']).toBeNull();
    expect(cells['applications.carriedOver.total']).toBeNull();
    expect(cells['proactive.fees.amount']).toBeNull();
  });

  it('keeps amounts in 万元 exact to 4 decimals (0.1 + 0.2 is 0.3)', () => {
    const result = rollUp(
      [unit('甲局', { 'proactive.fees.amount': 0.1 }), unit('乙局', { 'proactive.fees.amount': 0.2 }), unit('丙镇', { 'proactive.fees.amount': 1234.5678 })],
      { agency: '某县人民政府' },
    );
    if (!result.ok) throw new Error('refused');
    expect(cellsOf(result.draft)['proactive.fees.amount']).toBe(1234.8678);
    const two = rollUp([unit('甲局', { 'proactive.fees.amount': 0.1 }), unit('乙局', { 'proactive.fees.amount': 0.2 })], { agency: '某县人民政府' });
    if (!two.ok) throw new Error('refused');
    expect(cellsOf(two.draft)['proactive.fees.amount']).toBe(0.3);
  });

  it('refuses units of different years, naming which unit is of which year', () => {
    const later = { ...unit('乙局', {}), year: 2024 };
    const result = rollUp([unit('甲局', {}), later], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.kind === 'mixedYears');
    expect(problem?.refuses).toBe(true);
    expect(problem?.message).toContain('2023 年度：甲局');
    expect(problem?.message).toContain('2024 年度：乙局');
  });

  it('refuses units of different formats, naming them', () => {
    const result = rollUp([named(office2023Draft(), '甲局'), { ...named(district2020Draft(), '乙局'), year: 2023 }], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.kind === 'mixedFormats');
    expect(problem?.message).toContain('2021年版格式：甲局');
    expect(problem?.message).toContain('2019年版格式（试行）：乙局');
  });

  it('refuses a local variant mixed with the national format', () => {
    const zhejiang = { ...named(district2020Draft(), '乙局'), variant: 'zhejiang' } as Draft;
    const result = rollUp([named(district2020Draft(), '甲局'), zhejiang], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain('mixedFormats');
  });

  it('refuses the same agency twice, even with a stray space in the name', () => {
    const result = rollUp([unit('甲局', {}), unit('乙局', {}), unit(' 甲局', {})], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.kind === 'duplicateAgency');
    expect(problem?.units).toEqual([0, 2]);
    expect(problem?.message).toContain('“甲局”的报告选了 2 次（第 1、3 份）');
  });

  it('refuses a unit named as the government itself (its own report chosen by mistake), naming it', () => {
    const result = rollUp([unit('甲局', {}), unit('某县 人民政府', {})], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.kind === 'sameAsAgency');
    expect(problem).toMatchObject({ refuses: true, units: [1] });
    expect(problem?.message).toBe('第 2 份报告的机关“某县 人民政府”就是本级机关，多半是本级政府自己的报告误选为下级单位的报告，计入会使本级的数字重复，没有汇总。');
  });

  it('sums a unit of the government’s name once the office confirms it is a unit’s report', () => {
    const result = rollUp(
      [unit('甲局', { 'applications.newReceived.naturalPerson': 3 }), unit('某县人民政府', { 'applications.newReceived.naturalPerson': 4 })],
      { agency: '某县人民政府', sameAgencyConfirmed: true },
    );
    if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join('；')}`);
    expect(result.problems.filter((p) => p.kind === 'sameAsAgency')).toEqual([]);
    expect(cellsOf(result.draft)['applications.newReceived.naturalPerson']).toBe(7);
  });

  it('compares no unit with a government name not yet given', () => {
    const result = rollUp([unit('甲局', {}), unit('', {})], { agency: ' ' });
    expect(result.problems.filter((p) => p.kind === 'sameAsAgency')).toEqual([]);
  });

  it('refuses an empty list', () => {
    const result = rollUp([], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toContain('还没有选择');
  });

  it('includes a unit whose own check has errors, flags it with its error count, and the summed check shows it', () => {
    const broken = named(office2023Draft(), '乙局');
    // Published 本年新收 合计 52 = 36 + 16: printing 60 makes the row disagree with its parts.
    (broken.tables.applications!.newReceived as Record<string, number>).total = 60;
    const result = rollUp([named(office2023Draft(), '甲局'), broken], { agency: '某县人民政府' });
    if (!result.ok) throw new Error('refused');
    expect(result.units[1]?.errors).toBeGreaterThan(0);
    const flag = result.problems.find((p) => p.kind === 'unitErrors');
    expect(flag).toMatchObject({ refuses: false, units: [1] });
    expect(flag?.message).toContain(`“乙局”的报告自身检查有 ${result.units[1]!.errors} 处错误`);
    // The sum recomputes the total from the parts: 36 + 16 twice.
    expect(cellsOf(result.draft)['applications.newReceived.total']).toBe(104);
  });

  it('sums the 信息处理费 figures of every unit, exact to the fen (0.1 + 0.2 is 0.3)', () => {
    const result = rollUp(
      [withFees(unit('甲局', {}), 2, 120.5, 100.1), withFees(unit('乙局', {}), 1, 30.25, 0.2), withFees(unit('丙镇', {}), 0, 0, 0)],
      { agency: '某县人民政府' },
    );
    if (!result.ok) throw new Error('refused');
    expect(result.draft.fees).toEqual({ noticesIssued: 3, noticesAmount: 150.75, collectedAmount: 100.3 });
    expect(result.problems).toEqual([]);
    const tenths = rollUp([withFees(unit('甲局', {}), 1, 0.1, 0.1), withFees(unit('乙局', {}), 1, 0.2, 0.2)], { agency: '某县人民政府' });
    if (!tenths.ok) throw new Error('refused');
    expect(tenths.draft.fees).toEqual({ noticesIssued: 2, noticesAmount: 0.3, collectedAmount: 0.3 });
  });

  it('leaves a 信息处理费 figure blank in every unit blank (null, not 0), without a flag', () => {
    const result = rollUp([withFees(unit('甲局', {}), 0, null, null), withFees(unit('乙局', {}), 1, null, null)], { agency: '某县人民政府' });
    if (!result.ok) throw new Error('refused');
    expect(result.draft.fees).toEqual({ noticesIssued: 1, noticesAmount: null, collectedAmount: null });
    expect(result.problems).toEqual([]);
    const none = rollUp([unit('甲局', {}), unit('乙局', {})], { agency: '某县人民政府' });
    if (!none.ok) throw new Error('refused');
    expect(none.draft.fees).toEqual({ noticesIssued: null, noticesAmount: null, collectedAmount: null });
  });

  it('sums a 信息处理费 figure some units left blank from those that gave it, and flags each unit that left it blank', () => {
    const result = rollUp(
      [withFees(unit('甲局', {}), 2, 80, 80), withFees(unit('乙局', {}), null, null, null), withFees(unit('丙镇', {}), 1, 15.5, null)],
      { agency: '某县人民政府' },
    );
    if (!result.ok) throw new Error('refused');
    expect(result.draft.fees).toEqual({ noticesIssued: 3, noticesAmount: 95.5, collectedAmount: 80 });
    const flags = result.problems.filter((p) => p.kind === 'feesBlank');
    expect(flags).toEqual([
      {
        kind: 'feesBlank',
        refuses: false,
        units: [1],
        message:
          '“乙局”的报告没有填写信息处理费“本年发出收费通知件数（件）”“收费通知金额合计（元）”“实际收取信息处理费（元）”，汇总中这几项只是其他单位所填数字之和，请与该单位核实后补填。',
      },
      {
        kind: 'feesBlank',
        refuses: false,
        units: [2],
        message: '“丙镇”的报告没有填写信息处理费“实际收取信息处理费（元）”，汇总中这一项只是其他单位所填数字之和，请与该单位核实后补填。',
      },
    ]);
  });

  it('does not flag blank 信息处理费 figures when the roll-up is refused', () => {
    const result = rollUp([withFees(unit('甲局', {}), 1, 5, 5), withFees({ ...unit('乙局', {}), year: 2024 }, null, null, null)], { agency: '某县人民政府' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(['mixedYears']);
  });
});
