// @vitest-environment happy-dom
/**
 * 汇总下级单位报告: from the home screen, the office chooses its units' reports (two drafts and a
 * published page at once), sees each unit with its year, how it was read and its check, removes the one
 * that does not belong, and makes the government's draft with the tables and 信息处理费 summed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { renderApp, waitForHash } from './app-harness.tsx';

// Read by path from the project folder: under happy-dom, import.meta.url is not a file URL.
const page = () => new File([readFileSync(resolve('test/fixtures/import/zhenhai-office-2023.html'))], 'zhenhai-office-2023.html', { type: 'text/html' });

/** A unit's draft file: the 2023 office report (sample 003, it balances) under another agency's name. */
type DraftJson = {
  agency: { name: string };
  year: number;
  tables: Record<string, Record<string, unknown>>;
  fees: { noticesIssued: number | null; noticesAmount: number | null; collectedAmount: number | null };
};
function draftFile(agency: string, change?: (draft: DraftJson) => void): File {
  const draft = JSON.parse(readFileSync(resolve('test/fixtures/zhenhai-office-2023.draft.json'), 'utf8')) as DraftJson;
  draft.agency.name = agency;
  change?.(draft);
  return new File([JSON.stringify(draft)], `${agency}.draft.json`, { type: 'application/json' });
}

async function openRollup(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '汇总下级单位报告' }));
  await waitForHash(/^#\/rollup$/);
  return screen.findByRole('heading', { name: '汇总下级单位报告' });
}

const fileInput = () => screen.getByLabelText('选择下级单位的报告（草稿文件、Word 文件或保存的网页，可多选）');

/**
 * Two units chosen, the second named as the government itself; the roll-up dialog open with that name
 * typed as 本级机关全称.
 */
