// @vitest-environment node
/**
 * Every command reads its input files the same way: `check`, `import` and `rollup` (and `--reviewers`)
 * refuse a folder, a device, a file larger than any report and a missing file with the same Chinese
 * message for the same case, naming the file, and write nothing.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import { office2023Draft } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-input-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'folder.json'));
// 64 MB and one byte, sparse: costs no disk.
const bigFd = openSync(join(dir, 'huge.html'), 'w');
ftruncateSync(bigFd, 64 * 1024 * 1024 + 1);
closeSync(bigFd);
writeFileSync(join(dir, 'unit.draft.json'), serializeDraft({ ...office2023Draft(), agency: { ...office2023Draft().agency, name: '某某县教育局' } }));

async function report(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}

const FOLDER = '这是一个文件夹，不是文件';
const TOO_LARGE = '文件过大（超过 64 MB），不是年度报告，没有读入';
const MISSING = '文件不存在（请检查文件名和所在文件夹）';

describe('report import', () => {
  it.each([
    ['folder.json', FOLDER],
    ['/dev/zero', '这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的网页或 Word 文件'],
    ['huge.html', TOO_LARGE],
    ['nope.html', MISSING],
  ])('refuses %s with the reason, writing nothing', async (file, reason) => {
    const out = join(dir, 'imported.draft.json');
    const run = await report('import', file, '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`无法读取 ${file}：${reason}\n`);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('report rollup', () => {
  it('lists each unreadable unit with the same reasons as import, and writes nothing', async () => {
    const out = join(dir, 'rolled.draft.json');
    const run = await report('rollup', 'unit.draft.json', 'folder.json', '/dev/zero', 'huge.html', 'nope.html', '--agency', '某某县人民政府', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        '没有汇总：4 个文件无法读取。',
        `  无法读取 folder.json：${FOLDER}`,
        '  无法读取 /dev/zero：这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的草稿文件、Word 文件或网页',
        `  无法读取 huge.html：${TOO_LARGE}`,
        `  无法读取 nope.html：${MISSING}`,
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a unit page nested deeper than any real page with the import’s reason', async () => {
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(5000)}某局2023年政府信息公开工作年度报告${'</div>'.repeat(5000)}</body></html>`);
    const run = await report('rollup', 'unit.draft.json', 'deep.html', '--agency', '某某县人民政府', '-o', join(dir, 'deep.draft.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('没有汇总：1 个文件无法读取。\n  无法读取 deep.html：这个网页的标签嵌套超过 2000 层，不是正常的网页（可能是恶意构造的文件），已拒绝。\n');
    const imported = await report('import', 'deep.html', '-o', join(dir, 'deep.draft.json'));
    expect(imported.stderr).toBe('没有导入 deep.html：这个网页的标签嵌套超过 2000 层，不是正常的网页（可能是恶意构造的文件），已拒绝。\n');
    expect(existsSync(join(dir, 'deep.draft.json'))).toBe(false);
  });
});

describe('report check', () => {
  it.each([
    ['folder.json', FOLDER],
    ['/dev/zero', '这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的草稿文件或 Word 文件'],
    ['huge.html', TOO_LARGE],
    ['nope.draft.json', MISSING],
  ])('refuses the draft %s with the same reason, naming it as the draft file', async (file, reason) => {
    const run = await report('check', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`无法读取草稿文件 ${file}：${reason}\n`);
  });

  it('refuses --previous and --reviewers files alike, naming what each is', async () => {
    const previous = await report('check', 'unit.draft.json', '--previous', 'folder.json');
    expect(previous.code).toBe(2);
    expect(previous.stderr).toBe(`无法读取上年报告 folder.json：${FOLDER}\n`);
    const reviewers = await report('check', 'unit.draft.json', '--reviewers', '/dev/zero');
    expect(reviewers.code).toBe(2);
    expect(reviewers.stderr).toBe('无法读取审核人名单 /dev/zero：这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的审核人名单\n');
  });

  it('refuses a reviewers list past its own, smaller cap', async () => {
    writeFileSync(join(dir, 'big-reviewers.json'), 'x'.repeat(1024 * 1024 + 1));
    const run = await report('check', 'unit.draft.json', '--reviewers', 'big-reviewers.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('无法读取审核人名单 big-reviewers.json：文件过大（超过 1 MB），不是审核人名单，没有读入\n');
  });
});
