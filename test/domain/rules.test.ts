/**
 * The rules engine against the two sample reports: both balance, and for every rule id of both
 * templates a broken variant (one or two cells changed, or last year's report) raises exactly the
 * expected findings — rule id, severity, cells and the numbers in the message.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { checkDraft, evaluateRules, expandRules, skippedCrossYearRules } from '../../src/domain/rules.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import type { ReportTemplate } from '../../src/domain/template-types.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { flattenTables, nestTables } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

const t2021 = templates['2021'];
const t2019 = templates['2019'];

function valuesOf(draft: Draft): CellValues {
  return flattenTables(templates[draft.template], draft.tables);
}

/** Values of a fixture with some cells changed (values as given, totals untouched unless recomputed). */
function variant(draft: Draft, changes: Record<string, unknown>, recompute = false): CellValues {
  const values = { ...valuesOf(draft), ...(changes as CellValues) };
  return recompute ? computeTotals(templates[draft.template], values) : values;
}

function draftWith(draft: Draft, values: CellValues): Draft {
  return { ...draft, tables: nestTables(templates[draft.template], values) };
}

/** The result rows （一）…（六） of table 三 (between 上年结转 and （七）总计), from the template. */
function resultRows(template: ReportTemplate): string[] {
  const rows = [...new Set(indexTemplate(template).cellsByTable.get('applications')!.map((cell) => cell.rowKey))];
  return rows.slice(rows.indexOf('carriedOver') + 1, rows.indexOf('resultTotal'));
}

const column = (rows: readonly string[], col: string): string[] => rows.map((row) => `applications.${row}.${col}`);
const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

function r31Cells(col: string): string[] {
  return column(['newReceived', 'carriedOver', 'resultTotal', 'carriedForward'], col);
}

function r32Cells(template: ReportTemplate, col: string): string[] {
  return column(['resultTotal', ...resultRows(template)], col);
}

function r33Cells(row: string): string[] {
  return [`applications.${row}.total`, ...APPLICANT_COLUMNS.map((col) => `applications.${row}.${col}`)];
}

function r41Cells(group: string): string[] {
  return ['total', 'upheld', 'corrected', 'other', 'pending'].map((key) => `reviewLitigation.${group}.${key}`);
}

function error(rule: string, cells: string[], message: string): Finding {
  return { rule, severity: 'error', cells, message };
}

function warning(rule: string, cells: string[], message: string): Finding {
  return { rule, severity: 'warning', cells, message };
}

/** Last year's report (2022) for the 2023 office report: what makes C1 and C2 hold. */
function office2022(changes: Record<string, number> = {}): { template: ReportTemplate; values: CellValues } {
  const values = variant(
    office2023Draft(),
    {
      ...Object.fromEntries(APPLICANT_COLUMNS.map((col) => [`applications.carriedForward.${col}`, 0])),
      // 116 = 127 + 9 − 20
      'proactive.normativeDocuments.inForce': 127,
      ...changes,
    },
    true,
  );
  return { template: t2021, values };
}

/** Last year's report (2019) for the 2020 district report: what makes C1, C3 and C4 hold. */
function district2019(changes: Record<string, number> = {}): { template: ReportTemplate; values: CellValues } {
  const values = variant(
    district2020Draft(),
    {
      ...Object.fromEntries(APPLICANT_COLUMNS.map((col) => [`applications.carriedForward.${col}`, 0])),
      'applications.carriedForward.naturalPerson': 2,
      'proactive.licensing.change': 0,
      'proactive.otherServices.change': 0,
      'proactive.penalty.change': 0,
      'proactive.coercion.change': 0,
      'proactive.fees.change': 0,
      // 140 = 113 + 27
      'proactive.normativeDocuments.totalPublished': 113,
      ...changes,
    },
    true,
  );
  return { template: t2019, values };
}

