/**
 * `report docx <草稿文件|报告.docx> [-o <输出.docx>] [--force]`: writes the Word report of a draft.
 *
 * The final version when the app would allow it (`canGenerateFinal`: no error, no untouched cell, and a
 * signed approval — verified against `--reviewers` when given — unless the draft's `settings.requireApproval`
 * was switched off in the app; the command line is no way around the sign-off), otherwise the draft version
 * (every page marked 草稿), listing the reasons on stderr. The path written goes to stdout. Default output:
 * `reportFileName(draft, mode)` in the current directory. An existing file is never overwritten without
 * `--force`, and the input file never, even with it.
 *
 * Exit codes, as for `check` (0 no errors, 1 errors, 2 unusable input):
 *   0  the final report was written;
 *   1  only the draft version could be written, for the reasons listed on stderr;
 *   2  nothing written: wrong arguments, an unreadable or invalid input file, text past the limits of
 *      src/domain/text-limits.ts, an existing output without --force, or the output not writable.
 */
import { resolve } from 'node:path';
import { verifyApproval, type ApprovalVerdict } from '../domain/approval-verdict.ts';
import type { Draft } from '../domain/draft-types.ts';
import { canGenerateFinal } from '../domain/review.ts';
import { textLimitFindings } from '../domain/text-limits.ts';
import { buildReportDocx, reportFileName, type ReportMode } from '../docx/build-report.ts';
import { parseArgs } from './args.ts';
import { alreadyThere, exists, sameFile, writeOutputFile } from './output-file.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { loadDraft } from './load-draft.ts';
import { reviewersOption } from './load-reviewers.ts';
import { visibleContentVerdict } from './visible-content-check.ts';

/** Reasons listed on stderr before "……另有 N 处". */
const MAX_BLOCKERS_SHOWN = 10;

/**
 * What `docx` and `html` write: the report in one form, final when the draft passes the final gate and what
 * the file shows is what its draft says, else marked 草稿.
 */
export interface PublishedForm {
  /** `一份报告`, `一个网页`: what one call makes, for the message about extra arguments. */
  readonly one: string;
  /** What is made, as it follows 生成 in a sentence: ` Word 文件` (with its space), `网页`. */
  readonly noun: string;
  /** The first line on stderr when only a draft could be made. */
  readonly draftNotice: string;
  readonly fileName: (draft: Draft, mode: ReportMode) => string;
  readonly build: (draft: Draft, mode: ReportMode, verdict: ApprovalVerdict) => Promise<Uint8Array>;
}

/**
 * Loads the draft, decides final or 草稿 as the app does, and writes the form: never the input, never over
 * an existing file without --force, nothing at all for text past the stated limits.
 */
