// @vitest-environment happy-dom
/**
 * One check: the findings the app shows and the ones `report check --json` prints are the same, on the
 * same draft files. Each draft (and last year's, where a case has one) is written to a file; the CLI
 * checks that file (`--previous` last year's), and the app opens the same bytes (read as its
 * 「打开草稿文件」 reads them) on 检查与生成, last year's report stored beside it in the browser. Compared:
 * the CLI's JSON findings with the app's live findings (`findingsOf`, what the check page and navigator
 * subscribe to) one for one, and with what the check page lists (severity and message of each entry,
 * and its totals line).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { readDraftBytes, serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { findingsOf } from '../../src/features/kernel/live-draft.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { district2020Draft, office2023Draft } from './ui-fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

interface CliFinding {
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  message: string;
  pending?: string[];
  text?: Finding['text'];
  textFix?: Finding['textFix'];
  repeated?: Finding['repeated'];
}

interface CliReport {
  errors: number;
  warnings: number;
  findings: CliFinding[];
}

/** A local rule without a limit on the length of 一 (the samples' 一 have 1092 and 3385 字). */
function withoutLengthLimit(draft: Draft): Draft {
  draft.settings = { requireApproval: true, overviewLengthLimit: null };
  return draft;
}

function withCompleted(draft: Draft, completed: number): Draft {
  setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', `已办结${completed}件`));
  return draft;
}

function withProblems(draft: Draft, problems: string, improvements?: string): Draft {
  setPartText(draft, 'problems', 'problems', problems);
  if (improvements !== undefined) setPartText(draft, 'problems', 'improvements', improvements);
  return draft;
}

/**
 * 结转下年度 自然人 4 more, its 总计 with it (as the app keeps totals): R3.1 no longer balances (errors).
 * (A file whose 总计 disagrees with its own parts is another matter: the app recomputes totals when it
 * opens a draft, so it shows the consequence under R3.1 where the CLI names the 总计 itself.)
 */
function withBrokenTable(draft: Draft): Draft {
  const carriedForward = (draft.tables.applications as { carriedForward: { naturalPerson: number; total: number } }).carriedForward;
  carriedForward.naturalPerson += 4;
  carriedForward.total += 4;
  return draft;
}

/**
 * The office's 2022 report as last year's for the 2023 sample: it carried 3 requests forward (2023 carried
 * none over: C1) and received 1 new request (2023: 52, more than five times as many: a swing).
 */
function office2022(): Draft {
  const draft = office2023Draft();
  draft.year = 2022;
  const applications = draft.tables.applications as Record<string, Record<string, number>>;
  for (const column of Object.keys(applications.newReceived!)) applications.newReceived![column] = 0;
  applications.newReceived!.naturalPerson = 1;
  applications.newReceived!.total = 1;
  applications.carriedForward!.naturalPerson = 3;
  applications.carriedForward!.total = 3;
  return draft;
}

/**
 * A report still being filled: 结转下年度 自然人 not yet typed (its 总计 without it, as the app keeps
 * totals), so R3.1 of that column and of the 总计 column are 待填.
 */
function withUntouchedCell(draft: Draft): Draft {
  const carriedForward = (draft.tables.applications as { carriedForward: { naturalPerson: number | null; total: number } }).carriedForward;
  carriedForward.total -= carriedForward.naturalPerson ?? 0;
  carriedForward.naturalPerson = null;
  return draft;
}

const cases: { name: string; file: string; draft: () => Draft; previous?: () => Draft; expectRules: string[] }[] = [
  { name: 'the 2023 sample report (2021 format), no length limit', file: 'office-2023.draft.json', draft: () => withoutLengthLimit(office2023Draft()), expectRules: [] },
  { name: 'the 2020 sample report (2019 format), no length limit', file: 'district-2020.draft.json', draft: () => withoutLengthLimit(district2020Draft()), expectRules: [] },
  { name: 'the 2023 sample report: 一 over the default 1000 字', file: 'office-2023-limit.draft.json', draft: office2023Draft, expectRules: ['N15'] },
  {
    name: 'the 2023 sample with 已办结 written as 51 (a number the table contradicts)',
    file: 'office-2023-text-number.draft.json',
    draft: () => withCompleted(withoutLengthLimit(office2023Draft()), 51),
    expectRules: ['N4'],
  },
  {
    name: 'the 2023 sample against a copy of itself as last year’s (every part repeated)',
    file: 'office-2023-copied.draft.json',
    draft: () => withoutLengthLimit(office2023Draft()),
    previous: () => ({ ...withoutLengthLimit(office2023Draft()), year: 2022 }),
    expectRules: ['N17'],
  },
  { name: 'a report whose 五 says only “无”', file: 'problems-none.draft.json', draft: () => withProblems(office2023Draft(), '无'), expectRules: ['N12'] },
  { name: 'a report whose 五 is empty', file: 'problems-empty.draft.json', draft: () => withProblems(office2023Draft(), '', ''), expectRules: ['N12'] },
  { name: 'a report with a broken table', file: 'broken-table.draft.json', draft: () => withBrokenTable(office2023Draft()), expectRules: ['R3.1'] },
  { name: 'a report being filled (one cell of table 三 untouched)', file: 'being-filled.draft.json', draft: () => withUntouchedCell(office2023Draft()), expectRules: ['R3.1'] },
  {
    name: 'a 2019-format report with a broken table and 五 of “无。”',
    file: 'district-broken.draft.json',
    draft: () => withProblems(withBrokenTable(district2020Draft()), '无。'),
    expectRules: ['R3.1', 'N12'],
  },
  {
    name: 'the 2023 sample against last year’s report (carry-over off, a swing)',
    file: 'office-2023-with-2022.draft.json',
    draft: office2023Draft,
    previous: office2022,
    expectRules: ['C1', 'swing'],
  },
];

