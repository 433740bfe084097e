/**
 * Where a review comment's anchor is, on each side: on the reviewer's read-only report (`anchorKey`
 * of src/domain/review.ts names the place) and in the clerk's editor (the step and the element to
 * highlight and focus).
 */
import type { CommentAnchor } from '../../domain/draft-types.ts';
import { indexTemplate, sectionOfTable } from '../../domain/template.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import { extraPartFieldId, feeFieldId, narrativeFieldId, PREAMBLE_FIELD_ID, stepHeadingId } from '../kernel/field-ids.ts';
import type { StepId } from '../kernel/steps.ts';
import { cellInputId } from '../kernel/cell-id.ts';

/**
 * The 编制说明 is printed before 一 and belongs to no section; its anchor names the first section (the
 * anchor type needs one) with the part `preamble`.
 */
export function preambleAnchor(template: ReportTemplate): CommentAnchor {
  return { kind: 'paragraph', section: template.sections[0]!.id, part: 'preamble' };
}

export interface EditorPlace {
  readonly step: StepId;
  /** Element to focus and mark. */
  readonly elementId: string;
  /** Selector of the ancestor to mark (`closest`): the cell, the field block; '' marks the element itself. */
  readonly mark: string;
}

/** Where the clerk finds the place a comment points to; null when the template has no such place. */
export function editorPlace(anchor: CommentAnchor, template: ReportTemplate): EditorPlace | null {
  if (anchor.kind === 'cell') {
    const cell = indexTemplate(template).cellsByKey.get(anchor.cell);
    // The step of the section the cell's table sits in (a variant's table sits in a section of its format).
    return cell ? { step: sectionOfTable(template, cell.table)?.id ?? cell.table, elementId: cellInputId(cell.key), mark: 'td' } : null;
  }
  const section = template.sections.find((candidate) => candidate.id === anchor.section);
  if (!section) return null;
  if (anchor.kind === 'section') return { step: section.id, elementId: stepHeadingId(section.id), mark: '' };
  if (anchor.part === 'preamble') return { step: 'basics', elementId: PREAMBLE_FIELD_ID, mark: '.preamble' };
  if (anchor.part === 'fees') return { step: section.id, elementId: feeFieldId('noticesIssued'), mark: '.fee-statement' };
  const extra = /^extra\.(\d+)$/.exec(anchor.part);
  if (extra) return { step: section.id, elementId: extraPartFieldId(section.id, Number(extra[1]), 'text'), mark: '.field' };
  return { step: section.id, elementId: narrativeFieldId(section.id, anchor.part), mark: '.field' };
}
