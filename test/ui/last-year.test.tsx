// @vitest-environment happy-dom
/**
 * Last year's report beside this year's: found in this browser or attached as a file (kept beside the
 * draft across a reload), the carry-over of 上年结转 column by column, warnings when the attached report
 * is not this agency's report of the year before, and on the check page the cross-year findings, the
 * rules skipped across the 2019 → 2021 format change and the swings of more than five times.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templates } from '../../templates/index.ts';
import { crossYearSummary, swingWarnings } from '../../src/domain/cross-year.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { skippedCrossYearRules } from '../../src/domain/rules.ts';
import { flattenTables } from '../../src/domain/values.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { district2021Draft, office2022Draft } from './last-year-helpers.ts';
import { district2020Draft, office2023Draft } from './ui-fixtures.ts';

afterEach(() => vi.restoreAllMocks());

const cell = (draft: Draft | undefined, key: string) => (draft ? flattenTables(templates[draft.template], draft.tables)[key] : undefined);

async function attach(user: ReturnType<typeof userEvent.setup>, draft: Draft, name: string) {
  const input = screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）');
  await user.upload(input, new File([serializeDraft(draft)], name, { type: 'application/json' }));
}

describe('上年报告 on 基本信息', () => {
  it('uses the same agency’s draft of the year before, and carries 上年结转 over column by column', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, office2022Draft());
    const record = await storeDraft(repository, office2023Draft());
    expect(crossYearSummary(office2023Draft(), office2022Draft()).findings.map((finding) => finding.rule)).toEqual(['C1', 'C1', 'C1']);
    await openDraftAt(repository, record.id, 'basics', '基本信息');

    const panel = await screen.findByRole('region', { name: '上年报告' });
    expect(panel).toHaveTextContent('当前上年报告：“宁波市镇海区人民政府办公室”2022年度报告（2021年版格式），本浏览器中同一机关上一年度的草稿（自动选用）');
    const table = within(panel).getByRole('table', { name: /上年结转/ });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toBe('自然人20采用');
    expect(rows[1]).toBe('商业企业10采用');
    expect(rows.at(-1)).toBe('总计30自动计算');
    // Each column as table 三 heads it: 其他, not the check messages' short 其他组织.
    expect(within(table).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);

    await user.click(within(panel).getByRole('button', { name: '采用上年数：自然人' }));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('自然人22一致'));
    expect(panel).toHaveTextContent('已采用上年数：自然人 2');
    await user.click(within(panel).getByRole('button', { name: '全部采用' }));
    await waitFor(() => expect(within(table).getAllByRole('row')[2]).toHaveTextContent('商业企业11一致'));
    expect(within(panel).getByRole('button', { name: '全部采用' })).toBeDisabled();

    await waitFor(async () => expect(cell((await repository.get(record.id))?.draft, 'applications.carriedOver.commercial')).toBe(1), { timeout: 3000 });
    const saved = (await repository.get(record.id))!.draft;
    expect(cell(saved, 'applications.carriedOver.naturalPerson')).toBe(2);
    expect(cell(saved, 'applications.carriedOver.total')).toBe(3);

    // C1 is satisfied now; the check page says so.
    await user.click(screen.getAllByRole('link', { name: /检查与生成/ })[0]!);
    const notices = await screen.findByRole('region', { name: '与上年报告比较' });
    expect(notices).toHaveTextContent('跨年检查（上年结转、跨年数字衔接）未发现问题。');
    // And the grid offers last year's numbers beside each cell.
    await user.click(screen.getByRole('link', { name: /^三、收到和处理/ }));
    await user.click(await screen.findByRole('checkbox', { name: '显示上年数' }));
    expect(screen.getByRole('textbox', { name: '四、结转下年度继续办理 自然人' }).closest('td')).toHaveTextContent('上年 2');
  });

  it('attaches a file, keeps it beside the draft across a reload, and warns when it is not last year’s report', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    const first = await openDraftAt(repository, record.id, 'basics', '基本信息');
    const panel = await screen.findByRole('region', { name: '上年报告' });
    expect(panel).toHaveTextContent('当前没有上年报告。');

    await attach(user, { ...office2022Draft(), year: 2021 }, '2021年报告.json');
    expect(await within(panel).findByText(/上年报告应为 2022 年度的报告，所附报告是 2021 年度的/)).toBeInTheDocument();
    await attach(user, { ...office2022Draft(), agency: { ...office2022Draft().agency, name: '宁波市镇海区教育局' } }, '教育局.json');
    expect(await within(panel).findByText(/所附上年报告的机关是“宁波市镇海区教育局”/)).toBeInTheDocument();
    await attach(user, office2022Draft(), '2022年报告.json');
    await waitFor(() => expect(panel).toHaveTextContent('来自文件“2022年报告.json”'));
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
    expect(await repository.getLastYear(record.id)).toMatchObject({ kind: 'file', fileName: '2022年报告.json', draft: { year: 2022 } });
    // Not part of the report: the draft itself is unchanged by attaching.
    expect((await repository.get(record.id))!.draft).not.toHaveProperty('lastYear');

    first.unmount();
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const again = await screen.findByRole('region', { name: '上年报告' });
    expect(again).toHaveTextContent('来自文件“2022年报告.json”');

    await user.click(within(again).getByRole('button', { name: '不使用上年报告' }));
    await waitFor(() => expect(again).toHaveTextContent('已选择不使用上年报告。'));
    expect(await repository.getLastYear(record.id)).toMatchObject({ kind: 'none' });
    await user.click(within(again).getByRole('button', { name: '恢复自动选用' }));
    await waitFor(() => expect(again).toHaveTextContent('当前没有上年报告。'));
    expect(await repository.getLastYear(record.id)).toBeUndefined();
  });

  it('a file that is not a report is refused with the reason, and nothing changes', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const panel = await screen.findByRole('region', { name: '上年报告' });
    await user.upload(screen.getByLabelText('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）'), new File(['{"hello": 1'], '坏文件.json', { type: 'application/json' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('文件“坏文件.json”不能作为上年报告使用');
    expect(await repository.getLastYear(record.id)).toBeUndefined();
  });

  it('picks another draft stored in this browser', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const renamed = { ...office2022Draft(), agency: { ...office2022Draft().agency, name: '宁波市镇海区政府办公室（旧称）' } };
    const other = await storeDraft(repository, renamed);
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const panel = await screen.findByRole('region', { name: '上年报告' });
    const select = await within(panel).findByLabelText('或选用本浏览器中的草稿');
    await user.selectOptions(select, other.id);
    await user.click(within(panel).getByRole('button', { name: '选用' }));
    await waitFor(() => expect(panel).toHaveTextContent('“宁波市镇海区政府办公室（旧称）”2022年度报告（2021年版格式），本浏览器中的草稿'));
    expect(within(panel).getByRole('alert')).toHaveTextContent('机关更名的可忽略本提示');
    expect(await repository.getLastYear(record.id)).toMatchObject({ kind: 'stored', draftId: other.id });
  });
});

describe('与上年报告比较 on the check page', () => {
  it('2020 (2019 format) → 2021: says which cross-year rules were skipped and why, and lists the swings', async () => {
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, district2020Draft());
    const current = district2021Draft();
    const record = await storeDraft(repository, current);
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    const notices = await screen.findByRole('region', { name: '与上年报告比较' });
    expect(notices).toHaveTextContent('上年报告：“宁波市镇海区人民政府”2020年度报告（2019年版格式（试行））');

    const skipped = skippedCrossYearRules(templates['2021'], templates['2019']);
    expect(skipped.length).toBeGreaterThan(0);
    const note = within(notices).getByRole('note', { name: '未进行的跨年检查' });
    expect(note).toHaveTextContent('本年报告使用2021年版格式，上年报告使用2019年版格式（试行）。格式变化后以下跨年检查不能进行，已跳过');
    for (const item of skipped) expect(note).toHaveTextContent(`${item.rule} ${item.reason}`);

    const swings = swingWarnings(current, district2020Draft());
    expect(swings.length).toBeGreaterThan(0);
    const swingList = within(notices).getByRole('region', { name: '主要数字的大幅变化' });
    for (const swing of swings) expect(swingList).toHaveTextContent(swing.message);
  });

  it('2022 → 2023 in the same format: nothing skipped; without last year the page says how to attach one', async () => {
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    const first = await openDraftAt(repository, record.id, 'check', '检查与生成');
    expect(await screen.findByRole('region', { name: '与上年报告比较' })).toHaveTextContent('没有上年报告，未做跨年比较');
    expect(screen.getByRole('link', { name: '在“基本信息”中附上上年报告' })).toBeInTheDocument();
    first.unmount();

    await storeDraft(repository, office2022Draft());
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    const notices = await screen.findByRole('region', { name: '与上年报告比较' });
    expect(within(notices).queryByRole('note', { name: '未进行的跨年检查' })).not.toBeInTheDocument();
    expect(notices).toHaveTextContent('跨年检查发现 3 个问题');
    expect(notices).toHaveTextContent('主要数字与上年相比没有超过 5 倍的变化。');
  });
});
