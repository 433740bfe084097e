// @vitest-environment happy-dom
/**
 * The grid of a variant's list table (Zhejiang: 统计指标 / 单位 / 统计数): units beside the labels, ——
 * rows without an input, sub-items indented; arrow keys step over the —— rows; a column copied from a
 * spreadsheet lands row for row whether or not it carries the blank lines of the —— rows.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { templateForYear, variantById } from '../../templates/index.ts';
import { cellAccessibleName, NO_FIGURE_MARK } from '../../src/domain/table-layout.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { applyVariant } from '../../src/domain/variant.ts';
import { gridStatus, renderGrid } from './table-grid-harness.tsx';

const template = applyVariant(templateForYear(2020), variantById('zhejiang')!);
const cells = indexTemplate(template).cellsByTable.get('proactiveOverview')!;
const input = (rowKey: string) => screen.getByRole('textbox', { name: cellAccessibleName(cells.find((cell) => cell.rowKey === rowKey)!) });
/** Seed 000's column 统计数, top to bottom, as the report prints it (blank on the —— rows). */
const COLUMN = ['23974', '', '75', '7997', '7182', '10038', '1993', '4', '', '13', '10', '2', '2', '154', '1125', '6100'];

describe('a variant’s list table in the grid', () => {
  it('shows units, —— rows without input, and indented sub-items', () => {
    renderGrid(template, 'proactiveOverview');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('textbox')).toHaveLength(14);
    const units = [...table.querySelectorAll('td.tg-unit')].map((cell) => cell.textContent);
    expect(units).toEqual(['条', NO_FIGURE_MARK, '条', '条', '条', '条', '条', '次', NO_FIGURE_MARK, '次', '次', '次', '次', '篇', '次', '次']);
    expect(table.querySelectorAll('td.tg-noFigure')).toHaveLength(2);
    const subItem = within(table).getByRole('rowheader', { name: '其中：主要负责同志参加新闻发布会次数' });
    expect(subItem.style.paddingLeft).toBe('4.5em');
    expect(within(table).getByRole('rowheader', { name: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）' }).style.paddingLeft).toBe('');
  });

  it('arrow down from （一） steps over the —— row', async () => {
    const user = userEvent.setup();
    renderGrid(template, 'proactiveOverview');
    await user.click(input('published'));
    await user.keyboard('{ArrowDown}');
    expect(input('gazette')).toHaveFocus();
  });

  it('a column pasted with the blank lines of the —— rows lands row for row', async () => {
    const user = userEvent.setup();
    renderGrid(template, 'proactiveOverview');
    await user.click(input('published'));
    await user.paste(`${COLUMN.join('\r\n')}\r\n`);
    expect(input('published')).toHaveValue('23974');
    expect(input('gazette')).toHaveValue('75');
    expect(input('hotspotResponses')).toHaveValue('4');
    expect(input('pressConferences')).toHaveValue('13');
    expect(input('otherResponses')).toHaveValue('6100');
    expect(gridStatus()).toHaveTextContent('已粘贴 14 格');
  });

  it('the 14 numbers alone fill the 14 inputs', async () => {
    const user = userEvent.setup();
    renderGrid(template, 'proactiveOverview');
    await user.click(input('published'));
    await user.paste(COLUMN.filter((text) => text !== '').join('\n'));
    expect(input('gazette')).toHaveValue('75');
    expect(input('pressConferencesByLeaders')).toHaveValue('10');
    expect(input('otherResponses')).toHaveValue('6100');
    expect(gridStatus()).toHaveTextContent('已粘贴 14 格');
  });
});
