// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { defaultPreamble } from '../../src/domain/preamble.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';

async function openEmpty(step: string, heading: string) {
  const repository = new MemoryDraftRepository();
  const record = await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
  await openDraftAt(repository, record.id, step, heading);
  return { repository, id: record.id };
}

const OVERVIEW_IDS = ['proactive', 'onRequest', 'management', 'platforms', 'oversight'];

const savedDraft = async (repository: MemoryDraftRepository, id: string) => (await repository.get(id))!.draft;

describe('一、总体情况', () => {
  it('shows the five sub-topics with their guidance and counts characters as the clerk types', async () => {
    const user = userEvent.setup();
    await openEmpty('overview', '一、总体情况');
    const overview = report2021.sections.find((section) => section.id === 'overview')!;
    if (overview.kind !== 'narrative') throw new Error('overview is narrative');
    overview.parts.forEach((part, index) => {
      const box = screen.getByRole('textbox', { name: `（${'一二三四五'[index]}）${part.title}` });
      expect(box).toHaveAccessibleDescription(expect.stringContaining(part.guidance));
    });
    const box = screen.getByRole('textbox', { name: '（一）主动公开' });
    await user.type(box, '本年主动公开 信息319条');
    expect(box).toHaveAccessibleDescription(expect.stringContaining('12 字'));
  });

  it('adds a sixth sub-topic and removes a filled one only after confirming', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    await user.click(screen.getByRole('button', { name: '增加小标题' }));
    const title = screen.getByRole('textbox', { name: '小标题 （六）' });
    expect(title).toHaveFocus();
    await user.type(title, '政务新媒体管理');
    await user.type(screen.getByRole('textbox', { name: '（六）政务新媒体管理' }), '严格落实政务新媒体监管要求。');
    await waitFor(async () =>
      expect((await savedDraft(repository, id)).narrative.overview?.parts.at(-1)).toEqual({ id: 'p1', topic: null, title: '政务新媒体管理', text: '严格落实政务新媒体监管要求。' }),
    );

    await user.click(screen.getByRole('button', { name: '删除“政务新媒体管理”' }));
    const confirm = screen.getByRole('alertdialog', { name: '删除这一部分？' });
    expect(confirm).toHaveTextContent('“政务新媒体管理”及其内容将被删除。');
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(screen.getByRole('textbox', { name: '小标题 （六）' })).toHaveValue('政务新媒体管理');
    await user.click(screen.getByRole('button', { name: '删除“政务新媒体管理”' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '删除这一部分？' })).getByRole('button', { name: '确认删除' }));
    expect(screen.queryByRole('textbox', { name: '小标题 （六）' })).not.toBeInTheDocument();
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts.map((part) => part.id)).toEqual(OVERVIEW_IDS));
  });

  it('retitles an official part, keeping its topic, and shows the official title it stands for', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    const title = screen.getByRole('textbox', { name: '小标题 （一）' });
    expect(title).toHaveValue('主动公开');
    await user.clear(title);
    await user.type(title, '“专班化”加强组织领导');
    const box = screen.getByRole('textbox', { name: '（一）“专班化”加强组织领导' });
    expect(box).toHaveAccessibleDescription(expect.stringContaining('对应规定的“主动公开”。'));
    await user.type(box, '成立工作专班。');
    await waitFor(async () =>
      expect((await savedDraft(repository, id)).narrative.overview?.parts[0]).toEqual({ id: 'proactive', topic: 'proactive', title: '“专班化”加强组织领导', text: '成立工作专班。' }),
    );
  });

  it('moves a part down and up again by keyboard, keeping the focus on the moved part’s button and saying where it went', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    await user.type(screen.getByRole('textbox', { name: '（一）主动公开' }), '主动公开的内容。');
    const down = screen.getByRole('button', { name: '下移“主动公开”' });
    expect(screen.getByRole('button', { name: '上移“主动公开”' })).toBeDisabled();
    down.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: '下移“主动公开”' })).toHaveFocus());
    expect(screen.getByText('已将“主动公开”移到第 2 位。')).toHaveAttribute('role', 'status');
    // Numbered by position: the moved part is now （二）, and keeps its text.
    expect(screen.getByRole('textbox', { name: '（二）主动公开' })).toHaveValue('主动公开的内容。');
    expect(screen.getByRole('textbox', { name: '（一）依申请公开' })).toHaveValue('');
    await waitFor(async () =>
      expect((await savedDraft(repository, id)).narrative.overview?.parts.map((part) => part.id)).toEqual(['onRequest', 'proactive', 'management', 'platforms', 'oversight']),
    );
    await user.click(screen.getByRole('button', { name: '上移“主动公开”' }));
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts.map((part) => part.id)).toEqual(OVERVIEW_IDS));
    // At the top the 上移 button is disabled, so the focus goes to 下移 of the same part.
    await waitFor(() => expect(screen.getByRole('button', { name: '下移“主动公开”' })).toHaveFocus());
  });

  it('removes an empty official part at once and puts it back, empty, at the end', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    await user.click(screen.getByRole('button', { name: '删除“依申请公开”' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts.map((part) => part.topic)).not.toContain('onRequest'));
    await user.click(screen.getByRole('button', { name: '加回“依申请公开”' }));
    expect(screen.getByRole('textbox', { name: '（五）依申请公开' })).toHaveFocus();
    await waitFor(async () =>
      expect((await savedDraft(repository, id)).narrative.overview?.parts.at(-1)).toEqual({ id: 'onRequest', topic: 'onRequest', title: '依申请公开', text: '' }),
    );
    expect(screen.queryByRole('button', { name: '加回“依申请公开”' })).toBeNull();
  });

  it('saves the choice of lead-ins instead of heading lines', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('problems', '五、存在的主要问题及改进情况');
    expect(screen.getByRole('radio', { name: '单独成行的小标题（（一）……）' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '写在段首的引语（如“主要问题：……”，黑体）' }));
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.problems?.style).toBe('leadIns'));
  });

  it('never rewrites a textarea while a Chinese IME composes (uncontrolled field)', async () => {
    await openEmpty('overview', '一、总体情况');
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' }) as HTMLTextAreaElement;
    fireEvent.compositionStart(box);
    // Mid-composition the textarea holds pinyin; the app must leave it exactly so.
    fireEvent.input(box, { target: { value: 'shou dao' } });
    expect(box.value).toBe('shou dao');
    fireEvent.input(box, { target: { value: '收到' } });
    fireEvent.compositionEnd(box);
    expect(box.value).toBe('收到');
    expect(box).toHaveAccessibleDescription(expect.stringContaining('2 字'));
  });
});

