/**
 * The draft: everything the clerk enters for one agency and one year. It is what IndexedDB stores and
 * what travels as a `.json` file (documented in `public/draft-format.md`; schema in
 * `public/draft.schema.json`). The three tables sit exactly as spec §A fixes them.
 */
import type { SectionId, TemplateId, VariantId } from './template-types.ts';

/**
 * Version of the file format itself. Bump only with a migration in `draft-migration.ts`.
 * 2: the draft records its format's revision (`templateRevision`) and its local variant (`variant`).
 * 3: a narrative section is an ordered list of parts with editable titles (`NarrativePart`), and a style.
 */
export const DRAFT_FORMAT_VERSION = 3;

/** A cell value: a number once entered, `null` while untouched (spec §A.4). */
export type CellValue = number | null;

/** Nested table values as in the file: `{ newReceived: { naturalPerson: 3, … }, denied: { stateSecret: {…} } }`. */
export interface NestedValues {
  [key: string]: CellValue | NestedValues;
}

/** Flat values keyed by full dotted cell key, e.g. `applications.denied.stateSecret.naturalPerson`. */
export type CellValues = Record<string, CellValue>;

export interface Agency {
  /** 机关全称, e.g. 宁波市镇海区人民政府办公室. Required. */
  name: string;
  /** Contact address printed in the 编制说明. */
  address: string;
  postcode: string;
  phone: string;
  /** Where the electronic version can be downloaded (website name or address). */
  website: string;
  /**
   * What kind of agency reports: a 各级人民政府 (`government`) must also report 工作考核、社会评议和责任追究
   * 结果情况 (条例 第五十条第（四）项); absent: not asked, and that topic is not checked.
   */
  kind?: AgencyKind;
}

/**
 * How a section prints its parts: `headings`, each part under its own （一）… sub-heading line; `leadIns`,
 * the part's title as a bold lead-in at the start of its first paragraph (`主要问题：…`), no heading line.
 */
export type NarrativeStyle = 'headings' | 'leadIns';

/** One part of a narrative section as the clerk wrote it: its own title, its place in the list, its text. */
export interface NarrativePart {
  /**
   * Stable within the section (comment anchors point at it): the template part's key for an official part
   * that came from an older draft or a new one, `extra.<n>` for a sub-topic an older draft added, and
   * `p<n>` for a part added since.
   */
  id: string;
  /**
   * The official topic (`NarrativePartTemplate.key`) the part stands for, whatever its title says; `null`
   * for a topic of the clerk's own. The checks of the topics a report must cover go by it.
   */
  topic: string | null;
  /** The title as printed; empty: the official title of `topic` (or none, for the clerk's own). */
  title: string;
  /** Paragraphs separated by newlines. */
  text: string;
  /**
   * Sentences inserted from the tables (table-sentences.ts), each with the exact text inserted, so that one
   * whose numbers the tables no longer give is pointed out. Book-keeping, not content; absent: none.
   */
  generated?: { source: 'applications' | 'reviewLitigation' | 'proactive'; text: string }[];
}

/** 各级人民政府 · 政府部门 · 其他（乡镇街道以外的事业单位等）. */
export type AgencyKind = 'government' | 'department' | 'other';

/** Free text of one narrative section of the template (一, 五, 六). */
export interface NarrativeSectionDraft {
  /** Opening paragraph(s) before the parts; sections without an intro keep it empty. */
  intro: string;
  style: NarrativeStyle;
  /** The parts in printing order. */
  parts: NarrativePart[];
}

/** The 信息处理费 statement of 六 (spec §2.3): counts and amounts in 元, `null` while not entered. */
export interface FeeStatement {
  /** Number of 收费通知 issued during the year. */
  noticesIssued: CellValue;
  /** Total amount of those notices, 元. */
  noticesAmount: CellValue;
  /** Amount actually collected, 元. */
  collectedAmount: CellValue;
}

/** Wordings of the 信息处理费 sentence that opens 六 (fee-statement.ts `FEE_WORDINGS`). */
export type FeeWordingId = 'itemised' | 'measures' | 'noneIssued' | 'omitted';

/** Wordings of the generated 编制说明 (preamble.ts `PREAMBLE_WORDINGS`). */
export type PreambleWordingId = 'full' | 'brief';

/**
 * How the sentences the tool writes for the agency to sign are worded. Optional, and so is each field:
 * absent, the report prints the default wording, as drafts made before this choice existed do.
 */
