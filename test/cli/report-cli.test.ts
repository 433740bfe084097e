/**
 * The command line as users run it: real files, exit codes, stdout and stderr. The core contract runs
 * as child processes (node + tsx, as `npm run report` does; all started at once in beforeAll, since each
 * pays tsx's start-up); the many bad-input variants run in-process through the same `runReport`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedDraftJson } from '../../src/domain/embedded-draft.ts';
import { runReport } from '../../src/cli/report.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import { crossYearSummary } from '../../src/domain/cross-year.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { DISTRICT_2020_PATH, OFFICE_2023_PATH, district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORT = join(ROOT, 'src/cli/report.ts');
/** tsx's loader by absolute URL: `--import tsx` would be resolved from the child's cwd (a temp dir). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  // Without npm's variables: report.ts must then resolve relative names against its own cwd.
  const { npm_lifecycle_event: _event, INIT_CWD: _init, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, REPORT, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function runInProcess(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: options.cwd ?? ROOT });
  return { code, stdout, stderr };
}

type JsonReport = {
  errors: number;
  warnings: number;
  findings: { rule: string; severity: string; cells: string[]; message: string }[];
  approval: { state: string; reason?: string; message: string };
};

let dir: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  // The sample under a local rule without a length limit for 一 (its 一 has 1092 字; the default is 1000).
  const office = office2023Draft();
  office.settings = { requireApproval: true, overviewLengthLimit: null };
  writeFileSync(join(dir, 'clean.draft.json'), serializeDraft(office));
  // One R3.1/R3.3 error: 自然人 new requests off by one.
  const broken = structuredClone(office);
  (broken.tables.applications!.newReceived as Record<string, number>).naturalPerson = 37;
  writeFileSync(join(dir, 'broken.draft.json'), serializeDraft(broken));
  // Only warnings: one untouched cell.
  const untouched = structuredClone(office);
  (untouched.tables.reviewLitigation!.review as Record<string, number | null>).upheld = null;
  writeFileSync(join(dir, 'untouched.draft.json'), serializeDraft(untouched));
  const text = serializeDraft(office);
  writeFileSync(join(dir, 'truncated.draft.json'), text.slice(0, text.length / 2));
  writeFileSync(join(dir, 'bad-cell.draft.json'), text.replace('"naturalPerson": 36', '"naturalPerson": "36件"'));
  writeFileSync(join(dir, 'empty.draft.json'), '');
  const zip = zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/_rels/document.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  });
  writeFileSync(join(dir, '报告.docx'), await buildReportDocx(broken, 'draft'));
  // A draft carried by a Word file whose visible text is not the report (here: no tables at all).
  writeFileSync(join(dir, '空白正文.docx'), embedDraftJson(zip, serializeDraft(broken)));
  writeFileSync(join(dir, '别人的.docx'), zip);
  mkdirSync(join(dir, 'sub'));

  type Invocations = Record<string, [string[], { cwd?: string; env?: NodeJS.ProcessEnv }?]>;
  const childProcesses: Invocations = {
    cleanText: [['check', 'clean.draft.json'], { cwd: dir }],
    brokenText: [['check', 'broken.draft.json'], { cwd: dir }],
    brokenJson: [['check', '--json', 'broken.draft.json'], { cwd: dir }],
    truncated: [['check', 'truncated.draft.json', '--json'], { cwd: dir }],
    unknownOption: [['check', OFFICE_2023_PATH, '--jsn']],
    help: [['--help']],
    // As under `npm run report` from the temp directory: npm changes into the package, INIT_CWD is the user's.
    npmCwd: [['check', 'broken.draft.json', '--json'], { cwd: ROOT, env: { npm_lifecycle_event: 'report', INIT_CWD: dir } }],
  };
  const inProcess: Invocations = {
    cleanJson: [['check', 'clean.draft.json', '--json'], { cwd: dir }],
    sampleAsPublished: [['check', OFFICE_2023_PATH, '--json']],
    cleanDistrict: [['check', DISTRICT_2020_PATH, '--json']],
    withPrevious: [['check', 'clean.draft.json', '--previous', DISTRICT_2020_PATH, '--json'], { cwd: dir }],
    withPreviousText: [['check', 'clean.draft.json', '--previous', DISTRICT_2020_PATH], { cwd: dir }],
    warningsOnly: [['check', 'untouched.draft.json', '--json'], { cwd: dir }],
    docx: [['check', '报告.docx', '--json'], { cwd: dir }],
    blankBodyDocx: [['check', '空白正文.docx', '--json'], { cwd: dir }],
    foreignDocx: [['check', '别人的.docx'], { cwd: dir }],
    missing: [['check', 'nope.draft.json'], { cwd: dir }],
    missingJson: [['check', 'nope.draft.json', '--json'], { cwd: dir }],
    badCell: [['check', 'bad-cell.draft.json'], { cwd: dir }],
    empty: [['check', 'empty.draft.json'], { cwd: dir }],
    directory: [['check', 'sub'], { cwd: dir }],
    badPrevious: [['check', OFFICE_2023_PATH, '--previous', join(dir, 'truncated.draft.json')]],
    noFile: [['check']],
    previousWithoutFile: [['check', OFFICE_2023_PATH, '--previous']],
    unknownCommand: [['chek', OFFICE_2023_PATH]],
    noCommand: [[]],
    checkHelp: [['check', '--help']],
  };
  for (const [name, [args, options]] of Object.entries(inProcess)) runs[name] = await runInProcess(args, options);

  const results = await Promise.all(Object.entries(childProcesses).map(async ([name, [args, options]]) => [name, await run(args, options)] as const));
  for (const [name, result] of results) runs[name] = result;
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const json = (name: string) => JSON.parse(runs[name]!.stdout) as JsonReport;

describe('report check: exit codes', () => {
  it('0 for a balanced report (both fixtures), 1 with errors, 0 with warnings only', () => {
    expect(runs.cleanText).toMatchObject({ code: 0, stderr: '' });
    expect(runs.cleanJson?.code).toBe(0);
    expect(runs.cleanDistrict?.code).toBe(0);
    expect(runs.brokenText).toMatchObject({ code: 1, stderr: '' });
    expect(runs.brokenJson?.code).toBe(1);
    expect(runs.warningsOnly?.code).toBe(0);
    expect(json('warningsOnly')).toMatchObject({ errors: 0, warnings: 1, findings: [{ rule: 'R3.5', severity: 'warning', cells: ['reviewLitigation.review.upheld'] }] });
  });

  it('2 when a file cannot be read: reason in Chinese on stderr naming the file, nothing on stdout', () => {
    for (const [name, pattern] of [
      ['missing', /^无法读取草稿文件 nope\.draft\.json：文件不存在/],
      ['missingJson', /^无法读取草稿文件 nope\.draft\.json：文件不存在/],
      ['truncated', /^无法读取草稿文件 truncated\.draft\.json：文件似乎不完整/],
      ['badCell', /^无法读取草稿文件 bad-cell\.draft\.json：表三“一、本年新收政府信息公开申请数量 \/ 自然人”（tables\.applications\.newReceived\.naturalPerson）应为整数，文件中是 "36件"/],
      ['empty', /^无法读取草稿文件 empty\.draft\.json：文件是空的/],
      ['directory', /^无法读取草稿文件 sub：这是一个文件夹/],
      ['foreignDocx', /^无法读取草稿文件 别人的\.docx：这个 Word 文件不是本工具生成的/],
      ['badPrevious', /^无法读取上年报告 .*truncated\.draft\.json：文件似乎不完整/],
    ] as const) {
      expect(runs[name], name).toMatchObject({ code: 2, stdout: '' });
      expect(runs[name]?.stderr, name).toMatch(pattern);
    }
  });

  it('2 with a usage message for bad arguments, nothing on stdout', () => {
    for (const [name, message] of [
      ['unknownOption', '参数有误：未知的选项 --jsn'],
      ['noFile', '参数有误：缺少要检查的草稿文件'],
      ['previousWithoutFile', '参数有误：选项 --previous 后面缺少文件名'],
      ['unknownCommand', '未知的命令“chek”'],
      ['noCommand', '缺少命令'],
    ] as const) {
      expect(runs[name], name).toMatchObject({ code: 2, stdout: '' });
      expect(runs[name]?.stderr, name).toContain(message);
      expect(runs[name]?.stderr, name).toContain('用法');
    }
  });
});

describe('report check --json', () => {
  it('prints only {"errors","warnings","findings":[{"rule","severity","cells","message"}],"approval":{"state","message"}} for a filled report', () => {
    const report = json('brokenJson');
    expect(Object.keys(report)).toEqual(['errors', 'warnings', 'findings', 'approval']);
    expect(report.approval).toEqual({ state: 'none', message: '报告尚未审核通过' });
    expect(report.errors).toBe(report.findings.filter((finding) => finding.severity === 'error').length);
    expect(report.warnings).toBe(report.findings.filter((finding) => finding.severity === 'warning').length);
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(['rule', 'severity', 'cells', 'message']);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['R3.1', 'R3.3']);
    expect(report.findings[0]).toEqual({
      rule: 'R3.1',
      severity: 'error',
      cells: expect.arrayContaining(['applications.newReceived.naturalPerson']),
      message: expect.stringContaining('相差 1'),
    });
    expect(json('cleanJson')).toEqual({ errors: 0, warnings: 0, findings: [], approval: { state: 'none', message: '报告尚未审核通过' } });
  });

  it('the sample as published, at the default limit of 1000 字 for 一: one warning (N15), exit 0', () => {
    expect(runs.sampleAsPublished?.code).toBe(0);
    expect(json('sampleAsPublished')).toEqual({
      errors: 0,
      warnings: 1,
      findings: [{ rule: 'N15', severity: 'warning', cells: ['narrative.overview'], message: '一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。' }],
      approval: { state: 'none', message: '报告尚未审核通过' },
    });
  });

  it('reads the draft carried inside a .docx the app made', () => {
    expect(runs.docx?.code).toBe(1);
    expect(json('docx')).toEqual(json('brokenJson'));
  });

  it('says so when a .docx does not show the draft it carries', () => {
    expect(runs.blankBodyDocx?.code).toBe(1);
    expect(json('blankBodyDocx').findings.filter((finding) => finding.rule === 'DOCX')).toEqual([
      { rule: 'DOCX', severity: 'error', cells: [], message: 'Word 文件中有 0 张表格，附带的草稿应有 3 张，无法核对其显示的内容与附带的草稿是否一致' },
    ]);
  });

  it('runs the cross-year rules and the comparison of headline numbers with --previous', () => {
    const rules = json('withPrevious').findings.map((finding) => finding.rule);
    expect(rules.every((rule) => rule.startsWith('C') || rule === 'swing')).toBe(true);
    expect(rules.some((rule) => rule.startsWith('C'))).toBe(true);
  });

  it('resolves relative names against the directory npm was started from (INIT_CWD)', () => {
    expect(runs.npmCwd?.code).toBe(1);
    expect(json('npmCwd')).toEqual(json('brokenJson'));
  });
});

describe('report check: readable output', () => {
  it('has a heading with agency, year and format, findings grouped by severity with cells, and a count line', () => {
    const out = runs.brokenText!.stdout.split('\n');
    expect(out[0]).toBe('宁波市镇海区人民政府办公室 2023年政府信息公开工作年度报告');
    expect(out[1]).toContain('格式：国办公开办函〔2021〕30号');
    expect(out[1]).toContain('broken.draft.json');
    const errorsAt = out.indexOf('错误（2 项）');
    expect(errorsAt).toBeGreaterThan(1);
    expect(out[errorsAt + 1]).toMatch(/^ {2}1\. \[R3\.1\] 自然人：本年新收 37 \+ 上年结转 0 = 37，.*相差 1$/);
    expect(out[errorsAt + 2]).toBe('     单元格：表三“一、本年新收政府信息公开申请数量 / 自然人”（applications.newReceived.naturalPerson）');
    expect(out.filter((line) => line !== '').at(-1)).toBe('共 2 个错误，0 个警告。');
  });

  it('says, as the app’s comparison does, when last year’s report is another year’s or another agency’s', () => {
    // The office's 2023 report against the district's 2020 report: neither last year's nor the same agency's.
    const pairing = crossYearSummary(office2023Draft(), district2020Draft()).pairing;
    expect(pairing).toHaveLength(2);
    const out = runs.withPreviousText!.stdout.split('\n');
    for (const notice of pairing) expect(out).toContain(`注意：${notice}`);
  });

  it('says so when nothing is found', () => {
    expect(runs.cleanText?.stdout.trim().split('\n').at(-1)).toBe('未发现问题：共 0 个错误，0 个警告。');
  });

  it('prints usage in Chinese for --help, exit 0', () => {
    expect(runs.help).toMatchObject({ code: 0, stderr: '' });
    expect(runs.help?.stdout).toContain('用法：');
    expect(runs.help?.stdout).toContain('npm run --silent report -- check <草稿文件.draft.json');
    expect(runs.checkHelp).toMatchObject({ code: 0, stderr: '' });
    expect(runs.checkHelp?.stdout).toContain('--previous <文件>');
    expect(runs.checkHelp?.stdout).toContain('退出码');
  });
});

it('the fixtures this test relies on are the shared ones', () => {
  expect(JSON.parse(readFileSync(OFFICE_2023_PATH, 'utf8'))).toMatchObject({ template: '2021', year: 2023 });
});

describe('report check: values outside the domain', () => {
  it('reports invalid fee values as N10 errors (exit 1) and refuses a count beyond the maximum (exit 2)', async () => {
    const office = office2023Draft();
    const fees = structuredClone(office);
    fees.fees = { noticesIssued: -1, noticesAmount: 12.345, collectedAmount: 0 };
    writeFileSync(join(dir, 'fees.draft.json'), serializeDraft(fees));
    const result = await runInProcess(['check', 'fees.draft.json', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.filter((finding) => finding.rule === 'N10')).toEqual([
      { rule: 'N10', severity: 'error', cells: ['fees.noticesIssued'], message: '信息处理费“本年发出收费通知件数（件）”应为不小于 0 的整数，不能为负数，现为 -1' },
      {
        rule: 'N10',
        severity: 'error',
        cells: ['fees.noticesAmount'],
        message: '信息处理费“收费通知金额合计（元）”金额以元为单位，最多 2 位小数（精确到分），现为 12.345',
      },
    ]);

    const huge = serializeDraft(office).replace(/("newReceived":\s*\{\s*"naturalPerson":\s*)\d+/, (_, head: string) => `${head}1000000000000`);
    writeFileSync(join(dir, 'huge.draft.json'), huge);
    const refused = await runInProcess(['check', 'huge.draft.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('（tables.applications.newReceived.naturalPerson）的数值过大，超出本工具能精确保存的范围（绝对值最大 999999999999），请核对');
  });
});
