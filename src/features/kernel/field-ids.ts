/**
 * DOM ids of the non-table fields, and the keys findings use for them. A finding about a paragraph
 * names `narrative.<section>.parts.<part id>` (its text; `.title` appended: its title), or
 * `narrative.<section>.intro`, `fees.<field>`, `agency.<field>` or `preamble`; the check page turns that
 * into the element to focus.
 */
export function narrativeFieldId(sectionId: string, part: string): string {
  // Part ids of older drafts hold a dot (`extra.0`), which would need escaping in a CSS selector.
  return `narrative-${sectionId}-${part.replace(/\./g, '-')}`;
}

/** The title field of a narrative part. */
export function partTitleFieldId(sectionId: string, part: string): string {
  return `${narrativeFieldId(sectionId, part)}-title`;
}

export function feeFieldId(field: string): string {
  return `fee-${field}`;
}

export function agencyFieldId(field: string): string {
  return `agency-${field}`;
}

export const PREAMBLE_FIELD_ID = 'preamble';
export const SIGNATURE_FIELD_ID = 'signature-include';

/** Id of a step's heading: focused when the clerk moves to the step. */
export function stepHeadingId(step: string): string {
  return `step-heading-${step}`;
}
