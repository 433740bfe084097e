/**
 * `report html <草稿文件|报告.docx> [-o <输出.html>] [--force]`: writes the report as one self-contained web
 * page (src/html/report-page.ts) for the 年报 column of the 政府信息公开 platform.
 *
 * The same decision as `report docx`: the final page only when the Word file would be final (no error, no
 * untouched cell, a signed approval unless switched off in the app); otherwise the page marked 草稿, with
 * the reasons on stderr. The same file rules too: an existing file is never overwritten without --force,
 * the input never, and text past the limits writes nothing.
 *
 * Exit codes as for `docx`: 0 the final page was written; 1 only the draft page; 2 nothing written.
 */
import { unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyApproval } from '../domain/approval-verdict.ts';
import type { ReportMode } from '../domain/report-content.ts';
import { canGenerateFinal } from '../domain/review.ts';
import { textLimitFindings } from '../domain/text-limits.ts';
import { reportPageFileName, reportPageHtml } from '../html/report-page.ts';
import { parseArgs } from './args.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { exists, sameFile, writeOutput, writeReason } from './docx-command.ts';
import { loadDraft } from './load-draft.ts';
import { reviewersOption } from './load-reviewers.ts';
import { visibleContentVerdict } from './visible-content-check.ts';

/** Reasons listed on stderr before "……另有 N 处". */
const MAX_REASONS_SHOWN = 10;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { options: ['output', 'reviewers'], flags: ['force'], aliases: { o: 'output' } });
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError('缺少草稿文件');
  if (extra.length > 0) throw new UsageError(`多余的参数 ${extra.join(' ')}：一次只生成一个网页`);
  const force = parsed.flags.has('force');

  const loaded = loadDraft(input, io.cwd);
  if (!loaded.ok) {
    io.stderr(`${loaded.message}\n`);
    return EXIT.failure;
  }
  const draft = loaded.draft;
  const overLimit = textLimitFindings(draft);
  if (overLimit.length > 0) {
    io.stderr('文字太长，没有生成网页：\n');
    for (const finding of overLimit.slice(0, MAX_REASONS_SHOWN)) io.stderr(`  ${finding.message}\n`);
    if (overLimit.length > MAX_REASONS_SHOWN) io.stderr(`  ……另有 ${overLimit.length - MAX_REASONS_SHOWN} 处未列出（用 check 命令查看全部）\n`);
    return EXIT.failure;
  }
  const listed = await reviewersOption(parsed.options.reviewers, io);
  if (!listed.ok) return EXIT.failure;
  const visible = await visibleContentVerdict(loaded, await verifyApproval(draft, listed.list));
  const verdict = visible.verdict;
  const gate = canGenerateFinal(draft, verdict);
  const reasons = [...visible.findings.map((finding) => finding.message), ...(gate.ok ? [] : gate.reasons)];
  const mode: ReportMode = gate.ok && visible.findings.length === 0 ? 'final' : 'draft';
  const output = resolve(io.cwd, parsed.options.output ?? reportPageFileName(draft, mode));

  if (sameFile(output, loaded.path)) {
    io.stderr(`不能写入 ${output}：这就是输入的文件${input === parsed.options.output ? '' : `（${input}）`}，写入会覆盖它。请用 -o 指定另一个输出文件。\n`);
    return EXIT.failure;
  }
  if (!force && exists(output)) {
    io.stderr(`没有写入：${output} 已经存在。要覆盖它请加 --force，或用 -o 指定另一个输出文件。\n`);
    return EXIT.failure;
  }

  const bytes = new TextEncoder().encode(reportPageHtml(draft, mode, verdict));
  try {
    writeOutput(output, bytes, force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EEXIST') {
      io.stderr(`没有写入：${output} 已经存在。要覆盖它请加 --force，或用 -o 指定另一个输出文件。\n`);
      return EXIT.failure;
    }
    if (!force) {
      try {
        unlinkSync(output);
      } catch {
        // Nothing was created.
      }
    }
    io.stderr(`无法写入 ${output}：${writeReason(error)}\n`);
    return EXIT.failure;
  }

  if (mode === 'draft') {
    io.stderr(`还不能生成正式版网页，已生成草稿（页面和每个打印页上标有“草稿”）。原因：\n`);
    for (const reason of reasons.slice(0, MAX_REASONS_SHOWN)) io.stderr(`  ${reason}\n`);
    if (reasons.length > MAX_REASONS_SHOWN) io.stderr(`  ……另有 ${reasons.length - MAX_REASONS_SHOWN} 处未列出（用 check 命令查看全部）\n`);
  }
  io.stdout(`${output}\n`);
  return mode === 'final' ? EXIT.ok : EXIT.errors;
}

export const htmlCommand: CliCommand = {
  name: 'html',
  summary: '生成报告网页（供政府信息公开平台“年报”栏目发布；有错误或未经审核时标注草稿）',
  usage: ['html <草稿文件|报告.docx> [-o <输出.html>] [--force] [--reviewers <审核人名单.json>]'],
  help: [
    `用法：${INVOCATION} html <草稿文件|报告.docx> [-o <输出.html>] [--force] [--reviewers <审核人名单.json>]`,
    '',
    '把报告生成为一个独立的网页文件（.html，UTF-8，样式内嵌，不含脚本，不引用任何外部资源），内容与 Word 报告相同，',
    '可直接上传到政府信息公开平台的“年报”栏目；在手机上表格可左右滑动，用浏览器打印时按 A4 公文版式分页。',
    '与 docx 命令相同：没有错误和未填写的表格、且已审核通过（或草稿设置为不需审核）时生成正式版；否则生成标注“草稿”的网页，文件名带“（草稿）”，并在标准错误输出列出原因。',
    '',
    '选项：',
    '  -o, --output <文件>  输出文件；默认在当前文件夹，文件名为“<机关全称><年度>年政府信息公开工作年度报告.html”',
    '  --force              输出文件已存在时覆盖它（不加时不覆盖任何已有文件；输入的文件在任何情况下都不会被覆盖）',
    '  --reviewers <文件>   本机关的审核人名单（reviewers.json），作用与 docx 命令相同',
    '',
    '退出码：0 已生成正式版网页；1 只能生成草稿（原因见标准错误输出）；2 文件无法读取或写入、文字超出上限、输出文件已存在（未加 --force）或参数有误（未生成文件）。',
  ].join('\n'),
  run,
};
