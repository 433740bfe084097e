/**
 * What changed since the round the reviewer last decided on, so that in round 2 the reviewer reads the
 * changes instead of the whole report again.
 *
 * The draft travels as a file, and the reviewer's browser may not hold the earlier round. So the draft
 * carries it: when the reviewer returns (or approves) a round, `review.reviewedContent` records that
 * round's content — the entered table cells and the text as printed, paragraph by paragraph — and round
 * N+1's file holds round N's content. Only content is kept, never the earlier snapshot, and within
 * `SNAPSHOT_LIMITS`.
 *
 * Cells are compared by key; text block by block (the printed narrative parts by their key, see
 * `narrativeOutline`, plus the title, 编制说明, openings, fee statements and 落款), paragraphs aligned by
 * longest common subsequence and, inside a changed paragraph, characters (CJK has no spaces to split
 * words at). Both alignments are bounded in work: beyond `DIFF_WORK_LIMIT` cells of one comparison
 * table, or `DIFF_TOTAL_WORK_LIMIT` for the whole report, a cruder alignment (common beginning and end)
 * is used, never an unbounded one.
 */
import { formatCellValue } from './cell-input.ts';
import { reviewOf, type CommentAnchor, type Draft, type ReviewedContent, type ReviewedTextBlock } from './draft-types.ts';
import { feeStatementSentence } from './fee-statement.ts';
import { defaultPreamble } from './preamble.ts';
import { narrativeOutline, partPlaceName } from './report-outline.ts';
import { chineseDate, paragraphsOf } from './report-text.ts';
import { cellAccessibleName } from './table-layout.ts';
import { indexTemplate, narrativeSections, sectionOfCell } from './template.ts';
import type { SectionId } from './template-types.ts';
import { flattenTables, templateOf } from './values.ts';

/**
 * Bounds of `review.reviewedContent`, in a file as when recorded. The text limits of a report
 * (text-limits.ts: 100 000 字 and 2 000 段 in all) with head-room for whitespace, the title, fee sentences
 * and the 落款; a report over them is not kept as text (`text: null`) rather than cut.
 */
export const SNAPSHOT_LIMITS = {
  /** UTF-16 code units of all paragraphs and titles together. */
  characters: 250_000,
  paragraphs: 2_500,
  blocks: 200,
  cells: 5_000,
  /** Length of a cell key or a block's place. */
  keyLength: 200,
} as const;

/** Cells of the comparison table one alignment may fill before falling back to a cruder one. */
export const DIFF_WORK_LIMIT = 250_000;

/**
 * Cells all the alignments of one comparison may fill together: a report of thousands of changed
 * paragraphs is compared in bounded time too, its later paragraphs with the cruder alignment.
 */
export const DIFF_TOTAL_WORK_LIMIT = 5_000_000;

/** What is left of `DIFF_TOTAL_WORK_LIMIT` in one comparison. */
export interface DiffBudget {
  remaining: number;
}

export const newDiffBudget = (): DiffBudget => ({ remaining: DIFF_TOTAL_WORK_LIMIT });

// ---------------------------------------------------------------------------------------------------
// The printed text, block by block

interface PrintedBlock extends ReviewedTextBlock {
  /** Where it is, in words: `一、总体情况（二）主动公开政府信息情况`. */
  readonly label: string;
  /** Where a comment on it is anchored; null for the title and the 落款, which take no comments. */
  readonly anchor: CommentAnchor | null;
}

const TITLE_PLACE = 'title';
const PREAMBLE_PLACE = 'preamble';
const SIGNATURE_PLACE = 'signature';

/**
 * The report's text as the preview and the Word file print it, block by block in print order. A block
 * that prints nothing is left out.
 */
