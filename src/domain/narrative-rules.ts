/**
 * Checks of the narrative (spec §5.6), from the template's part data: a part with a `minLength` (五,
 * N12) must not be empty, "无", or shorter than that. Part of the one check (`checkDraft` in rules.ts),
 * so the app, the final gate and `report check` report the same thing; the editor also uses
 * `isTooShort` to show a part as unfinished while it is being written.
 */
import type { Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { partFieldName, printedTitle } from './report-outline.ts';
import { countCharacters } from './text-limits.ts';
import { narrativeSections } from './template.ts';
import type { NarrativePartTemplate, ReportTemplate } from './template-types.ts';

// One count for the editor's counters and the text limits (src/domain/text-limits.ts).
export { countCharacters };

/** Text that says only "nothing": 无, 無, 没有, with or without punctuation. */
const NOTHING = /^[无無没有。.！!\s]*$/u;

export function isTooShort(part: NarrativePartTemplate, text: string): boolean {
  if (part.minLength === undefined) return false;
  return countCharacters(text) < part.minLength || NOTHING.test(text);
}

/**
 * N12 for every topic with a minimum length whose text is empty, "无" or too short; in template order. The
 * topic is found by the parts standing for it (`NarrativePart.topic`), whatever their titles and places;
 * a topic written in two parts counts with both texts, and a topic whose part was removed counts as empty.
 */
export function narrativeFindings(draft: Draft, template: ReportTemplate): Finding[] {
  const findings: Finding[] = [];
  for (const section of narrativeSections(template)) {
    const stored = draft.narrative?.[section.id]?.parts ?? [];
    for (const topic of section.parts) {
      const parts = stored.filter((part) => part.topic === topic.key);
      const text = parts.map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
      if (!isTooShort(topic, text)) continue;
      const count = countCharacters(text);
      const name = parts[0] ? partFieldName(section, draft.narrative?.[section.id]?.style, stored.indexOf(parts[0]), printedTitle(parts[0], section)) : '';
      findings.push({
        rule: 'N12',
        severity: 'warning',
        cells: [parts[0] ? `narrative.${section.id}.parts.${parts[0].id}` : `narrative.${section.id}`],
        message:
          parts.length === 0
            ? `${section.heading}没有写“${topic.title}”这一部分（已删除），应如实报告，不能空缺；请在本节增加这一部分。`
            : count === 0
              ? `${name}还没有填写，应如实报告，不能空缺。`
              : `${name}只有 ${count} 个字，应如实报告，不少于 ${topic.minLength} 个字，不能只写“无”。`,
      });
    }
  }
  return findings;
}
