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
import { DRAFT_FORMAT_VERSION, type Draft, type ReviewState } from '../../src/domain/draft-types.ts';
import { templateSchema } from '../../src/domain/template-schema.ts';
import type { ReportTemplate, RowNode, TableSectionTemplate } from '../../src/domain/template-types.ts';
import { flattenTables } from '../../src/domain/values.ts';
import { narrativeSections } from '../../src/domain/template.ts';
import { anchorLabel } from '../../src/domain/review.ts';

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

/**
 * Every field of the old file, except the file format version and the narrative (whose shape changed in
 * draft format 3, checked by `expectNarrativeMigrated`), as the reader returns it.
 */
function contentFields(file: Record<string, unknown>): Record<string, unknown> {
  const { formatVersion: _version, narrative: _narrative, ...rest } = file;
  return rest;
}

type OldSection = { intro: string; parts: Record<string, string>; extraParts: { title: string; text: string }[] };

/**
 * The narrative of a draft of format 1 or 2, read: per section, the template's parts in template order
 * under their official titles with the old texts, then the added sub-topics as `extra.<n>`.
 */
function expectNarrativeMigrated(draft: Draft, file: Record<string, unknown>): void {
  const old = file.narrative as Record<string, OldSection>;
  for (const section of narrativeSections(templates[draft.template])) {
    const stored = old[section.id]!;
    expect(draft.narrative[section.id]).toEqual({
      intro: stored.intro,
      style: 'headings',
      parts: [
        ...section.parts.map((part) => ({ id: part.key, topic: part.key, title: part.title, text: stored.parts[part.key] })),
        ...stored.extraParts.map((extra, index) => ({ id: `extra.${index}`, topic: null, title: extra.title, text: extra.text })),
      ],
    });
  }
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
      expectNarrativeMigrated(draft, file);
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
    expectNarrativeMigrated(draft, file);
  });
});

describe('drafts of format 2: the narrative becomes ordered parts (format 3)', () => {
  const v2Text = fixtureText('zhenhai-office-2023.draft-format-2.json');
  const v2 = JSON.parse(v2Text) as Record<string, unknown> & { review: ReviewState };

  it('opens with every text where it was, the official parts in template order under their titles, then the added ones', () => {
    expect(v2.formatVersion).toBe(2);
    const draft = draftOf(readDraftJson(v2Text));
    expect(draft.formatVersion).toBe(3);
    expect(draft).toMatchObject(contentFields(v2));
    expectNarrativeMigrated(draft, v2);
    // Written out literally once, as sample 003 prints 一: five official parts, then its own two.
    expect(draft.narrative.overview!.parts.map((part) => [part.id, part.topic, part.title])).toEqual([
      ['proactive', 'proactive', '主动公开'],
      ['onRequest', 'onRequest', '依申请公开'],
      ['management', 'management', '政府信息管理'],
      ['platforms', 'platforms', '政府信息公开平台建设'],
      ['oversight', 'oversight', '监督保障'],
      ['extra.0', null, '政务新媒体管理方面'],
      ['extra.1', null, '政务公开标准化规范化建设'],
    ]);
  });

  it('keeps each comment pointing at the text it was made on', () => {
    const draft = draftOf(readDraftJson(v2Text));
    const oldNarrative = v2.narrative as Record<string, OldSection>;
    const oldText = (section: string, part: string) => {
      const extra = /^extra\.(\d+)$/.exec(part);
      return extra ? oldNarrative[section]!.extraParts[Number(extra[1])]!.text : oldNarrative[section]!.parts[part];
    };
    expect(draft.review!.comments).toHaveLength(3);
    for (const comment of draft.review!.comments) {
      if (comment.anchor.kind !== 'paragraph') throw new Error('paragraph comments in this fixture');
      const { section, part } = comment.anchor;
      const now = draft.narrative[section]!.parts.find((candidate) => candidate.id === part);
      expect(now?.text).toBe(oldText(section, part));
      expect(now?.text).not.toBe('');
    }
    expect(anchorLabel(draft, { kind: 'paragraph', section: 'overview', part: 'extra.1' })).toBe('一、总体情况 · 政务公开标准化规范化建设');
  });

  it('hashes to what the program of format 2 hashed it to, so an approval made then stays valid', async () => {
    const draft = draftOf(readDraftJson(v2Text));
    // contentHash of this file computed by the program as it was before draft format 3.
    expect(await contentHash(draft)).toBe('9d7502f39df931356ca65191abcc9732340c9aec6c0334afb83ff5f065185830');
    // A change only format 3 can express (a title) is a change of content.
    draft.narrative.overview!.parts[0]!.title = '“专班化”加强组织领导';
    expect(await contentHash(draft)).not.toBe('9d7502f39df931356ca65191abcc9732340c9aec6c0334afb83ff5f065185830');
  });

  it('a Word file made by the program of format 2 opens with its draft, text unchanged, in order, with titles', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/zhenhai-office-2023.draft-format-2.docx', import.meta.url)));
    const draft = draftOf(readDraftBytes(bytes, '报告.docx'));
    expect(draft.formatVersion).toBe(3);
    expectNarrativeMigrated(draft, v2);
    expect(draft.review!.comments.map((comment) => comment.anchor)).toEqual(v2.review.comments.map((comment) => comment.anchor));
  });

  it('keeps a key the template does not have, for the reader to name at its new place', () => {
    const file = { ...JSON.parse(v2Text), narrative: { problems: { intro: '', parts: { problem: '拼错的键' }, extraParts: [] } } };
    const problems = problemsOf(readDraftJson(JSON.stringify(file)));
    expect(problems.map((problem) => problem.path)).toEqual(['narrative.problems.parts.2.topic']);
    expect(problems[0]!.message).toContain('“五、存在的主要问题及改进情况”的第 3 部分对应的官方部分');
    expect(problems[0]!.message).toContain('"problem"');
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