function printedBlocks(draft: Draft): PrintedBlock[] {
  const template = templateOf(draft);
  const firstSection = template.sections[0]!.id;
  const blocks: PrintedBlock[] = [];
  const add = (block: PrintedBlock) => {
    if (block.paragraphs.length > 0 || block.title !== '') blocks.push(block);
  };
  add({ place: TITLE_PLACE, title: '', paragraphs: [...paragraphsOf(draft.agency.name), `${draft.year}年政府信息公开工作年度报告`], label: '标题', anchor: null });
  const preamble = paragraphsOf(draft.preamble).length > 0 ? draft.preamble : defaultPreamble(draft);
  add({ place: PREAMBLE_PLACE, title: '', paragraphs: paragraphsOf(preamble), label: '编制说明', anchor: { kind: 'paragraph', section: firstSection, part: 'preamble' } });
  for (const section of narrativeSections(template)) {
    const text = draft.narrative?.[section.id];
    const anchor = (part: string): CommentAnchor => ({ kind: 'paragraph', section: section.id, part });
    if (section.hasIntro && text) {
      add({ place: `${section.id}/intro`, title: '', paragraphs: paragraphsOf(text.intro), label: `${section.heading} 开头段落`, anchor: anchor('intro') });
    }
    if (section.hasFeeStatement) {
      add({ place: `${section.id}/fees`, title: '', paragraphs: paragraphsOf(feeStatementSentence(draft)), label: `${section.heading} 信息处理费`, anchor: anchor('fees') });
    }
    for (const part of narrativeOutline(section, text, false).parts) {
      add({
        place: `${section.id}/${part.key}`,
        title: part.title,
        paragraphs: paragraphsOf(part.body),
        label: partPlaceName(section, part),
        anchor: anchor(part.key),
      });
    }
  }
  if (draft.signature.include) {
    const date = chineseDate(draft.signature.date);
    add({ place: SIGNATURE_PLACE, title: '', paragraphs: [paragraphsOf(draft.agency.name).join(''), ...(date ? [date] : [])].filter(Boolean), label: '落款', anchor: null });
  }
  return blocks;
}

/** The filled cells the clerk enters (computed totals follow from them), in template order. */
function enteredCells(draft: Draft): Record<string, number> {
  const template = templateOf(draft);
  const values = flattenTables(template, draft.tables ?? {});
  const cells: Record<string, number> = {};
  for (const cell of indexTemplate(template).cells) {
    const value = values[cell.key];
    if (!cell.computed && typeof value === 'number') cells[cell.key] = value;
  }
  return cells;
}

/** The content of `draft` to keep as what the reviewer saw in `round`; its text is left out beyond `SNAPSHOT_LIMITS`. */
export function reviewedContentOf(draft: Draft, round: number): ReviewedContent {
  const blocks = printedBlocks(draft).map(({ place, title, paragraphs }) => ({ place, title, paragraphs }));
  const paragraphs = blocks.reduce((sum, block) => sum + block.paragraphs.length, 0);
  const characters = blocks.reduce((sum, block) => sum + block.title.length + block.paragraphs.reduce((inner, line) => inner + line.length, 0), 0);
  const fits = blocks.length <= SNAPSHOT_LIMITS.blocks && paragraphs <= SNAPSHOT_LIMITS.paragraphs && characters <= SNAPSHOT_LIMITS.characters;
  return { round, cells: enteredCells(draft), text: fits ? blocks : null };
}

// ---------------------------------------------------------------------------------------------------
// Alignment

type Step = { kind: 'same'; before: number; after: number } | { kind: 'removed'; before: number } | { kind: 'added'; after: number };

/**
 * Aligns two sequences: longest common subsequence after trimming the common beginning and end; when the
 * rest would need more than `DIFF_WORK_LIMIT` comparisons, the rest is taken as removed and added whole.
 */
function align<T>(before: readonly T[], after: readonly T[], budget: DiffBudget): Step[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const steps: Step[] = [];
  for (let i = 0; i < start; i++) steps.push({ kind: 'same', before: i, after: i });
  const n = endBefore - start;
  const m = endAfter - start;
  const work = (n + 1) * (m + 1);
  if (n > 0 && m > 0 && work <= DIFF_WORK_LIMIT && work <= budget.remaining) {
    budget.remaining -= work;
    // lengths[i][j]: LCS of before[start+i..] and after[start+j..], row-major.
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] =
          before[start + i] === after[start + j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (before[start + i] === after[start + j]) {
        steps.push({ kind: 'same', before: start + i, after: start + j });
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
        steps.push({ kind: 'removed', before: start + i++ });
      } else {
        steps.push({ kind: 'added', after: start + j++ });
      }
    }
    while (i < n) steps.push({ kind: 'removed', before: start + i++ });
    while (j < m) steps.push({ kind: 'added', after: start + j++ });
  } else {
    for (let i = start; i < endBefore; i++) steps.push({ kind: 'removed', before: i });
    for (let j = start; j < endAfter; j++) steps.push({ kind: 'added', after: j });
  }
  for (let k = 0; k < before.length - endBefore; k++) steps.push({ kind: 'same', before: endBefore + k, after: endAfter + k });
  return steps;
}

