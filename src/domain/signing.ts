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
 * Pure TypeScript over `globalThis.crypto.subtle` (every current browser in a secure context — https,
 * localhost, a file opened from disk — and Node 20+).
 */
import { z } from './zod.ts';
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

const EC_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Signing and verifying need Web Crypto; `null` when this environment has none (plain-http intranet page). */
export function subtleCrypto(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

export const NO_CRYPTO_MESSAGE =
  '此浏览器环境不提供加密功能（通常是因为本工具通过 http 而不是 https 打开），不能签名或核验审核签名。请让信息技术人员改用 https 部署，或在本机直接打开本工具。';

function requireSubtle(): SubtleCrypto {
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

const base64Url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: '应为 43 个字符的 base64url 坐标' });

export const publicKeyJwkSchema = z
  .object({
    kty: z.literal('EC', { error: '公钥类型（kty）应为 EC' }),
    crv: z.literal('P-256', { error: '公钥曲线（crv）应为 P-256' }),
    x: base64Url.describe('公钥坐标 x / x coordinate'),
    y: base64Url.describe('公钥坐标 y / y coordinate'),
  })
  .transform(({ kty, crv, x, y }): PublicKeyJwk => ({ crv, kty, x, y }))
  .describe('审核人公钥（JWK，ECDSA P-256）/ reviewer public key');

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

// ---------------------------------------------------------------------------------------------------
// Key creation and the passphrase-protected key file

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a second in a browser on an office computer. */
export const KEY_FILE_ITERATIONS = 600_000;
/** A key file may ask for fewer (older files) or more, within bounds: a hostile file cannot make us spin for minutes. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 5_000_000;
/** Shortest passphrase accepted when a key file is created. */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Far above a real key file (< 1 KB). */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export const KEY_FILE_FORMAT = 'gov-info-annual-report-signing-key';

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  name: string;
  role: string;
  createdAt: string;
  publicKey: PublicKeyJwk;
  fingerprint: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** PKCS#8 of the private key, AES-GCM encrypted (with its tag). */
  encryptedKey: string;
}

const base64Text = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  name: z.string().max(200),
  role: z.string().max(200),
  createdAt: z.string().max(64),
  publicKey: publicKeyJwkSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    salt: base64Text.max(256),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64Text.max(64) }),
  encryptedKey: base64Text.max(4096),
});

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const subtle = requireSubtle();
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface CreatedKey {
  /** For everyday use: the private key non-extractable. */
  readonly key: SigningKey;
  /** The same key, passphrase-protected, to download at once. */
  readonly keyFile: KeyFile;
}

export type KeyResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A new key pair for `reviewer`, with its key file encrypted under `passphrase`. The extractable
 * private key exists only inside this function.
 */
export async function createSigningKey(
  reviewer: { name: string; role: string },
  passphrase: string,
  now: Date,
  iterations = KEY_FILE_ITERATIONS,
): Promise<KeyResult<CreatedKey>> {
  if (reviewer.name.trim() === '') return { ok: false, message: '请填写审核人姓名' };
  if (reviewer.role.trim() === '') return { ok: false, message: '请填写审核人职务' };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { ok: false, message: `口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符` };
  const subtle = subtleCrypto();
  if (!subtle) return { ok: false, message: NO_CRYPTO_MESSAGE };
  const pair = await subtle.generateKey(EC_PARAMS, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = publicKeyOf(await subtle.exportKey('jwk', pair.publicKey));
  const fingerprint = await keyFingerprint(publicKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encrypted = await subtle.encrypt({ name: 'AES-GCM', iv }, await passphraseKey(passphrase, salt, iterations), pkcs8);
  // Re-imported non-extractable: from here on the private key cannot leave the browser except as this key file.
  const privateKey = await subtle.importKey('pkcs8', pkcs8, EC_PARAMS, false, ['sign']);
  pkcs8.fill(0);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    name: reviewer.name.trim(),
    role: reviewer.role.trim(),
    createdAt: now.toISOString(),
    publicKey,
    fingerprint,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    encryptedKey: toBase64(new Uint8Array(encrypted)),
  };
  return { ok: true, value: { key: { privateKey, publicKey, fingerprint }, keyFile } };
}

const DAMAGED_KEY_FILE = '密钥文件已损坏，或不是本工具导出的审核签名密钥文件';
const WRONG_PASSPHRASE = '口令不正确（或密钥文件已损坏），未能导入签名密钥';

/** Reads a key file's clear part (who, which key) without the passphrase. */
export function readKeyFileHeader(text: string): KeyResult<KeyFile> {
  if (text.length > MAX_KEY_FILE_BYTES) return { ok: false, message: DAMAGED_KEY_FILE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: DAMAGED_KEY_FILE };
  }
  const parsed = keyFileSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data as KeyFile } : { ok: false, message: DAMAGED_KEY_FILE };
}

/**
 * Opens a key file with its passphrase: the private key comes back non-extractable. A wrong
 * passphrase and a damaged file both fail AES-GCM's check and get one clear message; a file whose
 * private key does not belong to its stated public key is refused as damaged.
 */
export async function importKeyFile(text: string, passphrase: string): Promise<KeyResult<{ key: SigningKey; name: string; role: string }>> {
  const subtle = subtleCrypto();
  if (!subtle) return { ok: false, message: NO_CRYPTO_MESSAGE };
  const header = readKeyFileHeader(text);
  if (!header.ok) return header;
  const file = header.value;
  const salt = fromBase64(file.kdf.salt);
  const iv = fromBase64(file.cipher.iv);
  const encrypted = fromBase64(file.encryptedKey);
  if (!salt || !iv || !encrypted || salt.length < 8 || iv.length !== 12) return { ok: false, message: DAMAGED_KEY_FILE };
  if ((await keyFingerprint(file.publicKey)) !== file.fingerprint) return { ok: false, message: DAMAGED_KEY_FILE };
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await subtle.decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
      await passphraseKey(passphrase, salt, file.kdf.iterations),
      encrypted as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return { ok: false, message: WRONG_PASSPHRASE };
  }
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle.importKey('pkcs8', pkcs8, EC_PARAMS, false, ['sign']);
  } catch {
    return { ok: false, message: DAMAGED_KEY_FILE };
  }
  const key: SigningKey = { privateKey, publicKey: file.publicKey, fingerprint: file.fingerprint };
  // The private key must belong to the public key the file names (and the reviewers list holds).
  const probe: SignedApprovalPayload = { contentHash: '0'.repeat(64), reviewer: file.name, role: file.role, at: file.createdAt, settings: { requireApproval: true }, round: 0 };
  if (!(await verifyPayload(file.publicKey, probe, await signPayload(key, probe)))) return { ok: false, message: DAMAGED_KEY_FILE };
  return { ok: true, value: { key, name: file.name, role: file.role } };
}
