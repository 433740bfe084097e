// @vitest-environment node
/**
 * A local variant is data alone: a variant object (no code) extends a test format with a table placed in
 * a section, a row added to a national table, and a rule; the cells, the grid layout, the Word table, the
 * draft schema (zod and JSON Schema) and the checks all follow. Also: the registry's own variants are valid
 * data, and the reader refuses a variant that does not fit the draft.
 */
import { Document, Packer } from 'docx';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { templates, variants } from '../../templates/index.ts';
import { buildTable } from '../../src/docx/table-builder.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { draftSchemaFor } from '../../src/domain/draft-schema.ts';
import { evaluateRules } from '../../src/domain/rules.ts';
import { layoutTable, NO_FIGURE_MARK } from '../../src/domain/table-layout.ts';
import { indexTemplate, sectionTables, tableByKey, tableSections, tableTitle } from '../../src/domain/template.ts';
import { templateSchema, variantSchema } from '../../src/domain/template-schema.ts';
import type { ReportTemplate, TableSectionTemplate, TemplateVariant } from '../../src/domain/template-types.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { applyVariant } from '../../src/domain/variant.ts';
import { readDocx } from '../helpers/read-docx.ts';

/** A test format: the 2021 format under another id. */
const testFormat: ReportTemplate = { ...(structuredClone(templates['2021']) as ReportTemplate), id: 'test-format', name: '测试格式' };

/** A test variant, data only: a list table after the national table of 二, a row in table 二, one rule. */
const testVariant: TemplateVariant = {
  id: 'test-province',
  name: '测试省',
  source: '测试用的地方通知',
  format: 'test-format',
  firstYear: 2022,
  lastYear: null,
  sections: [
    {
      section: 'proactive',
      lead: '1.主动公开政府信息具体情况',
      tables: [
        {
          position: 'after',
          lead: '2.政务新媒体情况',
          table: {
            key: 'newMedia',
            title: '政务新媒体情况表',
            gridColumns: 3,
            labelColumns: 1,
            columnWeights: [60, 15, 25],
            repeatHeader: false,
            parts: [
              {
                corner: '统计指标',
                unitColumn: '单位',
                valueType: 'count',
                columns: [{ key: 'count', label: '统计数' }],
                rows: [
                  { key: 'accounts', label: '（一）政务新媒体账号数', unit: '个' },
                  { label: '（二）发布情况', noFigure: true },
                  { key: 'posts', label: '1.发布信息数', unit: '条' },
                  { key: 'originalPosts', label: '其中：原创信息数', unit: '条' },
                ],
              },
            ],
          },
        },
      ],
    },
  ],
  rows: [{ table: 'proactive', part: 0, after: 'regulations', rows: [{ key: 'localRules', label: '地方性规定' }] }],
  rules: [
    {
      id: 'TP1',
      kind: 'relation',
      relation: 'lessOrEqual',
      severity: 'warning',
      source: '其中：原创信息数',
      description: '原创信息数不超过发布信息数',
      left: [{ cell: 'newMedia.originalPosts.count' }],
      right: [{ cell: 'newMedia.posts.count' }],
    },
  ],
};

const applied = applyVariant(testFormat, testVariant);
const proactiveSection = tableSections(applied).find((section) => section.id === 'proactive') as TableSectionTemplate;

