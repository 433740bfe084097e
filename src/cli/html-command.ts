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
import { reportPageFileName, reportPageHtml } from '../html/report-page.ts';
import { INVOCATION, type CliCommand } from './command.ts';
import { publishReport, type PublishedForm } from './docx-command.ts';

/** The web page as `docx` writes the Word file: final or 草稿 by the same rules, the same refusals. */
const HTML_FORM: PublishedForm = {
  one: '一个网页',
  noun: '网页',
  draftNotice: '还不能生成正式版网页，已生成草稿（页面和每个打印页上标有“草稿”）。原因：\n',
  fileName: reportPageFileName,
  build: async (draft, mode, verdict) => new TextEncoder().encode(reportPageHtml(draft, mode, verdict)),
};

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
  run: (args, io) => publishReport(args, io, HTML_FORM),
};
