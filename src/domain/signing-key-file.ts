/**
 * The reviewer's signing key as a file: created once (extractable only inside `createSigningKey`),
 * exported at once encrypted under a passphrase (PKCS#8 → AES-256-GCM under a PBKDF2-SHA-256 key with a
 * random salt), and re-imported non-extractable; `importKeyFile` brings it to a second computer. The
 * cryptography of approvals themselves is ./signing.ts.
 */
import { publicKeyJwkSchema } from './reviewers-list.ts';
import {
  EC_PARAMS,
  fromBase64,
  keyFingerprint,
  NO_CRYPTO_MESSAGE,
  publicKeyOf,
  requireSubtle,
  signPayload,
  subtleCrypto,
  toBase64,
  verifyPayload,
  type PublicKeyJwk,
  type SignedApprovalPayload,
  type SigningKey,
} from './signing.ts';
import { z } from './zod.ts';

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
