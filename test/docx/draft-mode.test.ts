// @vitest-environment node
/**
 * Draft versus final (issue 3): blockers are errors and untouched cells; a final report is refused while
 * any remain; a draft marks every page 草稿, says so in its name and properties, and leaves untouched cells
 * empty (never 0).
 */
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/domain/rules.ts';
import { layoutTable } from '../../src/domain/table-layout.ts';
import { indexTemplate, tableSections } from '../../src/domain/template.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from '../../src/domain/values.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { buildReportDocx, reportFileName } from '../../src/docx/build-report.ts';
import { finalBlockers } from '../../src/domain/final-gate.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { templates } from '../../templates/index.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { readDocx, type DocxRead } from '../helpers/read-docx.ts';
import { testSigningKey } from '../helpers/signing-keys.ts';
import { approve, submitForReview } from '../../src/domain/review.ts';
import { setPartText } from '../helpers/narrative.ts';

function setCell(draft: Draft, key: string, value: number | null): Draft {
  const template = templateOf(draft);
  const values = flattenTables(template, draft.tables);
  values[key] = value;
  return { ...draft, tables: nestTables(template, values) };
}

/** Text of the docx cell that holds a template cell, found through the layout (row, position). */
function cellText(doc: DocxRead, draft: Draft, key: string): string {
  const template = templateOf(draft);
  const sections = tableSections(template);
  for (const [t, section] of sections.entries()) {
    const layout = layoutTable(section.table);
    for (const [r, row] of layout.entries()) {
      const cell = row.cells.find((c) => c.kind === 'value' && c.cell.key === key);
      if (!cell) continue;
      const docRow = doc.tables[t]!.rows[r]!;
      // Find the docx cell starting at the same grid column.
      let column = 0;
      for (const tc of docRow.cells) {
        if (column === cell.gridColumn) return tc.text;
        column += tc.gridSpan;
      }
    }
  }
  throw new Error(`cell ${key} not found`);
}

const NEW_RECEIVED = 'applications.newReceived.naturalPerson';
const COMMERCIAL = 'applications.newReceived.commercial';

describe('finalBlockers', () => {
  it('is empty for the two balanced sample reports', () => {
    expect(finalBlockers(office2023Draft())).toEqual([]);
    expect(finalBlockers(district2020Draft())).toEqual([]);
  });

  it('names an untouched cell', () => {
    const draft = setCell(office2023Draft(), 'reviewLitigation.review.upheld', null);
    const blockers = finalBlockers(draft);
    expect(blockers.length).toBeGreaterThan(0);
    expect(blockers.flatMap((b) => b.cells)).toContain('reviewLitigation.review.upheld');
  });

  it('includes every error of the checks', () => {
    const draft = setCell(office2023Draft(), NEW_RECEIVED, 999);
    const errors = checkDraft(draft).filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(finalBlockers(draft)).toEqual(expect.arrayContaining(errors));
  });

  it('leaves out warnings that are not about untouched cells', () => {
    const draft = setCell(office2023Draft(), NEW_RECEIVED, 999);
    const filledRules = new Set(templateOf(draft).rules.filter((r) => r.kind === 'filled').map((r) => r.id));
    for (const blocker of finalBlockers(draft)) {
      expect(blocker.severity === 'error' || filledRules.has(blocker.rule)).toBe(true);
    }
  });

  it('blocks an empty report on every input cell', () => {
    const draft = emptyDraft(templates['2021'], 2025, '某某市某某区人民政府办公室');
    const named = new Set(finalBlockers(draft).flatMap((b) => b.cells));
    for (const cell of indexTemplate(templates['2021']).cells) if (!cell.computed) expect(named).toContain(cell.key);
  });
});

describe('final mode', () => {
  it('refuses a draft with blockers with a clear Chinese message', async () => {
    const draft = setCell(office2023Draft(), COMMERCIAL, null);
    await expect(buildReportDocx(draft, 'final')).rejects.toThrow(/不能生成正式报告.*生成草稿/);
  });
});

