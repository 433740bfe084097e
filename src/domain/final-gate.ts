/**
 * What stops a report from being printed as final: one definition for the Word report
 * (src/docx/build-report.ts), the sign-off (src/domain/review.ts: a reviewer may only approve what
 * could be printed) and the screens.
 *
 * Blocking: every error, and every finding of the template's "no blank cell" rules (kind `filled`,
 * R3.5 — a warning while editing): a final report never prints an untouched cell, and never prints it
 * as 0 (spec §A.4). As a safety net beyond the template's rules, any untouched input cell that no
 * finding names is reported too. Text past the stated limits (text-limits.ts) blocks as well: the Word
 * builder refuses it in either version.
 */
import type { Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { reportFindings } from './check.ts';
import { indexTemplate } from './template.ts';
import type { ReportTemplate } from './template-types.ts';
import { flattenTables, templateOf } from './values.ts';

/** Ids of the template's "no cell left blank" rules (kind `filled`). */
function untouchedRuleIds(template: ReportTemplate): Set<string> {
  return new Set(template.rules.filter((rule) => rule.kind === 'filled').map((rule) => rule.id));
}

/** The findings that block the final report, in template order; empty when it may be printed. */
export function finalBlockers(draft: Draft): Finding[] {
  const template = templateOf(draft);
  const filled = untouchedRuleIds(template);
  const findings = reportFindings(draft).filter((finding) => finding.severity === 'error' || filled.has(finding.rule));
  const named = new Set(findings.flatMap((finding) => finding.cells));
  const values = flattenTables(template, draft.tables ?? {});
  const missing = indexTemplate(template).cells.filter((cell) => !cell.computed && values[cell.key] === null && !named.has(cell.key));
  if (missing.length > 0) {
    findings.push({
      rule: [...filled][0] ?? 'filled',
      severity: 'error',
      cells: missing.map((cell) => cell.key),
      message: `表格中有 ${missing.length} 格未填写。没有的请填 0`,
    });
  }
  return findings;
}
