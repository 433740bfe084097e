// @vitest-environment node
/**
 * `report check` and `report docx` on a report in a local format (seed 000 with the Zhejiang table): the
 * variant's table is read, checked by its own rules and named by its own title in the messages; the Word
 * file the command writes carries the draft, variant included.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { readDraftBytes } from '../../src/domain/draft-file.ts';

const SEED = fileURLToPath(new URL('../fixtures/zhenhai-district-2020-zhejiang.draft.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'variant-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}

describe('check and docx on a Zhejiang report', () => {
  it('the seed passes, and the heading names the local format', async () => {
    const result = await run(['check', SEED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('格式：国办公开办函〔2019〕60号（地方格式：浙江省）');
    // The only warning: 一 of the published report has 3385 字, over the default limit of 1000 字 (N15).
    expect(result.stdout).toContain('[N15] 一、总体情况共 3385 字');
    expect(result.stdout).toContain('共 0 个错误，1 个警告');
  });

  it('a 其中 above its total and a blank in the province’s table are found, named by the table’s title', async () => {
    const file = JSON.parse(readFileSync(SEED, 'utf8'));
    file.tables.proactiveOverview.onlineInterviewsByLeaders.count = 5;
    file.tables.proactiveOverview.gazette.count = null;
    // A local rule without a length limit for 一 (3385 字 here): only the table's findings remain.
    file.settings.overviewLengthLimit = null;
    const path = join(dir, 'broken.draft.json');
    writeFileSync(path, JSON.stringify(file));
    const result = await run(['check', path, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; cells: string[]; message: string }[] };
    expect(report.findings.map((finding) => finding.rule).sort()).toEqual(['ZJ2', 'ZJ5']);
    const blank = report.findings.find((finding) => finding.rule === 'ZJ2')!;
    expect(blank.cells).toEqual(['proactiveOverview.gazette.count']);
    expect(blank.message).toContain('主动公开总体情况表');
  });

  it('docx writes a Word file whose embedded draft keeps the variant and the table', async () => {
    const out = join(dir, 'seed.docx');
    const result = await run(['docx', SEED, '-o', out]);
    // 1: the draft version (the seed has no approval), which carries the draft just the same.
    expect(result.code).toBe(1);
    const read = readDraftBytes(new Uint8Array(readFileSync(out)), 'seed.docx');
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
    expect(read.draft.variant).toBe('zhejiang');
    expect(read.draft.tables.proactiveOverview).toMatchObject({ published: { count: 23974 }, otherResponses: { count: 6100 } });
  });
});