describe('draft mode', () => {
  const draft = setCell(setCell(office2023Draft(), COMMERCIAL, null), 'reviewLitigation.litigationDirect.pending', null);
  const ready = buildReportDocx(draft, 'draft').then((bytes) => ({ bytes, doc: readDocx(bytes) }));

  it('can always be produced, even with blockers', async () => {
    expect(finalBlockers(draft).length).toBeGreaterThan(0);
    const { bytes } = await ready;
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('marks every page 草稿: a header on odd and even pages alike', async () => {
    const { doc } = await ready;
    const types = doc.headers.map((h) => h.type).sort();
    expect(types).toEqual(['default', 'even']);
    for (const header of doc.headers) expect(header.text).toMatch(/^草稿/);
  });

  it('says 草稿 in the file name and the document title', async () => {
    const { doc } = await ready;
    expect(reportFileName(draft, 'draft')).toMatch(/（草稿）\.docx$/);
    expect(doc.core.title).toContain('草稿');
  });

  it('leaves untouched cells empty, never 0', async () => {
    const { doc } = await ready;
    expect(cellText(doc, draft, COMMERCIAL)).toBe('');
    expect(cellText(doc, draft, 'reviewLitigation.litigationDirect.pending')).toBe('');
    // Touched neighbours still print, totals are computed from what is there.
    expect(cellText(doc, draft, NEW_RECEIVED)).toBe('36');
    expect(cellText(doc, draft, 'applications.newReceived.total')).toBe('36');
  });

  it('carries the draft with its untouched cells inside', async () => {
    const { bytes } = await ready;
    expect(JSON.parse(extractEmbeddedDraftJson(bytes)!)).toEqual(draft);
  });

  it('prints an empty new report without a single number (totals of nothing stay empty)', async () => {
    for (const template of [templates['2021'], templates['2019']]) {
      const empty = emptyDraft(template, template.id === '2021' ? 2025 : 2020, '某某县人民政府');
      const doc = readDocx(await buildReportDocx(empty, 'draft'));
      expect(doc.tables).toHaveLength(3);
      for (const cell of indexTemplate(template).cells) expect(cellText(doc, empty, cell.key), cell.key).toBe('');
    }
  });

  it('keeps an unwritten required sub-topic’s heading in a draft and leaves it out of the final report', async () => {
    const base = office2023Draft();
    const draftText = structuredClone(base);
    setPartText(draftText, 'overview', 'oversight', '');
    const draftDoc = readDocx(await buildReportDocx(draftText, 'draft'));
    const finalDoc = readDocx(await buildReportDocx(draftText, 'final'));
    const has = (doc: DocxRead) => doc.paragraphs.some((p) => /^（[一二三四五六七]）监督保障$/.test(p.text));
    expect(has(draftDoc)).toBe(true);
    expect(has(finalDoc)).toBe(false);
  });
});

describe('the 草稿 header says what still stands between the draft and the final version', () => {
  const headerOf = async (draft: Draft) => readDocx(await buildReportDocx(draft, 'draft')).headers.map((header) => header.text);

  it('尚未通过全部校验 while errors or untouched cells remain', async () => {
    const incomplete = setCell(office2023Draft(), 'applications.newReceived.naturalPerson', null);
    expect(finalBlockers(incomplete).length).toBeGreaterThan(0);
    for (const text of await headerOf(incomplete)) expect(text).toBe('草稿　本文件尚未通过全部校验，仅供内部核对，不得作为正式报告发布');
  });

  it('尚未经审核通过 when the only thing missing is the approval', async () => {
    const clean = office2023Draft();
    expect(finalBlockers(clean)).toEqual([]);
    for (const text of await headerOf(clean)) expect(text).toBe('草稿　本文件尚未经审核通过，仅供内部核对，不得作为正式报告发布');
  });

  it('neither, for an approved report printed as a draft by choice', async () => {
    const at = new Date(Date.UTC(2024, 0, 20, 8, 0));
    const submitted = submitForReview(office2023Draft(), '李晓明', at);
    if (!submitted.ok) throw new Error(submitted.message);
    const approved = await approve(submitted.draft, { name: '王建国', role: '办公室主任' }, await testSigningKey(), at);
    if (!approved.ok) throw new Error(approved.message);
    for (const text of await headerOf(approved.draft)) expect(text).toBe('草稿　本文件为草稿，仅供内部核对，不得作为正式报告发布');
  });
});
