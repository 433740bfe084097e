/**
 * Reading and writing the draft file (format version `DRAFT_FORMAT_VERSION`, documented in public/draft-format.md).
 *
 * Reading never throws: every failure comes back as `{ ok: false, problems }`, each problem naming the
 * place (a dotted path such as `tables.applications.newReceived.naturalPerson`, and in the message the
 * cell's statutory label) in Chinese, so a clerk or the IT staff of another system can fix the file. The
 * caller decides what to do with a bad file; nothing here touches storage, so nothing is overwritten.
 *
 * Order of the checks: bytes (encoding, Word file) → JSON syntax → is it a draft at all (formatVersion,
 * template) → the template's zod schema (draft-schema.ts). A file from a newer format version stops at the
 * version: its other differences are expected, and listing them would only bury the one useful message.
 */
import {
  FIRST_SUPPORTED_YEAR,
  isTemplateId,
  servesYear,
  templateForYear,
  templateIds,
  templates,
  variantById,
  variants,
} from '../../templates/index.ts';
import { formatCellValue, maxValue } from './cell-input.ts';
import { migrateFileFormat, migrateTemplateRevision } from './draft-migration.ts';
import { MAX_DRAFT_PART_BYTES, MAX_TOTAL_INFLATED_BYTES, MAX_ZIP_ENTRIES, readEmbeddedDraft } from './embedded-draft.ts';
import { draftSchemaFor, MAX_REPORT_YEAR, templateYearRange } from './draft-schema.ts';
import { findJsonSyntaxError } from './draft-json-syntax.ts';
import { DRAFT_FORMAT_VERSION, reviewOf, settingsOf, type Draft, type NestedValues } from './draft-types.ts';
import { partColumns, partRows } from './table-layout.ts';
import { indexTemplate, narrativeSections, tableTitle } from './template.ts';
import type { ReportTemplate, TemplateId } from './template-types.ts';
import { resolveTemplate } from './variant.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from './values.ts';

export interface DraftProblem {
  /** Dotted path of the place in the file, e.g. `tables.applications.newReceived.naturalPerson`; `''` for the whole file. */
  path: string;
  /** Chinese message naming the place and saying what is wrong and what was found. */
  message: string;
}

export type DraftReadResult = { ok: true; draft: Draft } | { ok: false; problems: DraftProblem[] };

type PathSegment = string | number;

// An array, not rest parameters: a hostile file can hold 100,000 problems, too many to spread as arguments.
const fail = (problems: DraftProblem | DraftProblem[]): DraftReadResult => ({ ok: false, problems: Array.isArray(problems) ? problems : [problems] });
const whole = (message: string): DraftProblem => ({ path: '', message });

const pathText = (path: readonly PathSegment[]) => path.map(String).join('.');

// ---------------------------------------------------------------------------------------------------------
// Describing values and places

/** A value as the message quotes it: strings in double quotes (shortened), containers by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '空缺';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '一个超出范围的数';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `数组 [${value.length === 0 ? '' : '…'}]`;
  if (typeof value === 'object') return '对象 {…}';
  return String(value);
}

/** Like `describeValue`, with the kind named for scalars: `字符串 "abc"`, `数字 5`. */
function describeWithKind(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `字符串 ${describeValue(value)}`;
    case 'number':
      return `数字 ${describeValue(value)}`;
    case 'boolean':
      return `布尔值 ${describeValue(value)}`;
    default:
      return ` ${describeValue(value)}`;
  }
}

/** 表二 / 表三 / 表四 from the section heading (二、主动公开政府信息情况 → 表二), or a variant's table by its title. */
function tableName(template: ReportTemplate, tableKey: string): string {
  return tableTitle(template, tableKey);
}

interface PlaceLabels {
  /** Dotted key (as in `tables`, e.g. `applications.denied`) → Chinese label of that row, column or cell. */
  readonly tableKeys: ReadonlyMap<string, string>;
}

const labelCache = new WeakMap<ReportTemplate, PlaceLabels>();

