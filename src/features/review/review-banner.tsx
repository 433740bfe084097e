/**
 * The review state where the clerk works: a badge beside the report's name in the header, and above
 * every step what editing now means — submitted (the reviewer's file will not have the change),
 * approved (a change voids the approval), changed after approval, or returned with open comments.
 */
import { reviewOf } from '../../domain/draft-types.ts';
import { editingWarning, openComments, reviewActionLabels } from '../../domain/review.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { StepId } from '../kernel/steps.ts';
import { Banner } from '../shared/app-header.tsx';
import { formatDateTime } from '../shared/format.ts';
import { routeHash } from '../shared/routing.ts';
import { statusBadge, StatusBadgeView } from '../shared/review-status.tsx';

export function ReviewBanner({ step }: { step: StepId }) {
  const { draftId } = useEditor();
  const { draft } = useLiveDraft();
  const review = reviewOf(draft);
  const warning = editingWarning(draft);
  // On the check page the review section is right there.
  const checkLink = step === 'check' ? undefined : (
    <a className="button button-small" href={routeHash({ page: 'draft', draftId, step: 'check' })}>
      查看审核情况
    </a>
  );
  if (warning) {
    return (
      <div className="rv-banner">
        <Banner tone={review.status === 'approved' ? 'info' : 'warning'} actions={checkLink}>
          <strong>{statusBadge(draft).label}。</strong>
          {warning}。
        </Banner>
      </div>
    );
  }
  if (review.status === 'editing' && review.approval) {
    const voided = [...review.history].reverse().find((entry) => entry.action === 'approvalVoided');
    return (
      <div className="rv-banner">
        <Banner tone="error" actions={checkLink}>
          <strong>{reviewActionLabels.approvalVoided}。</strong>
          报告在审核通过后{voided ? `（${formatDateTime(voided.at)}）` : ''}内容有了改动，原审核通过（{review.approval.reviewer}，
          {formatDateTime(review.approval.at)}）已失效，报告回到编辑中。须重新提交审核，审核通过后才能生成正式版。
        </Banner>
      </div>
    );
  }
  if (review.status === 'returned') {
    const open = openComments(draft).length;
    return (
      <div className="rv-banner">
        <Banner tone="warning" actions={checkLink}>
          <strong>退回修改。</strong>
          {open > 0
            ? `审核人提出的意见还有 ${open} 条待处理，已标在相应位置。逐条修改后标记“已解决”或作出答复，再到“检查与生成”重新提交。`
            : '审核意见都已处理，可以到“检查与生成”重新提交审核。'}
        </Banner>
      </div>
    );
  }
  return null;
}
