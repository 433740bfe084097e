// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { report2019 } from '../../templates/report-2019.ts';
import { report2021 } from '../../templates/report-2021.ts';
import { cellCommentId, cellInputId } from '../../src/features/kernel/cell-id.ts';
import { cellRenderProbe } from '../../src/features/table-grid/table-store.ts';
import { gridStatus, renderGrid } from './table-grid-harness.tsx';
import type { CellValues } from '../../src/domain/draft-types.ts';
import { flattenTables } from '../../src/domain/values.ts';
import { office2023Draft } from './ui-fixtures.ts';

const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
/** Inputs by cell key: quicker than role queries where the accessible name is not what is tested. */
const cellInput = (key: string) => document.getElementById(cellInputId(key)) as HTMLInputElement;
const A = 'applications';
/** A computed figure: text in an <output> named like an input cell, not a box to type in. */
const computed = (name: string) => screen.getByRole('status', { name });
const computedText = (key: string) => document.getElementById(cellInputId(key))!.textContent;

/** The 自然人 column of the published 2023 report, every cell filled (its blanks as 0), nothing else. */
function naturalPersonColumn(): CellValues {
  const values: CellValues = {};
  for (const [key, value] of Object.entries(flattenTables(report2021, office2023Draft().tables))) {
    if (key.startsWith(`${A}.`) && key.endsWith('.naturalPerson')) values[key] = value ?? 0;
  }
  return values;
}

afterEach(() => {
  cellRenderProbe.current = null;
});

