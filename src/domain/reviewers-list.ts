/**
 * The agency's list of reviewers' public keys (`reviewers.json`), kept by IT beside the app's
 * `index.html` and given to the command line with `--reviewers`. Only an approval signed by a key on
 * this list counts as verified (./approval-verdict.ts).
 *
 * ```json
 * {
 *   "format": "gov-info-annual-report-reviewers",
 *   "version": 1,
 *   "reviewers": [
 *     { "name": "王建国", "role": "办公室主任", "fingerprint": "<64 hex>",
 *       "publicKey": { "kty": "EC", "crv": "P-256", "x": "…", "y": "…" },
 *       "validFrom": "2025-01-01", "validUntil": "2027-12-31" }
 *   ]
 * }
 * ```
 * `validFrom`/`validUntil` are optional dates (YYYY-MM-DD, inclusive, Beijing time) bounding when the
 * key may have signed. The fingerprint is checked against the key, so a typo is caught when the list
 * is read, not when an approval fails.
 */
import { keyFingerprint, type PublicKeyJwk, type SigningKey } from './signing.ts';
import { z } from './zod.ts';

const base64Url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: '应为 43 个字符的 base64url 坐标' });

/** The public half of a reviewer's key as the list and the key file carry it. */
export const publicKeyJwkSchema = z
  .object({
    kty: z.literal('EC', { error: '公钥类型（kty）应为 EC' }),
    crv: z.literal('P-256', { error: '公钥曲线（crv）应为 P-256' }),
    x: base64Url.describe('公钥坐标 x / x coordinate'),
    y: base64Url.describe('公钥坐标 y / y coordinate'),
  })
  .transform(({ kty, crv, x, y }): PublicKeyJwk => ({ crv, kty, x, y }))
  .describe('审核人公钥（JWK，ECDSA P-256）/ reviewer public key');

export const REVIEWERS_LIST_FORMAT = 'gov-info-annual-report-reviewers';
/** Hundreds of reviewers fit in a few tens of KB. */
export const MAX_REVIEWERS_LIST_BYTES = 1024 * 1024;
const MAX_REVIEWERS = 1000;

export interface ReviewerEntry {
  name: string;
  role: string;
  fingerprint: string;
  publicKey: PublicKeyJwk;
  validFrom?: string;
  validUntil?: string;
}

export interface ReviewersList {
  reviewers: ReviewerEntry[];
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写作 YYYY-MM-DD，如 2025-01-01' });

export const reviewerEntrySchema = z.object({
  name: z.string().trim().min(1, { error: '缺少审核人姓名（name）' }).max(100),
  role: z.string().trim().min(1, { error: '缺少审核人职务（role）' }).max(100),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { error: '指纹（fingerprint）应为 64 位小写十六进制数字' }),
  publicKey: publicKeyJwkSchema,
  validFrom: day.optional(),
  validUntil: day.optional(),
});

const listSchema = z.object({
  format: z.literal(REVIEWERS_LIST_FORMAT, { error: `format 应为 "${REVIEWERS_LIST_FORMAT}"` }),
  version: z.literal(1, { error: 'version 应为 1' }),
  reviewers: z.array(reviewerEntrySchema).max(MAX_REVIEWERS, { error: `审核人不能超过 ${MAX_REVIEWERS} 个` }),
});

export type ListResult = { ok: true; list: ReviewersList } | { ok: false; message: string };

/** Reads `reviewers.json`; every problem as a Chinese sentence naming the entry. */
export async function parseReviewersList(text: string, source = 'reviewers.json'): Promise<ListResult> {
  const fail = (why: string): ListResult => ({ ok: false, message: `审核人名单 ${source} 有误：${why}` });
  if (text.length > MAX_REVIEWERS_LIST_BYTES) return fail('文件过大，不是审核人名单');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('不是有效的 JSON（请检查逗号、引号和括号）');
  }
  const parsed = listSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path[0] === 'reviewers' && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 位审核人的 ${issue.path.slice(2).join('.')}` : issue.path.join('.')}：` : '';
    return fail(`${where}${issue.message}`);
  }
  const reviewers: ReviewerEntry[] = [];
  for (const [index, entry] of parsed.data.reviewers.entries()) {
    if ((await keyFingerprint(entry.publicKey)) !== entry.fingerprint) {
      return fail(`第 ${index + 1} 位审核人（${entry.name}）的指纹与公钥不符，请从审核人的“签名密钥”页面重新复制`);
    }
    reviewers.push({
      name: entry.name,
      role: entry.role,
      fingerprint: entry.fingerprint,
      publicKey: entry.publicKey,
      ...(entry.validFrom ? { validFrom: entry.validFrom } : {}),
      ...(entry.validUntil ? { validUntil: entry.validUntil } : {}),
    });
  }
  return { ok: true, list: { reviewers } };
}

/** The entry a supervisor hands to IT for their key, as it goes into `reviewers`. */
export function reviewerEntryFor(key: Pick<SigningKey, 'publicKey' | 'fingerprint'>, reviewer: { name: string; role: string }): ReviewerEntry {
  return { name: reviewer.name.trim(), role: reviewer.role.trim(), fingerprint: key.fingerprint, publicKey: key.publicKey };
}

/** A whole list file with one entry, for a new deployment or to merge by hand. */
export function reviewersListText(reviewers: readonly ReviewerEntry[]): string {
  return `${JSON.stringify({ format: REVIEWERS_LIST_FORMAT, version: 1, reviewers }, null, 2)}\n`;
}
