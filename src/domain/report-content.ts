/**
 * What the published report says, in the order it says it: one answer for the Word file (src/docx) and the
 * web page (src/html), so that both print the same title, 编制说明, sections, sub-headings, paragraphs,
 * tables and 落款. Renderers only lay these blocks out.
 *
 * Order (issue 3, spec §2, §8): title (agency name; YYYY年政府信息公开工作年度报告) → 编制说明 → 一…六 in
 * template order → optional 落款. Narrative sections print their intro, then their parts as （一）…
 * sub-headings (optional parts only when written); 六 starts with the 信息处理费 sentence. Table sections
 * print each table after its lead line.
 */
import type { ApprovalVerdict } from './approval-verdict.ts';
import type { CellValues, Draft } from './draft-types.ts';
import { feeStatementSentence } from './fee-statement.ts';
import { finalBlockers } from './final-gate.ts';
import { defaultPreamble } from './preamble.ts';
import { narrativeOutline } from './report-outline.ts';
import { chineseDate, paragraphsOf } from './report-text.ts';
import { canGenerateFinal } from './review.ts';
import type { TableTemplate } from './template-types.ts';
import { sectionTables } from './template.ts';
import { computeTotals } from './totals.ts';
import { flattenTables, templateOf } from './values.ts';

/** `final`: the report as published; `draft`: marked 草稿 on every page, unwritten required parts shown. */
export type ReportMode = 'final' | 'draft';

/** Second title line (spec §2.1): `{YYYY}年政府信息公开工作年度报告`; the first line is the agency's name. */
export const TITLE_SUFFIX = '年政府信息公开工作年度报告';

/** Shown on every page of a draft (issue 3: "each page is marked 草稿"). */
export const DRAFT_MARK = '草稿';

/** Why a draft is a draft: what still stands between it and the final version. */
const DRAFT_NOTES = {
  unchecked: '本文件尚未通过全部校验，仅供内部核对，不得作为正式报告发布',
  unapproved: '本文件尚未经审核通过，仅供内部核对，不得作为正式报告发布',
  chosen: '本文件为草稿，仅供内部核对，不得作为正式报告发布',
} as const;

/** The note beside the 草稿 mark. A clean report waiting only for its approval says so, not that checks failed. */
export function draftNote(draft: Draft, approval: ApprovalVerdict): string {
  if (finalBlockers(draft).length > 0) return DRAFT_NOTES.unchecked;
  return canGenerateFinal(draft, approval).ok ? DRAFT_NOTES.chosen : DRAFT_NOTES.unapproved;
}

/** Characters Windows and macOS refuse in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `<机关全称><年度>年政府信息公开工作年度报告[（草稿）]`, safe as a file name on Windows; add the extension. */
export function reportFileStem(draft: Draft, mode: ReportMode): string {
  const agency = draft.agency.name.replace(UNSAFE_FILE_NAME, '').replace(/\s+/g, ' ').trim().slice(0, 80) || '未命名机关';
  return `${agency}${draft.year}${TITLE_SUFFIX}${mode === 'draft' ? '（草稿）' : ''}`;
}

/** The report's title on one line (document properties, the web page's `<title>`). */
export function reportTitle(draft: Draft): string {
  return `${paragraphsOf(draft.agency.name).join('')}${draft.year}${TITLE_SUFFIX}`;
}

/** One block of the report, in print order. Paragraph texts are already split and cleaned (`paragraphsOf`). */
export type ReportBlock =
  /** The title lines: the agency's name (as many lines as typed), then `YYYY年政府信息公开工作年度报告`. */
  | { readonly kind: 'title'; readonly lines: readonly string[] }
  /** Body text: the 编制说明, a section's intro, the fee sentence, a part's text. */
  | { readonly kind: 'body'; readonly paragraphs: readonly string[] }
  /** `一、…` section heading (黑体). */
  | { readonly kind: 'heading1'; readonly sectionId: string; readonly text: string }
  /** `（一）…` part heading (楷体): ordinal and title. */
  | { readonly kind: 'heading2'; readonly key: string; readonly text: string }
  /**
   * A part written with an inline label (五's `主要问题：…`): the title opens its first paragraph in the
   * heading font instead of standing on a line of its own; a part without text prints the label alone.
   */
  | { readonly kind: 'leadIn'; readonly key: string; readonly leadIn: string; readonly paragraphs: readonly string[] }
  /** The line before a table (`2.主动公开政府信息具体情况`); often empty in the national format. */
  | { readonly kind: 'lead'; readonly paragraphs: readonly string[] }
  /** A statutory table; its cells come from `layoutTable(table)` and the content's `values`. */
  | { readonly kind: 'table'; readonly table: TableTemplate; readonly sectionHeading: string }
  /** 落款: the agency (one line) and the date (`2024年1月18日`), either may be absent. */
  | { readonly kind: 'signature'; readonly name: string; readonly date: string | null };

export interface ReportContent {
  readonly blocks: readonly ReportBlock[];
  /** Every cell's value, computed totals included; untouched cells are null and print empty (spec §A.4). */
  readonly values: CellValues;
}

/**
 * The report's blocks in print order. A draft keeps the headings of unwritten required parts (so the gap
 * shows); the final report leaves them out.
 */
export function reportContent(draft: Draft, mode: ReportMode): ReportContent {
  const template = templateOf(draft);
  const values = computeTotals(template, flattenTables(template, draft.tables ?? {}));
  const blocks: ReportBlock[] = [];

  blocks.push({ kind: 'title', lines: [...paragraphsOf(draft.agency.name), `${draft.year}${TITLE_SUFFIX}`] });
  const preamble = paragraphsOf(draft.preamble);
  blocks.push({ kind: 'body', paragraphs: preamble.length > 0 ? preamble : paragraphsOf(defaultPreamble(draft)) });

  for (const section of template.sections) {
    blocks.push({ kind: 'heading1', sectionId: section.id, text: section.heading });
    if (section.kind === 'narrative') {
      const text = draft.narrative[section.id];
      if (section.hasIntro && text) blocks.push({ kind: 'body', paragraphs: paragraphsOf(text.intro) });
      if (section.hasFeeStatement) blocks.push({ kind: 'body', paragraphs: paragraphsOf(feeStatementSentence(draft)) });
      for (const part of narrativeOutline(section, text, mode === 'draft').parts) {
        if (part.style === 'heading') {
          blocks.push({ kind: 'heading2', key: part.key, text: `${part.ordinal}${part.title}` });
          blocks.push({ kind: 'body', paragraphs: paragraphsOf(part.body) });
        } else {
          blocks.push({ kind: 'leadIn', key: part.key, leadIn: part.leadIn, paragraphs: paragraphsOf(part.body) });
        }
      }
    } else {
      for (const { lead, table } of sectionTables(section)) {
        blocks.push({ kind: 'lead', paragraphs: paragraphsOf(lead) });
        blocks.push({ kind: 'table', table, sectionHeading: section.heading });
      }
    }
  }
  if (draft.signature.include) {
    blocks.push({ kind: 'signature', name: paragraphsOf(draft.agency.name).join(''), date: chineseDate(draft.signature.date) });
  }
  return { blocks, values };
}

