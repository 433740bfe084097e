/**
 * The one check of a report: every finding the app lists (检查与生成, the navigator's counts), the final
 * gate weighs and `report check` prints comes from `reportFindings`, so the screens and the command
 * line never disagree about a draft.
 *
 * It is the rules engine over the tables and the narrative (`checkDraft`: spec §5.1–§5.6, cross-year
 * rules when last year's report is given), then the numbers stated in the text against the tables
 * (`textNumberFindings`, warnings at the sentence) and what evaluators check of the text (length and
 * topics of 一, 六's fee statement, parts copied from last year's report: `textQualityFindings`), then — with last year's report — the headline numbers that
 * changed more than five times (`swingWarnings`, warnings). Pure; findings in that order.
 */
import { swingWarnings } from './cross-year.ts';
import type { Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { checkDraft } from './rules.ts';
import { templateOf } from './values.ts';
import { narrativePlaces, reportYearFindings, textNumberFindings } from './text-numbers.ts';
import { textQualityFindings } from './text-quality.ts';

export function reportFindings(draft: Draft, previous?: Draft | null): Finding[] {
  const findings = checkDraft(draft, previous);
  const template = templateOf(draft);
  const places = narrativePlaces(draft, template);
  findings.push(
    ...textNumberFindings(draft, template, undefined, places),
    ...reportYearFindings(draft, places),
    ...textQualityFindings(draft, previous, template, places),
  );
  if (!previous) return findings;
  for (const { rule, severity, cells, message } of swingWarnings(draft, previous)) findings.push({ rule, severity, cells, message });
  return findings;
}
