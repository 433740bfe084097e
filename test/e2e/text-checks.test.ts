/**
 * The checks of the report's text in real Chromium at 1366×768: a part copied from last year's report
 * (N17) is flagged under the part, with the repeated sentences of both years side by side, until the
 * clerk rewrites it; a number in the text that the tables contradict is flagged under its paragraph,
 * its one-click fix writes the tables' number back, and 检查与生成 lists the same findings; next year's
 * report begun from an imported published page reminds the clerk, under every carried part, that its
 * text is still last year's. A count in Chinese numerals is fixed in Chinese numerals; a statement of
 * absence that a table contradicts is flagged without a fix. Screenshots land in
 * test-results/review/text-checks-*.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';
import { office2022Draft } from '../ui/last-year-helpers.ts';
import { CHECK, expectText, goToStep, stepLink, textOf } from './helpers/app.ts';
import { computersForThisFile, shot, type Computer } from './review-support.ts';

const OVERVIEW = '一、总体情况';
const PROBLEMS = '五、存在的主要问题及改进情况';
const OTHER = '六、其他需要报告的事项';
const REPEATED = '与上年报告的同一部分基本相同';

const computers = computersForThisFile('text-checks-');

const computer = (): Promise<Computer> => computers.computer();

function writeDraft(draft: Draft, name: string): string {
  const path = join(computers.dir, name);
  writeFileSync(path, serializeDraft(draft));
  return path;
}

/** The part's textarea on the step shown. */
function part(page: Page, label: string): Locator {
  return page.getByRole('main').getByRole('textbox', { name: label, exact: true });
}

/** The 本段检查提醒 list under a paragraph: its id is the textarea's id with `-findings`. */
async function findingsUnder(page: Page, box: Locator): Promise<Locator> {
  const id = await box.getAttribute('id');
  if (!id) throw new Error('the paragraph has no id');
  return page.locator(`[id="${id}-findings"]`);
}

/**
 * The office's 2022 report as the clerk wrote it: its 五 as the 2023 sample has it but for the year in
 * its first sentence (this year's 五 was copied from it and only the year changed); its 一 written anew.
 */
function office2022Report(): Draft {
  const draft = office2022Draft();
  setPartText(draft, 'problems', 'problems', partText(draft, 'problems', 'problems').replace('2023年度', '2022年度'));
  const overview = draft.narrative.overview!;
  overview.intro = '2022年，区政府办公室围绕政务公开年度工作要点，健全公开制度，规范公开流程，推动政务公开工作取得新进展。';
  for (const [index, piece] of overview.parts.entries()) {
    piece.text = `第${index + 1}项工作按2022年度要点推进，具体做法已在当年各季度通报中逐项说明，全年没有出现需要专门报告的问题。`;
  }
  return draft;
}