/** Labels of every keyed prefix of the tables: rows, row groups, column groups and cells. */
function placeLabels(template: ReportTemplate): PlaceLabels {
  const cached = labelCache.get(template);
  if (cached) return cached;
  const tableKeys = new Map<string, string>();
  for (const table of indexTemplate(template).tables) {
    for (const part of table.parts) {
      for (const row of partRows(part)) {
        const rowSegments: string[] = [];
        const rowLabels: string[] = [];
        for (const node of row.path) {
          if (!node.key) continue;
          rowSegments.push(node.key);
          if (node.label !== '') rowLabels.push(node.label);
          tableKeys.set([table.key, ...rowSegments].join('.'), rowLabels.join(' '));
        }
        for (const column of partColumns(part)) {
          const columnSegments: string[] = [];
          const columnLabels: string[] = [];
          for (const node of column.path) {
            if (!node.key) continue;
            columnSegments.push(node.key);
            columnLabels.push(node.label);
            const label = [rowLabels.join(' '), columnLabels.join(' ')].filter((text) => text !== '').join(' / ');
            tableKeys.set([table.key, ...rowSegments, ...columnSegments].join('.'), label);
          }
        }
      }
    }
  }
  const labels = { tableKeys };
  labelCache.set(template, labels);
  return labels;
}

const FIELD_LABELS: Record<string, string> = {
  formatVersion: '草稿格式版本',
  template: '报告格式',
  year: '报告年度',
  agency: '机关信息',
  'agency.name': '机关全称',
  'agency.address': '通信地址',
  'agency.postcode': '邮政编码',
  'agency.phone': '联系电话',
  'agency.website': '下载报告电子版的网站',
  templateRevision: '报告格式修订号',
  variant: '地方格式',
  preamble: '编制说明',
  narrative: '文字部分',
  fees: '信息处理费',
  'fees.noticesIssued': '信息处理费“发出收费通知件数”',
  'fees.noticesAmount': '信息处理费“收费通知总金额（元）”',
  'fees.collectedAmount': '信息处理费“实际收取金额（元）”',
  signature: '落款',
  'signature.include': '落款“是否落款”',
  'signature.date': '落款日期',
  meta: '记录信息',
  'meta.createdAt': '创建时间',
  'meta.updatedAt': '修改时间',
  tables: '表格部分',
  review: '审核记录',
  'review.status': '审核状态',
  'review.approval': '审核通过记录',
  'review.history': '审核历史',
  'review.comments': '审核意见',
  settings: '草稿设置',
  'settings.requireApproval': '草稿设置“正式版须经审核通过后生成”',
};

/** Chinese name of a place in the file, e.g. `表三“一、本年新收政府信息公开申请数量 / 自然人”`; '' when unknown. */
export function placeName(template: ReportTemplate, path: readonly PathSegment[]): string {
  const [head, second, ...rest] = path;
  if (head === 'tables' && typeof second === 'string') {
    const name = tableName(template, second);
    if (rest.length === 0) return name;
    const label = placeLabels(template).tableKeys.get([second, ...rest].join('.'));
    return label ? `${name}“${label}”` : name;
  }
  if (head === 'narrative' && typeof second === 'string') {
    const section = narrativeSections(template).find((candidate) => candidate.id === second);
    if (!section) return '文字部分';
    const [field, key, sub] = rest;
    if (field === undefined) return `“${section.heading}”`;
    if (field === 'intro') return `“${section.heading}”的开头段落`;
    if (field === 'style') return `“${section.heading}”的标题样式`;
    if (field === 'parts') {
      if (typeof key !== 'number') return `“${section.heading}”的各部分`;
      const what = sub === 'title' ? '的标题' : sub === 'text' ? '的正文' : sub === 'id' ? '的标识' : sub === 'topic' ? '对应的官方部分' : '';
      return `“${section.heading}”的第 ${key + 1} 部分${what}`;
    }
    return `“${section.heading}”`;
  }
  return FIELD_LABELS[pathText(path)] ?? '';
}

/** `表三“…”（tables.applications…）`; a place without a name of its own is named by its nearest named ancestor. */
function placeWithPath(template: ReportTemplate, path: readonly PathSegment[]): string {
  const { name, exact } = nearestName(template, path);
  const dotted = pathText(path);
  if (!name) return `字段 ${dotted}`;
  return exact ? `${name}（${dotted}）` : `${name}中的“${String(path[path.length - 1])}”（${dotted}）`;
}

