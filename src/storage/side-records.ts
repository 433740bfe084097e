/**
 * What the browser keeps beside the drafts, never inside them: neither is part of the report, so
 * neither may change its content hash (src/domain/content-hash.ts) or travel in the draft file.
 *
 * - `LastYearChoice`: which report is "last year's" for a draft, with a copy of it, so the comparison
 *   survives a reload, and survives last year's draft being deleted from this browser.
 * - `ReviewSession`: a supervisor's review of a report received as a file, with the comments written so
 *   far, so nothing is lost if the page is closed before the decision.
 */
import type { CommentAnchor, Draft } from '../domain/draft-types.ts';
import type { SigningKey } from '../domain/signing.ts';

export type LastYearChoice =
  /** The clerk chose not to compare with any report (no automatic pick either). */
  | { readonly kind: 'none'; readonly at: string }
  /** A draft file or a `.docx` the app made, attached from disk; `draft` is what it held. */
  | { readonly kind: 'file'; readonly fileName: string; readonly at: string; readonly draft: Draft }
  /** Another draft stored in this browser; `draft` is a copy taken when it was picked (used when it is gone). */
  | { readonly kind: 'stored'; readonly draftId: string; readonly at: string; readonly draft: Draft };

/** A comment the reviewer has written but not yet sent (it goes out with 退回修改). */
export interface PendingComment {
  readonly id: string;
  readonly anchor: CommentAnchor;
  readonly text: string;
}

export interface ReviewSession {
  readonly id: string;
  /** Name of the file the report came in. */
  readonly fileName: string;
  readonly openedAt: string;
  /** The report as received. */
  readonly draft: Draft;
  readonly pending: readonly PendingComment[];
  readonly reviewer: { readonly name: string; readonly role: string };
  /** The decision once taken: the report to send back and the file name it was downloaded under. */
  readonly outcome: { readonly kind: 'returned' | 'approved'; readonly draft: Draft; readonly fileName: string; readonly at: string } | null;
  /** Last year's report, when the reviewer attached one for the comparison. */
  readonly lastYear?: LastYearChoice | undefined;
}

/**
 * The supervisor's signing key in this browser: the private `CryptoKey` is non-extractable (stored as
 * the object itself; the browser keeps the key material), so it never leaves except as the
 * passphrase-protected key file downloaded when it was created.
 */
export interface StoredSigningKey {
  readonly name: string;
  readonly role: string;
  readonly createdAt: string;
  readonly key: SigningKey;
}
