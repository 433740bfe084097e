// @vitest-environment happy-dom
/**
 * The wordings of the sentences the agency signs, chosen and edited on screen: the 信息处理费 sentence on
 * 六 and the generated 编制说明 on 基本信息. What the clerk chooses or types is saved in the draft's
 * `wording`; a draft where nothing was chosen keeps no `wording` at all.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';

async function openEmpty(step: string, heading: string) {
  const repository = new MemoryDraftRepository();
  const draft = emptyDraft(report2021, 2025, '某某县教育局');
  draft.fees = { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 };
  const record = await storeDraft(repository, draft);
  await openDraftAt(repository, record.id, step, heading);
  return { repository, id: record.id };
}

const savedDraft = async (repository: MemoryDraftRepository, id: string) => (await repository.get(id))!.draft;

describe('信息处理费 wording on 六', () => {
  it('shows the default wording, switches to the 2023 sample’s wording, and saves the choice', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('other', '六、其他需要报告的事项');
    const choice = screen.getByRole('group', { name: '报告中的写法' });
    expect(within(choice).getByRole('radio', { name: '逐项说明' })).toBeChecked();
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('本机关2025年度未发出信息处理费收费通知，未收取信息处理费。');
    await user.click(within(choice).getByRole('radio', { name: '未发出、未收取，特此说明' }));
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('本机关2025年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toEqual({ fee: 'noneIssued' }));
    await user.click(within(choice).getByRole('radio', { name: '逐项说明' }));
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toBeUndefined());
  });

  it('lets the clerk edit the generated sentence, keeps what was typed, and goes back to the generated one', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('other', '六、其他需要报告的事项');
    await user.click(screen.getByRole('button', { name: '修改这句表述' }));
    const box = screen.getByRole('textbox', { name: /报告中将写入/ });
    expect(box).toHaveValue('本机关2025年度未发出信息处理费收费通知，未收取信息处理费。');
    await user.clear(box);
    await user.type(box, '本机关本年度未收取信息处理费。');
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toEqual({ feeText: '本机关本年度未收取信息处理费。' }));
    await user.click(screen.getByRole('button', { name: '恢复为自动生成的表述' }));
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('本机关2025年度未发出信息处理费收费通知，未收取信息处理费。');
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toBeUndefined());
  });

  it('can leave the fee sentence out', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('other', '六、其他需要报告的事项');
    await user.click(screen.getByRole('radio', { name: '不写信息处理费' }));
    expect(screen.getByTestId('fee-sentence')).toHaveTextContent('不写信息处理费');
    expect(screen.getByText(/2019年版格式（2019、2020年度报告）不要求说明信息处理费/)).toBeInTheDocument();
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toEqual({ fee: 'omitted' }));
  });
});

describe('编制说明 wording on 基本信息', () => {
  it('switches the generated 编制说明 to the brief wording and saves the choice', async () => {
    const user = userEvent.setup();
    const { repository, id } = await openEmpty('basics', '基本信息');
    const preamble = screen.getByTestId('generated-preamble');
    expect(preamble).toHaveTextContent('全文包括');
    await user.click(screen.getByRole('radio', { name: '简要（不列出各部分）' }));
    expect(preamble).not.toHaveTextContent('全文包括');
    expect(preamble).toHaveTextContent('结合某某县教育局2025年度政府信息公开工作实际编制而成。本年度报告中所列数据的统计期限从2025年1月1日到12月31日止。');
    await waitFor(async () => expect((await savedDraft(repository, id)).wording).toEqual({ preamble: 'brief' }));
  });
});
