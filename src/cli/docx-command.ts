/**
 * `report docx <draft.json|report.docx> [-o <out.docx>]`: writes the Word report of a draft.
 *
 * The final version when the draft has no blockers (`finalBlockers`: errors and untouched cells), otherwise
 * the draft version (every page marked 草稿), saying why on stderr. The written path goes to stdout.
 * Default output: `reportFileName(draft, mode)` in the current directory.
 *
 * Exit codes (as for `check`: 0 all good, 1 findings, 2 unusable input):
 *   0  the final report was written;
 *   1  only a draft could be written, because of the blockers listed on stderr;
 *   2  nothing written: bad arguments, unreadable or invalid input, or the output could not be written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readDraftBytes } from '../domain/draft-file.ts';
import { buildReportDocx, finalBlockers, reportFileName, type ReportMode } from '../docx/build-report.ts';

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

const defaultIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export const DOCX_USAGE = '用法：report docx <草稿.draft.json|报告.docx> [-o <输出.docx>]';

/** How many blockers are listed on stderr before "…等 N 处". */
const LISTED = 10;

function parseArgs(args: readonly string[]): { input: string; output?: string } | { error: string } {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--output') {
      const next = args[i + 1];
      if (next === undefined || next === '') return { error: `${arg} 后面要写输出文件名` };
      output = next;
      i++;
    } else if (arg.startsWith('--output=')) {
      output = arg.slice('--output='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `不认识的选项 ${arg}` };
    } else if (input === undefined) {
      input = arg;
    } else {
      return { error: `多余的参数 ${arg}：一次只能生成一份报告` };
    }
  }
  if (input === undefined) return { error: '缺少草稿文件' };
  return output === undefined ? { input } : { input, output };
}

export async function runDocxCommand(args: readonly string[], io: CommandIo = defaultIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n${DOCX_USAGE}\n`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path.resolve(io.cwd, parsed.input)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : String(error);
    io.stderr(`无法读取 ${parsed.input}：${why}\n`);
    return 2;
  }

  const read = readDraftBytes(bytes, path.basename(parsed.input));
  if (!read.ok) {
    io.stderr(`${parsed.input} 不是可用的草稿：\n`);
    for (const problem of read.problems) io.stderr(`  ${problem.path ? `${problem.path}：` : ''}${problem.message}\n`);
    return 2;
  }
  const draft = read.draft;

  const blockers = finalBlockers(draft);
  const mode: ReportMode = blockers.length === 0 ? 'final' : 'draft';
  const output = path.resolve(io.cwd, parsed.output ?? reportFileName(draft, mode));

  let docx: Uint8Array;
  try {
    docx = await buildReportDocx(draft, mode);
  } catch (error) {
    io.stderr(`生成 Word 报告失败：${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    await writeFile(output, docx);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '所在文件夹不存在' : code === 'EACCES' ? '没有写入权限' : code === 'EISDIR' ? '这是一个文件夹' : String(error);
    io.stderr(`无法写入 ${output}：${why}\n`);
    return 2;
  }

  if (mode === 'draft') {
    io.stderr(`还有 ${blockers.length} 处错误或未填写的表格，不能生成正式报告，已生成草稿（每页标有“草稿”）：\n`);
    for (const finding of blockers.slice(0, LISTED)) io.stderr(`  [${finding.rule}] ${finding.message}\n`);
    if (blockers.length > LISTED) io.stderr(`  …等共 ${blockers.length} 处\n`);
  }
  io.stdout(`${output}\n`);
  return mode === 'final' ? 0 : 1;
}