describe('a variant given as data extends a test format', () => {
  it('is valid data, and the format with it applied is a valid format', () => {
    expect(variantSchema.safeParse(testVariant).success).toBe(true);
    expect(templateSchema.safeParse(applied).success).toBe(true);
    expect(applied.variant).toEqual({ id: 'test-province', name: '测试省' });
    // The format itself is untouched.
    expect(indexTemplate(testFormat).cellsByTable.has('newMedia')).toBe(false);
  });

  it('places the table after the national one with its lead, and relabels the national table’s lead', () => {
    expect(sectionTables(proactiveSection).map((placed) => [placed.lead, placed.table.key])).toEqual([
      ['1.主动公开政府信息具体情况', 'proactive'],
      ['2.政务新媒体情况', 'newMedia'],
    ]);
    expect(tableTitle(applied, 'newMedia')).toBe('政务新媒体情况表');
    expect(tableTitle(applied, 'proactive')).toBe('表二');
  });

  it('cells: one per figure row of the new table, three for the added row of table 二', () => {
    const index = indexTemplate(applied);
    expect(index.cellsByTable.get('newMedia')!.map((cell) => cell.key)).toEqual([
      'newMedia.accounts.count',
      'newMedia.posts.count',
      'newMedia.originalPosts.count',
    ]);
    const proactive = index.cellsByTable.get('proactive')!.map((cell) => cell.key);
    expect(proactive.length).toBe(indexTemplate(testFormat).cellsByTable.get('proactive')!.length + 3);
    expect(proactive.slice(3, 6)).toEqual(['proactive.localRules.issued', 'proactive.localRules.repealed', 'proactive.localRules.inForce']);
  });

  it('grid layout: unit column, the heading row without figure marked ——, inputs only where figures go', () => {
    const rows = layoutTable(tableByKey(applied, 'newMedia')).map((row) =>
      row.cells.map((cell) => (cell.kind === 'label' ? `${cell.role}:${cell.text}` : `value:${cell.cell.key}`)),
    );
    expect(rows).toEqual([
      ['corner:统计指标', 'columnHeader:单位', 'columnHeader:统计数'],
      ['rowHeader:（一）政务新媒体账号数', 'unit:个', 'value:newMedia.accounts.count'],
      ['rowHeader:（二）发布情况', `unit:${NO_FIGURE_MARK}`, 'noFigure:'],
      ['rowHeader:1.发布信息数', 'unit:条', 'value:newMedia.posts.count'],
      ['rowHeader:其中：原创信息数', 'unit:条', 'value:newMedia.originalPosts.count'],
    ]);
  });

  it('Word table: the same rows, labels, units and numbers', async () => {
    const values = { 'newMedia.accounts.count': 12, 'newMedia.posts.count': 340, 'newMedia.originalPosts.count': 200 };
    const document = new Document({ sections: [{ children: [buildTable(tableByKey(applied, 'newMedia'), values).table] }] });
    const read = readDocx(new Uint8Array(await Packer.toBuffer(document)));
    expect(read.tables[0]!.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['统计指标', '单位', '统计数'],
      ['（一）政务新媒体账号数', '个', '12'],
      ['（二）发布情况', NO_FIGURE_MARK, ''],
      ['1.发布信息数', '条', '340'],
      ['其中：原创信息数', '条', '200'],
    ]);
  });

  it('schema: the draft of the variant must carry the new table and names the variant; the JSON Schema lists its keys', () => {
    const draft = emptyDraft(applied, 2025, '某某局');
    expect(draft.variant).toBe('test-province');
    const schema = draftSchemaFor(applied);
    expect(schema.safeParse(draft).success).toBe(true);
    const { newMedia: _dropped, ...withoutTable } = draft.tables;
    const missingRow = structuredClone(draft);
    delete (missingRow.tables.newMedia as Record<string, unknown>).posts;
    const result = schema.safeParse(missingRow);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['tables.newMedia.posts']);
    // An absent table reads as untouched, as for the national tables.
    expect(schema.safeParse({ ...draft, tables: withoutTable }).success).toBe(true);
    // Without the variant, the format's schema refuses the table and the variant field.
    expect(draftSchemaFor(testFormat).safeParse(draft).success).toBe(false);
    const json = JSON.stringify(z.toJSONSchema(schema, { io: 'input' }));
    for (const key of ['"newMedia"', '"accounts"', '"originalPosts"', '"localRules"', '"test-province"']) expect(json).toContain(key);
  });

  it('check: the variant’s rule runs over its table', () => {
    const findings = (values: Record<string, number>) => evaluateRules(applied, values).filter((finding) => finding.rule === 'TP1');
    expect(findings({ 'newMedia.posts.count': 340, 'newMedia.originalPosts.count': 200 })).toEqual([]);
    const [finding] = findings({ 'newMedia.posts.count': 340, 'newMedia.originalPosts.count': 400 });
    expect(finding).toMatchObject({ severity: 'warning', cells: expect.arrayContaining(['newMedia.originalPosts.count', 'newMedia.posts.count']) });
    // The format alone has no such rule.
    expect(evaluateRules(testFormat, { 'newMedia.posts.count': 340, 'newMedia.originalPosts.count': 400 }).some((f) => f.rule === 'TP1')).toBe(false);
  });
});

describe('the registry’s variants', () => {
  it('are valid data, extend a registry format within its years, and apply to a valid format', () => {
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      expect(variantSchema.safeParse(variant).success, variant.id).toBe(true);
      const format = templates[variant.format as keyof typeof templates];
      expect(format, variant.id).toBeDefined();
      expect(variant.firstYear).toBeGreaterThanOrEqual(format.firstYear);
      if (format.lastYear !== null) expect(variant.lastYear).not.toBeNull();
      if (format.lastYear !== null) expect(variant.lastYear!).toBeLessThanOrEqual(format.lastYear);
      const result = templateSchema.safeParse(applyVariant(format, variant));
      expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
      // Table keys stay unique across the format and the variant.
      const keys = indexTemplate(applyVariant(format, variant)).tables.map((table) => table.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('the reader and the variant field', () => {
  const zhejiang2020 = { formatVersion: 2, template: '2019', variant: 'zhejiang', year: 2020, agency: { name: '宁波市镇海区人民政府' } };
  const problemsOf = (value: unknown) => {
    const result = readDraftJson(JSON.stringify(value));
    if (result.ok) throw new Error('expected the file to be refused');
    return result.problems;
  };

  it('reads a minimal draft of the variant with its table untouched', () => {
    const result = readDraftJson(JSON.stringify(zhejiang2020));
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    expect(result.draft.variant).toBe('zhejiang');
    expect(result.draft.tables.proactiveOverview).toMatchObject({ published: { count: null }, otherResponses: { count: null } });
  });

  it('refuses an unknown variant and one of another format, saying which fit', () => {
    expect(problemsOf({ ...zhejiang2020, variant: 'jiangsu' })).toEqual([
      { path: 'variant', message: expect.stringContaining('未知的地方格式 variant："jiangsu"') },
    ]);
    expect(problemsOf({ ...zhejiang2020, variant: 'jiangsu' })[0]!.message).toContain('"zhejiang"（浙江省）');
    expect(problemsOf({ ...zhejiang2020, template: '2021', year: 2023 })[0]).toMatchObject({
      path: 'variant',
      message: expect.stringContaining('与报告格式 "2021" 不符'),
    });
  });

  it('a national draft holding the variant’s table is told the table is unknown', () => {
    const { variant: _none, ...national } = zhejiang2020;
    const problems = problemsOf({ ...national, tables: { proactiveOverview: {} } });
    expect(problems[0]).toMatchObject({ path: 'tables.proactiveOverview', message: expect.stringContaining('未知的表“proactiveOverview”') });
    expect(problems[0]!.message).toContain('这是地方格式“浙江省”增列的表，文件是否缺少 "variant": "zhejiang"？');
  });
});
