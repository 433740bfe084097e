// @vitest-environment node
/**
 * The sign-off travels with the Word file (issue 5 item 7): in its document properties
 * (docProps/custom.xml, read back here as Word's 文件 → 属性 → 自定义 would show them, and a sentence in
 * the core description) and in the embedded draft. A voided approval is never written as an approval.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { APPROVAL_PROPERTY, buildReportDocx, NOT_REVIEWED_STATUS } from '../../src/docx/build-report.ts';
import { NO_LIST_WHY, verifyApproval } from '../../src/domain/approval-verdict.ts';
import { formatFingerprint } from '../../src/domain/signing.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { approve, setApprovalRequired, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { descendants, parseXml, readDocx, textOf, type XmlNode } from '../helpers/read-docx.ts';
import { listOf, testSigningKey } from '../helpers/signing-keys.ts';

const reviewer = { name: '王建国', role: '办公室主任' };
const signingKey = await testSigningKey();
const list = listOf({ key: signingKey, ...reviewer });
const ok = (result: ReviewResult): Draft => {
  if (!result.ok) throw new Error(result.message);
  return result.draft;
};

async function approvedOffice(who = reviewer): Promise<Draft> {
  const submitted = ok(submitForReview(office2023Draft(), '李晓明', new Date('2024-01-20T08:01:00Z')));
  return ok(await approve(submitted, who, signingKey, new Date('2024-01-20T08:06:00Z')));
}

/** Custom properties by name, as docProps/custom.xml holds them (`<property name=…><vt:lpwstr>value`). */
function customProperties(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const part = files['docProps/custom.xml'];
  if (!part) return new Map();
  const root = parseXml(strFromU8(part));
  const contentTypes = strFromU8(files['[Content_Types].xml']!);
  expect(contentTypes).toContain('/docProps/custom.xml');
  return new Map(
    descendants(root, 'property').map((property: XmlNode) => {
      const value = property.children.find((child): child is XmlNode => typeof child !== 'string');
      const text = value ? value.children.filter((c): c is string => typeof c === 'string').join('') : '';
      return [property.attrs['name']!, text];
    }),
  );
}

describe('the approval record in the Word file', () => {
  it('an approved report carries reviewer, role, time, content hash and key in its custom properties', async () => {
    const approved = await approvedOffice();
    const bytes = await buildReportDocx(approved, 'final', await verifyApproval(approved, list));
    const properties = customProperties(bytes);
    expect(Object.fromEntries(properties)).toEqual({
      [APPROVAL_PROPERTY.status]: '审核通过（签名有效）',
      [APPROVAL_PROPERTY.reviewer]: '王建国',
      [APPROVAL_PROPERTY.role]: '办公室主任',
      [APPROVAL_PROPERTY.approvedAt]: '2024-01-20T08:06:00.000Z',
      [APPROVAL_PROPERTY.contentHash]: await contentHash(approved),
      [APPROVAL_PROPERTY.keyFingerprint]: formatFingerprint(signingKey.fingerprint),
      [APPROVAL_PROPERTY.verification]: '签名有效，签名人在本机关审核人名单中',
    });
    const doc = readDocx(bytes);
    expect(doc.core.description).toContain('经王建国（办公室主任）于 2024年1月20日 16:06（北京时间）审核通过');
    // The document itself still reads as the report.
    expect(textOf(doc.body)).toContain('宁波市镇海区人民政府办公室');
  });

  it('without a reviewers list the approval is printed as 签名未核验', async () => {
    const approved = await approvedOffice();
    const bytes = await buildReportDocx(approved, 'final');
    const properties = customProperties(bytes);
    expect(properties.get(APPROVAL_PROPERTY.status)).toBe('审核通过（签名未核验）');
    expect(properties.get(APPROVAL_PROPERTY.verification)).toBe(NO_LIST_WHY);
    expect(readDocx(bytes).core.description).toContain('审核通过（签名未核验）');
  });

  it('a forged approval (reviewer renamed in the file) is named void and no reviewer is printed', async () => {
    const approved = await approvedOffice();
    const renamed: Draft = { ...approved, review: { ...approved.review!, approval: { ...approved.review!.approval!, reviewer: '张局长' } } };
    const properties = customProperties(await buildReportDocx(renamed, 'draft', await verifyApproval(renamed, list)));
    expect(Object.fromEntries(properties)).toEqual({ [APPROVAL_PROPERTY.status]: '审核无效：签名不符' });
  });

  it('a final report of an agency without review says 未经审核（本机关未设审核）', async () => {
    const noReview = setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:01:00Z'));
    const properties = customProperties(await buildReportDocx(noReview, 'final', await verifyApproval(noReview, list)));
    expect(Object.fromEntries(properties)).toEqual({ [APPROVAL_PROPERTY.status]: NOT_REVIEWED_STATUS });
    expect(NOT_REVIEWED_STATUS).toBe('未经审核（本机关未设审核）');
  });

  it('the embedded draft carries the approval too, and it is still valid when read back', async () => {
    const approved = await approvedOffice();
    const json = extractEmbeddedDraftJson(await buildReportDocx(approved, 'final'));
    const read = readDraftJson(json!);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.draft.review?.status).toBe('approved');
    expect(read.draft.review?.approval).toEqual(approved.review?.approval);
    expect(await contentHash(read.draft)).toBe(approved.review?.approval?.contentHash);
  });

  it('a report changed after approval says 审核后已修改 and names no reviewer', async () => {
    const approved = await approvedOffice();
    const changed: Draft = { ...approved, preamble: '另写的编制说明。' };
    const properties = customProperties(await buildReportDocx(changed, 'draft'));
    expect(Object.fromEntries(properties)).toEqual({ [APPROVAL_PROPERTY.status]: '审核后已修改' });
    expect(readDocx(await buildReportDocx(changed, 'draft')).core.description).not.toContain('审核通过');
  });

  it('a report never reviewed says its review state', async () => {
    const properties = customProperties(await buildReportDocx(office2023Draft(), 'final'));
    expect(Object.fromEntries(properties)).toEqual({ [APPROVAL_PROPERTY.status]: '编辑中' });
    const submitted = ok(submitForReview(office2023Draft(), '李晓明', new Date('2024-01-20T08:01:00Z')));
    expect(customProperties(await buildReportDocx(submitted, 'draft')).get(APPROVAL_PROPERTY.status)).toBe('待审核');
  });
});

describe('approval properties are XML-safe', () => {
  it('a reviewer name with control characters from a hand-edited file still gives a readable file', async () => {
    // Signed as it stands: a name that came in through a file is still escaped when printed.
    const edited = await approvedOffice({ name: '王\u0001建国<&>', role: '办公室主任' });
    const properties = customProperties(await buildReportDocx(edited, 'final'));
    expect(properties.get(APPROVAL_PROPERTY.reviewer)).toBe('王建国<&>');
  });
});
