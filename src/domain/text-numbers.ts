/**
 * Numbers in the report's text checked against its tables (spec §5.6 N1–N9, plus amounts).
 *
 * Published reports contradict their own tables as often as they fail the arithmetic (现行有效行政规范性文件
 * 393件 beside a table of 470). This module finds the statements of counts a report makes in the phrasings
 * reports use — 受理依申请公开52件，已办结50件，2件结转下年度继续办理；予以公开及部分公开258件；行政复议2件
 * （其中作出结果纠正1件）；涉及自然人80件、商业企业1件 — and compares each with every reading the tables
 * allow. A statement warns only when no reading agrees:
 * - a number whose words name nothing the tables hold (政策解读稿17件, 新闻发布会1次) is not a statement;
 * - a sentence with several readings (受理 = 本年新收, or 本年新收 + 上年结转; 2件不予公开或不予处理 = either
 *   group or both) is fine when one of them agrees;
 * - a table cell still empty gives nothing (the statement cannot be judged yet);
 * - approximations (60余件, 约50件) and comparisons (较上年增加10件) are not statements of a cell;
 * - a statement its sentence dates as another year (2022年共受理申请15件 in a 2023 report: `datedYear`) is not
 *   about this year's tables. It is not compared with last year's report either: such sentences compare two
 *   years in one breath (2022年…15件，2023年…20件), and which figure of last year's tables a clause means
 *   (last year's 本年新收, or the 上年结转 it handed on) is less certain than the reading of this year's.
 *
 * Counts are read in 件/起/宗 and, for the few quantities published reports count so, in 份, 条 and 次
 * (`UNIT_SCOPES`: 申请2份, 依申请公开信息3条, 行政复议0次).
 *
 * Counts may be written in Chinese numerals (收到申请两件, 行政复议一起, 一百零五件: text-numbers-chinese.ts);
 * their fix writes the tables' number back in Chinese numerals. A statement of absence (本年度未收到政府信息
 * 公开申请, 无行政复议和行政诉讼, 未收取信息处理费) states 0 for what it denies (`absenceCandidatesOf`); it has
 * no one-click fix, since a negation is not turned into a sentence with a number mechanically.
 *
 * How a number's words are found: the text from the previous delimiter (，。；、：（）and line ends) or the
 * previous number, whichever is nearer, up to the number, and from its unit to the next delimiter or
 * number. That window is matched against the phrase patterns below (data: `SUBJECTS`, `MODIFIERS`). A
 * pattern found inside a longer one (予以公开 inside 不予以公开) does not count.
 *
 * Cell keys are read from the report's template (`indexTemplate`): a reading names cells by key or by a
 * `*` pattern (`applications.denied.*.total`), and a reading whose cells the format does not have is
 * dropped, so the same data serves the 2019 and the 2021 format.
 *
 * The text is read only through `narrativeOutline` (report-outline.ts) and the section's intro, so this
 * keeps working whatever shape the stored narrative takes.
 */
import { formatCellValue } from './cell-input.ts';
import type { CellValues, Draft } from './draft-types.ts';
import type { Finding, TextFix } from './findings.ts';
import { narrativeOutline, partPlaceName } from './report-outline.ts';
import { indexTemplate, narrativeSections } from './template.ts';
import { CHINESE_NUMERAL_CHARS, readChineseNumeral, writeChineseNumeral } from './text-numbers-chinese.ts';
import type { NarrativeSectionTemplate, ReportTemplate } from './template-types.ts';
import { flattenTables, templateOf } from './values.ts';

/** Units a count or an amount is stated in. */
type Unit = 'count' | '万元' | '元';

/**
 * One alternative meaning of a statement: the sum of some cells. `cells` holds keys or `*` patterns
 * (one key segment each), resolved against the template.
 */
interface ReadingSpec {
  readonly cells: readonly string[];
  /** What the reading is, for the message: 表三“本年新收”. */
  readonly label: string;
}

interface Subject {
  /** Spec rule id of a mismatch. */
  readonly rule: string;
  readonly pattern: RegExp;
  /** The window must also contain this (受理 … 申请). */
  readonly requires?: RegExp;
  /** Words that make the window about something else (投诉、咨询, 复议 for the applications …). */
  readonly exclude?: RegExp;
  readonly unit: 'count' | 'amount';
  /** The table a modifier (an applicant type, a result of 复议) refines. */
  readonly table?: 'applications' | 'reviewLitigation';
  /**
   * Alternatives; the first is the one a fix writes. `sentence`: the window and the rest of its sentence
   * (共收到申请55件（含上年结转3件）: the parenthesis says what the 55 includes).
   */
  readonly readings: (window: string, sentence: string) => readonly ReadingSpec[];
}

/** Refines the subjects of its table to one column: 自然人 → `…naturalPerson`; 维持 → `….upheld`. */
interface Modifier {
  readonly table: 'applications' | 'reviewLitigation';
  readonly pattern: RegExp;
  /**
   * Whether the words alone make a statement (涉及自然人80件; 结果纠正1件) — otherwise they only refine a
   * subject named beside them (受理企业申请16件), since 企业 or 纠正 alone speak of many other things.
   */
  readonly standsAlone: boolean;
  /** Column keys replacing the last key segment (`total`), summed. */
  readonly columns: readonly string[];
  readonly label: string;
}

/** Other things agencies receive and handle (建议、投诉、许可申请 …): not 政府信息公开申请. */
const NOT_APPLICATIONS = /建议|提案|咨询|热线|留言|来信|信件|求助|诉求|来电|复议|诉讼|起诉|投诉|举报|信访|许可|处罚|强制|审批|政务服务|办件|事项/;

const fixed =
  (...readings: ReadingSpec[]) =>
  () =>
    readings;

const T3 = (row: string) => `applications.${row}.total`;
const T3_GROUP = (group: string) => [`applications.${group}.*.total`, `applications.${group}.total`];

