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
}
