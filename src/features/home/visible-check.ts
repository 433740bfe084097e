/**
 * Opening a `.docx`: does the Word file show what the draft inside it says (src/docx/visible-content.ts)?
 * When not, the clerk or supervisor is told which places differ before anything is opened, and the
 * draft's approval is voided (`voidApprovalForVisibleChanges`): the visible report is not what was approved.
 * The Word code loads only for a `.docx`.
 */
import type { Draft } from '../../domain/draft-types.ts';
import { voidApprovalForVisibleChanges } from '../../domain/review.ts';

/** Differences listed in the dialog; the rest are counted. */
const MAX_LISTED = 20;

export interface VisibleChanges {
  /** One sentence per difference (place, Word's text, the draft's), at most `MAX_LISTED`. */
  readonly messages: readonly string[];
  readonly total: number;
  /** The draft to open: as carried, with an approval voided. */
  readonly draft: Draft;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `null` when the file is not a Word file or shows exactly its draft. */
export async function visibleChanges(file: File, draft: Draft, now: Date, by: string): Promise<VisibleChanges | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isZip(bytes)) return null;
  let comparison: Awaited<ReturnType<typeof import('../../docx/visible-content.ts').compareVisibleContent>>;
  let differenceMessage: typeof import('../../docx/visible-content.ts').differenceMessage;
  try {
    const module = await import('../../docx/visible-content.ts');
    differenceMessage = module.differenceMessage;
    comparison = await module.compareVisibleContent(bytes, draft);
  } catch {
    // Not knowing is not the same as "unchanged": say so, and do not let the approval pass.
    return { messages: ['无法核对 Word 文件中显示的内容与附带的草稿数据是否一致'], total: 1, draft: voidApprovalForVisibleChanges(draft, now, by) };
  }
  if (comparison.ok && comparison.differences.length === 0) return null;
  const messages = comparison.ok ? comparison.differences.slice(0, MAX_LISTED).map(differenceMessage) : [comparison.message];
  const total = comparison.ok ? comparison.differences.length : 1;
  return { messages, total, draft: voidApprovalForVisibleChanges(draft, now, by) };
}
