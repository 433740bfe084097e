/** The review state in one word for badges and headers, without waiting for a hash. */
import { reviewOf, type Draft } from '../../domain/draft-types.ts';
import { approvalStatusLabels, reviewStatusLabels, type ApprovalStatus } from '../../domain/review.ts';

export type StatusTone = 'neutral' | 'pending' | 'returned' | 'approved' | 'voided';

export interface StatusBadge {
  readonly label: string;
  readonly tone: StatusTone;
}

/**
 * From the stored state: a report back in editing that still holds an approval was changed after it
 * (审核后已修改). `approval` (from `approvalStatus`) refines an approved report whose content no longer
 * matches (a hand-edited file) before the app has recorded it.
 */
export function statusBadge(draft: Draft, approval?: ApprovalStatus): StatusBadge {
  const review = reviewOf(draft);
  if (approval === 'voided' || (review.status === 'editing' && review.approval)) return { label: approvalStatusLabels.voided, tone: 'voided' };
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
