/**
 * Signed approvals (src/domain/signing.ts, approval-verdict.ts, reviewers-list.ts): a genuine approval by
 * a listed key verifies; every way of faking one found while probing the app is rejected with its reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalFinding, verdictLabel, verifyApproval, type ApprovalVerdict } from '../../src/domain/approval-verdict.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import { readDraftJson, serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { applyContentChange, approve, canGenerateFinal, setApprovalRequired, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { parseReviewersList, reviewersListText, reviewerEntryFor } from '../../src/domain/reviewers-list.ts';
import { approvalPayload } from '../../src/domain/approval-verdict.ts';
import { fromBase64, signPayload, toBase64, verifyPayload } from '../../src/domain/signing.ts';
import { createSigningKey, importKeyFile } from '../../src/domain/signing-key-file.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { listOf, testSigningKey } from '../helpers/signing-keys.ts';

const reviewer = { name: '王建国', role: '办公室主任' };
const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));
const ok = (result: ReviewResult): Draft => {
  if (!result.ok) throw new Error(result.message);
  return result.draft;
};

const key = await testSigningKey();
const list = listOf({ key, ...reviewer });

async function approvedOffice(signer = key, who = reviewer): Promise<Draft> {
  const submitted = ok(submitForReview(office2023Draft(), '李晓明', at(1)));
  return ok(await approve(submitted, who, signer, at(6)));
}

/** The draft as a file and back, with `edit` applied to the parsed JSON in between (what someone with a text editor can do). */
function handEdited(draft: Draft, edit: (json: Draft) => void): Draft {
  const json = JSON.parse(serializeDraft(draft)) as Draft;
  edit(json);
  const read = readDraftJson(JSON.stringify(json));
  if (!read.ok) throw new Error(read.problems[0]!.message);
  return read.draft;
}

function voidReason(verdict: ApprovalVerdict): string {
  if (verdict.state !== 'void') throw new Error(`expected a void approval, got ${verdict.state}`);
  expect(verdict.message).toMatch(/[\u4e00-\u9fff]/);
  return verdict.reason;
}

describe('a genuine approval', () => {
  it('verifies against a list that holds its key, and without a list is intact but unverified', async () => {
    const approved = await approvedOffice();
    const valid = await verifyApproval(approved, list);
    expect(valid.state).toBe('valid');
    expect(valid.state === 'valid' && valid.entry.name).toBe('王建国');
    expect(canGenerateFinal(approved, valid)).toEqual({ ok: true });

    const unverified = await verifyApproval(approved, null);
    expect(unverified.state).toBe('unverified');
    expect(verdictLabel(unverified)).toBe('审核通过（签名未核验）');
    // No list deployed: the final file may be made, and says 签名未核验 (test/docx/approval.test.ts).
    expect(canGenerateFinal(approved, unverified)).toEqual({ ok: true });
    expect(approvalFinding(valid)).toEqual({ summary: { state: 'valid', message: expect.stringContaining('签名有效') }, finding: null });
  });

  it('survives the draft file written and read back', async () => {
    const approved = await approvedOffice();
    const read = readDraftJson(serializeDraft(approved));
    expect(read.ok && (await verifyApproval(read.draft, list)).state).toBe('valid');
  });
});

