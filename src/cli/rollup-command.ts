/**
 * `report rollup <文件> <文件> … --agency <机关全称> [-o <输出.draft.json>] [--force]`: the 政务公开办's
 * roll-up (汇总) of its departments' and towns' reports into the government's own draft, with the same
 * `rollUp` as the app (src/domain/rollup.ts). A unit may be a draft file, a Word file the app made (its
 * draft travels inside), or a published web page or Word file (read by the importer, src/domain/import).
 *
 * Exit codes:
 *   0  every unit was read completely and passes its own check;
 *   1  the draft was written, but some unit had cells the importer could not read, errors in its own
 *      check, or 信息处理费 figures left blank that other units gave (each listed on stderr);
 *   2  nothing written: units of different years or formats, the same unit twice, a unit of the
 *      government's own name (--agency) without --include-same-agency, a file that cannot be read, an
 *      existing output without --force, or wrong arguments.
 */
import { resolve } from 'node:path';
import { draftFileName, readDraftBytes, serializeDraft } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';
import { importComplete, importDocx, importSourceOf, type ImportReport } from '../domain/import/index.ts';
import { FEES_BLANK_MARK, feesBlankLead, rollUp } from '../domain/rollup.ts';
import { parseArgs } from './args.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { alreadyThere, exists, sameFile, writeOutputFile } from './output-file.ts';
import { importReportText } from './import-command.ts';
import { readInputFile, type InputKind } from './input-file.ts';
import { importWebPage } from './parse-html.ts';

/** The flag by which the user confirms that a unit of the government's own name is a unit's report. */
const SAME_AGENCY_FLAG = 'include-same-agency';

/** How a unit's file was read, as the listing names it. */
type UnitRead = { ok: true; draft: Draft; how: string; imported?: ImportReport } | { ok: false; message: string };

const UNIT_REPORT: InputKind = { role: '', files: '草稿文件、Word 文件或网页' };

/**
 * A draft file or a Word file the app made is read as a draft; a web page, or a Word file without the
 * app's draft inside, goes through the importer.
 */
function readUnit(bytes: Uint8Array, file: string): UnitRead {
  const source = importSourceOf(bytes);
  if (source.kind === 'html') {
    const imported = importWebPage(source.text);
    return imported.ok ? { ok: true, draft: imported.draft, how: '已发布的网页（导入）', imported: imported.report } : { ok: false, message: `无法读取 ${file}：${imported.message}` };
  }
  const asDraft = readDraftBytes(bytes, file);
  if (asDraft.ok) return { ok: true, draft: asDraft.draft, how: source.kind === 'docx' ? '本工具生成的 Word 文件' : '草稿文件' };
  if (source.kind === 'docx') {
    const imported = importDocx(source.bytes);
    return imported.ok ? { ok: true, draft: imported.draft, how: 'Word 文件（导入）', imported: imported.report } : { ok: false, message: `无法读取 ${file}：${imported.message}` };
  }
  return { ok: false, message: `无法读取 ${file}：${asDraft.problems.map((problem) => problem.message).join('；')}` };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { options: ['output', 'agency'], flags: ['force', SAME_AGENCY_FLAG], aliases: { o: 'output' } });
  const inputs = parsed.positionals;
  if (inputs.length === 0) throw new UsageError('缺少要汇总的下级单位报告（草稿文件、Word 文件或网页）');
  const agency = parsed.options.agency?.trim() ?? '';
  if (agency === '') throw new UsageError('缺少 --agency <机关全称>：汇总后的报告属于哪个机关');
  const force = parsed.flags.has('force');

  const reads: UnitRead[] = [];
  const failures: string[] = [];
  for (const input of inputs) {
    const file = readInputFile(input, io.cwd, UNIT_REPORT);
    const read = file.ok ? readUnit(file.bytes, input) : file;
    if (!read.ok) failures.push(read.message);
    reads.push(read);
  }
  if (failures.length > 0) {
    io.stderr(`没有汇总：${failures.length} 个文件无法读取。\n${failures.map((line) => `  ${line}`).join('\n')}\n`);
    return EXIT.failure;
  }
  const units = reads.filter((read): read is Extract<UnitRead, { ok: true }> => read.ok);
  const result = rollUp(
    units.map((unit) => unit.draft),
    { agency, sameAgencyConfirmed: parsed.flags.has(SAME_AGENCY_FLAG) },
  );

  const lines = result.units.map((unit, index) => {
    const feesBlank = result.problems.some((problem) => problem.kind === 'feesBlank' && problem.units.includes(index));
    const status = `${unit.errors > 0 ? `，自身检查有 ${unit.errors} 处错误` : ''}${feesBlank ? `，${FEES_BLANK_MARK}` : ''}`;
    return `  ${index + 1}. ${inputs[index]}：${unit.agency || '（未填机关名称）'}，${unit.year} 年度，${unit.format}${unit.variant ? `（${unit.variant}）` : ''}，${units[index]!.how}${status}`;
  });
  io.stderr(`下级单位报告 ${result.units.length} 份：\n${lines.join('\n')}\n`);
  if (!result.ok) {
    const refusals = result.problems.filter((problem) => problem.refuses).map((problem) => {
      if (problem.kind !== 'sameAsAgency') return `  ${problem.message}`;
      // Named by its file, with the two ways on: drop the file, or confirm it with the flag.
      const file = inputs[problem.units[0]!]!;
      return `  ${file}：${problem.message}请从命令中去掉这个文件；如果它确是下级单位的报告（与本级机关同名），请加 --${SAME_AGENCY_FLAG} 计入。`;
    });
    io.stderr(`没有汇总：\n${refusals.join('\n')}\n`);
    return EXIT.failure;
  }

  const output = resolve(io.cwd, parsed.options.output ?? draftFileName(result.draft));
  if (inputs.some((input) => resolve(io.cwd, input) === output || sameFile(resolve(io.cwd, input), output))) {
    io.stderr(`不能写入 ${output}：这是要汇总的文件之一。请用 -o 指定另一个输出文件。\n`);
    return EXIT.failure;
  }
  if (!force && exists(output)) {
    io.stderr(alreadyThere(output));
    return EXIT.failure;
  }
  if (!writeOutputFile(io, output, new TextEncoder().encode(serializeDraft(result.draft)), force)) return EXIT.failure;

  let incomplete = false;
  units.forEach((unit, index) => {
    if (!unit.imported || importComplete(unit.imported)) return;
    incomplete = true;
    io.stderr(`第 ${index + 1} 份 ${inputs[index]} 有的格没有读出，按空白计入汇总：\n${importReportText(unit.imported)}`);
  });
  for (const problem of result.problems.filter((problem) => problem.kind !== 'feesBlank')) io.stderr(`${problem.message}\n`);
  // As the app's confirmation says it: which units, that the summed fee counts only the others, then each.
  const feesBlankSummary = feesBlankLead(result.units, result.problems);
  if (feesBlankSummary) {
    io.stderr(`${feesBlankSummary}\n`);
    for (const problem of result.problems.filter((problem) => problem.kind === 'feesBlank')) io.stderr(`  ${problem.message}\n`);
  }
  io.stdout(`${output}\n`);
  return incomplete || result.problems.length > 0 ? EXIT.errors : EXIT.ok;
}