const previousFile = (file: string) => file.replace(/\.draft\.json$/, '.previous.draft.json');

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'one-check-'));
  for (const { file, draft, previous } of cases) {
    writeFileSync(join(dir, file), serializeDraft(draft()));
    if (previous) writeFileSync(join(dir, previousFile(file)), serializeDraft(previous()));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliCheck(file: string, withPrevious: boolean): Promise<{ code: number; report: CliReport }> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(['check', file, ...(withPrevious ? ['--previous', previousFile(file)] : []), '--json'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir });
  expect(stderr).toBe('');
  return { code, report: JSON.parse(stdout) as CliReport };
}

/** The draft as the app reads the file the clerk opens. */
function appDraft(file: string): Draft {
  const read = readDraftBytes(new Uint8Array(readFileSync(join(dir, file))), file);
  if (!read.ok) throw new Error(`the app could not read ${file}: ${read.problems.map((problem) => problem.message).join('; ')}`);
  return read.draft;
}

const SEVERITY_TEXT = { error: '错误', warning: '提醒' } as const;

const sortedEntries = (entries: string[]) => [...entries].sort();

describe.each(cases)('one check: $name', ({ file, previous, expectRules }) => {
  it('the app’s findings equal `report check --json`, one for one', async () => {
    const { code, report } = await cliCheck(file, previous !== undefined);
    const draft = appDraft(file);
    const app = findingsOf(draft, previous ? appDraft(previousFile(file)) : null).map(({ rule, severity, cells, message, pending, text, textFix, repeated }) => ({
      rule,
      severity,
      cells: [...cells],
      message,
      ...(pending ? { pending: [...pending] } : {}),
      ...(text ? { text } : {}),
      ...(textFix ? { textFix } : {}),
      ...(repeated ? { repeated } : {}),
    }));

    expect(app).toEqual(report.findings);
    // Not two empty lists by accident: each broken draft raises the rule it breaks, in both.
    for (const rule of expectRules) expect(report.findings.map((finding) => finding.rule)).toContain(rule);
    if (expectRules.length === 0) expect(report.findings).toEqual([]);
    expect(report.errors).toBe(report.findings.filter((finding) => finding.severity === 'error').length);
    expect(code).toBe(report.errors > 0 ? 1 : 0);
  });

  it('the 检查与生成 page lists exactly the CLI’s findings', async () => {
    const { report } = await cliCheck(file, previous !== undefined);
    const repository = new MemoryDraftRepository();
    // Last year's report of the same agency in this browser: the app attaches it by itself.
    if (previous) await storeDraft(repository, appDraft(previousFile(file)));
    const record = await storeDraft(repository, appDraft(file));
    await openDraftAt(repository, record.id, 'check', '检查与生成');
    if (previous) await screen.findByText(/^上年报告：/);

    const results = screen.getByRole('region', { name: '检查结果' });
    const listed = () =>
      within(results)
        .queryAllByRole('listitem')
        .map((item) => `${item.querySelector('.severity')?.textContent ?? ''} ${within(item).getByRole('link').textContent ?? ''}`);
    const expected = sortedEntries(report.findings.map((finding) => `${finding.pending ? '待填' : SEVERITY_TEXT[finding.severity]} ${finding.message}`));
    // The list follows the draft a moment after last year's report is attached.
    await waitFor(() => expect(sortedEntries(listed())).toEqual(expected));
    // 待填 findings are errors to the CLI (they block the final report); the page counts them on their own.
    const pending = report.findings.filter((finding) => finding.pending).length;
    const counts = `共 ${report.errors - pending} 个错误、${pending > 0 ? `${pending} 处待填（填完才能生成正式版）、` : ''}${report.warnings} 个提醒。`;
    expect(within(results).getByText(report.findings.length === 0 ? '没有发现问题。' : `${counts}点击条目可跳到需要修改的位置。`)).toBeInTheDocument();
  });
});