describe('the sample reports balance', () => {
  it('2023 office report (2021 format): no error, no warning', () => {
    expect(checkDraft(office2023Draft())).toEqual([]);
  });
  it('2020 district report (2019 format): no error, no warning', () => {
    expect(checkDraft(district2020Draft())).toEqual([]);
  });
  it('with a consistent last-year report, the cross-year rules find nothing either', () => {
    expect(evaluateRules(t2021, valuesOf(office2023Draft()), office2022())).toEqual([]);
    expect(evaluateRules(t2019, valuesOf(district2020Draft()), district2019())).toEqual([]);
  });
  it('the fixture totals are exactly what computeTotals gives', () => {
    for (const draft of [office2023Draft(), district2020Draft()]) {
      const values = valuesOf(draft);
      expect(computeTotals(templates[draft.template], values)).toEqual(values);
    }
  });
});

describe('2021 format: each rule raises exactly its finding (2023 office report)', () => {
  const office = office2023Draft;

  it('R3.1 一 + 二 = （七） + 四, per column: 结转下年度 one too many', () => {
    const values = variant(office(), { 'applications.carriedForward.naturalPerson': 3 }, true);
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.1', r31Cells('naturalPerson'), '自然人：本年新收 36 + 上年结转 0 = 36，办理结果总计 34 + 结转下年度 3 = 37，相差 1'),
      error('R3.1', r31Cells('total'), '总计：本年新收 52 + 上年结转 0 = 52，办理结果总计 50 + 结转下年度 3 = 53，相差 1'),
    ]);
  });

  it('R3.1 catches a column that fails while the 总计 column holds (an application booked under the wrong applicant)', () => {
    const values = variant(office(), { 'applications.newReceived.naturalPerson': 37, 'applications.newReceived.commercial': 15 });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.1', r31Cells('naturalPerson'), '自然人：本年新收 37 + 上年结转 0 = 37，办理结果总计 34 + 结转下年度 2 = 36，相差 1'),
      error('R3.1', r31Cells('commercial'), '商业企业：本年新收 15 + 上年结转 0 = 15，办理结果总计 16 + 结转下年度 0 = 16，相差 1'),
    ]);
  });

  it('R3.2 （七）总计 = sum of the result rows, per column, the 总计 column included', () => {
    const values = variant(office(), { 'applications.granted.naturalPerson': 13, 'applications.granted.total': 21 });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.2', r32Cells(t2021, 'naturalPerson'), '自然人：办理结果总计 34，（一）至（六）之和 35，相差 1'),
      error('R3.2', r32Cells(t2021, 'total'), '总计：办理结果总计 50，（一）至（六）之和 51，相差 1'),
    ]);
  });

  it('R3.3 总计 = the six applicant columns, per row', () => {
    const values = variant(office(), {
      'applications.granted.naturalPerson': 13,
      'applications.denied.processInformation.naturalPerson': 0,
    });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.3', r33Cells('granted'), '予以公开：总计 20，自然人 13 + 商业企业 8 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他组织 0 = 21，相差 1'),
      error(
        'R3.3',
        r33Cells('denied.processInformation'),
        '不予公开·过程性信息：总计 1，自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他组织 0 = 0，相差 1',
      ),
    ]);
  });

  it('R3.4 a value of the wrong type is reported at its cell, and kept out of the arithmetic', () => {
    const values = variant(office(), { 'applications.granted.naturalPerson': '12' });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.4', ['applications.granted.naturalPerson'], '（一）予以公开 自然人：应为不小于 0 的整数，现为 “12”'),
    ]);
  });

  it('R3.4 a non-finite value is reported at its cell', () => {
    const values = variant(office(), { 'applications.carriedOver.research': Number.NaN });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R3.4', ['applications.carriedOver.research'], '二、上年结转政府信息公开申请数量 科研机构：应为不小于 0 的整数，现为 NaN'),
    ]);
  });

  it('R3.4 a fractional or negative count is reported, and the arithmetic still runs', () => {
    const values = variant(office(), { 'applications.resultTotal.commercial': 16.5, 'applications.carriedOver.legalService': -1 });
    const findings = evaluateRules(t2021, values);
    expect(findings.filter((finding) => finding.rule === 'R3.4')).toEqual([
      error('R3.4', ['applications.carriedOver.legalService'], '二、上年结转政府信息公开申请数量 法律服务机构：应为不小于 0 的整数，现为 -1'),
      error('R3.4', ['applications.resultTotal.commercial'], '（七）总计 商业企业：应为不小于 0 的整数，现为 16.5'),
    ]);
    expect(findings.map((finding) => finding.rule)).toEqual(['R3.1', 'R3.1', 'R3.2', 'R3.3', 'R3.3', 'R3.4', 'R3.4']);
  });

  it('R3.5 (表三) one untouched cell: one warning naming it; arithmetic counts it as 0', () => {
    const values = variant(office(), { 'applications.denied.stateSecret.naturalPerson': null });
    expect(evaluateRules(t2021, values)).toEqual([
      warning('R3.5', ['applications.denied.stateSecret.naturalPerson'], '表三有 1 格未填写：（三）不予公开 1.属于国家秘密 自然人。没有的请填 0'),
    ]);
  });

  it('R3.5 (表三) an untouched table is reported once, listing every untouched input cell', () => {
    const inputs = indexTemplate(t2021).cellsByTable.get('applications')!.filter((cell) => !cell.computed);
    const values = variant(office(), Object.fromEntries(indexTemplate(t2021).cellsByTable.get('applications')!.map((cell) => [cell.key, null])));
    expect(evaluateRules(t2021, values)).toEqual([
      warning(
        'R3.5',
        inputs.map((cell) => cell.key),
        '表三有 144 格未填写：一、本年新收政府信息公开申请数量 自然人、一、本年新收政府信息公开申请数量 商业企业、一、本年新收政府信息公开申请数量 科研机构等。没有的请填 0',
      ),
    ]);
  });

  it('R3.5 (表四) untouched cells of table 四: one warning', () => {
    const values = variant(office(), { 'reviewLitigation.review.upheld': null, 'reviewLitigation.litigationDirect.pending': null });
    expect(evaluateRules(t2021, values)).toEqual([
      warning(
        'R3.5',
        ['reviewLitigation.review.upheld', 'reviewLitigation.litigationDirect.pending'],
        '表四有 2 格未填写：行政复议 结果维持、未经复议直接起诉 尚未审结。没有的请填 0',
      ),
    ]);
  });

  it('R3.5 (表二) once per 第二十条 item', () => {
    const values = variant(office(), {
      'proactive.regulations.issued': null,
      'proactive.normativeDocuments.inForce': null,
      'proactive.penalty.decisions': null,
    });
    expect(evaluateRules(t2021, values)).toEqual([
      warning(
        'R3.5',
        ['proactive.regulations.issued', 'proactive.normativeDocuments.inForce'],
        '表二第二十条第（一）项有 2 格未填写：规章 本年制发件数、行政规范性文件 现行有效件数。没有的请填 0',
      ),
      warning('R3.5', ['proactive.penalty.decisions'], '表二第二十条第（六）项有 1 格未填写：行政处罚 本年处理决定数量。没有的请填 0'),
    ]);
  });

  it('R4.1 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group', () => {
    const values = variant(office(), { 'reviewLitigation.review.upheld': 1 });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R4.1', r41Cells('review'), '行政复议：总计 0，结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，相差 1'),
    ]);
  });

  it('R4.2 counts in table 四 are whole numbers ≥ 0', () => {
    const values = variant(office(), {
      'reviewLitigation.litigationAfterReview.other': 1.5,
      'reviewLitigation.litigationAfterReview.total': 1.5,
    });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R4.2', ['reviewLitigation.litigationAfterReview.other'], '复议后起诉 其他结果：应为不小于 0 的整数，现为 1.5'),
      error('R4.2', ['reviewLitigation.litigationAfterReview.total'], '复议后起诉 总计：应为不小于 0 的整数，现为 1.5'),
    ]);
  });

  it('R2.1 counts of table 二 are whole numbers ≥ 0', () => {
    const values = variant(office(), { 'proactive.licensing.decisions': -3, 'proactive.regulations.repealed': 0.5 });
    expect(evaluateRules(t2021, values)).toEqual([
      error('R2.1', ['proactive.regulations.repealed'], '规章 本年废止件数：应为不小于 0 的整数，现为 0.5'),
      error('R2.1', ['proactive.licensing.decisions'], '行政许可 本年处理决定数量：应为不小于 0 的整数，现为 -3'),
    ]);
  });

  it('R2.2 本年收费金额 is a number ≥ 0 with at most 4 decimals', () => {
    expect(evaluateRules(t2021, variant(office(), { 'proactive.fees.amount': 12.3456 }))).toEqual([]);
    expect(evaluateRules(t2021, variant(office(), { 'proactive.fees.amount': 1.23456 }))).toEqual([
      error('R2.2', ['proactive.fees.amount'], '行政事业性收费 本年收费金额（单位：万元）：应为不小于 0 的数（单位万元，最多 4 位小数），现为 1.23456'),
    ]);
    expect(evaluateRules(t2021, variant(office(), { 'proactive.fees.amount': -0.5 }))).toEqual([
      error('R2.2', ['proactive.fees.amount'], '行政事业性收费 本年收费金额（单位：万元）：应为不小于 0 的数（单位万元，最多 4 位小数），现为 -0.5'),
    ]);
  });

  it('C1 上年结转 = last year’s 结转下年度, per column (warning; only with last year’s report)', () => {
    const values = valuesOf(office());
    const previous = office2022({ 'applications.carriedForward.naturalPerson': 1 });
    expect(evaluateRules(t2021, values, previous)).toEqual([
      warning('C1', ['applications.carriedOver.naturalPerson'], '自然人：上年结转 0，上年报告结转下年度 1，相差 1'),
      warning('C1', ['applications.carriedOver.total'], '总计：上年结转 0，上年报告结转下年度 1，相差 1'),
    ]);
    expect(evaluateRules(t2021, values)).toEqual([]);
    expect(evaluateRules(t2021, values, null)).toEqual([]);
  });

  it('C2 现行有效件数 = last year’s + 本年制发 − 本年废止', () => {
    const previous = office2022({ 'proactive.normativeDocuments.inForce': 120 });
    expect(evaluateRules(t2021, valuesOf(office()), previous)).toEqual([
      warning(
        'C2',
        ['proactive.normativeDocuments.inForce', 'proactive.normativeDocuments.issued', 'proactive.normativeDocuments.repealed'],
        '行政规范性文件：现行有效件数 116，上年现行有效件数 120 + 本年制发件数 9 − 本年废止件数 20 = 109，相差 7',
      ),
    ]);
  });

  it('C2 is skipped, and C1 still runs, when last year used the 2019 format', () => {
    const previous = district2019({ 'proactive.normativeDocuments.totalPublished': 999 });
    const findings = evaluateRules(t2021, valuesOf(office()), previous);
    expect(findings).toEqual([
      warning('C1', ['applications.carriedOver.naturalPerson'], '自然人：上年结转 0，上年报告结转下年度 2，相差 2'),
      warning('C1', ['applications.carriedOver.total'], '总计：上年结转 0，上年报告结转下年度 2，相差 2'),
    ]);
  });
});

