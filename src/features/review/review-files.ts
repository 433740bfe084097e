/**
 * The files that travel between the clerk and the reviewer: the draft file (.json) with its review
 * state and history, named after the step, so that both sides can tell them apart in a mail folder.
 */
import type { Draft, ReviewStatus } from '../../domain/draft-types.ts';
import { reviewOf } from '../../domain/draft-types.ts';
import { downloadFile, JSON_MIME } from '../shared/download.ts';
import { loadDraftFileModule } from '../shared/draft-file-download.ts';

const FILE_SUFFIX: Readonly<Record<Exclude<ReviewStatus, 'editing'>, string>> = {
  submitted: '（送审）',
  returned: '（退回修改）',
  approved: '（审核通过）',
};

// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `<机关><年度>年政府信息公开工作年度报告（送审）.json`, by the draft's review state; safe on Windows. */
export function reviewFileName(draft: Draft): string {
  const agency = draft.agency.name.replace(UNSAFE_FILE_NAME, '').replace(/\s+/g, ' ').trim().slice(0, 80) || '未命名机关';
  const status = reviewOf(draft).status;
  const suffix = status === 'editing' ? '' : FILE_SUFFIX[status];
  return `${agency}${draft.year}年政府信息公开工作年度报告${suffix}.json`;
}

/** Downloads the draft as the review file of its current state; returns the file name. */
export async function downloadReviewFile(draft: Draft): Promise<string> {
  const { serializeDraft } = await loadDraftFileModule();
  const name = reviewFileName(draft);
  downloadFile(serializeDraft(draft), name, JSON_MIME);
  return name;
}
