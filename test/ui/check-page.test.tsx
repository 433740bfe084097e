// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { report2021 } from '../../templates/report-2021.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { groupFindings } from '../../src/features/check/group-findings.ts';
import { locateFinding } from '../../src/features/kernel/locate-finding.ts';
import { cellInputId } from '../../src/features/kernel/cell-id.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft, waitForHash } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

const finding = (rule: string, severity: Finding['severity'], cells: string[]): Finding => ({ rule, severity, cells, message: `${rule} 的说明` });

describe('grouping findings by section', () => {
  it('puts each finding under the section of its first cell, in the order of the guided path, errors first', () => {
    const groups = groupFindings(
      [
        finding('R4.1', 'error', ['reviewLitigation.review.total', 'reviewLitigation.review.upheld']),
        finding('R3.5', 'warning', ['applications.newReceived.commercial']),
        finding('R3.1', 'error', ['applications.carriedForward.naturalPerson']),
        finding('N12', 'warning', ['narrative.problems.parts.problems']),
        finding('R2.1', 'warning', ['proactive.regulations.issued']),
      ],
      report2021,
    );
    expect(groups.map((group) => [group.label, group.errors, group.warnings])).toEqual([
      ['二、主动公开政府信息情况', 0, 1],
      ['三、收到和处理政府信息公开申请情况', 1, 1],
      ['四、政府信息公开行政复议、行政诉讼情况', 1, 0],
      ['五、存在的主要问题及改进情况', 0, 1],
    ]);
    expect(groups[1]!.items.map((item) => item.finding.rule)).toEqual(['R3.1', 'R3.5']);
  });

  it('locates cells, paragraphs and fee fields to focus', () => {
    expect(locateFinding(finding('R3.1', 'error', ['applications.carriedForward.total']), report2021)).toEqual({
      step: 'applications',
      elementId: cellInputId('applications.carriedForward.total'),
    });
    expect(locateFinding(finding('N12', 'warning', ['narrative.problems.parts.improvements']), report2021)).toEqual({
      step: 'problems',
      elementId: 'narrative-problems-improvements',
    });
    expect(locateFinding(finding('N10', 'warning', ['fees.noticesIssued']), report2021)).toEqual({ step: 'other', elementId: 'fee-noticesIssued' });
    expect(locateFinding(finding('X', 'warning', []), report2021)).toEqual({ step: 'check' });
  });
});

