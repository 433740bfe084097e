/**
 * Older drafts open unchanged in content (draft format 1, the files the app wrote before drafts recorded
 * their format's revision: the fixtures and a Word file made from one), and a draft of an older revision
 * of its format is migrated (a row added, a key renamed) by the migration the format's data declares.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { contentHash } from '../../src/domain/content-hash.ts';
import { readDraftBytes, readDraftJson, serializeDraft, type DraftReadResult } from '../../src/domain/draft-file.ts';
import { migrateFileFormat, migrateTemplateRevision } from '../../src/domain/draft-migration.ts';
import { draftSchemaFor } from '../../src/domain/draft-schema.ts';
import { DRAFT_FORMAT_VERSION, type Draft } from '../../src/domain/draft-types.ts';
import { templateSchema } from '../../src/domain/template-schema.ts';
import type { ReportTemplate, RowNode, TableSectionTemplate } from '../../src/domain/template-types.ts';
import { flattenTables } from '../../src/domain/values.ts';

const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURES = ['zhenhai-office-2023.draft.json', 'zhenhai-district-2020.draft.json'];

function draftOf(result: DraftReadResult): Draft {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.draft;
}

function problemsOf(result: DraftReadResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/** Every field of the old file, except the file format version, as the reader returns it. */
function contentFields(file: Record<string, unknown>): Record<string, unknown> {
  const { formatVersion: _version, ...rest } = file;
  return rest;
}

describe('drafts written before the revision was recorded (draft format 1)', () => {
  for (const name of FIXTURES) {
    it(`${name}: opens with identical content, recorded as revision 1 of its format, national`, async () => {
      const file = JSON.parse(fixtureText(name)) as Record<string, unknown>;
      expect(file.formatVersion).toBe(1);
      expect(file).not.toHaveProperty('templateRevision');
      const draft = draftOf(readDraftJson(fixtureText(name)));
      expect(draft.formatVersion).toBe(DRAFT_FORMAT_VERSION);
      expect(draft.templateRevision).toBe(1);
      expect(draft.variant).toBeUndefined();
      expect(draft).toMatchObject(contentFields(file));
      // An approval bound to the old file's content stays valid after opening it.
      expect(await contentHash(draft)).toBe(await contentHash(file as unknown as Draft));
      // Written back: the current format version, the revision, no variant, the same values.
      const written = JSON.parse(serializeDraft(draft)) as Record<string, unknown>;
      expect(written).toMatchObject({ formatVersion: DRAFT_FORMAT_VERSION, templateRevision: 1, ...contentFields(file) });
      expect(written).not.toHaveProperty('variant');
    });
  }

  it('a Word file made from a draft of format 1 opens with the draft inside it unchanged in content', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/zhenhai-office-2023.draft-format-1.docx', import.meta.url)));
    const file = JSON.parse(fixtureText('zhenhai-office-2023.draft.json')) as Record<string, unknown>;
    const draft = draftOf(readDraftBytes(bytes, '报告.docx'));
    expect(draft.templateRevision).toBe(1);
    const { meta: _meta, ...content } = contentFields(file);
    expect(draft).toMatchObject(content);
  });
});

/**
 * Revision 2 of a test copy of the 2021 format: under （六）其他处理 a row is added (`withdrawn`) and
 * `3.其他` is renamed (`other` → `otherReasons`, now `4.其他`), with the migration that says so.
 */
function revisedFormat(): ReportTemplate {
  const copy = structuredClone(templates['2021']) as ReportTemplate;
  const section = copy.sections.find((candidate): candidate is TableSectionTemplate => candidate.kind === 'table' && candidate.id === 'applications')!;
  const otherHandling = (function find(rows: readonly RowNode[]): RowNode | undefined {
    for (const row of rows) {
      if (row.key === 'otherHandling') return row;
      const below = row.children && find(row.children);
      if (below) return below;
    }
    return undefined;
  })(section.table.parts[0]!.rows)!;
  const children = otherHandling.children as RowNode[];
  const other = children.findIndex((row) => row.key === 'other');
  children.splice(other, 1, { key: 'withdrawn', label: '3.申请人撤回申请' }, { key: 'otherReasons', label: '4.其他' });
  return {
    ...copy,
    revision: 2,
    migrations: [
      {
        from: 1,
        changes: [
          { kind: 'move', from: 'applications.otherHandling.other', to: 'applications.otherHandling.otherReasons' },
          { kind: 'add', path: 'applications.otherHandling.withdrawn' },
        ],
      },
    ],
  };
}

describe('a revision change of a format', () => {
  const office = () => migrateFileFormat(JSON.parse(fixtureText('zhenhai-office-2023.draft.json')) as Record<string, unknown>);

  it('the revised test format is valid data, and a revision without its migration is not', () => {
    expect(templateSchema.safeParse(revisedFormat()).success).toBe(true);
    expect(templateSchema.safeParse({ ...revisedFormat(), migrations: [] }).success).toBe(false);
  });

  it('the previous revision’s draft does not fit the new revision as it is', () => {
    const result = draftSchemaFor(revisedFormat()).safeParse(office());
    expect(result.success).toBe(false);
  });

  it('migrated: renamed row keeps its values, added row starts untouched, every other cell as it was', () => {
    const template = revisedFormat();
    const before = office();
    const migrated = migrateTemplateRevision(before, template);
    if (!migrated.ok) throw new Error(migrated.message);
    expect(migrated.data.templateRevision).toBe(2);
    const parsed = draftSchemaFor(template).safeParse(migrated.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    const after = flattenTables(template, parsed.data!.tables);
    const old = flattenTables(templates['2021'], (before as unknown as Draft).tables);
    let compared = 0;
    for (const [key, value] of Object.entries(old)) {
      const newKey = key.replace('applications.otherHandling.other.', 'applications.otherHandling.otherReasons.');
      expect(after[newKey], key).toBe(value);
      compared++;
    }
    expect(compared).toBe(Object.keys(old).length);
    const added = Object.keys(after).filter((key) => key.startsWith('applications.otherHandling.withdrawn.'));
    expect(added.length).toBe(7);
    for (const key of added) expect(after[key]).toBeNull();
    // The old file is not changed by the migration.
    expect(before.templateRevision).toBe(1);
    expect((before.tables as Draft['tables']).applications!.otherHandling).toHaveProperty('other');
  });

  it('a revision newer than the program knows, or not a number, is refused with a message', () => {
    const newer = { ...office(), templateRevision: templates['2021'].revision + 1 };
    const [problem] = problemsOf(readDraftJson(JSON.stringify(newer)));
    expect(problem).toMatchObject({ path: 'templateRevision' });
    expect(problem!.message).toContain(`只认识到第 ${templates['2021'].revision} 次修订`);
    expect(problem!.message).toContain('请使用更新版本的本工具打开');
    const [bad] = problemsOf(readDraftJson(JSON.stringify({ ...office(), templateRevision: '1' })));
    expect(bad).toMatchObject({ path: 'templateRevision', message: expect.stringContaining('应为不小于 1 的整数') });
  });
});