/** The statements reports make, as data. Order matters only for the message: the nearest match leads. */
export const SUBJECTS: readonly Subject[] = [
  // 表三: received (N1 新收/收到, N2 受理), carried over (N3), completed (N4), carried forward (N5).
  {
    rule: 'N1',
    pattern: /本年新收|新收|收到|接收|接到|共收|收悉/,
    requires: /申请/,
    exclude: NOT_APPLICATIONS,
    unit: 'count',
    table: 'applications',
    readings: (window, sentence) => receivedReadings(window, sentence, false),
  },
  {
    rule: 'N2',
    pattern: /受理/,
    requires: /申请/,
    exclude: NOT_APPLICATIONS,
    unit: 'count',
    table: 'applications',
    readings: (window, sentence) => receivedReadings(window, sentence, true),
  },
  {
    rule: 'N3',
    pattern: /上一?年度?结转|去年结转|结转上年/,
    unit: 'count',
    table: 'applications',
    readings: fixed({ cells: [T3('carriedOver')], label: '表三“上年结转”' }),
  },
  {
    rule: 'N4',
    pattern: /办结|答复|办理完毕|处理完毕|已办理/,
    exclude: /建议|提案|咨询|热线|留言|来信|信件|求助|诉求|来电|投诉|举报|复议|诉讼/,
    unit: 'count',
    table: 'applications',
    readings: fixed({ cells: [T3('resultTotal')], label: '表三“办理结果总计”' }),
  },
  {
    rule: 'N5',
    pattern: /结转(?:至|到)?下一?年度?|转入下一?年度?|结转\d{4}年度?|下一?年度继续办理|继续办理/,
    unit: 'count',
    table: 'applications',
    readings: fixed({ cells: [T3('carriedForward')], label: '表三“结转下年度继续办理”' }),
  },
  // 表三 results (N8): each row and each group.
  row('N8', /予以公开|同意公开|全部公开/, [T3('granted')], '表三“予以公开”'),
  row('N8', /部分公开/, [T3('partiallyGranted')], '表三“部分公开”'),
  row('N8', /不予公开|不予以公开|不公开/, T3_GROUP('denied'), '表三“不予公开”各项之和'),
  row('N8', /国家秘密/, [T3('denied.stateSecret')], '表三“属于国家秘密”'),
  row('N8', /法律行政法规禁止公开|法律法规禁止公开/, [T3('denied.prohibitedByLaw')], '表三“其他法律行政法规禁止公开”'),
  row('N8', /三安全一稳定/, [T3('denied.securityStability')], '表三“危及三安全一稳定”'),
  row('N8', /第三方合法权益|第三方权益/, [T3('denied.thirdPartyRights')], '表三“保护第三方合法权益”'),
  row('N8', /内部事务/, [T3('denied.internalAffairs')], '表三“属于三类内部事务信息”'),
  row('N8', /过程性信息/, [T3('denied.processInformation')], '表三“属于四类过程性信息”'),
  row('N8', /行政执法案卷/, [T3('denied.enforcementFile')], '表三“属于行政执法案卷”'),
  row('N8', /行政查询/, [T3('denied.administrativeQuery')], '表三“属于行政查询事项”'),
  row('N8', /无法提供/, T3_GROUP('unavailable'), '表三“无法提供”各项之和'),
  row('N8', /不掌握|信息不存在|非本机关/, [T3('unavailable.notHeld')], '表三“本机关不掌握相关政府信息”'),
  row('N8', /另行制作|另行制定|没有现成信息|无现成信息/, [T3('unavailable.needsCreation')], '表三“没有现成信息需要另行制作”'),
  row('N8', /仍不明确/, [T3('unavailable.unclearAfterCorrection')], '表三“补正后申请内容仍不明确”'),
  row('N8', /不予处理/, T3_GROUP('notProcessed'), '表三“不予处理”各项之和'),
  row('N8', /信访举报投诉/, [T3('notProcessed.petitionOrComplaint')], '表三“信访举报投诉类申请”'),
  row('N8', /重复申请/, [T3('notProcessed.duplicate')], '表三“重复申请”'),
  row('N8', /公开出版物/, [T3('notProcessed.publication')], '表三“要求提供公开出版物”'),
  row('N8', /大量反复/, [T3('notProcessed.excessive')], '表三“无正当理由大量反复申请”'),
  row('N8', /重新出具|确认.{0,6}已获取/, [T3('notProcessed.confirmation')], '表三“要求行政机关确认或重新出具已获取信息”'),
  row('N8', /其他处理/, T3_GROUP('otherHandling'), '表三“其他处理”'),
  row('N8', /逾期不补正|逾期未补正|未补正/, [T3('otherHandling.overdueCorrection'), T3('otherHandling')], '表三“逾期不补正”'),
  row('N8', /未按收费通知|逾期未缴|未缴纳/, [T3('otherHandling.overdueFee'), T3('otherHandling')], '表三“逾期未按收费通知缴费”'),
  row('N8', /其他原因|其他情形/, [T3('otherHandling.other'), T3('otherHandling')], '表三“其他处理·其他”'),
  // 表四 (N6 复议, N7 诉讼 = 未经复议直接起诉 + 复议后起诉).
  {
    rule: 'N6',
    pattern: /行政复议|复议/,
    unit: 'count',
    table: 'reviewLitigation',
    readings: fixed({ cells: ['reviewLitigation.review.total'], label: '表四“行政复议总计”' }),
  },
  {
    rule: 'N7',
    pattern: /行政诉讼|诉讼|应诉/,
    unit: 'count',
    table: 'reviewLitigation',
    readings: fixed({
      cells: ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'],
      label: '表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计',
    }),
  },
  {
    rule: 'N7',
    pattern: /直接起诉|直接提起/,
    unit: 'count',
    table: 'reviewLitigation',
    readings: fixed({ cells: ['reviewLitigation.litigationDirect.total'], label: '表四“未经复议直接起诉总计”' }),
  },
  {
    rule: 'N7',
    pattern: /复议后起诉|复议后提起/,
    unit: 'count',
    table: 'reviewLitigation',
    readings: fixed({ cells: ['reviewLitigation.litigationAfterReview.total'], label: '表四“复议后起诉总计”' }),
  },
  // 表二 (N9): 规章 / 规范性文件 制发、废止、现行有效; decisions.
  ...documentSubjects('normativeDocuments', /规范性文件/, undefined, '行政规范性文件'),
  ...documentSubjects('regulations', /规章/, /规章制度/, '规章'),
  table2('N9', /行政许可/, 'proactive.licensing.decisions', '表二“行政许可”本年处理决定数量'),
  table2('N9', /行政处罚/, 'proactive.penalty.decisions', '表二“行政处罚”本年处理决定数量'),
  table2('N9', /行政强制/, 'proactive.coercion.decisions', '表二“行政强制”本年处理决定数量'),
  // Amounts: 表二 行政事业性收费 (万元, 2021 format) and the 信息处理费 of 六 (元).
  {
    rule: 'N14',
    pattern: /行政事业性收费|收费金额/,
    unit: 'amount',
    readings: fixed({ cells: ['proactive.fees.amount'], label: '表二“行政事业性收费”本年收费金额' }),
  },
  {
    rule: 'N14',
    pattern: /信息处理费/,
    unit: 'amount',
    readings: (window) =>
      /通知/.test(window) && !/收取|收缴/.test(window)
        ? [{ cells: ['fees.noticesAmount'], label: '信息处理费“收费通知金额合计”' }]
        : [
            { cells: ['fees.collectedAmount'], label: '“实际收取信息处理费”' },
            { cells: ['fees.noticesAmount'], label: '信息处理费“收费通知金额合计”' },
          ],
  },
  {
    rule: 'N14',
    pattern: /收费通知|缴费通知|缴款通知/,
    unit: 'count',
    readings: fixed({ cells: ['fees.noticesIssued'], label: '信息处理费“本年发出收费通知件数”' }),
  },
];

function row(rule: string, pattern: RegExp, cells: string[], label: string): Subject {
  // Alternatives of one row (2021 key first, 2019 key after): the first the format has is the reading.
  return {
    rule,
    pattern,
    unit: 'count',
    table: 'applications',
    readings: () => (cells.some((cell) => cell.includes('*')) ? [{ cells, label }] : cells.map((cell) => ({ cells: [cell], label }))),
  };
}

/** 行政许可/处罚/强制 decisions: a count of 决定, not of applications received (受理行政许可申请3000件). */
function table2(rule: string, pattern: RegExp, cell: string, label: string): Subject {
  return { rule, pattern, requires: /决定|作出|办结|实施|查处/, exclude: /申请|受理/, unit: 'count', readings: fixed({ cells: [cell], label }) };
}

/** 制发 / 废止 / 现行有效 of 规章 or 规范性文件, each format's columns (2019: 新制作、新公开、对外公开总数). */
function documentSubjects(row: string, pattern: RegExp, exclude: RegExp | undefined, name: string): Subject[] {
  const cell = (column: string) => `proactive.${row}.${column}`;
  const base = { rule: 'N9', pattern, unit: 'count' as const, ...(exclude ? { exclude } : {}) };
  return [
    {
      ...base,
      requires: /制发|印发|出台|制定|新制作|发布/,
      readings: fixed(
        { cells: [cell('issued')], label: `表二“${name}”本年制发件数` },
        { cells: [cell('newlyMade')], label: `表二“${name}”本年新制作数量` },
        { cells: [cell('newlyPublished')], label: `表二“${name}”本年新公开数量` },
      ),
    },
    { ...base, requires: /废止/, readings: fixed({ cells: [cell('repealed')], label: `表二“${name}”本年废止件数` }) },
    {
      ...base,
      requires: /现行有效|对外公开总/,
      readings: fixed(
        { cells: [cell('inForce')], label: `表二“${name}”现行有效件数` },
        { cells: [cell('totalPublished')], label: `表二“${name}”对外公开总数量` },
      ),
    },
  ];
}

