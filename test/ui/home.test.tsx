// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { report2019 } from '../../templates/report-2019.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { office2023Draft } from './ui-fixtures.ts';
import { renderApp, storeDraft, waitForHash } from './app-harness.tsx';
import { partText, setPartText } from '../helpers/narrative.ts';

async function startNewReport(user: ReturnType<typeof userEvent.setup>, agency: string, year: string) {
  await user.click(await screen.findByRole('button', { name: '新建报告' }));
  const dialog = await screen.findByRole('dialog', { name: '新建年度报告' });
  await user.type(within(dialog).getByLabelText('机关全称'), agency);
  const yearInput = within(dialog).getByLabelText('报告年度');
  await user.clear(yearInput);
  await user.type(yearInput, year);
  return dialog;
}

describe('home: new report', () => {
  it('says which format the year picks and creates the draft in it (2020 → 2019 format)', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    const dialog = await startNewReport(user, '某某市某某区人民政府办公室', '2020');
    expect(dialog).toHaveTextContent(`2020年度报告将使用2019年版格式（试行）（${report2019.notice}）`);
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    await waitForHash(/^#\/draft\/[^/]+/);
    const [record] = await repository.list();
    expect(record?.draft.template).toBe('2019');
    expect(record?.draft.year).toBe(2020);
    expect(record?.draft.agency.name).toBe('某某市某某区人民政府办公室');
    expect(await screen.findByRole('heading', { level: 1, name: '基本信息' })).toBeInTheDocument();
  });

  it('uses the 2021 format from the 2021 report on, and accepts full-width digits from an IME', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    const dialog = await startNewReport(user, '某某县教育局', '２０２５');
    expect(dialog).toHaveTextContent(`2025年度报告将使用2021年版格式（${report2021.notice}）`);
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    await waitForHash(/^#\/draft\//);
    const [record] = await repository.list();
    expect([record?.draft.template, record?.draft.year]).toEqual(['2021', 2025]);
  });

  it('refuses a year before the first format and an empty agency name, in Chinese', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await user.click(await screen.findByRole('button', { name: '新建报告' }));
    const dialog = await screen.findByRole('dialog', { name: '新建年度报告' });
    const yearInput = within(dialog).getByLabelText('报告年度');
    await user.clear(yearInput);
    await user.type(yearInput, '2018');
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    expect(await within(dialog).findByText('请填写机关全称')).toBeInTheDocument();
    expect(within(dialog).getByText('本工具支持 2019 年度及以后的报告')).toBeInTheDocument();
    expect(await repository.list()).toHaveLength(0);
  });

  it('offers to open the existing draft instead of a second one for the same agency and year', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const existing = await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
    renderApp({ repository });
    const dialog = await startNewReport(user, ' 某某县教育局 ', '2025');
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    const duplicate = await screen.findByRole('dialog', { name: '该报告已经存在' });
    expect(duplicate).toHaveTextContent('每个机关每个年度只保留一份草稿');
    await user.click(within(duplicate).getByRole('button', { name: '打开已有草稿' }));
    await waitForHash(new RegExp(`^#/draft/${existing.id}`));
    expect(await repository.list()).toHaveLength(1);
  });

  it('takes over address, postcode, phone and website from the agency’s report of last year in this browser', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const last = emptyDraft(report2021, 2024, '某某县教育局');
    last.agency = { ...last.agency, address: '某某县人民路 8 号', postcode: '315200', phone: '0574-86661234', website: 'www.example.gov.cn' };
    await storeDraft(repository, last);
    const other = emptyDraft(report2021, 2024, '某某县卫生健康局');
    other.agency = { ...other.agency, address: '别的机关的地址', phone: '0574-00000000' };
    await storeDraft(repository, other);
    renderApp({ repository });
    const dialog = await startNewReport(user, '某某县教育局 ', '2025');
    await user.click(within(dialog).getByRole('button', { name: '创建报告' }));
    await waitForHash(/^#\/draft\//);
    const created = (await repository.list()).find((record) => record.draft.year === 2025)!;
    expect(created.draft.agency).toEqual({
      name: '某某县教育局',
      address: '某某县人民路 8 号',
      postcode: '315200',
      phone: '0574-86661234',
      website: 'www.example.gov.cn',
    });
    // On 基本信息 the clerk sees them filled in, ready to correct.
    expect(await screen.findByDisplayValue('某某县人民路 8 号')).toBeInTheDocument();
  });
});