describe('the stated text limit', () => {
  it('shows the limit next to the count, says in the same place when the text is over it, and keeps every character typed', async () => {
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    const box = screen.getByRole('textbox', { name: '（一）主动公开' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: '公开'.repeat(10) } });
    expect(box).toHaveAccessibleDescription(expect.stringContaining('20 字（上限 20000 字）'));
    const over = '公'.repeat(20_001);
    fireEvent.input(box, { target: { value: over } });
    await waitFor(() => expect(box).toHaveAccessibleDescription(expect.stringContaining('本项有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。')));
    expect(box.value).toBe(over);
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts[0]?.text).toBe(over));
  });
});

describe('the limits of one-line fields and of added sub-topics', () => {
  it('says at an added sub-heading when it is past 200 characters, keeping the text', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('overview', '一、总体情况');
    await user.click(screen.getByRole('button', { name: '增加小标题' }));
    const title = screen.getByRole('textbox', { name: '小标题 （六）' }) as HTMLInputElement;
    fireEvent.input(title, { target: { value: '标'.repeat(201) } });
    await waitFor(() => expect(title).toHaveAccessibleDescription('本项有 201 字，超过了每项 200 字的上限，请删减（已写的内容都还在）。'));
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts[5]?.title).toBe('标'.repeat(201)));
  });

  it('says it at the agency name too', async () => {
    await openEmpty('basics', '基本信息');
    const name = screen.getByRole('textbox', { name: '机关全称' });
    fireEvent.input(name, { target: { value: '某'.repeat(201) } });
    await waitFor(() => expect(name).toHaveAccessibleDescription(expect.stringContaining('本项有 201 字，超过了每项 200 字的上限')));
    expect(name).toHaveValue('某'.repeat(201));
  });

  it('offers 增加小标题 until the section has 25 parts, then says the limit is reached', async () => {
    const repository = new MemoryDraftRepository();
    const draft = emptyDraft(report2021, 2025, '某某县教育局');
    for (let i = 1; i <= 19; i++) draft.narrative.overview!.parts.push({ id: `p${i}`, topic: null, title: `小标题${i}`, text: '' });
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '增加小标题' }));
    expect(screen.queryByRole('button', { name: '增加小标题' })).toBeNull();
    expect(screen.getByText('每节最多 25 个部分，已达到上限。')).toBeInTheDocument();
  });
});

