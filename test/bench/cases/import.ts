/**
 * Importing a published report: a saved page of about 350 KB (the report of
 * test/fixtures/import/zhenhai-office-2023.html inside a site's bulk: menus, inline scripts and styles, as
 * a browser saves it) parsed and read into a draft, goal under 200 ms; and the Word file of the same report.
 */
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import { importDocx, importHtmlDocument } from '../../../src/domain/import/index.ts';
import type { BenchResult } from '../bench-types.ts';
import { time } from '../bench-types.ts';

export const name = 'import';

const fixture = (file: string) => new URL(`../../fixtures/import/${file}`, import.meta.url);

/** The report page grown to `targetBytes` with what a saved portal page carries besides the report. */
function savedPage(targetBytes: number): string {
  const page = readFileSync(fixture('zhenhai-office-2023.html'), 'utf8');
  const menu: string[] = [];
  const script: string[] = [];
  let size = Buffer.byteLength(page);
  for (let i = 0; size < targetBytes; i++) {
    const item = `<li class="menu-item menu-item-${i}" style="float:left;padding:0 12px;line-height:40px"><a href="/col/col${1000 + i}/index.html" target="_blank" title="栏目${i}">政务公开栏目${i}</a></li>\n`;
    const line = `var column${i} = {"id": "${1000 + i}", "name": "栏目${i}", "url": "/col/col${1000 + i}/index.html"};\n`;
    menu.push(item);
    script.push(line);
    size += Buffer.byteLength(item) + Buffer.byteLength(line);
  }
  return page
    .replace('<body>', `<body>\n<ul class="nav">${menu.join('')}</ul>`)
    .replace('</body>', `<script>\n${script.join('')}</script>\n</body>`);
}

export async function run(): Promise<BenchResult[]> {
  const page = savedPage(350 * 1024);
  const check = importHtmlDocument(parseHtml(page));
  if (!check.ok || check.report.cellsRead !== 200) throw new Error('the bench page does not import');
  const docx = new Uint8Array(readFileSync(fixture('zhenhai-office-2023.docx')));
  const options = { warmup: 5, batches: 30, batch: 1 };
  return [
    {
      label: `saved page of ${Math.round(Buffer.byteLength(page) / 1024)} KB: parse + import (median)`,
      value: time(() => importHtmlDocument(parseHtml(page)), options).median,
      unit: 'ms',
      goal: 200,
    },
    {
      label: `same page, p95`,
      value: time(() => importHtmlDocument(parseHtml(page)), options).p95,
      unit: 'ms',
    },
    { label: 'Word file of the report (LibreOffice), unzip + import (median)', value: time(() => importDocx(docx), options).median, unit: 'ms', goal: 200 },
  ];
}
