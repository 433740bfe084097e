/**
 * Where a finding belongs: the step whose page shows it, and the element to focus there. A finding's
 * cells start with the cell the clerk should look at; a table cell is on the step of its section
 * (`sectionOfCell`, the one mapping of a cell to its section that every screen uses).
 */
import type { Finding } from '../../domain/findings.ts';
import { sectionOfCell, sectionOfTable } from '../../domain/template.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import { cellInputId } from './cell-id.ts';
import { agencyFieldId, feeFieldId, narrativeFieldId, partTitleFieldId, PREAMBLE_FIELD_ID, SIGNATURE_FIELD_ID } from './field-ids.ts';
import { editorSteps, type StepId } from './steps.ts';

export interface FindingLocation {
  readonly step: StepId;
  /** Element to focus; absent: the step's heading. */
  readonly elementId?: string;
}

function locateKey(key: string, template: ReportTemplate, steps: ReadonlySet<string>): FindingLocation | null {
  const cellSection = sectionOfCell(template, key);
  if (cellSection) return { step: cellSection.id, elementId: cellInputId(key) };
  const [head, second, third, ...rest] = key.split('.');
  if (head === 'narrative' && second && steps.has(second)) {
    if (third === 'intro') return { step: second as StepId, elementId: narrativeFieldId(second, 'intro') };
    // `narrative.<section>.parts.<part id>[.title]`; a part id may itself hold a dot (`extra.0`).
    if (third === 'parts' && rest.length > 0) {
      const title = rest[rest.length - 1] === 'title';
      const part = (title ? rest.slice(0, -1) : rest).join('.');
      return { step: second as StepId, elementId: title ? partTitleFieldId(second, part) : narrativeFieldId(second, part) };
    }
    return { step: second as StepId };
  }
  if (head === 'fees') {
    const other = template.sections.find((section) => section.kind === 'narrative' && section.hasFeeStatement);
    if (other) return { step: other.id, ...(second ? { elementId: feeFieldId(second) } : {}) };
  }
  if (head === 'agency') return { step: 'basics', ...(second ? { elementId: agencyFieldId(second) } : {}) };
  if (head === 'preamble') return { step: 'basics', elementId: PREAMBLE_FIELD_ID };
  if (head === 'signature') {
    const last = template.sections[template.sections.length - 1];
    return { step: last?.id ?? 'basics', elementId: SIGNATURE_FIELD_ID };
  }
  // A table area (`applications`, `applications.denied`, a variant's `proactiveOverview`), or a section id used directly.
  const section = head ? sectionOfTable(template, head) : undefined;
  if (section) return { step: section.id };
  if (head && steps.has(head)) return { step: head as StepId };
  return null;
}

export function locateFinding(finding: Finding, template: ReportTemplate): FindingLocation {
  const steps = new Set<string>(editorSteps(template).map((step) => step.id));
  for (const key of finding.cells) {
    const location = locateKey(key, template, steps);
    if (location) return location;
  }
  return { step: 'check' };
}