describe('2019 format: each rule raises exactly its finding (2020 district report)', () => {
  const district = district2020Draft;

  it('R3.1', () => {
    const values = variant(district(), { 'applications.carriedForward.naturalPerson': 4 }, true);
    expect(evaluateRules(t2019, values)).toEqual([
      error('R3.1', r31Cells('naturalPerson'), '自然人：本年新收 88 + 上年结转 2 = 90，办理结果总计 85 + 结转下年度 4 = 89，相差 1'),
      error('R3.1', r31Cells('total'), '总计：本年新收 91 + 上年结转 2 = 93，办理结果总计 88 + 结转下年度 4 = 92，相差 1'),
    ]);
  });

  it('R3.2 over the 2019 result rows (（六）其他处理 is one row)', () => {
    const values = variant(district(), { 'applications.otherHandling.naturalPerson': 6, 'applications.otherHandling.total': 6 });
    expect(r32Cells(t2019, 'naturalPerson')).toHaveLength(20);
    expect(evaluateRules(t2019, values)).toEqual([
      error('R3.2', r32Cells(t2019, 'naturalPerson'), '自然人：办理结果总计 85，（一）至（六）之和 86，相差 1'),
      error('R3.2', r32Cells(t2019, 'total'), '总计：办理结果总计 88，（一）至（六）之和 89，相差 1'),
    ]);
  });

  it('R3.3 a 总计 printed as 0 beside parts that are not: reported, never replaced', () => {
    const values = variant(district(), { 'applications.newReceived.total': 0 });
    expect(evaluateRules(t2019, values)).toEqual([
      error('R3.1', r31Cells('total'), '总计：本年新收 0 + 上年结转 2 = 2，办理结果总计 88 + 结转下年度 5 = 93，相差 91'),
      error('R3.3', r33Cells('newReceived'), '本年新收：总计 0，自然人 88 + 商业企业 3 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他组织 0 = 91，相差 91'),
    ]);
    expect(values['applications.newReceived.total']).toBe(0);
  });

  it('R3.4', () => {
    const values = variant(district(), { 'applications.otherHandling.commercial': '0' });
    expect(evaluateRules(t2019, values)).toEqual([
      error('R3.4', ['applications.otherHandling.commercial'], '（六）其他处理 商业企业：应为不小于 0 的整数，现为 “0”'),
    ]);
  });

  it('R3.5 (表二, 第二十条第（九）项)', () => {
    const values = variant(district(), { 'proactive.procurement.amount': null });
    expect(evaluateRules(t2019, values)).toEqual([
      warning('R3.5', ['proactive.procurement.amount'], '表二第二十条第（九）项有 1 格未填写：政府集中采购 采购总金额。没有的请填 0'),
    ]);
  });

  it('R4.1', () => {
    const values = variant(district(), { 'reviewLitigation.review.total': 3 });
    expect(evaluateRules(t2019, values)).toEqual([
      error('R4.1', r41Cells('review'), '行政复议：总计 3，结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2，相差 1'),
    ]);
  });

  it('R4.2', () => {
    const values = variant(district(), {
      'reviewLitigation.litigationDirect.upheld': -1,
      'reviewLitigation.litigationDirect.corrected': 2,
    });
    expect(evaluateRules(t2019, values)).toEqual([
      error('R4.2', ['reviewLitigation.litigationDirect.upheld'], '未经复议直接起诉 结果维持：应为不小于 0 的整数，现为 -1'),
    ]);
  });

  it('R2.19a counts are whole numbers ≥ 0; 本年增/减 a whole number that may be negative', () => {
    expect(evaluateRules(t2019, variant(district(), { 'proactive.penalty.change': -16 }))).toEqual([]);
    const values = variant(district(), { 'proactive.licensing.change': 2.5, 'proactive.penalty.decisions': -1 });
    expect(evaluateRules(t2019, values)).toEqual([
      error('R2.19a', ['proactive.licensing.change'], '行政许可 本年增/减：应为整数（减少用负数表示），现为 2.5'),
      error('R2.19a', ['proactive.penalty.decisions'], '行政处罚 处理决定数量：应为不小于 0 的整数，现为 -1'),
    ]);
  });

  it('R2.19b 上一年项目数量 + 本年增/减 ≥ 0', () => {
    const values = variant(district(), { 'proactive.otherServices.change': -500 });
    expect(evaluateRules(t2019, values)).toEqual([
      warning(
        'R2.19b',
        ['proactive.otherServices.previousItems', 'proactive.otherServices.change'],
        '其他对外管理服务事项：上一年项目数量 415 + 本年增/减 -500 = -85，不应小于 0，相差 85',
      ),
    ]);
  });

  it('R2.19c 本年新公开数量 ≤ 对外公开总数量', () => {
    const values = variant(district(), { 'proactive.normativeDocuments.newlyPublished': 150 });
    expect(evaluateRules(t2019, values)).toEqual([
      warning(
        'R2.19c',
        ['proactive.normativeDocuments.newlyPublished', 'proactive.normativeDocuments.totalPublished'],
        '规范性文件：本年新公开数量 150，不应超过 对外公开总数量 140，相差 10',
      ),
    ]);
  });

  it('R2.19d 采购总金额 is a number ≥ 0 (warning)', () => {
    const values = variant(district(), { 'proactive.procurement.amount': -2808.8 });
    expect(evaluateRules(t2019, values)).toEqual([
      warning('R2.19d', ['proactive.procurement.amount'], '政府集中采购 采购总金额：应为不小于 0 的数（单位万元，最多 4 位小数），现为 -2808.8'),
    ]);
  });

  it('C1', () => {
    const previous = district2019({ 'applications.carriedForward.naturalPerson': 3 });
    expect(evaluateRules(t2019, valuesOf(district()), previous)).toEqual([
      warning('C1', ['applications.carriedOver.naturalPerson'], '自然人：上年结转 2，上年报告结转下年度 3，相差 1'),
      warning('C1', ['applications.carriedOver.total'], '总计：上年结转 2，上年报告结转下年度 3，相差 1'),
    ]);
  });

  it('C3 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减', () => {
    const previous = district2019({ 'proactive.licensing.change': 8 });
    expect(evaluateRules(t2019, valuesOf(district()), previous)).toEqual([
      warning(
        'C3',
        ['proactive.licensing.previousItems'],
        '行政许可：上一年项目数量 792，上年报告上一年项目数量 792 + 上年报告本年增/减 8 = 800，相差 8',
      ),
    ]);
  });

  it('C4 对外公开总数量 = last year’s + 本年新公开数量', () => {
    const previous = district2019({ 'proactive.normativeDocuments.totalPublished': 100 });
    expect(evaluateRules(t2019, valuesOf(district()), previous)).toEqual([
      warning(
        'C4',
        ['proactive.normativeDocuments.totalPublished', 'proactive.normativeDocuments.newlyPublished'],
        '规范性文件：对外公开总数量 140，上年对外公开总数量 100 + 本年新公开数量 27 = 127，相差 13',
      ),
    ]);
  });

  it('C3 and C4 are skipped against a 2021-format previous report', () => {
    // 2023's 结转下年度 happens to equal 2020's 上年结转, so C1 holds; table 二 keys differ between the formats.
    const previous = { template: t2021, values: valuesOf(office2023Draft()) };
    expect(evaluateRules(t2019, valuesOf(district()), previous)).toEqual([]);
    const other = { template: t2021, values: { ...previous.values, 'applications.carriedForward.naturalPerson': 0 } };
    expect(evaluateRules(t2019, valuesOf(district()), other).map((finding) => finding.rule)).toEqual(['C1']);
  });
});