describe('检查与生成 page', () => {
  it('lists the findings by section; a link goes to the section and focuses the cell', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const draft = office2023Draft();
    (draft.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 4;
    setPartText(draft, 'problems', 'problems', '无');
    const record = await storeDraft(repository, draft);
    await openDraftAt(repository, record.id, 'check', '检查与生成');

    const applications = screen.getByRole('region', { name: /^三、收到和处理政府信息公开申请情况/ });
    const problems = screen.getByRole('region', { name: /^五、存在的主要问题及改进情况/ });
    expect(within(problems).getByRole('link', { name: /存在的主要问题/ })).toBeInTheDocument();
    const links = within(applications).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]!.closest('li')).toHaveTextContent('错误');

    await user.click(links[0]!);
    await waitForHash(/\/applications$/);
    await waitFor(() => expect(document.activeElement?.id).toMatch(/^cell-applications-/));

    // And back: a paragraph finding focuses its textarea.
    await user.click(screen.getByRole('link', { name: /检查与生成/ }));
    await waitForHash(/\/check$/);
    const problemLink = within(await screen.findByRole('region', { name: /^五、存在的主要问题及改进情况/ })).getByRole('link');
    await user.click(problemLink);
    await waitForHash(/\/problems$/);
    await waitFor(() => expect(screen.getByRole('textbox', { name: '（一）存在的主要问题' })).toHaveFocus());
  });

  it('says so when there is nothing to fix, and offers the Word report and the draft file', async () => {
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    expect(screen.getByRole('button', { name: '生成 Word 报告' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '下载草稿文件（.json）' })).toBeEnabled();
    expect(screen.getByRole('heading', { name: '检查结果' }).nextElementSibling).toHaveTextContent(/没有发现问题|共 0 个错误/);
  });

  it('reports text in a fee field that is no number as an error that blocks the final version', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const record = await storeDraft(repository, office2023Draft());
    await openDraftAt(repository, record.id, 'other', '六、其他需要报告的事项');
    const count = screen.getByRole('textbox', { name: '本年发出收费通知（件）' });
    await user.clear(count);
    await user.type(count, '两件');
    await user.click(screen.getByRole('link', { name: /检查与生成/ }));
    await waitForHash(/\/check$/);
    const message = '信息处理费“本年发出收费通知件数（件）”填的“两件”不是有效的数：只填数字，不要在格内写“件”';
    const other = await screen.findByRole('region', { name: /^六、其他需要报告的事项/ });
    expect(within(other).getByRole('link', { name: message }).closest('li')).toHaveTextContent('错误');
    await user.click(screen.getByRole('button', { name: '生成 Word 报告' }));
    const dialog = await screen.findByRole('alertdialog', { name: '还不能生成正式版' }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent(message);
  });

  describe('generating the Word file', () => {
    afterEach(() => vi.restoreAllMocks());

    function captureDownloads() {
      const names: string[] = [];
      vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        names.push(this.download);
      });
      return names;
    }

    it('with something blocking the final version: lists it and offers the 草稿 version', async () => {
      const user = userEvent.setup();
      const downloads = captureDownloads();
      const repository = new MemoryDraftRepository();
      const draft = office2023Draft();
      (draft.tables.applications as { carriedForward: { naturalPerson: number } }).carriedForward.naturalPerson += 4;
      const record = await storeDraft(repository, draft);
      await openDraftAt(repository, record.id, 'check', '检查与生成');
      await user.click(screen.getByRole('button', { name: '生成 Word 报告' }));
      const dialog = await screen.findByRole('alertdialog', { name: '还不能生成正式版' }, { timeout: 10_000 });
      expect(within(dialog).getAllByRole('listitem').length).toBeGreaterThan(0);
      expect(downloads).toEqual([]);
      await user.click(within(dialog).getByRole('button', { name: '生成草稿版（标注“草稿”）' }));
      await waitFor(() => expect(downloads).toEqual(['宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（草稿）.docx']), { timeout: 10_000 });
      expect(screen.getByRole('status')).toHaveTextContent('已生成草稿版 Word 文件');
    });

    it('with text past the stated limit: names it among the blockers and does not offer the 草稿 version, which would be refused', async () => {
      const user = userEvent.setup();
      const downloads = captureDownloads();
      const repository = new MemoryDraftRepository();
      const draft = office2023Draft();
      setPartText(draft, 'overview', 'proactive', '公'.repeat(20_001));
      const record = await storeDraft(repository, draft);
      await openDraftAt(repository, record.id, 'check', '检查与生成');
      const message = '一、总体情况（一）主动公开有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。';
      expect(screen.getByRole('link', { name: message })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '生成 Word 报告' }));
      const dialog = await screen.findByRole('alertdialog', { name: '还不能生成正式版' }, { timeout: 10_000 });
      expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toContain(`错误 ${message}`);
      // The 草稿 version would be refused too: not offered, and the dialog says why.
      expect(within(dialog).queryByRole('button', { name: '生成草稿版（标注“草稿”）' })).toBeNull();
      expect(dialog).toHaveTextContent('文字超过上限时，草稿版也不能生成：请先删减（已写的内容都还在）。');
      await user.click(within(dialog).getByRole('button', { name: '返回修改' }));
      expect(downloads).toEqual([]);
      expect(partText((await repository.get(record.id))!.draft, 'overview', 'proactive')).toBe('公'.repeat(20_001));
    });
  });
});
