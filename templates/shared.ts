/**
 * Parts of the statutory template that are identical in the 2019 and 2021 formats (spec §2.2, §3.2,
 * §3.3, §4.2–4.4). Each format's module (`report-2021.ts`, `report-2019.ts`) assembles these with its
 * own table 二 and its own （六）其他处理 rows.
 *
 * Labels are the official text character for character: full-width `（）：“”、`, half-width `.` in `1.`.
 */
import type {
  ColumnNode,
  ForEach,
  NarrativeSectionTemplate,
  RowNode,
  RuleTemplate,
  TableSectionTemplate,
  TableTemplate,
} from '../src/domain/template-types.ts';

const NOTICE_SOURCE = '《中华人民共和国政府信息公开条例》第五十条';

/** Table 三 applicant columns (spec §3.2 header h1–h3, keys §A.1). */
export const applicantColumns: readonly ColumnNode[] = [
  {
    label: '申请人情况',
    children: [
      { key: 'naturalPerson', label: '自然人' },
      {
        label: '法人或其他组织',
        children: [
          { key: 'commercial', label: '商业企业' },
          { key: 'research', label: '科研机构' },
          { key: 'publicInterest', label: '社会公益组织' },
          { key: 'legalService', label: '法律服务机构' },
          { key: 'otherOrg', label: '其他', shortLabel: '其他组织' },
        ],
      },
      { key: 'total', label: '总计', computed: true },
    ],
  },
];