/**
 * 新收 only counts this year's; 含上年结转 includes last year's; 收到 or 受理 alone may mean either — 受理
 * more often the whole workload (spec §5.6 N2: 93 = 91 + 2 in sample 000), so its fix writes the sum.
 */
function receivedReadings(window: string, sentence: string, accepted: boolean): readonly ReadingSpec[] {
  const newOnly: ReadingSpec = { cells: [T3('newReceived')], label: '表三“本年新收”' };
  const withCarried: ReadingSpec = { cells: [T3('newReceived'), T3('carriedOver')], label: '表三“本年新收”与“上年结转”之和' };
  if (/新收/.test(window)) return [newOnly];
  if (/(?:含|包括|连同)[^，。；]{0,4}结转/.test(sentence)) return [withCarried];
  return accepted ? [withCarried, newOnly] : [newOnly, withCarried];
}

const APPLICANT_COLUMNS = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

export const MODIFIERS: readonly Modifier[] = [
  { table: 'applications', pattern: /自然人/, standsAlone: true, columns: ['naturalPerson'], label: '自然人' },
  { table: 'applications', pattern: /法人或其他组织|法人和其他组织/, standsAlone: true, columns: APPLICANT_COLUMNS, label: '法人或其他组织' },
  { table: 'applications', pattern: /法人/, standsAlone: false, columns: APPLICANT_COLUMNS, label: '法人或其他组织' },
  { table: 'applications', pattern: /商业企业/, standsAlone: true, columns: ['commercial'], label: '商业企业' },
  { table: 'applications', pattern: /企业/, standsAlone: false, columns: ['commercial'], label: '商业企业' },
  { table: 'applications', pattern: /科研机构/, standsAlone: true, columns: ['research'], label: '科研机构' },
  { table: 'applications', pattern: /社会公益组织/, standsAlone: true, columns: ['publicInterest'], label: '社会公益组织' },
  { table: 'applications', pattern: /法律服务机构/, standsAlone: true, columns: ['legalService'], label: '法律服务机构' },
  { table: 'reviewLitigation', pattern: /结果维持/, standsAlone: true, columns: ['upheld'], label: '结果维持' },
  { table: 'reviewLitigation', pattern: /维持/, standsAlone: false, columns: ['upheld'], label: '结果维持' },
  { table: 'reviewLitigation', pattern: /结果纠正/, standsAlone: true, columns: ['corrected'], label: '结果纠正' },
  { table: 'reviewLitigation', pattern: /纠正|纠错/, standsAlone: false, columns: ['corrected'], label: '结果纠正' },
  { table: 'reviewLitigation', pattern: /其他结果/, standsAlone: true, columns: ['other'], label: '其他结果' },
  { table: 'reviewLitigation', pattern: /尚未审结|未审结/, standsAlone: true, columns: ['pending'], label: '尚未审结' },
  { table: 'reviewLitigation', pattern: /审理中/, standsAlone: false, columns: ['pending'], label: '尚未审结' },
];

/** A modifier without a subject of its table refines these (涉及自然人80件: received; 维持1件: any group). */
const DEFAULT_SUBJECTS: Record<Modifier['table'], readonly Subject[]> = {
  applications: SUBJECTS.filter((subject) => subject.rule === 'N1'),
  reviewLitigation: SUBJECTS.filter((subject) => subject.rule === 'N6' || subject.rule === 'N7'),
};

/**
 * A number with its unit: 52件, 1,234件, 0.5万元, 400元, 申请2份. `余`/`多` before the unit make it approximate.
 * 份, 条 and 次 count many things besides the tables' quantities; what they may state is `UNIT_SCOPES`.
 */
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(余|多)?\s*(万元|元|件|起|宗|份|条|次)/g;
/**
 * The unit of a count in Chinese numerals (两件, 一百零五件, 行政复议一起, 申请两份; text-numbers-chinese.ts).
 * Counts are found from their unit backwards: these units are rare in a text, numerals (一) are not, so this
 * costs a keystroke's check next to nothing. Amounts are written in figures (1.5万元): 三万元 is not read.
 * 条 and 次 in Chinese numerals are words far more often than counts (一条龙, 一次性, 再一次): not read.
 */
const CHINESE_COUNT_UNITS = ['件', '起', '宗', '份'] as const;

/**
 * What a count in a unit other than 件/起/宗 may state, from published reports:
 * - 份 and 条 count applications received (收到公民提出的政府信息公开申请2份, 武汉东湖风景区 2025; 全年收到依申请
 *   公开信息3条, 岳阳南湖 2019) and nothing else of the tables: 条 is the unit of 信息 published (主动公开信息319条,
 *   not in the tables) and of 留言 answered (公开答复28条 is no 办结 of 表三), 份 of documents (申请材料2份,
 *   答复书50份). So they are read only beside 收到/受理 … 申请 (N1, N2), refined by an applicant type at most.
 * - 次 counts 复议 and 诉讼 (行政复议0次, 被复议0次) but also training, meetings and court hearings (行政复议
 *   培训2次, 出庭应诉3次): it is read only when it follows 复议 or 诉讼 directly (案件, 共, 为 between at most).
 */
const UNIT_SCOPES: Readonly<Record<string, { readonly rules: ReadonlySet<string>; readonly notAbout: RegExp; readonly adjacent: boolean }>> = {
  份: { rules: new Set(['N1', 'N2']), notAbout: /书|材料|资料|表格|副本|复印|页|目录|文件/, adjacent: false },
  条: { rules: new Set(['N1', 'N2']), notAbout: /书|材料|资料|表格|副本|复印|页|目录|文件|留言|意见|线索/, adjacent: false },
  次: { rules: new Set(['N6', 'N7']), notAbout: /培训|学习|会议|旁听|观摩|宣传|讲座|演练|研讨|庭审|出庭|应诉|督查|检查|调度|通报/, adjacent: true },
};
/**
 * Between 复议/诉讼 and a figure in 次: only these words (行政复议案件共2次, 被申请行政复议0次; in 行政复议和行政
 * 诉讼均为0次 the figure follows 诉讼 only, and is read as the 诉讼 alone).
 */
const ADJACENT_FILLER = /^(?:案件?|的|均|都|共计?|累计|合计|计|为|数量?为?|总数为?|\s)*$/;

/** A figure with its unit, as found in the text. */
interface FigureMatch {
  readonly index: number;
  /** The figure, 余/多 and the unit: `52件`, `十余件`. */
  readonly length: number;
  /** The figure as written: `52`, `1,234`, `0.5`, `两`. */
  readonly figure: string;
  readonly chinese: boolean;
  readonly approximate: boolean;
  readonly unitWord: string;
}

function figuresOf(text: string): FigureMatch[] {
  const figures: FigureMatch[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const figure = match[1]! + (match[2] ?? '');
    figures.push({ index: match.index, length: match[0].length, figure, chinese: false, approximate: match[3] !== undefined, unitWord: match[4]! });
  }
  let chineseFound = false;
  // indexOf, not a regex: a character class scans a Chinese text ten times slower.
  for (const unitWord of CHINESE_COUNT_UNITS) {
    for (let unitAt = text.indexOf(unitWord); unitAt !== -1; unitAt = text.indexOf(unitWord, unitAt + 1)) {
      const figure = chineseCountEndingAt(text, unitAt, unitWord);
      if (figure === null) continue;
      figures.push(figure);
      chineseFound = true;
    }
  }
  return chineseFound ? figures.sort((a, b) => a.index - b.index) : figures;
}

/** The count in Chinese numerals whose unit stands at `unitAt`, or null. */
function chineseCountEndingAt(text: string, unitAt: number, unitWord: string): FigureMatch | null {
  let figureEnd = unitAt;
  const approximate = figureEnd > 0 && (text[figureEnd - 1] === '余' || text[figureEnd - 1] === '多');
  if (approximate) figureEnd--;
  let start = figureEnd;
  while (start > 0 && CHINESE_NUMERAL_CHARS.includes(text[start - 1]!)) start--;
  if (start === figureEnd) return null;
  const figure: FigureMatch = { index: start, length: unitAt + 1 - start, figure: text.slice(start, figureEnd), chinese: true, approximate, unitWord };
  return isCount(text, figure) ? figure : null;
}