export interface ReportWording {
  /** Wording of the 信息处理费 sentence; absent: `itemised`. */
  fee?: FeeWordingId;
  /** The clerk's own 信息处理费 sentence, printed instead of the generated one; absent or blank: generated. */
  feeText?: string;
  /** Wording of the generated 编制说明 (used while `preamble` is empty); absent: `full`. */
  preamble?: PreambleWordingId;
}

export interface Signature {
  /** Print the 落款 (agency name and date) at the end. */
  include: boolean;
  /** Date of the 落款, `YYYY-MM-DD`; empty when not set. */
  date: string;
}

export interface Draft {
  formatVersion: typeof DRAFT_FORMAT_VERSION;
  template: TemplateId;
  /**
   * Revision of the format the tables follow (`ReportTemplate.revision`). A draft of an older revision is
   * migrated when read (`draft-migration.ts`).
   */
  templateRevision: number;
  /** The local variant (a province's additions to the format); absent: 全国通用. */
  variant?: VariantId;
  /** The report year (statistics from 1月1日 to 12月31日 of this year). */
  year: number;
  agency: Agency;
  /** The 编制说明. Empty: generated from the agency and year; otherwise the clerk's own text. */
  preamble: string;
  /** Keyed by narrative section id: `overview`, `problems`, `other`. */
  narrative: Record<string, NarrativeSectionDraft>;
  fees: FeeStatement;
  /** Chosen wordings of the generated sentences; absent: the defaults. */
  wording?: ReportWording;
  signature: Signature;
  /** Keyed by table key (`proactive`, `applications`, `reviewLitigation`), nested as spec §A. */
  tables: Record<string, NestedValues>;
  /** Book-keeping; not part of the report's content. */
  meta: { createdAt: string; updatedAt: string };
  /**
   * Supervisor review and sign-off (issue 5). Not part of the report's content. Optional on read: a
   * draft without it is in the initial state (`initialReviewState()`); use `reviewOf(draft)`.
   */
  review?: ReviewState;
  /** Per-draft settings; not part of the report's content. Absent: `defaultDraftSettings()`. */
  settings?: DraftSettings;
}

/**
 * Where a draft stands in the review cycle:
 * `editing` 编辑中 → (submit) `submitted` 待审核 → `returned` 退回修改 → (resubmit) `submitted` … →
 * `approved` 审核通过. A content change after approval sends it back to `editing` (审核后已修改).
 */
export type ReviewStatus = 'editing' | 'submitted' | 'returned' | 'approved';

/**
 * What happened in one step of the review cycle. `approvalVoided`: content changed after approval;
 * `approvalNotRequired` / `approvalRequired`: the clerk turned `settings.requireApproval` off / on again.
 */
export type ReviewAction = 'submitted' | 'returned' | 'approved' | 'resubmitted' | 'approvalVoided' | 'approvalNotRequired' | 'approvalRequired';

/** The sign-off, bound to the content it approved. */
export interface Approval {
  /** 审核人姓名. */
  reviewer: string;
  /** 审核人职务, e.g. 办公室主任. */
  role: string;
  /** Time of approval, ISO 8601. */
  at: string;
  /** `contentHash(draft)` at approval (SHA-256, 64 hex digits): any later content change voids the approval. */
  contentHash: string;
  /** The review round approved (signed approvals). */
  round?: number;
  /**
   * The reviewer's signature over `{contentHash, reviewer, role, at, settings, round}` (src/domain/signing.ts).
   * An approval without one is an unsigned record of an older version of the app, and never valid.
   */
  signature?: ApprovalSignature;
}

/** An ECDSA P-256 signature with the public key that made it (looked up in the agency's reviewers list). */
export interface ApprovalSignature {
  algorithm: 'ECDSA-P256-SHA256';
  /** The signer's public key (JWK). */
  publicKey: { crv: 'P-256'; kty: 'EC'; x: string; y: string };
  /** SHA-256 thumbprint (RFC 7638) of `publicKey`, 64 hex digits, as in the reviewers list. */
  fingerprint: string;
  /** The signature, base64 of the 64-byte r‖s. */
  value: string;
}

/** One entry of the review history; never removed, so every round stays visible. */
export interface ReviewHistoryEntry {
  /** Review round, from 1: each submission or resubmission opens the next round. */
  round: number;
  action: ReviewAction;
  /** Name of the clerk or reviewer who acted (`approvalVoided`: whoever's edit voided it, may be empty). */
  by: string;
  /** Reviewer's role, for `returned` and `approved`. */
  role?: string;
  /** Time, ISO 8601. */
  at: string;
  /** Ids of the comments made with this decision (`returned`). */
  comments?: string[];
}

