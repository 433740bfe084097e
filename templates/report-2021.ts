/**
 * The current format: 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号
 * (成文 2021-09-26), used for the 2021 report onward. Spec §2, §3, §5.
 */
import type { ReportTemplate, TableTemplate } from '../src/domain/template-types.ts';
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

/** Table 二 (spec §3.1): four 第二十条 items, each a caption, a header row and its rows. */
const proactiveTable2021: TableTemplate = {
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
        { key: 'issued', label: '本年制发件数' },
        { key: 'repealed', label: '本年废止件数' },
        { key: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normativeDocuments', label: '行政规范性文件' },
      ],
    },
    {
      caption: '第二十条第（五）项',
      corner: '信息内容',
      valueType: 'count',
      columns: [{ key: 'decisions', label: '本年处理决定数量', span: 3 }],
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      caption: '第二十条第（六）项',
      corner: '信息内容',
      valueType: 'count',
      columns: [{ key: 'decisions', label: '本年处理决定数量', span: 3 }],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    {
      caption: '第二十条第（八）项',
      corner: '信息内容',
      valueType: 'amount',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', shortLabel: '本年收费金额', span: 3 }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ],
};

export const report2021 = {
  id: '2021',
  name: '2021年版格式',
  revision: 1,
  notice: '国办公开办函〔2021〕30号',
  noticeTitle: '《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知》',
  firstYear: 2021,
  lastYear: null,
  sections: [
    overviewSection,
    proactiveSection(proactiveTable2021),
    applicationsSection(
      applicationsTable({
        key: 'otherHandling',
        label: '（六）其他处理',
        children: [
          {
            key: 'overdueCorrection',
            label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            shortLabel: '其他处理·逾期不补正',
            legalBasis: '条例第三十条',
          },
          {
            key: 'overdueFee',
            label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            shortLabel: '其他处理·逾期未缴费',
            legalBasis: '条例第四十二条；《政府信息公开信息处理费管理办法》',
          },
          { key: 'other', label: '3.其他', shortLabel: '其他处理·其他' },
        ],
      }),
    ),
    reviewLitigationSection,
    problemsSection,
    otherSection,
  ],
  rules: [
    ...applicationsAndReviewRules,
    {
      id: 'R2.1',
      kind: 'valueType',
      severity: 'error',
      source: '表二：件数、处理决定数量为非负整数',
      description: '本年制发件数、本年废止件数、现行有效件数和本年处理决定数量都是不小于 0 的整数',
      table: 'proactive',
      valueTypes: ['count'],
    },
    {
      id: 'R2.2',
      kind: 'valueType',
      severity: 'error',
      source: '表二第二十条第（八）项：本年收费金额（单位：万元）',
      description: '本年收费金额是不小于 0 的数，单位万元，最多 4 位小数，格内不写单位',
      table: 'proactive',
      valueTypes: ['amount'],
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
      id: 'C2',
      kind: 'relation',
      relation: 'equal',
      severity: 'warning',
      source: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
      description: '规章和行政规范性文件：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（修订、清理可能使其不成立）',
      forEach: { variable: 'row', table: 'proactive', over: 'rows', parts: [0] },
      needsPreviousTemplate: '2021',
      left: [{ cell: 'proactive.$row.inForce' }],
      right: [
        { cell: 'proactive.$row.inForce', previousYear: true, label: '上年现行有效件数' },
        { cell: 'proactive.$row.issued' },
        { cell: 'proactive.$row.repealed', negate: true },
      ],
    },
  ],
} as const satisfies ReportTemplate;
