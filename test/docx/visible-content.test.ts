// @vitest-environment node
/**
 * Point 14: a `.docx` whose visible tables or text were edited in Word (the embedded draft untouched) is
 * recognised, with the differing places, and its approval does not count.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { compareVisibleContent, differenceMessage } from '../../src/docx/visible-content.ts';
import { verifyApproval, voidForVisibleChanges } from '../../src/domain/approval-verdict.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { approve, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { templateOf } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { listOf, testSigningKey } from '../helpers/signing-keys.ts';
import { setPartText } from '../helpers/narrative.ts';

const reviewer = { name: '王建国', role: '办公室主任' };
const key = await testSigningKey();
const ok = (result: ReviewResult): Draft => {
  if (!result.ok) throw new Error(result.message);
  return result.draft;
};

const SENTENCE = '本年度共召开专题会议三次。';
function office(): Draft {
  const draft = office2023Draft();
  setPartText(draft, 'problems', 'problems', SENTENCE);
  return draft;
}

/** `bytes` with word/document.xml replaced, as Word would save an edit of the visible text. */
function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes) as Zippable;
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml'] as Uint8Array)));
  return zipSync(files);
}

describe('comparing a Word file with the draft it carries', () => {
  it('finds nothing in a file the app made, in the final and the draft mode', async () => {
    for (const mode of ['final', 'draft'] as const) {
      expect(await compareVisibleContent(await buildReportDocx(office(), mode), office())).toEqual({ ok: true, differences: [] });
    }
  });

  it('lists a number changed in a table, with its place and both numbers', async () => {
    const draft = office();
    // The table as someone retyped it in Word: 自然人 new requests 36 → 38 (and Word's totals with it).
    const edited = structuredClone(draft);
    (edited.tables.applications!.newReceived as Record<string, number>).naturalPerson = 38;
    const shownXml = strFromU8(unzipSync(await buildReportDocx(edited, 'draft'))['word/document.xml']!);
    const bytes = withDocumentXml(await buildReportDocx(draft, 'draft'), () => shownXml);
    const comparison = await compareVisibleContent(bytes, draft);
    if (!comparison.ok) throw new Error(comparison.message);
    const cell = comparison.differences.find((difference) => difference.key === 'applications.newReceived.naturalPerson');
    expect(cell).toMatchObject({ kind: 'cell', shown: '38', expected: '36' });
    expect(differenceMessage(cell!)).toMatch(/^三、收到和处理政府信息公开申请情况 .*自然人.*：Word 文件中为 38，附带的草稿中为 36$/);
    // Every other difference is a total computed from that cell.
    const cells = indexTemplate(templateOf(draft)).cellsByKey;
    for (const difference of comparison.differences.filter((item) => item !== cell)) expect(cells.get(difference.key!)?.computed).toBe(true);
  });

  it('lists a sentence changed in the text', async () => {
    const bytes = withDocumentXml(await buildReportDocx(office(), 'final'), (xml) => {
      expect(xml).toContain('专题会议三次');
      return xml.replace('专题会议三次', '专题会议五次');
    });
    const comparison = await compareVisibleContent(bytes, office());
    expect(comparison.ok && comparison.differences).toEqual([
      expect.objectContaining({ kind: 'paragraph', shown: expect.stringContaining('五次'), expected: expect.stringContaining('三次') }),
    ]);
  });

  it('does not treat an edited file as approved', async () => {
    const submitted = ok(submitForReview(office(), '李晓明', new Date('2024-01-20T08:01:00Z')));
    const approved = ok(await approve(submitted, reviewer, key, new Date('2024-01-20T08:06:00Z')));
    const verdict = await verifyApproval(approved, listOf({ key, ...reviewer }));
    expect(verdict.state).toBe('valid');
    expect(voidForVisibleChanges(verdict, 0)).toBe(verdict);
    expect(voidForVisibleChanges(verdict, 2)).toMatchObject({ state: 'void', reason: 'visibleTextDiffers', message: expect.stringContaining('2 处不同') });
  });

  it('reads the main part through a byte cap: a part that inflates past it is refused, not loaded', async () => {
    // 40 MB of zeros (past the 32 MB cap) compress to ~40 KB: refused after at most the cap plus one chunk’s output.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const comparison = await compareVisibleContent(bomb, office());
    expect(comparison).toEqual({ ok: false, message: expect.stringContaining('无法读取') });
  });
});
