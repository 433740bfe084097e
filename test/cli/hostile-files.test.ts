// @vitest-environment node
/**
 * Hostile and odd files through `report check` and `report docx`: zip bombs, a device that never ends, a
 * FIFO without a writer, a file larger than any report, text far past the limits, and a corpus of broken
 * drafts. Each is refused (or checked) with a Chinese message; no message carries an English fragment of
 * the system or a library.
 *
 * /dev/zero and the FIFO run as child processes with a timeout: were the command to read forever or block,
 * the child is killed and the test fails rather than hangs.
 */
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { MAX_FILE_BYTES } from '../../src/cli/input-file.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { embedDraftJson } from '../../src/domain/embedded-draft.ts';
import { TEXT_LIMIT_RULE } from '../../src/domain/text-limits.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { manyEntriesZip, zipBombDocx } from '../helpers/zip-bomb.ts';
import { setPartText } from '../helpers/narrative.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORT = join(ROOT, 'src/cli/report.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const GiB = 1024 * 1024 * 1024;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

async function inProcess(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runReport(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

/** The command as a child process, killed after `timeoutMs`: code -1 then, and `timedOut` set. */
function child(args: string[], timeoutMs = 30_000): Promise<Run & { timedOut: boolean }> {
  const { npm_lifecycle_event: _event, INIT_CWD: _init, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, REPORT, ...args], { cwd: dir, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const timedOut = error !== null && (error as { killed?: boolean }).killed === true;
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, timedOut });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// "Every message in Chinese": what Latin-letter words a message may hold.

/** Every property name and named value of the draft format (the JSON Schema lists them all, cell keys included). */
function draftKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) for (const name of Object.keys(value)) keys.add(name);
      // Values the format names (review.status: editing, approved, …) are its vocabulary too.
      if (key === 'enum' && Array.isArray(value)) for (const name of value) if (typeof name === 'string') keys.add(name);
      if (key === 'const' && typeof value === 'string') keys.add(value);
      walk(value);
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'public/draft.schema.json'), 'utf8')));
  return keys;
}
const KEYS = draftKeys();

/**
 * Names of formats, products and JSON literals a Chinese message legitimately spells in Latin letters, and
 * the command's own words (options, exit-code help). Nothing else: an English sentence fragment such as
 * "Too big: expected int to be" or "no space left on device" has words outside this list.
 */
const VOCABULARY = new Set([
  'JSON', 'UTF', 'GBK', 'Word', 'WPS', 'PDF', 'RTF', 'Office', 'zip', 'docx', 'doc', 'xls', 'wps', 'draft', 'json', 'md',
  'null', 'true', 'false', 'NaN', 'Infinity', 'undefined', 'MB', 'KB', 'YYYY', 'MM', 'DD',
  'force', 'output', 'previous', 'reviewers', 'help', 'check', 'docs', 'format',
]);

function allowedWord(word: string): boolean {
  const token = word.replace(/[.]+$/, '');
  if (VOCABULARY.has(token) || KEYS.has(token)) return true;
  if (/^U\+[0-9A-F]{4,6}$/.test(token) || /^[0-9A-F]{4,6}$/.test(token)) return true; // code points: U+FEFF
  if (/^[RNCTV]\d+(\.\d+)?[a-d]?$/.test(token) || token === 'APPROVAL' || token === 'DOCX') return true; // rule ids: R3.1, T1, N12, V1
  // A dotted place in the file: tables.applications.newReceived.naturalPerson, narrative.overview.parts.x.
  const segments = token.split('.');
  return segments.length > 1 && segments.every((segment) => KEYS.has(segment) || /^\d+$/.test(segment) || VOCABULARY.has(segment));
}

/** Latin-letter words of `text` that are no file name, key, format name or rule id: English fragments. */
function englishFragments(text: string, fileNames: readonly string[]): string[] {
  let rest = text;
  for (const name of [...fileNames].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  // A word starts after a non-alphanumeric character: the `e` of 1e+300 is part of a number.
  return (rest.match(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_.+]*/g) ?? []).filter((word) => !allowedWord(word));
}