describe('faked approvals are void', () => {
  it('forged: one byte of the signature altered', async () => {
    const approved = await approvedOffice();
    const forged = handEdited(approved, (json) => {
      const bytes = fromBase64(json.review!.approval!.signature!.value)!;
      bytes[10] = bytes[10]! ^ 0x01;
      json.review!.approval!.signature!.value = toBase64(bytes);
    });
    expect(voidReason(await verifyApproval(forged, list))).toBe('badSignature');
    expect(voidReason(await verifyApproval(forged, null))).toBe('badSignature');
    const gate = canGenerateFinal(forged, await verifyApproval(forged, list));
    expect(!gate.ok && gate.reasons.join('')).toContain('签名');
  });

  it('re-hashed: content edited and the hash recomputed', async () => {
    const approved = await approvedOffice();
    const rehashed = handEdited(approved, (json) => {
      (json.tables.applications!.carriedForward as Record<string, number>).naturalPerson = 3;
    });
    const newHash = await contentHash(rehashed);
    const withNewHash = handEdited(rehashed, (json) => {
      json.review!.approval!.contentHash = newHash;
    });
    expect(await contentHash(withNewHash)).toBe(newHash);
    expect(voidReason(await verifyApproval(withNewHash, list))).toBe('badSignature');
    // Without recomputing, it reads as changed after approval.
    expect(voidReason(await verifyApproval(rehashed, list))).toBe('contentChanged');
  });

  it('invented: an approval record added to a never-submitted draft, signed with a fresh key', async () => {
    const stranger = await testSigningKey();
    const draft = office2023Draft();
    const approval = { reviewer: '王建国', role: '办公室主任', at: at(6).toISOString(), contentHash: await contentHash(draft), round: 1 };
    const signed = {
      ...approval,
      signature: {
        algorithm: 'ECDSA-P256-SHA256' as const,
        publicKey: stranger.publicKey,
        fingerprint: stranger.fingerprint,
        value: await signPayload(stranger, { ...approval, settings: { requireApproval: true } }),
      },
    };
    const invented = handEdited(draft, (json) => {
      json.review = { status: 'approved', approval: signed, history: [], comments: [] };
    });
    expect(voidReason(await verifyApproval(invented, list))).toBe('notSubmitted');
    // Even with a made-up submission in the history, the key is not the agency's.
    const withHistory = handEdited(invented, (json) => {
      json.review!.history = [
        { round: 1, action: 'submitted', by: '李晓明', at: at(1).toISOString() },
        { round: 1, action: 'approved', by: '王建国', role: '办公室主任', at: at(6).toISOString() },
      ];
    });
    expect(voidReason(await verifyApproval(withHistory, list))).toBe('unknownKey');
    // Without a list, nothing says whose key it is: intact but never `valid`.
    expect((await verifyApproval(withHistory, null)).state).toBe('unverified');
  });

  it('renamed reviewer: the approver’s name changed in the file', async () => {
    const approved = await approvedOffice();
    const renamed = handEdited(approved, (json) => {
      json.review!.approval!.reviewer = '张局长';
    });
    expect(voidReason(await verifyApproval(renamed, list))).toBe('badSignature');
  });

  it('a listed key signing under another person’s name', async () => {
    const approved = await approvedOffice(key, { name: '张局长', role: '局长' });
    expect(voidReason(await verifyApproval(approved, list))).toBe('nameMismatch');
  });

  it('unknown key: a correct signature by a key not on the list', async () => {
    const other = await testSigningKey();
    const approved = await approvedOffice(other);
    expect(voidReason(await verifyApproval(approved, list))).toBe('unknownKey');
    expect((await verifyApproval(approved, listOf({ key: other, ...reviewer }))).state).toBe('valid');
  });

  it('settings flipped by hand: requireApproval false in an approved file', async () => {
    const approved = await approvedOffice();
    const flipped = handEdited(approved, (json) => {
      json.settings = { requireApproval: false };
    });
    expect(voidReason(await verifyApproval(flipped, list))).toBe('contentChanged');
    // And the requirement was not switched off in the app either: no final file.
    expect(canGenerateFinal(flipped, await verifyApproval(flipped, list)).ok).toBe(false);
    // Flipped and the hash recomputed: the signature covers the settings.
    flipped.review!.approval!.contentHash = await contentHash(flipped);
    expect(voidReason(await verifyApproval(flipped, list))).toBe('badSignature');
  });

  it('signed outside the validity dates of the list entry', async () => {
    const approved = await approvedOffice();
    const expired = { reviewers: [{ ...reviewerEntryFor(key, reviewer), validUntil: '2023-12-31' }] };
    expect(voidReason(await verifyApproval(approved, expired))).toBe('outsideValidity');
    const current = { reviewers: [{ ...reviewerEntryFor(key, reviewer), validFrom: '2024-01-20', validUntil: '2024-01-20' }] };
    expect((await verifyApproval(approved, current)).state).toBe('valid');
  });

  it('an unsigned approval of the older version reads as such, and opening it does not record an edit', async () => {
    const draft = office2023Draft();
    const submitted = ok(submitForReview(draft, '李晓明', at(1)));
    // What the older version wrote: the hash of the content without the settings, no signature.
    const { legacyContentHash } = await import('../../src/domain/content-hash.ts');
    const legacy: Draft = {
      ...submitted,
      review: {
        ...submitted.review!,
        status: 'approved',
        approval: { reviewer: '王建国', role: '办公室主任', at: at(6).toISOString(), contentHash: await legacyContentHash(submitted) },
      },
    };
    const verdict = await verifyApproval(legacy, list);
    expect(voidReason(verdict)).toBe('unsigned');
    expect(verdictLabel(verdict)).toBe('未签名的审核记录（旧版本）');
    expect(await applyContentChange(legacy, at(9))).toBe(legacy);
    expect(canGenerateFinal(legacy, verdict).ok).toBe(false);
    expect(approvalFinding(verdict).finding).toMatchObject({ rule: 'APPROVAL', severity: 'warning' });
  });

  it('check reports a forged approval as an error finding of its own', async () => {
    const approved = await approvedOffice();
    const renamed = handEdited(approved, (json) => {
      json.review!.approval!.role = '局长';
    });
    const { summary, finding } = approvalFinding(await verifyApproval(renamed, list));
    expect(summary).toMatchObject({ state: 'void', reason: 'badSignature' });
    expect(finding).toMatchObject({ rule: 'APPROVAL', severity: 'error', cells: [] });
  });
});