describe('coverage of the rule ids', () => {
  it('every rule id of both templates has a variant above (this list is the templates’ own)', () => {
    const ids = (template: ReportTemplate): string[] => [...new Set(template.rules.map((rule) => rule.id))].sort();
    expect(ids(t2021)).toEqual(['C1', 'C2', 'R2.1', 'R2.2', 'R3.1', 'R3.2', 'R3.3', 'R3.4', 'R3.5', 'R4.1', 'R4.2']);
    expect(ids(t2019)).toEqual(['C1', 'C3', 'C4', 'R2.19a', 'R2.19b', 'R2.19c', 'R2.19d', 'R3.1', 'R3.2', 'R3.3', 'R3.4', 'R3.5', 'R4.1', 'R4.2']);
  });
});

describe('checkDraft and skippedCrossYearRules', () => {
  it('checkDraft reads the nested tables and last year’s draft', () => {
    const previous = draftWith(office2023Draft(), office2022({ 'applications.carriedForward.commercial': 4 }).values);
    const findings = checkDraft(office2023Draft(), previous);
    expect(findings).toEqual([
      warning('C1', ['applications.carriedOver.commercial'], '商业企业：上年结转 0，上年报告结转下年度 4，相差 4'),
      warning('C1', ['applications.carriedOver.total'], '总计：上年结转 0，上年报告结转下年度 4，相差 4'),
    ]);
  });

  it('checkDraft: a draft holding only some tables reads the rest as untouched', () => {
    const draft = office2023Draft();
    delete draft.tables.proactive;
    delete draft.tables.reviewLitigation;
    const findings = checkDraft(draft);
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.cells.length])).toEqual([
      ['R3.5', 'warning', 12],
      ['R3.5', 'warning', 6],
      ['R3.5', 'warning', 1],
      ['R3.5', 'warning', 2],
      ['R3.5', 'warning', 1],
    ]);
  });

  it('lists C2 when a 2021 report is compared with a 2019-format one, with a Chinese reason', () => {
    const skipped = skippedCrossYearRules(t2021, t2019);
    expect(skipped.map((entry) => entry.rule)).toEqual(['C2']);
    expect(skipped[0]!.reason).toContain('国办公开办函〔2019〕60号');
    expect(skipped[0]!.reason).toContain('不作跨年比较');
  });

  it('lists C3 and C4 the other way round, and nothing for the same format', () => {
    expect(skippedCrossYearRules(t2019, t2021).map((entry) => entry.rule)).toEqual(['C3', 'C4']);
    expect(skippedCrossYearRules(t2021, t2021)).toEqual([]);
    expect(skippedCrossYearRules(t2019, t2019)).toEqual([]);
  });
});

