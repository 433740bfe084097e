/**
 * The hidden file input behind a visible button (打开草稿文件, 审核报告, 选择上年报告文件…). It takes what
 * the app reads as a draft: its own JSON file, or a Word report it generated. The button clicks it through
 * `ref`, so that the button keeps its own look and wording. The input itself is `hidden` (no box, out
 * of the tab order and of the accessibility tree), so a screen reader meets the one button, not a second
 * unnamed 选择文件 button beside it; its label only names it for tests and code that reach it directly.
 */
import type { Ref } from 'react';

const DRAFT_FILE_ACCEPT = '.json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DraftFileInputProps {
  readonly ref: Ref<HTMLInputElement>;
  /** The accessible name, which says which file is asked for. */
  readonly label: string;
  readonly onFile: (file: File | undefined) => void;
  /** File types offered; default: what the app reads as a draft. */
  readonly accept?: string;
}

/** A draft, a Word file, or a saved report page (for the import). */
export const REPORT_FILE_ACCEPT = `${DRAFT_FILE_ACCEPT},.html,.htm,text/html`;

export function DraftFileInput({ ref, label, onFile, accept = DRAFT_FILE_ACCEPT }: DraftFileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      tabIndex={-1}
      aria-label={label}
      onChange={(event) => onFile(event.currentTarget.files?.[0])}
    />
  );
}
