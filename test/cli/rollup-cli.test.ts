/**
 * `report rollup` as a user runs it, in-process through `runReport`: real files in a temporary folder,
 * exit codes, what is written (and that nothing is on refusal) and what is said on stderr.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-rollup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

async function report(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}

function saved(name: string, draft: Draft, agency: string, year = draft.year): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...draft, year, agency: { ...draft.agency, name: agency } }));
  return path;
}

function written(path: string): Draft {
  const read = readDraftJson(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(read.problems[0]?.message);
  return read.draft;
}

describe('report rollup', () => {
  it('sums a draft file and a published page into the government draft and exits 0', async () => {
    const unit = saved('bureau.draft.json', office2023Draft(), '镇海区发改局');
    const out = join(dir, 'gov.draft.json');
    const run = await report('rollup', unit, fixture('zhenhai-office-2023.html'), '--agency', '宁波市镇海区人民政府', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    expect(run.stderr).toContain('1. ');
    expect(run.stderr).toContain('镇海区发改局，2023 年度，2021年版格式，草稿文件');
    expect(run.stderr).toContain('宁波市镇海区人民政府办公室，2023 年度，2021年版格式，已发布的网页（导入）');
    const draft = written(out);
    expect(draft.agency.name).toBe('宁波市镇海区人民政府');
    expect(draft.year).toBe(2023);
    // Published 本年新收: 自然人 36, 合计 52 — in both units.
    const newReceived = draft.tables.applications!.newReceived as Record<string, number | null>;
    expect(newReceived.naturalPerson).toBe(72);
    expect(newReceived.total).toBe(104);
    expect(newReceived.research).toBe(0);
  });

  it('uses the agency and year for the default file name, and does not overwrite it without --force', async () => {
    const a = saved('a.draft.json', office2023Draft(), '甲局');
    const b = saved('b.draft.json', office2023Draft(), '乙局');
    const first = await report('rollup', a, b, '--agency', '某县人民政府');
    expect(first.code).toBe(0);
    const path = join(dir, '某县人民政府2023年政府信息公开工作年度报告.draft.json');
    expect(existsSync(path)).toBe(true);
    const before = readFileSync(path, 'utf8');
    const again = await report('rollup', a, b, '--agency', '某县人民政府');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已经存在');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect((await report('rollup', a, b, '--agency', '某县人民政府', '--force')).code).toBe(0);
  });

  it('exits 1 and lists the cells an imported page could not read', async () => {
    const unit = saved('district-2019.draft.json', district2020Draft(), '某区财政局', 2019);
    const out = join(dir, 'with-unread.draft.json');
    const run = await report('rollup', unit, fixture('shanghai-office-2019.html'), '--agency', '某区人民政府', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('有的格没有读出');
    expect(run.stderr).toContain('表二 政府集中采购 采购总金额：“251000元”');
    expect(existsSync(out)).toBe(true);
  });

  it('exits 1 and names a unit whose own check has errors, with the count', async () => {
    const broken = office2023Draft();
    (broken.tables.applications!.newReceived as Record<string, number>).total = 60;
    const a = saved('ok.draft.json', office2023Draft(), '甲局');
    const b = saved('broken.draft.json', broken, '乙局');
    const out = join(dir, 'flagged.draft.json');
    const run = await report('rollup', a, b, '--agency', '某县人民政府', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/乙局，2023 年度，2021年版格式，草稿文件，自身检查有 [1-9]\d* 处错误/);
    expect(run.stderr).toContain('“乙局”的报告自身检查有');
    expect(existsSync(out)).toBe(true);
  });

  it('sums the 信息处理费 figures into the written draft (0.1 + 0.2 元 is 0.3 元) and exits 0 when every unit gave them', async () => {
    const a = saved('fees-a.draft.json', { ...office2023Draft(), fees: { noticesIssued: 2, noticesAmount: 120.1, collectedAmount: 0.1 } }, '甲局');
    const b = saved('fees-b.draft.json', { ...office2023Draft(), fees: { noticesIssued: 1, noticesAmount: 30.25, collectedAmount: 0.2 } }, '乙局');
    const out = join(dir, 'fees.draft.json');
    const run = await report('rollup', a, b, '--agency', '某县人民政府', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('信息处理费');
    expect(written(out).fees).toEqual({ noticesIssued: 3, noticesAmount: 150.35, collectedAmount: 0.3 });
  });

  it('exits 1 and names a unit that left a 信息处理费 figure blank, summing that figure from the others only', async () => {
    const a = saved('fee-given.draft.json', { ...office2023Draft(), fees: { noticesIssued: 2, noticesAmount: 40, collectedAmount: 40 } }, '甲局');
    const b = saved('fee-blank.draft.json', { ...office2023Draft(), fees: { noticesIssued: 1, noticesAmount: 12.5, collectedAmount: null } }, '乙局');
    const out = join(dir, 'fee-blank-sum.draft.json');
    const run = await report('rollup', a, b, '--agency', '某县人民政府', '-o', out);
    expect(run.code).toBe(1);
    // Marked in the list of units, then said as the app's confirmation says it: which units, and each row's words.
    expect(run.stderr).toContain(`2. ${b}：乙局，2023 年度，2021年版格式，草稿文件，没有填写信息处理费\n`);
    expect(run.stderr).toContain(`1. ${a}：甲局，2023 年度，2021年版格式，草稿文件\n`);
    expect(run.stderr).toContain(
      '“乙局”的报告有信息处理费的数字没有填写，汇总的信息处理费只计入填写了的单位：\n  “乙局”的报告没有填写信息处理费“实际收取信息处理费（元）”，汇总中这一项只是其他单位所填数字之和，请与该单位核实后补填。\n',
    );
    expect(written(out).fees).toEqual({ noticesIssued: 3, noticesAmount: 52.5, collectedAmount: 40 });
  });

  it('refuses units of different years and writes nothing', async () => {
    const a = saved('y2023.draft.json', office2023Draft(), '甲局');
    const b = saved('y2024.draft.json', office2023Draft(), '乙局', 2024);
    const out = join(dir, 'mixed-years.draft.json');
    const run = await report('rollup', a, b, '--agency', '某县人民政府', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不是同一年度');
    expect(run.stderr).toContain('2024 年度：乙局');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the same unit twice (a draft and its published page) and writes nothing', async () => {
    const out = join(dir, 'twice.draft.json');
    const run = await report('rollup', saved('office.draft.json', office2023Draft(), '宁波市镇海区人民政府办公室'), fixture('zhenhai-office-2023.docx'), '--agency', '某区人民政府', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Word 文件（导入）');
    expect(run.stderr).toContain('选了 2 次');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the government’s own report among the units, naming its file and the flag, and writes nothing', async () => {
    const bureau = saved('own-bureau.draft.json', office2023Draft(), '镇海区发改局');
    const own = saved('own-government.draft.json', office2023Draft(), '宁波市镇海区人民政府');
    const out = join(dir, 'own.draft.json');
    const run = await report('rollup', bureau, own, '--agency', '宁波市镇海区人民政府', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${own}：第 2 份报告的机关“宁波市镇海区人民政府”就是本级机关，多半是本级政府自己的报告误选为下级单位的报告，计入会使本级的数字重复，没有汇总。`,
    );
    expect(run.stderr).toContain('请加 --include-same-agency 计入');
    expect(existsSync(out)).toBe(false);
  });

  it('sums a unit of the government’s own name when --include-same-agency confirms it', async () => {
    const bureau = saved('confirmed-bureau.draft.json', office2023Draft(), '镇海区发改局');
    const same = saved('confirmed-same.draft.json', office2023Draft(), '宁波市镇海区人民政府');
    const out = join(dir, 'confirmed.draft.json');
    const run = await report('rollup', bureau, same, '--agency', '宁波市镇海区人民政府', '-o', out, '--include-same-agency');
    expect(run.code).toBe(0);
    // Published 本年新收 总计 52, twice.
    expect((written(out).tables.applications!.newReceived as Record<string, number>).total).toBe(104);
  });

  it('names --include-same-agency in its help', async () => {
    const run = await report('rollup', '--help');
    expect(run.stdout + run.stderr).toContain('--include-same-agency');
  });

  it('refuses an unreadable file, naming it, and writes nothing', async () => {
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'just some notes');
    const out = join(dir, 'unreadable.draft.json');
    const run = await report('rollup', saved('c.draft.json', office2023Draft(), '丙局'), bad, join(dir, 'missing.json'), '--agency', '某县人民政府', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 个文件无法读取');
    expect(run.stderr).toContain(`无法读取 ${bad}`);
    expect(run.stderr).toContain('文件不存在');
    expect(existsSync(out)).toBe(false);
  });

  it('requires --agency and at least one file', async () => {
    const a = saved('d.draft.json', office2023Draft(), '丁局');
    const noAgency = await report('rollup', a);
    expect(noAgency.code).toBe(2);
    expect(noAgency.stderr).toContain('--agency');
    expect((await report('rollup', '--agency', '某县人民政府')).code).toBe(2);
  });
});