/**
 * Chinese numerals are words as well as numbers (一件大事, 每一件, 一件一件, 与复议机关一起研究): one counts only
 * where it reads as one number, nothing before it makes it a word (第, 每, 逐, 这, 数十 …) and what follows
 * its unit ends the count.
 */
const CHINESE_WORD_BEFORE = new RegExp(`(?:[第每逐这那哪某同单唯任头首另此]|[${CHINESE_NUMERAL_CHARS}][件起宗份])$`);
/** 数十件, 几百件, 上千件: an estimate (but 总数一件 is a count). */
const CHINESE_ESTIMATE = /[数几上近][十百千万拾佰仟]$/;
const CHINESE_WORD_AFTER = new RegExp(`^(?:件|起|宗|份|事|大事|实事|好事|要事|难事|小事|不落|不漏|[${CHINESE_NUMERAL_CHARS}]+[件起宗份])`);
/** 一起 is 'together' unless the clause ends there or a case follows (行政复议一起；一起行政诉讼案件). */
const CHINESE_CASE_AFTER = /^(?:$|[，,。；;！!？?、：:（）()\n\r]|案|行政|复议|诉讼|均|已|尚|结果)/;

function isCount(text: string, { index, length, figure, approximate, unitWord }: FigureMatch): boolean {
  // An estimate (一两件, 三五件) reads as no number; 十余件 is an approximation, dropped later like 60余件.
  if (readChineseNumeral(figure) === null) return false;
  const after = text.slice(index + length, index + length + 8);
  if (CHINESE_WORD_BEFORE.test(text.slice(Math.max(0, index - 2), index))) return false;
  if (CHINESE_ESTIMATE.test(text.slice(Math.max(0, index - 1), index + 1))) return false;
  if (CHINESE_WORD_AFTER.test(after)) return false;
  return approximate || unitWord !== '起' || CHINESE_CASE_AFTER.test(after);
}
const DELIMITER = /[，,。；;！!？?、：:（）()\n\r【】]/;
const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|将近|大约|累计超)$/;
const APPROXIMATE_AFTER = /^(?:左右|以上|以下)/;
const COMPARISON = /同比|环比|较上年|比上年|较去年|比去年|较\d{4}年|比\d{4}年|增加|减少|增长|下降|上升|提高|降低|多出|少了/;

/** A number stated in the text and the readings it was compared with. */
export interface TextNumberStatement {
  /**
   * `figure`: a number written out (52件, 两件); `absence`: a statement that there was none
   * (本年度未收到政府信息公开申请, 无行政复议和行政诉讼), which states 0.
   */
  readonly kind: 'figure' | 'absence';
  /** Offsets in the part's text of the figure itself (`52` of `52件`), or of the words stating absence. */
  readonly start: number;
  readonly end: number;
  readonly stated: number;
  readonly unit: Unit;
  /** The unit as written (件, 起, 宗, 元, 万元); '' for a statement of absence. */
  readonly unitWord: string;
  /** The figure is written in Chinese numerals (两件): its fix is written so too. */
  readonly chinese: boolean;
  readonly rule: string;
  /** Every alternative the tables allow, resolved to cells and values; the first is the one a fix writes. */
  readonly readings: readonly { readonly cells: readonly string[]; readonly value: number; readonly label: string }[];
  /** Whether one of the readings agrees with the stated number. */
  readonly agrees: boolean;
}

interface ResolvedReading {
  readonly cells: readonly string[];
  readonly value: number;
  readonly label: string;
}

/** Value lookup for the cells of a reading: the tables' cells, and the 信息处理费 fields of the draft. */
export type ValueOf = (key: string) => number | null | undefined;

interface Found {
  readonly start: number;
  readonly end: number;
  readonly subject?: Subject;
  readonly modifier?: Modifier;
  /** Distance from the number (0 = touching), for choosing which match leads the message. */
  readonly distance: number;
}

/**
 * Every statement of a count in `text` about the report's year (`reportYear`). `keys` are the template's cell
 * keys (for `*` patterns and the format's own columns). A statement with an empty cell in any reading is left
 * out (nothing to judge yet), and so is one its sentence dates as another year (`datedYear`).
 */
export function textNumberStatements(text: string, keys: readonly string[], valueOf: ValueOf, reportYear: number): TextNumberStatement[] {
  const statements: TextNumberStatement[] = [];
  const { figures, absences } = candidatesOf(text);
  const ofThisYear = ({ dated }: { readonly dated: DatedYear | null }) => dated === null || dated === 'this' || dated === reportYear;
  for (const candidate of figures) {
    if (!ofThisYear(candidate)) continue;
    const statement = judge(candidate, keys, valueOf);
    if (statement) {
      const { start, end, stated, unit, unitWord, chinese } = candidate;
      statements.push({ ...statement, kind: 'figure', start, end, stated, unit, unitWord, chinese });
    }
  }
  for (const absence of absences) if (ofThisYear(absence)) statements.push(...judgeAbsence(absence, keys, valueOf));
  return statements.sort((a, b) => a.start - b.start);
}

/** A figure with its words: everything about it that depends on the text alone. */
interface Candidate {
  readonly start: number;
  /** End of the figure itself. */
  readonly end: number;
  readonly stated: number;
  readonly unit: Unit;
  /** The unit as written: 件, 起, 宗, 元, 万元. */
  readonly unitWord: string;
  /** Written in Chinese numerals (两件): the fix writes the tables' number the same way. */
  readonly chinese: boolean;
  readonly window: string;
  /** Where the figure stands in `window` (the length of the words before it). */
  readonly figureAt: number;
  /** The year the sentence dates the figure as (`datedYear`), or null when it names none. */
  readonly dated: DatedYear | null;
  readonly sentence: string;
  readonly found: readonly Found[];
}

/**
 * The figures of a text and the patterns around them, kept for the texts seen last: a keystroke changes
 * one paragraph, and the check of the others then costs only the comparison with the tables.
 */
const candidateCache = new Map<string, TextCandidates>();
const CANDIDATE_CACHE_SIZE = 200;

interface TextCandidates {
  readonly figures: readonly Candidate[];
  readonly absences: readonly AbsenceCandidate[];
}

function candidatesOf(text: string): TextCandidates {
  const cached = candidateCache.get(text);
  if (cached) return cached;
  const candidates: Candidate[] = [];
  // Words holding a Chinese numeral are not figures (figuresOf): they must not cut the words of a figure
  // beside them.
  const numbers = figuresOf(text);
  const sentenceEndAfter = sentenceEnds(text);
  // The subjects of the sentence's last statement, for a 其中 that only refines it (行政诉讼1件，其中维持1件).
  let sentenceSubjects: { readonly sentenceEnd: number; readonly found: readonly Found[] } | null = null;
  numbers.forEach((match, index) => {
    const start = match.index;
    const figureEnd = start + match.figure.length;
    const end = start + match.length;
    if (match.approximate) return; // 60余件, 十余件: approximate
    const previousEnd = index > 0 ? numbers[index - 1]!.index + numbers[index - 1]!.length : 0;
    const nextStart = index + 1 < numbers.length ? numbers[index + 1]!.index : text.length;
    const before = windowBefore(text, Math.max(previousEnd, 0), start);
    const after = windowAfter(text, end, nextStart);
    if (start > 0 && /[\d.第]/.test(text[start - 1]!)) return; // part of a longer figure, or 第3件
    if (APPROXIMATE_BEFORE.test(before) || APPROXIMATE_AFTER.test(after)) return;
    const window = `${before}|${after}`;
    if (COMPARISON.test(window)) return;
    let found = findAll(window, before.length);
    const ownSubjects = found.filter((f) => f.subject !== undefined);
    const end_ = sentenceEndAfter(end);
    if (ownSubjects.length > 0) sentenceSubjects = { sentenceEnd: end_, found: ownSubjects };
    else if (/^其中/.test(before) && found.length > 0 && sentenceSubjects?.sentenceEnd === end_) {
      // Inherited words stand before the window (distance past any of its own).
      found = [...found, ...sentenceSubjects.found.map((f) => ({ ...f, start: 0, end: 0, distance: window.length + f.distance }))];
    }
    if (found.length === 0) return;
    const { unitWord, chinese } = match;
    const unit: Unit = unitWord === '万元' || unitWord === '元' ? unitWord : 'count';
    const stated = chinese ? readChineseNumeral(match.figure)! : Number(match.figure.replace(/,/g, ''));
    // The rest of the sentence, as far as a parenthesis about the figure reaches (（含上年结转3件）).
    const sentence = `${window}${text.slice(end, Math.min(end_, end + SENTENCE_REST_MAX))}`;
    candidates.push({ start, end: figureEnd, stated, unit, unitWord, chinese, window, figureAt: before.length, dated: datedYear(text, start), sentence, found });
  });
  const result: TextCandidates = { figures: candidates, absences: absenceCandidatesOf(text) };
  if (candidateCache.size >= CANDIDATE_CACHE_SIZE) candidateCache.delete(candidateCache.keys().next().value!);
  candidateCache.set(text, result);
  return result;
}