describe('expandRules', () => {
  it('is cached per template and expands every column, row and group', () => {
    expect(expandRules(t2021)).toBe(expandRules(t2021));
    const count = (template: ReportTemplate, id: string): number => expandRules(template).filter((rule) => rule.id === id).length;
    expect([count(t2021, 'R3.1'), count(t2021, 'R3.2'), count(t2021, 'R3.3'), count(t2021, 'R4.1'), count(t2021, 'C1'), count(t2021, 'C2')]).toEqual([
      7, 7, 25, 3, 7, 2,
    ]);
    expect([count(t2019, 'R3.3'), count(t2019, 'R2.19b'), count(t2019, 'R2.19c'), count(t2019, 'C3'), count(t2019, 'C4')]).toEqual([
      23, 5, 2, 5, 2,
    ]);
  });

  it('names the scope and the terms by their short labels', () => {
    const r31 = expandRules(t2021).find((rule) => rule.id === 'R3.1')!;
    expect(r31.scopeLabel).toBe('自然人');
    expect([...r31.left, ...r31.right].map((term) => term.label)).toEqual(['本年新收', '上年结转', '办理结果总计', '结转下年度']);
    const r41 = expandRules(t2021).filter((rule) => rule.id === 'R4.1').map((rule) => rule.scopeLabel);
    expect(r41).toEqual(['行政复议', '未经复议直接起诉', '复议后起诉']);
  });
});

