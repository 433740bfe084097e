// @vitest-environment node
/**
 * `report docx`, run in-process through the CLI's dispatcher: final (exit 0) or draft (exit 1, reasons on
 * stderr), default file name in the current directory, `-o`, a `.docx` the app made as input, and exit 2
 * with nothing written for unusable input; an existing file overwritten only with --force and the input never;
 * write errors in Chinese.
 */
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { runReport } from '../../src/cli/report.ts';
import { writeReason } from '../../src/cli/output-file.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { reportFileName } from '../../src/docx/build-report.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { OFFICE_2023_PATH, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx } from '../helpers/read-docx.ts';

const dir = mkdtempSync(join(tmpdir(), 'docx-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The 2023 sample as an agency without a separate reviewer would keep it: the requirement switched off
 * in the app (a history step), so the final needs no sign-off.
 */
const NO_REVIEW_PATH = join(dir, 'no-review.draft.json');
function noReviewDraft(): Draft {
  return setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:00:00Z'));
}
writeFileSync(NO_REVIEW_PATH, JSON.stringify(noReviewDraft()));

async function report(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(['docx', ...argv], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

describe('report docx', () => {
  it('writes the final report under its default name in the current directory, exit 0', async () => {
    const { code, stdout, stderr } = await report(NO_REVIEW_PATH);
    const name = reportFileName(office2023Draft(), 'final');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe(join(dir, name));
    const doc = readDocx(readFileSync(join(dir, name)));
    expect(doc.headers).toEqual([]);
  });

  it('writes only a draft when blockers remain, lists them on stderr, exit 1', async () => {
    const draft: Draft = noReviewDraft();
    (draft.tables.reviewLitigation!.review as Record<string, number | null>).upheld = null;
    writeFileSync(join(dir, 'blocked.draft.json'), JSON.stringify(draft));
    const { code, stdout, stderr } = await report('blocked.draft.json');
    expect(code).toBe(1);
    expect(stderr).toContain('草稿');
    expect(stderr).toMatch(/未填写/);
    const path = join(dir, reportFileName(draft, 'draft'));
    expect(stdout.trim()).toBe(path);
    expect(path).toMatch(/（草稿）\.docx$/);
    expect(readDocx(readFileSync(path)).headers.length).toBe(2);
  });

  it('writes only a draft of a complete report that still needs its sign-off, and says why, exit 1', async () => {
    // The test above wrote a draft under the same default name: replacing it takes --force.
    const { code, stdout, stderr } = await report(OFFICE_2023_PATH, '--force');
    expect(code).toBe(1);
    expect(stderr).toContain('正式报告须经审核通过后才能生成');
    expect(stdout.trim()).toBe(join(dir, reportFileName(office2023Draft(), 'draft')));
  });

  it('writes where -o says and reads a .docx the app made', async () => {
    expect((await report(NO_REVIEW_PATH, '-o', 'first.docx')).code).toBe(0);
    const again = await report('first.docx', '--output', 'second.docx');
    expect(again.code).toBe(0);
    const json = extractEmbeddedDraftJson(readFileSync(join(dir, 'second.docx')));
    // The draft as the CLI read it (the reader fills in defaults, e.g. the review state) travels on unchanged.
    const read = readDraftJson(readFileSync(NO_REVIEW_PATH, 'utf8'));
    if (!read.ok) throw new Error('fixture unreadable');
    expect(JSON.parse(json!)).toEqual(read.draft);
  });

  it('exits 2 and writes nothing for a missing or unreadable file or wrong arguments', async () => {
    const before = readdirSync(dir).sort();
    writeFileSync(join(dir, 'broken.json'), '{ "formatVersion": 1, ');
    const after = [...before, 'broken.json'].sort();
    for (const argv of [['missing.json'], ['broken.json'], [], ['a.json', 'b.json'], [OFFICE_2023_PATH, '--bogus']]) {
      const { code, stderr, stdout } = await report(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).not.toBe('');
      expect(stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(after);
  });

  it('exits 2 when the output cannot be written', async () => {
    const { code, stderr } = await report(NO_REVIEW_PATH, '-o', join(dir, 'no-such-dir', 'x.docx'));
    expect(code).toBe(2);
    expect(stderr).toContain('无法写入');
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('never overwrites an existing file without --force, and replaces it with --force', async () => {
    const target = join(dir, 'existing.docx');
    writeFileSync(target, 'the clerk’s own file');
    const refused = await report(NO_REVIEW_PATH, '-o', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`没有写入：${target} 已经存在。要覆盖它请加 --force，或用 -o 指定另一个输出文件。\n`);
    expect(refused.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe('the clerk’s own file');

    const forced = await report(NO_REVIEW_PATH, '-o', target, '--force');
    expect(forced.code).toBe(0);
    expect(readDocx(readFileSync(target)).headers).toEqual([]);
  });

  it('refuses to write over the input, directly or through a symbolic link or a hard link, even with --force', async () => {
    const input = join(dir, 'own.draft.json');
    const original = JSON.stringify(noReviewDraft());
    writeFileSync(input, original);
    symlinkSync(input, join(dir, 'link-to-own.docx'));
    linkSync(input, join(dir, 'hard-link-to-own.docx'));
    for (const output of ['own.draft.json', 'link-to-own.docx', 'hard-link-to-own.docx']) {
      for (const extra of [[], ['--force']]) {
        const { code, stderr, stdout } = await report('own.draft.json', '-o', output, ...extra);
        expect(code, `${output} ${extra.join(' ')}`).toBe(2);
        expect(stderr).toContain('这就是输入的文件');
        expect(stdout).toBe('');
        expect(readFileSync(input, 'utf8')).toBe(original);
      }
    }
    // A .docx the app made as input: -o naming that same file is refused too.
    expect((await report('own.draft.json', '-o', 'own.docx')).code).toBe(0);
    const docxBefore = readFileSync(join(dir, 'own.docx'));
    expect((await report('own.docx', '-o', 'own.docx', '--force')).code).toBe(2);
    expect(readFileSync(join(dir, 'own.docx')).equals(docxBefore)).toBe(true);
  });

  it('does not follow a dangling symbolic link without --force', async () => {
    const link = join(dir, 'dangling.docx');
    symlinkSync(join(dir, 'nowhere', 'target.docx'), link);
    const { code, stderr } = await report(NO_REVIEW_PATH, '-o', link);
    expect(code).toBe(2);
    expect(stderr).toContain('已经存在');
  });

  it('says in Chinese when the disk is full (/dev/full: ENOSPC)', async () => {
    expect(existsSync('/dev/full'), '/dev/full is needed to simulate a full disk').toBe(true);
    const { code, stderr, stdout } = await report(NO_REVIEW_PATH, '-o', '/dev/full', '--force');
    expect(code).toBe(2);
    expect(stderr).toBe('无法写入 /dev/full：磁盘空间不足，请腾出空间后重试\n');
    expect(stdout).toBe('');
  });

  it('maps the other write errors a clerk can act on to Chinese, never to the system’s English text', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: i/o error, write`), { code });
    expect(writeReason(error('EIO'))).toBe('写入时磁盘或网络驱动器出错（输入输出错误），请检查存储设备后重试');
    expect(writeReason(error('EROFS'))).toBe('所在磁盘是只读的');
    expect(writeReason(error('EDQUOT'))).toBe('超出了磁盘配额，请腾出空间后重试');
    for (const code of ['EIO', 'ENOSPC', 'EROFS', 'EDQUOT', 'EFBIG', 'ENAMETOOLONG', 'ENOTDIR', 'EACCES', 'EBUSY', 'ENOENT', 'EISDIR']) {
      // Product names (Word, WPS) are the only Latin letters a message may hold.
      expect(writeReason(error(code)).replace(/Word|WPS/g, ''), code).not.toMatch(/[A-Za-z]/);
    }
  });
});
