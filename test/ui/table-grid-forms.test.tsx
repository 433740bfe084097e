// @vitest-environment happy-dom
/**
 * Each input cell sits alone in a form of its own (so Chromium's autofill, which re-reads the whole form of
 * an edited input on every keystroke, reads one field instead of every input of the page — see
 * grid-cells.tsx and test/bench/cases/app-browser.ts). The forms must never submit: the page would navigate away.
 */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { cellInputId } from '../../src/features/kernel/cell-id.ts';
import { renderGrid } from './table-grid-harness.tsx';

const cellInput = (key: string) => document.getElementById(cellInputId(key)) as HTMLInputElement;

describe('a form per input cell', () => {
  it('puts every input cell of table 三 alone in its own form, and no computed cell in any', () => {
    renderGrid(report2021, 'applications');
    const cells = indexTemplate(report2021).cellsByTable.get('applications')!;
    const forms = new Set<HTMLFormElement>();
    for (const cell of cells) {
      const input = cellInput(cell.key);
      if (cell.computed) {
        expect(input.form, cell.key).toBeNull();
        continue;
      }
      expect(input.form, cell.key).not.toBeNull();
      expect([...input.form!.elements]).toEqual([input]);
      forms.add(input.form!);
    }
    expect(forms.size).toBe(cells.filter((cell) => !cell.computed).length);
  });

  it('never submits: Enter moves down and a submit of a cell form is cancelled', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    const input = screen.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人' }) as HTMLInputElement;
    await user.click(input);
    await user.keyboard('5{Enter}');
    expect(document.activeElement).toBe(cellInput('applications.carriedOver.naturalPerson'));
    expect(fireEvent.submit(input.form!)).toBe(false);
    expect(input.value).toBe('5');
  });
});
