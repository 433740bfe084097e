/**
 * The approval through the command line: `check` reports it as a finding of its own (rule APPROVAL),
 * `docx` writes the final version only for an approval that counts. Every faked approval found while
 * probing is rejected by both; a genuine one from a listed key is valid.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { approve, setApprovalRequired, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { reviewerEntryFor, reviewersListText } from '../../src/domain/reviewers-list.ts';
import { fromBase64, signPayload, toBase64 } from '../../src/domain/signing.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';

const reviewer = { name: '王建国', role: '办公室主任' };
const at = (minute: number) => new Date(Date.UTC(2024, 0, 20, 8, minute));
const ok = (result: ReviewResult): Draft => {
  if (!result.ok) throw new Error(result.message);
  return result.draft;
};

let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}

async function checkJson(file: string, withList = true) {
  const run = await cli('check', file, '--json', ...(withList ? ['--reviewers', 'reviewers.json'] : []));
  const report = JSON.parse(run.stdout) as { errors: number; findings: { rule: string; severity: string }[]; approval: { state: string; reason?: string; message: string } };
  return { code: run.code, report };
}

function write(name: string, draft: Draft): string {
  writeFileSync(join(dir, name), serializeDraft(draft));
  return name;
}

/** The file as text, edited the way someone with an editor would. */
function edited(draft: Draft, edit: (json: Draft) => void): Draft {
  const json = JSON.parse(serializeDraft(draft)) as Draft;
  edit(json);
  return json;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'approval-cli-'));
  const key = await testSigningKey();
  writeFileSync(join(dir, 'reviewers.json'), reviewersListText([reviewerEntryFor(key, reviewer)]));
  writeFileSync(join(dir, 'broken-reviewers.json'), '{"format": "gov-info-annual-report-reviewers", "version": 1, "reviewers": [{"name": "王建国"}]}');

  const submitted = ok(submitForReview(office2023Draft(), '李晓明', at(1)));
  const approved = ok(await approve(submitted, reviewer, key, at(6)));
  write('genuine.draft.json', approved);

  write(
    'forged.draft.json',
    edited(approved, (json) => {
      const bytes = fromBase64(json.review!.approval!.signature!.value)!;
      bytes[0] = bytes[0]! ^ 0x80;
      json.review!.approval!.signature!.value = toBase64(bytes);
    }),
  );

  const changed = edited(approved, (json) => {
    (json.tables.applications!.carriedForward as Record<string, number>).naturalPerson = 3;
  });
  changed.review!.approval!.contentHash = await contentHash(changed);
  write('rehashed.draft.json', changed);

  write('renamed.draft.json', edited(approved, (json) => void (json.review!.approval!.reviewer = '张局长')));
  write('flipped.draft.json', edited(approved, (json) => void (json.settings = { requireApproval: false })));

  const stranger = await testSigningKey();
  write('unknown-key.draft.json', ok(await approve(submitted, reviewer, stranger, at(6))));

  // Invented: a never-submitted draft with an approval record and a fresh key, history made up too.
  const fresh = office2023Draft();
  const record = { reviewer: '王建国', role: '办公室主任', at: at(6).toISOString(), contentHash: await contentHash(fresh), round: 1 };
  const signature = await signPayload(stranger, { ...record, settings: { requireApproval: true } });
  write('invented.draft.json', {
    ...fresh,
    review: {
      status: 'approved',
      approval: { ...record, signature: { algorithm: 'ECDSA-P256-SHA256', publicKey: stranger.publicKey, fingerprint: stranger.fingerprint, value: signature } },
      history: [{ round: 1, action: 'approved', by: '王建国', role: '办公室主任', at: record.at }],
      comments: [],
    },
  });

  write('no-review.draft.json', setApprovalRequired(office2023Draft(), false, '李晓明', at(1)));

  // The genuine approved report as a Word file, and the same file with a number retyped in Word.
  const docx = await buildReportDocx(approved, 'final');
  writeFileSync(join(dir, 'genuine.docx'), docx);
  const files = unzipSync(docx) as Zippable;
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  // What Word shows after someone retyped 结转下年度 of 自然人 (2 → 5): the document of that other draft.
  const other = structuredClone(approved);
  (other.tables.applications!.carriedForward as Record<string, number>).naturalPerson = 5;
  const shown = strFromU8(unzipSync(await buildReportDocx(other, 'draft'))['word/document.xml']!);
  expect(shown).not.toBe(xml);
  files['word/document.xml'] = strToU8(shown);
  writeFileSync(join(dir, 'word-edited.docx'), zipSync(files));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('report check --reviewers', () => {
  it('a genuine approval by a listed key is valid; without the list it is intact but unverified', async () => {
    const listed = await checkJson('genuine.draft.json');
    expect(listed.code).toBe(0);
    expect(listed.report.approval).toMatchObject({ state: 'valid', message: expect.stringContaining('签名有效') });
    const unlisted = await checkJson('genuine.draft.json', false);
    expect(unlisted.report.approval.state).toBe('unverified');
    const text = await cli('check', 'genuine.draft.json');
    expect(text.stdout).toContain('未提供审核人名单（--reviewers），审核签名的签名人未核验');
    expect((await cli('check', 'genuine.docx', '--reviewers', 'reviewers.json', '--json')).stdout).toContain('"state": "valid"');
  });

  it.each([
    ['forged.draft.json', 'badSignature'],
    ['rehashed.draft.json', 'badSignature'],
    ['renamed.draft.json', 'badSignature'],
    ['flipped.draft.json', 'contentChanged'],
    ['unknown-key.draft.json', 'unknownKey'],
    ['invented.draft.json', 'notSubmitted'],
    ['word-edited.docx', 'visibleTextDiffers'],
  ])('%s: void (%s), an error finding of its own, exit 1', async (file, reason) => {
    const { code, report } = await checkJson(file);
    expect(report.approval).toMatchObject({ state: 'void', reason, message: expect.stringMatching(/^审核无效：/) });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'APPROVAL', severity: 'error' }));
    expect(code).toBe(1);
  });

  it('a Word file edited in Word names the differing cell with both numbers', async () => {
    const run = await cli('check', 'word-edited.docx', '--reviewers', 'reviewers.json');
    expect(run.stdout).toMatch(/\[DOCX\] .*结转下年度.*自然人.*：Word 文件中为 5，附带的草稿中为 2/);
  });

  it('a reviewers list with a mistake is refused with the reason, exit 2', async () => {
    const run = await cli('check', 'genuine.draft.json', '--reviewers', 'broken-reviewers.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^审核人名单 broken-reviewers\.json 有误：第 1 位审核人的 role/);
    expect((await cli('check', 'genuine.draft.json', '--reviewers', 'missing.json')).stderr).toContain('文件不存在');
  });
});

