/**
 * The zod schemas of a draft's `review` and `settings` fields (draft-types.ts), for the draft-file
 * schema to include: `...reviewDraftFields` inside its draft object. Both fields are optional in a file
 * and read as the initial state / default settings, so older drafts and drafts from other systems open
 * unchanged.
 *
 * Like the rest of the draft schema this checks shape and types only. Whether an anchor names a cell of
 * the draft's template, or whether the approval still matches the content, is for `review.ts`
 * (`anchorLabel`, `approvalStatus`): a file with a stale approval must still open, so that the clerk
 * sees 审核后已修改 rather than an unreadable file.
 */
import { z } from './zod.ts';
import { SNAPSHOT_LIMITS } from './round-changes.ts';
import { templateIds, templates } from '../../templates/index.ts';
import {
  defaultDraftSettings,
  initialReviewState,
  type Approval,
  type CommentAnchor,
  type DraftSettings,
  type ReviewComment,
  type ReviewedContent,
  type ReviewHistoryEntry,
  type ReviewState,
} from './draft-types.ts';
import type { SectionId } from './template-types.ts';

/** Section ids of every known template, in template order (the same six in both formats). */
const SECTION_IDS = [
  ...new Set(templateIds.flatMap((id) => templates[id].sections.map((section) => section.id))),
] as [SectionId, ...SectionId[]];

const isoTime = (description: string) =>
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), { error: '应为 ISO 8601 格式的时间，如 2025-01-20T08:30:00.000Z' })
    .describe(description);

const name = (description: string) => z.string().describe(description);

const sectionId = z.enum(SECTION_IDS, { error: `应为章节编号之一：${SECTION_IDS.join('、')}` });

export const commentAnchorSchema: z.ZodType<CommentAnchor> = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('section'),
        section: sectionId.describe('章节 / section id'),
      }),
      z.strictObject({
        kind: z.literal('paragraph'),
        section: sectionId.describe('章节 / section id'),
        part: z
          .string()
          .min(1)
          .describe('段落：文字部分某一部分的标识 id，或 intro、preamble、fees / the id of a narrative part, or intro, preamble, fees'),
      }),
      z.strictObject({
        kind: z.literal('cell'),
        cell: z.string().min(1).describe('单元格的键（规范附录A），如 applications.newReceived.naturalPerson / dotted cell key'),
      }),
    ],
    { error: '审核意见的位置（anchor.kind）应为 section、paragraph 或 cell' },
  )
  .describe('审核意见针对的位置：章节、段落或表格单元格 / where the comment points');

export const approvalSchema: z.ZodType<Approval> = z
  .strictObject({
    reviewer: name('审核人姓名 / reviewer'),
    role: name('审核人职务 / reviewer role'),
    at: isoTime('审核通过时间 / time of approval'),
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { error: '应为 64 位十六进制的 SHA-256 摘要' })
      .describe('审核通过时报告内容（含设置）的 SHA-256 摘要；内容此后改动即审核失效 / SHA-256 of the approved content'),
    round: z.int().min(1).optional().describe('审核通过的审核轮次 / review round approved'),
    signature: z
      .strictObject({
        algorithm: z.literal('ECDSA-P256-SHA256', { error: '签名算法应为 ECDSA-P256-SHA256' }).describe('签名算法 / algorithm'),
        publicKey: z
          .strictObject({
            crv: z.literal('P-256'),
            kty: z.literal('EC'),
            x: z.string().max(64),
            y: z.string().max(64),
          })
          .describe('审核人公钥（JWK）/ signer public key'),
        fingerprint: z
          .string()
          .regex(/^[0-9a-f]{64}$/, { error: '公钥指纹应为 64 位十六进制数字' })
          .describe('公钥指纹（RFC 7638，SHA-256）/ key fingerprint'),
        value: z.string().max(200).describe('签名（base64）/ signature, base64 of r‖s'),
      })
      .optional()
      .describe('审核人对审核记录的数字签名；没有签名的审核记录无效 / the reviewer’s signature'),
  })
  .describe('审核通过记录 / the sign-off');

const historyEntrySchema: z.ZodType<ReviewHistoryEntry> = z
  .strictObject({
    round: z.int().min(1).describe('审核轮次，从 1 起 / review round'),
    action: z
      .enum(['submitted', 'returned', 'approved', 'resubmitted', 'approvalVoided', 'approvalNotRequired', 'approvalRequired'], {
        error: '审核记录的操作应为 submitted、returned、approved、resubmitted、approvalVoided、approvalNotRequired 或 approvalRequired',
      })
      .describe('提交审核、退回修改、审核通过、重新提交、审核后已修改、取消审核要求、恢复审核要求 / the step'),
    by: name('操作人 / who acted'),
    role: z.string().optional().describe('审核人职务 / reviewer role'),
    at: isoTime('时间 / time'),
    comments: z.array(z.string()).optional().describe('本次提出的审核意见编号 / ids of the comments made with this step'),
  })
  .describe('审核记录的一步 / one step of the review history');

