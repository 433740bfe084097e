/**
 * Whether the report may go out as the final version, decided once for the Word file and the web page (as
 * `publishReport` decides it for `report docx` and `report html`): no error and no blank cell, fee inputs that
 * parse, and — unless switched off — an approval whose signature verifies against the agency's reviewers list
 * (or, with no list deployed, is intact).
 */
import { verifyApproval, type ApprovalVerdict } from '../../domain/approval-verdict.ts';
import { settingsOf, type Draft } from '../../domain/draft-types.ts';
import { finalBlockers } from '../../domain/final-gate.ts';
import type { Finding } from '../../domain/findings.ts';
import { canGenerateFinal } from '../../domain/review.ts';
import { feeInputFindings, type ReportFormValues } from '../kernel/form-values.ts';
import { listOf, type DeployedReviewers } from '../shared/reviewers-source.ts';

export interface PublicationGate {
  readonly verdict: ApprovalVerdict;
  /** Findings that keep the report from being final. */
  readonly blockers: readonly Finding[];
  /** Why the approval does not allow the final version, beyond what `blockers` already says. */
  readonly approval: readonly string[];
}

export async function publicationGate(
  draft: Draft,
  fees: ReportFormValues['fees'],
  loadReviewers: (() => Promise<DeployedReviewers>) | undefined,
): Promise<PublicationGate> {
  const deployed: DeployedReviewers = loadReviewers ? await loadReviewers() : { kind: 'absent' };
  const verdict = await verifyApproval(draft, listOf(deployed));
  const blockers = [...finalBlockers(draft), ...feeInputFindings(fees)];
  const gate = canGenerateFinal(draft, verdict);
  // A blocker the approval gate names again is one problem.
  const messages = new Set(blockers.map((finding) => finding.message));
  const approval = gate.ok ? [] : gate.reasons.filter((reason) => !messages.has(reason));
  // A list that is there but wrong: the agency meant approvals to be verified, so nothing passes for verified.
  if (deployed.kind === 'broken' && settingsOf(draft).requireApproval) approval.push(`${deployed.message}，审核签名无法核验，不能生成正式版`);
  return { verdict, blockers, approval };
}

/** Whether nothing keeps the report from being final. */
export function passes(gate: PublicationGate): boolean {
  return gate.blockers.length === 0 && gate.approval.length === 0;
}