describe('report docx --reviewers', () => {
  it('writes the final version for a genuine approval, with the approval in its properties', async () => {
    const run = await cli('docx', 'genuine.draft.json', '--reviewers', 'reviewers.json', '-o', 'out-genuine.docx');
    expect(run.code).toBe(0);
    const custom = strFromU8(unzipSync(readFileSync(join(dir, 'out-genuine.docx')))['docProps/custom.xml']!);
    expect(custom).toContain('审核通过（签名有效）');
    expect(extractEmbeddedDraftJson(readFileSync(join(dir, 'out-genuine.docx')))).toContain('"signature"');
  });

  it.each(['forged.draft.json', 'rehashed.draft.json', 'renamed.draft.json', 'flipped.draft.json', 'unknown-key.draft.json', 'invented.draft.json', 'word-edited.docx'])(
    '%s: only the draft version, with the reason',
    async (file) => {
      const output = `out-${file}.docx`;
      const run = await cli('docx', file, '--reviewers', 'reviewers.json', '-o', output);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('还不能生成正式报告，已生成草稿');
      const custom = strFromU8(unzipSync(readFileSync(join(dir, output)))['docProps/custom.xml']!);
      expect(custom).not.toContain('审核通过');
    },
  );

  it('an agency without review (switched off in the app) gets a final version that says 未经审核', async () => {
    const run = await cli('docx', 'no-review.draft.json', '--reviewers', 'reviewers.json', '-o', 'out-no-review.docx');
    expect(run.code).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(join(dir, 'out-no-review.docx')))['docProps/custom.xml']!)).toContain('未经审核（本机关未设审核）');
  });
});