/** A piece of a changed paragraph: kept, inserted or deleted text. */
export interface TextSegment {
  readonly kind: 'same' | 'inserted' | 'deleted';
  readonly text: string;
}

/** Character-level difference of two paragraphs (by code point, so 𠀀 is one character). */
export function diffText(before: string, after: string, budget: DiffBudget = newDiffBudget()): TextSegment[] {
  const a = Array.from(before);
  const b = Array.from(after);
  const segments: TextSegment[] = [];
  for (const step of align(a, b, budget)) {
    const kind = step.kind === 'same' ? 'same' : step.kind === 'removed' ? 'deleted' : 'inserted';
    const char = step.kind === 'added' ? b[step.after]! : a[step.before]!;
    const last = segments.at(-1);
    if (last && last.kind === kind) segments[segments.length - 1] = { kind, text: last.text + char };
    else segments.push({ kind, text: char });
  }
  return segments;
}

/** One paragraph of a changed block, in print order; `removed` ones stood where they are listed. */
export type ParagraphDiff =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'changed'; readonly before: string; readonly after: string; readonly segments: readonly TextSegment[] }
  | { readonly kind: 'added'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string };

/** Paragraphs aligned; a run of removed paragraphs facing a run of added ones pairs up as changed paragraphs. */
export function diffParagraphs(before: readonly string[], after: readonly string[], budget: DiffBudget = newDiffBudget()): ParagraphDiff[] {
  const result: ParagraphDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) result.push({ kind: 'changed', before: removed[k]!, after: added[k]!, segments: diffText(removed[k]!, added[k]!, budget) });
    for (const text of added.slice(paired)) result.push({ kind: 'added', text });
    for (const text of removed.slice(paired)) result.push({ kind: 'removed', text });
    removed = [];
    added = [];
  };
  for (const step of align(before, after, budget)) {
    if (step.kind === 'same') {
      flush();
      result.push({ kind: 'same', text: after[step.after]! });
    } else if (step.kind === 'removed') removed.push(before[step.before]!);
    else added.push(after[step.after]!);
  }
  flush();
  return result;
}

// ---------------------------------------------------------------------------------------------------
// The changes

export type ChangeKind = 'changed' | 'added' | 'removed';

export const changeKindLabels: Readonly<Record<ChangeKind, string>> = { changed: '修改', added: '新增', removed: '删除' };

/**
 * Where a change is: a table cell, or text (`place` of the block; `paragraph`: index into the block's
 * `BlockDiff.paragraphs`, null for the block as a whole or its sub-heading).
 */
export type ChangeTarget =
  | { readonly kind: 'cell'; readonly cell: string }
  | { readonly kind: 'text'; readonly place: string; readonly paragraph: number | null; readonly anchor: CommentAnchor | null };

export interface RoundChange {
  /** Where, in Chinese: `三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 自然人`, `一、总体情况（二）主动公开政府信息情况 第3段`. */
  readonly place: string;
  readonly kind: ChangeKind;
  /** The text or number before and after; empty when there was none. */
  readonly before: string;
  readonly after: string;
  readonly target: ChangeTarget;
  /** A changed paragraph's inserted and deleted characters (see `diffText`). */
  readonly segments?: readonly TextSegment[];
}

/** A block of text that changed: its paragraphs in order (with the removed ones), and the former sub-heading when it changed. */
export interface BlockDiff {
  readonly kind: 'changed' | 'added';
  readonly titleBefore: string | null;
  readonly paragraphs: readonly ParagraphDiff[];
}

