/**
 * Whether a draft's approval counts, and if not, why: one answer for the app's screens, the final
 * gate, the Word file's properties and `report check`.
 *
 * An approval is valid only when all of these hold:
 * 1. the report is 审核通过 and the record is signed (an unsigned record is from an older version of the
 *    app and proves nothing: anyone can write one);
 * 2. the content (with the settings) is what was approved: `contentHash(draft)` equals the recorded hash;
 * 3. the approved round was submitted: the history has the submission of that round, and no later one;
 * 4. the signature verifies, with the public key the approval carries, over the reviewer's name, role,
 *    time, the hash, the settings and the round — so a renamed reviewer, a moved time, a recomputed hash
 *    or flipped settings all break it;
 * 5. that key is on the agency's reviewers list, under the same name, within its validity dates.
 * Without a list (none deployed, or `check` without `--reviewers`) 1–4 are checked and the verdict is
 * `unverified`: the signature is intact, but nothing says whose key it is.
 */
import { contentHash } from './content-hash.ts';
import { beijingDateTimeText } from './date-text.ts';
import type { Finding } from './findings.ts';
import { reviewOf, settingsOf, type Approval, type Draft } from './draft-types.ts';
import type { ReviewerEntry, ReviewersList } from './reviewers-list.ts';
import { formatFingerprint, keyFingerprint, subtleCrypto, verifyPayload, type SignedApprovalPayload } from './signing.ts';

export type VoidReason =
  | 'returnedToEditing'
  | 'contentChanged'
  | 'unsigned'
  | 'notSubmitted'
  | 'badSignature'
  | 'unknownKey'
  | 'nameMismatch'
  | 'outsideValidity'
  | 'missingRecord'
  | 'visibleTextDiffers';

export type ApprovalVerdict =
  | { readonly state: 'none' }
  /** Signature intact and the key on the reviewers list. */
  | { readonly state: 'valid'; readonly approval: Approval; readonly entry: ReviewerEntry }
  /** Signature intact, but there is no reviewers list (or no Web Crypto) to say whose key it is. */
  | { readonly state: 'unverified'; readonly approval: Approval; readonly why: string }
  | { readonly state: 'void'; readonly approval: Approval | null; readonly reason: VoidReason; readonly message: string };

/** Short labels (审核状态 in the Word file's properties, badges). */
export const voidReasonLabels: Readonly<Record<VoidReason, string>> = {
  returnedToEditing: '审核后已修改',
  contentChanged: '审核后已修改',
  unsigned: '未签名的审核记录（旧版本）',
  notSubmitted: '审核无效：报告未经提交审核',
  badSignature: '审核无效：签名不符',
  unknownKey: '审核无效：签名人不在审核人名单中',
  nameMismatch: '审核无效：审核人姓名与名单不符',
  outsideValidity: '审核无效：签名时不在名单所列有效期内',
  missingRecord: '审核无效：没有审核记录',
  visibleTextDiffers: '审核无效：Word 文件的内容被改动过',
};

export const NO_LIST_WHY = '未配置审核人名单（reviewers.json），无法确认签名人是本机关的审核人';

/** How a verdict reads in the Word file's properties and in `check`. */
export function verdictLabel(verdict: ApprovalVerdict): string {
  switch (verdict.state) {
    case 'none':
      return '未审核通过';
    case 'valid':
      return '审核通过（签名有效）';
    case 'unverified':
      return '审核通过（签名未核验）';
    case 'void':
      return voidReasonLabels[verdict.reason];
  }
}

/** A voided verdict for a `.docx` whose visible text differs from its embedded draft (src/docx/visible-content.ts). */
export function voidForVisibleChanges(verdict: ApprovalVerdict, differences: number): ApprovalVerdict {
  if (verdict.state === 'none' || differences === 0) return verdict;
  return {
    state: 'void',
    approval: verdict.approval,
    reason: 'visibleTextDiffers',
    message: `Word 文件中显示的内容与其中附带的草稿数据有 ${differences} 处不同（文件在本工具之外被改动过），其审核记录不能作为审核通过`,
  };
}

/** The dates of `at` in Beijing time, as YYYY-MM-DD: the reviewers list's validity dates are local days. */
function beijingDay(at: string): string {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
}

function signedPayloadOf(draft: Draft, approval: Approval): SignedApprovalPayload {
  return {
    contentHash: approval.contentHash,
    reviewer: approval.reviewer,
    role: approval.role,
    at: approval.at,
    settings: settingsOf(draft),
    round: approval.round ?? 0,
  };
}

export function approvalPayload(draft: Draft, approval: Approval): SignedApprovalPayload {
  return signedPayloadOf(draft, approval);
}

/** The latest round opened by a submission, and whether that round was opened at all. */
function submittedRounds(draft: Draft): { latest: number; rounds: Set<number> } {
  const rounds = new Set<number>();
  let latest = 0;
  for (const entry of reviewOf(draft).history) {
    if (entry.action === 'submitted' || entry.action === 'resubmitted') rounds.add(entry.round);
    latest = Math.max(latest, entry.round);
  }
  return { latest, rounds };
}

