/**
 * Checks of a Word file the app downloaded, with the Word owner's reader (test/helpers/read-docx.ts):
 * the agency and title, every table number in order, no 草稿 marking, and the draft carried inside.
 */
import { expect } from 'vitest';
import type { CellValues, Draft } from '../../../src/domain/draft-types.ts';
import { layoutTable, printedCellValue } from '../../../src/domain/table-layout.ts';
import { tableSections } from '../../../src/domain/template.ts';
import { templateOf } from '../../../src/domain/values.ts';
import { extractEmbeddedDraftJson } from '../../../src/domain/embedded-draft.ts';
import { readDocx, type TableRead } from '../../helpers/read-docx.ts';
import { draftValues } from './app.ts';

const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** The numbers a Word table prints, row by row, left to right (labels and empty merge cells skipped). */
export function numbersOf(table: TableRead): string[] {
  return table.rows.flatMap((row) => row.cells.map((cell) => cell.text.trim()).filter((text) => NUMBER.test(text)));
}

/** The numbers each statutory table must print for `values`, in the layout's reading order. */
export function expectedNumbers(draft: Draft, values: CellValues = draftValues(draft)): string[][] {
  return tableSections(templateOf(draft)).map((section) =>
    layoutTable(section.table).flatMap((row) =>
      row.cells.flatMap((cell) => (cell.kind === 'value' ? [printedCellValue(cell.cell, values[cell.cell.key] ?? null)] : [])),
    ),
  );
}

/** The narrative as written: each section's intro, style and parts (topic, title, text) in order. */
function withoutPartIds(narrative: Draft['narrative']): unknown {
  return Object.fromEntries(
    Object.entries(narrative).map(([id, section]) => [
      id,
      { intro: section.intro, style: section.style, parts: section.parts.map(({ topic, title, text }) => ({ topic, title, text })) },
    ]),
  );
}

/**
 * The final report of `draft`: title lines, the agency in `document.xml`, the three tables with every
 * number in order, no 草稿 in headers or title, and the embedded draft equal to `draft` in everything the
 * clerk typed. Returns the embedded draft for further checks.
 */
export function expectFinalReport(bytes: Uint8Array, draft: Draft): Draft {
  const doc = readDocx(bytes);
  expect(doc.xml('word/document.xml')).toContain(draft.agency.name);
  expect(doc.paragraphs[0]?.text).toBe(draft.agency.name);
  expect(doc.paragraphs[1]?.text).toBe(`${draft.year}年政府信息公开工作年度报告`);
  expect(doc.tables.map(numbersOf)).toEqual(expectedNumbers(draft));
  expect(doc.headers.map((header) => header.text).join('')).not.toContain('草稿');
  expect(doc.paragraphs.map((p) => p.text).join('\n')).not.toContain('（草稿）');

  const json = extractEmbeddedDraftJson(bytes);
  expect(json, 'the Word file carries its draft').not.toBeNull();
  const embedded = JSON.parse(json!) as Draft;
  expect(embedded.tables).toEqual(draft.tables);
  // Part ids are the editor's: a sub-topic typed in gets `p1` where the sample's file (format 2) had `extra.0`.
  expect(withoutPartIds(embedded.narrative)).toEqual(withoutPartIds(draft.narrative));
  expect(embedded.agency).toEqual(draft.agency);
  expect(embedded.fees).toEqual(draft.fees);
  expect(embedded.signature).toEqual(draft.signature);
  expect(embedded.preamble).toBe(draft.preamble);
  expect({ template: embedded.template, year: embedded.year }).toEqual({ template: draft.template, year: draft.year });
  return embedded;
}