/** How much of the sentence after a figure its readings look at. */
const SENTENCE_REST_MAX = 100;

/**
 * Where the sentence at each offset ends (the next 。；！？ or line end), found in one pass from the end:
 * asking for each figure separately would cost a text without full stops (1件1件…) quadratic time.
 */
function sentenceEnds(text: string): (from: number) => number {
  let ends: Int32Array | null = null;
  return (from) => {
    if (ends === null) {
      ends = new Int32Array(text.length + 1);
      ends[text.length] = text.length;
      for (let index = text.length - 1; index >= 0; index--) ends[index] = /[。；;！!？?\n]/.test(text[index]!) ? index : ends[index + 1]!;
    }
    return ends[Math.min(from, text.length)]!;
  };
}

/**
 * The year a sentence dates a statement as: the last year its words name before the statement — 2022年,
 * 二〇二二年, 2022年度 (`number`), 上年/上一年度/去年/前年 (`previous`: another year than the report's whatever
 * it is), or 本年度/今年 (`this`; 全年 and 当年 name no year: 2022年全年 is 2022's). A statement dated as another year (2022年共受理申请15件 in a 2023 report,
 * typically a comparison with last year) is not one about this year's tables. Not a dating:
 * - the name of a quantity of this year: 上年结转 (表三's carried-over row), 结转上年;
 * - a year compared with: 较2022年, 与上年相比, 比去年 (the statement after it is this year's);
 * - a year in a title: 《2022年政务公开工作要点》.
 * Only the sentence (back to 。；！？ or a line end) is read, at most `DATING_REACH` characters, so that a text
 * without full stops costs linear time.
 */
export type DatedYear = number | 'previous' | 'this';

const DATING_REACH = 120;
const YEAR_WORD = /([0-9]{4}|[〇零○一二三四五六七八九]{4})\s*年|上一年度?|上年度?|去年|前年|本年度?|今年/g;
const YEAR_COMPARED = /(?:较|比|与|同|和|跟|相对于|对比|相较于?)$/;
const CHINESE_YEAR_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function datedYear(text: string, at: number): DatedYear | null {
  let from = at;
  while (from > 0 && at - from < DATING_REACH && !/[。；;！!？?\n\r]/.test(text[from - 1]!)) from--;
  const before = text.slice(from, at);
  if (!/年/.test(before)) return null;
  let dated: DatedYear | null = null;
  for (const match of before.matchAll(YEAR_WORD)) {
    const word = match[0];
    const after = before.slice(match.index + word.length);
    const preceding = before.slice(0, match.index);
    if (/^度?结转/.test(after) || /结转$/.test(preceding)) continue;
    if (YEAR_COMPARED.test(preceding)) continue;
    if (preceding.lastIndexOf('《') > preceding.lastIndexOf('》')) continue;
    const digits = match[1];
    if (digits === undefined) dated = /^(?:本|今)/.test(word) ? 'this' : 'previous';
    else dated = /^[0-9]/.test(digits) ? Number(digits) : Number([...digits].map((c) => CHINESE_YEAR_DIGITS[c]).join(''));
  }
  return dated;
}

/**
 * Before a figure, 、 joins the nouns of one statement (受理公民、法人和其他组织提出的申请5件), not two
 * statements: a statement before the 、 would end in its own figure, and the window never reaches past that.
 */
const DELIMITER_BEFORE = /[，,。；;！!？?：:（）()\n\r【】]/;

function windowBefore(text: string, from: number, to: number): string {
  let start = to;
  while (start > from && !DELIMITER_BEFORE.test(text[start - 1]!)) start--;
  return text.slice(start, to);
}

function windowAfter(text: string, from: number, to: number): string {
  let end = from;
  while (end < to && !DELIMITER.test(text[end]!)) end++;
  return text.slice(from, end);
}

/**
 * Statements of absence (spec §5.6): 本年度未收到政府信息公开申请；无行政复议和行政诉讼；未发生行政复议、行政诉讼
 * 案件；没有因政府信息公开被申请行政复议或提起行政诉讼的情况；未收取信息处理费. Each states 0 for every quantity
 * it names, and warns when the tables hold more.
 *
 * A negation (未, 没有, 无) governs its clause up to the next ，。；：（ — an enumeration with 、, 和 or 或 stays
 * inside, so 未发生行政复议、行政诉讼案件 denies both. The clause states absence only when it is plain:
 * - the negation is not part of a word (未来, 未经复议直接起诉, 无法提供, 无差别受理, 没有现成信息, 有无 …);
 * - no figure stands in it (未办结的2件 is a statement of that figure);
 * - no second negation or restriction (无逾期未答复情况; 未收到其他申请; 未再发生) makes it say less than none;
 * - no condition, goal or other year before it (如未收到…; 力争无…; 上年未发生…);
 * - it names only quantities a negation denies outright: applications received (N1, N2), carried over (N3)
 *   or forward (N5), 复议 (N6), 诉讼 (N7) and the fees (N14). Beside a result of 表三 or anything else the
 *   tables count (未收到要求提供公开出版物的申请) it speaks of that kind only, and gives nothing;
 * - an applicant type or a result of 复议 beside it (未收到企业的申请) narrows it to that column.
 */
const NEGATIONS = ['未', '没有', '无'] as const;
/**
 * How a negation of existence goes on: 未 with a verb of receiving or happening (未收到, 未发生, 未有,
 * 未对申请人收取), 无 and 没有 with the thing itself or its cause (无行政复议, 无因…引起的, 没有发生). Anything
 * else is a word or a different negation (未来, 未经复议, 未按, 未办结, 无法, 无论, 无差别受理, 没有现成信息).
 */
const VERBS_OF_EXISTENCE = '收到|接到|接收|受理|新收|发生|出现|产生|因|对|向|收取|发出|涉及|被|提起|引起|引发';
const NOUNS_OF_EXISTENCE = '行政|复议|诉讼|上年|上一年|结转|政府信息公开|信息公开|申请|依申请|相关|此类|任何|信息处理费|收费';
const NEGATION_GOES_ON: Readonly<Record<(typeof NEGATIONS)[number], RegExp>> = {
  未: new RegExp(`^(?:曾)?(?:有|${VERBS_OF_EXISTENCE})`),
  没有: new RegExp(`^(?:${VERBS_OF_EXISTENCE}|${NOUNS_OF_EXISTENCE})`),
  无: new RegExp(`^(?:${VERBS_OF_EXISTENCE}|${NOUNS_OF_EXISTENCE})`),
};
const CLAUSE_END = /[，,。；;！!？?：:（(）)\n\r]/;
/** Before the negation: a condition, a goal, or another year — the clause then says nothing of this year's tables. */
const NOT_A_CLAIM_BEFORE = /如|若|假如|如果|确保|力争|力求|避免|防止|杜绝|以免|是否|争取|做到|实现|保证|上年|去年|上一年|往年|以往|此前|历年|有$/;
/**
 * In the clause: a second negation, a restriction, a particular outcome (未收到复议决定书; 无败诉案件 — there
 * may be 复议 or 诉讼 without it), or a figure.
 */
