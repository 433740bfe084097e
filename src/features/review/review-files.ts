/**
 * The files that travel between the clerk and the reviewer: the draft file (.json) with its review
 * state and history, named after the step and round, so that both sides can tell them apart in a mail folder.
 */
import type { Draft } from '../../domain/draft-types.ts';
import { reviewOf } from '../../domain/draft-types.ts';
import { currentRound } from '../../domain/review.ts';
import { downloadFile, JSON_MIME } from '../shared/download.ts';
import { loadDraftFileModule } from '../shared/draft-file-download.ts';

/**
 * What the file name says about the review state. The round is in the name of what goes to the
 * reviewer and comes back, so that an older round's file in a mail folder cannot pass for the latest.
 */
function fileSuffix(draft: Draft): string {
  const review = reviewOf(draft);
  const round = currentRound(review);
  switch (review.status) {
    case 'editing':
      return '';
    case 'submitted':
      return `（送审第${round}轮）`;
    case 'returned':
      return `（退回修改第${round}轮）`;
    case 'approved':
      return '（审核通过）';
  }
}

// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `<机关><年度>年政府信息公开工作年度报告（送审第2轮）.json`, by the draft's review state and round; safe on Windows. */
export function reviewFileName(draft: Draft): string {
  const agency = draft.agency.name.replace(UNSAFE_FILE_NAME, '').replace(/\s+/g, ' ').trim().slice(0, 80) || '未命名机关';
  return `${agency}${draft.year}年政府信息公开工作年度报告${fileSuffix(draft)}.json`;
}

/** Downloads the draft as the review file of its current state; returns the file name. */
export async function downloadReviewFile(draft: Draft): Promise<string> {
  const { serializeDraft } = await loadDraftFileModule();
  const name = reviewFileName(draft);
  downloadFile(serializeDraft(draft), name, JSON_MIME);
  return name;
}
