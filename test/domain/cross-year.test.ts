import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import {
  applyCarryOver,
  carryOverProposal,
  comparableHeadlines,
  crossYearSummary,
  headlines,
  previousValueLookup,
  swingWarnings,
} from '../../src/domain/cross-year.ts';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import { checkDraft } from '../../src/domain/rules.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from '../../src/domain/values.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

function valuesOf(draft: Draft): CellValues {
  return flattenTables(templateOf(draft), draft.tables);
}

/** A copy of the draft with some cells set and every total recomputed, as the app keeps them. */
function withCells(draft: Draft, cells: CellValues, year = draft.year): Draft {
  const template = templateOf(draft);
  const values = computeTotals(template, { ...valuesOf(draft), ...cells });
  return { ...structuredClone(draft), year, tables: nestTables(template, values) };
}

/**
 * Every input cell 0, then the given cells, totals computed; the narrative is the district's 2020 text,
 * so that the report is complete and only its tables raise findings.
 */
function filledDraft(templateId: '2021' | '2019', year: number, agency: string, cells: CellValues): Draft {
  const template = templates[templateId];
  const base = emptyDraft(template, year, agency, new Date('2025-01-10T00:00:00Z'));
  const zeros = Object.fromEntries(Object.keys(valuesOf(base)).map((key) => [key, 0]));
  return withCells({ ...base, narrative: district2020Draft().narrative, tables: nestTables(template, zeros) }, cells);
}

const office2023 = deepFreeze(office2023Draft());
const district2020 = deepFreeze(district2020Draft());
const crossYearRules = (findings: readonly { rule: string }[]) => findings.map((finding) => finding.rule);

/**
 * The office's 2022 report, consistent with its 2023 report (fixture): it carried forward what 2023
 * carried over (nothing), and its 现行有效件数 plus 2023's 制发 minus 废止 gives 2023's.
 * 2023: 行政规范性文件 制发 9, 废止 20, 现行有效 116 → 2022 现行有效 127.
 */
const office2022 = deepFreeze(
  withCells(
    office2023,
    {
      'applications.newReceived.naturalPerson': 34,
      'applications.carriedForward.naturalPerson': 0,
      'proactive.normativeDocuments.issued': 10,
      'proactive.normativeDocuments.repealed': 15,
      'proactive.normativeDocuments.inForce': 127,
    },
    2022,
  ),
);

/**
 * The district's 2019 report, consistent with its 2020 report (fixture): 结转下年度 自然人 2 (2020
 * 上年结转), 上一年项目数量 + 本年增/减 = 2020's 上一年项目数量, 对外公开总数量 113 + 2020's 本年新公开 27 = 140.
 */
const district2019 = deepFreeze(
  withCells(
    district2020,
    {
      'applications.newReceived.naturalPerson': 80,
      'applications.carriedOver.naturalPerson': 0,
      'applications.granted.naturalPerson': 38,
      'applications.carriedForward.naturalPerson': 2,
      'proactive.normativeDocuments.totalPublished': 113,
      'proactive.licensing.previousItems': 800,
      'proactive.licensing.change': -8,
      'proactive.otherServices.previousItems': 415,
      'proactive.otherServices.change': 0,
      'proactive.penalty.previousItems': 5046,
      'proactive.penalty.change': 0,
      'proactive.coercion.previousItems': 145,
      'proactive.coercion.change': 0,
      'proactive.fees.previousItems': 18,
      'proactive.fees.change': 2,
    },
    2019,
  ),
);

/** The district's 2021 report in the new format; 上年结转 left for the carry-over. */
const district2021 = deepFreeze(
  filledDraft('2021', 2021, '宁波市镇海区人民政府', {
    'applications.newReceived.naturalPerson': 110,
    'applications.newReceived.commercial': 3,
    'applications.carriedOver.naturalPerson': null,
    'applications.granted.naturalPerson': 45,
    'applications.granted.commercial': 3,
    'applications.partiallyGranted.naturalPerson': 15,
    'applications.unavailable.notHeld.naturalPerson': 20,
    'applications.otherHandling.overdueCorrection.naturalPerson': 30,
    'applications.carriedForward.naturalPerson': 5,
    'reviewLitigation.review.upheld': 2,
    'proactive.normativeDocuments.issued': 30,
    'proactive.normativeDocuments.inForce': 150,
    'proactive.licensing.decisions': 30000,
  }),
);