const NOT_PLAIN = new RegExp(`未|没|无|不|非|其他|其它|再|以外|之外|另外|败诉|撤销|违法|赔偿|决定|判决|裁定|\\d|[${CHINESE_NUMERAL_CHARS}]+\\s*[件起宗份]`);
const ABSENCE_RULES: ReadonlySet<string> = new Set(['N1', 'N2', 'N3', 'N5', 'N6', 'N7', 'N14']);
/** 申请 as the thing received, not 申请人 (未收到申请人的补正材料). */
const APPLICATION_NOUN = /申请(?!人)/;

interface AbsenceCandidate {
  /** Offsets of the negation and its clause (未收到政府信息公开申请). */
  readonly start: number;
  readonly end: number;
  /** The clause after the negation. */
  readonly scope: string;
  readonly claims: readonly { readonly subject: Subject; readonly modifiers: readonly Modifier[] }[];
  /** The year the sentence dates the negation as, or null when it names none. */
  readonly dated: DatedYear | null;
}

/** Words of the quantities a negation can deny (ABSENCE_RULES' patterns): most clauses hold none. */
const ABSENCE_WORDS = /收|接到|接收|受理|结转|转入|继续办理|复议|诉讼|应诉|起诉|信息处理费|通知/;
/** The longest clause read before and after a negation (the published ones run to about 40 characters). */
const ABSENCE_CLAUSE_MAX = 80;

