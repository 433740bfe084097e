/**
 * Meta-schema of a report template (`template-types.ts`): what `templates/*.ts` must look like as data.
 * Strict objects throughout, so that a misspelt property (`computed` vs `computes`) is an error rather
 * than silently ignored. The cross-references (rule operands name existing cells, one defining rule per
 * computed cell, no cycles) are checked by the template tests over the expanded rules.
 */
import { z } from './zod.ts';
import type { ColumnNode, ForEach, ReportTemplate, RowNode, TemplateVariant } from './template-types.ts';

const nonEmpty = z.string().min(1);
/** A key segment of a dotted cell key (spec §A: English camelCase). */
const keySegment = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'key segments are camelCase');

/** Ids of formats and variants are data (the registry lists them); here only their spelling is fixed. */
export const templateIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens');
export const valueTypeSchema = z.enum(['count', 'signedCount', 'amount']);
export const tableKeySchema = keySegment;
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
    unit: nonEmpty.optional(),
    noFigure: z.boolean().optional(),
    indent: z.int().min(1).max(8).optional(),
    children: z.array(rowNodeSchema).min(1).optional(),
  }),
);

export const matrixPartSchema = z.strictObject({
  caption: nonEmpty.optional(),
  corner: z.string().optional(),
  unitColumn: nonEmpty.optional(),
  columns: z.array(columnNodeSchema).min(1),
  rows: z.array(rowNodeSchema).min(1),
  valueType: valueTypeSchema,
});

export const tableTemplateSchema = z
  .strictObject({
    key: tableKeySchema,
    title: nonEmpty.optional(),
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

const sectionIdSchema = keySegment;

const placedTableSchema = z.strictObject({
  position: z.enum(['before', 'after']),
  lead: z.string(),
  table: tableTemplateSchema,
});

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
    feeStatementRequired: z.boolean(),
    parts: z.array(narrativePartSchema),
  }),
  z.strictObject({
    ...sectionBase,
    kind: z.literal('table'),
    lead: z.string(),
    table: tableTemplateSchema,
    extraTables: z.array(placedTableSchema).optional(),
  }),
]);

/** A dotted cell key whose segments may be `$variables` bound by a ForEach. */
const cellPatternSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.(\$?[a-z][A-Za-z0-9]*))+$/, 'a dotted cell key, segments camelCase or $variables');

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

/** Spec §5 rule ids: R3.1 … R4.2, R2.1, R2.2, R2.19a–d, C1–C4; a variant's rules carry its own prefix (ZJ1 …). */
const ruleIdSchema = z.string().regex(/^(R\d+\.\d+[a-z]?|[A-Z]+\d+)$/);

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

const migrationSchema = z.strictObject({
  from: z.int().min(1),
  changes: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('add'), path: nonEmpty }),
        z.strictObject({ kind: z.literal('move'), from: nonEmpty, to: nonEmpty }),
      ]),
    )
    .min(1),
});

export const templateSchema = z
  .strictObject({
    id: templateIdSchema,
    name: nonEmpty,
    revision: z.int().min(1),
    migrations: z.array(migrationSchema).optional(),
    variant: z.strictObject({ id: templateIdSchema, name: nonEmpty }).optional(),
    notice: nonEmpty,
    noticeTitle: nonEmpty,
    firstYear: z.int().min(2000),
    lastYear: z.int().nullable(),
    sections: z.array(sectionTemplateSchema).min(1),
    rules: z.array(ruleTemplateSchema).min(1),
  })
  .refine((template) => template.lastYear === null || template.lastYear >= template.firstYear, {
    message: 'lastYear before firstYear',
    path: ['lastYear'],
  })
  .refine((template) => template.rules.every((rule) => rule.kind !== 'relation' || !rule.computes || rule.left.length === 1), {
    message: 'a defining rule (computes) has exactly one term on the left',
    path: ['rules'],
  })
  .refine(
    (template) =>
      (template.migrations ?? []).map((migration) => migration.from).join() ===
      Array.from({ length: template.revision - 1 }, (_, i) => i + 1).join(),
    { message: 'one migration from each earlier revision, in order (from: 1, 2, …, revision − 1)', path: ['migrations'] },
  );

/** Meta-schema of a local variant (`templates/variants/*.ts`). */
export const variantSchema = z
  .strictObject({
    id: templateIdSchema,
    name: nonEmpty,
    source: nonEmpty,
    format: templateIdSchema,
    firstYear: z.int().min(2000),
    lastYear: z.int().nullable(),
    sections: z.array(z.strictObject({ section: sectionIdSchema, lead: z.string().optional(), tables: z.array(placedTableSchema) })),
    rows: z
      .array(z.strictObject({ table: tableKeySchema, part: z.int().min(0), after: keySegment.optional(), rows: z.array(rowNodeSchema).min(1) }))
      .optional(),
    rules: z.array(ruleTemplateSchema),
  })
  .refine((variant) => variant.lastYear === null || variant.lastYear >= variant.firstYear, {
    message: 'lastYear before firstYear',
    path: ['lastYear'],
  });

const _variantAssignable: (value: z.output<typeof variantSchema>) => TemplateVariant = (value) => value;
void _variantAssignable;

/** The inferred shape must stay assignable to the hand-written type, so the two cannot drift apart. */
export type TemplateSchemaOutput = z.output<typeof templateSchema>;
const _assignable: (value: TemplateSchemaOutput) => ReportTemplate = (value) => value;
void _assignable;
