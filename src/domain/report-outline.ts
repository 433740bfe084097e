/**
 * Which parts of a narrative section a report prints, in which order, under which title and in which
 * style. One answer for the Word file and for the supervisor's preview, so that what is reviewed is what
 * prints: the parts in the order the clerk put them, each under the title the clerk gave it.
 */
import type { NarrativePart, NarrativeSectionDraft, NarrativeStyle } from './draft-types.ts';
import { paragraphsOf, subHeadingOrdinal } from './report-text.ts';
import type { NarrativePartTemplate, NarrativeSectionTemplate } from './template-types.ts';

export interface PrintedPart {
  /** The part's `id` (a comment anchor): a template part's key, `extra.<n>` or the editor's `p<n>`. */
  readonly key: string;
  /** `（一）`, `（二）`, … counted over the printed parts only; empty in the `leadIns` style. */
  readonly ordinal: string;
  /** The title as printed (the official one where the clerk left it empty); may be empty for an own part. */
  readonly title: string;
  readonly body: string;
  /** `heading`: the title is a line of its own; `leadIn`: it opens the first paragraph (`leadIn`). */
  readonly style: 'heading' | 'leadIn';
  /** In the `leadIn` style, the bold words the first paragraph starts with (`主要问题：`); otherwise empty. */
  readonly leadIn: string;
  /** The official topic the part stands for, `null` for the clerk's own. */
  readonly topic: string | null;
  /** Its place among all the section's parts, printed or not (1-based): the editor's order. */
  readonly position: number;
}

export interface NarrativeOutline {
  readonly parts: readonly PrintedPart[];
  /**
   * Official titles of required topics left unwritten or removed (a final report prints neither their
   * headings nor a gap).
   */
  readonly unwrittenRequired: readonly string[];
}

/** The title a part prints under: the clerk's, on one line; the official one when left empty. */
export function printedTitle(part: Pick<NarrativePart, 'title' | 'topic'>, section: NarrativeSectionTemplate): string {
  const own = paragraphsOf(part.title).join('');
  if (own !== '') return own;
  return section.parts.find((candidate) => candidate.key === part.topic)?.title ?? '';
}

/** `主要问题` → `主要问题：`; a title that already ends in a colon or other closing punctuation keeps it. */
export function leadInText(title: string): string {
  if (title === '') return '';
  return /[：:。.！!？?，,；;]$/u.test(title) ? title : `${title}：`;
}

/**
 * How a message names a part, the way the editor labels its field: under a heading line by the ordinal
 * it prints with and its title (`一、总体情况（二）依申请公开`); as a lead-in, which prints no number, by its
 * title in quotes (`五、存在的主要问题及改进情况“主要问题”`, as the text limits and N12 name every part),
 * or by its place when it has no title (`第 3 部分`).
 */
export function partPlaceName(section: Pick<NarrativeSectionTemplate, 'heading'>, part: Pick<PrintedPart, 'style' | 'ordinal' | 'title' | 'position'>): string {
  if (part.style === 'heading') return `${section.heading}${part.ordinal}${part.title}`;
  return part.title === '' ? `${section.heading}第 ${part.position} 部分` : `${section.heading}“${part.title}”`;
}

/**
 * Whether the editor numbers a section's parts （一）（二）… by their place: in the headings style, unless
 * the section's topics are all optional (六, whose parts print only when written).
 */
export function numbersParts(section: Pick<NarrativeSectionTemplate, 'parts'>, style: NarrativeStyle | undefined): boolean {
  return style !== 'leadIns' && section.parts.every((part) => !part.optional);
}

/**
 * How a message about one field names a part: as the editor labels that field, by the ordinal of its
 * place (0-based `index`) and its title where the editor numbers the parts (`一、总体情况（二）依申请公开`),
 * otherwise by its title in quotes (`五、存在的主要问题及改进情况“主要问题”`), or by its place when it has
 * no title (`第 3 部分`).
 */
export function partFieldName(section: Pick<NarrativeSectionTemplate, 'heading' | 'parts'>, style: NarrativeStyle | undefined, index: number, title: string): string {
  if (numbersParts(section, style)) return `${section.heading}${subHeadingOrdinal(index + 1)}${title}`;
  return title === '' ? `${section.heading}第 ${index + 1} 部分` : `${section.heading}“${title}”`;
}

/** The template part a part stands for, if any. */
export function topicOf(part: Pick<NarrativePart, 'topic'>, section: NarrativeSectionTemplate): NarrativePartTemplate | undefined {
  return part.topic === null ? undefined : section.parts.find((candidate) => candidate.key === part.topic);
}

/**
 * Parts print in the draft's order. An unwritten part of an optional topic is left out; an unwritten part
 * of a required topic keeps its heading when `keepUnwrittenRequired` (a draft, where the gap should show)
 * and is left out otherwise; a part of the clerk's own prints when it has a title or a text. In the
 * `leadIns` style a part without text has nothing to lead into and is left out.
 */
export function narrativeOutline(
  section: NarrativeSectionTemplate,
  text: NarrativeSectionDraft | undefined,
  keepUnwrittenRequired: boolean,
): NarrativeOutline {
  const style: NarrativeStyle = text?.style === 'leadIns' ? 'leadIns' : 'headings';
  const stored = text?.parts ?? [];
  const printed: Omit<PrintedPart, 'ordinal'>[] = [];
  const unwrittenRequired: string[] = [];
  const writtenTopics = new Set<string>();
  for (const [index, part] of stored.entries()) {
    const topic = topicOf(part, section);
    const written = paragraphsOf(part.text).length > 0;
    const title = printedTitle(part, section);
    if (written && topic) writtenTopics.add(topic.key);
    if (!written) {
      if (topic?.optional) continue;
      if (topic && !keepUnwrittenRequired) continue;
      if (!topic && title === '') continue;
      if (style === 'leadIns' && !topic) continue;
    }
    const leadIn = style === 'leadIns' ? leadInText(title) : '';
    printed.push({ key: part.id, title, body: part.text, style: style === 'leadIns' ? 'leadIn' : 'heading', leadIn, topic: topic?.key ?? null, position: index + 1 });
  }
  for (const topic of section.parts) {
    if (!topic.optional && !writtenTopics.has(topic.key)) unwrittenRequired.push(topic.title);
  }
  let count = 0;
  return {
    parts: printed.map((part) => ({ ...part, ordinal: part.style === 'heading' ? subHeadingOrdinal(++count) : '' })),
    unwrittenRequired,
  };
}