export const rollupCommand: CliCommand = {
  name: 'rollup',
  summary: '汇总下级单位的年度报告，生成本级政府报告的草稿（表格和信息处理费数字相加）',
  usage: ['rollup <报告> <报告> … --agency <机关全称> [-o <输出.draft.json>] [--force] [--include-same-agency]'],
  help: [
    `用法：${INVOCATION} rollup <报告> <报告> … --agency <机关全称> [-o <输出.draft.json>] [--force] [--include-same-agency]`,
    '',
    '把各部门、乡镇（街道）的年度报告汇总成本级政府报告的草稿：三张表逐格相加（各单位都空着的格仍为空，不填 0），',
    '合计、总计按相加后的数字重新计算；金额（万元）按四位小数精确相加。正文留空，由本级编写。',
    '六中的信息处理费（收费通知件数、金额，实际收取金额）也逐项相加；有的单位没有填写而其他单位填了的，只加已填写的数字，并列出没有填写的单位，请与该单位核实。',
    '每份报告可以是草稿文件（.draft.json）、本工具生成的 Word 文件，或已发布的网页（.html）、Word 文件（按“导入”读入）。',
    '年度或格式不同的报告、同一单位的两份报告不能汇总；自身检查有错误的单位照样计入，但会列出，请与该单位核实。',
    '机关名称与 --agency 相同的报告多半是本级政府自己的报告误选进来的，不汇总并指出是哪个文件；确是下级单位的，加 --include-same-agency。',
    '',
    '选项：',
    '  --agency <机关全称>  汇总后报告所属的机关，例如“某某县人民政府”（必填）',
    '  -o, --output <文件>  输出的草稿文件；默认在当前文件夹，文件名为“<机关全称><年度>年政府信息公开工作年度报告.draft.json”',
    '  --force              输出文件已存在时覆盖它（不加时不覆盖任何已有文件）',
    '  --include-same-agency  机关名称与 --agency 相同的报告也计入（确认它是下级单位的报告，而不是本级自己的报告）',
    '',
    '退出码：0 已汇总，各单位报告完整且检查无错误；1 已生成草稿，但有单位的格没有读出、自身检查有错误或没有填写信息处理费（见标准错误输出）；',
    '2 年度或格式不同、同一单位重复、有与本级机关同名的报告（未加 --include-same-agency）、文件无法读取或写入、输出文件已存在（未加 --force）或参数有误（未生成文件）。',
  ].join('\n'),
  run,
};
