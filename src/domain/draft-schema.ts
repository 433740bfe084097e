/**
 * The zod schema of the draft file (format version `DRAFT_FORMAT_VERSION`), derived from the report template: the `tables` part is
 * generated from `indexTemplate(template).cells`, so a cell added to a template is a cell of the file
 * format without touching this module. The JSON Schema in `public/draft.schema.json` is generated from it
 * (`npm run schema`).
 *
 * What the schema checks: the shape and the value *types* (a count is an integer, an amount a number,
 * `null` while untouched; no unknown keys anywhere, so that a typo never silently drops data), and the
 * magnitude every value must stay within to be stored and printed exactly (cell-input.ts: counts up to
 * ±MAX_COUNT, amounts up to ±AMOUNT_DOMAINS[unit].max), so a larger number is refused, never rounded.
 * Signs, decimals and arithmetic (non-negative counts, 4 decimals, sums) are the rules engine's job: a
 * file holding a negative count must still open, so the clerk can see and fix it.
 *
 * Minimal drafts are valid: only `formatVersion`, `template`, `year` and `agency.name` are required;
 * whatever else is absent reads as in `emptyDraft` (values.ts). A table that is present must hold every
 * cell of the template, because a missing cell in a table from another system is more likely a bug
 * there than a deliberate blank.
 */
import { z } from './zod.ts';
import { formats, variants } from '../../templates/index.ts';
import { AMOUNT_DOMAINS, MAX_COUNT } from './cell-input.ts';
import { DRAFT_FORMAT_VERSION, type CellValues, type Draft, type NestedValues } from './draft-types.ts';
import type { CellInfo } from './table-layout.ts';
import { reviewDraftFields } from './review-schema.ts';
import { indexTemplate, narrativeSections } from './template.ts';
import type { ReportTemplate, TemplateId, ValueType, VariantId } from './template-types.ts';
import { applyVariant } from './variant.ts';
import { nestTables } from './values.ts';

/** Upper bound of a plausible report year; only there to catch typos such as 20223. */
export const MAX_REPORT_YEAR = 2100;

/** Last year a template applies to, with the open end of the current format closed at MAX_REPORT_YEAR. */
export function templateYearRange(template: ReportTemplate): { first: number; last: number } {
  return { first: template.firstYear, last: template.lastYear ?? MAX_REPORT_YEAR };
}

/**
 * One schema per value type, named (`$defs/countCell` …) so the JSON Schema states each type once and
 * every cell refers to it with its own label as description.
 */
/** Chinese messages of the magnitude bounds (draft-file.ts shows them with the place in the file). */
const tooLarge = (max: string) => ({ error: `数值超出范围（绝对值最大 ${max}），无法精确保存` });

/** A whole number within ±MAX_COUNT. */
const boundedInt = () => z.int().min(-MAX_COUNT, tooLarge(String(MAX_COUNT))).max(MAX_COUNT, tooLarge(String(MAX_COUNT)));
/** A number within ±the maximum of an amount in `unit`. */
const boundedAmount = (unit: keyof typeof AMOUNT_DOMAINS) => {
  const { max } = AMOUNT_DOMAINS[unit];
  return z.number().min(-max, tooLarge(`${max} ${unit}`)).max(max, tooLarge(`${max} ${unit}`));
};

const CELL_SCHEMAS: Record<ValueType, z.ZodType<number | null>> = {
  count: boundedInt().nullable().meta({
    id: 'countCell',
    description: '件数：整数（≥ 0 由检查规则核对），未填写为 null / a count: whole number, null while not filled in',
  }),
  signedCount: boundedInt().nullable().meta({
    id: 'signedCountCell',
    description: '本年增/减：整数，可为负，未填写为 null / a signed count: whole number, may be negative, null while not filled in',
  }),
  amount: boundedAmount('万元').nullable().meta({
    id: 'amountCell',
    description:
      '金额：单位万元，至多 4 位小数（即精确到元），未填写为 null / an amount in 万元 (10,000 yuan), at most 4 decimals, null while not filled in',
  }),
};

function cellSchema(cell: CellInfo): z.ZodType<number | null> {
  const label = [cell.rowLabel, cell.columnLabel].filter((part) => part !== '').join(' / ');
  return CELL_SCHEMAS[cell.valueType].describe(cell.computed ? `${label}（总计：由各项相加）` : label);
}

interface SchemaTree {
  [segment: string]: SchemaTree | z.ZodType<number | null>;
}