async function governmentAmongUnits(user: ReturnType<typeof userEvent.setup>) {
  const { repository } = renderApp();
  await openRollup(user);
  await user.upload(fileInput(), [draftFile('镇海区发改局'), draftFile('宁波市镇海区人民政府')]);
  const table = await screen.findByRole('table', { name: '下级单位的报告' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
  await user.click(screen.getByRole('button', { name: '生成汇总草稿' }));
  const dialog = await screen.findByRole('dialog', { name: '生成汇总草稿' });
  await user.type(within(dialog).getByLabelText('本级机关全称'), '宁波市镇海区人民政府');
  return { repository, table, dialog };
}

describe('roll-up of units’ reports', () => {
  it('sums two drafts and a published page into a new draft of the government, and opens it', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await openRollup(user);
    await user.upload(fileInput(), [draftFile('镇海区发改局'), draftFile('招宝山街道办事处'), page()]);
    const table = await screen.findByRole('table', { name: '下级单位的报告' }, { timeout: 15_000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4), { timeout: 15_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('镇海区发改局');
    expect(rows[0]).toHaveTextContent('2023');
    expect(rows[0]).toHaveTextContent('草稿文件');
    expect(rows[0]).toHaveTextContent('检查无错误');
    expect(rows[2]).toHaveTextContent('宁波市镇海区人民政府办公室');
    expect(rows[2]).toHaveTextContent('已发布的网页（导入）');

    await user.click(screen.getByRole('button', { name: '生成汇总草稿' }));
    const dialog = await screen.findByRole('dialog', { name: '生成汇总草稿' });
    expect(dialog).toHaveTextContent('将新建 2023 年度报告的草稿（2021年版格式），表格为以下 3 个单位报告的合计');
    // Every unit gave its fee figures (the page states 未发出……也未收取): nothing said of blank fees.
    expect(dialog).not.toHaveTextContent('信息处理费');
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['镇海区发改局', '招宝山街道办事处', '宁波市镇海区人民政府办公室']);
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写本级机关的全称');
    await user.type(within(dialog).getByLabelText('本级机关全称'), '宁波市镇海区人民政府');
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);

    const [record] = await repository.list();
    expect([record?.draft.agency.name, record?.draft.year, record?.draft.template]).toEqual(['宁波市镇海区人民政府', 2023, '2021']);
    const values = flattenTables(templateOf(record!.draft), record!.draft.tables);
    // Published: 自然人 36, 本年新收 合计 52 — three times.
    expect(values['applications.newReceived.naturalPerson']).toBe(108);
    expect(values['applications.newReceived.total']).toBe(156);
  });

  it('shows a unit chosen twice and a unit whose numbers do not add up at their rows, and goes ahead once the duplicate is removed', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await openRollup(user);
    const broken = draftFile('乙局', (draft) => {
      (draft.tables.applications!.newReceived as Record<string, number>).total = 60;
    });
    await user.upload(fileInput(), [draftFile('甲局'), broken, draftFile('甲局')]);
    const table = await screen.findByRole('table', { name: '下级单位的报告' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('“甲局”的报告选了 2 次（第 1、3 份）');
    expect(rows[2]).toHaveTextContent('“甲局”的报告选了 2 次');
    expect(rows[1]).toHaveTextContent(/“乙局”的报告自身检查有 [1-9]\d* 处错误/);
    expect(screen.getByRole('button', { name: '生成汇总草稿' })).toBeDisabled();

    await user.click(within(rows[2]!).getByRole('button', { name: '移除 甲局' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(table).not.toHaveTextContent('选了 2 次');
    await user.click(screen.getByRole('button', { name: '生成汇总草稿' }));
    const dialog = await screen.findByRole('dialog', { name: '生成汇总草稿' });
    expect(dialog).toHaveTextContent(/乙局（自身检查有 [1-9]\d* 处错误）/);
    await user.type(within(dialog).getByLabelText('本级机关全称'), '某县人民政府');
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    expect((await repository.list()).map((record) => record.draft.agency.name)).toEqual(['某县人民政府']);
  });

  it('refuses reports of different years, saying which, and names a file it cannot read at its row', async () => {
    const user = userEvent.setup();
    renderApp();
    await openRollup(user);
    const later = draftFile('乙局', (draft) => {
      draft.year = 2024;
    });
    await user.upload(fileInput(), [draftFile('甲局'), later, new File(['随手记的笔记'], 'notes.json')]);
    const table = await screen.findByRole('table', { name: '下级单位的报告' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).join('\n')).toContain('不是同一年度的，不能汇总在一起（2023 年度：甲局；2024 年度：乙局）');
    expect(within(table).getAllByRole('row')[3]).toHaveTextContent('没有计入');
    expect(within(table).getAllByRole('row')[3]).toHaveTextContent('notes.json');
    expect(screen.getByRole('button', { name: '生成汇总草稿' })).toBeDisabled();
  });

  it('marks a unit named as the government itself, does not sum it, and sums it once the office confirms', async () => {
    const user = userEvent.setup();
    const { repository, table, dialog } = await governmentAmongUnits(user);

    // Marked in the list of the dialog and at its row of the page, and not counted among the units summed.
    expect(dialog).toHaveTextContent('表格为以下 1 个单位报告的合计（标明“确认前不计入”的 1 个除外），正文留空');
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['镇海区发改局', '宁波市镇海区人民政府（与本级机关同名，确认前不计入）']);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('与本级机关同名：可能是本级政府自己的报告，确认前不计入汇总');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('“宁波市镇海区人民政府”与本级机关同名，多半是本级政府自己的报告误选进来了；计入会使本级的数字重复。');

    // Not made unconfirmed: the dialog says why and stays.
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    expect(within(dialog).getByText('“宁波市镇海区人民政府”与本级机关同名，还没有汇总：请取消后在列表中移除它，或勾选上面的确认。')).toBeInTheDocument();
    expect(await repository.list()).toEqual([]);

    await user.click(within(dialog).getByRole('checkbox', { name: '“宁波市镇海区人民政府”是下级单位的报告，计入汇总' }));
    expect(within(dialog).getAllByRole('listitem')[1]).toHaveTextContent('（与本级机关同名，已确认计入）');
    expect(dialog).toHaveTextContent('表格为以下 2 个单位报告的合计，正文留空');
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    // Published 本年新收 合计 52, from both units.
    expect(flattenTables(templateOf(record!.draft), record!.draft.tables)['applications.newReceived.total']).toBe(104);
  });

  it('goes ahead without the unit named as the government once the clerk removes it', async () => {
    const user = userEvent.setup();
    const opened = await governmentAmongUnits(user);
    const { repository, table } = opened;
    let { dialog } = opened;
    await user.click(within(dialog).getByRole('button', { name: '取消' }));

    // The mark stays at the row after the dialog is closed; removing the unit clears it.
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('与本级机关同名');
    await user.click(within(table).getByRole('button', { name: '移除 宁波市镇海区人民政府' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: '生成汇总草稿' }));
    dialog = await screen.findByRole('dialog', { name: '生成汇总草稿' });
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    expect(record?.draft.agency.name).toBe('宁波市镇海区人民政府');
    // Published 本年新收 合计 52, from the one unit left.
    expect(flattenTables(templateOf(record!.draft), record!.draft.tables)['applications.newReceived.total']).toBe(52);
  });

  it('names at its row a unit that left its 信息处理费 blank, and sums the fees of the units that gave them', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await openRollup(user);
    const charged = draftFile('甲局', (draft) => {
      draft.fees = { noticesIssued: 2, noticesAmount: 35.5, collectedAmount: 35.5 };
    });
    const blank = draftFile('乙局', (draft) => {
      draft.fees = { noticesIssued: null, noticesAmount: null, collectedAmount: null };
    });
    await user.upload(fileInput(), [charged, blank]);
    const table = await screen.findByRole('table', { name: '下级单位的报告' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).not.toHaveTextContent('信息处理费');
    expect(rows[1]).toHaveTextContent(
      '“乙局”的报告没有填写信息处理费“本年发出收费通知件数（件）”“收费通知金额合计（元）”“实际收取信息处理费（元）”，汇总中这几项只是其他单位所填数字之和，请与该单位核实后补填。',
    );

    await user.click(screen.getByRole('button', { name: '生成汇总草稿' }));
    const dialog = await screen.findByRole('dialog', { name: '生成汇总草稿' });
    // The confirmation repeats it before anything is made: the unit marked in the list, and the row's words.
    const [units] = within(dialog).getAllByRole('list');
    expect(within(units!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['甲局', '乙局（没有填写信息处理费）']);
    expect(dialog).toHaveTextContent('“乙局”的报告有信息处理费的数字没有填写，汇总的信息处理费只计入填写了的单位：');
    expect(dialog).toHaveTextContent(
      '“乙局”的报告没有填写信息处理费“本年发出收费通知件数（件）”“收费通知金额合计（元）”“实际收取信息处理费（元）”，汇总中这几项只是其他单位所填数字之和，请与该单位核实后补填。',
    );
    await user.type(within(dialog).getByLabelText('本级机关全称'), '某县人民政府');
    await user.click(within(dialog).getByRole('button', { name: '生成并打开' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    expect(record?.draft.fees).toEqual({ noticesIssued: 2, noticesAmount: 35.5, collectedAmount: 35.5 });
  });
});
