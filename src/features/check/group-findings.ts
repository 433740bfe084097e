/** Findings grouped by the step that shows them, in the order of the guided path. */
import { countFindings, isPending, type Finding } from '../../domain/findings.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import { locateFinding, type FindingLocation } from '../kernel/locate-finding.ts';
import { editorSteps, type StepId } from '../kernel/steps.ts';

export interface LocatedFinding {
  readonly finding: Finding;
  readonly location: FindingLocation;
}

export interface FindingGroup {
  readonly step: StepId;
  /** Step label; findings that belong to no step are grouped under 其他. */
  readonly label: string;
  readonly errors: number;
  /** Relations waiting for untouched cells (待填). */
  readonly pending: number;
  readonly warnings: number;
  readonly items: readonly LocatedFinding[];
}

export function groupFindings(findings: readonly Finding[], template: ReportTemplate): FindingGroup[] {
  const byStep = new Map<StepId, LocatedFinding[]>();
  for (const finding of findings) {
    const location = locateFinding(finding, template);
    const list = byStep.get(location.step) ?? [];
    list.push({ finding, location });
    byStep.set(location.step, list);
  }
  return editorSteps(template).flatMap((step) => {
    const items = byStep.get(step.id);
    if (!items || items.length === 0) return [];
    // Errors first within a section, then 待填: both block the final report.
    const rank = (item: LocatedFinding) => (isPending(item.finding) ? 1 : item.finding.severity === 'error' ? 2 : 0);
    const sorted = [...items].sort((a, b) => rank(b) - rank(a));
    return [
      {
        step: step.id,
        label: step.id === 'check' ? '其他' : step.label,
        ...countFindings(items.map((item) => item.finding)),
        items: sorted,
      },
    ];
  });
}