const commentSchema: z.ZodType<ReviewComment> = z
  .strictObject({
    id: z.string().min(1).describe('意见编号 / comment id'),
    anchor: commentAnchorSchema,
    text: z.string().describe('意见内容 / comment text'),
    author: name('审核人 / reviewer'),
    at: isoTime('时间 / time'),
    round: z.int().min(1).describe('提出意见的审核轮次 / review round'),
    state: z
      .enum(['open', 'resolved', 'answered'], { error: '意见状态应为 open、resolved 或 answered' })
      .describe('待处理、已解决、已答复 / state'),
    reply: z
      .strictObject({ text: z.string(), author: name('答复人 / who answered'), at: isoTime('时间 / time') })
      .optional()
      .describe('编制人的答复 / the clerk’s answer'),
    resolved: z
      .strictObject({ author: name('标记已解决的人 / who resolved it'), at: isoTime('时间 / time') })
      .optional()
      .describe('标记已解决 / marked resolved'),
  })
  .describe('审核意见 / a review comment');

const textLength = (block: { title: string; paragraphs: string[] }) => block.title.length + block.paragraphs.reduce((sum, line) => sum + line.length, 0);

/** Bounded as when recorded (round-changes.ts `SNAPSHOT_LIMITS`): a larger one is refused with the file. */
export const reviewedContentSchema: z.ZodType<ReviewedContent> = z
  .strictObject({
    round: z.int().min(1).describe('这些内容所属的审核轮次 / the round whose content this is'),
    cells: z
      .record(z.string().min(1).max(SNAPSHOT_LIMITS.keyLength), z.number().refine(Number.isFinite))
      .refine((cells) => Object.keys(cells).length <= SNAPSHOT_LIMITS.cells, { error: `上一轮的单元格超过 ${SNAPSHOT_LIMITS.cells} 个` })
      .describe('已填写的单元格（不含自动计算的合计），键为单元格的键；未列出的为空 / filled entered cells by key'),
    text: z
      .array(
        z
          .strictObject({
            place: z.string().min(1).max(SNAPSHOT_LIMITS.keyLength).describe('title、preamble、signature 或 <章节>/intro、<章节>/fees、<章节>/<部分的键> / block'),
            title: z.string().max(SNAPSHOT_LIMITS.characters).describe('小标题（不含序号），没有为空 / sub-heading'),
            paragraphs: z.array(z.string().max(SNAPSHOT_LIMITS.characters)).max(SNAPSHOT_LIMITS.paragraphs).describe('按打印的段落 / printed paragraphs'),
          })
          .describe('一块打印的文字 / one block of printed text'),
      )
      .max(SNAPSHOT_LIMITS.blocks)
      .refine((blocks) => blocks.reduce((sum, block) => sum + block.paragraphs.length, 0) <= SNAPSHOT_LIMITS.paragraphs, {
        error: `上一轮的文字超过 ${SNAPSHOT_LIMITS.paragraphs} 段`,
      })
      .refine((blocks) => blocks.reduce((sum, block) => sum + textLength(block), 0) <= SNAPSHOT_LIMITS.characters, {
        error: `上一轮的文字超过 ${SNAPSHOT_LIMITS.characters} 个字符`,
      })
      .nullable()
      .describe('按打印顺序的文字；过长未保存时为 null / printed text in order, null when too long to keep'),
  })
  .describe('审核人上一次作出决定（退回或通过）时报告的内容，用于显示此后的改动 / the content the reviewer last decided on, to show what changed since');

/** `review` as read from a file; absent → the initial state (编辑中, no history). */
export const reviewSchema = z
  .strictObject({
    status: z
      .enum(['editing', 'submitted', 'returned', 'approved'], {
        error: '审核状态应为 editing（编辑中）、submitted（待审核）、returned（退回修改）或 approved（审核通过）',
      })
      .default('editing')
      .describe('编辑中、待审核、退回修改、审核通过 / review status'),
    approval: approvalSchema.nullable().default(null),
    history: z.array(historyEntrySchema).default([]).describe('审核记录，按时间先后 / review history, oldest first'),
    comments: z.array(commentSchema).default([]).describe('各轮审核意见 / comments of every round'),
    reviewedContent: reviewedContentSchema.optional(),
  })
  .default(initialReviewState)
  .describe('审核状态和记录，不属于报告内容 / review state and history, not part of the report');

/** `settings` as read from a file; absent → defaults. */
export const settingsSchema = z
  .strictObject({
    requireApproval: z
      .boolean()
      .default(true)
      .describe('正式版须经审核通过后生成（没有单独审核人的机关可取消）/ the final report needs an approval'),
    overviewLengthLimit: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .optional()
      .describe('“一、总体情况”的字数上限（缺省 1000 字；null：本地不限字数）/ length limit of 一、总体情况 in characters (absent: 1000; null: no limit)'),
  })
  .default(defaultDraftSettings)
  .describe('草稿设置 / settings');

/** The two fields to spread into the draft object schema. */
export const reviewDraftFields = { review: reviewSchema, settings: settingsSchema };

// The schemas' output is exactly the draft types (checked at compile time).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const reviewOutputMatches: Equal<z.output<typeof reviewSchema>, ReviewState> = true;
const settingsOutputMatches: Equal<z.output<typeof settingsSchema>, DraftSettings> = true;
void reviewOutputMatches;
void settingsOutputMatches;