function absenceCandidatesOf(text: string): AbsenceCandidate[] {
  const candidates: AbsenceCandidate[] = [];
  // indexOf, not a regex: an alternation scans a Chinese text several times slower.
  for (const negation of NEGATIONS) {
    for (let at = text.indexOf(negation); at !== -1; at = text.indexOf(negation, at + 1)) {
      const candidate = absenceAt(text, at, negation);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates.length > 1 ? candidates.sort((a, b) => a.start - b.start) : candidates;
}

/** The statement of absence a negation at `at` makes, or null. */
function absenceAt(text: string, at: number, negation: (typeof NEGATIONS)[number]): AbsenceCandidate | null {
  const from = at + negation.length;
  // Only so much is read around each negation, so that a text of nothing but negations (无无无…) costs
  // linear time: a clause that runs on past ABSENCE_CLAUSE_MAX characters is not a plain statement.
  const ahead = text.slice(from, from + ABSENCE_CLAUSE_MAX + 1);
  const clauseEnd = ahead.search(CLAUSE_END);
  if (clauseEnd === -1 && ahead.length > ABSENCE_CLAUSE_MAX) return null;
  const scope = clauseEnd === -1 ? ahead : ahead.slice(0, clauseEnd);
  if (!ABSENCE_WORDS.test(scope) || !ANY_ENTRY.test(scope)) return null;
  if (!NEGATION_GOES_ON[negation].test(scope) || NOT_PLAIN.test(scope)) return null;
  let clauseStart = at;
  while (clauseStart > 0 && at - clauseStart < ABSENCE_CLAUSE_MAX && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart--;
  if (NOT_A_CLAIM_BEFORE.test(text.slice(clauseStart, at))) return null;
  const found = findAll(scope, 0);
  const subjects = found.flatMap((f) => (f.subject ? [f.subject] : []));
  if (subjects.some((subject) => !ABSENCE_RULES.has(subject.rule))) return null;
  const allApplicants = ALL_APPLICANTS.test(scope);
  const modifiers = found.flatMap((f) => (f.modifier && !(allApplicants && f.modifier.table === 'applications') ? [f.modifier] : []));
  const rules = new Set<string>();
  const claims = subjects
    .filter((subject) => {
      const applications = subject.rule === 'N1' || subject.rule === 'N2';
      if (applications ? !APPLICATION_NOUN.test(scope) : subject.requires !== undefined && !subject.requires.test(scope)) return false;
      if (subject.exclude?.test(scope) || rules.has(subject.rule)) return false;
      rules.add(subject.rule);
      return true;
    })
    .map((subject) => ({ subject, modifiers: modifiers.filter((modifier) => modifier.table === subject.table) }));
  if (claims.length === 0) return null;
  return { start: at, end: from + scope.trimEnd().length, scope, claims, dated: datedYear(text, at) };
}

/** Each quantity a statement of absence names, judged: it agrees when one reading of the tables is 0. */
function judgeAbsence(candidate: AbsenceCandidate, keys: readonly string[], valueOf: ValueOf): TextNumberStatement[] {
  const statements: TextNumberStatement[] = [];
  const resolveAll = (specs: readonly ReadingSpec[]) => specs.map((spec) => resolve(spec, keys, valueOf)).filter((r): r is ResolvedReading | 'empty' => r !== null);
  for (const { subject, modifiers } of candidate.claims) {
    const specs = subject.readings(candidate.scope, candidate.scope);
    // 未收到企业申请 denies the 商业企业 column only; 未收到自然人、法人或其他组织的申请 denies both columns.
    const alternatives =
      modifiers.length === 0
        ? [specs]
        : modifiers.map((modifier) =>
            specs.map((spec) => ({
              cells: spec.cells.flatMap((cell) => modifier.columns.map((column) => cell.replace(/\.total$/, `.${column}`))),
              label: `${spec.label}中“${modifier.label}”`,
            })),
          );
    let judged: { readings: ResolvedReading[]; agrees: boolean } | null = null;
    for (const alternative of alternatives) {
      const readings = resolveAll(alternative);
      if (readings.length === 0 || readings.includes('empty')) continue;
      const resolved = readings as ResolvedReading[];
      const agrees = resolved.some((reading) => reading.value === 0);
      if (judged === null || !agrees) judged = { readings: resolved, agrees };
      if (!agrees) break;
    }
    if (judged === null) continue;
    const refinedApplications = modifiers.length > 0 && (subject.rule === 'N1' || subject.rule === 'N2');
    const lead = judged.readings[0]!;
    const unit: Unit = subject.unit === 'count' ? 'count' : lead.cells.some((cell) => cell.startsWith('proactive.')) ? '万元' : '元';
    statements.push({
      kind: 'absence',
      start: candidate.start,
      end: candidate.end,
      stated: 0,
      unit,
      unitWord: '',
      chinese: false,
      rule: refinedApplications ? 'N8' : subject.rule,
      readings: judged.readings,
      agrees: judged.agrees,
    });
  }
  return statements;
}

/** Every pattern entry with its global form, compiled once (the check runs on every keystroke). */
const ENTRIES: readonly { readonly entry: { subject: Subject } | { modifier: Modifier }; readonly global: RegExp }[] = [
  ...SUBJECTS.map((subject) => ({ entry: { subject }, global: new RegExp(subject.pattern.source, 'g') })),
  ...MODIFIERS.map((modifier) => ({ entry: { modifier }, global: new RegExp(modifier.pattern.source, 'g') })),
];
/** Any pattern at all: most windows hold none, and are done with one test. */
const ANY_ENTRY = new RegExp(ENTRIES.map(({ global }) => `(?:${global.source})`).join('|'));

/** Patterns found in the window, those inside a longer match dropped. `numberAt`: the number's offset. */
function findAll(window: string, numberAt: number): Found[] {
  const found: Found[] = [];
  if (!ANY_ENTRY.test(window)) return found;
  const distance = (start: number, end: number) => (end <= numberAt ? numberAt - end : Math.max(0, start - numberAt - 1));
  for (const { entry, global } of ENTRIES) {
    global.lastIndex = 0;
    for (let m = global.exec(window); m !== null; m = global.exec(window)) {
      const end = m.index + m[0].length;
      found.push({ start: m.index, end, ...entry, distance: distance(m.index, end) });
    }
  }
  const outermost = found
    .filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start))
    .sort((a, b) => a.distance - b.distance);
  // One match per pattern entry (结转下年度继续办理 holds two of 结转下年度's words), the nearest.
  const seen = new Set<Subject | Modifier>();
  return outermost.filter((f) => {
    const entry = (f.subject ?? f.modifier)!;
    if (seen.has(entry)) return false;
    seen.add(entry);
    return true;
  });
}

/**
 * The words a figure in 份, 条 or 次 may be read with (`UNIT_SCOPES`); all of them for 件/起/宗 and amounts,
 * none when the unit counts something else here.
 */
function inScopeOfUnit(candidate: Candidate): readonly Found[] {
  const scope = UNIT_SCOPES[candidate.unitWord];
  if (scope === undefined) return candidate.found;
  const { window, figureAt, found } = candidate;
  if (scope.notAbout.test(window)) return [];
  const subjects = found.filter((f) => f.subject !== undefined && scope.rules.has(f.subject.rule));
  if (subjects.length === 0) return [];
  if (scope.adjacent) {
    // 行政复议0次: the figure follows its subject; a result (维持1次) or anything else between says nothing certain.
    if (found.some((f) => f.modifier !== undefined)) return [];
    return subjects.filter((f) => f.end <= figureAt && ADJACENT_FILLER.test(window.slice(f.end, figureAt)));
  }
  // An applicant type refines the applications (收到自然人申请2份); a result of 表三 or 表四 is no count in 份/条.
  if (found.some((f) => f.modifier !== undefined && f.modifier.table !== 'applications')) return [];
  return found.filter((f) => f.modifier !== undefined || subjects.includes(f));
}

function judge(candidate: Candidate, keys: readonly string[], valueOf: ValueOf): Omit<TextNumberStatement, 'kind' | 'start' | 'end' | 'stated' | 'unit' | 'unitWord' | 'chinese'> | null {
  const { window, sentence, unit, stated } = candidate;
  const found = inScopeOfUnit(candidate);
  const wantsAmount = unit !== 'count';
  const subjects = found.filter(
    (f): f is Found & { subject: Subject } =>
      f.subject !== undefined &&
      (f.subject.unit === 'amount') === wantsAmount &&
      (f.subject.requires === undefined || f.subject.requires.test(window)) &&
      (f.subject.exclude === undefined || !f.subject.exclude.test(window)),
  );
  const modifiers = wantsAmount ? [] : found.filter((f): f is Found & { modifier: Modifier } => f.modifier !== undefined);
  if (subjects.length === 0 && modifiers.length === 0) return null;
  subjects.sort((a, b) => a.distance - b.distance);

  // The subjects a modifier refines: those of its table, or that table's defaults when none is named.
  const plain: { rule: string; specs: readonly ReadingSpec[] }[] = subjects.map(({ subject }) => ({ rule: subject.rule, specs: subject.readings(window, sentence) }));
  const refined: { rule: string; specs: ReadingSpec[] }[] = [];
  // 公民、法人和其他组织 names every applicant: no column is singled out.
  const allApplicants = ALL_APPLICANTS.test(window);
  for (const { modifier } of modifiers) {
    if (allApplicants && modifier.table === 'applications') continue;
    const own = subjects.filter(({ subject }) => subject.table === modifier.table).map(({ subject }) => subject);
    if (own.length === 0 && !modifier.standsAlone) continue;
    const targets = own.length > 0 ? own : DEFAULT_SUBJECTS[modifier.table];
    for (const subject of targets) {
      refined.push({
        rule: subject.rule === 'N1' || subject.rule === 'N2' ? 'N8' : subject.rule,
        specs: subject.readings(window, sentence).map((spec) => ({
          cells: spec.cells.flatMap((cell) => modifier.columns.map((column) => cell.replace(/\.total$/, `.${column}`))),
          label: `${spec.label}中“${modifier.label}”`,
        })),
      });
    }
  }
  const resolveAll = (specs: readonly ReadingSpec[]) => specs.map((spec) => resolve(spec, keys, valueOf)).filter((r): r is ResolvedReading | 'empty' => r !== null);
  // A refined reading leads: 其中自然人36件 means the 自然人 column, not the row's total.
  const groups = [...refined, ...plain].map(({ rule, specs }) => ({ rule, readings: resolveAll(specs) }));
  const readings = groups.flatMap((group) => group.readings);
  if (readings.length === 0) return null;
  if (readings.includes('empty')) return null;
  const resolved = readings as ResolvedReading[];
  // Several subjects joined by 及/或/和/、 (予以公开及部分公开, 不予公开或不予处理): their sum is a reading
  // too, and leads. Without a conjunction (因其他原因不予处理) the nearest subject leads.
  const firsts = groups.map((group) => group.readings[0]).filter((r): r is ResolvedReading => r !== undefined && r !== 'empty');
  if (refined.length === 0 && firsts.length > 1 && subjects.length > 1 && joined(window, subjects)) {
    const cells = [...new Set(firsts.flatMap((r) => r.cells))];
    const sum = sumOf(cells, valueOf);
    if (sum !== null) resolved.unshift({ cells, value: sum, label: firsts.map((r) => r.label).join('与') + '之和' });
  }
  const agrees = resolved.some((r) => Math.abs(inUnit(r, unit) - stated) < 1e-6);
  const leading = groups.find((group) => group.readings.length > 0)!;
  return { rule: leading.rule, readings: resolved, agrees };
}

const CONJUNCTION = /^(?:及|或|和|与|、|以及|或者|及其)$/;
const ALL_APPLICANTS = /(?:公民|自然人)(?:、|和|及|与|或|以及)法人/;

/** Whether the subjects' words follow one another joined by conjunctions only. */
function joined(window: string, subjects: readonly Found[]): boolean {
  const inOrder = [...subjects].sort((a, b) => a.start - b.start);
  return inOrder.slice(1).every((next, index) => CONJUNCTION.test(window.slice(inOrder[index]!.end, next.start)));
}

/** A reading's value in the unit the text states it in (表二's 收费金额 is in 万元, the 信息处理费 in 元). */
function inUnit(reading: ResolvedReading, unit: Unit): number {
  if (unit === 'count') return reading.value;
  const tableUnit = reading.cells.some((cell) => cell.startsWith('proactive.')) ? '万元' : '元';
  if (tableUnit === unit) return reading.value;
  return Math.round((unit === '元' ? reading.value * 10_000 : reading.value / 10_000) * 1e6) / 1e6;
}

/** The keys a pattern names in a format, computed once per key list (the template's, cached with it). */
const expansions = new WeakMap<readonly string[], { readonly set: ReadonlySet<string>; readonly byPattern: Map<string, string[]> }>();

function expandPattern(pattern: string, keys: readonly string[]): string[] {
  let known = expansions.get(keys);
  if (!known) {
    known = { set: new Set(keys), byPattern: new Map() };
    expansions.set(keys, known);
  }
  const cached = known.byPattern.get(pattern);
  if (cached) return cached;
  let expanded: string[];
  if (!pattern.includes('*')) expanded = known.set.has(pattern) || pattern.startsWith('fees.') ? [pattern] : [];
  else {
    const regex = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);
    expanded = keys.filter((key) => regex.test(key));
  }
  known.byPattern.set(pattern, expanded);
  return expanded;
}

const templateKeys = new WeakMap<ReportTemplate, readonly string[]>();

function keysOf(template: ReportTemplate): readonly string[] {
  let keys = templateKeys.get(template);
  if (!keys) {
    keys = indexTemplate(template).cells.map((cell) => cell.key);
    templateKeys.set(template, keys);
  }
  return keys;
}

