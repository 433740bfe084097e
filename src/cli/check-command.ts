/**
 * `report check <草稿文件|报告.docx> [--previous <上年草稿>] [--json]`: runs the rules engine over a draft
 * file and prints the findings, as a readable Chinese list or (`--json`) as
 * `{"errors": n, "warnings": n, "findings": [{"rule","severity","cells","message"}]}` and nothing else.
 * Exit 0 without errors (warnings allowed), 1 with errors, 2 when a file cannot be read.
 */
import { basename } from 'node:path';
import { templateOf } from '../domain/values.ts';
import { placeName } from '../domain/draft-file.ts';
import type { Draft } from '../domain/draft-types.ts';
import type { Finding } from '../domain/findings.ts';
import { checkDraft, skippedCrossYearRules } from '../domain/rules.ts';
import type { ReportTemplate } from '../domain/template-types.ts';
import { parseArgs } from './args.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';
import { loadDraft } from './load-draft.ts';

/** Cells listed under one finding in the text output; R3.5 can name a whole table. */
const MAX_CELLS_SHOWN = 5;

export interface CheckReport {
  errors: number;
  warnings: number;
  findings: { rule: string; severity: Finding['severity']; cells: string[]; message: string }[];
}

export function checkReport(findings: readonly Finding[]): CheckReport {
  return {
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    findings: findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, cells: [...finding.cells], message: finding.message })),
  };
}

function cellLine(template: ReportTemplate, key: string): string {
  const name = placeName(template, ['tables', ...key.split('.')]);
  return name ? `${name}（${key}）` : key;
}

/** The readable Chinese list. */
export function formatCheckText(draft: Draft, findings: readonly Finding[], context: { file: string; previous?: { file: string; draft: Draft } }): string {
  const template = templateOf(draft);
  const lines: string[] = [];
  lines.push(`${draft.agency.name} ${draft.year}年政府信息公开工作年度报告`);
  lines.push(`格式：${template.notice}${template.variant ? `（地方格式：${template.variant.name}）` : ''}　文件：${context.file}`);
  if (context.previous) {
    const previous = context.previous.draft;
    lines.push(`上年报告：${previous.agency.name} ${previous.year}年（${context.previous.file}）`);
    if (previous.year !== draft.year - 1) lines.push(`注意：上年报告的年度是 ${previous.year} 年，不是 ${draft.year - 1} 年，跨年度检查可能没有意义`);
    for (const skipped of skippedCrossYearRules(template, templateOf(previous))) lines.push(`未做的跨年度检查 ${skipped.rule}：${skipped.reason}`);
  } else {
    lines.push('未提供上年报告（--previous），跨年度检查未做');
  }
  for (const [severity, heading] of [
    ['error', '错误'],
    ['warning', '警告'],
  ] as const) {
    const group = findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${heading}（${group.length} 项）`);
    group.forEach((finding, index) => {
      lines.push(`  ${index + 1}. [${finding.rule}] ${finding.message}`);
      const shown = finding.cells.slice(0, MAX_CELLS_SHOWN);
      shown.forEach((cell, i) => lines.push(`     ${i === 0 ? '单元格：' : '　　　　'}${cellLine(template, cell)}`));
      if (finding.cells.length > shown.length) lines.push(`     　　　　……共 ${finding.cells.length} 个单元格`);
    });
  }
  const report = checkReport(findings);
  lines.push('', findings.length === 0 ? '未发现问题：共 0 个错误，0 个警告。' : `共 ${report.errors} 个错误，${report.warnings} 个警告。`);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查报告：表格的勾稽关系、未填写的单元格、与上年报告的衔接',
  usage: ['check <草稿文件.draft.json | 本工具生成的报告.docx> [--previous <上年草稿文件>] [--json]'],
  help: [
    '检查一份报告，列出错误和警告。',
    '',
    `用法：${INVOCATION} check <草稿文件.draft.json | 本工具生成的报告.docx> [--previous <上年草稿文件>] [--json]`,
    '',
    '选项：',
    '  --previous <文件>  上年的报告（草稿文件或本工具生成的 Word 文件），用于跨年度检查（本年“上年结转”与上年“结转下年度”等）',
    '  --json             只输出 JSON：{"errors": 错误数, "warnings": 警告数, "findings": [{"rule", "severity", "cells", "message"}]}',
    '  -h, --help         显示本说明',
    '',
    '退出码：0 没有错误（可以有警告）；1 有错误；2 文件无法读取或参数有误（原因写在标准错误输出）。',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { options: ['previous'], flags: ['json'] });
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
    const findings = checkDraft(loaded.draft, previous?.draft ?? null);
    if (parsed.flags.has('json')) io.stdout(`${JSON.stringify(checkReport(findings), null, 2)}\n`);
    else io.stdout(formatCheckText(loaded.draft, findings, { file: basename(file), ...(previous ? { previous } : {}) }));
    return findings.some((finding) => finding.severity === 'error') ? EXIT.errors : EXIT.ok;
  },
};