export interface RoundChanges {
  /** The earlier round compared with. */
  readonly round: number;
  /** In print order: the text before the tables, the tables, the text after them. */
  readonly changes: readonly RoundChange[];
  /** Changed cells by key. */
  readonly cells: ReadonlyMap<string, { readonly before: number | null; readonly after: number | null }>;
  /** Changed or added blocks by place (`overview/publicity`, `preamble`). */
  readonly blocks: ReadonlyMap<string, BlockDiff>;
  /** Places of blocks that printed in the earlier round and no longer do. */
  readonly removedBlocks: readonly string[];
  /** False when the earlier round's text was too long to keep: only the tables are compared. */
  readonly textCompared: boolean;
}

function sectionOfPlace(place: string): SectionId | null {
  const slash = place.indexOf('/');
  return slash > 0 ? (place.slice(0, slash) as SectionId) : null;
}

function textChanges(before: readonly ReviewedTextBlock[], current: readonly PrintedBlock[], draft: Draft) {
  const budget = newDiffBudget();
  const changes: RoundChange[] = [];
  const blocks = new Map<string, BlockDiff>();
  const earlier = new Map(before.map((block) => [block.place, block]));
  const now = new Set(current.map((block) => block.place));
  const removedBlocks = before.filter((block) => !now.has(block.place)).map((block) => block.place);
  const target = (block: PrintedBlock, paragraph: number | null): ChangeTarget => ({ kind: 'text', place: block.place, paragraph, anchor: block.anchor });
  for (const block of current) {
    const old = earlier.get(block.place);
    if (!old) {
      blocks.set(block.place, { kind: 'added', titleBefore: null, paragraphs: block.paragraphs.map((text) => ({ kind: 'added', text })) });
      changes.push({ place: block.label, kind: 'added', before: '', after: [block.title, ...block.paragraphs].filter(Boolean).join('\n'), target: target(block, null) });
      continue;
    }
    const titleChanged = old.title !== block.title;
    const paragraphs = diffParagraphs(old.paragraphs, block.paragraphs, budget);
    if (!titleChanged && paragraphs.every((paragraph) => paragraph.kind === 'same')) continue;
    blocks.set(block.place, { kind: 'changed', titleBefore: titleChanged ? old.title : null, paragraphs });
    if (titleChanged) changes.push({ place: `${block.label} 小标题`, kind: 'changed', before: old.title, after: block.title, target: target(block, null) });
    let printedIndex = 0;
    let beforeIndex = 0;
    paragraphs.forEach((paragraph, position) => {
      if (paragraph.kind === 'removed') {
        beforeIndex++;
        changes.push({ place: `${block.label} 原第${beforeIndex}段`, kind: 'removed', before: paragraph.text, after: '', target: target(block, position) });
        return;
      }
      printedIndex++;
      if (paragraph.kind !== 'added') beforeIndex++;
      if (paragraph.kind === 'same') return;
      const place = `${block.label} 第${printedIndex}段`;
      changes.push(
        paragraph.kind === 'changed'
          ? { place, kind: 'changed', before: paragraph.before, after: paragraph.after, target: target(block, position), segments: paragraph.segments }
          : { place, kind: 'added', before: '', after: paragraph.text, target: target(block, position) },
      );
    });
  }
  const template = templateOf(draft);
  for (const place of removedBlocks) {
    const old = earlier.get(place)!;
    const section = sectionOfPlace(place);
    const heading = template.sections.find((candidate) => candidate.id === section)?.heading ?? '';
    const name = place === SIGNATURE_PLACE ? '落款' : place.endsWith('/intro') ? '开头段落' : place.endsWith('/fees') ? '信息处理费' : old.title ? `“${old.title}”` : '一部分';
    changes.push({
      place: `${heading}${heading ? ' ' : ''}${name}`,
      kind: 'removed',
      before: [old.title, ...old.paragraphs].filter(Boolean).join('\n'),
      after: '',
      target: { kind: 'text', place, paragraph: null, anchor: section ? { kind: 'section', section } : null },
    });
  }
  return { changes, blocks, removedBlocks };
}

/**
 * The changes since the round the reviewer last decided on, or `null` when there is nothing to compare
 * with: before the first decision, in a file of an older version (no `reviewedContent`), and while the
 * draft is still in the round that was decided on (the content recorded is its own).
 */