describe('switching the approval requirement off', () => {
  it('is a history step, changes the content hash, and voids an existing approval', async () => {
    const approved = await approvedOffice();
    const off = setApprovalRequired(approved, false, '李晓明', at(8));
    expect(off.review!.history.at(-1)).toEqual({ round: 1, action: 'approvalNotRequired', by: '李晓明', at: at(8).toISOString() });
    expect(await contentHash(off)).not.toBe(await contentHash(approved));
    expect(voidReason(await verifyApproval(off, list))).toBe('contentChanged');
    expect((await applyContentChange(off, at(9))).review!.status).toBe('editing');
    expect(canGenerateFinal(off, await verifyApproval(off, list))).toEqual({ ok: true });
  });
});

describe('the passphrase-protected key file', () => {
  it('imports with the right passphrase (signatures verify under the same public key) and refuses a wrong one', async () => {
    const created = await createSigningKey(reviewer, '正确的口令 2024', at(0));
    if (!created.ok) throw new Error(created.message);
    const { key: original, keyFile } = created.value;
    expect(original.privateKey.extractable).toBe(false);
    const text = JSON.stringify(keyFile);
    expect(text).not.toContain('"d"');

    const imported = await importKeyFile(text, '正确的口令 2024');
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.value.key.privateKey.extractable).toBe(false);
    expect(imported.value.key.fingerprint).toBe(original.fingerprint);
    expect(imported.value).toMatchObject({ name: '王建国', role: '办公室主任' });
    const submitted = ok(submitForReview(office2023Draft(), '李晓明', at(1)));
    const approved = ok(await approve(submitted, reviewer, imported.value.key, at(6)));
    expect((await verifyApproval(approved, listOf({ key: original, ...reviewer }))).state).toBe('valid');

    expect(await importKeyFile(text, '错误的口令')).toEqual({ ok: false, message: '口令不正确（或密钥文件已损坏），未能导入签名密钥' });
  });

  it('refuses a damaged or foreign file with a clear message, and a weak passphrase at creation', async () => {
    const created = await createSigningKey(reviewer, 'passphrase-1', at(0), 100_000);
    if (!created.ok) throw new Error(created.message);
    const damaged = { ...created.value.keyFile, encryptedKey: created.value.keyFile.encryptedKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    expect(await importKeyFile(JSON.stringify(damaged), 'passphrase-1')).toEqual({ ok: false, message: '口令不正确（或密钥文件已损坏），未能导入签名密钥' });
    const swappedKey = { ...created.value.keyFile, publicKey: key.publicKey };
    expect(await importKeyFile(JSON.stringify(swappedKey), 'passphrase-1')).toEqual({ ok: false, message: '密钥文件已损坏，或不是本工具导出的审核签名密钥文件' });
    // A hostile file asking for a billion PBKDF2 rounds is refused before any work.
    const slow = { ...created.value.keyFile, kdf: { ...created.value.keyFile.kdf, iterations: 1_000_000_000 } };
    expect((await importKeyFile(JSON.stringify(slow), 'passphrase-1')).ok).toBe(false);
    expect(await importKeyFile('{"reviewers": []}', 'x')).toEqual({ ok: false, message: '密钥文件已损坏，或不是本工具导出的审核签名密钥文件' });
    expect(await importKeyFile('not json', 'x')).toMatchObject({ ok: false });
    expect(await createSigningKey(reviewer, 'short', at(0))).toEqual({ ok: false, message: '口令至少 8 个字符' });
  });

  it('verifyPayload rejects malformed signatures without throwing', async () => {
    const approved = await approvedOffice();
    const payload = approvalPayload(approved, approved.review!.approval!);
    expect(await verifyPayload(key.publicKey, payload, approved.review!.approval!.signature!.value)).toBe(true);
    for (const bad of ['', 'not base64!', toBase64(new Uint8Array(64)), toBase64(new Uint8Array(10))]) {
      expect(await verifyPayload(key.publicKey, payload, bad)).toBe(false);
    }
  });
});

