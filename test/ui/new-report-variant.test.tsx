// @vitest-environment happy-dom
/**
 * 新建报告 and the local formats: the dialog offers 全国通用 and the variants of the year's format, only for
 * the years they serve, and refuses a variant that does not fit the year with a message at the field.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NewReportDialog, newReportSchema } from '../../src/features/home/new-report-dialog.tsx';

function renderDialog() {
  const onSubmit = vi.fn();
  render(<NewReportDialog defaultYear={2020} maxYear={2030} onCancel={() => undefined} onSubmit={onSubmit} />);
  return { onSubmit, dialog: screen.getByRole('dialog', { name: '新建年度报告' }) };
}

describe('新建报告: 地方格式', () => {
  it('2020 offers 全国通用 and 浙江省; 2023 offers none, and the field is not shown', async () => {
    const user = userEvent.setup();
    const { dialog } = renderDialog();
    const local = within(dialog).getByRole('combobox', { name: '地方格式' });
    expect(within(local).getAllByRole('option').map((option) => option.textContent)).toEqual(['全国通用', '浙江省']);
    const year = within(dialog).getByRole('textbox', { name: '报告年度' });
    await user.clear(year);
    await user.type(year, '2023');
    expect(within(dialog).queryByRole('combobox', { name: '地方格式' })).toBeNull();
  });

  it('creates with the chosen variant', async () => {
    const user = userEvent.setup();
    const { dialog, onSubmit } = renderDialog();
    await user.type(within(dialog).getByRole('textbox', { name: '机关全称' }), '宁波市镇海区人民政府');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: '地方格式' }), '浙江省');
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ agencyName: '宁波市镇海区人民政府', year: 2020, variant: 'zhejiang' });
  });

  it('a variant outside its years is refused with the years it serves', () => {
    const result = newReportSchema(2030).safeParse({ agencyName: '某某局', year: '2021', variant: 'zhejiang' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['variant'], message: '浙江省格式只适用于 2019–2020 年度的报告，请改选“全国通用”或改正年度' }),
    ]);
    expect(newReportSchema(2030).safeParse({ agencyName: '某某局', year: '2021', variant: '' }).success).toBe(true);
  });
});