function treeToSchema(tree: SchemaTree): z.ZodType<NestedValues> {
  const shape: Record<string, z.ZodType> = {};
  for (const [segment, child] of Object.entries(tree)) {
    shape[segment] = child instanceof z.ZodType ? child : treeToSchema(child);
  }
  return z.strictObject(shape) as unknown as z.ZodType<NestedValues>;
}

/** Schema of one table as nested in the file (spec §A.0): every cell required, nothing else allowed. */
export function tableSchema(template: ReportTemplate, tableKey: string): z.ZodType<NestedValues> {
  const tree: SchemaTree = {};
  for (const cell of indexTemplate(template).cellsByTable.get(tableKey as never) ?? []) {
    const [, ...path] = cell.key.split('.');
    let node = tree;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined || next instanceof z.ZodType) node[segment] = {};
      node = node[segment] as SchemaTree;
    }
    node[path[path.length - 1]!] = cellSchema(cell);
  }
  return treeToSchema(tree);
}

function allNullTable(template: ReportTemplate, tableKey: string): NestedValues {
  const values: CellValues = {};
  for (const cell of indexTemplate(template).cellsByTable.get(tableKey as never) ?? []) values[cell.key] = null;
  return nestTables(template, values)[tableKey] ?? {};
}

function tablesSchema(template: ReportTemplate): z.ZodType<Draft['tables']> {
  const shape: Record<string, z.ZodType> = {};
  for (const table of indexTemplate(template).tables) {
    shape[table.key] = tableSchema(template, table.key)
      .optional()
      // An absent table reads as all-null: a producer may send only the tables it has statistics for.
      .transform((value) => value ?? allNullTable(template, table.key));
  }
  return z
    .strictObject(shape)
    .prefault({})
    .describe(
      '各张表格（全国格式的三张表，地方格式增列的表），按规范附录A的键嵌套；某张表缺省时视为全部未填写 / the tables (the national three, and those a local variant adds), nested by the keys of spec §A; an absent table reads as not filled in',
    ) as unknown as z.ZodType<
    Draft['tables']
  >;
}

const text = (description: string) => z.string().default('').describe(description);

/** A part id: a template part key, `extra.<n>` (from a version-2 draft) or an id of the editor's (`p<n>`). */
export const PART_ID_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_-]{0,39}|extra\.\d{1,4})$/;

const RESERVED_PART_IDS: ReadonlySet<string> = new Set(['intro', 'fees', 'preamble']);