describe('layout from the template', () => {
  it('draws table 三 with the statutory merged headers and row labels (spec §3.2)', () => {
    renderGrid(report2021, 'applications');
    const th = (text: string) => {
      const found = [...document.querySelectorAll('th')].find((cell) => cell.textContent === text);
      if (!found) throw new Error(`no header ${text}`);
      return found;
    };
    const corner = th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect([corner.colSpan, corner.rowSpan]).toEqual([3, 3]);
    expect(th('申请人情况').colSpan).toBe(7);
    expect([th('自然人').colSpan, th('自然人').rowSpan]).toEqual([1, 2]);
    expect(th('法人或其他组织').colSpan).toBe(5);
    expect(th('总计').rowSpan).toBe(2);
    for (const text of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) expect(th(text).rowSpan).toBe(1);
    expect(th('一、本年新收政府信息公开申请数量').colSpan).toBe(3);
    expect(th('三、本年度办理结果').rowSpan).toBe(22);
    expect(th('（一）予以公开').colSpan).toBe(2);
    expect(th('（三）不予公开').rowSpan).toBe(8);
    expect(th('（四）无法提供').rowSpan).toBe(3);
    expect(th('（五）不予处理').rowSpan).toBe(5);
    expect(th('（六）其他处理').rowSpan).toBe(3);
    expect(th('（七）总计').colSpan).toBe(2);
    expect(th('四、结转下年度继续办理').colSpan).toBe(3);
    // 3 header rows + 25 data rows, 175 data cells of which the 总计 column and （七）总计 row are outputs.
    expect(document.querySelectorAll('tr')).toHaveLength(28);
    expect(document.querySelectorAll('input[data-cell-key]')).toHaveLength(175 - 25 - 6);
    expect(document.querySelectorAll('output[data-computed-key]')).toHaveLength(25 + 6);
    expect(th('1.属于国家秘密').getAttribute('scope')).toBe('row');
  });

  it('draws the 2019 table 三 with （六）其他处理 as one row and a 20-row 三、本年度办理结果 (spec §4.2)', () => {
    renderGrid(report2019, 'applications');
    const th = (text: string) => [...document.querySelectorAll('th')].find((cell) => cell.textContent === text)!;
    expect(th('三、本年度办理结果').rowSpan).toBe(20);
    expect(th('（六）其他处理').colSpan).toBe(2);
    expect(document.querySelectorAll('tr')).toHaveLength(26);
  });

  it('draws table 四 with 行政复议 over 5 and 行政诉讼 over 10 columns (spec §3.3)', () => {
    renderGrid(report2021, 'reviewLitigation');
    const ths = [...document.querySelectorAll('th')];
    const spans = (text: string) => ths.filter((cell) => cell.textContent === text).map((cell) => [cell.colSpan, cell.rowSpan]);
    expect(spans('行政复议')).toEqual([[5, 1]]);
    expect(spans('行政诉讼')).toEqual([[10, 1]]);
    expect(spans('未经复议直接起诉')).toEqual([[5, 1]]);
    expect(spans('复议后起诉')).toEqual([[5, 1]]);
    expect(spans('结果维持')).toEqual([
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
    expect(spans('总计')).toEqual([
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
    expect(document.querySelectorAll('tr')).toHaveLength(4);
  });

  it('draws table 二 (2021) part by part with captions over 4 columns and merged value cells (spec §3.1)', () => {
    renderGrid(report2021, 'proactive');
    const ths = [...document.querySelectorAll('th')];
    for (const caption of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      expect(ths.find((cell) => cell.textContent === caption)!.colSpan).toBe(4);
    }
    expect(ths.filter((cell) => cell.textContent === '本年处理决定数量').map((cell) => cell.colSpan)).toEqual([3, 3]);
    expect(ths.find((cell) => cell.textContent === '本年收费金额（单位：万元）')!.colSpan).toBe(3);
    expect((cellInput('proactive.licensing.decisions').closest('td') as HTMLTableCellElement).colSpan).toBe(3);
    expect(document.querySelectorAll('tbody')).toHaveLength(4);
  });

  it('names every input by its row label and column label (issue 4, point 5)', () => {
    renderGrid(report2021, 'applications');
    expect(textbox('一、本年新收政府信息公开申请数量 自然人').id).toBe(cellInputId(`${A}.newReceived.naturalPerson`));
    expect(textbox('（三）不予公开 1.属于国家秘密 商业企业').id).toBe(cellInputId(`${A}.denied.stateSecret.commercial`));
    expect(computed('（七）总计 自然人').id).toBe(cellInputId(`${A}.resultTotal.naturalPerson`));
  });

  it('names table 四 and table 二 inputs the same way', () => {
    renderGrid(report2021, 'reviewLitigation');
    expect(textbox('行政复议 结果维持').id).toBe(cellInputId('reviewLitigation.review.upheld'));
    expect(textbox('未经复议直接起诉 结果纠正').id).toBe(cellInputId('reviewLitigation.litigationDirect.corrected'));
  });

  it('names table 二 inputs by row and column', () => {
    renderGrid(report2021, 'proactive');
    expect(textbox('行政规范性文件 本年制发件数').id).toBe(cellInputId('proactive.normativeDocuments.issued'));
    expect(textbox('行政事业性收费 本年收费金额（单位：万元）')).toHaveAttribute('inputmode', 'decimal');
    expect(textbox('行政规范性文件 本年制发件数')).toHaveAttribute('inputmode', 'numeric');
  });

  it('shows the legal basis of a row as a tooltip', () => {
    renderGrid(report2021, 'applications');
    const row = [...document.querySelectorAll('th')].find((cell) => cell.textContent === '1.属于国家秘密')!;
    expect(row.title).toContain('条例第十四条');
  });
});

describe('computed cells', () => {
  it('updates the 总计 column and the （七）总计 row as the clerk types', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.type(cellInput(`${A}.newReceived.naturalPerson`), '3');
    await user.type(cellInput(`${A}.newReceived.commercial`), '4');
    expect(computedText(`${A}.newReceived.total`)).toBe('7');
    await user.type(cellInput(`${A}.granted.naturalPerson`), '2');
    await user.type(cellInput(`${A}.denied.stateSecret.naturalPerson`), '1');
    expect(computedText(`${A}.resultTotal.naturalPerson`)).toBe('3');
    expect(computedText(`${A}.resultTotal.total`)).toBe('3');
    expect(cellInput(`${A}.resultTotal.total`)).toHaveAttribute('tabindex', '-1');
  });

  it('shows a computed figure as named text, not as a box to type in', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.type(cellInput(`${A}.newReceived.naturalPerson`), '3');
    const total = computed('一、本年新收政府信息公开申请数量 总计');
    expect(total.tagName).toBe('OUTPUT');
    expect(total.textContent).toBe('3');
    // Not announced on every keystroke, and no textbox of that name to type in.
    expect(total).toHaveAttribute('aria-live', 'off');
    expect(screen.queryByRole('textbox', { name: '一、本年新收政府信息公开申请数量 总计' })).toBeNull();
    expect(screen.queryAllByRole('textbox').filter((box) => box.hasAttribute('readonly'))).toEqual([]);
  });

  it('accepts full-width digits from a Chinese IME and leaves the typed text alone until blur', async () => {
    const user = userEvent.setup();
    const { form } = renderGrid(report2021, 'applications');
    const input = cellInput(`${A}.newReceived.naturalPerson`);
    await user.type(input, '１２');
    expect(computedText(`${A}.newReceived.total`)).toBe('12');
    // While the clerk is in the cell nothing rewrites the text (IME composition stays intact)…
    expect(input).toHaveValue('１２');
    expect(input).not.toHaveAttribute('aria-invalid');
    // …and leaving the cell normalises it.
    await user.tab();
    expect(input).toHaveValue('12');
    expect(form.getValues(`tables.${A}.newReceived.naturalPerson`)).toBe('12');
  });

  it('sums table 四 per group', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.type(textbox('行政复议 结果维持'), '2');
    await user.type(textbox('行政复议 尚未审结'), '1');
    expect(computed('行政复议 总计').textContent).toBe('3');
    expect(computed('未经复议直接起诉 总计').textContent).toBe('');
  });
});

describe('live messages', () => {
  it('marks a cell whose text does not read, with the message at the cell', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    const input = cellInput(`${A}.newReceived.naturalPerson`);
    await user.type(input, '3件');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const messageId = input.getAttribute('aria-describedby')!.split(' ')[0]!;
    const message = document.getElementById(messageId)!;
    expect(message).toHaveTextContent('只填数字，不要在格内写“件”');
    expect(input.closest('td')).toContainElement(message);
    expect(input).toHaveAccessibleDescription(expect.stringContaining('只填数字'));
    // Listed under the table too, with the cell's name.
    const list = screen.getByRole('region', { name: /本表检查/ });
    expect(within(list).getByText(/只填数字/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '3');
    expect(input).not.toHaveAttribute('aria-invalid');
    // The format message is gone; what stays at the cell is the rule the lone 3 now breaks.
    expect(document.getElementById(messageId)?.textContent ?? '').not.toContain('只填数字');
  });

  it('describes a cell in a broken 勾稽关系 by the message alone, shown beside the cell, the buttons kept apart', async () => {
    const user = userEvent.setup();
    // A filled column (a half-filled one is 待填, not broken) with one number 5 too high.
    const column = naturalPersonColumn();
    renderGrid(report2021, 'applications', { values: column });
    const input = cellInput(`${A}.newReceived.naturalPerson`);
    const right = Number(column[`${A}.newReceived.naturalPerson`]);
    await user.clear(input);
    await user.type(input, String(right + 5));
    const list = screen.getByRole('region', { name: /本表检查/ });
    const listed = within(list).getByText(new RegExp(`^自然人：本年新收 ${right + 5}`)).textContent!;
    expect(listed).toContain('相差 5');
    // Exactly the message the list shows: no 定位, no fix button text run into it.
    expect(input).toHaveAccessibleDescription(listed);
    const messageId = input.getAttribute('aria-describedby')!.split(' ')[0]!;
    const note = document.getElementById(messageId)!;
    expect(input.closest('td')).toContainElement(note);
    expect(note).toHaveClass('tg-cell-msg');
    expect(within(note).queryAllByRole('button')).toEqual([]);
    // A computed cell of the same rule carries it too.
    expect(cellInput(`${A}.resultTotal.naturalPerson`)).toHaveAccessibleDescription(listed);
    // Once the rule holds again, the cell is described by nothing.
    await user.clear(input);
    await user.type(input, String(right));
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(document.getElementById(messageId)).toBeNull();
  });

  it('reads a reviewer’s note on a cell together with the cell’s own message', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    const input = cellInput(`${A}.newReceived.naturalPerson`);
    await user.type(input, '3件');
    // The review puts its note in the cell under this id (src/features/review/step-comments.tsx).
    const note = document.createElement('span');
    note.id = cellCommentId(input.id);
    note.setAttribute('aria-hidden', 'true');
    note.textContent = '意见 1：请核对';
    input.closest('td')!.append(note);
    expect(input).toHaveAccessibleDescription('只填数字，不要在格内写“件” 意见 1：请核对');
  });

  it('explains a signed cell with its own label (2019 本年增/减)', async () => {
    const user = userEvent.setup();
    renderGrid(report2019, 'proactive');
    const input = cellInput('proactive.licensing.change');
    await user.type(input, '-8');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.type(input, '.5');
    expect(input).toHaveAccessibleDescription('“本年增/减”可以为负数，请输入整数，如 -8');
  });

  it('the first number of table 三 is 待填 while the clerk is in the table: no error, no fix; leaving makes it an error', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.type(cellInput(`${A}.newReceived.naturalPerson`), '3001');
    const list = screen.getByRole('region', { name: /本表检查/ });
    const message = within(list).getByText(/^自然人：还有 \d+ 格未填（上年结转、予以公开、部分公开等），填完后核对/);
    expect(message.closest('li')).toHaveTextContent(/^待填/);
    expect(within(list).queryByText('错误')).toBeNull();
    expect(within(list).queryByRole('button', { name: /^把/ })).toBeNull();
    expect(screen.getByRole('heading', { name: /本表检查/ }).textContent).toMatch(/处待填/);
    expect(screen.getByRole('heading', { name: /本表检查/ }).textContent).not.toMatch(/错误/);
    for (const key of ['newReceived', 'carriedOver', 'carriedForward']) {
      expect(cellInput(`${A}.${key}.naturalPerson`).closest('td')).not.toHaveClass('tg-flag-error');
    }

    // Leaving the table: the column is not complete, so the relation is now an error at its cells.
    await user.click(document.body);
    expect(within(list).getByText(/^自然人：还有/).closest('li')).toHaveTextContent(/^错误/);
    expect(cellInput(`${A}.newReceived.naturalPerson`).closest('td')).toHaveClass('tg-flag-error');
    expect(within(list).queryByRole('button', { name: /^把/ })).toBeNull();
  });

  it('a column with exactly one untouched cell offers to fill it, and the fix balances the column', async () => {
    const user = userEvent.setup();
    const values = naturalPersonColumn();
    values[`${A}.carriedForward.naturalPerson`] = null; // 2 in the published report
    renderGrid(report2021, 'applications', { values });
    const list = screen.getByRole('region', { name: /本表检查/ });
    await user.click(within(list).getByRole('button', { name: '把自然人的结转下年度改为 2' }));
    expect(cellInput(`${A}.carriedForward.naturalPerson`)).toHaveValue('2');
    expect(within(list).queryByText(/^自然人：/)).toBeNull();
    expect(document.activeElement).toBe(cellInput(`${A}.carriedForward.naturalPerson`));
  });

  it('a filled column that does not add up shows the error and the cells to look at, and no fix', async () => {
    const values = naturalPersonColumn();
    values[`${A}.granted.naturalPerson`] = 11; // a typo: the published report has 12
    renderGrid(report2021, 'applications', { values });
    const list = screen.getByRole('region', { name: /本表检查/ });
    const message = within(list).getByText(/^自然人：本年新收 36/);
    expect(message.closest('li')).toHaveTextContent(/^错误/);
    expect(message.textContent).toBe(
      '自然人：本年新收 36 + 上年结转 0 = 36，办理结果总计 33 + 结转下年度 2 = 35，相差 1。可能有误的是：本年新收、上年结转、结转下年度，或构成办理结果总计的各项，请逐一核对',
    );
    expect(within(list).queryByRole('button', { name: /^把/ })).toBeNull();
    for (const key of ['newReceived', 'carriedOver', 'carriedForward']) {
      expect(cellInput(`${A}.${key}.naturalPerson`).closest('td')).toHaveClass('tg-flag-error');
    }
    expect(cellInput(`${A}.carriedForward.naturalPerson`)).toHaveAccessibleDescription(expect.stringContaining('相差 1'));
  });

  it('reminds of empty cells without lighting them all up, and fills them with 0 on request', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.type(textbox('行政复议 结果维持'), '1');
    const list = screen.getByRole('region', { name: /本表检查/ });
    // While the clerk types, the list is folded to its summary; 展开 opens it.
    expect(within(list).queryByRole('list')).toBeNull();
    const toggle = within(list).getByRole('button', { name: '展开' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(within(list).getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getByText(/11 格未填写/)).toBeInTheDocument();
    expect(textbox('行政复议 结果纠正').closest('td')).not.toHaveClass('tg-flag-warning');
    await user.click(within(list).getByRole('button', { name: '这 11 个空格填 0' }));
    expect(textbox('复议后起诉 尚未审结')).toHaveValue('0');
    expect(textbox('行政复议 结果维持')).toHaveValue('1');
    expect(within(list).getByText('本表暂未发现问题')).toBeInTheDocument();
  });

  it('folds the check list while the clerk types, keeps it open from 定位 on, and opens it again on leaving the table', async () => {
    const user = userEvent.setup();
    const values = naturalPersonColumn();
    values[`${A}.granted.naturalPerson`] = 11; // a typo: the column is 1 short
    renderGrid(report2021, 'applications', { values });
    const list = screen.getByRole('region', { name: /本表检查/ });
    // Nothing focused: the full list.
    expect(within(list).getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0);

    await user.click(cellInput(`${A}.newReceived.commercial`));
    expect(within(list).getByRole('button', { name: '展开' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(list).queryAllByRole('listitem')).toEqual([]);
    expect(within(list).getByRole('heading')).toHaveTextContent('本表检查：1 处错误');
    // Moving from cell to cell leaves it folded.
    await user.keyboard('{Enter}');
    expect(within(list).queryAllByRole('listitem')).toEqual([]);

    await user.click(within(list).getByRole('button', { name: '展开' }));
    await user.click(within(list).getAllByRole('button', { name: /^定位到/ })[0]!);
    expect(document.activeElement?.tagName).toBe('INPUT');
    expect(within(list).getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(list).getByRole('button', { name: '收起' }));
    expect(within(list).queryAllByRole('listitem')).toEqual([]);

    await user.click(document.body);
    expect(within(list).getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('fills only the area of one reminder (table 二 has one per 第二十条 item)', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'proactive');
    const list = screen.getByRole('region', { name: /本表检查/ });
    const reminder = within(list).getByText(/第二十条第（六）项有 2 格未填写/).closest('li')!;
    await user.click(within(reminder).getByRole('button', { name: '这 2 个空格填 0' }));
    expect(cellInput('proactive.penalty.decisions')).toHaveValue('0');
    expect(cellInput('proactive.coercion.decisions')).toHaveValue('0');
    expect(cellInput('proactive.licensing.decisions')).toHaveValue('');
    expect(within(list).queryByText(/第二十条第（六）项有/)).toBeNull();
    await user.click(screen.getByRole('button', { name: '撤销填 0' }));
    expect(cellInput('proactive.penalty.decisions')).toHaveValue('');
  });

  it('runs the cross-year check and shows last year’s values on request', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications', {
      values: { [`${A}.carriedOver.naturalPerson`]: 1 },
      previous: { template: report2021, values: { [`${A}.carriedForward.naturalPerson`]: 4 } },
    });
    const list = screen.getByRole('region', { name: /本表检查/ });
    expect(within(list).getByText(/上年报告结转下年度 4/)).toBeInTheDocument();
    expect(screen.queryByText('上年 4')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: '显示上年数' }));
    expect(cellInput(`${A}.carriedForward.naturalPerson`).closest('td')).toHaveTextContent('上年 4');
  });
});