describe('sentences from the tables', () => {
  const APPLICATIONS = '本年度共收到政府信息公开申请52件，其中自然人36件、法人或其他组织16件；上年结转0件。本年度办结50件，其中予以公开20件、不予公开1件、无法提供26件、不予处理1件、其他处理2件；结转下年度继续办理2件。';
  const NONE = '本年度无因政府信息公开引起的行政复议或行政诉讼。';

  async function openOffice(change?: (draft: ReturnType<typeof office2023Draft>) => void) {
    const repository = new MemoryDraftRepository();
    const draft = office2023Draft();
    change?.(draft);
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'overview', '一、总体情况');
    return { repository, id: record.id };
  }

  it('inserts the 依申请公开 sentences after the text already written, and saves which they are', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openOffice();
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' }) as HTMLTextAreaElement;
    const before = box.value;
    await user.click(screen.getAllByRole('button', { name: '根据表格插入句子' })[1]!);
    expect(box.value).toBe(`${before}\n${APPLICATIONS}${NONE}`);
    expect(box).toHaveFocus();
    await waitFor(async () =>
      expect((await savedDraft(repository, id)).narrative.overview?.parts[1]?.generated).toEqual([
        { source: 'applications', text: APPLICATIONS },
        { source: 'reviewLitigation', text: NONE },
      ]),
    );
  });

  it('points out an inserted sentence whose numbers the tables no longer give, and refreshes it with one click', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openOffice((draft) => {
      const part = draft.narrative.overview!.parts[1]!;
      part.text = `依法办理。\n${APPLICATIONS}`;
      part.generated = [{ source: 'applications', text: APPLICATIONS }];
      // One more application granted since the sentence was inserted (table 三 still adds up).
      const applications = draft.tables.applications as Record<string, Record<string, number | null>>;
      applications.newReceived!.naturalPerson = 37;
      applications.granted!.naturalPerson = (applications.granted!.naturalPerson ?? 0) + 1;
    });
    const alert = (await screen.findByText('根据表格插入的这句话，数字已与表格不一致：')).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('根据表格插入的这句话，数字已与表格不一致');
    expect(alert).toHaveTextContent('本年度共收到政府信息公开申请53件，其中自然人37件');
    const box = screen.getByRole('textbox', { name: '（二）依申请公开' }) as HTMLTextAreaElement;
    expect(box.value).toBe(`依法办理。\n${APPLICATIONS}`);
    await user.click(within(alert).getByRole('button', { name: '更新为表格中的数字' }));
    expect(box.value).toMatch(/^依法办理。\n本年度共收到政府信息公开申请53件，其中自然人37件.*本年度办结51件，其中予以公开21件/);
    expect(screen.queryByText('根据表格插入的这句话，数字已与表格不一致：')).toBeNull();
    await waitFor(async () => expect((await savedDraft(repository, id)).narrative.overview?.parts[1]?.text).toBe(box.value));
  });
});