function narrativeSchema(template: ReportTemplate): z.ZodType<Draft['narrative']> {
  const shape: Record<string, z.ZodType> = {};
  for (const section of narrativeSections(template)) {
    const topics = section.parts.map((part) => part.key) as [string, ...string[]];
    const officialParts = () => section.parts.map((part) => ({ id: part.key, topic: part.key, title: part.title, text: '' }));
    const part = z.strictObject({
      id: z
        .string()
        .regex(PART_ID_PATTERN, { error: '部分的标识 id 应为字母开头的字母、数字、- 或 _（至多 40 个），或 extra.<序号>' })
        .describe('部分的标识，在本节内唯一，审核意见按它定位；官方部分用其键 / id of the part, unique in the section; comments point at it'),
      topic: z
        .enum(topics)
        .nullable()
        .default(null)
        .describe(`这一部分对应的官方部分（${section.parts.map((candidate) => `${candidate.key}：${candidate.title}`).join('；')}），自拟的为 null / the official topic, null for the agency's own`),
      title: text('标题，照此印出；为空时印官方标题 / title as printed; empty: the official title'),
      text: text('正文，段落之间用换行分隔 / text, paragraphs separated by newlines'),
      generated: z
        .array(z.strictObject({ source: z.enum(['applications', 'reviewLitigation', 'proactive']), text: z.string() }))
        .max(10)
        .optional()
        .describe('根据表格插入的句子（来源表格和插入时的原文），用于提示数字已过时；不属于报告内容 / sentences inserted from the tables, to point out when their numbers are out of date'),
    });
    shape[section.id] = z
      .strictObject({
        intro: text('开头段落 / opening paragraph(s)'),
        style: z
          .enum(['headings', 'leadIns'])
          .default('headings')
          .describe('headings：每部分标题单独成行（（一）…）；leadIns：标题作为首段开头的加粗引语（如“主要问题：”）/ how part titles print'),
        parts: z
          .array(part)
          .default(officialParts)
          .superRefine((parts, context) => {
            const seen = new Set<string>();
            parts.forEach((candidate, index) => {
              if (seen.has(candidate.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `部分的标识 id "${candidate.id}" 在本节中重复` });
              // These name other paragraphs in comment anchors (review.ts).
              if (RESERVED_PART_IDS.has(candidate.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `部分的标识 id 不能是 "${candidate.id}"（已用于开头段落等）` });
              seen.add(candidate.id);
            });
          })
          .describe('各部分，按印出的顺序；缺省时为官方各部分 / the parts in printing order; absent: the official parts'),
      })
      .prefault({})
      .describe(section.heading);
  }
  return z.strictObject(shape).prefault({}).describe('文字部分，按章节 / narrative text by section') as unknown as z.ZodType<
    Draft['narrative']
  >;
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const feeCount = boundedInt().nullable().default(null);
const feeAmount = boundedAmount('元').nullable().default(null);

/**
 * The draft file of one template, as a strict object (input side). `$schema` is accepted so that a
 * producer can point editors at `draft.schema.json`; it is dropped when reading.
 */
function draftObjectSchema(template: ReportTemplate) {
  const years = templateYearRange(template);
  return z.strictObject({
    $schema: z.string().optional().describe('可选：JSON Schema 的地址，读取时忽略 / optional JSON Schema reference, ignored when reading'),
    formatVersion: z.literal(DRAFT_FORMAT_VERSION).describe('草稿文件格式的版本 / version of the draft file format'),
    template: z.literal(template.id as TemplateId).describe(`报告格式：${template.name}（${template.notice}）/ report format`),
    templateRevision: z
      .literal(template.revision)
      .default(template.revision)
      .describe(
        `报告格式的修订号，本程序的${template.name}为第 ${template.revision} 次修订；较早修订的草稿在读取时自动升级，缺省时视为最新 / revision of the format, absent: the current one`,
      ),
    ...(template.variant
      ? {
          variant: z
            .literal(template.variant.id as VariantId)
            .describe(`地方格式：${template.variant.name}（在全国格式之外增列的表格）/ local variant`),
        }
      : // 全国通用: no `variant` key (typed as the optional key it is in the other templates' schemas).
        ({} as { variant?: z.ZodOptional<z.ZodLiteral<VariantId>> })),
    year: z
      .int()
      .min(years.first)
      .max(years.last)
      .describe(
        `报告年度（${template.notice}格式适用于${template.lastYear === null ? ` ${years.first} 年及以后` : ` ${years.first}–${years.last} 年`}的报告）/ report year`,
      ),
    agency: z
      .strictObject({
        name: z.string().min(1).regex(/\S/).describe('机关全称（必填）/ full name of the agency (required)'),
        address: text('通信地址，印在编制说明中 / postal address printed in the preamble'),
        postcode: text('邮政编码 / postcode'),
        phone: text('联系电话 / phone'),
        website: text('可下载报告电子版的网站名称或网址 / where the electronic version can be downloaded'),
        kind: z
          .enum(['government', 'department', 'other'])
          .optional()
          .describe('机关类别：government 各级人民政府、department 政府部门、other 其他；缺省为未填 / kind of agency; absent: not given'),
      })
      .describe('机关信息 / the agency'),
    preamble: text('编制说明；为空时由机关信息和年度自动生成 / the preamble; empty: generated from agency and year'),
    narrative: narrativeSchema(template),
    fees: z
      .strictObject({
        noticesIssued: feeCount.describe('本年发出的收费通知件数，不小于 0 的整数 / number of fee notices issued, a whole number ≥ 0'),
        noticesAmount: feeAmount.describe('收费通知总金额，单位元，至多 2 位小数 / total amount of the notices, in yuan, at most 2 decimals'),
        collectedAmount: feeAmount.describe('实际收取的信息处理费，单位元，至多 2 位小数 / fees actually collected, in yuan, at most 2 decimals'),
      })
      .prefault({})
      .describe('信息处理费（六、其他需要报告的事项），未填写为 null / information processing fees, null while not filled in'),
    wording: z
      .strictObject({
        fee: z
          .enum(['itemised', 'measures', 'noneIssued', 'omitted'])
          .optional()
          .describe('信息处理费的表述：itemised 逐项说明（默认）、measures 引用收费管理办法、noneIssued 未发出未收取特此说明、omitted 不写 / wording of the fee sentence'),
        feeText: z.string().optional().describe('自行修改的信息处理费表述；为空时按 fee 生成 / the clerk’s own fee sentence; empty: generated'),
        preamble: z
          .enum(['full', 'brief'])
          .optional()
          .describe('自动生成的编制说明的写法：full 列出六个部分（默认）、brief 简要 / wording of the generated preamble'),
      })
      .optional()
      .describe('生成文字的写法，缺省时用默认写法 / wording of the generated sentences; absent: the defaults'),
    signature: z
      .strictObject({
        include: z.boolean().default(false).describe('是否在文末落款（机关名称和日期）/ print the closing signature'),
        date: z
          .string()
          .regex(/^(\d{4}-\d{2}-\d{2})?$/)
          .refine((value) => value === '' || isCalendarDate(value))
          .default('')
          .describe('落款日期 YYYY-MM-DD，未设定为空 / signature date, empty when not set'),
      })
      .prefault({})
      .describe('落款 / closing signature'),
    tables: tablesSchema(template),
    meta: z
      .strictObject({
        createdAt: text('创建时间（ISO 8601），未知为空 / creation time, empty when unknown'),
        updatedAt: text('最后修改时间（ISO 8601），未知为空 / last modification time, empty when unknown'),
      })
      .prefault({})
      .describe('记录信息，不属于报告内容 / book-keeping, not part of the report'),
    // Review state and settings (issue 5): optional, read as the initial state / default settings.
    ...reviewDraftFields,
  });
}

type DraftObjectSchema = ReturnType<typeof draftObjectSchema>;

function withoutSchemaKey<T extends { $schema?: string | undefined }>(value: T): Omit<T, '$schema'> {
  const { $schema: _ignored, ...rest } = value;
  return rest;
}

const objectCache = new WeakMap<ReportTemplate, DraftObjectSchema>();
const draftCache = new WeakMap<ReportTemplate, z.ZodType<Draft>>();

function cachedObjectSchema(template: ReportTemplate): DraftObjectSchema {
  let schema = objectCache.get(template);
  if (!schema) {
    schema = draftObjectSchema(template);
    objectCache.set(template, schema);
  }
  return schema;
}

/** Reads a draft of this template: fills defaults, drops `$schema`. Output is a complete `Draft`. */
export function draftSchemaFor(template: ReportTemplate): z.ZodType<Draft> {
  let schema = draftCache.get(template);
  if (!schema) {
    schema = cachedObjectSchema(template).transform((value): Draft => withoutSchemaKey(value) as unknown as Draft) as z.ZodType<Draft>;
    draftCache.set(template, schema);
  }
  return schema;
}

const SCHEMA_TITLE = '政府信息公开工作年度报告 草稿文件 / Draft file of the yearly government information disclosure report';
const SCHEMA_DESCRIPTION =
  `草稿文件（格式版本 ${DRAFT_FORMAT_VERSION}）：一个 JSON 对象。必填 formatVersion、template、year、agency.name（选用地方格式时还有 variant），其余缺省时视为空；` +
  '表格的键见规范附录A，某张表一旦出现就须包含全部单元格，未填写的单元格为 null。说明见随本工具发布的 draft-format.md。 / ' +
  `Draft file (format version ${DRAFT_FORMAT_VERSION}), one JSON object. Required: formatVersion, template, year, agency.name (and variant for a local variant); ` +
  'anything else may be left out and reads as empty. A table that is present holds every cell of its template; ' +
  'an untouched cell is null. Documented in draft-format.md, published with the app.';

/** Every template a draft may follow: each format of the registry alone (全国通用) and with each of its variants. */
function registryTemplates(): ReportTemplate[] {
  return formats.flatMap((format): ReportTemplate[] => [
    format,
    ...variants.filter((variant) => variant.format === format.id).map((variant) => applyVariant(format, variant)),
  ]);
}

/** Schema of a draft file of any known template (told apart by `template` and `variant`). */
export function draftSchema(): z.ZodType<Draft> {
  return z
    .union(registryTemplates().map((template) => cachedObjectSchema(template)) as unknown as [DraftObjectSchema, ...DraftObjectSchema[]])
    .meta({ title: SCHEMA_TITLE, description: SCHEMA_DESCRIPTION })
    .transform((value): Draft => withoutSchemaKey(value) as unknown as Draft) as z.ZodType<Draft>;
}

/**
 * The JSON Schema written to `public/draft.schema.json`: the input side of the file (defaults shown,
 * optional fields optional). Safe-integer bounds that zod adds to every integer are left out: they are
 * noise to a reader and JSON numbers beyond them are rejected by the reader anyway.
 */
export function draftJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(draftSchema(), {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'integer') {
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      }
    },
  }) as Record<string, unknown>;
  // Title and description first: this is what a person opening the file reads.
  return { $schema: schema.$schema, $id: 'draft.schema.json', title: schema.title, description: schema.description, ...schema };
}

/** The file content of `public/draft.schema.json`: pretty JSON with a trailing newline. */
export function draftJsonSchemaText(): string {
  return `${JSON.stringify(draftJsonSchema(), null, 2)}\n`;
}