describe('the constructed pairs', () => {
  it('are balanced reports, so that every cross-year finding below comes from the pairing', () => {
    expect(checkDraft(office2022)).toEqual([]);
    expect(checkDraft(district2019)).toEqual([]);
    // 2021 before the carry-over: 上年结转 自然人 untouched (R3.5) and R3.1 short by the 5 carried over.
    expect(crossYearRules(checkDraft(district2021)).sort()).toEqual(['R3.1', 'R3.1', 'R3.5']);
  });
});

describe('2022 → 2023, both in the 2021 format', () => {
  it('has no cross-year finding and skips nothing when the reports agree', () => {
    const summary = crossYearSummary(office2023, office2022);
    expect(summary).toEqual({ pairing: [], findings: [], skipped: [], swings: [] });
  });

  it('reports C1 per column and C2 per row when they do not', () => {
    const previous = withCells(office2022, {
      'applications.newReceived.commercial': 1,
      'applications.carriedForward.commercial': 1,
      'proactive.normativeDocuments.inForce': 120,
    });
    const summary = crossYearSummary(office2023, previous);
    expect(crossYearRules(summary.findings)).toEqual(['C1', 'C1', 'C2']);
    expect(summary.findings[0]!.cells).toEqual(['applications.carriedOver.commercial']);
    expect(summary.findings[0]!.message).toContain('商业企业');
    expect(summary.findings[1]!.cells[0]).toBe('applications.carriedOver.total');
    expect(summary.findings[2]!.cells[0]).toBe('proactive.normativeDocuments.inForce');
    expect(summary.findings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(summary.skipped).toEqual([]);
  });

  it('proposes last year’s 结转下年度 for every column of 上年结转 and applies all or one', () => {
    const current = withCells(office2023, { 'applications.carriedOver.naturalPerson': null });
    const previous = withCells(office2022, {
      'applications.newReceived.naturalPerson': 51,
      'applications.carriedForward.naturalPerson': 3,
      'applications.newReceived.research': 2,
      'applications.granted.research': 1,
      'applications.carriedForward.research': 1,
    });
    const proposal = carryOverProposal(current, previous);
    expect(proposal.map((item) => item.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织', '总计']);
    expect(proposal.map((item) => item.cell)).toEqual(
      ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map(
        (column) => `applications.carriedOver.${column}`,
      ),
    );
    expect(proposal[0]).toEqual({
      cell: 'applications.carriedOver.naturalPerson',
      previousCell: 'applications.carriedForward.naturalPerson',
      label: '自然人',
      proposed: 3,
      current: null,
      computed: false,
      differs: true,
    });
    expect(proposal[2]).toMatchObject({ proposed: 1, current: 0, differs: true });
    expect(proposal[1]).toMatchObject({ proposed: 0, current: 0, differs: false });
    expect(proposal[6]).toMatchObject({ proposed: 4, current: 0, computed: true, differs: true });

    const onlyResearch = applyCarryOver(deepFreeze(current), previous, ['applications.carriedOver.research']);
    expect(valuesOf(onlyResearch)).toMatchObject({
      'applications.carriedOver.naturalPerson': null,
      'applications.carriedOver.research': 1,
      'applications.carriedOver.total': 1,
    });

    const all = applyCarryOver(current, previous);
    expect(valuesOf(all)).toMatchObject({
      'applications.carriedOver.naturalPerson': 3,
      'applications.carriedOver.research': 1,
      'applications.carriedOver.total': 4,
    });
    expect(carryOverProposal(all, previous).some((item) => item.differs)).toBe(false);
    expect(crossYearRules(crossYearSummary(all, previous).findings)).toEqual([]);
    expect(crossYearRules(crossYearSummary(current, previous).findings)).toEqual(['C1', 'C1', 'C1']);
    // Nothing left to carry: the same draft back.
    expect(applyCarryOver(all, previous)).toBe(all);
  });

  it('does not carry a column last year left untouched', () => {
    const previous = withCells(office2022, { 'applications.carriedForward.legalService': null });
    const current = withCells(office2023, { 'applications.carriedOver.legalService': 7 });
    const item = carryOverProposal(current, previous).find((entry) => entry.cell.endsWith('legalService'))!;
    expect(item).toMatchObject({ proposed: null, current: 7, differs: false });
    expect(valuesOf(applyCarryOver(current, previous))['applications.carriedOver.legalService']).toBe(7);
  });

  it('gives last year’s value of every cell', () => {
    const lookup = previousValueLookup(office2023, office2022);
    expect(lookup.size).toBe(Object.keys(valuesOf(office2023)).length);
    expect(lookup.get('proactive.normativeDocuments.inForce')).toBe(127);
    expect(lookup.get('applications.newReceived.naturalPerson')).toBe(34);
    expect(lookup.get('applications.newReceived.total')).toBe(50);
  });

  it('warns when the attached report is not last year’s or not the same agency', () => {
    const twoYearsBack = { ...office2022, year: 2021 };
    const other = { ...office2022, agency: { ...office2022.agency, name: '宁波市镇海区发展和改革局' } };
    expect(crossYearSummary(office2023, twoYearsBack).pairing).toEqual([
      '上年报告应为 2022 年度的报告，所附报告是 2021 年度的。跨年比较要用上一年度的报告，否则比较结果没有意义',
    ]);
    expect(crossYearSummary(office2023, other).pairing).toEqual([
      '所附上年报告的机关是“宁波市镇海区发展和改革局”，本年报告是“宁波市镇海区人民政府办公室”。跨年比较要用同一机关的报告（机关更名的可忽略本提示）',
    ]);
  });
});

describe('2019 → 2020, both in the 2019 format', () => {
  it('has no cross-year finding when the reports agree', () => {
    expect(crossYearSummary(district2020, district2019)).toEqual({ pairing: [], findings: [], skipped: [], swings: [] });
  });

  it('reports C1, C3 and C4 when they do not', () => {
    const previous = withCells(district2019, {
      'applications.carriedForward.naturalPerson': 3,
      'applications.granted.naturalPerson': 29,
      'proactive.licensing.change': -10,
      'proactive.normativeDocuments.totalPublished': 100,
    });
    const summary = crossYearSummary(district2020, previous);
    expect(crossYearRules(summary.findings)).toEqual(['C1', 'C1', 'C3', 'C4']);
    const c3 = summary.findings.find((finding) => finding.rule === 'C3')!;
    expect(c3.cells).toEqual(['proactive.licensing.previousItems']);
    expect(c3.message).toContain('792');
    expect(summary.findings.find((finding) => finding.rule === 'C4')!.cells[0]).toBe('proactive.normativeDocuments.totalPublished');
    expect(summary.skipped).toEqual([]);
  });

  it('carries 上年结转 over and compares every cell, table 二 included', () => {
    const current = withCells(district2020, { 'applications.carriedOver.naturalPerson': 0 });
    expect(carryOverProposal(current, district2019)[0]).toMatchObject({ proposed: 2, current: 0, differs: true });
    const applied = applyCarryOver(current, district2019);
    expect(valuesOf(applied)).toEqual(valuesOf(district2020));
    const lookup = previousValueLookup(district2020, district2019);
    expect(lookup.size).toBe(Object.keys(valuesOf(district2020)).length);
    expect(lookup.get('proactive.licensing.previousItems')).toBe(800);
  });
});

describe('2020 → 2021, across the format change', () => {
  it('runs C1, skips C2 and says why', () => {
    const summary = crossYearSummary(district2021, district2020);
    expect(summary.pairing).toEqual([]);
    expect(crossYearRules(summary.findings)).toEqual(['C1', 'C1']);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]!.rule).toBe('C2');
    expect(summary.skipped[0]!.reason).toContain('国办公开办函〔2019〕60号');
    expect(summary.skipped[0]!.reason).toContain('不作跨年比较');
  });

  it('carries 上年结转 over from the old format', () => {
    const proposal = carryOverProposal(district2021, district2020);
    expect(proposal.map((item) => [item.cell.split('.').at(-1), item.proposed, item.current])).toEqual([
      ['naturalPerson', 5, null],
      ['commercial', 0, 0],
      ['research', 0, 0],
      ['publicInterest', 0, 0],
      ['legalService', 0, 0],
      ['otherOrg', 0, 0],
      ['total', 5, 0],
    ]);
    const applied = applyCarryOver(district2021, district2020);
    expect(valuesOf(applied)['applications.carriedOver.naturalPerson']).toBe(5);
    expect(valuesOf(applied)['applications.carriedOver.total']).toBe(5);
    expect(checkDraft(applied)).toEqual([]);
    expect(crossYearSummary(applied, district2020).findings).toEqual([]);
  });

  it('shows last year’s value only for cells that kept their key', () => {
    const lookup = previousValueLookup(district2021, district2020);
    expect(lookup.get('applications.carriedForward.naturalPerson')).toBe(5);
    expect(lookup.get('reviewLitigation.review.total')).toBe(2);
    expect(lookup.get('proactive.licensing.decisions')).toBe(34752);
    expect(lookup.has('proactive.normativeDocuments.issued')).toBe(false); // 本年制发件数 is new in 2021
    expect(lookup.has('applications.otherHandling.overdueFee.total')).toBe(false); // （六） split in 2021
    expect(lookup.has('applications.resultTotal.total')).toBe(true);
  });

  it('compares table 三 and 四 headlines, not table 二', () => {
    const comparable = comparableHeadlines(templates['2021'], templates['2019']).map((headline) => headline.id);
    expect(comparable).toContain('applications.otherHandling.total');
    expect(comparable.some((id) => id.startsWith('proactive.'))).toBe(false);
    const otherHandling = comparableHeadlines(templates['2021'], templates['2019']).find((headline) => headline.id === 'applications.otherHandling.total')!;
    expect(otherHandling.cells).toHaveLength(3);
    expect(otherHandling.previousCells).toEqual(['applications.otherHandling.total']);
    // 2020: （六）其他处理 5 (one row); 2021: 30 (逾期不补正, one of three rows) → six times.
    const swings = swingWarnings(district2021, district2020);
    expect(swings.map((swing) => swing.label)).toEqual(['表三“（六）其他处理”总计']);
    expect(swings[0]!.message).toBe(
      '表三“（六）其他处理”总计：本年 30，上年 5，本年是上年的 6 倍，上下年相差超过 5 倍，请核实数字是否有误',
    );
  });
});

describe('swing warnings', () => {
  it('chooses the headline numbers from the template', () => {
    for (const template of Object.values(templates)) {
      const labels = headlines(template).map((headline) => headline.label);
      expect(labels.slice(0, 8)).toEqual([
        '表三“一、本年新收政府信息公开申请数量”总计',
        '表三“（一）予以公开”总计',
        '表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”总计',
        '表三“（三）不予公开”总计',
        '表三“（四）无法提供”总计',
        '表三“（五）不予处理”总计',
        '表三“（六）其他处理”总计',
        '表三“（七）总计”总计',
      ]);
      expect(labels.slice(8, 11)).toEqual(['表四“行政复议 总计”', '表四“未经复议直接起诉 总计”', '表四“复议后起诉 总计”']);
      expect(labels.slice(11)).toEqual(
        template.id === '2021'
          ? ['表二“行政规范性文件 本年制发件数”', '表二“行政规范性文件 本年废止件数”', '表二“行政规范性文件 现行有效件数”']
          : ['表二“规范性文件 本年新制作数量”', '表二“规范性文件 本年新公开数量”', '表二“规范性文件 对外公开总数量”'],
      );
    }
  });

  it('flags more than five times up or down, not five times exactly', () => {
    // Office 2023: 本年新收 总计 52, 规范性文件 制发 9 / 废止 20 / 现行有效 116.
    const previous = (cells: CellValues) => withCells(office2022, cells);
    const up = swingWarnings(
      office2023,
      previous({ 'applications.newReceived.naturalPerson': 0, 'applications.newReceived.commercial': 10 }),
    );
    expect(up.map((swing) => swing.label)).toEqual(['表三“一、本年新收政府信息公开申请数量”总计']);
    expect(up[0]).toMatchObject({ rule: 'swing', severity: 'warning', current: 52, previous: 10, cells: ['applications.newReceived.total'] });
    expect(up[0]!.message).toBe(
      '表三“一、本年新收政府信息公开申请数量”总计：本年 52，上年 10，本年是上年的 5.2 倍，上下年相差超过 5 倍，请核实数字是否有误',
    );

    const exactlyFive = withCells(office2023, { 'proactive.normativeDocuments.repealed': 20 });
    expect(swingWarnings(exactlyFive, previous({ 'proactive.normativeDocuments.repealed': 4 }))).toEqual([]);

    const down = swingWarnings(office2023, previous({ 'proactive.normativeDocuments.issued': 50 }));
    expect(down.map((swing) => swing.message)).toEqual([
      '表二“行政规范性文件 本年制发件数”：本年 9，上年 50，上年是本年的 5.6 倍，上下年相差超过 5 倍，请核实数字是否有误',
    ]);
  });

  it('treats 0 → more than 5 (and back) as a swing, 0 → 5 not', () => {
    const previous = withCells(office2022, { 'reviewLitigation.review.upheld': 0 });
    expect(swingWarnings(withCells(office2023, { 'reviewLitigation.review.upheld': 5 }), previous)).toEqual([]);
    const fromZero = swingWarnings(withCells(office2023, { 'reviewLitigation.review.upheld': 6 }), previous);
    expect(fromZero.map((swing) => [swing.label, swing.previous, swing.current])).toEqual([['表四“行政复议 总计”', 0, 6]]);
    const toZero = swingWarnings(office2023, withCells(office2022, { 'reviewLitigation.litigationDirect.pending': 9 }));
    expect(toZero.map((swing) => swing.message)).toEqual([
      '表四“未经复议直接起诉 总计”：本年 0，上年 9。本年为 0 而上年超过 5 即视为上下年相差超过 5 倍，请核实数字是否有误',
    ]);
  });

  it('sums a result group and skips numbers a year left untouched', () => {
    // （四）无法提供: 2023 = 26 over its three rows; 2022 = 4 → 6.5 times.
    const previous = withCells(office2022, {
      'applications.unavailable.notHeld.naturalPerson': 3,
      'applications.unavailable.notHeld.commercial': 0,
      'applications.unavailable.needsCreation.naturalPerson': 1,
      'applications.granted.naturalPerson': 42,
    });
    const unavailable = swingWarnings(office2023, previous).find((swing) => swing.label === '表三“（四）无法提供”总计')!;
    expect(unavailable).toMatchObject({ current: 26, previous: 4 });
    expect(unavailable.cells).toHaveLength(3);

    const blankLastYear = withCells(office2022, { 'reviewLitigation.review.upheld': null, 'reviewLitigation.review.corrected': null, 'reviewLitigation.review.other': null, 'reviewLitigation.review.pending': null });
    expect(valuesOf(blankLastYear)['reviewLitigation.review.total']).toBeNull();
    expect(swingWarnings(withCells(office2023, { 'reviewLitigation.review.upheld': 40 }), blankLastYear)).toEqual([]);
  });
});
