/**
 * `report check <草稿文件|报告.docx> [--previous <上年草稿>] [--reviewers <审核人名单>] [--json]`: runs the
 * domain's one check (`reportFindings`, the same the app lists and the final gate weighs) over a draft
 * file and prints the findings, and the approval's state as a finding of its own (rule `APPROVAL`: valid,
 * void and why, or absent), as a readable Chinese list or (`--json`) as
 * `{"errors": n, "warnings": n, "findings": [{"rule","severity","cells","message"}], "approval": {"state","reason"?,"message"}}`
 * (a finding about a number in the text adds `text` — part and offsets, the number stated and the tables'
 * — and `textFix`; a part repeated from last year's report adds `repeated`, the sentences of both years)
 * and nothing else. Exit 0 without errors (warnings allowed), 1 with errors, 2 when a file cannot be read.
 */
import { basename } from 'node:path';
import { templateOf } from '../domain/values.ts';
import { placeName } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { Finding } from '../domain/findings.ts';
import { reportFindings } from '../domain/check.ts';
import { crossYearSummary } from '../domain/cross-year.ts';
import { skippedCrossYearRules } from '../domain/rules.ts';
import { approvalFinding, type ApprovalVerdict, verifyApproval } from '../domain/approval-verdict.ts';
import { reviewersOption } from './load-reviewers.ts';
import { visibleContentVerdict } from './visible-content-check.ts';
import type { ReportTemplate } from '../domain/template-types.ts';
import { parseArgs } from './args.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { loadDraft } from './load-draft.ts';

/** Cells listed under one finding in the text output; R3.5 can name a whole table. */
const MAX_CELLS_SHOWN = 5;

export interface CheckReport {
  errors: number;
  warnings: number;
  /** `pending`: only on a relation still waiting for untouched cells (待填; still counted as an error). */
  /**
   * `text`/`textFix`: a number in the text (N1–N9, N14) — where it is and the one-click fix (none for a
   * statement of absence such as 未收到政府信息公开申请, whose `text.stated` is 0); `repeated`:
   * the sentences a part repeats from last year's report (N17).
   */
  findings: ({ rule: string; severity: Finding['severity']; cells: string[]; message: string; pending?: string[] } & Pick<Finding, 'text' | 'textFix' | 'repeated'>)[];
  /** The approval's state; also a finding (rule `APPROVAL`) when it is void. */
  approval?: { state: ApprovalVerdict['state']; reason?: string; message: string };
}

export function checkReport(findings: readonly Finding[], verdict?: ApprovalVerdict): CheckReport {
  const approval = verdict ? approvalFinding(verdict) : null;
  const all = approval?.finding ? [...findings, approval.finding] : findings;
  return {
    errors: all.filter((finding) => finding.severity === 'error').length,
    warnings: all.filter((finding) => finding.severity === 'warning').length,
    findings: all.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      cells: [...finding.cells],
      message: finding.message,
      ...(finding.pending ? { pending: [...finding.pending] } : {}),
      ...(finding.text ? { text: { ...finding.text } } : {}),
      ...(finding.textFix ? { textFix: { ...finding.textFix } } : {}),
      ...(finding.repeated ? { repeated: finding.repeated.map((sentence) => ({ ...sentence })) } : {}),
    })),
    ...(approval ? { approval: approval.summary } : {}),
  };
}

function cellLine(template: ReportTemplate, key: string): string {
  const name = placeName(template, ['tables', ...key.split('.')]);
  return name ? `${name}（${key}）` : key;
}

