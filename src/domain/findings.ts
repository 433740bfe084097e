/** What the checks report. One shape for the CLI (`--json`), the live form and the review screen. */
import type { Severity } from './template-types.ts';

export interface Finding {
  /**
   * Spec rule id: `R3.1` … `R4.1`, `R2.1`, `R2.2`, `R2.19a`–`d`, `C1`–`C4`, `N1`–`N9`, `N11` and `N14` (a number in
   * the text that the tables contradict), `N12`, `N15`–`N18` (what evaluators check of the text); `swing`
   * for a headline number that changed more than five times against last year's report.
   */
  readonly rule: string;
  readonly severity: Severity;
  /** Dotted keys of the cells involved, e.g. `applications.newReceived.naturalPerson`. */
  readonly cells: readonly string[];
  /** Chinese message stating the numbers and the difference. */
  readonly message: string;
  /**
   * Set on a relation that does not hold yet while some of its cells are untouched (`isTouched`): the
   * keys of those cells. Such a finding is 待填 — shown neutrally while the clerk is filling the table —
   * and becomes an ordinary error once every cell is filled. It keeps its severity, so the final gate
   * and `report check` still block on it.
   */
  readonly pending?: readonly string[];
  /**
   * A finding about a number in the narrative (N1–N9, N14): where the figure is — the section, the part
   * (`intro`, a template part's key, `extra.<n>`: report-outline.ts) and its character offsets in that
   * part's text — with the number stated and the number the tables give. A statement of absence
   * (未收到政府信息公开申请) states 0, spans the negation and what it denies, and has no `textFix`.
   */
  readonly text?: TextSpan;
  /** The one-click fix of such a finding: replace the figure in the text by the tables' number. */
  readonly textFix?: TextFix;
  /**
   * A part nearly identical to last year's (N17): the sentences repeated, as this year's text has them and
   * as last year's had them, so both can be shown side by side.
   */
  readonly repeated?: readonly RepeatedSentence[];
}

export interface TextSpan {
  readonly section: string;
  readonly part: string;
  readonly start: number;
  readonly end: number;
  readonly stated: number;
  readonly expected: number;
}

/** Replace `from` at `start`–`end` of the field's text by `to` (`applyTextFix` in text-numbers.ts). */
export interface TextFix {
  /** Finding key of the text field, as in `cells`: `narrative.overview.parts.onRequest`. */
  readonly field: string;
  readonly section: string;
  readonly part: string;
  readonly start: number;
  readonly end: number;
  readonly from: string;
  readonly to: string;
  /** Chinese button text: `把文中的 51件 改为 50件`. */
  readonly label: string;
}

export interface RepeatedSentence {
  readonly current: string;
  readonly previous: string;
}

/** Whether a finding is 待填: a relation that cannot hold yet because some of its cells are untouched. */
export function isPending(finding: Finding): boolean {
  return finding.pending !== undefined && finding.pending.length > 0;
}

export interface FindingCounts {
  /** Errors of filled-in content (待填 relations not included). */
  readonly errors: number;
  /** Relations waiting for untouched cells: shown neutrally while filling, blocking the final report. */
  readonly pending: number;
  readonly warnings: number;
}

/** How the screens count findings (the navigator, 检查与生成, the grid's summary): one way everywhere. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  let pending = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (isPending(finding)) pending += 1;
    else if (finding.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return { errors, pending, warnings };
}