describe('the text checks in the browser', () => {
  it('五 copied from last year: N17 under each part, the repeated sentences of both years; rewritten, the warning goes', async () => {
    const lastYearPath = writeDraft(office2022Report(), '宁波市镇海区人民政府办公室2022年政府信息公开工作年度报告.draft.json');
    const thisYearPath = writeDraft(office2023Draft(), '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.draft.json');
    const { page, errors } = await computer();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(thisYearPath);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();
    await page.getByLabel('选择上年报告文件（草稿 .json、Word 文件 .docx 或保存的网页 .html）').setInputFiles(lastYearPath);
    await expectText(page.getByRole('region', { name: '上年报告', exact: true }), '来自文件“宁波市镇海区人民政府办公室2022年政府信息公开工作年度报告.draft.json”');

    await goToStep(page, PROBLEMS);
    const problems = part(page, '（一）存在的主要问题');
    const problemsFindings = await findingsUnder(page, problems);
    // One sentence differs (2022年度 → 2023年度): the other two are repeated word for word.
    await expectText(problemsFindings, `（一）存在的主要问题${REPEATED}（相似度 9`);
    expect(await textOf(problemsFindings)).toContain('，2 句原样重复），应写本年度的实际情况，不能照抄上年。');
    expect(await problemsFindings.getByRole('listitem').count()).toBe(1);
    const improvementsFindings = await findingsUnder(page, part(page, '（二）改进情况'));
    await expectText(improvementsFindings, `（二）改进情况${REPEATED}（相似度 100%，3 句原样重复）`);
    await expectText(stepLink(page, PROBLEMS), /2 个提醒/);
    await shot(page, 'text-checks-01-repeated-warning');

    await problemsFindings.getByText('查看原样重复的 2 句', { exact: true }).click();
    const table = problemsFindings.getByRole('table');
    await table.waitFor();
    const rows = await table.getByRole('row').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent ?? '')),
    );
    expect(rows).toEqual([
      ['本年报告', '上年报告'],
      ['二是政策解读质效仍需进一步提高；', '二是政策解读质效仍需进一步提高；'],
      [
        '三是重大建设项目虽已按项目全生命周期公开全流程信息，流程性信息公开方面仍需进一步改进。',
        '三是重大建设项目虽已按项目全生命周期公开全流程信息，流程性信息公开方面仍需进一步改进。',
      ],
    ]);
    // The table stands under the part, beside nothing the clerk has to scroll sideways for.
    const box = await table.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1366);
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'text-checks-02-repeated-sentences');

    // Rewritten for 2023: the warning under the part goes; the copied 改进情况 keeps its own.
    await problems.fill(
      '2023年度镇海区政府办公室政务公开工作仍有不足：依申请公开答复中部分告知书说理不够充分，政务新媒体更新频次不均衡，个别栏目内容更新滞后。',
    );
    await problemsFindings.waitFor({ state: 'detached' });
    await expectText(improvementsFindings, REPEATED);
    await expectText(stepLink(page, PROBLEMS), /1 个提醒/);
    await shot(page, 'text-checks-03-rewritten');
    expect(errors).toEqual([]);
  });

  it('a number the tables contradict: the warning under 依申请公开, the fix writes 50 back; 检查与生成 lists the same', async () => {
    const draft = office2023Draft();
    setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', '已办结51件'));
    const path = writeDraft(draft, '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.draft.json');
    const { page, errors } = await computer();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(path);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();

    // Before the fix, 检查与生成 lists the number with the text's other findings.
    await goToStep(page, CHECK);
    const results = page.getByRole('region', { name: '检查结果', exact: true });
    await expectText(results, '中的 51件与表三“办理结果总计”（50件）不一致');
    const listedBefore = await textOf(results);
    // The number and 一's length (1092 字 of the sample, over the default 1000): the two the editor shows.
    expect(listedBefore).toContain('共 0 个错误、2 个提醒。');
    expect(listedBefore).toContain('一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。');
    await results.getByText(/中的 51件与表三“办理结果总计”（50件）不一致/).scrollIntoViewIfNeeded();
    await shot(page, 'text-checks-04-check-page-number');

    await goToStep(page, OVERVIEW);
    const onRequest = part(page, '（二）依申请公开');
    const findings = await findingsUnder(page, onRequest);
    await expectText(findings, '中的 51件与表三“办理结果总计”（50件）不一致');
    await expectText(page.getByRole('list', { name: '本节检查提醒' }), '一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。');
    expect(await findings.getByRole('listitem').count()).toBe(1);
    // The same words stand on 检查与生成 (the one check behind both).
    const message = await textOf(findings.locator('.text-finding-message'));
    expect(message).toContain('51件');
    expect(listedBefore).toContain(message);
    await onRequest.scrollIntoViewIfNeeded();
    await shot(page, 'text-checks-05-number-warning');

    await findings.getByRole('button', { name: '把文中的 51件 改为 50件' }).click();
    expect(await onRequest.inputValue()).toBe(partText(office2023Draft(), 'overview', 'onRequest'));
    await findings.waitFor({ state: 'detached' });
    await shot(page, 'text-checks-06-number-fixed');

    await goToStep(page, CHECK);
    await expectText(results, '共 0 个错误、1 个提醒。');
    expect(await textOf(results)).not.toContain('51件');
    expect(errors).toEqual([]);
  });

  it('a count in Chinese numerals and a statement of absence: both under 依申请公开, the count fixed in Chinese numerals, the absence without a fix', async () => {
    const draft = office2023Draft();
    setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', '已办结五十一件'));
    const review = (draft.tables.reviewLitigation as { review: Record<string, number | null> }).review;
    review.upheld = 1;
    review.total = 1;
    const path = writeDraft(draft, '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.draft.json');
    const { page, errors } = await computer();
    await page.getByLabel('选择草稿文件（.json 或本工具生成的 .docx）').setInputFiles(path);
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();

    await goToStep(page, OVERVIEW);
    const onRequest = part(page, '（二）依申请公开');
    const findings = await findingsUnder(page, onRequest);
    await expectText(findings, '中的 五十一件与表三“办理结果总计”（50件）不一致');
    await expectText(findings, '“无因政府信息公开引起的行政复议或诉讼”写的是没有，但表四“行政复议总计”为 1件，请核对文字或表格。');
    expect(await findings.getByRole('listitem').count()).toBe(2);
    // One button: the count's fix; a negation is not rewritten mechanically.
    expect(await findings.getByRole('button').count()).toBe(1);
    await onRequest.scrollIntoViewIfNeeded();
    await shot(page, 'text-checks-10-chinese-count-and-absence');

    await findings.getByRole('button', { name: '把文中的 五十一件 改为 五十件' }).click();
    expect(await onRequest.inputValue()).toContain('已办结五十件，');
    await findings.locator('.text-finding-message', { hasText: '五十一件' }).waitFor({ state: 'detached' });
    await expectText(findings, '写的是没有，但表四“行政复议总计”为 1件');
    expect(await findings.getByRole('listitem').count()).toBe(1);

    // 检查与生成 lists the absence with the same words (the one check behind both).
    await goToStep(page, CHECK);
    const results = page.getByRole('region', { name: '检查结果', exact: true });
    await expectText(results, '“无因政府信息公开引起的行政复议或诉讼”写的是没有，但表四“行政复议总计”为 1件，请核对文字或表格。');
    expect(await textOf(results)).not.toContain('五十一件');
    expect(errors).toEqual([]);
  });

  it('next year begun from an imported published page: every carried part that is unchanged is flagged as last year’s', async () => {
    const { page, errors } = await computer();
    const fixture = fileURLToPath(new URL('../fixtures/import/zhenhai-office-2023.html', import.meta.url));
    await page.getByLabel('选择已发布的年度报告（保存的网页 .html 或 Word 文件 .docx）').setInputFiles(fixture);
    const dialog = page.getByRole('dialog', { name: '确认导入的报告' });
    await expectText(dialog, '三张表的每一格都已读出。');
    await dialog.getByRole('button', { name: '据此开始2024年度报告' }).click();
    await page.getByRole('heading', { level: 1, name: '基本信息' }).waitFor();

    // Every paragraph carried from the 2023 page, by its label (last year's titles), the short 29 字 part
    // 政务新媒体管理方面 and the one-sentence 依申请公开情况 included. 五 was published with lead-ins
    // (主要问题：…), and its parts are labelled by them. 六 held only the fee statement, which is read as
    // 2023's fee figures and is not carried into 2024's report.
    const carried: [step: string, labels: string[], shotName: string][] = [
      [OVERVIEW, ['概述', '（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）政务新媒体管理方面', '（六）监督保障方面'], 'overview'],
      [PROBLEMS, ['主要问题', '改进情况'], 'problems'],
    ];
    // 一: the opening paragraph and its six parts, each flagged; nothing else there.
    await expectText(stepLink(page, OVERVIEW), /7 个提醒/);
    for (const [index, [step, labels, shotName]] of carried.entries()) {
      await goToStep(page, step);
      for (const label of labels) {
        const box = part(page, label);
        expect(await box.inputValue(), label).not.toBe('');
        // A finding names a part as its label does: a heading's title without its number, a lead-in in quotes.
        const name = step === PROBLEMS ? `“${label}”` : label.replace(/^（.）/, '');
        await expectText(await findingsUnder(page, box), `${name}${REPEATED}（相似度 100%`);
      }
      await part(page, labels.at(-1)!).scrollIntoViewIfNeeded();
      await shot(page, `text-checks-0${7 + index}-carried-${shotName}`);
    }

    await goToStep(page, OTHER);
    expect(await part(page, '其他事项（选填）').inputValue()).toBe('');

    // Edited for 2024, the short part is no longer flagged.
    await goToStep(page, OVERVIEW);
    const newMedia = part(page, '（五）政务新媒体管理方面');
    const newMediaFindings = await findingsUnder(page, newMedia);
    await newMedia.fill('2024年新开设政务新媒体账号2个，关停整合3个，全年未发生信息发布差错。');
    await newMediaFindings.waitFor({ state: 'detached' });
    await expectText(stepLink(page, OVERVIEW), /6 个提醒/);
    expect(errors).toEqual([]);
  });
});