describe('keyboard', () => {
  it('moves with the arrow keys between input cells, stepping over computed ones', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cellInput(`${A}.newReceived.commercial`));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cellInput(`${A}.carriedOver.commercial`));
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(document.activeElement).toBe(cellInput(`${A}.newReceived.naturalPerson`));
    // Right from the last applicant column: 总计 is computed, so the focus stays.
    await user.click(cellInput(`${A}.newReceived.otherOrg`));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cellInput(`${A}.newReceived.otherOrg`));
  });

  it('moves left/right only when the caret is at the edge of the text', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    const input = cellInput(`${A}.newReceived.commercial`);
    await user.type(input, '123');
    input.setSelectionRange(1, 1);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(input);
    input.setSelectionRange(3, 3);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cellInput(`${A}.newReceived.research`));
    cellInput(`${A}.newReceived.commercial`).focus();
    input.setSelectionRange(2, 2);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(input);
    input.setSelectionRange(0, 0);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(cellInput(`${A}.newReceived.naturalPerson`));
  });

  it('moves down with Enter and up with Shift+Enter, over the （七）总计 row', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.otherHandling.other.research`));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cellInput(`${A}.carriedForward.research`));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cellInput(`${A}.carriedForward.research`));
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(document.activeElement).toBe(cellInput(`${A}.otherHandling.other.research`));
  });

  it('steps over each 总计 of table 四 and across table 二 parts', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.click(textbox('行政复议 尚未审结'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(textbox('未经复议直接起诉 结果维持'));
  });

  it('moves down through table 二 parts, into merged value cells', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'proactive');
    await user.click(cellInput('proactive.normativeDocuments.inForce'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cellInput('proactive.licensing.decisions'));
    await user.keyboard('{Enter}{Enter}{Enter}');
    expect(document.activeElement).toBe(cellInput('proactive.fees.amount'));
  });

  it('leaves Enter to the IME while a composition is under way', () => {
    renderGrid(report2021, 'applications');
    const input = cellInput(`${A}.newReceived.naturalPerson`);
    input.focus();
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 229 });
    expect(document.activeElement).toBe(input);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(document.activeElement).toBe(cellInput(`${A}.carriedOver.naturalPerson`));
  });
});

describe('paste from Excel/WPS', () => {
  it('pastes a block with separators, full-width digits and empty cells, and one undo takes it all back', async () => {
    const user = userEvent.setup();
    const { form } = renderGrid(report2021, 'applications', { values: { [`${A}.carriedOver.research`]: 9 } });
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.paste('1,234\t５\t\t0\t0\t0\r\n２\t0\t\t0\t0\t0\r\n');
    expect(cellInput(`${A}.newReceived.naturalPerson`)).toHaveValue('1234');
    expect(cellInput(`${A}.newReceived.commercial`)).toHaveValue('5');
    expect(cellInput(`${A}.newReceived.research`)).toHaveValue('');
    expect(cellInput(`${A}.newReceived.otherOrg`)).toHaveValue('0');
    expect(cellInput(`${A}.carriedOver.naturalPerson`)).toHaveValue('2');
    // An empty pasted cell empties its target (the block replaces the area).
    expect(cellInput(`${A}.carriedOver.research`)).toHaveValue('');
    expect(computedText(`${A}.newReceived.total`)).toBe('1239');
    expect(form.getValues(`tables.${A}.newReceived.naturalPerson`)).toBe('1234');
    expect(gridStatus()).toHaveTextContent('已粘贴 12 格');

    await user.keyboard('{Control>}z{/Control}');
    expect(cellInput(`${A}.newReceived.naturalPerson`)).toHaveValue('');
    expect(cellInput(`${A}.newReceived.commercial`)).toHaveValue('');
    expect(cellInput(`${A}.carriedOver.naturalPerson`)).toHaveValue('');
    expect(cellInput(`${A}.carriedOver.research`)).toHaveValue('9');
    expect(computedText(`${A}.newReceived.total`)).toBe('');
    expect(gridStatus()).toHaveTextContent('已撤销粘贴');
  });

  it('offers 撤销粘贴 on screen; typing after the paste makes Ctrl+Z the input’s own again', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.click(textbox('行政复议 结果维持'));
    await user.paste('1\t2\t3\t4');
    await user.type(textbox('行政复议 结果纠正'), '0');
    await user.keyboard('{Control>}z{/Control}');
    // Not the paste: that value stays (the browser's own undo is not modelled by happy-dom).
    expect(textbox('行政复议 结果维持')).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: '撤销粘贴' }));
    expect(textbox('行政复议 结果维持')).toHaveValue('');
    expect(textbox('行政复议 结果纠正')).toHaveValue('20');
    expect(gridStatus()).toHaveTextContent('1 格在那之后又改过');
    expect(screen.queryByRole('button', { name: '撤销粘贴' })).toBeNull();
  });

  it('lays a 7-column block copied with its 总计 onto the grid, dropping the pasted totals', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.paste('36\t16\t0\t0\t0\t0\t52\r\n0\t0\t0\t0\t0\t0\t0\r\n');
    expect(cellInput(`${A}.newReceived.naturalPerson`)).toHaveValue('36');
    expect(cellInput(`${A}.newReceived.otherOrg`)).toHaveValue('0');
    expect(computedText(`${A}.newReceived.total`)).toBe('52');
    expect(cellInput(`${A}.carriedOver.naturalPerson`)).toHaveValue('0');
    expect(gridStatus()).toHaveTextContent('2 个数落在自动计算的格上');
    expect(gridStatus()).not.toHaveTextContent('超出');
  });

  it('flags pasted totals that disagree with their parts', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.paste('36\t16\t0\t0\t0\t0\t50\r\n');
    expect(computedText(`${A}.newReceived.total`)).toBe('52');
    expect(gridStatus()).toHaveTextContent('其中 1 个与各项之和不一致');
  });

  it('maps a 12-column block of table 四 onto the inputs and a 15-column one onto every column', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.click(textbox('行政复议 结果维持'));
    await user.paste('1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12');
    expect(computed('行政复议 总计').textContent).toBe('10');
    expect(textbox('未经复议直接起诉 结果维持')).toHaveValue('5');
    expect(textbox('复议后起诉 尚未审结')).toHaveValue('12');
    await user.click(textbox('行政复议 结果维持'));
    await user.paste('1\t0\t0\t0\t1\t2\t0\t0\t0\t2\t0\t0\t3\t0\t3\r\n');
    expect(textbox('未经复议直接起诉 结果维持')).toHaveValue('2');
    expect(textbox('复议后起诉 其他结果')).toHaveValue('3');
    expect(computed('复议后起诉 总计').textContent).toBe('3');
  });

  it('recognises a 5-column 行政复议 block with its 总计 by its sum', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'reviewLitigation');
    await user.click(textbox('行政复议 结果维持'));
    await user.paste('1\t1\t0\t1\t3');
    expect(computed('行政复议 总计').textContent).toBe('3');
    expect(textbox('未经复议直接起诉 结果维持')).toHaveValue('');
    await user.click(textbox('行政复议 结果维持'));
    await user.paste('1\t1\t0\t1\t7');
    // 7 is not 1+1+0+1: read as the next input, 未经复议直接起诉 结果维持.
    expect(textbox('未经复议直接起诉 结果维持')).toHaveValue('7');
  });

  it('steps over the （七）总计 row when the block has one row fewer', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.otherHandling.other.naturalPerson`));
    await user.paste('1\r\n2\r\n');
    expect(cellInput(`${A}.otherHandling.other.naturalPerson`)).toHaveValue('1');
    expect(cellInput(`${A}.carriedForward.naturalPerson`)).toHaveValue('2');
  });

  it('ignores what falls outside the table, with a notice, and places unreadable values with their message', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.carriedForward.legalService`));
    await user.paste('1\tabc\t9\r\n2\t3\t4\r\n');
    expect(cellInput(`${A}.carriedForward.legalService`)).toHaveValue('1');
    expect(cellInput(`${A}.carriedForward.otherOrg`)).toHaveValue('abc');
    expect(cellInput(`${A}.carriedForward.otherOrg`)).toHaveAttribute('aria-invalid', 'true');
    const status = gridStatus();
    expect(status).toHaveTextContent('1 格内容不是有效数字');
    expect(status).toHaveTextContent('1 个数落在自动计算的格上');
    expect(status).toHaveTextContent('3 个数超出表格范围，未粘贴');
  });

  it('aligns a block copied with its headings and row labels by those labels, wherever the focus is; one undo', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    // Focus somewhere else entirely: the labels decide, not the position.
    await user.click(cellInput(`${A}.carriedForward.otherOrg`));
    await user.paste(
      [
        '\t\t\t自然人\t商业企业\t总计\t备注',
        '三、本年度办理结果\t（一）予以公开\t\t5\t1\t6\t',
        '\t（三）不予公开\t1.属于国家秘密\t2\t0\t2\t',
        '\t合计\t\t9\t9\t18\t核对',
      ].join('\r\n') + '\r\n',
    );
    expect(cellInput(`${A}.granted.naturalPerson`)).toHaveValue('5');
    expect(cellInput(`${A}.granted.commercial`)).toHaveValue('1');
    expect(cellInput(`${A}.denied.stateSecret.naturalPerson`)).toHaveValue('2');
    expect(computedText(`${A}.granted.total`)).toBe('6');
    expect(cellInput(`${A}.carriedForward.otherOrg`)).toHaveValue('');
    const status = gridStatus();
    expect(status).toHaveTextContent('已粘贴 4 格');
    expect(status).toHaveTextContent('前 1 行是表头，已按列名称对应');
    expect(status).toHaveTextContent('前 3 列是行名称，已按行名称对应');
    expect(status).toHaveTextContent('本表中没有的行未粘贴：“合计”');
    expect(status).toHaveTextContent('本表中没有的列未粘贴：“备注”');
    await user.click(screen.getByRole('button', { name: '撤销粘贴' }));
    expect(cellInput(`${A}.granted.naturalPerson`)).toHaveValue('');
    expect(cellInput(`${A}.denied.stateSecret.naturalPerson`)).toHaveValue('');
  });

  it('pastes by position from the focused cell when the labels name nothing in the table, and says so', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.paste('项目\t甲\t乙\r\n某事\t1\t2\r\n');
    expect(cellInput(`${A}.newReceived.naturalPerson`)).toHaveValue('1');
    expect(cellInput(`${A}.newReceived.commercial`)).toHaveValue('2');
    const status = gridStatus();
    expect(status).toHaveTextContent('前 1 行是表头，与本表的列名称对不上，已跳过，按位置从当前格起粘贴');
    expect(status).toHaveTextContent('前 1 列是行名称，与本表的行名称对不上，已跳过，按位置从当前格起粘贴');
  });

  it('leaves a single value to the browser’s own paste', async () => {
    const user = userEvent.setup();
    renderGrid(report2021, 'applications');
    await user.click(cellInput(`${A}.newReceived.naturalPerson`));
    await user.paste('1,234');
    expect(cellInput(`${A}.newReceived.naturalPerson`)).toHaveValue('1,234');
    expect(computedText(`${A}.newReceived.total`)).toBe('1234');
    expect(screen.queryByRole('button', { name: '撤销粘贴' })).toBeNull();
  });
});

describe('render cost', () => {
  it('re-renders no other cell while the clerk types in one (engineering guide §2a)', async () => {
    const user = userEvent.setup();
    const renders = new Map<string, number>();
    cellRenderProbe.current = (key) => renders.set(key, (renders.get(key) ?? 0) + 1);
    renderGrid(report2021, 'applications');
    const mounted = new Map(renders);
    expect(mounted.size).toBe(175);
    expect([...mounted.values()].every((count) => count === 1)).toBe(true);

    // Six keystrokes in two cells of one column.
    const keys = 6;
    await user.type(cellInput(`${A}.granted.commercial`), '123');
    await user.type(cellInput(`${A}.carriedForward.commercial`), '123');
    const extra = [...renders].filter(([key, count]) => count !== mounted.get(key));
    const inputsRerendered = extra.filter(([key]) => !key.endsWith('.total') && !key.startsWith(`${A}.resultTotal.`));
    // No input re-renders for its own typing (the text is the browser's), and none for its neighbours:
    // the half-filled column is 待填, which lights up no cell.
    expect(inputsRerendered.map(([key]) => key)).toEqual([]);
    const total = [...renders.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBeLessThanOrEqual(175 + 4 * keys);
  });

  it('re-renders nothing but the typed cell’s outputs in table 四', async () => {
    const user = userEvent.setup();
    const renders = new Map<string, number>();
    cellRenderProbe.current = (key) => renders.set(key, (renders.get(key) ?? 0) + 1);
    renderGrid(report2021, 'reviewLitigation');
    await user.type(textbox('行政复议 结果维持'), '123');
    const changed = [...renders].filter(([, count]) => count > 1).map(([key]) => key);
    expect(changed).toEqual(['reviewLitigation.review.total']);
    expect(renders.get('reviewLitigation.review.total')).toBeLessThanOrEqual(1 + 3);
  });
});