describe('the reviewers list', () => {
  it('reads the file IT writes, and names the entry of each mistake', async () => {
    const text = reviewersListText([reviewerEntryFor(key, reviewer)]);
    const read = await parseReviewersList(text);
    expect(read).toEqual({ ok: true, list });

    const entry = JSON.parse(text) as { reviewers: Record<string, unknown>[] };
    const typo = { ...entry, reviewers: [{ ...entry.reviewers[0], fingerprint: 'f'.repeat(64) }] };
    expect(await parseReviewersList(JSON.stringify(typo))).toEqual({
      ok: false,
      message: '审核人名单 reviewers.json 有误：第 1 位审核人（王建国）的指纹与公钥不符，请从审核人的“签名密钥”页面重新复制',
    });
    const noName = { ...entry, reviewers: [{ ...entry.reviewers[0], name: '' }] };
    expect(await parseReviewersList(JSON.stringify(noName))).toEqual({ ok: false, message: '审核人名单 reviewers.json 有误：第 1 位审核人的 name：缺少审核人姓名（name）' });
    expect(await parseReviewersList('{"reviewers": [')).toEqual({ ok: false, message: '审核人名单 reviewers.json 有误：不是有效的 JSON（请检查逗号、引号和括号）' });
    expect((await parseReviewersList('[]')).ok).toBe(false);
    expect(await parseReviewersList('x'.repeat(2 * 1024 * 1024))).toEqual({ ok: false, message: '审核人名单 reviewers.json 有误：文件过大，不是审核人名单' });
  });

  it('the example in public/ (README) is a list the app accepts', async () => {
    const example = await parseReviewersList(readFileSync(new URL('../../public/reviewers.example.json', import.meta.url), 'utf8'));
    expect(example.ok && example.list.reviewers.map((entry) => [entry.name, entry.role, entry.validFrom, entry.validUntil])).toEqual([['王建国', '办公室主任', '2025-01-01', '2027-12-31']]);
  });
});
