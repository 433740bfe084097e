/**
 * `report import` as a user runs it, in-process through `runReport`: real files in a temporary folder,
 * exit codes, what is written and what is said on stderr.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { repeatedByteDeflate, zipOf } from '../helpers/zip-bomb.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

async function report(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}

describe('report import', () => {
  it('writes the draft of a fully read page and exits 0, naming the file on stdout', async () => {
    const out = join(dir, 'office.draft.json');
    const run = await report('import', fixture('zhenhai-office-2023.html'), '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    const read = readDraftJson(readFileSync(out, 'utf8'));
    expect(read.ok && read.draft.agency.name).toBe('宁波市镇海区人民政府办公室');
    // What to confirm is still said.
    expect(run.stderr).toContain('“2.其他法律行政止公开” → “2.其他法律行政法规禁止公开”');
    // The fee statement of 六 (本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费) is in the file and said.
    expect(read.ok && read.draft.fees).toEqual({ noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 });
    expect(read.ok && read.draft.wording?.feeText).toBe('本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    expect(run.stderr).toContain('信息处理费读出：本年发出收费通知件数 0 件，收费通知金额合计 0 元，实际收取信息处理费 0 元');
  });

  it('never overwrites an existing file without --force', async () => {
    const out = join(dir, 'existing.draft.json');
    writeFileSync(out, 'keep me');
    const refused = await report('import', fixture('zhenhai-office-2023.docx'), '-o', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已经存在');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await report('import', fixture('zhenhai-office-2023.docx'), '-o', out, '--force');
    expect(forced.code).toBe(0);
    expect(readDraftJson(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('uses the agency and year for the default file name', async () => {
    const run = await report('import', fixture('zhenhai-office-2023.html'));
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, '宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.draft.json'))).toBe(true);
  });

  it('exits 1 and lists in Chinese the cells it could not read, with place and text', async () => {
    const out = join(dir, 'shanghai.draft.json');
    const run = await report('import', fixture('shanghai-office-2019.html'), '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('以下 1 格无法读成数字');
    expect(run.stderr).toContain('表二 政府集中采购 采购总金额：“251000元”');
    // A 2019-format report: its 六 says 无。, and the format asks for no 信息处理费 statement, so none is missed.
    expect(run.stderr).not.toContain('信息处理费');
    expect(readDraftJson(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('exits 1 for a 2021-format report whose every cell is read but whose 信息处理费 statement is not, naming its place', async () => {
    const page = readFileSync(fixture('zhenhai-office-2023.html'), 'utf8');
    const sentence = '本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。';
    expect(page).toContain(sentence);
    const input = join(dir, 'no-fee-2023.html');
    writeFileSync(input, page.replace(sentence, '本机关2023年度信息处理费的收取情况见附件。'));
    const out = join(dir, 'no-fee-2023.draft.json');
    const run = await report('import', input, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('没有找到');
    expect(run.stderr).not.toContain('无法读成数字');
    expect(run.stderr).toContain('信息处理费没有读出（六、其他需要报告的事项）：其中提到信息处理费，但没有写明件数或金额。三项数字留空，请在“其他需要报告的事项”中填写。\n');
    const read = readDraftJson(readFileSync(out, 'utf8'));
    expect(read.ok && read.draft.fees).toEqual({ noticesIssued: null, noticesAmount: null, collectedAmount: null });
  });

  it('exits 0 for a 2019-format report read in full whose 六 says nothing of the 信息处理费', async () => {
    const run = await report('import', fixture('zhenhai-district-2020.html'), '-o', join(dir, 'district-2020.draft.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2019年版格式（试行）');
    expect(run.stderr).not.toContain('信息处理费');
  });

  it('exits 1 for a table cut short and lists the missing cells', async () => {
    const page = readFileSync(fixture('zhenhai-office-2023.html'), 'utf8');
    const lastRow = page.lastIndexOf('<tr>', page.indexOf('四、结转下年度继续办理'));
    const cut = join(dir, 'cut.html');
    writeFileSync(cut, page.slice(0, lastRow) + page.slice(page.indexOf('</table>', lastRow)));
    const run = await report('import', cut, '-o', join(dir, 'cut.draft.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('以下 7 格在文件中没有找到');
    expect(run.stderr).toContain('表三 四、结转下年度继续办理 自然人');
  });

  it('exits 2 and writes nothing for a page without a report', async () => {
    const page = join(dir, 'news.html');
    writeFileSync(page, '<html><body><p>首页</p><h1>关于开展防汛演练的通知</h1><p>各有关单位：……</p></body></html>');
    const out = join(dir, 'news.draft.json');
    const run = await report('import', page, '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/没有导入 .*news\.html：这个文件不像是《政府信息公开工作年度报告》/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a file that is neither a page nor a Word file', async () => {
    const file = join(dir, 'data.bin');
    writeFileSync(file, new Uint8Array([0, 1, 2, 3, 255]));
    const run = await report('import', file, '-o', join(dir, 'data.draft.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('既不是网页（.html）也不是 Word 文件（.docx）');
  });

  it('refuses a zip bomb named .docx after inflating no more than the limit, writing nothing', async () => {
    const bomb = join(dir, 'bomb.docx');
    const inflated = 1024 * 1024 * 1024;
    writeFileSync(bomb, zipOf([{ name: 'word/document.xml', method: 8, data: repeatedByteDeflate(0x20, inflated), declaredSize: 1000 }]));
    const out = join(dir, 'bomb.draft.json');
    const run = await report('import', bomb, '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('超过 16 MB');
    expect(existsSync(out)).toBe(false);
  });
});

describe('report import of hostile pages', () => {
  it('refuses a page nested deeper than any real page before parsing it', async () => {
    const page = join(dir, 'deep.html');
    writeFileSync(page, `<html><body>${'<div>'.repeat(200_000)}2019年某局政府信息公开工作年度报告${'</div>'.repeat(200_000)}</body></html>`);
    const run = await report('import', page, '-o', join(dir, 'deep.draft.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('标签嵌套超过 2000 层');
    expect(existsSync(join(dir, 'deep.draft.json'))).toBe(false);
  });

  it('reads a table of absurd spans as no report table, writing nothing', async () => {
    const page = join(dir, 'spans.html');
    const row = '<tr><td colspan="100000" rowspan="100000">规章</td><td rowspan="0">1</td></tr>';
    writeFileSync(page, `<html><body><p>2019年某局政府信息公开工作年度报告</p><p>一、总体情况</p><table>${row.repeat(2000)}</table></body></html>`);
    const run = await report('import', page, '-o', join(dir, 'spans.draft.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有一张是《政府信息公开工作年度报告》的统计表');
  });
});

describe('report import of a page in the GBK encoding', () => {
  it('decodes the page as it declares and reads it like the UTF-8 one', async () => {
    const gbk = join(dir, 'gbk.draft.json');
    const utf8 = join(dir, 'utf8.draft.json');
    expect((await report('import', fixture('zhenhai-office-2023.gbk.html'), '-o', gbk)).code).toBe(0);
    expect((await report('import', fixture('zhenhai-office-2023.html'), '-o', utf8)).code).toBe(0);
    const read = (path: string) => {
      const result = readDraftJson(readFileSync(path, 'utf8'));
      if (!result.ok) throw new Error(path);
      return result.draft;
    };
    expect(read(gbk).agency.name).toBe('宁波市镇海区人民政府办公室');
    expect(read(gbk).tables).toEqual(read(utf8).tables);
    expect(read(gbk).narrative).toEqual(read(utf8).narrative);
  });
});
