// @vitest-environment happy-dom
/**
 * The one file chooser every screen uses: a visible button that the mouse and the keyboard press, a hidden
 * input that is neither announced nor tabbed to, the chosen files handed over once, and the input emptied
 * so that the same file can be chosen again.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FileChooser } from '../../src/features/shared/file-chooser.tsx';

const LABEL = '选择草稿文件（.json 或本工具生成的 .docx）';
const draft = (name = '报告.draft.json') => new File(['{}'], name, { type: 'application/json' });

function fileInput(): HTMLInputElement {
  const input = screen.getByLabelText(LABEL);
  if (!(input instanceof HTMLInputElement)) throw new Error('the label names no input');
  return input;
}

/** Counts the clicks that reach the hidden input, which is what opens the browser's file chooser. */
function countChooserOpenings(): { count: number } {
  const openings = { count: 0 };
  fileInput().addEventListener('click', () => openings.count++);
  return openings;
}

describe('FileChooser', () => {
  it('is one button, styled and worded by the screen, over a hidden input that is not announced or tabbed to', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">之前的按钮</button>
        <FileChooser className="button button-primary" accept=".json,application/json" label={LABEL} onFile={() => undefined}>
          打开草稿文件
        </FileChooser>
        <button type="button">之后的按钮</button>
      </>,
    );
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['之前的按钮', '打开草稿文件', '之后的按钮']);
    const button = screen.getByRole('button', { name: '打开草稿文件' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('button', 'button-primary');
    const input = fileInput();
    expect(input.type).toBe('file');
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    expect(input.accept).toBe('.json,application/json');
    expect(input.multiple).toBe(false);

    await user.tab();
    await user.tab();
    expect(button).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: '之后的按钮' })).toHaveFocus();
  });

  it('opens the chooser when the button is clicked or pressed with Enter or Space', async () => {
    const user = userEvent.setup();
    render(
      <FileChooser label={LABEL} onFile={() => undefined}>
        打开草稿文件
      </FileChooser>,
    );
    const openings = countChooserOpenings();
    const button = screen.getByRole('button', { name: '打开草稿文件' });
    await user.click(button);
    expect(openings.count).toBe(1);
    button.focus();
    await user.keyboard('{Enter}');
    expect(openings.count).toBe(2);
    await user.keyboard(' ');
    expect(openings.count).toBe(3);
  });

  it('offers the app’s draft files unless told otherwise', () => {
    render(
      <FileChooser label={LABEL} onFile={() => undefined}>
        打开草稿文件
      </FileChooser>,
    );
    expect(fileInput().accept.split(',')).toEqual(['.json', '.docx', 'application/json', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
  });

  it('hands over the chosen file once and empties the input, so that the same file chosen again is handed over again', async () => {
    const user = userEvent.setup();
    const onFile = vi.fn();
    render(
      <FileChooser label={LABEL} onFile={onFile}>
        打开草稿文件
      </FileChooser>,
    );
    const file = draft();
    await user.upload(fileInput(), file);
    expect(onFile.mock.calls).toEqual([[file]]);
    expect(fileInput().value).toBe('');
    expect(fileInput().files ?? []).toHaveLength(0);

    await user.upload(fileInput(), file);
    expect(onFile.mock.calls).toEqual([[file], [file]]);
  });

  it('hands over nothing when the chooser is cancelled', () => {
    const onFile = vi.fn();
    render(
      <FileChooser label={LABEL} onFile={onFile}>
        打开草稿文件
      </FileChooser>,
    );
    fireEvent.change(fileInput(), { target: { files: [] } });
    expect(onFile).not.toHaveBeenCalled();
  });

  it('with several files allowed, hands them over together in the chooser’s order', async () => {
    const user = userEvent.setup();
    const onFiles = vi.fn();
    render(
      <FileChooser multiple label={LABEL} onFiles={onFiles}>
        选择下级单位的报告
      </FileChooser>,
    );
    expect(fileInput().multiple).toBe(true);
    const files = [draft('教育局.draft.json'), draft('财政局.draft.json'), draft('民政局.draft.json')];
    await user.upload(fileInput(), files);
    expect(onFiles.mock.calls).toEqual([[files]]);
    expect(fileInput().files ?? []).toHaveLength(0);
  });

  it('when disabled, neither the click nor the keyboard opens the chooser', async () => {
    const user = userEvent.setup();
    render(
      <FileChooser disabled label={LABEL} onFile={() => undefined}>
        选择上年报告文件…
      </FileChooser>,
    );
    const openings = countChooserOpenings();
    const button = screen.getByRole('button', { name: '选择上年报告文件…' });
    expect(button).toBeDisabled();
    await user.click(button);
    await user.tab();
    await user.keyboard('{Enter}');
    expect(openings.count).toBe(0);
  });

  it('fits inside a sentence, as the link-styled button in a hint', () => {
    render(
      <p>
        没有上年报告，未做跨年比较。
        <FileChooser className="rv-link" label={LABEL} onFile={() => undefined}>
          附上上年报告文件
        </FileChooser>
      </p>,
    );
    const button = screen.getByRole('button', { name: '附上上年报告文件' });
    expect(button).toHaveClass('rv-link');
    expect(button).not.toHaveClass('button');
    expect(button.closest('p')).toHaveTextContent('没有上年报告，未做跨年比较。附上上年报告文件');
  });
});