describe('V1: a value far beyond what any agency reports gets a warning, never an error', () => {
  const plausibility = (template: ReportTemplate, values: CellValues) => evaluateRules(template, values).filter((finding) => finding.rule === 'V1');

  it('warns above 1,000,000 in tables 三 and 四, naming the cell and the value', () => {
    expect(plausibility(t2021, variant(office2023Draft(), { 'applications.carriedOver.research': 1_000_000 }))).toEqual([]);
    expect(plausibility(t2021, variant(office2023Draft(), { 'applications.carriedOver.research': 99_999_999 }))).toEqual([
      {
        rule: 'V1',
        severity: 'warning',
        cells: ['applications.carriedOver.research'],
        message: '二、上年结转政府信息公开申请数量 科研机构：99999999 超过 1000000，远多于各机关报告中常见的数量，请核对是否多输了数字',
      },
    ]);
    const review = indexTemplate(t2021).cellsByTable.get('reviewLitigation')!.find((cell) => !cell.computed)!;
    expect(plausibility(t2021, variant(office2023Draft(), { [review.key]: 1_000_001 })).map((finding) => finding.cells)).toEqual([[review.key]]);
  });

  it('allows millions of 行政处罚 decisions in table 二, and warns above 100,000,000', () => {
    expect(plausibility(t2021, variant(office2023Draft(), { 'proactive.penalty.decisions': 8_000_000 }))).toEqual([]);
    expect(plausibility(t2021, variant(office2023Draft(), { 'proactive.penalty.decisions': 100_000_001 })).map((finding) => finding.cells)).toEqual([
      ['proactive.penalty.decisions'],
    ]);
  });

  it('measures a negative 本年增/减 by its size', () => {
    const change = indexTemplate(t2019).cells.find((cell) => cell.valueType === 'signedCount')!;
    expect(plausibility(t2019, variant(district2020Draft(), { [change.key]: -100_000_001 })).map((finding) => finding.cells)).toEqual([[change.key]]);
  });

  it('is a warning only: a report whose only finding is V1 can be printed as final', () => {
    const draft = draftWith(office2023Draft(), variant(office2023Draft(), { 'proactive.penalty.decisions': 200_000_000 }));
    expect(checkDraft(draft).map((finding) => finding.rule)).toEqual(['V1']);
    expect(finalBlockers(draft)).toEqual([]);
  });
});
