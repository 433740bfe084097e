/**
 * DOM ids of the non-table fields, and the keys findings use for them. A finding about a paragraph
 * names `narrative.<section>.parts.<part>` (or `.intro`), `fees.<field>`, `agency.<field>` or
 * `preamble`; the check page turns that into the element to focus.
 */
export function narrativeFieldId(sectionId: string, part: string): string {
  return `narrative-${sectionId}-${part}`;
}

export function extraPartFieldId(sectionId: string, index: number, field: 'title' | 'text'): string {
  return `narrative-${sectionId}-extra-${index}-${field}`;
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
