// @vitest-environment happy-dom
/**
 * A draft file whose 总计 disagrees with its parts (another system's export, a hand edit) opens showing
 * the sums, since the app computes every total: the clerk is told which totals, with both numbers, before
 * anything is opened, and can cancel.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp } from './app-harness.tsx';
import office2023 from '../fixtures/zhenhai-office-2023.draft.json';

beforeEach(() => window.localStorage.clear());

const FILE_INPUT = '选择草稿文件（.json 或本工具生成的 .docx）';

function jsonFile(edit: (file: { tables: { applications: Record<string, Record<string, number | null>> } }) => void): File {
  const file = structuredClone(office2023) as unknown as Parameters<typeof edit>[0];
  edit(file);
  return new File([JSON.stringify(file)], '报告.draft.json', { type: 'application/json' });
}

describe('opening a file whose totals disagree with their parts', () => {
  it('names each total with the file value and the sum, then opens on confirmation', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    // Published: 36 + 16 = 52 新收; the file says 55.
    await user.upload(
      screen.getByLabelText(FILE_INPUT),
      jsonFile((file) => {
        file.tables.applications.newReceived!.total = 55;
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: '文件中的总计与各项之和不符' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '表三“一、本年新收政府信息公开申请数量 / 总计”：文件中为 55，各项之和为 52',
    ]);
    expect(await repository.list()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: '打开并核对' }));
    await waitFor(async () => expect(await repository.list()).toHaveLength(1));
  });

  it('opens nothing when cancelled', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    await user.upload(
      screen.getByLabelText(FILE_INPUT),
      jsonFile((file) => {
        file.tables.applications.granted!.total = 1;
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: '文件中的总计与各项之和不符' });
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog', { name: '文件中的总计与各项之和不符' })).not.toBeInTheDocument();
    expect(await repository.list()).toHaveLength(0);
  });

  it('opens a file whose totals add up without a word', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    renderApp({ repository });
    await screen.findByRole('heading', { name: '本浏览器中的报告草稿' });
    await user.upload(screen.getByLabelText(FILE_INPUT), jsonFile(() => undefined));
    await waitFor(async () => expect(await repository.list()).toHaveLength(1));
    expect(screen.queryByRole('dialog', { name: '文件中的总计与各项之和不符' })).not.toBeInTheDocument();
  });
});