/** “Missing X”, phrased so that an unnamed field is not mistaken for its named ancestor. */
function missingText(template: ReportTemplate, path: readonly PathSegment[]): string {
  const { name, exact } = nearestName(template, path);
  const dotted = pathText(path);
  if (!name) return `缺少字段 ${dotted}`;
  return exact ? `缺少${name}（${dotted}）` : `${name}中缺少“${String(path[path.length - 1])}”（${dotted}）`;
}

function nearestName(template: ReportTemplate, path: readonly PathSegment[]): { name: string; exact: boolean } {
  for (let length = path.length; length > 0; length--) {
    const name = placeName(template, path.slice(0, length));
    if (name) return { name, exact: length === path.length };
  }
  return { name: '', exact: false };
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions for unknown keys

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/** The complete empty draft of a template: its objects list every key the file may hold at that level. */
function skeleton(template: ReportTemplate): Record<string, unknown> {
  return { $schema: '', ...emptyDraft(template, template.firstYear, '', new Date(0)) };
}

const PART_SKELETON = { id: '', topic: null, title: '', text: '' };

function childKeysAt(template: ReportTemplate, path: readonly PathSegment[]): string[] {
  let node: unknown = skeleton(template);
  for (const segment of path) {
    if (Array.isArray(node)) node = node[0] ?? PART_SKELETON;
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[String(segment)];
    else return [];
  }
  if (Array.isArray(node)) node = PART_SKELETON;
  return typeof node === 'object' && node !== null ? Object.keys(node) : [];
}

function unknownKeyProblem(template: ReportTemplate, parent: readonly PathSegment[], key: string): DraftProblem {
  const path = [...parent, key];
  const known = childKeysAt(template, parent).filter((candidate) => candidate !== '$schema' || parent.length === 0);
  const suggestion = closest(key, known);
  const hint = suggestion ? `是否应为“${suggestion}”？` : '';
  const inTables = parent[0] === 'tables';
  if (inTables) {
    const dotted = [...parent.slice(1), key].join('.');
    const other = templateIds.find((id) => id !== template.id && placeLabels(templates[id]).tableKeys.has(dotted));
    const otherHint = other ? `这是 ${other} 格式（${templates[other].notice}）的键，文件的 template 是否应为 "${other}"？` : '';
    if (parent.length === 1) {
      const tables = indexTemplate(template).tables.map((table) => `${table.key}（${tableName(template, table.key)}）`).join('、');
      // A table of a local variant in a draft that names none (or another one): say which variant has it.
      const owner = template.variant
        ? undefined
        : variants.find((variant) => variant.format === template.id && variant.sections.some((added) => added.tables.some((placed) => placed.table.key === key)));
      const variantHint = owner ? `这是地方格式“${owner.name}”增列的表，文件是否缺少 "variant": "${owner.id}"？` : '';
      return { path: pathText(path), message: `表格部分有未知的表“${key}”（${pathText(path)}）。本格式的表为 ${tables}。${variantHint || hint}` };
    }
    return {
      path: pathText(path),
      message:
        `${placeWithPath(template, parent)}中有未知的键“${key}”：${template.notice}格式的这张表没有这一项。` +
        (otherHint || hint || `这里可以有的键：${known.join('、')}。`),
    };
  }
  const where = parent.length === 0 ? '文件' : placeWithPath(template, parent);
  return {
    path: pathText(path),
    message: `${where}中有未知的字段“${key}”（${pathText(path)}），本工具不认识它；为免内容丢失，请改正或删除后再打开。${hint}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Zod issues → problems

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

const EXPECTED_TEXT: Record<string, string> = {
  string: '文字（用双引号括起来的字符串）',
  number: '数字',
  int: '整数',
  boolean: ' true 或 false',
  object: '一个对象 {…}',
  array: '一个数组 […]',
};

/**
 * A Chinese sentence for a schema issue no specific message above covers. The validation library's own
 * messages are English ("Too big: expected int to be <=9007199254740991") and never reach the clerk.
 */
function genericIssueText(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'too_big':
      if (typeof value === 'number') return '的数值过大';
      if (typeof value === 'string') return '的文字太长';
      if (Array.isArray(value)) return '的项目太多';
      return '超出了允许的范围';
    case 'too_small':
      if (typeof value === 'number') return '的数值过小';
      if (typeof value === 'string') return '不能为空';
      return '的项目太少';
    case 'invalid_type':
      return `应为${EXPECTED_TEXT[issue.expected ?? ''] ?? '另一种类型的值'}`;
    case 'invalid_format':
      return '的格式不对';
    case 'invalid_value':
      return '的值不在允许的范围内';
    case 'not_multiple_of':
      return '的小数位数过多';
    default:
      return '不符合草稿格式';
  }
}

function cellProblem(template: ReportTemplate, path: readonly PathSegment[], value: unknown): DraftProblem | null {
  const key = path.slice(1).join('.');
  const cell = indexTemplate(template).cellsByKey.get(key);
  if (!cell) return null;
  const table = tableName(template, cell.table);
  const place = `${table}“${placeLabels(template).tableKeys.get(key) ?? key}”（${pathText(path)}）`;
  const integer = cell.valueType !== 'amount';
  let message: string;
  if (value === undefined) {
    message = `${table}缺少单元格${place.slice(table.length)}：表格一旦写出，就要包含格式中的每个单元格，未填写的写 null`;
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    message = `${place}的数值超出范围`;
  } else if (typeof value === 'number' && Math.abs(value) > maxValue(cell.valueType)) {
    // Not quoted back: beyond the maximum JSON.parse may already have rounded it.
    const max = formatCellValue(maxValue(cell.valueType));
    message = `${place}的数值过大，超出本工具能精确保存的范围（绝对值最大 ${max}${integer ? '' : ' 万元'}），请核对`;
  } else if (typeof value === 'number' && integer && !Number.isInteger(value)) {
    message = `${place}应为整数，文件中是 ${describeValue(value)}`;
  } else {
    const quotedNumber = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()));
    message =
      `${place}应为${integer ? '整数' : '数字（单位：万元）'}，文件中是 ${describeValue(value)}` +
      (quotedNumber ? '（数字不要加引号）' : value === '' ? '（未填写请写 null）' : '');
  }
  return { path: pathText(path), message };
}

function yearProblem(template: ReportTemplate, value: unknown): DraftProblem {
  const path = 'year';
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { path, message: `报告年度（year）应为整数年份，如 2025，文件中是 ${describeValue(value)}` };
  }
  const range = templateYearRange(template);
  const format = `${template.id} 格式（${template.notice}）`;
  const applies = template.lastYear === null ? ` ${range.first} 年及以后` : ` ${range.first}–${range.last} 年`;
  if (value < FIRST_SUPPORTED_YEAR || value > MAX_REPORT_YEAR) {
    return { path, message: `报告年度（year）为 ${value}，不在本工具支持的 ${FIRST_SUPPORTED_YEAR}–${MAX_REPORT_YEAR} 年之间` };
  }
  const right = templateForYear(value);
  return {
    path,
    message:
      `报告年度（year）为 ${value}，与报告格式不符：${format}适用于${applies}的报告；` +
      `${value} 年的报告应使用 ${right.id} 格式（${right.notice}），即 "template": "${right.id}"`,
  };
}

function issueProblems(template: ReportTemplate, raw: unknown, issue: Issue): DraftProblem[] {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (issue.code === 'unrecognized_keys') return (issue.keys ?? []).map((key) => unknownKeyProblem(template, path, key));

  const value = valueAt(raw, path);
  const dotted = pathText(path);
  if (path[0] === 'tables' && path.length >= 3) {
    const problem = cellProblem(template, path, value);
    if (problem) return [problem];
    // A row or column group (e.g. `tables.applications.denied`).
    const table = tableName(template, String(path[1]));
    const prefix = path.slice(1).join('.');
    const cells = indexTemplate(template).cells.filter((cell) => cell.key.startsWith(`${prefix}.`)).length;
    const place = placeWithPath(template, path);
    if (value === undefined) {
      return [
        {
          path: dotted,
          message: `${table}缺少${place.slice(table.length)}这一组（其下共 ${cells} 个单元格）：表格一旦写出，就要包含格式中的每个单元格，未填写的写 null`,
        },
      ];
    }
    return [{ path: dotted, message: `${place}应为一组单元格（对象 {…}，其下共 ${cells} 个单元格），文件中是 ${describeValue(value)}` }];
  }
  if (dotted === 'year') return [yearProblem(template, value)];
  if (dotted === 'agency.name' && typeof value === 'string') {
    return [{ path: dotted, message: '机关全称（agency.name）不能为空' }];
  }
  if (dotted === 'signature.date' && typeof value === 'string') {
    return [{ path: dotted, message: `落款日期（signature.date）应为 YYYY-MM-DD 格式的日期（如 2025-01-20），未设定时为空 ""，文件中是 ${describeValue(value)}` }];
  }
  const place = placeWithPath(template, path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) {
      const extra = dotted === 'agency' ? '，至少要有机关全称 agency.name' : '';
      return [{ path: dotted, message: `${missingText(template, path)}${extra}` }];
    }
    const expected = dotted === 'fees.noticesIssued' ? '整数' : (EXPECTED_TEXT[issue.expected ?? ''] ?? '另一种类型的值');
    const orNull = dotted.startsWith('fees.') ? '或 null' : '';
    const nullHint =
      value === null && issue.expected === 'string'
        ? '（没有内容时写 ""，或省略这一项）'
        : value === null && path[0] === 'tables' && path.length === 2
          ? '（整张表未填写时省略这一项）'
          : '';
    return [{ path: dotted, message: `${place}应为${expected}${orNull}，文件中是 ${describeValue(value)}${nullHint}` }];
  }
  // Schemas of other owners (review-schema.ts) carry their own Chinese messages: use them as they are.
  if (/[\u4e00-\u9fff]/.test(issue.message)) {
    const found = value === undefined ? '文件中缺少这一项' : `文件中是 ${describeValue(value)}`;
    return [{ path: dotted, message: `${place}：${issue.message}，${found}` }];
  }
  const found = value === undefined ? '文件中缺少这一项' : `文件中是 ${describeValue(value)}`;
  return [{ path: dotted, message: `${place}${genericIssueText(issue, value)}，${found}` }];
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const knownTemplatesText = () => templateIds.map((id) => `"${id}"（${templates[id].notice}）`).join('、');

/** Is this object a draft at all, of a format version and template this program reads? */
function checkHeader(data: Record<string, unknown>): { ok: true; template: ReportTemplate } | { ok: false; problems: DraftProblem[] } {
  const hasVersion = Object.prototype.hasOwnProperty.call(data, 'formatVersion');
  const hasTemplate = Object.prototype.hasOwnProperty.call(data, 'template');
  if (!hasVersion && !hasTemplate) {
    const keys = Object.keys(data);
    const found = keys.length === 0 ? '文件中是一个空对象 {}' : `文件中的字段：${keys.slice(0, 8).join('、')}${keys.length > 8 ? '…' : ''}`;
    return {
      ok: false,
      problems: [
        whole(
          `这不是本工具的草稿文件：缺少 formatVersion（草稿格式版本）和 template（报告格式）。${found}。` +
            '请打开本工具保存的草稿文件（.draft.json）或本工具生成的 Word 文件；其他系统生成草稿请按随本工具发布的 draft-format.md 的格式。',
        ),
      ],
    };
  }
  const problems: DraftProblem[] = [];
  const version = data.formatVersion;
  if (!hasVersion) {
    problems.push({ path: 'formatVersion', message: `缺少草稿格式版本 formatVersion，本程序的草稿格式版本为 ${DRAFT_FORMAT_VERSION}（写作 "formatVersion": ${DRAFT_FORMAT_VERSION}）` });
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push({ path: 'formatVersion', message: `草稿格式版本 formatVersion 应为整数 ${DRAFT_FORMAT_VERSION}，文件中是 ${describeValue(version)}` });
  } else if (version > DRAFT_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'formatVersion',
          message:
            `文件由更新版本的程序生成（草稿格式版本 ${version}），本程序只能读取版本 ${DRAFT_FORMAT_VERSION} 及以前的草稿。` +
            '请使用更新版本的本工具打开；文件本身没有被改动。',
        },
      ],
    };
  }
  const template = data.template;
  if (!hasTemplate) {
    problems.push({ path: 'template', message: `缺少报告格式 template，应为 ${knownTemplatesText()} 之一` });
  } else if (!isTemplateId(template)) {
    const asString = typeof template === 'number' && isTemplateId(String(template));
    problems.push({
      path: 'template',
      message: asString
        ? `报告格式 template 应为字符串 "${template}"（加双引号），文件中是数字 ${template}`
        : `未知的报告格式 template：${describeValue(template)}。本工具认识的格式：${knownTemplatesText()}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const variantProblem = checkVariant(data, template as TemplateId);
  if (variantProblem) return { ok: false, problems: [variantProblem] };
  return { ok: true, template: resolveTemplate(template as TemplateId, data.variant as string | undefined) };
}

const yearsText = (range: { firstYear: number; lastYear: number | null }) =>
  range.lastYear === null ? `${range.firstYear} 年度及以后` : `${range.firstYear}–${range.lastYear} 年度`;

/** `variant`, when present, names a variant of the draft's format that serves the draft's year. */
function checkVariant(data: Record<string, unknown>, templateId: TemplateId): DraftProblem | null {
  if (!Object.prototype.hasOwnProperty.call(data, 'variant')) return null;
  const value = data.variant;
  const variant = typeof value === 'string' ? variantById(value) : undefined;
  const offered = variants.filter((candidate) => candidate.format === templateId);
  const known = offered.length === 0 ? `${templates[templateId].name}没有地方格式` : `${templates[templateId].name}的地方格式：${offered.map((candidate) => `"${candidate.id}"（${candidate.name}）`).join('、')}`;
  if (!variant) {
    return { path: 'variant', message: `未知的地方格式 variant：${describeValue(value)}。${known}；全国通用的报告不写 variant` };
  }
  if (variant.format !== templateId) {
    return { path: 'variant', message: `地方格式“${variant.name}”（"${variant.id}"）用于${templates[variant.format as TemplateId]?.name ?? variant.format}，与报告格式 "${templateId}" 不符。${known}` };
  }
  if (typeof data.year === 'number' && Number.isInteger(data.year) && !servesYear(variant, data.year)) {
    return { path: 'variant', message: `地方格式“${variant.name}”只适用于 ${yearsText(variant)}的报告，文件中的报告年度（year）是 ${data.year}` };
  }
  return null;
}

/**
 * Reads a draft from JSON text (a leading BOM is ignored). Absent parts are filled as in `emptyDraft`.
 * @example readDraftJson(JSON.stringify({ formatVersion: 2, template: templateForYear(2025).id, year: 2025, agency: { name: '某某局' } }))
 */
export function readDraftJson(text: string): DraftReadResult {
  try {
    return readDraftJsonUnsafe(text);
  } catch (error) {
    // Not expected; the promise of this module is that a bad file never becomes an exception.
    return fail(whole(INTERNAL_ERROR));
  }
}

/** Not expected (a defect of this program); the engine's own text would be English and say nothing to a clerk. */
const INTERNAL_ERROR = '读取草稿时发生内部错误（本程序的缺陷），文件没有被改动。请把这个文件发给技术支持。';

function readDraftJsonUnsafe(input: string): DraftReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return fail(whole('文件是空的，里面没有草稿内容'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    // The scanner finds every error JSON.parse reports; this is only a safety net, without the engine's English text.
    if (syntax === null) return fail(whole('文件不是有效的 JSON'));
    if (syntax.truncated) {
      return fail(
        whole(`文件似乎不完整：内容在第 ${syntax.line} 行第 ${syntax.column} 列就结束了，${syntax.reason}。文件可能在复制、下载或保存时被截断`),
      );
    }
    return fail(whole(`文件不是有效的 JSON：第 ${syntax.line} 行第 ${syntax.column} 列，${syntax.reason}`));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(whole(`这不是本工具的草稿文件：草稿应是一个 JSON 对象 {…}，文件中是${describeWithKind(data)}`));
  }
  const header = checkHeader(data as Record<string, unknown>);
  if (!header.ok) return header;
  // Older file versions and older revisions of the format are brought up to date before the schema reads them.
  const migrated = migrateTemplateRevision(migrateFileFormat(data as Record<string, unknown>), header.template);
  if (!migrated.ok) return fail({ path: migrated.path, message: migrated.message });
  const current = migrated.data;
  const result = draftSchemaFor(header.template).safeParse(current);
  if (result.success) return { ok: true, draft: result.data };
  const problems = result.error.issues.flatMap((issue) => issueProblems(header.template, current, issue as Issue));
  // One value can break two checks of its schema (a 20-digit count is both beyond the maximum and no
  // safe integer); the clerk reads its message once.
  const seen = new Set<string>();
  const key = (problem: DraftProblem): string => `${problem.path}\n${problem.message}`;
  return fail(problems.filter((problem) => !seen.has(key(problem)) && seen.add(key(problem))));
}

/**
 * When the bytes are valid UTF-8 except for a multi-byte character cut off at the very end (a file cut
 * short inside a Chinese character), the number of bytes of that incomplete character; otherwise 0.
 */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const expected = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 0;
    if (expected <= back) return 0;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - back));
      return back;
    } catch {
      return 0;
    }
  }
  return 0;
}

