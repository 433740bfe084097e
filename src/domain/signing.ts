/**
 * Signed approvals: the cryptography, in one place for the app and the command line.
 *
 * A supervisor's browser holds an ECDSA P-256 key pair (WebCrypto). Approving signs a canonical JSON
 * of what was approved (`signedPayload`): the content hash (which covers the settings), the reviewer's
 * name and role, the time, the settings and the review round. Whoever checks the approval verifies the
 * signature with the public key carried in the approval and then looks that key up in the agency's
 * reviewers list (`reviewers.json`, ./reviewers-list.ts): a signature alone proves only that *someone*
 * signed; the list says whose keys count.
 *
 * The private key for everyday use is non-extractable. So that a reviewer can carry it to a second
 * computer, the key is generated extractable once, exported at once encrypted under a passphrase
 * (PKCS#8 → AES-256-GCM under a PBKDF2-SHA-256 key with a random salt), and re-imported
 * non-extractable. The key file is that ciphertext with the public key and its fingerprint in clear.
 *
 * The key file (created, exported and imported under a passphrase) is ./signing-key-file.ts; the
 * public-key schema of the reviewers list is ./reviewers-list.ts. Both use zod, which this module does
 * not, so that verifying an approval does not load the schema library into the app's first screen.
 *
 * Pure TypeScript over `globalThis.crypto.subtle` (every current browser in a secure context — https,
 * localhost, a file opened from disk — and Node 20+).
 */
import { canonicalJson, sha256Hex } from './content-hash.ts';
import type { DraftSettings } from './draft-types.ts';

/** The public half of a P-256 key as a JWK, reduced to the members that define it (RFC 7638 order). */
export interface PublicKeyJwk {
  crv: 'P-256';
  kty: 'EC';
  x: string;
  y: string;
}

/** A key pair ready to sign with: the private key stays inside the browser (non-extractable). */
export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: PublicKeyJwk;
  /** `keyFingerprint(publicKey)`. */
  readonly fingerprint: string;
}

/** What an approval signs, in this order (`canonicalJson` sorts the keys anyway). */
export interface SignedApprovalPayload {
  contentHash: string;
  reviewer: string;
  role: string;
  at: string;
  settings: DraftSettings;
  round: number;
}

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';

export const EC_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Signing and verifying need Web Crypto; `null` when this environment has none (plain-http intranet page). */
export function subtleCrypto(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

export const NO_CRYPTO_MESSAGE =
  '此浏览器环境不提供加密功能（通常是因为本工具通过 http 而不是 https 打开），不能签名或核验审核签名。请让信息技术人员改用 https 部署，或在本机直接打开本工具。';

export function requireSubtle(): SubtleCrypto {
  const subtle = subtleCrypto();
  if (!subtle) throw new Error(NO_CRYPTO_MESSAGE);
  return subtle;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `null` when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Only the defining members, so that extra JWK members (`ext`, `key_ops`) never change a fingerprint. */
export function publicKeyOf(jwk: JsonWebKey | PublicKeyJwk): PublicKeyJwk {
  return { crv: 'P-256', kty: 'EC', x: String(jwk.x), y: String(jwk.y) };
}

/** The RFC 7638 thumbprint of the public key as 64 lowercase hex digits: how a key is named in lists. */
export async function keyFingerprint(publicKey: PublicKeyJwk): Promise<string> {
  const { crv, kty, x, y } = publicKey;
  return sha256Hex(new TextEncoder().encode(JSON.stringify({ crv, kty, x, y })));
}

/** `3f2a 9b1c …` in groups of four, for reading aloud over the phone to IT. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Canonical bytes of what an approval signs. */
export function payloadBytes(payload: SignedApprovalPayload): Uint8Array<ArrayBuffer> {
  const { contentHash, reviewer, role, at, settings, round } = payload;
  return new TextEncoder().encode(canonicalJson({ contentHash, reviewer, role, at, settings, round })) as Uint8Array<ArrayBuffer>;
}

export async function signPayload(key: SigningKey, payload: SignedApprovalPayload): Promise<string> {
  const signature = await requireSubtle().sign(SIGN_PARAMS, key.privateKey, payloadBytes(payload));
  return toBase64(new Uint8Array(signature));
}

/** Whether `signature` (base64 of the 64-byte r‖s) is `publicKey`'s signature of `payload`. Never throws. */
export async function verifyPayload(publicKey: PublicKeyJwk, payload: SignedApprovalPayload, signature: string): Promise<boolean> {
  const subtle = requireSubtle();
  const bytes = fromBase64(signature);
  if (!bytes || bytes.length !== 64) return false;
  try {
    const key = await subtle.importKey('jwk', { ...publicKey, ext: true }, EC_PARAMS, true, ['verify']);
    return await subtle.verify(SIGN_PARAMS, key, bytes as Uint8Array<ArrayBuffer>, payloadBytes(payload));
  } catch {
    // A point not on the curve, or a malformed key: not a valid signature.
    return false;
  }
}