/** See the module comment. `reviewers` null: no list, so at best `unverified`. */
export async function verifyApproval(draft: Draft, reviewers: ReviewersList | null): Promise<ApprovalVerdict> {
  const review = reviewOf(draft);
  const approval = review.approval;
  const fail = (reason: VoidReason, message: string): ApprovalVerdict => ({ state: 'void', approval, reason, message });
  if (!approval) {
    return review.status === 'approved' ? fail('missingRecord', '报告标为审核通过，但没有审核记录，须重新提交审核') : { state: 'none' };
  }
  if (review.status !== 'approved') return fail('returnedToEditing', '审核通过后报告内容已修改（审核后已修改），须重新提交审核');
  if (!approval.signature) {
    return fail('unsigned', '这是未签名的审核记录（本工具的旧版本所记），不能证明由谁审核，须重新提交审核并由审核人签名');
  }
  if ((await contentHash(draft)) !== approval.contentHash) {
    return fail('contentChanged', '审核通过后报告内容或设置已修改（审核后已修改），须重新提交审核');
  }
  const { latest, rounds } = submittedRounds(draft);
  if (approval.round === undefined || !rounds.has(approval.round) || approval.round !== latest) {
    return fail('notSubmitted', '审核记录与审核流程不符：所审核的一轮报告没有提交审核的记录');
  }
  if (!subtleCrypto()) {
    return { state: 'unverified', approval, why: '此环境不提供加密功能（非 https 页面），无法核验审核签名' };
  }
  const signature = approval.signature;
  const fingerprint = await keyFingerprint(signature.publicKey);
  if (fingerprint !== signature.fingerprint || !(await verifyPayload(signature.publicKey, signedPayloadOf(draft, approval), signature.value))) {
    return fail('badSignature', '审核签名与审核记录不符：审核人、职务、时间、报告内容或设置在签名后被改动过，或签名本身被改动过');
  }
  if (!reviewers) return { state: 'unverified', approval, why: NO_LIST_WHY };
  const entry = reviewers.reviewers.find((candidate) => candidate.fingerprint === fingerprint);
  if (!entry) {
    return fail('unknownKey', `签名所用的密钥（指纹 ${formatFingerprint(fingerprint).slice(0, 19)}…）不在本机关的审核人名单中`);
  }
  if (entry.name !== approval.reviewer) {
    return fail('nameMismatch', `审核记录上的审核人“${approval.reviewer}”与审核人名单中这把密钥的持有人“${entry.name}”不符`);
  }
  const day = beijingDay(approval.at);
  if ((entry.validFrom && day < entry.validFrom) || (entry.validUntil && day > entry.validUntil)) {
    return fail('outsideValidity', `审核时间 ${day} 不在审核人名单所列“${entry.name}”密钥的有效期（${entry.validFrom ?? '不限'} 至 ${entry.validUntil ?? '不限'}）内`);
  }
  return { state: 'valid', approval, entry };
}

/**
 * One sentence for the screens and `check`; `time` formats the approval time (the screens show local time,
 * the command line Beijing time, `2024年1月20日 16:06`).
 */
export function verdictMessage(verdict: ApprovalVerdict, time: (iso: string) => string = beijingDateTimeText): string {
  switch (verdict.state) {
    case 'none':
      return '报告尚未审核通过';
    case 'valid':
      return `审核通过：${verdict.approval.reviewer}（${verdict.approval.role}）于 ${time(verdict.approval.at)} 签名，签名有效，签名人在审核人名单中`;
    case 'unverified':
      return `审核通过：${verdict.approval.reviewer}（${verdict.approval.role}）于 ${time(verdict.approval.at)} 签名，签名完整，但未核验签名人：${verdict.why}`;
    case 'void':
      return `审核无效：${verdict.message}`;
  }
}

/** Void reasons that are the normal course of work (edited after approval in the app, or an old file), not a sign of tampering. */
const ORDINARY_VOID: ReadonlySet<VoidReason> = new Set(['returnedToEditing', 'unsigned']);

/**
 * The approval as `check` reports it: a summary for `--json`, and a finding of its own (rule
 * `APPROVAL`) when the approval does not count — an error when the file claims an approval it does
 * not have (forged, re-hashed, unknown key, edited Word text), a warning for the ordinary cases.
 */
export function approvalFinding(verdict: ApprovalVerdict): {
  summary: { state: ApprovalVerdict['state']; reason?: VoidReason; message: string };
  finding: Finding | null;
} {
  const message = verdictMessage(verdict);
  if (verdict.state !== 'void') return { summary: { state: verdict.state, message }, finding: null };
  return {
    summary: { state: 'void', reason: verdict.reason, message },
    finding: { rule: 'APPROVAL', severity: ORDINARY_VOID.has(verdict.reason) ? 'warning' : 'error', cells: [], message },
  };
}
