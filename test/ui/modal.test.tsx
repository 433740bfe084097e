// @vitest-environment happy-dom
/**
 * The dialog body is its one scroll area: it joins the tab order only when its content overflows, so a
 * keyboard user can scroll a long list of problems (axe `scrollable-region-focusable`), and short dialogs
 * get no extra tab stop.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Modal } from '../../src/features/shared/modal.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

function layout(scrollHeight: number, clientHeight: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(scrollHeight);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(clientHeight);
}

function renderDialog() {
  render(
    <Modal title="还不能生成正式版" onClose={() => undefined} actions={<button type="button">返回修改</button>}>
      <ul className="problem-list">
        <li>表格中有 3 格未填写。没有的请填 0</li>
      </ul>
    </Modal>,
  );
  return screen.getByRole('list').closest('.modal-body') as HTMLElement;
}

describe('Modal body', () => {
  it('is reachable with Tab when its content overflows', () => {
    layout(900, 400);
    expect(renderDialog().tabIndex).toBe(0);
  });

  it('is not a tab stop when everything fits', () => {
    layout(120, 120);
    expect(renderDialog().hasAttribute('tabindex')).toBe(false);
  });
});