/** The official note in table 三's corner cell; it states rule R3.1. */
export const applicationsCornerNote = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 三 result rows （一）–（五）, identical in both formats (spec §3.2 rows 3–20, legal basis §1.4). */
const resultRowsBeforeOther: readonly RowNode[] = [
  { key: 'granted', label: '（一）予以公开', shortLabel: '予以公开' },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', shortLabel: '部分公开' },
  {
    key: 'denied',
    label: '（三）不予公开',
    children: [
      { key: 'stateSecret', label: '1.属于国家秘密', shortLabel: '不予公开·国家秘密', legalBasis: '条例第十四条' },
      { key: 'prohibitedByLaw', label: '2.其他法律行政法规禁止公开', shortLabel: '不予公开·法律行政法规禁止', legalBasis: '条例第十四条' },
      { key: 'securityStability', label: '3.危及“三安全一稳定”', shortLabel: '不予公开·三安全一稳定', legalBasis: '条例第十四条' },
      { key: 'thirdPartyRights', label: '4.保护第三方合法权益', shortLabel: '不予公开·第三方合法权益', legalBasis: '条例第十五条' },
      { key: 'internalAffairs', label: '5.属于三类内部事务信息', shortLabel: '不予公开·内部事务信息', legalBasis: '条例第十六条第一款' },
      { key: 'processInformation', label: '6.属于四类过程性信息', shortLabel: '不予公开·过程性信息', legalBasis: '条例第十六条第二款' },
      { key: 'enforcementFile', label: '7.属于行政执法案卷', shortLabel: '不予公开·行政执法案卷', legalBasis: '条例第十六条第二款' },
      { key: 'administrativeQuery', label: '8.属于行政查询事项', shortLabel: '不予公开·行政查询事项', legalBasis: '条例第三十六条第（七）项' },
    ],
  },
  {
    key: 'unavailable',
    label: '（四）无法提供',
    children: [
      { key: 'notHeld', label: '1.本机关不掌握相关政府信息', shortLabel: '无法提供·不掌握', legalBasis: '条例第三十六条第（四）（五）项' },
      { key: 'needsCreation', label: '2.没有现成信息需要另行制作', shortLabel: '无法提供·需另行制作', legalBasis: '条例第三十八条' },
      { key: 'unclearAfterCorrection', label: '3.补正后申请内容仍不明确', shortLabel: '无法提供·补正后仍不明确', legalBasis: '条例第三十条' },
    ],
  },
  {
    key: 'notProcessed',
    label: '（五）不予处理',
    children: [
      { key: 'petitionOrComplaint', label: '1.信访举报投诉类申请', shortLabel: '不予处理·信访举报投诉', legalBasis: '条例第三十九条第一款' },
      { key: 'duplicate', label: '2.重复申请', shortLabel: '不予处理·重复申请', legalBasis: '条例第三十六条第（六）项' },
      { key: 'publication', label: '3.要求提供公开出版物', shortLabel: '不予处理·公开出版物', legalBasis: '条例第三十九条第二款' },
      { key: 'excessive', label: '4.无正当理由大量反复申请', shortLabel: '不予处理·大量反复申请', legalBasis: '条例第三十五条' },
      { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息', shortLabel: '不予处理·确认或重新出具' },
    ],
  },
];

/** Builds table 三 around the format's own （六）其他处理 row(s) (spec §3.2; 2019: §4.2). */
export function applicationsTable(otherHandling: RowNode): TableTemplate {
  return {
    key: 'applications',
    gridColumns: 10,
    labelColumns: 3,
    // The 二级 label column holds `（三）` on one line (three 五号 characters) in Word; the sum stays 108.
    columnWeights: [7, 10, 28, 9, 9, 9, 9, 9, 9, 9],
    repeatHeader: true,
    parts: [
      {
        corner: applicationsCornerNote,
        columns: applicantColumns,
        valueType: 'count',
        rows: [
          { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', shortLabel: '本年新收' },
          { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', shortLabel: '上年结转' },
          {
            label: '三、本年度办理结果',
            group: 'results',
            children: [
              ...resultRowsBeforeOther,
              otherHandling,
              { key: 'resultTotal', label: '（七）总计', shortLabel: '办理结果总计', computed: true },
            ],
          },
          { key: 'carriedForward', label: '四、结转下年度继续办理', shortLabel: '结转下年度' },
        ],
      },
    ],
  };
}

/** Table 四, identical in both formats (spec §3.3, keys §A.2). */
const outcomeColumns: readonly ColumnNode[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计', computed: true },
];

export const reviewLitigationTable: TableTemplate = {
  key: 'reviewLitigation',
  gridColumns: 15,
  labelColumns: 0,
  columnWeights: Array.from({ length: 15 }, () => 1),
  repeatHeader: true,
  parts: [
    {
      valueType: 'count',
      columns: [
        { key: 'review', label: '行政复议', children: outcomeColumns },
        {
          label: '行政诉讼',
          children: [
            { key: 'litigationDirect', label: '未经复议直接起诉', children: outcomeColumns },
            { key: 'litigationAfterReview', label: '复议后起诉', children: outcomeColumns },
          ],
        },
      ],
      rows: [{ label: '' }],
    },
  ],
};

/** 一、总体情况: the five topics of 30号 (spec §2.3, [OFFICIAL, S2]). */
export const overviewSection: NarrativeSectionTemplate = {
  id: 'overview',
  kind: 'narrative',
  heading: '一、总体情况',
  source: '国办公开办函〔2021〕30号 一、（一）总体情况',
  guidance:
    '这一项报告本机关政府信息公开工作总体情况，对本机关贯彻落实《中华人民共和国政府信息公开条例》情况进行综述，主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（含《中华人民共和国政府信息公开条例》第五十条第四项规定的各级人民政府“工作考核、社会评议和责任追究结果情况”）等方面。',
  allowExtraParts: true,
  hasIntro: true,
  hasFeeStatement: false,
  feeStatementRequired: false,
  parts: [
    { key: 'proactive', title: '主动公开', guidance: '本年主动公开政府信息的渠道、数量和重点领域，政策解读和回应关切情况。' },
    { key: 'onRequest', title: '依申请公开', guidance: '收到和办理政府信息公开申请的总体情况；引用的数字应与表三一致。' },
    { key: 'management', title: '政府信息管理', guidance: '政府信息的发布审查、动态更新、规范性文件清理等管理情况。' },
    { key: 'platforms', title: '政府信息公开平台建设', guidance: '政府网站、政务新媒体、政府公报、公开专栏等平台的建设和运维情况。' },
    {
      key: 'oversight',
      title: '监督保障',
      guidance: '组织领导、培训、考核、社会评议和责任追究情况。各级人民政府须报告工作考核、社会评议和责任追究结果情况。',
    },
  ],
};

function tableSection(
  id: TableSectionTemplate['id'],
  heading: string,
  guidance: string,
  table: TableTemplate,
): TableSectionTemplate {
  return { id, kind: 'table', heading, guidance, source: NOTICE_SOURCE, lead: '', table };
}

/**
 * The 填报说明 of table 二 names the 第二十条 items the table itself has, read from its part captions
 * (the 2019 format has （九）政府集中采购, the 2021 format does not), so the two never disagree.
 */
export function proactiveSection(table: TableTemplate): TableSectionTemplate {
  const items = table.parts.flatMap((part) => /^第二十条第(（[一二三四五六七八九十]+）)项$/.exec(part.caption ?? '')?.[1] ?? []);
  return tableSection(
    'proactive',
    '二、主动公开政府信息情况',
    `按《中华人民共和国政府信息公开条例》第二十条第${items.join('、')}项填写本年度数据。无数据的格子填 0。`,
    table,
  );
}

export function applicationsSection(table: TableTemplate): TableSectionTemplate {
  return tableSection(
    'applications',
    '三、收到和处理政府信息公开申请情况',
    '按申请人类型分列本年新收、上年结转、办理结果和结转下年度的申请件数。每一列须满足：第一项加第二项之和，等于第三项加第四项之和。“总计”列和“（七）总计”行由系统自动计算。',
    table,
  );
}

export const reviewLitigationSection: TableSectionTemplate = tableSection(
  'reviewLitigation',
  '四、政府信息公开行政复议、行政诉讼情况',
  '填写本年度因政府信息公开工作被申请行政复议、提起行政诉讼的件数。各“总计”由系统按结果维持、结果纠正、其他结果、尚未审结之和自动计算。',
  reviewLitigationTable,
);

export const problemsSection: NarrativeSectionTemplate = {
  id: 'problems',
  kind: 'narrative',
  heading: '五、存在的主要问题及改进情况',
  source: '《中华人民共和国政府信息公开条例》第五十条第（四）项',
  guidance: '如实报告本年度政府信息公开工作存在的主要问题，以及已经采取和计划采取的改进措施。不能只写“无”。',
  allowExtraParts: false,
  hasIntro: false,
  hasFeeStatement: false,
  feeStatementRequired: false,
  parts: [
    { key: 'problems', title: '存在的主要问题', guidance: '逐条列出本年度工作中存在的主要问题。', minLength: 10 },
    { key: 'improvements', title: '改进情况', guidance: '针对上述问题已采取和下一步拟采取的改进措施。', minLength: 10 },
  ],
};

export const otherSection: NarrativeSectionTemplate = {
  id: 'other',
  kind: 'narrative',
  heading: '六、其他需要报告的事项',
  source: '《中华人民共和国政府信息公开条例》第五十条第（五）项；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  guidance:
    '报告本年度发出收费通知和实际收取信息处理费的情况（未收取的也应说明），以及其他需要报告的事项。落实政务公开工作要点、人大代表建议和政协委员提案办理结果公开、创新情况等按本地要求选填。',
  allowExtraParts: false,
  hasIntro: false,
  hasFeeStatement: true,
  feeStatementRequired: true,
  parts: [
    {
      key: 'workPoints',
      title: '落实政务公开工作要点情况',
      guidance: '落实上级政务公开工作要点的情况。',
      optional: true,
    },
    {
      key: 'proposals',
      title: '人大代表建议和政协委员提案办理结果公开情况',
      guidance: '本年度人大代表建议和政协委员提案办理结果的公开情况。',
      optional: true,
    },
    { key: 'innovation', title: '政务公开工作创新情况', guidance: '本年度政务公开工作的创新做法。', optional: true },
    { key: 'otherMatters', title: '其他事项', guidance: '其他需要报告的事项；没有的可不填。', optional: true },
  ],
};

/** Binds `$result` to each result row （一）…（六） of table 三, without （七）总计 itself. */
const everyResultRow: ForEach = {
  variable: 'result',
  table: 'applications',
  over: 'rows',
  group: 'results',
  except: ['resultTotal'],
};

/** Rules shared by both formats: table 三 (spec §5.1) and table 四 (spec §5.2). */
export const applicationsAndReviewRules: readonly RuleTemplate[] = [
  {
    id: 'R3.1',
    kind: 'relation',
    relation: 'equal',
    severity: 'error',
    source: '表三表头（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    description: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度',
    forEach: { variable: 'col', table: 'applications', over: 'columns' },
    left: [{ cell: 'applications.newReceived.$col' }, { cell: 'applications.carriedOver.$col' }],
    right: [{ cell: 'applications.resultTotal.$col' }, { cell: 'applications.carriedForward.$col' }],
    fixTarget: 'applications.carriedForward.$col',
  },
  {
    id: 'R3.2',
    kind: 'relation',
    relation: 'equal',
    severity: 'error',
    source: '表三“（七）总计”行：（一）至（六）各项之和',
    description: '每一列：（七）总计 = （一）至（六）各项办理结果之和',
    forEach: { variable: 'col', table: 'applications', over: 'columns', except: ['total'] },
    computes: true,
    left: [{ cell: 'applications.resultTotal.$col' }],
    right: [
      { cell: 'applications.$result.$col', label: '（一）至（六）之和', sumOver: everyResultRow },
    ],
  },
  {
    id: 'R3.2',
    kind: 'relation',
    relation: 'equal',
    severity: 'error',
    source: '表三“（七）总计”行：（一）至（六）各项之和',
    description: '总计列：（七）总计 = （一）至（六）各项办理结果之和',
    left: [{ cell: 'applications.resultTotal.total' }],
    right: [
      { cell: 'applications.$result.total', label: '（一）至（六）之和', sumOver: everyResultRow },
    ],
  },
  {
    id: 'R3.3',
    kind: 'relation',
    relation: 'equal',
    severity: 'error',
    source: '表三“总计”列：自然人与法人或其他组织各列之和',
    description: '每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
    forEach: { variable: 'row', table: 'applications', over: 'rows' },
    computes: true,
    left: [{ cell: 'applications.$row.total' }],
    right: [
      { cell: 'applications.$row.naturalPerson' },
      { cell: 'applications.$row.commercial' },
      { cell: 'applications.$row.research' },
      { cell: 'applications.$row.publicInterest' },
      { cell: 'applications.$row.legalService' },
      { cell: 'applications.$row.otherOrg' },
    ],
  },
  {
    id: 'R3.4',
    kind: 'valueType',
    severity: 'error',
    source: '表三：申请件数为非负整数',
    description: '表三每一格都是不小于 0 的整数',
    table: 'applications',
  },
  {
    id: 'R3.5',
    kind: 'filled',
    severity: 'warning',
    source: '表三：没有的填 0，不留空',
    description: '表三不留空格，没有的填 0',
    table: 'applications',
  },
  {
    id: 'R4.1',
    kind: 'relation',
    relation: 'equal',
    severity: 'error',
    source: '表四：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    description: '行政复议、未经复议直接起诉、复议后起诉各自：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    forEach: { variable: 'group', table: 'reviewLitigation', over: 'columnGroups' },
    computes: true,
    left: [{ cell: 'reviewLitigation.$group.total' }],
    right: [
      { cell: 'reviewLitigation.$group.upheld' },
      { cell: 'reviewLitigation.$group.corrected' },
      { cell: 'reviewLitigation.$group.other' },
      { cell: 'reviewLitigation.$group.pending' },
    ],
  },
  {
    id: 'R4.2',
    kind: 'valueType',
    severity: 'error',
    source: '表四：件数为非负整数',
    description: '表四每一格都是不小于 0 的整数',
    table: 'reviewLitigation',
  },
  {
    id: 'R3.5',
    kind: 'filled',
    severity: 'warning',
    source: '表四：没有的填 0，不留空',
    description: '表四不留空格，没有的填 0',
    table: 'reviewLitigation',
  },
  {
    id: 'C1',
    kind: 'relation',
    relation: 'equal',
    severity: 'warning',
    source: '本年“上年结转”应等于上年报告“结转下年度继续办理”',
    description: '每一列：本年上年结转 = 上年报告结转下年度继续办理',
    forEach: { variable: 'col', table: 'applications', over: 'columns' },
    left: [{ cell: 'applications.carriedOver.$col' }],
    right: [{ cell: 'applications.carriedForward.$col', previousYear: true, label: '上年报告结转下年度' }],
    fixTarget: 'applications.carriedOver.$col',
  },
];
