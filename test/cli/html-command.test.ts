// @vitest-environment node
/**
 * `report html`, run in-process through the CLI's dispatcher: the final page (exit 0) or the page marked
 * 草稿 (exit 1, reasons on stderr), decided as for `report docx`; a `.docx` the app made as input; the file
 * rules of `docx` (never overwrite without --force, never the input, text past the limits writes nothing),
 * every message in Chinese.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { OFFICE_2023_PATH, office2023Draft } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'html-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FINAL_NAME = '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.html';
const DRAFT_NAME = '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告（草稿）.html';

/** The 2023 sample of an agency without a separate reviewer: final without a sign-off. */
function noReviewDraft(): Draft {
  return setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z'));
}
const NO_REVIEW_PATH = join(dir, 'no-review.draft.json');
writeFileSync(NO_REVIEW_PATH, JSON.stringify(noReviewDraft()));

async function report(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(['html', ...argv], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

function page(path: string): Document {
  return new new Window().DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html') as unknown as Document;
}

describe('report html', () => {
  it('writes the final page under its default name in the current directory, exit 0', async () => {
    const { code, stdout, stderr } = await report(NO_REVIEW_PATH);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${join(dir, FINAL_NAME)}\n`);
    const doc = page(join(dir, FINAL_NAME));
    expect(doc.querySelector('h1')!.textContent).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告');
    expect(doc.querySelectorAll('table').length).toBe(3);
    expect(readFileSync(join(dir, FINAL_NAME), 'utf8')).not.toContain('草稿');
  });

  it('writes the page marked 草稿 when the sign-off is missing, says why, exit 1', async () => {
    const { code, stdout, stderr } = await report(OFFICE_2023_PATH);
    expect(code).toBe(1);
    expect(stdout).toBe(`${join(dir, DRAFT_NAME)}\n`);
    expect(stderr).toContain('还不能生成正式版网页，已生成草稿');
    expect(stderr).toContain('须经审核通过');
    expect(page(join(dir, DRAFT_NAME)).querySelector('[role="note"]')!.textContent).toContain('草稿');
  });

  it('reads a .docx the app made and writes where -o says', async () => {
    writeFileSync(join(dir, 'made.docx'), await buildReportDocx(noReviewDraft(), 'final'));
    const { code, stdout } = await report('made.docx', '-o', 'from-word.html');
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(dir, 'from-word.html')}\n`);
    expect(page(join(dir, 'from-word.html')).querySelectorAll('table').length).toBe(3);
  });

  it('never overwrites an existing file without --force, and replaces it with --force', async () => {
    const target = join(dir, 'existing.html');
    writeFileSync(target, '旧文件');
    const refused = await report(NO_REVIEW_PATH, '-o', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`没有写入：${target} 已经存在。要覆盖它请加 --force，或用 -o 指定另一个输出文件。\n`);
    expect(readFileSync(target, 'utf8')).toBe('旧文件');
    const forced = await report(NO_REVIEW_PATH, '-o', target, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses to write over the input, even through a symbolic link and with --force', async () => {
    symlinkSync(NO_REVIEW_PATH, join(dir, 'link-to-input.html'));
    const before = readFileSync(NO_REVIEW_PATH, 'utf8');
    const { code, stderr } = await report(NO_REVIEW_PATH, '-o', 'link-to-input.html', '--force');
    expect(code).toBe(2);
    expect(stderr).toContain('这就是输入的文件');
    expect(readFileSync(NO_REVIEW_PATH, 'utf8')).toBe(before);
  });

  it('writes nothing for text past the limits, a missing file or wrong arguments, exit 2, in Chinese', async () => {
    const long = noReviewDraft();
    long.preamble = '字'.repeat(20_001);
    writeFileSync(join(dir, 'long.draft.json'), JSON.stringify(long));
    const tooLong = await report('long.draft.json', '-o', 'long.html');
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/^文字太长，没有生成网页：\n/);
    expect(existsSync(join(dir, 'long.html'))).toBe(false);

    const missing = await report('nowhere.draft.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(missing.stderr).not.toMatch(/ENOENT|Error/);

    const extra = await report(NO_REVIEW_PATH, 'second.json');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('多余的参数');
  });

  it('says in Chinese when the disk is full (/dev/full)', async () => {
    const { code, stderr, stdout } = await report(NO_REVIEW_PATH, '-o', '/dev/full', '--force');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('无法写入 /dev/full：磁盘空间不足，请腾出空间后重试\n');
  });

  it('is listed in the command line help', async () => {
    let stdout = '';
    await runReport(['--help'], { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: dir });
    expect(stdout).toContain('report -- html <草稿文件|报告.docx> [-o <输出.html>]');
  });
});
