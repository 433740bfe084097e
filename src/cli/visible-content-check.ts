/**
 * For a `.docx` given to `check` or `docx`: whether the Word file shows what its embedded draft says
 * (src/docx/visible-content.ts). Each difference becomes an error finding (rule `DOCX`), and the file's
 * approval does not count.
 */
import { voidForVisibleChanges, type ApprovalVerdict } from '../domain/approval-verdict.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { Finding } from '../domain/findings.ts';
import { compareVisibleContent, differenceMessage } from '../docx/visible-content.ts';

/** Differences listed one by one; a file retyped in Word could differ everywhere. */
const MAX_DIFFERENCES_LISTED = 30;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function visibleContentVerdict(
  loaded: { readonly bytes: Uint8Array; readonly draft: Draft },
  verdict: ApprovalVerdict,
): Promise<{ verdict: ApprovalVerdict; findings: Finding[] }> {
  // The bytes loadDraft read (a regular file, within its size cap): the file is not opened twice.
  const { bytes } = loaded;
  if (!isZip(bytes)) return { verdict, findings: [] };
  const comparison = await compareVisibleContent(bytes, loaded.draft);
  if (!comparison.ok) {
    return { verdict: voidForVisibleChanges(verdict, 1), findings: [{ rule: 'DOCX', severity: 'error', cells: [], message: comparison.message }] };
  }
  const { differences } = comparison;
  if (differences.length === 0) return { verdict, findings: [] };
  const findings: Finding[] = [
    {
      rule: 'DOCX',
      severity: 'error',
      cells: differences.flatMap((difference) => (difference.key ? [difference.key] : [])),
      message: `Word 文件中显示的内容与其中附带的草稿数据有 ${differences.length} 处不同（文件在本工具之外被改动过）；以下按附带的草稿数据检查`,
    },
    ...differences.slice(0, MAX_DIFFERENCES_LISTED).map(
      (difference): Finding => ({ rule: 'DOCX', severity: 'error', cells: difference.key ? [difference.key] : [], message: differenceMessage(difference) }),
    ),
  ];
  if (differences.length > MAX_DIFFERENCES_LISTED) {
    findings.push({ rule: 'DOCX', severity: 'error', cells: [], message: `……另有 ${differences.length - MAX_DIFFERENCES_LISTED} 处不同未列出` });
  }
  return { verdict: voidForVisibleChanges(verdict, differences.length), findings };
}
