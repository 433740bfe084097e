/**
 * Meta-schema of a report template (`template-types.ts`): what `templates/*.ts` must look like as data.
 * Strict objects throughout, so that a misspelt property (`computed` vs `computes`) is an error rather
 * than silently ignored. The cross-references (rule operands name existing cells, one defining rule per
 * computed cell, no cycles) are checked by the template tests over the expanded rules.
 */
import { z } from 'zod';
import type { ColumnNode, ForEach, ReportTemplate, RowNode } from './template-types.ts';

const nonEmpty = z.string().min(1);
/** A key segment of a dotted cell key (spec §A: English camelCase). */
const keySegment = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'key segments are camelCase');

export const templateIdSchema = z.enum(['2021', '2019']);
export const valueTypeSchema = z.enum(['count', 'signedCount', 'amount']);
export const tableKeySchema = z.enum(['proactive', 'applications', 'reviewLitigation']);
export const severitySchema = z.enum(['error', 'warning']);

export const columnNodeSchema: z.ZodType<ColumnNode> = z.lazy(() =>
  z.strictObject({
    key: keySegment.optional(),
    label: nonEmpty,
    shortLabel: nonEmpty.optional(),
    span: z.int().min(1).optional(),
    valueType: valueTypeSchema.optional(),
    computed: z.boolean().optional(),
    children: z.array(columnNodeSchema).min(1).optional(),
  }),
);

export const rowNodeSchema: z.ZodType<RowNode> = z.lazy(() =>
  z.strictObject({
    key: keySegment.optional(),
    // Table 四's single data row has no label.
    label: z.string(),
    shortLabel: nonEmpty.optional(),
    group: nonEmpty.optional(),
    computed: z.boolean().optional(),
    valueType: valueTypeSchema.optional(),
    legalBasis: nonEmpty.optional(),
    children: z.array(rowNodeSchema).min(1).optional(),
  }),
);

export const matrixPartSchema = z.strictObject({
  caption: nonEmpty.optional(),
  corner: z.string().optional(),
  columns: z.array(columnNodeSchema).min(1),
  rows: z.array(rowNodeSchema).min(1),
  valueType: valueTypeSchema,
});

export const tableTemplateSchema = z
  .strictObject({
    key: tableKeySchema,
    gridColumns: z.int().min(1),
    labelColumns: z.int().min(0),
    columnWeights: z.array(z.number().positive()),
    repeatHeader: z.boolean(),
    parts: z.array(matrixPartSchema).min(1),
  })
  .refine((table) => table.columnWeights.length === table.gridColumns, {
    message: 'columnWeights needs one weight per grid column',
    path: ['columnWeights'],
  });

const narrativePartSchema = z.strictObject({
  key: keySegment,
  title: nonEmpty,
  guidance: nonEmpty,
  optional: z.boolean().optional(),
  minLength: z.int().min(1).optional(),
});

const sectionIdSchema = z.enum(['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'other']);

const sectionBase = {
  id: sectionIdSchema,
  heading: nonEmpty,
  guidance: nonEmpty,
  source: nonEmpty,
};

export const sectionTemplateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...sectionBase,
    kind: z.literal('narrative'),
    allowExtraParts: z.boolean(),
    hasIntro: z.boolean(),
    hasFeeStatement: z.boolean(),
    parts: z.array(narrativePartSchema),
  }),
  z.strictObject({
    ...sectionBase,
    kind: z.literal('table'),
    lead: z.string(),
    table: tableTemplateSchema,
  }),
]);

/** A dotted cell key whose segments may be `$variables` bound by a ForEach. */
const cellPatternSchema = z
  .string()
  .regex(/^(proactive|applications|reviewLitigation)(\.(\$?[a-z][A-Za-z0-9]*))+$/, 'a dotted cell key, segments camelCase or $variables');

export const forEachSchema: z.ZodType<ForEach> = z.strictObject({
  variable: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  table: tableKeySchema,
  over: z.enum(['columns', 'rows', 'columnGroups']),
  parts: z.array(z.int().min(0)).min(1).optional(),
  group: nonEmpty.optional(),
  except: z.array(nonEmpty).optional(),
});

export const termSchema = z
  .strictObject({
    cell: cellPatternSchema,
    previousYear: z.boolean().optional(),
    negate: z.boolean().optional(),
    label: nonEmpty.optional(),
    sumOver: forEachSchema.optional(),
  })
  .refine((term) => !term.sumOver || term.label !== undefined, { message: 'a sumOver term needs a label', path: ['label'] });

/** Spec §5 rule ids: R3.1 … R4.2, R2.1, R2.2, R2.19a–d, C1–C4. */
const ruleIdSchema = z.string().regex(/^(R\d+\.\d+[a-z]?|C\d+)$/);

const ruleBase = {
  id: ruleIdSchema,
  severity: severitySchema,
  source: nonEmpty,
  description: nonEmpty,
  forEach: forEachSchema.optional(),
};

export const ruleTemplateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('relation'),
    relation: z.enum(['equal', 'lessOrEqual', 'greaterOrEqual']),
    left: z.array(termSchema).min(1),
    right: z.array(termSchema),
    computes: z.boolean().optional(),
    needsPreviousTemplate: templateIdSchema.optional(),
    fixTarget: cellPatternSchema.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('valueType'),
    table: tableKeySchema,
    valueTypes: z.array(valueTypeSchema).min(1).optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('filled'),
    table: tableKeySchema,
  }),
]);

export const templateSchema = z
  .strictObject({
    id: templateIdSchema,
    notice: nonEmpty,
    noticeTitle: nonEmpty,
    firstYear: z.int().min(2000),
    lastYear: z.int().nullable(),
    sections: z.array(sectionTemplateSchema).length(6),
    rules: z.array(ruleTemplateSchema).min(1),
  })
  .refine((template) => template.lastYear === null || template.lastYear >= template.firstYear, {
    message: 'lastYear before firstYear',
    path: ['lastYear'],
  })
  .refine((template) => template.rules.every((rule) => rule.kind !== 'relation' || !rule.computes || rule.left.length === 1), {
    message: 'a defining rule (computes) has exactly one term on the left',
    path: ['rules'],
  });

/** The inferred shape must stay assignable to the hand-written type, so the two cannot drift apart. */
export type TemplateSchemaOutput = z.output<typeof templateSchema>;
const _assignable: (value: TemplateSchemaOutput) => ReportTemplate = (value) => value;
void _assignable;
