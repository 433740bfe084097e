/**
 * This year's report started from last year's (typically one just imported from its published page):
 * the agency and its contact details, last year's text as a starting point (the clerk is reminded to
 * update it), the tables empty but for 上年结转, carried over from last year's 结转下年度继续办理. The 编制说明
 * is left to be generated for the new year, the 落款 date to be set.
 */
import { applyCarryOver } from '../cross-year.ts';
import type { Draft, NarrativeSectionDraft } from '../draft-types.ts';
import { narrativeOutline } from '../report-outline.ts';
import { narrativeSections } from '../template.ts';
import type { NarrativeSectionTemplate } from '../template-types.ts';
import { emptyDraft, templateOf } from '../values.ts';
import { templateForYear } from '../../../templates/index.ts';

/**
 * A section's printed text put back as the parts of a section of the new year's format: a part whose key
 * the new format has goes to it; any other becomes an added part where allowed, else joins the last part.
 */
function carriedText(section: NarrativeSectionTemplate, previousSection: NarrativeSectionTemplate | undefined, previous: Draft): NarrativeSectionDraft {
  const result: NarrativeSectionDraft = { intro: '', parts: Object.fromEntries(section.parts.map((part) => [part.key, ''])), extraParts: [] };
  if (!previousSection) return result;
  const text = previous.narrative[previousSection.id];
  result.intro = section.hasIntro ? (text?.intro ?? '') : '';
  for (const printed of narrativeOutline(previousSection, text, false).parts) {
    if (printed.key in result.parts) result.parts[printed.key] = printed.body;
    else if (section.allowExtraParts) result.extraParts.push({ title: printed.title, text: printed.body });
    else {
      const last = section.parts.at(-1)!.key;
      result.parts[last] = [result.parts[last], printed.title, printed.body].filter((line) => line !== '').join('\n');
    }
  }
  return result;
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