/** A reading's cells and value; null when the format lacks its cells, `empty` when one is not filled. */
function resolve(spec: ReadingSpec, keys: readonly string[], valueOf: ValueOf): ResolvedReading | 'empty' | null {
  let cells: string[];
  if (spec.cells.some((cell) => cell.includes('*'))) {
    // A `*` pattern and its 2019 fallback key: the first that the format has.
    cells = spec.cells.map((cell) => expandPattern(cell, keys)).find((expanded) => expanded.length > 0) ?? [];
  } else {
    const expanded = spec.cells.map((cell) => expandPattern(cell, keys));
    if (expanded.some((list) => list.length === 0)) return null;
    cells = expanded.flat();
  }
  if (cells.length === 0) return null;
  const value = sumOf(cells, valueOf);
  if (value === null) return 'empty';
  return { cells, value, label: spec.label };
}

function sumOf(cells: readonly string[], valueOf: ValueOf): number | null {
  let sum = 0;
  for (const cell of cells) {
    const value = valueOf(cell);
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    sum += value;
  }
  return Math.round(sum * 1e4) / 1e4;
}

/** Where a piece of the narrative sits: its section, its outline key and the finding key of its field. */
export interface TextPlace {
  readonly section: NarrativeSectionTemplate;
  /** `intro`, or the part's id (report-outline.ts `PrintedPart.key`). */
  readonly part: string;
  /** The official topic the part stands for; `null` for the intro and for a part of the agency's own. */
  readonly topic: string | null;
  /** The part's title as printed; '' for the intro. */
  readonly title: string;
  /** Finding key of the field: `narrative.overview.parts.onRequest`, `narrative.overview.intro`. */
  readonly field: string;
  /** Name of the place in messages (`partPlaceName`): 一、总体情况（二）依申请公开, 五、存在的主要问题及改进情况“主要问题”. */
  readonly name: string;
  readonly text: string;
}

/** Every piece of the narrative as it prints (unwritten parts included, as empty text). */
export function narrativePlaces(draft: Draft, template: ReportTemplate): TextPlace[] {
  const places: TextPlace[] = [];
  for (const section of narrativeSections(template)) {
    const stored = draft.narrative?.[section.id];
    const intro = typeof stored?.intro === 'string' ? stored.intro : '';
    if (section.hasIntro) {
      places.push({ section, part: 'intro', topic: null, title: '', field: `narrative.${section.id}.intro`, name: `${section.heading}概述`, text: intro });
    }
    for (const part of narrativeOutline(section, stored, true).parts) {
      places.push({
        section,
        part: part.key,
        topic: part.topic,
        title: part.title,
        field: `narrative.${section.id}.parts.${part.key}`,
        name: partPlaceName(section, part),
        text: typeof part.body === 'string' ? part.body : '',
      });
    }
  }
  return places;
}

function unitText(unit: Unit): string {
  return unit === 'count' ? '件' : unit;
}

/** Warnings for every statement of a number in the text that no reading of the tables agrees with. */
export function textNumberFindings(
  draft: Draft,
  template: ReportTemplate = templateOf(draft),
  values?: CellValues,
  places: readonly TextPlace[] = narrativePlaces(draft, template),
): Finding[] {
  const cellValues = values ?? flattenTables(template, draft.tables ?? {});
  const keys = keysOf(template);
  const fees = draft.fees as unknown as Record<string, number | null | undefined> | undefined;
  const valueOf: ValueOf = (key) => (key.startsWith('fees.') ? fees?.[key.slice(5)] : cellValues[key]);
  const findings: Finding[] = [];
  for (const place of places) {
    for (const statement of textNumberStatements(place.text, keys, valueOf, draft.year)) {
      if (statement.agrees) continue;
      const lead = statement.readings[0]!;
      const value = inUnit(lead, statement.unit);
      const tableText = `${formatCellValue(value)}${unitText(statement.unit)}`;
      const sentence = sentenceAround(place.text, statement.start, statement.end);
      const cells = [place.field, ...new Set(statement.readings.flatMap((reading) => reading.cells))];
      const span = { section: place.section.id, part: place.part, start: statement.start, end: statement.end, stated: statement.stated, expected: value };
      if (statement.kind === 'absence') {
        // No one-click fix: a negation cannot be turned into a sentence with the number mechanically.
        findings.push({
          rule: statement.rule,
          severity: 'warning',
          cells,
          message: `${place.name}：“${sentence}”写的是没有，但${lead.label}为 ${tableText}，请核对文字或表格。`,
          text: span,
        });
        continue;
      }
      const statedText = place.text.slice(statement.start, statement.end);
      const expectedText = (statement.chinese ? writeChineseNumeral(value, statedText) : null) ?? formatCellValue(value);
      const unitWord = statement.unit === 'count' ? statement.unitWord : unitText(statement.unit);
      const fix: TextFix = {
        field: place.field,
        section: place.section.id,
        part: place.part,
        start: statement.start,
        end: statement.end,
        from: statedText,
        to: expectedText,
        label: `把文中的 ${statedText}${unitWord} 改为 ${expectedText}${unitWord}`,
      };
      findings.push({
        rule: statement.rule,
        severity: 'warning',
        cells,
        message: `${place.name}：“${sentence}”中的 ${statedText}${unitWord}与${lead.label}（${tableText}）不一致，请核对文字或表格。`,
        text: span,
        textFix: fix,
      });
    }
  }
  return findings;
}

/**
 * N11: the reporting year named as the agency's own year of work — 本机关2022年度…, 我局2024年… — in a
 * report of another year (spec §5.6; typically last year's text carried over). Only the year right after
 * the agency naming itself counts: a year mentioned otherwise (上年度报告, 2022年以来) is not a claim
 * about this report's year.
 */
const OWN_YEAR = /(本机关|本单位|本部门|我机关|我单位|我局|我委|我办|我区|我市|我县|我镇|我乡|我街道|我厅|我部)(\d{4})(年度?)/g;

export function reportYearFindings(draft: Draft, places: readonly TextPlace[]): Finding[] {
  const findings: Finding[] = [];
  for (const place of places) {
    for (const match of place.text.matchAll(OWN_YEAR)) {
      const year = Number(match[2]);
      if (year === draft.year || Math.abs(year - draft.year) !== 1) continue;
      const start = match.index + match[1]!.length;
      const end = start + 4;
      const expected = String(draft.year);
      findings.push({
        rule: 'N11',
        severity: 'warning',
        cells: [place.field],
        message: `${place.name}：“${sentenceAround(place.text, start, end)}”写的是${year}年，本报告是${draft.year}年度报告，请核对是否沿用了${year < draft.year ? '上年' : '下年'}的文字。`,
        text: { section: place.section.id, part: place.part, start, end, stated: year, expected: draft.year },
        textFix: { field: place.field, section: place.section.id, part: place.part, start, end, from: match[2]!, to: expected, label: `把文中的 ${year}年 改为 ${expected}年` },
      });
    }
  }
  return findings;
}

/**
 * How far the sentence of a message is looked for on either side of its span: a sentence longer than the
 * message shows (80 characters) is cut around the span anyway, and a text without full stops in which every
 * figure is a warning (收到申请2件收到申请2件…) then costs linear time, not a scan of the whole text per warning.
 */
const SENTENCE_REACH = 120;

/** The clause around a span, for the message: from the previous 。；or line end to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !/[。；;！？\n]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_REACH && !/[。；;！？\n]/.test(text[to]!)) to++;
  const sentence = text.slice(from, to).trim();
  return sentence.length > 80 ? `${sentence.slice(Math.max(0, start - from - 30), start - from + 40)}…` : sentence;
}

/**
 * Applies a number fix to the current text of its field; null when the text no longer holds the stated
 * figure at that place (the clerk edited it since the check), so nothing typed is overwritten blindly.
 */
export function applyTextFix(text: string, fix: TextFix): string | null {
  if (text.slice(fix.start, fix.end) !== fix.from) return null;
  return text.slice(0, fix.start) + fix.to + text.slice(fix.end);
}