describe('home: the list', () => {
  it('lists each draft with format, errors and warnings, and the deadline', async () => {
    const repository = new MemoryDraftRepository();
    const broken = office2023Draft();
    (broken.tables.applications as { newReceived: { naturalPerson: number } }).newReceived.naturalPerson += 5;
    await storeDraft(repository, broken);
    renderApp({ repository });
    const row = (await screen.findByRole('rowheader', { name: '宁波市镇海区人民政府办公室' })).closest('tr')!;
    expect(row).toHaveTextContent('2023年度');
    expect(row).toHaveTextContent('2021年版格式');
    expect(row).toHaveTextContent(/[1-9]\d* 个错误/);
    expect(row).toHaveTextContent('2024年1月31日');
    expect(screen.getByRole('heading', { name: '报送和公开期限' }).parentElement).toHaveTextContent('2025年度报告：2026年1月31日前（还有 21 天）');
  });

  it('asks before deleting, and deletes nothing when cancelled', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
    renderApp({ repository });
    await user.click(await screen.findByRole('button', { name: '删除 某某县教育局 2025年度报告' }));
    let confirm = await screen.findByRole('alertdialog', { name: '删除草稿？' });
    expect(confirm).toHaveTextContent('删除后无法恢复');
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(await repository.list()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '删除 某某县教育局 2025年度报告' }));
    confirm = await screen.findByRole('alertdialog', { name: '删除草稿？' });
    await user.click(within(confirm).getByRole('button', { name: '确认删除' }));
    await waitFor(async () => expect(await repository.list()).toHaveLength(0));
    expect(await screen.findByText('此浏览器中还没有报告草稿。')).toBeInTheDocument();
  });
});

describe('home: open a draft file', () => {
  const fileOf = (text: string, name: string) => new File([text], name, { type: 'application/json' });

  it('shows the problems of a bad file in Chinese and stores nothing', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await screen.findByRole('button', { name: '打开草稿文件' });
    await user.upload(screen.getByLabelText('选择草稿文件（.json 或本工具生成的 .docx）'), fileOf('{"formatVersion": 1, "template": "2030"}', '坏文件.json'));
    const dialog = await screen.findByRole('dialog', { name: '无法打开这个文件' });
    expect(dialog).toHaveTextContent('坏文件.json');
    expect(within(dialog).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(await repository.list()).toHaveLength(0);
  });

  it('opens a good file as a new draft', async () => {
    const user = userEvent.setup();
    const { repository } = renderApp();
    await screen.findByRole('button', { name: '打开草稿文件' });
    await user.upload(screen.getByLabelText('选择草稿文件（.json 或本工具生成的 .docx）'), fileOf(serializeDraft(office2023Draft()), 'a.draft.json'));
    await waitForHash(/^#\/draft\//);
    const [record] = await repository.list();
    expect(record?.draft.agency.name).toBe('宁波市镇海区人民政府办公室');
  });

  it('for a file of an agency and year already here: open the existing one, or replace it only after confirming', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const mine = office2023Draft();
    setPartText(mine, 'problems', 'problems', '本机关自己的文字');
    const existing = await storeDraft(repository, mine);
    renderApp({ repository });
    await screen.findByRole('button', { name: '打开草稿文件' });
    const upload = () => user.upload(screen.getByLabelText('选择草稿文件（.json 或本工具生成的 .docx）'), fileOf(serializeDraft(office2023Draft()), 'b.draft.json'));

    await upload();
    let dialog = await screen.findByRole('dialog', { name: '已有同一机关、同一年度的草稿' });
    await user.click(within(dialog).getByRole('button', { name: '用文件内容替换已有草稿…' }));
    const confirm = await screen.findByRole('alertdialog', { name: '确认替换已有草稿？' });
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(partText((await repository.get(existing.id))?.draft, 'problems', 'problems')).toBe('本机关自己的文字');

    await upload();
    dialog = await screen.findByRole('dialog', { name: '已有同一机关、同一年度的草稿' });
    await user.click(within(dialog).getByRole('button', { name: '用文件内容替换已有草稿…' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: '确认替换已有草稿？' })).getByRole('button', { name: '确认替换' }));
    await waitForHash(new RegExp(`^#/draft/${existing.id}`));
    const replaced = await repository.get(existing.id);
    expect(partText(replaced?.draft, 'problems', 'problems')).toBe(partText(office2023Draft(), 'problems', 'problems'));
    expect(await repository.list()).toHaveLength(1);
  });
});
