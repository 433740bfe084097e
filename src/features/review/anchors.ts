/**
 * Where a review comment's anchor is, on each side: on the reviewer's read-only report (`anchorKey`
 * of src/domain/review.ts names the place) and in the clerk's editor (the step and the element to
 * highlight and focus).
 */
import type { CommentAnchor } from '../../domain/draft-types.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import { feeFieldId, narrativeFieldId, PREAMBLE_FIELD_ID, stepHeadingId } from '../kernel/field-ids.ts';
import { anchorStep } from '../kernel/step-status.ts';
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

/**
 * Where the clerk finds the place a comment points to; null when the template has no such place. The
 * step is the one the navigator counts the comment under (`anchorStep`), so the two never disagree.
 */
export function editorPlace(anchor: CommentAnchor, template: ReportTemplate): EditorPlace | null {
  const step = anchorStep(anchor, template);
  if (step === null) return null;
  if (anchor.kind === 'cell') return { step, elementId: cellInputId(anchor.cell), mark: 'td' };
  if (anchor.kind === 'section') return { step, elementId: stepHeadingId(anchor.section), mark: '' };
  if (anchor.part === 'preamble') return { step, elementId: PREAMBLE_FIELD_ID, mark: '.preamble' };
  if (anchor.part === 'fees') return { step, elementId: feeFieldId('noticesIssued'), mark: '.fee-statement' };
  return { step, elementId: narrativeFieldId(anchor.section, anchor.part), mark: '.field' };
}
