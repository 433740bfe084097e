/**
 * The generated part of public/draft-format.md: every key of every table, per template, with its
 * statutory label and value type, written between two marker comments by `npm run schema`.
 * test/cli/draft-format-doc.test.ts fails when the document is stale.
 */
import { templateIds, templates, variants } from '../../templates/index.ts';
import type { CellInfo } from '../domain/table-layout.ts';
import { indexTemplate, narrativeSections, sectionTables, tableSections } from '../domain/template.ts';
import type { ValueType } from '../domain/template-types.ts';
import { applyVariant } from '../domain/variant.ts';

export const KEYS_BEGIN = '<!-- generated-keys:begin (npm run schema) -->';
export const KEYS_END = '<!-- generated-keys:end -->';

const TYPE_TEXT: Record<ValueType, string> = {
  count: '整数',
  signedCount: '整数，可为负',
  amount: '万元，≤ 4 位小数',
};

/** Markdown table of the official topics of each narrative section (`topic` of a part); once when both formats agree. */
function narrativeKeysMarkdown(): string[] {
  const tableOf = (id: (typeof templateIds)[number]) => {
    const rows = ['| 章节 | 官方部分 `topic`（新草稿中也是它的 `id`） | 官方标题 | 可省略 |', '|---|---|---|---|'];
    for (const section of narrativeSections(templates[id])) {
      for (const part of section.parts) {
        rows.push(`| \`narrative.${section.id}\`（${section.heading}） | \`${part.key}\` | ${part.title} | ${part.optional ? '是' : ''} |`);
      }
    }
    return rows;
  };
  const tables = templateIds.map((id) => tableOf(id).join('\n'));
  if (tables.every((table) => table === tables[0])) {
    return ['### 文字部分的键（两种格式相同）', '', ...tableOf(templateIds[0]!), ''];
  }
  return templateIds.flatMap((id, i) => [`### 文字部分的键：\`"template": "${id}"\``, '', tables[i]!, '']);
}

function cellRows(cells: readonly CellInfo[]): string[] {
  const lines = ['| 键（在 `tables` 下） | 行 / 列 | 类型 |', '|---|---|---|'];
  for (const cell of cells) {
    const label = [cell.rowLabel, cell.columnLabel].filter((part) => part !== '').join(' / ');
    const type = TYPE_TEXT[cell.valueType] + (cell.computed ? '；总计，应等于各项之和' : '');
    lines.push(`| \`${cell.key}\` | ${label.replace(/\|/g, '\\|')} | ${type} |`);
  }
  return [...lines, ''];
}

const yearsText = (range: { firstYear: number; lastYear: number | null }) =>
  range.lastYear === null ? `${range.firstYear} 年及以后` : `${range.firstYear}–${range.lastYear} 年`;

/**
 * Markdown: the narrative keys, then one section per format (one table per statutory table, one line per
 * cell), each followed by its local variants with the tables they add.
 */
export function draftKeysMarkdown(): string {
  const lines: string[] = [...narrativeKeysMarkdown()];
  for (const id of templateIds) {
    const template = templates[id];
    const index = indexTemplate(template);
    lines.push(
      `### \`"template": "${id}"\`：${template.name}，${template.notice}（${yearsText(template)}的报告，\`"templateRevision": ${template.revision}\`），共 ${index.cells.length} 个单元格`,
      '',
    );
    for (const section of tableSections(template)) {
      const cells = index.cellsByTable.get(section.table.key) ?? [];
      lines.push(`#### ${section.heading}：\`tables.${section.table.key}\`（${cells.length} 个单元格）`, '');
      lines.push(...cellRows(cells));
    }
    for (const variant of variants.filter((candidate) => candidate.format === id)) {
      const applied = applyVariant(template, variant);
      const appliedIndex = indexTemplate(applied);
      lines.push(
        `### \`"template": "${id}"\`，\`"variant": "${variant.id}"\`：${variant.name}（${yearsText(variant)}的报告）在上述各表之外增列的表格`,
        '',
        `来源：${variant.source}。`,
        '',
      );
      for (const section of tableSections(applied)) {
        for (const placed of sectionTables(section)) {
          if (index.cellsByTable.has(placed.table.key)) continue;
          const cells = appliedIndex.cellsByTable.get(placed.table.key) ?? [];
          const where = placed.lead ? `${section.heading} / ${placed.lead}` : section.heading;
          lines.push(`#### ${where}：\`tables.${placed.table.key}\`（${cells.length} 个单元格）`, '');
          lines.push(...cellRows(cells));
        }
      }
    }
  }
  return lines.join('\n');
}

/** The document with its generated section replaced; throws when the markers are missing. */
export function withGeneratedKeys(document: string): string {
  const begin = document.indexOf(KEYS_BEGIN);
  const end = document.indexOf(KEYS_END);
  if (begin < 0 || end < begin) throw new Error(`public/draft-format.md lacks the markers ${KEYS_BEGIN} … ${KEYS_END}`);
  return `${document.slice(0, begin + KEYS_BEGIN.length)}\n\n${draftKeysMarkdown()}\n${document.slice(end)}`;
}
