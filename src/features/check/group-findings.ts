/** Findings grouped by the step that shows them, in the order of the guided path. */
import type { Finding } from '../../domain/findings.ts';
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
    // Errors first within a section: they are what blocks the final report.
    const sorted = [...items].sort((a, b) => Number(b.finding.severity === 'error') - Number(a.finding.severity === 'error'));
    return [
      {
        step: step.id,
        label: step.id === 'check' ? '其他' : step.label,
        errors: items.filter((item) => item.finding.severity === 'error').length,
        warnings: items.filter((item) => item.finding.severity !== 'error').length,
        items: sorted,
      },
    ];
  });
}