describe('五、存在的主要问题及改进情况', () => {
  it('hints (N12) while a part is shorter than the template minimum or just “无”', async () => {
    const user = userEvent.setup();
    await openEmpty('problems', '五、存在的主要问题及改进情况');
    const box = screen.getByRole('textbox', { name: '（一）存在的主要问题' });
    await user.type(box, '无');
    expect(box).toHaveAccessibleDescription(expect.stringContaining('至少写 10 个字'));
    await user.clear(box);
    await user.type(box, '政策解读的质量和时效仍需进一步提高。');
    expect(box).not.toHaveAccessibleDescription(expect.stringContaining('至少写'));
  });

  it('written with lead-ins, labels each part by its title, not by a number it does not print', async () => {
    const user = userEvent.setup();
    await openEmpty('problems', '五、存在的主要问题及改进情况');
    await user.click(screen.getByRole('radio', { name: '写在段首的引语（如“主要问题：……”，黑体）' }));
    expect(screen.getByText('印出时不编号：各部分的小标题加冒号，写在该部分第一段的开头。')).toBeInTheDocument();
    expect(screen.queryByText(/序号只表示先后/)).toBeNull();
    expect(screen.queryByRole('textbox', { name: /（[一二]）/ })).toBeNull();
    expect(screen.getByRole('textbox', { name: '改进情况' })).toBeInTheDocument();
    const first = screen.getByRole('group', { name: '存在的主要问题' });
    const lead = within(first).getByRole('textbox', { name: '段首引语' });
    expect(lead).toHaveValue('存在的主要问题');
    await user.clear(lead);
    await user.type(lead, '主要问题');
    expect(screen.getByRole('group', { name: '主要问题' })).toBe(first);
    expect(within(first).getByRole('textbox', { name: '主要问题' })).toHaveAccessibleDescription(expect.stringContaining('对应规定的“存在的主要问题”。'));

    // Back to heading lines, the numbers they print come back.
    await user.click(screen.getByRole('radio', { name: '单独成行的小标题（（一）……）' }));
    expect(screen.getByRole('textbox', { name: '（一）主要问题' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '小标题 （二）' })).toHaveValue('改进情况');
  });

  it('written with lead-ins, a finding under a part names it as its label does', async () => {
    const draft = office2023Draft();
    const problems = draft.narrative.problems!;
    problems.style = 'leadIns';
    const part = problems.parts.find((candidate) => candidate.topic === 'problems')!;
    part.title = '主要问题';
    // Last year's text kept by mistake: the check points at the year.
    part.text = '本机关2022年度政策解读形式较为单一，基层政务公开标准化建设有待加强。';
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'problems', '五、存在的主要问题及改进情况');
    const group = screen.getByRole('group', { name: '主要问题' });
    expect(within(group).getByRole('textbox', { name: '主要问题' })).toHaveValue(part.text);
    const findings = within(within(group).getByRole('list', { name: '本段检查提醒' })).getAllByRole('listitem');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.textContent).toMatch(
      /^五、存在的主要问题及改进情况“主要问题”：“本机关2022年度政策解读形式较为单一，基层政务公开标准化建设有待加强”写的是2022年，本报告是2023年度报告，请核对是否沿用了上年的文字。/,
    );
  });
});

