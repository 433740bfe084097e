/**
 * Checks of the narrative the app makes itself, from the template's part data: a part with a
 * `minLength` (五, spec §5.6 N12) must not be empty, "无", or shorter than that. Added to the rules
 * engine's findings unless the engine already reports N12.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { Finding } from '../../domain/findings.ts';
import { countCharacters } from '../../domain/text-limits.ts';
import { narrativeSections } from '../../domain/template.ts';
import type { NarrativePartTemplate, ReportTemplate } from '../../domain/template-types.ts';

// One count for the editor's counters and the text limits (src/domain/text-limits.ts).
export { countCharacters };

const NOTHING = /^[无無没有。.！!\s]*$/u;

export function isTooShort(part: NarrativePartTemplate, text: string): boolean {
  if (part.minLength === undefined) return false;
  return countCharacters(text) < part.minLength || NOTHING.test(text);
}

export function narrativeFindings(draft: Draft, template: ReportTemplate, engineFindings: readonly Finding[]): Finding[] {
  if (engineFindings.some((finding) => finding.rule === 'N12')) return [];
  const findings: Finding[] = [];
  for (const section of narrativeSections(template)) {
    for (const part of section.parts) {
      const text = draft.narrative[section.id]?.parts[part.key] ?? '';
      if (part.minLength === undefined || !isTooShort(part, text)) continue;
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
