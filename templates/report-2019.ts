/**
 * The former format: 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号,
 * used for the 2019 and 2020 reports. Spec §4; differences from 2021 in §4.4.
 */
import type { ColumnNode, ReportTemplate, TableTemplate } from '../src/domain/template-types.ts';
import {
  applicationsAndReviewRules,
  applicationsSection,
  applicationsTable,
  otherSection,
  overviewSection,
  proactiveSection,
  problemsSection,
  reviewLitigationSection,
} from './shared.ts';

/** 上一年项目数量 / 本年增/减 / 处理决定数量, the columns of items （五） and （六） (spec §4.1 r6, r10). */
const itemCountColumns: readonly ColumnNode[] = [
  { key: 'previousItems', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减', valueType: 'signedCount' },
  { key: 'decisions', label: '处理决定数量' },
];

/** Table 二 (spec §4.1): five 第二十条 items. */
const proactiveTable2019: TableTemplate = {
  key: 'proactive',
  gridColumns: 4,
  labelColumns: 1,
  columnWeights: [40, 20, 20, 20],
  repeatHeader: false,
  parts: [
    {
      caption: '第二十条第（一）项',
      corner: '信息内容',
      valueType: 'count',
      columns: [
        { key: 'newlyMade', label: '本年新制作数量' },
        { key: 'newlyPublished', label: '本年新公开数量' },
        { key: 'totalPublished', label: '对外公开总数量' },
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normativeDocuments', label: '规范性文件' },
      ],
    },
    {
      caption: '第二十条第（五）项',
      corner: '信息内容',
      valueType: 'count',
      columns: itemCountColumns,
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      caption: '第二十条第（六）项',
      corner: '信息内容',
      valueType: 'count',
      columns: itemCountColumns,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    {
      caption: '第二十条第（八）项',
      corner: '信息内容',
      valueType: 'count',
      columns: [
        { key: 'previousItems', label: '上一年项目数量' },
        { key: 'change', label: '本年增/减', valueType: 'signedCount', span: 2 },
      ],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
    {
      caption: '第二十条第（九）项',
      corner: '信息内容',
      valueType: 'count',
      columns: [
        { key: 'projects', label: '采购项目数量' },
        // The official label carries no unit (spec §4.1 notes); the draft stores 万元 (§A.3).
        { key: 'amount', label: '采购总金额', valueType: 'amount', span: 2 },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
};

/** Parts of table 二 whose rows carry 上一年项目数量 and 本年增/减: items （五）, （六）, （八）. */
const itemParts = [1, 2, 3];

export const report2019 = {
  id: '2019',
  name: '2019年版格式（试行）',
  revision: 1,
  notice: '国办公开办函〔2019〕60号',
  noticeTitle: '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》',
  firstYear: 2019,
  lastYear: 2020,
  sections: [
    overviewSection,
    proactiveSection(proactiveTable2019),
    applicationsSection(applicationsTable({ key: 'otherHandling', label: '（六）其他处理', shortLabel: '其他处理' })),
    reviewLitigationSection,
    problemsSection,
    // 六 may state the 信息处理费 (a 2020 report can), but this format does not ask for it: the 办法 came after it.
    { ...otherSection, feeStatementRequired: false },
  ],
  rules: [
    ...applicationsAndReviewRules,
    {
      id: 'R2.19a',
      kind: 'valueType',
      severity: 'error',
      source: '表二：数量为非负整数；本年增/减可为负数，减用负值表示，如-8',
      description: '表二的数量都是整数；除“本年增/减”外不小于 0',
      table: 'proactive',
      valueTypes: ['count', 'signedCount'],
    },
    {
      id: 'R3.5',
      kind: 'filled',
      severity: 'warning',
      source: '表二：没有的填 0，不留空',
      description: '表二不留空格，没有的填 0',
      table: 'proactive',
    },
    {
      id: 'R2.19b',
      kind: 'relation',
      relation: 'greaterOrEqual',
      severity: 'warning',
      source: '上一年项目数量 + 本年增/减 为本年项目数量，不能为负',
      description: '上一年项目数量 + 本年增/减 ≥ 0',
      forEach: { variable: 'row', table: 'proactive', over: 'rows', parts: itemParts },
      left: [{ cell: 'proactive.$row.previousItems' }, { cell: 'proactive.$row.change' }],
      right: [],
    },
    {
      id: 'R2.19c',
      kind: 'relation',
      relation: 'lessOrEqual',
      severity: 'warning',
      source: '本年新公开数量不超过对外公开总数量',
      description: '规章和规范性文件：本年新公开数量 ≤ 对外公开总数量',
      forEach: { variable: 'row', table: 'proactive', over: 'rows', parts: [0] },
      left: [{ cell: 'proactive.$row.newlyPublished' }],
      right: [{ cell: 'proactive.$row.totalPublished' }],
    },
    {
      id: 'R2.19d',
      kind: 'valueType',
      severity: 'warning',
      source: '表二第二十条第（九）项：采购总金额（本工具以万元记）',
      description: '采购总金额是不小于 0 的数，单位万元',
      table: 'proactive',
      valueTypes: ['amount'],
    },
    {
      id: 'C3',
      kind: 'relation',
      relation: 'equal',
      severity: 'warning',
      source: '本年“上一年项目数量” = 上年报告的上一年项目数量 + 本年增/减',
      description: '上一年项目数量 = 上年报告的上一年项目数量 + 上年报告的本年增/减',
      forEach: { variable: 'row', table: 'proactive', over: 'rows', parts: itemParts },
      needsPreviousTemplate: '2019',
      left: [{ cell: 'proactive.$row.previousItems' }],
      right: [
        { cell: 'proactive.$row.previousItems', previousYear: true, label: '上年报告上一年项目数量' },
        { cell: 'proactive.$row.change', previousYear: true, label: '上年报告本年增/减' },
      ],
    },
    {
      id: 'C4',
      kind: 'relation',
      relation: 'equal',
      severity: 'warning',
      source: '对外公开总数量 ≈ 上年对外公开总数量 + 本年新公开数量',
      description: '规章和规范性文件：对外公开总数量 = 上年对外公开总数量 + 本年新公开数量（废止、清理可能使其不成立）',
      forEach: { variable: 'row', table: 'proactive', over: 'rows', parts: [0] },
      needsPreviousTemplate: '2019',
      left: [{ cell: 'proactive.$row.totalPublished' }],
      right: [
        { cell: 'proactive.$row.totalPublished', previousYear: true, label: '上年对外公开总数量' },
        { cell: 'proactive.$row.newlyPublished' },
      ],
    },
  ],
} as const satisfies ReportTemplate;