export async function publishReport(args: readonly string[], io: CliIo, form: PublishedForm): Promise<number> {
  const parsed = parseArgs(args, { options: ['output', 'reviewers'], flags: ['force'], aliases: { o: 'output' } });
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError('缺少草稿文件');
  if (extra.length > 0) throw new UsageError(`多余的参数 ${extra.join(' ')}：一次只生成${form.one}`);
  const force = parsed.flags.has('force');

  const loaded = loadDraft(input, io.cwd);
  if (!loaded.ok) {
    io.stderr(`${loaded.message}\n`);
    return EXIT.failure;
  }
  const draft = loaded.draft;
  // Text past the stated limits: no Word file at all, neither final nor draft (the same messages as `check`).
  const overLimit = textLimitFindings(draft);
  if (overLimit.length > 0) {
    io.stderr(`文字太长，没有生成${form.noun}：\n`);
    for (const finding of overLimit.slice(0, MAX_BLOCKERS_SHOWN)) io.stderr(`  ${finding.message}\n`);
    if (overLimit.length > MAX_BLOCKERS_SHOWN) io.stderr(`  ……另有 ${overLimit.length - MAX_BLOCKERS_SHOWN} 处未列出（用 check 命令查看全部）\n`);
    return EXIT.failure;
  }
  const listed = await reviewersOption(parsed.options.reviewers, io);
  if (!listed.ok) return EXIT.failure;
  const reviewers = listed.list;
  // A .docx edited in Word no longer shows what its draft (and its approval) says: that approval does not count.
  const visible = await visibleContentVerdict(loaded, await verifyApproval(draft, reviewers));
  const verdict = visible.verdict;
  const gate = canGenerateFinal(draft, verdict);
  const reasons = [...visible.findings.map((finding) => finding.message), ...(gate.ok ? [] : gate.reasons)];
  const mode: ReportMode = gate.ok && visible.findings.length === 0 ? 'final' : 'draft';
  const output = resolve(io.cwd, parsed.options.output ?? form.fileName(draft, mode));

  // Never the input, not even with --force (directly, through a symbolic link or a hard link): the
  // clerk's only copy of the draft may be that file.
  if (sameFile(output, loaded.path)) {
    io.stderr(`不能写入 ${output}：这就是输入的文件${input === parsed.options.output ? '' : `（${input}）`}，写入会覆盖它。请用 -o 指定另一个输出文件。\n`);
    return EXIT.failure;
  }
  if (!force && exists(output)) {
    io.stderr(alreadyThere(output));
    return EXIT.failure;
  }

  const bytes = await form.build(draft, mode, verdict);
  if (!writeOutputFile(io, output, bytes, force)) return EXIT.failure;

  if (mode === 'draft') {
    io.stderr(form.draftNotice);
    for (const reason of reasons.slice(0, MAX_BLOCKERS_SHOWN)) io.stderr(`  ${reason}\n`);
    if (reasons.length > MAX_BLOCKERS_SHOWN) io.stderr(`  ……另有 ${reasons.length - MAX_BLOCKERS_SHOWN} 处未列出（用 check 命令查看全部）\n`);
  }
  io.stdout(`${output}\n`);
  return mode === 'final' ? EXIT.ok : EXIT.errors;
}

const DOCX_FORM: PublishedForm = {
  one: '一份报告',
  noun: ' Word 文件',
  draftNotice: '还不能生成正式报告，已生成草稿（每页标有“草稿”）。原因：\n',
  fileName: reportFileName,
  build: buildReportDocx,
};

export const docxCommand: CliCommand = {
  name: 'docx',
  summary: '生成 Word 报告（有错误、未填写的表格或未经审核时生成草稿）',
  usage: ['docx <草稿文件|报告.docx> [-o <输出.docx>] [--force] [--reviewers <审核人名单.json>]'],
  help: [
    `用法：${INVOCATION} docx <草稿文件|报告.docx> [-o <输出.docx>] [--force] [--reviewers <审核人名单.json>]`,
    '',
    '按法定格式生成 Word 报告（.docx），报告中附带草稿数据，可再用本工具打开。',
    '没有错误和未填写的表格、且已审核通过（或草稿设置为不需审核）时生成正式报告；否则生成草稿（每页标有“草稿”，文件名带“（草稿）”），并在标准错误输出列出原因。',
    '',
    '选项：',
    '  -o, --output <文件>  输出文件；默认在当前文件夹，文件名为“<机关全称><年度>年政府信息公开工作年度报告.docx”',
    '  --force              输出文件已存在时覆盖它（不加时不覆盖任何已有文件；输入的文件在任何情况下都不会被覆盖）',
    '  --reviewers <文件>   本机关的审核人名单（reviewers.json）。提供时，只有名单中审核人签名有效的审核才算审核通过；',
    '                       不提供时，签名完整的审核也可生成正式报告，但文件属性中的审核状态写明“签名未核验”',
    '',
    '退出码：0 已生成正式报告；1 只能生成草稿（原因见标准错误输出）；2 文件无法读取或写入、文字超出上限、输出文件已存在（未加 --force）或参数有误（未生成文件）。',
  ].join('\n'),
  run: (args, io) => publishReport(args, io, DOCX_FORM),
};
