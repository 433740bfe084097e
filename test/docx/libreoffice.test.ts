// @vitest-environment node
/**
 * A real client opens the report (issue 3): LibreOffice converts each generated file to PDF without error,
 * and the PDF's text (`pdftotext -layout`) holds every table number of the fixture in reading order —
 * table by table, row by row, each row's numbers left to right on one line. Also: the draft version shows
 * 草稿 on every page, and the embedded draft survives a LibreOffice DOCX → DOCX round trip (the reason
 * src/domain/embedded-draft.ts uses a custom XML part).
 *
 * Needs `soffice` (Debian `libreoffice-writer-nogui`) and `pdftotext` (Debian `poppler-utils`); without
 * them the tests FAIL, never skip. Conversions run one after another, each with its own profile (HOME and
 * -env:UserInstallation in a temp dir) so they cannot clash with another LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCellValue } from '../../src/domain/cell-input.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { layoutTable } from '../../src/domain/table-layout.ts';
import { tableSections } from '../../src/domain/template.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { CHARS_PER_LINE, LINES_PER_PAGE } from '../../src/docx/typography.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx } from '../helpers/read-docx.ts';

const CONVERT_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 300_000;
const INSTALL_HINT =
  'install LibreOffice Writer and Poppler: `apt-get install -y libreoffice-writer-nogui poppler-utils` (Debian/Ubuntu)';

function requireTool(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} is not available (${result.error?.message ?? `exit ${result.status}`}): ${INSTALL_HINT}`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'docx-libreoffice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts `file` with soffice into `outDir` (format e.g. `pdf` or `docx:"MS Word 2007 XML"`); returns the output path. */
function convert(file: string, format: string, extension: string): string {
  const outDir = join(work, `out-${extension}`);
  mkdirSync(outDir, { recursive: true });
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: CONVERT_TIMEOUT_MS, env: { ...process.env, HOME: home } },
  );
  const name = file.split('/').pop()!.replace(/\.docx$/, `.${extension}`);
  const out = join(outDir, name);
  if (result.error || result.status !== 0 || !existsSync(out)) {
    throw new Error(
      `soffice could not convert ${file} to ${format}: ${result.error?.message ?? `exit ${result.status}`}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return out;
}

/**
 * Files one soffice run converts at most: LibreOffice 7.4 stopped without a word (exit 0) after 246 of 308
 * reports in one run.
 */
const FILES_PER_RUN = 100;

/**
 * Converts several `.docx` files to PDF, up to `FILES_PER_RUN` in one soffice run (one start-up for them);
 * returns the PDF paths in order.
 */
function convertAllToPdf(files: readonly string[]): string[] {
  const outDir = join(work, 'out-batch');
  mkdirSync(outDir, { recursive: true });
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  const pdfs: string[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_RUN) {
    const batch = files.slice(start, start + FILES_PER_RUN);
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...batch],
      { encoding: 'utf8', timeout: CONVERT_TIMEOUT_MS * 2, env: { ...process.env, HOME: home } },
    );
    for (const file of batch) {
      const out = join(outDir, file.split('/').pop()!.replace(/\.docx$/, '.pdf'));
      if (result.error || result.status !== 0 || !existsSync(out)) {
        throw new Error(`soffice could not convert ${file}: ${result.error?.message ?? `exit ${result.status}`}\n${result.stdout}\n${result.stderr}`);
      }
      pdfs.push(out);
    }
  }
  return pdfs;
}

function pdfText(pdf: string): string {
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

const NUMBER = /-?\d+(?:\.\d+)?/g;

/** Each table row's printed numbers, left to right, table by table (what the PDF must show in this order). */
function expectedRows(draft: Draft): { where: string; numbers: string[] }[] {
  const template = templateOf(draft);
  const values = computeTotals(template, flattenTables(template, draft.tables));
  return tableSections(template).flatMap((section) =>
    layoutTable(section.table).flatMap((row, r) => {
      const numbers = row.cells.flatMap((cell) => (cell.kind === 'value' ? [formatCellValue(values[cell.cell.key] ?? null)] : []));
      return numbers.length === 0 ? [] : [{ where: `${section.heading} row ${r}`, numbers }];
    }),
  );
}

/**
 * Finds the rows in reading order: each row on a later line than the one before, as the last numbers of
 * that line (a row label may hold a number such as `1.` before them). Returns the rows not found.
 */
function rowsInOrder(text: string, rows: { where: string; numbers: string[] }[]): string[] {
  const lines = text.split('\n').map((line) => line.match(NUMBER) ?? []);
  let next = 0;
  const missing: string[] = [];
  for (const row of rows) {
    const at = lines.findIndex((tokens, i) => {
      if (i < next || tokens.length < row.numbers.length) return false;
      const tail = tokens.slice(tokens.length - row.numbers.length);
      return tail.every((token, k) => token === row.numbers[k]);
    });
    if (at < 0) missing.push(`${row.where}: ${row.numbers.join(' ')}`);
    else next = at + 1;
  }
  return missing;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** The PDF's pages as text without their page numbers (`— 3 —`), whitespace removed. */
function pageTexts(pdf: string): string[] {
  return pdfText(pdf)
    .split('\f')
    .map((page) =>
      compact(
        page
          .split('\n')
          .filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line))
          .join('\n'),
      ),
    )
    .filter((page) => page !== '');
}

/**
 * The body paragraphs (outside tables) of a Word file that the rendered pages do not show whole, in order:
 * each paragraph's characters, whitespace aside, must follow the previous paragraph's in the page text.
 */
function paragraphsNotShownWhole(docx: Uint8Array, pages: readonly string[]): string[] {
  const text = pages.join('');
  let at = 0;
  const missing: string[] = [];
  for (const paragraph of readDocx(docx).paragraphs) {
    const wanted = compact(paragraph.text);
    if (wanted === '') continue;
    const found = text.indexOf(wanted, at);
    if (found < 0) missing.push(wanted);
    else at = found + wanted.length;
  }
  return missing;
}

/**
 * Sentences whose punctuation falls at every position of a 28-character line as they repeat, so that some
 * comma or 顿号 is the 29th character of a line (the one LibreOffice used to hang past the margin and drop).
 */
const SHIFTING_TEXT = '本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，电话0574-89287728。';

describe('LibreOffice opens the Word report', () => {
  it('has soffice and pdftotext installed', () => {
    requireTool('soffice', ['--version']);
    requireTool('pdftotext', ['-v']);
  });

  for (const [name, makeDraft] of [
    ['zhenhai-office-2023', office2023Draft],
    ['zhenhai-district-2020', district2020Draft],
  ] as const) {
    it(
      `converts ${name} to PDF holding every heading and every table number in reading order`,
      async () => {
        const draft = makeDraft();
        const file = join(work, `${name}.docx`);
        writeFileSync(file, await buildReportDocx(draft, 'final'));
        const text = pdfText(convert(file, 'pdf', 'pdf'));
        const flat = compact(text);
        expect(flat).toContain(compact(`${draft.year}年政府信息公开工作年度报告`));
        for (const section of templateOf(draft).sections) expect(flat).toContain(compact(section.heading));
        // Only the part of the text from table 二 to section 五: no narrative numbers in between.
        const template = templateOf(draft);
        const first = template.sections.find((s) => s.kind === 'table')!.heading;
        const after = template.sections.find((s) => s.id === 'problems')!.heading;
        const lines = text.split('\n');
        const start = lines.findIndex((line) => compact(line).includes(compact(first)));
        const end = lines.findIndex((line, i) => i > start && compact(line).includes(compact(after)));
        expect(start).toBeGreaterThan(0);
        expect(end).toBeGreaterThan(start);
        const rows = expectedRows(draft);
        expect(rows.length).toBeGreaterThan(25);
        expect(rowsInOrder(lines.slice(start, end).join('\n'), rows)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'prints every character of every paragraph of both samples, and keeps （三）不予公开 on one page',
    async () => {
      const drafts = [office2023Draft(), district2020Draft()];
      const files = await Promise.all(
        drafts.map(async (draft, i) => {
          const file = join(work, `whole-${i}.docx`);
          writeFileSync(file, await buildReportDocx(draft, 'final'));
          return file;
        }),
      );
      convertAllToPdf(files).forEach((pdf, i) => {
        const pages = pageTexts(pdf);
        expect(paragraphsNotShownWhole(readFileSync(files[i]!), pages), files[i]).toEqual([]);
        const groupPages = ['1.属于国家秘密', '4.保护第三方合法权益', '8.属于行政查询事项'].map((label) => pages.findIndex((page) => page.includes(label)));
        expect(groupPages[0], files[i]).toBeGreaterThan(0);
        expect(new Set(groupPages).size, `${files[i]}: （三） on pages ${groupPages.join(', ')}`).toBe(1);
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'prints a long text whole at every line position, and the 落款 on the page of the last paragraph whatever the length',
    async () => {
      // The 信息处理费 text (六, the report's last text here) is lengthened a paragraph of two lines at a time, so
      // that the 落款 moves over a page boundary. A long agency name makes the 落款 three lines. The 编制说明 is
      // one long paragraph whose punctuation falls at every position of a line.
      const files = await Promise.all(
        Array.from({ length: 24 }, async (_unused, k) => {
          const draft = office2023Draft();
          draft.agency.name = k % 2 === 0 ? draft.agency.name : '宁波市镇海区人民政府办公室宁波市镇海区大数据发展管理局';
          draft.signature = { include: true, date: '2024-01-20' };
          draft.preamble = Array.from({ length: 12 }, () => SHIFTING_TEXT).join('');
          draft.wording = { feeText: Array.from({ length: k + 1 }, () => SHIFTING_TEXT).join('\n') };
          const file = join(work, `long-${k}.docx`);
          writeFileSync(file, await buildReportDocx(draft, 'final'));
          return { file, draft };
        }),
      );
      const pdfs = convertAllToPdf(files.map(({ file }) => file));
      const pageCounts = new Set<number>();
      pdfs.forEach((pdf, k) => {
        const { file, draft } = files[k]!;
        const docx = readFileSync(file);
        const pages = pageTexts(pdf);
        pageCounts.add(pages.length);
        expect(paragraphsNotShownWhole(docx, pages), file).toEqual([]);
        // The 落款 is the last line of the last paragraph (src/docx/signature-box.ts).
        const signature = compact(`${draft.agency.name}2024年1月20日`);
        const lastParagraph = compact(readDocx(docx).paragraphs.at(-1)!.text);
        expect(lastParagraph.endsWith(signature)).toBe(true);
        const lastBody = lastParagraph.slice(0, -signature.length);
        const last = pages[pages.length - 1]!;
        expect(last.endsWith(signature), `${file}: the 落款 is together on the last page`).toBe(true);
        expect(last.includes(lastBody.slice(-10) + signature), `${file}: the last paragraph ends on the 落款's page, just above it`).toBe(true);
      });
      // The lengths really moved the end of the report across pages.
      expect(pageCounts.size).toBeGreaterThan(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'puts the 落款 on the page where the last paragraph ends, for last paragraphs of 1 to 40 lines ending at every line of a page',
    async () => {
      // The 信息处理费 text (六) is the report's last text: a padding paragraph of 0–21 full lines, then the last
      // paragraph of n full lines, so that its end passes every line of a page, the page foot included. Lines are
      // full lines of Han characters (28 a line, the first indented by 2), ending in a tag found in the PDF. Every
      // other length uses an agency name of two lines (a 落款 of four lines with the blank line above it). 19 to 24
      // lines: a paragraph that fits a page while it and the 落款 together do not, where a 落款 kept with the
      // paragraph as a paragraph of its own was left alone on the next page.
      const lengths = [1, 3, 7, 10, 14, 18, 19, 20, 21, 22, 23, 24, 25, 40];
      const longName = '宁波市镇海区人民政府办公室宁波市镇海区大数据发展管理局';
      const filler = '政府信息公开工作依法推进年度报告按期编制发布';
      const fullLines = (count: number, tag: string) => {
        const text = filler.repeat(2 * count + 1);
        return text.slice(0, CHARS_PER_LINE * count - 2 - tag.length - 1) + `${tag}。`;
      };
      const cases = await Promise.all(
        lengths.flatMap((lines, l) =>
          Array.from({ length: LINES_PER_PAGE }, async (_unused, padding) => {
            const draft = office2023Draft();
            if (l % 2 === 1) draft.agency.name = longName;
            draft.signature = { include: true, date: '2024-01-20' };
            const endTag = `末段${lines}行尾`;
            draft.wording = { feeText: [...(padding > 0 ? [fullLines(padding, '垫')] : []), fullLines(lines, endTag)].join('\n') };
            const file = join(work, `end-${lines}-${padding}.docx`);
            writeFileSync(file, await buildReportDocx(draft, 'final'));
            return { file, lines, endTag, signature: compact(`${draft.agency.name}2024年1月20日`) };
          }),
        ),
      );
      const pdfs = convertAllToPdf(cases.map(({ file }) => file));
      const pageCountsByLength = new Map<number, Set<number>>();
      const misplaced: string[] = [];
      const fullPageLines: number[] = [];
      pdfs.forEach((pdf, k) => {
        const { file, lines, endTag, signature } = cases[k]!;
        const pages = pageTexts(pdf);
        expect(paragraphsNotShownWhole(readFileSync(file), pages), file).toEqual([]);
        const endPage = pages.findIndex((page) => page.includes(`${endTag}。`));
        const signaturePage = pages.findIndex((page) => page.endsWith(signature));
        if (endPage < 0 || endPage !== signaturePage || !pages[endPage]!.endsWith(`${endTag}。${signature}`)) {
          misplaced.push(`${file}: paragraph ends on page ${endPage + 1}, 落款 on page ${signaturePage + 1}`);
        }
        pageCountsByLength.set(lines, (pageCountsByLength.get(lines) ?? new Set()).add(pages.length));
        // A page of nothing but the last paragraph's lines (its lines are at least, not exactly, a line pitch
        // high, to make room for the 落款) still holds the 22 lines of a page. The page before the 落款's may hold
        // fewer when just the paragraph's last line went on with the 落款 (widow control).
        if (lines === 40) {
          const printed = pdfText(pdf)
            .split('\f')
            .filter((page) => page.trim() !== '')
            .map((page) => page.split('\n').filter((line) => line.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(line)));
          const linesBeforeSignature = printed[signaturePage]!.findIndex((line) => compact(line).includes(`${endTag}。`)) + 1;
          printed.slice(0, linesBeforeSignature >= 2 ? signaturePage : signaturePage - 1).forEach((textLines) => {
            if (textLines.every((line) => [...compact(line)].every((char) => filler.includes(char)))) fullPageLines.push(textLines.length);
          });
        }
      });
      expect(misplaced).toEqual([]);
      // For every length the padding moved the paragraph's end over a page boundary, so it passed the page foot.
      for (const lines of lengths) expect(pageCountsByLength.get(lines)!.size, `${lines} lines`).toBeGreaterThan(1);
      expect(fullPageLines.length).toBeGreaterThan(0);
      expect(new Set(fullPageLines)).toEqual(new Set([LINES_PER_PAGE]));
    },
    // 308 reports in one LibreOffice run.
    3 * TEST_TIMEOUT_MS,
  );

  it(
    'shows 草稿 on every page of a draft',
    async () => {
      const draft = office2023Draft();
      (draft.tables.reviewLitigation!.review as Record<string, number | null>).upheld = null;
      const file = join(work, 'draft-version.docx');
      writeFileSync(file, await buildReportDocx(draft, 'draft'));
      const pages = pdfText(convert(file, 'pdf', 'pdf')).split('\f').filter((page) => page.trim() !== '');
      expect(pages.length).toBeGreaterThan(3);
      pages.forEach((page, i) => expect(compact(page), `page ${i + 1}`).toContain('草稿'));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps the embedded draft when LibreOffice saves the file as .docx again',
    async () => {
      const draft = district2020Draft();
      const file = join(work, 'round-trip.docx');
      writeFileSync(file, await buildReportDocx(draft, 'final'));
      const saved = convert(file, 'docx:MS Word 2007 XML', 'docx');
      const json = extractEmbeddedDraftJson(readFileSync(saved));
      expect(json).not.toBeNull();
      expect(JSON.parse(json!)).toEqual(draft);
    },
    TEST_TIMEOUT_MS,
  );
});
