/**
 * `report import <报告.html|报告.docx> [-o <输出.draft.json>] [--force]`: makes a draft of a report that
 * was not made by this app — its web page as the browser saved it, or a Word file — with the same reader
 * as the app (src/domain/import). What could not be read, and what differs from the format, is listed
 * on stderr in Chinese; the path written goes to stdout.
 *
 * Exit codes:
 *   0  every cell was read, and the 信息处理费 statement where the format asks for one (guessed labels and
 *      other remarks may still be listed);
 *   1  the draft was written, but some cells could not be read or were missing, or the 信息处理费 statement
 *      of 六 was not read (each listed on stderr with its place);
 *   2  nothing written: not such a report, an unreadable file, an existing output without --force, or
 *      wrong arguments.
 */
import { resolve } from 'node:path';
import { draftFileName, serializeDraft } from '../domain/draft-file.ts';
import { feeStatementUnread, importComplete, importDocx, importSourceOf, type ImportReport } from '../domain/import/index.ts';
import { parseArgs } from './args.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { alreadyThere, exists, writeOutputFile } from './output-file.ts';
import { readInputFile, type InputKind } from './input-file.ts';
import { importWebPage } from './parse-html.ts';

const REPORT_TO_IMPORT: InputKind = { role: '', files: '网页或 Word 文件' };

/** Lines of each list shown before "……另有 N 处". */
const MAX_LISTED = 30;

function listed(lines: readonly string[]): string[] {
  const shown = lines.slice(0, MAX_LISTED).map((line) => `  ${line}`);
  return lines.length > MAX_LISTED ? [...shown, `  ……另有 ${lines.length - MAX_LISTED} 处未列出`] : shown;
}

/** The import's account for the clerk, in Chinese: what must be filled in, then what to confirm. */
export function importReportText(report: ImportReport): string {
  const lines: string[] = [
    `已读入：${report.agency || '（未读出机关名称）'} ${report.year} 年度报告，${report.format.name}；${report.cellsRead} 格有数字，${report.cellsBlank} 格为空。`,
  ];
  if (report.unreadableCells.length > 0) {
    lines.push(`以下 ${report.unreadableCells.length} 格无法读成数字，已留空，请核对后填写：`);
    lines.push(...listed(report.unreadableCells.map((cell) => `${cell.place}：“${cell.text}”——${cell.reason}`)));
  }
  if (report.missingCells.length > 0) {
    lines.push(`以下 ${report.missingCells.length} 格在文件中没有找到，已留空，请补填：`);
    lines.push(...listed(report.missingCells.map((cell) => cell.place)));
  }
  if (report.unmatchedRows.length > 0) {
    lines.push(`以下 ${report.unmatchedRows.length} 行没有读入：`);
    lines.push(...listed(report.unmatchedRows.map((row) => `${row.table} “${row.printed}”（${row.cells.join(' ')}）：${row.reason}`)));
  }
  if (report.feeSummary !== null) lines.push(report.feeSummary);
  if (report.guessedLabels.length > 0) {
    lines.push(`以下 ${report.guessedLabels.length} 个行名与格式不完全一致，已按最接近的行读入，请核对：`);
    lines.push(...listed(report.guessedLabels.map((guess) => `${guess.table} “${guess.printed}” → “${guess.matched}”`)));
  }
  if (report.notes.length > 0) {
    lines.push('请注意：');
    lines.push(...listed(report.notes));
  }
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { options: ['output'], flags: ['force'], aliases: { o: 'output' } });
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError('缺少要导入的文件（网页 .html 或 Word 文件 .docx）');
  if (extra.length > 0) throw new UsageError(`多余的参数 ${extra.join(' ')}：一次只导入一个文件`);
  const force = parsed.flags.has('force');

  const read = readInputFile(input, io.cwd, REPORT_TO_IMPORT);
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return EXIT.failure;
  }

  const source = importSourceOf(read.bytes);
  const result =
    source.kind === 'docx'
      ? importDocx(source.bytes)
      : source.kind === 'html'
        ? importWebPage(source.text)
        : ({ ok: false, message: '这个文件既不是网页（.html）也不是 Word 文件（.docx），无法导入。' } as const);
  if (!result.ok) {
    io.stderr(`没有导入 ${input}：${result.message}\n`);
    return EXIT.failure;
  }

  const output = resolve(io.cwd, parsed.options.output ?? draftFileName(result.draft));
  if (!force && exists(output)) {
    io.stderr(alreadyThere(output));
    return EXIT.failure;
  }
  if (output === resolve(io.cwd, input)) {
    io.stderr(`不能写入 ${output}：这就是要导入的文件。请用 -o 指定另一个输出文件。\n`);
    return EXIT.failure;
  }
  if (!writeOutputFile(io, output, new TextEncoder().encode(serializeDraft(result.draft)), force)) return EXIT.failure;
  io.stderr(importReportText(result.report));
  io.stdout(`${output}\n`);
  // An unread fee statement leaves three figures to fill in by hand, as an unread cell leaves one.
  return importComplete(result.report) && !feeStatementUnread(result.report) ? EXIT.ok : EXIT.errors;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入已发布的年度报告（网页或 Word 文件），生成草稿文件',
  usage: ['import <报告.html|报告.docx> [-o <输出.draft.json>] [--force]'],
  help: [
    `用法：${INVOCATION} import <报告.html|报告.docx> [-o <输出.draft.json>] [--force]`,
    '',
    '把不是用本工具编写的年度报告——浏览器保存的网页（.html），或 Word 文件（.docx，包括 WPS 保存的）——读成草稿文件：',
    '机关名称和年度取自标题，格式（2019年版或2021年版）取自表格，三张表按行名和表头逐格读入，正文按“一、”至“六、”的标题和小标题分段。',
    '无法读成数字的格留空并列出，不会猜测数字；与格式不一致的行名、标题在标准错误输出中列出，请核对。',
    '六中信息处理费的说明（收费通知件数、金额，实际收取金额）写得明确的读入草稿；2021年版格式的报告没有读出的，三项留空并列出（2019年版格式不要求这一说明）。',
    '',
    '选项：',
    '  -o, --output <文件>  输出的草稿文件；默认在当前文件夹，文件名为“<机关全称><年度>年政府信息公开工作年度报告.draft.json”',
    '  --force              输出文件已存在时覆盖它（不加时不覆盖任何已有文件）',
    '',
    '退出码：0 全部读入；1 已生成草稿，但有的格无法读出或缺失，或没有读出六中信息处理费的说明（见标准错误输出）；2 不是年度报告、文件无法读取或写入、输出文件已存在（未加 --force）或参数有误（未生成文件）。',
  ].join('\n'),
  run,
};
