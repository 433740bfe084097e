/**
 * Reviewer keys for tests: a fresh ECDSA P-256 pair (non-extractable private key, as the app keeps it)
 * and the reviewers list that names it. No passphrase file: the key file is tested in
 * test/domain/signing.test.ts, and PBKDF2 at full strength would slow every other test.
 */
import { reviewerEntryFor, type ReviewersList } from '../../src/domain/reviewers-list.ts';
import { keyFingerprint, publicKeyOf, type SigningKey } from '../../src/domain/signing.ts';

export async function testSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const publicKey = publicKeyOf(await crypto.subtle.exportKey('jwk', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, fingerprint: await keyFingerprint(publicKey) };
}

export function listOf(...entries: { key: SigningKey; name: string; role: string }[]): ReviewersList {
  return { reviewers: entries.map(({ key, name, role }) => reviewerEntryFor(key, { name, role })) };
}
