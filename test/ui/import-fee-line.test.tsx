// @vitest-environment happy-dom
/**
 * The import's summary on the home screen says the 信息处理费 statement was not read only where the
 * report's format asks for one: a 2021-format report whose 六 states no fee gets the line, with its place;
 * a 2019-format report (the format predates the fee 办法, and its 六 says nothing of it) does not.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './app-harness.tsx';

// Read by path from the project folder: under happy-dom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(resolve('test/fixtures/import', name), 'utf8');
const FEE_SENTENCE = '本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。';

async function importPage(user: ReturnType<typeof userEvent.setup>, name: string, page: string) {
  await screen.findByRole('button', { name: '导入已发布的报告' });
  await user.upload(screen.getByLabelText('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）'), new File([page], name, { type: 'text/html' }));
  // happy-dom's HTML parser is far slower than a browser's.
  return screen.findByRole('dialog', { name: '确认导入的报告' }, { timeout: 15_000 });
}

describe('the fee line of the import summary', () => {
  it('says, with its place, that a 2021-format report’s fee statement was not read when its 六 states none', async () => {
    const page = fixture('zhenhai-office-2023.html');
    expect(page).toContain(FEE_SENTENCE);
    const user = userEvent.setup();
    renderApp();
    const dialog = await importPage(user, 'no-fee-2023.html', page.replace(FEE_SENTENCE, '本年度无其他需要报告的事项。'));
    expect(dialog).toHaveTextContent('2021年版格式');
    const alerts = within(dialog).getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toContain('信息处理费没有读出（六、其他需要报告的事项）：其中没有关于信息处理费的说明。三项数字留空，请在“其他需要报告的事项”中填写。');
  });

  it('says nothing of the fee for a 2019-format report whose 六 states none', async () => {
    const user = userEvent.setup();
    renderApp();
    const dialog = await importPage(user, 'zhenhai-district-2020.html', fixture('zhenhai-district-2020.html'));
    expect(dialog).toHaveTextContent('2019年版格式（试行）');
    expect(dialog).toHaveTextContent('三张表的每一格都已读出。');
    expect(dialog).not.toHaveTextContent('信息处理费');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
