/**
 * Checks of the narrative (spec §5.6), from the template's part data: a part with a `minLength` (五,
 * N12) must not be empty, "无", or shorter than that. Part of the one check (`checkDraft` in rules.ts),
 * so the app, the final gate and `report check` report the same thing; the editor also uses
 * `isTooShort` to show a part as unfinished while it is being written.
 */
import type { Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
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

/** N12 for every part with a minimum length that is empty, "无" or too short; in template order. */
export function narrativeFindings(draft: Draft, template: ReportTemplate): Finding[] {
  const findings: Finding[] = [];
  for (const section of narrativeSections(template)) {
    for (const part of section.parts) {
      const stored = draft.narrative?.[section.id]?.parts?.[part.key];
      const text = typeof stored === 'string' ? stored : '';
      if (!isTooShort(part, text)) continue;
      const count = countCharacters(text);
      findings.push({
        rule: 'N12',
        severity: 'warning',
        cells: [`narrative.${section.id}.parts.${part.key}`],
        message:
          count === 0
            ? `${section.heading}“${part.title}”还没有填写，应如实报告，不能空缺。`
            : `${section.heading}“${part.title}”只有 ${count} 个字，应如实报告，不少于 ${part.minLength} 个字，不能只写“无”。`,
      });
    }
  }
  return findings;
}
