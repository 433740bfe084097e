/**
 * This year's report started from last year's (typically one just imported from its published page):
 * the agency and its contact details, last year's text as a starting point (the clerk is reminded to
 * update it), the tables empty but for 上年结转, carried over from last year's 结转下年度继续办理. The 编制说明
 * is left to be generated for the new year, the 落款 date to be set.
 */
import { applyCarryOver } from '../cross-year.ts';
import type { Draft, NarrativePart, NarrativeSectionDraft } from '../draft-types.ts';
import { narrativeOutline } from '../report-outline.ts';
import { narrativeSections } from '../template.ts';
import type { NarrativeSectionTemplate } from '../template-types.ts';
import { emptyDraft, templateOf } from '../values.ts';
import { templateForYear } from '../../../templates/index.ts';

/**
 * A section's printed text put back as the parts of a section of the new year's format, in last year's
 * order and with last year's titles: a part whose topic the new format has keeps it; any other becomes the
 * agency's own part where allowed, else joins the part before it. Topics last year did not print follow
 * as empty parts with their official titles, as in a new draft.
 */
function carriedText(section: NarrativeSectionTemplate, previousSection: NarrativeSectionTemplate | undefined, previous: Draft): NarrativeSectionDraft {
  const parts: NarrativePart[] = [];
  const text = previousSection ? previous.narrative[previousSection.id] : undefined;
  const topics = new Set(section.parts.map((part) => part.key));
  const used = new Set<string>();
  let ownCount = 0;
  if (previousSection) {
    for (const printed of narrativeOutline(previousSection, text, false).parts) {
      const topic = printed.topic && topics.has(printed.topic) && !used.has(printed.topic) ? printed.topic : null;
      if (topic) {
        used.add(topic);
        parts.push({ id: topic, topic, title: printed.title, text: printed.body });
      } else if (section.allowExtraParts) {
        ownCount += 1;
        parts.push({ id: `p${ownCount}`, topic: null, title: printed.title, text: printed.body });
      } else if (parts.length > 0) {
        const last = parts.at(-1)!;
        last.text = [last.text, printed.title, printed.body].filter((line) => line !== '').join('\n');
      } else {
        const last = section.parts.at(-1)!;
        used.add(last.key);
        parts.push({ id: last.key, topic: last.key, title: last.title, text: [printed.title, printed.body].filter((line) => line !== '').join('\n') });
      }
    }
  }
  for (const topic of section.parts) {
    if (!used.has(topic.key)) parts.push({ id: topic.key, topic: topic.key, title: topic.title, text: '' });
  }
  return { intro: section.hasIntro ? (text?.intro ?? '') : '', style: text?.style ?? 'headings', parts };
}

export function draftForNextYear(previous: Draft, now = new Date()): Draft {
  const year = previous.year + 1;
  const template = templateForYear(year);
  const previousTemplate = templateOf(previous);
  const draft = emptyDraft(template, year, previous.agency.name, now);
  draft.agency = { ...previous.agency };
  for (const section of narrativeSections(template)) {
    const previousSection = narrativeSections(previousTemplate).find((candidate) => candidate.id === section.id);
    draft.narrative[section.id] = carriedText(section, previousSection, previous);
  }
  draft.signature = { include: previous.signature.include, date: '' };
  return applyCarryOver(draft, previous);
}
