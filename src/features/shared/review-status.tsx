/** The review state in one word for badges and headers, without waiting for a hash. */
import { reviewOf, type Draft } from '../../domain/draft-types.ts';
import { verdictLabel, type ApprovalVerdict } from '../../domain/approval-verdict.ts';
import { approvalStatusLabels, reviewStatusLabels } from '../../domain/review.ts';

export type StatusTone = 'neutral' | 'pending' | 'returned' | 'approved' | 'voided';

export interface StatusBadge {
  readonly label: string;
  readonly tone: StatusTone;
}

/**
 * From the stored state: a report back in editing that still holds an approval was changed after it
 * (审核后已修改). `verdict` (from `verifyApproval`) refines an approved report whose approval does not
 * count — a hand-edited file, a forged or unknown signature, an unsigned record — with its reason, and
 * says 签名未核验 when there is no reviewers list.
 */
export function statusBadge(draft: Draft, verdict?: ApprovalVerdict): StatusBadge {
  const review = reviewOf(draft);
  if (verdict?.state === 'void') return { label: verdictLabel(verdict), tone: 'voided' };
  if (review.status === 'editing' && review.approval) return { label: approvalStatusLabels.voided, tone: 'voided' };
  if (verdict?.state === 'unverified') return { label: verdictLabel(verdict), tone: 'approved' };
  switch (review.status) {
    case 'submitted':
      return { label: reviewStatusLabels.submitted, tone: 'pending' };
    case 'returned':
      return { label: reviewStatusLabels.returned, tone: 'returned' };
    case 'approved':
      return { label: reviewStatusLabels.approved, tone: 'approved' };
    default:
      return { label: reviewStatusLabels.editing, tone: 'neutral' };
  }
}

export function StatusBadgeView({ badge, prefix = '审核状态：' }: { badge: StatusBadge; prefix?: string }) {
  return (
    <span className={`rv-badge rv-badge-${badge.tone}`}>
      <span className="visually-hidden">{prefix}</span>
      {badge.label}
    </span>
  );
}

/** Beside a report's name (home list, editor header). */
export function ReviewStatusBadge({ draft }: { draft: Draft }) {
  const review = reviewOf(draft);
  // A draft that has never been near a reviewer needs no badge.
  if (review.status === 'editing' && review.history.length === 0) return null;
  return <StatusBadgeView badge={statusBadge(draft)} />;
}
