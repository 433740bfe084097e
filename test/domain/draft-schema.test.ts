import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { templateIds, templates } from '../../templates/index.ts';
import { serializeDraft } from '../../src/domain/draft-file.ts';
import { draftJsonSchema, draftJsonSchemaText, draftSchemaFor } from '../../src/domain/draft-schema.ts';
import { DRAFT_FORMAT_VERSION, type Draft } from '../../src/domain/draft-types.ts';
import type { ReportTemplate, RowNode } from '../../src/domain/template-types.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { emptyDraft } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

const SCHEMA_PATH = fileURLToPath(new URL('../../public/draft.schema.json', import.meta.url));

const minimal = { formatVersion: DRAFT_FORMAT_VERSION, template: '2021', year: 2025, agency: { name: '某某局' } };

describe('public/draft.schema.json', () => {
  it('is what `npm run schema` writes now (run it after changing a template or the schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(draftJsonSchemaText());
  });

  it('has a Chinese and English title and description', () => {
    const schema = draftJsonSchema();
    expect(schema.title).toMatch(/草稿文件.*Draft file/);
    expect(schema.description).toMatch(/formatVersion.*Required/);
  });

  describe('validates files as the reader does (checked with an independent validator, ajv)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(draftJsonSchema());
    const valid = (file: unknown) => validate(JSON.parse(JSON.stringify(file)));

    it('accepts both fixtures, minimal drafts and the written form of an empty draft', () => {
      expect(valid(office2023Draft()), JSON.stringify(validate.errors)).toBe(true);
      expect(valid(district2020Draft()), JSON.stringify(validate.errors)).toBe(true);
      expect(valid(minimal)).toBe(true);
      expect(valid({ ...minimal, $schema: './draft.schema.json', template: '2019', year: 2020 })).toBe(true);
      expect(valid(JSON.parse(serializeDraft(emptyDraft(templates['2019'], 2019, '某某局'))))).toBe(true);
    });

    it('rejects what the reader rejects', () => {
      const office = office2023Draft();
      const withCell = (table: string, row: string, column: string, value: unknown) => {
        const file = structuredClone(office) as unknown as { tables: Record<string, Record<string, Record<string, unknown>>> };
        file.tables[table]![row]![column] = value;
        return file;
      };
      expect(valid(withCell('applications', 'newReceived', 'naturalPerson', 'abc'))).toBe(false);
      expect(valid(withCell('applications', 'newReceived', 'naturalPerson', 1.5))).toBe(false);
      expect(valid(withCell('applications', 'newReceived', 'naturalPersn', 1))).toBe(false);
      expect(valid({ ...minimal, year: 2020 })).toBe(false);
      expect(valid({ ...minimal, template: '2019' })).toBe(false);
      expect(valid({ ...minimal, template: '2030' })).toBe(false);
      expect(valid({ ...minimal, formatVersion: DRAFT_FORMAT_VERSION + 1 })).toBe(false);
      expect(valid({ ...minimal, agency: { name: '' } })).toBe(false);
      expect(valid({ ...minimal, agancy: {} })).toBe(false);
      expect(valid({ ...minimal, tables: { applications: {} } })).toBe(false);
      // The 2019 template has no separate rows under （六）其他处理.
      expect(valid({ ...district2020Draft(), tables: { applications: office.tables.applications } })).toBe(false);
    });
  });
});

describe('the schema is derived from the template', () => {
  it('requires every cell of a present table, typed by its value type', () => {
    for (const id of templateIds) {
      const template = templates[id];
      const branch = (
        draftJsonSchema().anyOf as { properties: { template: { const: string }; variant?: unknown; tables: { properties: Record<string, unknown> } } }[]
      ).find((candidate) => candidate.properties.template.const === id && candidate.properties.variant === undefined)!;
      for (const cell of indexTemplate(template).cells) {
        let node: unknown = branch.properties.tables;
        for (const segment of cell.key.split('.')) {
          const object = node as { properties: Record<string, unknown>; required?: string[]; additionalProperties?: boolean };
          expect(object.additionalProperties, `${id} ${cell.key}`).toBe(false);
          node = object.properties[segment];
          expect(node, `${id} ${cell.key}`).toBeDefined();
        }
        expect((node as { $ref: string }).$ref).toBe(`#/$defs/${cell.valueType}Cell`);
        expect((node as { description: string }).description).toContain(cell.columnLabel);
      }
    }
  });

  it('follows a cell added to a copy of the template', () => {
    const copy = structuredClone(templates['2021']) as ReportTemplate;
    const applications = copy.sections.find((section) => section.kind === 'table' && section.table.key === 'applications');
    if (applications?.kind !== 'table') throw new Error('no applications table');
    const part = applications.table.parts[0]!;
    (part.rows as RowNode[]).push({ key: 'testRow', label: '测试行' });
    expect(indexTemplate(copy).cells.length).toBe(indexTemplate(templates['2021']).cells.length + 7);

    const draft: Draft = office2023Draft();
    // The real template's schema reads the draft; the extended one wants the new row…
    expect(draftSchemaFor(templates['2021']).safeParse(draft).success).toBe(true);
    const result = draftSchemaFor(copy).safeParse(draft);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tables.applications.testRow']);
    // …and accepts it once present, while the real one rejects it as unknown.
    const extended = structuredClone(draft);
    extended.tables.applications!.testRow = Object.fromEntries(
      ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((column) => [column, null]),
    );
    expect(draftSchemaFor(copy).safeParse(extended).success).toBe(true);
    expect(draftSchemaFor(templates['2021']).safeParse(extended).success).toBe(false);
    // The JSON Schema changes with it.
    const jsonSchema = (template: ReportTemplate) => JSON.stringify(z.toJSONSchema(draftSchemaFor(template), { io: 'input' }));
    expect(jsonSchema(copy)).toContain('"testRow"');
    expect(jsonSchema(templates['2021'])).not.toContain('"testRow"');
  });
});
