/**
 * Shared by the review and last-year component tests: drafts taken through the review cycle with the
 * domain functions, stored review sessions, and downloads captured with their content.
 */
import { vi } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { approve, returnForChanges, submitForReview, type NewComment, type ReviewResult } from '../../src/domain/review.ts';
import type { DraftRepository } from '../../src/storage/draft-repository.ts';
import type { ReviewSession } from '../../src/storage/side-records.ts';
import { office2023Draft } from './ui-fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

const signingKey = await testSigningKey();

export const CLERK = '李晓明';
export const REVIEWER = { name: '王建国', role: '办公室主任' };
export const CELL = 'applications.newReceived.naturalPerson';
export const CELL_NAME = '一、本年新收政府信息公开申请数量 自然人';
export const TWO_COMMENTS: NewComment[] = [
  { anchor: { kind: 'cell', cell: CELL }, text: '自然人新收件数与登记台账不一致，请核对' },
  { anchor: { kind: 'paragraph', section: 'problems', part: 'problems' }, text: '存在的问题写得太笼统' },
];

const at = (minute: number) => new Date(Date.UTC(2026, 0, 8, 8, minute));

export function ok(result: ReviewResult): Draft {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.draft;
}

export function submittedOffice(): Draft {
  return ok(submitForReview(office2023Draft(), CLERK, at(1)));
}

export function returnedOffice(): Draft {
  return ok(returnForChanges(submittedOffice(), REVIEWER, TWO_COMMENTS, at(2)));
}

export async function approvedOffice(): Promise<Draft> {
  return ok(await approve(submittedOffice(), REVIEWER, signingKey, at(3)));
}

export async function storeSession(repository: DraftRepository, draft: Draft, fileName = '送审.json'): Promise<ReviewSession> {
  const session: ReviewSession = {
    id: 'review-1',
    fileName,
    openedAt: '2026-01-08T09:00:00.000Z',
    draft,
    pending: [],
    reviewer: { name: '', role: '' },
    outcome: null,
  };
  await repository.putReview(session);
  return session;
}

export interface Download {
  readonly name: string;
  readonly blob: Blob;
}

/** Every file the app hands to the browser's download, with its content. */
export function captureDownloads(): Download[] {
  const files: Download[] = [];
  let last: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:captured';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.download && last) files.push({ name: this.download, blob: last });
  });
  return files;
}

export async function downloadedDraft(download: Download): Promise<Draft> {
  return JSON.parse(await download.blob.text()) as Draft;
}