describe('六、其他需要报告的事项', () => {
  it('builds the standard 信息处理费 sentence live from the three numbers, and saves them', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('other', '六、其他需要报告的事项');
    const sentence = screen.getByTestId('fee-sentence');
    expect(sentence).toHaveTextContent('填写上面的数字后');
    await user.type(screen.getByRole('textbox', { name: '本年发出收费通知（件）' }), '２');
    await user.type(screen.getByRole('textbox', { name: '收费通知金额合计（元）' }), '300');
    await user.type(screen.getByRole('textbox', { name: '实际收取信息处理费（元）' }), '100');
    expect(sentence).toHaveTextContent('本机关2025年度共发出信息处理费收费通知2件，金额合计300元，实际收取信息处理费100元。');
    await waitFor(async () => expect((await savedDraft(repository, id)).fees).toEqual({ noticesIssued: 2, noticesAmount: 300, collectedAmount: 100 }));
  });

  it('says at the field what is wrong with a number that does not read', async () => {
    const user = userEvent.setup();
    await openEmpty('other', '六、其他需要报告的事项');
    const count = screen.getByRole('textbox', { name: '本年发出收费通知（件）' });
    await user.type(count, '两件');
    expect(count).toHaveAccessibleDescription(/\S/);
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('填写上面的数字后');
  });

  it('refuses 分 below the 元 and too many digits at the field, in the fee amounts', async () => {
    const user = userEvent.setup();
    await openEmpty('other', '六、其他需要报告的事项');
    const amount = screen.getByRole('textbox', { name: '收费通知金额合计（元）' });
    await user.type(amount, '12.345');
    expect(amount).toHaveAccessibleDescription('金额以元为单位，最多 2 位小数（精确到分）');
    await user.clear(amount);
    await user.type(amount, '12345678901234567890');
    expect(amount).toHaveAccessibleDescription('数字太大，请检查：金额最多 999999999999.99 元');
  });

  it('shows an invalid value from a file at its field and in the sentence, and keeps it in the draft', async () => {
    const repository = new MemoryDraftRepository();
    const draft = emptyDraft(report2021, 2025, '某某县教育局');
    draft.fees = { noticesIssued: -1, noticesAmount: 0, collectedAmount: 0 };
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'other', '六、其他需要报告的事项');
    const count = screen.getByRole('textbox', { name: '本年发出收费通知（件）' });
    expect(count).toHaveValue('-1');
    expect(count).toHaveAccessibleDescription('请输入不小于 0 的整数');
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('本机关2025年度共发出信息处理费收费通知-1件，金额合计0元，未收取信息处理费。');
    // An edit elsewhere saves the form: the −1 stays −1 (the check then reports it), never "not entered".
    await userEvent.setup().type(screen.getByRole('textbox', { name: '实际收取信息处理费（元）' }), '5');
    await waitFor(async () => expect((await savedDraft(repository, record.id)).fees).toEqual({ noticesIssued: -1, noticesAmount: 0, collectedAmount: 5 }));
  });

  it('offers the optional parts and the 落款 with its date', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('other', '六、其他需要报告的事项');
    for (const title of ['落实政务公开工作要点情况', '人大代表建议和政协委员提案办理结果公开情况', '政务公开工作创新情况']) {
      expect(screen.getByRole('textbox', { name: `${title}（选填）` })).toBeInTheDocument();
    }
    const date = screen.getByLabelText('落款日期');
    expect(date).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '在报告末尾加落款（机关名称和日期）' }));
    expect(date).toBeEnabled();
    fireEvent.input(date, { target: { value: '2026-01-20' } });
    await waitFor(async () => expect((await savedDraft(repository, id)).signature).toEqual({ include: true, date: '2026-01-20' }));
  });
});

describe('基本信息: 编制说明', () => {
  it('is generated from the agency details, follows them, can be edited and reset to the generated text', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('basics', '基本信息');
    await user.type(screen.getByRole('textbox', { name: '咨询电话' }), '0574-1234');
    const generated = defaultPreamble({ ...(await savedDraft(repository, id)), agency: { ...(await savedDraft(repository, id)).agency, phone: '0574-1234' } });
    expect(screen.getByTestId('generated-preamble')).toHaveTextContent(generated);
    expect(generated).toContain('0574-1234');

    await user.click(screen.getByRole('button', { name: '修改编制说明' }));
    const box = screen.getByRole('textbox', { name: '编制说明' });
    expect(box).toHaveValue(generated);
    expect(box).toHaveFocus();
    await user.type(box, '另有补充。');
    await waitFor(async () => expect((await savedDraft(repository, id)).preamble).toBe(`${generated}另有补充。`));

    await user.click(screen.getByRole('button', { name: '恢复为自动生成的编制说明' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '恢复自动生成的编制说明？' })).getByRole('button', { name: '恢复自动生成' }));
    expect(screen.getByTestId('generated-preamble')).toHaveTextContent(generated);
    await waitFor(async () => expect((await savedDraft(repository, id)).preamble).toBe(''));
  });
});

describe('基本信息: one draft per agency and year', () => {
  it('points out a rename onto another stored draft of the same year', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, emptyDraft(report2021, 2025, '某某县卫生健康局'));
    const record = await storeDraft(repository, emptyDraft(report2021, 2025, '某某县教育局'));
    await openDraftAt(repository, record.id, 'basics', '基本信息');
    const name = screen.getByRole('textbox', { name: '机关全称' });
    await user.clear(name);
    await user.type(name, '某某县卫生健康局');
    await waitFor(() => expect(name).toHaveAccessibleDescription(expect.stringContaining('另一份草稿')));
  });
});