const ZIP_MAGIC = [0x50, 0x4b];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * Reads a draft from a file's bytes: JSON in UTF-8 (with or without BOM) or UTF-16 with BOM, or a `.docx`
 * made by this app (the draft travels inside it, see src/domain/embedded-draft.ts).
 */
export function readDraftBytes(bytes: Uint8Array, fileName?: string): DraftReadResult {
  try {
    return readDraftBytesUnsafe(bytes, fileName);
  } catch (error) {
    return fail(whole(INTERNAL_ERROR));
  }
}

function readDraftBytesUnsafe(bytes: Uint8Array, fileName?: string): DraftReadResult {
  if (bytes.length === 0) return fail(whole('文件是空的（0 字节），里面没有草稿内容'));
  if (startsWith(bytes, ZIP_MAGIC)) {
    const embedded = readEmbeddedDraft(bytes);
    const word = !fileName || /\.docx$/i.test(fileName);
    const file = word ? '这个 Word 文件' : '这个压缩包（zip）文件';
    if (embedded.kind === 'damaged') {
      return fail([
        whole(
          `${file}已损坏或不完整，无法解开，可能在下载、复制或保存时被截断。请重新取得完整的文件，或打开本工具保存的草稿文件（.draft.json）。`,
        ),
      ]);
    }
    if (embedded.kind === 'oversized') {
      const why =
        embedded.reason === 'entries'
          ? `里面的文件超过 ${MAX_ZIP_ENTRIES} 个`
          : embedded.reason === 'total'
            ? `其中的数据解压后合计超过 ${MAX_TOTAL_INFLATED_BYTES / 1024 / 1024} MB，远大于本工具生成的任何报告`
            : `其中的数据解压后超过 ${MAX_DRAFT_PART_BYTES / 1024 / 1024} MB，远大于本工具生成的任何报告`;
      return fail([whole(`${file}已损坏或不是可接受的文件：${why}，因此没有打开。请打开本工具保存的草稿文件（.draft.json）或本工具生成的 Word 文件。`)]);
    }
    if (embedded.kind === 'absent') {
      const what = word ? '这个 Word 文件' : '这个文件是压缩包（zip）格式，不是草稿文件，也';
      return fail([
        whole(`${what}不是本工具生成的：里面没有附带草稿数据，无法打开。请打开本工具保存的草稿文件（.draft.json），或本工具生成的 Word 文件。`),
      ]);
    }
    const json = embedded.json;
    const inner = readDraftJson(json);
    if (inner.ok) return inner;
    return fail(inner.problems.map((problem) => ({ ...problem, message: `Word 文件中附带的草稿数据有误：${problem.message}` })));
  }
  if (startsWith(bytes, [0xff, 0xfe])) return readDraftJson(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (startsWith(bytes, [0xfe, 0xff])) return readDraftJson(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fail(whole('这是 PDF 文件，不是草稿文件。请打开本工具保存的草稿文件（.draft.json）或本工具生成的 Word 文件（.docx）。'));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(whole('这是旧版 Office 文件（.doc / .xls / .wps），不是草稿文件。本工具只能打开它保存的草稿文件（.draft.json）或它生成的 Word 文件（.docx）。'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const cut = incompleteUtf8Tail(bytes);
    if (cut > 0) {
      return fail(
        whole(
          `文件似乎不完整：最后一个字符只有一半（结尾的 ${cut} 个字节不是完整的字符，多半是一个汉字被截断了）。文件可能在复制、下载或保存时被截断，请重新取得完整的文件。`,
        ),
      );
    }
    const sample = bytes.subarray(0, 512);
    const binary = sample.some((byte) => byte === 0) || sample.filter((byte) => byte < 0x09).length > 4;
    return fail(
      whole(
        binary
          ? `这不是草稿文件：${fileName ? `文件 ${fileName} ` : '它'}是二进制文件，不是文本。请打开本工具保存的草稿文件（.draft.json）或本工具生成的 Word 文件（.docx）。`
          : '文件不是 UTF-8 编码的文本（可能是 GBK 等其他编码）。草稿文件须用 UTF-8 编码保存，请转换编码后再打开。',
      ),
    );
  }
  if (text.startsWith('{\\rtf')) return fail(whole('这是 RTF 文档，不是草稿文件。'));
  return readDraftJson(text);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

function orderedRecord<T>(keys: readonly string[], record: Record<string, T>, fill: (key: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of keys) out[key] = record[key] ?? fill(key);
  // Keys outside the template are kept rather than silently dropped; reading will name them.
  for (const [key, value] of Object.entries(record)) if (!(key in out)) out[key] = value;
  return out;
}

/**
 * The draft as the file stores it: pretty JSON, fields in a fixed order, every cell of the template
 * present (`null` when untouched), review state and settings always present, a trailing newline.
 */
export function serializeDraft(draft: Draft): string {
  const template = templateOf(draft);
  const sections = narrativeSections(template);
  const narrative = orderedRecord(
    sections.map((section) => section.id),
    draft.narrative,
    (id) => emptyDraft(template, draft.year, '').narrative[id]!,
  );
  const tables: Record<string, NestedValues> = nestTables(template, flattenTables(template, draft.tables));
  const file = {
    formatVersion: draft.formatVersion,
    template: draft.template,
    templateRevision: draft.templateRevision,
    // Only a draft with a local variant names one: a national draft reads as before.
    ...(draft.variant ? { variant: draft.variant } : {}),
    year: draft.year,
    agency: {
      name: draft.agency.name,
      address: draft.agency.address,
      postcode: draft.agency.postcode,
      phone: draft.agency.phone,
      website: draft.agency.website,
    },
    preamble: draft.preamble,
    narrative: Object.fromEntries(
      Object.entries(narrative).map(([id, section]) => [
        id,
        {
          intro: section.intro,
          style: section.style,
          parts: section.parts.map((part) => ({
            id: part.id,
            topic: part.topic,
            title: part.title,
            text: part.text,
            ...(part.generated && part.generated.length > 0 ? { generated: part.generated.map(({ source, text }) => ({ source, text })) } : {}),
          })),
        },
      ]),
    ),
    fees: {
      noticesIssued: draft.fees.noticesIssued,
      noticesAmount: draft.fees.noticesAmount,
      collectedAmount: draft.fees.collectedAmount,
    },
    // Only a draft with a chosen wording has one: a draft with the defaults reads as before.
    ...(draft.wording ? { wording: wordingOf(draft.wording) } : {}),
    signature: { include: draft.signature.include, date: draft.signature.date },
    tables,
    meta: { createdAt: draft.meta.createdAt, updatedAt: draft.meta.updatedAt },
    // Always written, like every cell: a draft without them is in the initial state (draft-types.ts).
    review: reviewOf(draft),
    settings: settingsOf(draft),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The wording's own fields in the schema's order, absent ones left out. */
function wordingOf(wording: NonNullable<Draft['wording']>): NonNullable<Draft['wording']> {
  return {
    ...(wording.fee !== undefined ? { fee: wording.fee } : {}),
    ...(wording.feeText !== undefined ? { feeText: wording.feeText } : {}),
    ...(wording.preamble !== undefined ? { preamble: wording.preamble } : {}),
  };
}

/** Characters Windows and macOS refuse in file names, and control characters. */
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `<机关全称><年度>年政府信息公开工作年度报告.draft.json`, safe as a file name on Windows. */
export function draftFileName(draft: Draft): string {
  const agency = draft.agency.name.replace(UNSAFE_FILE_NAME, '').replace(/\s+/g, ' ').trim().slice(0, 80) || '未命名机关';
  return `${agency}${draft.year}年政府信息公开工作年度报告.draft.json`;
}