/** The readable Chinese list. */
export function formatCheckText(
  draft: Draft,
  findings: readonly Finding[],
  context: { file: string; previous?: { file: string; draft: Draft }; verdict?: ApprovalVerdict; reviewersGiven?: boolean },
): string {
  const template = templateOf(draft);
  const lines: string[] = [];
  lines.push(`${draft.agency.name} ${draft.year}年政府信息公开工作年度报告`);
  lines.push(`格式：${template.notice}${template.variant ? `（地方格式：${template.variant.name}）` : ''}　文件：${context.file}`);
  if (context.previous) {
    const previous = context.previous.draft;
    lines.push(`上年报告：${previous.agency.name} ${previous.year}年（${context.previous.file}）`);
    // Whether the two make a pair (last year's, the same agency), worded as the app's comparison says it.
    for (const notice of crossYearSummary(draft, previous).pairing) lines.push(`注意：${notice}`);
    for (const skipped of skippedCrossYearRules(template, templateOf(previous))) lines.push(`未做的跨年度检查 ${skipped.rule}：${skipped.reason}`);
  } else {
    lines.push('未提供上年报告（--previous），跨年度检查未做');
  }
  if (context.verdict) {
    lines.push(`审核：${approvalFinding(context.verdict).summary.message}`);
    if (!context.reviewersGiven) lines.push('未提供审核人名单（--reviewers），审核签名的签名人未核验');
  }
  const all = context.verdict ? [...findings, ...(approvalFinding(context.verdict).finding ? [approvalFinding(context.verdict).finding!] : [])] : findings;
  for (const [severity, heading] of [
    ['error', '错误'],
    ['warning', '警告'],
  ] as const) {
    const group = all.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${heading}（${group.length} 项）`);
    group.forEach((finding, index) => {
      lines.push(`  ${index + 1}. [${finding.rule}] ${finding.message}`);
      const shown = finding.cells.slice(0, MAX_CELLS_SHOWN);
      shown.forEach((cell, i) => lines.push(`     ${i === 0 ? '单元格：' : '　　　　'}${cellLine(template, cell)}`));
      if (finding.cells.length > shown.length) lines.push(`     　　　　……共 ${finding.cells.length} 个单元格`);
    });
  }
  const report = checkReport(all);
  lines.push('', all.length === 0 ? '未发现问题：共 0 个错误，0 个警告。' : `共 ${report.errors} 个错误，${report.warnings} 个警告。`);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查报告：表格的勾稽关系、未填写的单元格、与上年报告的衔接、“五、存在的主要问题及改进情况”是否如实填写、审核签名',
  usage: ['check <草稿文件.draft.json | 本工具生成的报告.docx> [--previous <上年草稿文件>] [--reviewers <审核人名单.json>] [--json]'],
  help: [
    '检查一份报告，列出错误和警告。',
    '',
    `用法：${INVOCATION} check <草稿文件.draft.json | 本工具生成的报告.docx> [--previous <上年草稿文件>] [--reviewers <审核人名单.json>] [--json]`,
    '',
    '选项：',
    '  --previous <文件>  上年的报告（草稿文件或本工具生成的 Word 文件），用于跨年度检查（本年“上年结转”与上年“结转下年度”等）',
    '  --reviewers <文件> 本机关的审核人名单（reviewers.json），用于核验审核签名；不提供时只检查签名是否完整，不能确认签名人',
    '  --json             只输出 JSON：{"errors": 错误数, "warnings": 警告数, "findings": [{"rule", "severity", "cells", "message"}], "approval": {"state", "reason", "message"}}',
    '',
    '审核状态作为单独一项（APPROVAL）报告：valid 审核通过且签名有效；unverified 签名完整但未核验签名人（未提供名单）；',
    'void 审核无效（签名不符、签名人不在名单中、审核后已修改、Word 文件显示的内容与附带的草稿不符等，原因见 message）；none 尚未审核通过。',
    '  -h, --help         显示本说明',
    '',
    '退出码：0 没有错误（可以有警告）；1 有错误；2 文件无法读取或参数有误（原因写在标准错误输出）。',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { options: ['previous', 'reviewers'], flags: ['json'] });
    if (parsed.positionals.length === 0) throw new UsageError('缺少要检查的草稿文件');
    if (parsed.positionals.length > 1) throw new UsageError(`只能检查一个文件，多给了：${parsed.positionals.slice(1).join(' ')}`);
    const file = parsed.positionals[0]!;
    const loaded = loadDraft(file, io.cwd);
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n`);
      return EXIT.failure;
    }
    const previousFile = parsed.options.previous;
    let previous: { file: string; draft: Draft } | undefined;
    if (previousFile !== undefined) {
      const loadedPrevious = loadDraft(previousFile, io.cwd, '上年报告');
      if (!loadedPrevious.ok) {
        io.stderr(`${loadedPrevious.message}\n`);
        return EXIT.failure;
      }
      previous = { file: basename(previousFile), draft: loadedPrevious.draft };
    }
    const listed = await reviewersOption(parsed.options.reviewers, io);
    if (!listed.ok) return EXIT.failure;
    const reviewers = listed.list;
    const visible = await visibleContentVerdict(loaded, await verifyApproval(loaded.draft, reviewers));
    const findings = [...reportFindings(loaded.draft, previous?.draft ?? null), ...visible.findings];
    const report = checkReport(findings, visible.verdict);
    if (parsed.flags.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else
      io.stdout(
        formatCheckText(loaded.draft, findings, {
          file: basename(file),
          ...(previous ? { previous } : {}),
          verdict: visible.verdict,
          reviewersGiven: reviewers !== null,
        }),
      );
    return report.errors > 0 ? EXIT.errors : EXIT.ok;
  },
};
