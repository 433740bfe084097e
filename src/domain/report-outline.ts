/**
 * Which parts of a narrative section a report prints, in which order and under which （一）… ordinal. One
 * answer for the Word file and for the supervisor's preview, so that what is reviewed is what prints.
 */
import type { NarrativeSectionDraft } from './draft-types.ts';
import { paragraphsOf, subHeadingOrdinal } from './report-text.ts';
import type { NarrativeSectionTemplate } from './template-types.ts';

export interface PrintedPart {
  /** The template part's key, or `extra.<index>` for a sub-topic the clerk added (a comment anchor). */
  readonly key: string;
  /** `（一）`, `（二）`, … counted over the printed parts only. */
  readonly ordinal: string;
  readonly title: string;
  readonly body: string;
}

export interface NarrativeOutline {
  readonly parts: readonly PrintedPart[];
  /** Titles of required parts left unwritten (and so not printed in a final report). */
  readonly unwrittenRequired: readonly string[];
}

/**
 * Optional parts print only when written. An unwritten required part keeps its heading when
 * `keepUnwrittenRequired` (a draft, where the gap should show) and is left out otherwise (a final report
 * is not printed with empty headings). Added sub-topics print when they have a title or a text.
 */
export function narrativeOutline(
  section: NarrativeSectionTemplate,
  text: NarrativeSectionDraft | undefined,
  keepUnwrittenRequired: boolean,
): NarrativeOutline {
  const printed: Omit<PrintedPart, 'ordinal'>[] = [];
  const unwrittenRequired: string[] = [];
  for (const part of section.parts) {
    const body = text?.parts[part.key] ?? '';
    if (paragraphsOf(body).length === 0) {
      if (part.optional) continue;
      unwrittenRequired.push(part.title);
      if (!keepUnwrittenRequired) continue;
    }
    printed.push({ key: part.key, title: part.title, body });
  }
  (text?.extraParts ?? []).forEach((extra, index) => {
    if (paragraphsOf(extra.title).length === 0 && paragraphsOf(extra.text).length === 0) return;
    printed.push({ key: `extra.${index}`, title: paragraphsOf(extra.title).join(''), body: extra.text });
  });
  return {
    parts: printed.map((part, index) => ({ ...part, ordinal: subHeadingOrdinal(index + 1) })),
    unwrittenRequired,
  };
}
