/**
 * The review state where the clerk works: a badge beside the report's name in the header, and above
 * every step what editing now means — submitted (the reviewer's file will not have the change),
 * approved (the form is locked until the clerk chooses 修改, which warns that a change voids the
 * approval), changed after approval (the content differs from what was approved), or returned with
 * open comments.
 */
import { useState } from 'react';
import { reviewOf } from '../../domain/draft-types.ts';
import { editingWarning, openComments, reviewActionLabels } from '../../domain/review.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { StepId } from '../kernel/steps.ts';
import { Banner } from '../shared/app-header.tsx';
import { Modal } from '../shared/modal.tsx';
import { formatDateTime } from '../shared/format.ts';
import { routeHash } from '../shared/routing.ts';
import { statusBadge, StatusBadgeView } from '../shared/review-status.tsx';

export function ReviewBanner({
  step,
  amending,
  onAmend,
  readOnly,
}: {
  step: StepId;
  /** The clerk chose 修改 after approval: the form is open again. */
  amending: boolean;
  onAmend: () => void;
  readOnly: boolean;
}) {
  const { draftId } = useEditor();
  const [confirming, setConfirming] = useState(false);
  const { draft } = useLiveDraft();
  const review = reviewOf(draft);
  const warning = editingWarning(draft);
  // On the check page the review section is right there.
  const checkLink = step === 'check' ? undefined : (
    <a className="button button-small" href={routeHash({ page: 'draft', draftId, step: 'check' })}>
      查看审核情况
    </a>
  );
  if (review.status === 'approved') {
    const approval = review.approval;
    return (
      <div className="rv-banner">
        <Banner
          tone="info"
          actions={
            <>
              {!amending && (
                <button type="button" className="button button-small button-primary" disabled={readOnly} onClick={() => setConfirming(true)}>
                  修改
                </button>
              )}
              {checkLink}
            </>
          }
        >
          <strong>{statusBadge(draft).label}。</strong>
          {amending
            ? '报告已审核通过，现在可以修改。内容一旦与审核通过时不同，审核即失效（审核后已修改）；改回审核通过时的内容，审核恢复有效。'
            : `${warning ?? ''}。`}
        </Banner>
        {confirming && (
          <Modal
            title="修改已审核通过的报告"
            role="alertdialog"
            onClose={() => setConfirming(false)}
            actions={
              <>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => {
                    setConfirming(false);
                    onAmend();
                  }}
                >
                  修改
                </button>
                <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
                  取消
                </button>
              </>
            }
          >
            <p>
              本报告已由{approval ? `${approval.reviewer}（${approval.role}）于 ${formatDateTime(approval.at)} ` : ''}审核通过。修改后，只要内容与审核通过时不同，审核即失效（审核后已修改），须重新提交审核、审核通过后才能生成正式版。
            </p>
            <p>把内容改回审核通过时的样子，审核恢复有效。</p>
          </Modal>
        )}
      </div>
    );
  }
  if (warning) {
    return (
      <div className="rv-banner">
        <Banner tone="warning" actions={checkLink}>
          <strong>{statusBadge(draft).label}。</strong>
          {warning}。
        </Banner>
      </div>
    );
  }
  if (review.status === 'editing' && review.approval) {
    return (
      <div className="rv-banner">
        <Banner tone="error" actions={checkLink}>
          <strong>{reviewActionLabels.approvalVoided}。</strong>
          报告内容与审核通过时（{review.approval.reviewer}，{formatDateTime(review.approval.at)} 审核通过）的内容不同，这次审核通过已失效，报告回到编辑中。
          把内容改回审核通过时的样子，审核恢复有效；否则须重新提交审核，审核通过后才能生成正式版。
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