/**
 * Where a comment points:
 * - a whole section (一 … 六);
 * - a paragraph: the `id` of a narrative part of that section (`NarrativePart.id`), or `intro` (opening
 *   paragraph), `preamble` (编制说明, printed before 一) or `fees` (信息处理费 statement of 六);
 * - a table cell by its dotted key (spec §A), e.g. `applications.newReceived.naturalPerson`.
 */
export type CommentAnchor =
  | { kind: 'section'; section: SectionId }
  | { kind: 'paragraph'; section: SectionId; part: string }
  | { kind: 'cell'; cell: string };

/** `open` 待处理 → `answered` 已答复 (the clerk replied) and/or `resolved` 已解决 (the clerk fixed it). */
export type CommentState = 'open' | 'resolved' | 'answered';

export interface ReviewComment {
  /** Unique within the draft (`c1`, `c2`, …); comments are never deleted. */
  id: string;
  anchor: CommentAnchor;
  text: string;
  /** Reviewer's name. */
  author: string;
  /** Time, ISO 8601. */
  at: string;
  /** Review round in which the comment was made. */
  round: number;
  state: CommentState;
  /** The clerk's answer. */
  reply?: { text: string; author: string; at: string };
  /** Who marked the comment resolved, and when. */
  resolved?: { author: string; at: string };
}

export interface ReviewState {
  status: ReviewStatus;
  /** The current (or voided) sign-off; `null` before approval and after a new submission. */
  approval: Approval | null;
  /** Every step, oldest first. */
  history: ReviewHistoryEntry[];
  /** Every comment of every round, oldest first. */
  comments: ReviewComment[];
  /**
   * The report's content as the reviewer last decided on it (returned or approved), so that the next
   * round's file shows what changed since (src/domain/round-changes.ts). Absent before the first
   * decision and in files of older versions: no changes are shown then.
   */
  reviewedContent?: ReviewedContent;
}

/**
 * What the reviewer saw in one round, content only (never an earlier snapshot again): the entered table
 * cells and the report's text as printed, paragraph by paragraph. Bounded (`SNAPSHOT_LIMITS` in
 * round-changes.ts): text beyond the limits is not kept (`text: null`), cells only where filled.
 */
export interface ReviewedContent {
  /** The round whose content this is. */
  round: number;
  /** Filled cells the clerk enters (not the computed totals), by dotted key; a cell not listed was empty. */
  cells: Record<string, number>;
  /** The printed text, block by block in print order; `null` when it was too long to keep. */
  text: ReviewedTextBlock[] | null;
}

/** One block of printed text: the title, the 编制说明, a section's opening, fee statement or one （一）… part, or the 落款. */
export interface ReviewedTextBlock {
  /** `title`, `preamble`, `signature`, or `<section>/intro`, `<section>/fees`, `<section>/<part key>`. */
  place: string;
  /** The part's sub-heading without its ordinal; empty for blocks without one. */
  title: string;
  paragraphs: string[];
}

export interface DraftSettings {
  /**
   * The final Word file needs a valid approval. Default true; agencies without a separate reviewer
   * turn it off.
   */
  requireApproval: boolean;
  /**
   * The local limit on the length of 一、总体情况 in 字 (counted as `countCharacters` counts them); absent:
   * `DEFAULT_OVERVIEW_LENGTH_LIMIT`; `null`: the local rules set none. Optional and absent from the
   * defaults, so that drafts (and the settings signed with their approvals) read unchanged.
   */
  overviewLengthLimit?: number | null;
}

/** Many local rules limit 一、总体情况 to 1000 字. */
export const DEFAULT_OVERVIEW_LENGTH_LIMIT = 1000;

/** The length limit of 一、总体情况 that applies to a draft; null when there is none. */
export function overviewLengthLimitOf(draft: Pick<Draft, 'settings'>): number | null {
  const limit = draft.settings?.overviewLengthLimit;
  return limit === undefined ? DEFAULT_OVERVIEW_LENGTH_LIMIT : limit;
}

export function initialReviewState(): ReviewState {
  return { status: 'editing', approval: null, history: [], comments: [] };
}

export function defaultDraftSettings(): DraftSettings {
  return { requireApproval: true };
}

/** The review state of a draft; the initial state when the draft has none (older or foreign files). */
export function reviewOf(draft: Pick<Draft, 'review'>): ReviewState {
  return draft.review ?? initialReviewState();
}

export function settingsOf(draft: Pick<Draft, 'settings'>): DraftSettings {
  return { ...defaultDraftSettings(), ...draft.settings };
}