describe('the "every message in Chinese" assertion', () => {
  it('flags the English fragments that used to reach users, and passes real Chinese messages', () => {
    for (const english of [
      '财政收费（fees.noticesIssued）不符合草稿格式，文件中是 1e+300（Too big: expected int to be <=9007199254740991）',
      'docx 执行时发生内部错误：RangeError: Maximum call stack size exceeded',
      '无法写入 /tmp/x.docx：ENOSPC: no space left on device, write',
      '读取失败（EIO: i/o error, read）',
    ]) {
      expect(englishFragments(english, ['/tmp/x.docx']), english).not.toEqual([]);
    }
    expect(
      englishFragments(
        '无法读取草稿文件 a.draft.json：表三（tables.applications.newReceived.naturalPerson）应为整数，文件中是 "36件"；请写 null。U+FEFF [R3.1] 要覆盖它请加 --force',
        ['a.draft.json'],
      ),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

function withText(mutate: (draft: Draft) => void): string {
  const draft = office2023Draft();
  draft.settings = { requireApproval: false };
  mutate(draft);
  return serializeDraft(draft);
}

/** 150,000 short paragraphs (0.75 MB), as probing found. */
const manyParagraphs = () =>
  withText((draft) => {
    setPartText(draft, 'overview', 'proactive', '段\n'.repeat(150_000));
  });
/** 70,000 added sub-headings. */
const manySubHeadings = () =>
  withText((draft) => {
    draft.narrative.overview!.parts = Array.from({ length: 70_000 }, (_, i) => ({ id: `p${i + 1}`, topic: null, title: '小标题', text: '' }));
  });

let goodDocx: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-files-'));
  const draft = office2023Draft();
  draft.settings = { requireApproval: false };
  goodDocx = await buildReportDocx(draft, 'final');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zip bombs', () => {
  it('check and docx refuse a .docx whose draft part inflates to 1 GiB (honest or lying directory), promptly and in Chinese', async () => {
    writeFileSync(join(dir, 'bomb.docx'), zipBombDocx(GiB));
    writeFileSync(join(dir, 'lying-bomb.docx'), zipBombDocx(GiB, { declaredSize: 1500 }));
    for (const file of ['bomb.docx', 'lying-bomb.docx']) {
      for (const argv of [['check', file], ['docx', file, '-o', 'never.docx']]) {
        const { code, stdout, stderr } = await inProcess(...argv);
        expect(code, argv.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(
          `无法读取草稿文件 ${file}：这个 Word 文件已损坏或不是可接受的文件：其中的数据解压后超过 16 MB，远大于本工具生成的任何报告，因此没有打开。请打开本工具保存的草稿文件（.draft.json）或本工具生成的 Word 文件。\n`,
        );
      }
    }
    expect(existsSync(join(dir, 'never.docx'))).toBe(false);
  });
});

describe('files that are not regular files, or too large', () => {
  it('check /dev/zero is refused at once, without reading the endless device (child process, killed after 30 s)', async () => {
    const result = await child(['check', '/dev/zero']);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('无法读取草稿文件 /dev/zero：这不是普通文件（而是设备、管道或套接字），只能读取保存在磁盘上的草稿文件或 Word 文件\n');
  }, 60_000);

  it('check on a FIFO with no writer does not hang (child process, killed after 30 s)', async () => {
    const fifo = join(dir, 'pipe.draft.json');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status, 'mkfifo is needed for this test').toBe(0);
    const [checked, docx] = await Promise.all([child(['check', fifo]), child(['docx', fifo, '-o', join(dir, 'from-fifo.docx')])]);
    for (const result of [checked, docx]) {
      expect(result.timedOut).toBe(false);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('这不是普通文件');
    }
    expect(existsSync(join(dir, 'from-fifo.docx'))).toBe(false);
  }, 60_000);

  it('docx -o onto a FIFO with --force does not hang waiting for a reader (child process, killed after 30 s)', async () => {
    const fifo = join(dir, 'out-pipe.docx');
    expect(spawnSync('mkfifo', [fifo]).status, 'mkfifo is needed for this test').toBe(0);
    writeFileSync(join(dir, 'for-fifo.draft.json'), withText(() => undefined));
    const result = await child(['docx', 'for-fifo.draft.json', '-o', fifo, '--force']);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`无法写入 ${fifo}：这不是普通文件（而是管道、设备或套接字），无法写入\n`);
  }, 60_000);

  it('a file larger than the limit is refused by its size, a directory as a directory', async () => {
    const big = join(dir, 'huge.draft.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1); // sparse: costs no disk
    closeSync(fd);
    const huge = await inProcess('check', 'huge.draft.json');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe('无法读取草稿文件 huge.draft.json：文件过大（超过 64 MB），不是年度报告，没有读入\n');
    mkdirSync(join(dir, 'folder.json'));
    const folder = await inProcess('check', 'folder.json');
    expect(folder.stderr).toBe('无法读取草稿文件 folder.json：这是一个文件夹，不是文件\n');
  });
});

describe('text far past the limits', () => {
  it('150,000 paragraphs: check reports the limit as an error, docx refuses with the same message and no stack trace', async () => {
    writeFileSync(join(dir, 'paragraphs.draft.json'), manyParagraphs());
    const checked = await inProcess('check', 'paragraphs.draft.json', '--json');
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { findings: { rule: string; severity: string; cells: string[]; message: string }[] };
    const limit = report.findings.filter((finding) => finding.rule === TEXT_LIMIT_RULE);
    expect(limit.map((finding) => finding.cells[0])).toContain('narrative.overview.parts.proactive');
    expect(limit.every((finding) => finding.severity === 'error')).toBe(true);
    const message = limit.find((finding) => finding.cells[0] === 'narrative.overview.parts.proactive')!.message;
    expect(message).toBe('一、总体情况（一）主动公开有 150000 字、150000 段，超过了每项 20000 字、300 段的上限，请删减（已写的内容都还在）。');

    const docx = await inProcess('docx', 'paragraphs.draft.json', '-o', 'paragraphs.docx');
    expect(docx.code).toBe(2);
    expect(docx.stdout).toBe('');
    expect(docx.stderr).toContain(message);
    expect(docx.stderr).not.toMatch(/RangeError|stack/);
    expect(existsSync(join(dir, 'paragraphs.docx'))).toBe(false);
  });

  it('70,000 sub-headings: one message about their number, docx refuses', async () => {
    writeFileSync(join(dir, 'headings.draft.json'), manySubHeadings());
    const checked = await inProcess('check', 'headings.draft.json');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('一、总体情况有 70000 个部分，超过了每节 25 个的上限');
    const docx = await inProcess('docx', 'headings.draft.json', '-o', 'headings.docx');
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('有 70000 个部分');
    expect(existsSync(join(dir, 'headings.docx'))).toBe(false);
  });
});

describe('a JSON file cut inside a Chinese character', () => {
  it('is called truncated, not GBK', async () => {
    const bytes = strToU8(serializeDraft(office2023Draft()));
    // Cut inside the first three-byte character (0xE0–0xEF lead byte): the agency's name, near the start.
    const cut = bytes.findIndex((byte) => byte >= 0xe0 && byte <= 0xef);
    expect(cut).toBeGreaterThan(0);
    for (const keep of [1, 2]) {
      writeFileSync(join(dir, `cut-${keep}.draft.json`), bytes.subarray(0, cut + keep));
      const { code, stderr } = await inProcess('check', `cut-${keep}.draft.json`);
      expect(code).toBe(2);
      expect(stderr).toContain(`文件似乎不完整：最后一个字符只有一半（结尾的 ${keep} 个字节不是完整的字符`);
      expect(stderr).not.toContain('GBK');
    }
    // Real GBK is still called GBK.
    writeFileSync(join(dir, 'gbk.draft.json'), new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xb1, 0xa8, 0xb8, 0xe6, 0x22, 0x7d]));
    expect((await inProcess('check', 'gbk.draft.json')).stderr).toContain('可能是 GBK');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The corpus

function corpus(): Record<string, string | Uint8Array> {
  const text = serializeDraft(office2023Draft());
  const good = JSON.parse(text) as Record<string, unknown>;
  const variant = (mutate: (draft: Record<string, any>) => void): string => {
    const copy = structuredClone(good) as Record<string, any>;
    mutate(copy);
    return JSON.stringify(copy, null, 2);
  };
  const foreignDocx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
  return {
    'empty.json': '',
    'blank.json': '   \n\t',
    'half.json': text.slice(0, text.length / 2),
    'third.json': text.slice(0, text.length / 3),
    'trailing-comma.json': text.replace('"naturalPerson": 36', '"naturalPerson": 36,'),
    'comment.json': `// 草稿\n${text}`,
    'single-quotes.json': "{'formatVersion': 1}",
    'full-width.json': text.replace('"year":', '“year”：'),
    'nan.json': text.replace('"naturalPerson": 36', '"naturalPerson": NaN'),
    'binary.json': new Uint8Array([0, 1, 2, 3, 0, 0, 0xff, 0x10, 0x00, 0x02, 0x03, 0x04]),
    'pdf.json': strToU8('%PDF-1.7\n...'),
    'old-office.doc': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    'rtf.json': '{\\rtf1\\ansi 报告}',
    'array.json': '[1, 2, 3]',
    'number.json': '42',
    'string.json': '"草稿"',
    'null.json': 'null',
    'object.json': '{}',
    'foreign.json': '{"备注": 1, "名称": "某某局"}',
    'deep.json': `{"formatVersion":1,"template":"2021","year":2025,"agency":{"name":"某某局"},"preamble":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    'version-99.json': variant((d) => void (d.formatVersion = 99)),
    'version-string.json': variant((d) => void (d.formatVersion = '1')),
    'template-unknown.json': variant((d) => void (d.template = '2030')),
    'template-number.json': variant((d) => void (d.template = 2021)),
    'year-string.json': variant((d) => void (d.year = '二〇二三')),
    'year-typo.json': variant((d) => void (d.year = 20223)),
    'year-wrong-format.json': variant((d) => void (d.year = 2019)),
    'no-agency.json': variant((d) => void delete d.agency),
    'agency-blank.json': variant((d) => void (d.agency.name = '   ')),
    'cell-text.json': text.replace('"naturalPerson": 36', '"naturalPerson": "36件"'),
    'cell-float.json': text.replace('"naturalPerson": 36', '"naturalPerson": 3.5'),
    'cell-huge.json': text.replace('"naturalPerson": 36', '"naturalPerson": 1e300'),
    'cell-infinite.json': text.replace('"naturalPerson": 36', '"naturalPerson": 1e400'),
    'fees-huge.json': variant((d) => void (d.fees.noticesIssued = 1e300)),
    'fees-negative-huge.json': variant((d) => void (d.fees.noticesIssued = -1e300)),
    'fees-text.json': variant((d) => void (d.fees.noticesAmount = '一百元')),
    'intro-number.json': variant((d) => void (d.narrative.overview.intro = 42)),
    'parts-string.json': variant((d) => void (d.narrative.overview.parts = '小标题')),
    'part-title-number.json': variant((d) => void (d.narrative.overview.parts[0].title = 1)),
    'part-id-duplicate.json': variant((d) => void (d.narrative.overview.parts[1].id = 'proactive')),
    'signature-date.json': variant((d) => void (d.signature.date = '2025-13-40')),
    'signature-include.json': variant((d) => void (d.signature.include = '是')),
    'unknown-keys.json': variant((d) => {
      d['备注'] = 1;
      d.agency['传真'] = '';
      d.tables.applications['合计'] = 0;
    }),
    'table-null.json': variant((d) => void (d.tables.applications = null)),
    'table-missing-group.json': variant((d) => void delete d.tables.applications.newReceived),
    'review-status.json': variant((d) => void (d.review = { status: 42 })),
    'settings.json': variant((d) => void (d.settings = { requireApproval: '否' })),
    'meta.json': variant((d) => void (d.meta = { createdAt: 5 })),
    'paragraphs.json': manyParagraphs(),
    'sub-headings.json': manySubHeadings(),
    'bomb.docx': zipBombDocx(GiB / 2),
    'lying-bomb.docx': zipBombDocx(GiB / 2, { declaredSize: 2000 }),
    'many-entries.docx': manyEntriesZip(6000),
    'foreign.docx': foreignDocx,
    'cut.docx': goodDocx.subarray(0, Math.floor(goodDocx.length * 0.7)),
    'broken-draft-inside.docx': embedDraftJson(foreignDocxWithRels(), variant((d) => void (d.fees.noticesIssued = 1e300))),
    'zip-named.json': foreignDocx,
  };
}

function foreignDocxWithRels(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/_rels/document.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  });
}

describe('a corpus of bad files through check and docx', () => {
  it('every line either command prints is Chinese: no English fragment beyond file names, keys and format names', async () => {
    const files = corpus();
    const seen: string[] = [];
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'existing.docx'), 'x');
    const runs: [string[], Run][] = [];
    for (const name of Object.keys(files)) {
      runs.push([['check', name], await inProcess('check', name)]);
      runs.push([['docx', name, '-o', `out-${name}.docx`], await inProcess('docx', name, '-o', `out-${name}.docx`)]);
    }
    for (const argv of [['check', 'missing.json'], ['check', dir], ['docx', 'cell-text.json', '-o', join(dir, 'no-such-folder', 'x.docx')]]) {
      runs.push([argv, await inProcess(...argv)]);
    }
    for (const [argv, result] of runs) {
      const label = argv.join(' ');
      expect(result.code, label).not.toBe(0);
      const lines = `${result.stderr}\n${argv[0] === 'check' ? result.stdout : ''}`.split('\n').filter((line) => line.trim() !== '');
      expect(lines.length, `${label}: says something`).toBeGreaterThan(0);
      const names = argv.slice(1).flatMap((arg) => [arg, join(dir, arg)]);
      for (const line of lines) {
        expect(englishFragments(line, [...names, dir]), `${label}: ${line}`).toEqual([]);
        expect(line, label).toMatch(/[\u4e00-\u9fff]|^\s*(\d+\.|[{}[\]",:]|"(rule|severity|cells|message|errors|warnings|findings)")/);
      }
      seen.push(label);
    }
    expect(seen.length).toBeGreaterThan(100);
  }, 120_000);
});
