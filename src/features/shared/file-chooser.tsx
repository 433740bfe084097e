/**
 * A visible button that opens the browser's file chooser (打开草稿文件, 审核报告, 选择上年报告文件…,
 * 选择密钥文件, 选择下级单位的报告). Every screen that asks for a file uses this one component, so that
 * each does the same things:
 *
 * - The `<input type="file">` behind the button is `hidden` (no box, out of the tab order and of the
 *   accessibility tree): a screen reader meets the one button, which the keyboard reaches and presses like
 *   any other, not a second unnamed 选择文件 button beside it. The input's label names it only for tests
 *   and code that reach it directly.
 * - The input is emptied as soon as its files are taken, so that choosing the same file again (after
 *   fixing it, or after a refusal) is a change the browser reports, not a silent no-op.
 * - Cancelling the chooser, or choosing nothing, calls nothing.
 *
 * The button keeps its own look and wording (`className`, `children`), so the component fits in a row of
 * buttons as well as inside a sentence (review's 附上上年报告文件 link-styled button).
 */
import { useRef, type ChangeEvent, type ReactNode } from 'react';

/** What the app reads as a draft: its own JSON file, or a Word report it generated. */
export const DRAFT_FILE_ACCEPT = '.json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A draft, a Word file, or a saved report page (for the import). */
export const REPORT_FILE_ACCEPT = `${DRAFT_FILE_ACCEPT},.html,.htm,text/html`;

interface FileChooserCommonProps {
  /** The button's content: what the clerk reads on it. */
  readonly children: ReactNode;
  /** The hidden input's accessible name, which says which file is asked for. */
  readonly label: string;
  /** File types offered; default: what the app reads as a draft. */
  readonly accept?: string;
  /** The button's classes; default: the app's plain button. */
  readonly className?: string;
  readonly disabled?: boolean;
}

interface OneFileProps extends FileChooserCommonProps {
  readonly multiple?: false;
  /** Called with the chosen file; not called when the chooser is cancelled. */
  readonly onFile: (file: File) => void;
}

interface SeveralFilesProps extends FileChooserCommonProps {
  readonly multiple: true;
  /** Called with the chosen files, in the chooser's order; not called when none was chosen. */
  readonly onFiles: (files: File[]) => void;
}

export type FileChooserProps = OneFileProps | SeveralFilesProps;

export function FileChooser(props: FileChooserProps) {
  const { children, label, accept = DRAFT_FILE_ACCEPT, className = 'button', disabled } = props;
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const element = event.currentTarget;
    // Taken out before the input is emptied: emptying it empties its FileList too.
    const files = [...(element.files ?? [])];
    element.value = '';
    if (files.length === 0) return;
    if (props.multiple) props.onFiles(files);
    else props.onFile(files[0]!);
  };

  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input ref={input} type="file" accept={accept} multiple={props.multiple} hidden tabIndex={-1} aria-label={label} onChange={onChange} />
    </>
  );
}