export function changesSinceRound(draft: Draft): RoundChanges | null {
  const review = reviewOf(draft);
  const earlier = review.reviewedContent;
  const round = review.history.reduce((max, entry) => Math.max(max, entry.round), 0);
  if (!earlier || earlier.round >= round) return null;
  return compareWith(draft, earlier);
}

/**
 * For the clerk while a returned report is being revised: the changes made since the reviewer decided,
 * i.e. what the reviewer will see listed once it is resubmitted. `null` when nothing was recorded.
 */
export function changesSinceReviewed(draft: Draft): RoundChanges | null {
  const earlier = reviewOf(draft).reviewedContent;
  return earlier ? compareWith(draft, earlier) : null;
}

function compareWith(draft: Draft, earlier: ReviewedContent): RoundChanges {
  const template = templateOf(draft);
  const index = indexTemplate(template);
  const current = enteredCells(draft);

  const cells = new Map<string, { before: number | null; after: number | null }>();
  const cellChanges: RoundChange[] = [];
  for (const cell of index.cells) {
    if (cell.computed) continue;
    const before = earlier.cells[cell.key] ?? null;
    const after = current[cell.key] ?? null;
    if (before === after) continue;
    cells.set(cell.key, { before, after });
    const heading = sectionOfCell(template, cell.key)?.heading;
    cellChanges.push({
      place: [heading, cellAccessibleName(cell)].filter(Boolean).join(' · '),
      kind: before === null ? 'added' : after === null ? 'removed' : 'changed',
      before: before === null ? '' : formatCellValue(before),
      after: after === null ? '' : formatCellValue(after),
      target: { kind: 'cell', cell: cell.key },
    });
  }

  const blocksNow = printedBlocks(draft);
  const text = earlier.text ? textChanges(earlier.text, blocksNow, draft) : { changes: [], blocks: new Map<string, BlockDiff>(), removedBlocks: [] };
  // Print order: title and 编制说明, the sections in template order (tables and text), the 落款.
  const sectionOrder = new Map(template.sections.map((section, position) => [section.id as string, position + 1]));
  const orderOf = (change: RoundChange): number => {
    if (change.target.kind === 'cell') return sectionOrder.get(sectionOfCell(template, change.target.cell)?.id ?? '') ?? 0;
    const place = change.target.place;
    if (place === TITLE_PLACE || place === PREAMBLE_PLACE) return 0;
    if (place === SIGNATURE_PLACE) return sectionOrder.size + 1;
    return sectionOrder.get(sectionOfPlace(place) ?? '') ?? 0;
  };
  const changes = [...text.changes, ...cellChanges]
    .map((change, position) => ({ change, position }))
    .sort((a, b) => orderOf(a.change) - orderOf(b.change) || a.position - b.position)
    .map(({ change }) => change);
  return { round: earlier.round, changes, cells, blocks: text.blocks, removedBlocks: text.removedBlocks, textCompared: earlier.text !== null };
}

/** The block place a comment anchor points into (`preamble`, `overview/publicity`); null for a cell or a section. */
export function placeOfAnchor(anchor: CommentAnchor): string | null {
  if (anchor.kind !== 'paragraph') return null;
  return anchor.part === 'preamble' ? PREAMBLE_PLACE : `${anchor.section}/${anchor.part}`;
}

/** Whether the place a comment points to changed: its cell, its paragraph block, or anything in its section. */
export function anchorChanged(changes: RoundChanges, anchor: CommentAnchor, draft: Draft): boolean {
  if (anchor.kind === 'cell') return changes.cells.has(anchor.cell);
  if (anchor.kind === 'paragraph') {
    const place = placeOfAnchor(anchor)!;
    return changes.blocks.has(place) || changes.removedBlocks.includes(place);
  }
  const template = templateOf(draft);
  const cellsHere = [...changes.cells.keys()].some((key) => sectionOfCell(template, key)?.id === anchor.section);
  const textHere = [...changes.blocks.keys(), ...changes.removedBlocks].some((place) => sectionOfPlace(place) === anchor.section);
  return cellsHere || textHere;
}
