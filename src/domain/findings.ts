/** What the checks report. One shape for the CLI (`--json`), the live form and the review screen. */
import type { Severity } from './template-types.ts';

export interface Finding {
  /**
   * Spec rule id: `R3.1` … `R4.1`, `R2.1`, `R2.2`, `R2.19a`–`d`, `C1`–`C4`, `N12`; `swing` for a headline
   * number that changed more than five times against last year's report.
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
}
