/**
 * Pairs of consecutive reports for the last-year tests (the DOM tests here and the browser test
 * test/e2e/last-year-carry-over.test.ts), built from the sample drafts. No DOM in here: it runs anywhere.
 */
import { templates } from '../../templates/index.ts';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from '../../src/domain/values.ts';
import { office2023Draft } from './ui-fixtures.ts';

/** A copy with some cells set and every total recomputed, as the app keeps them. */
export function withCells(draft: Draft, cells: CellValues, changes: Partial<Draft> = {}): Draft {
  const template = templateOf(draft);
  const values = computeTotals(template, { ...flattenTables(template, draft.tables), ...cells });
  return { ...structuredClone(draft), ...changes, tables: nestTables(template, values) };
}

/** The office's 2022 report: it carried 2 (自然人) and 1 (商业企业) forward into 2023. */
export function office2022Draft(): Draft {
  return withCells(
    office2023Draft(),
    {
      'applications.newReceived.naturalPerson': 38,
      'applications.newReceived.commercial': 17,
      'applications.carriedForward.naturalPerson': 2,
      'applications.carriedForward.commercial': 1,
      // 2023: 制发 9, 废止 20, 现行有效 116 → 2022 现行有效 127 (C2 holds).
      'proactive.normativeDocuments.issued': 10,
      'proactive.normativeDocuments.repealed': 15,
      'proactive.normativeDocuments.inForce': 127,
    },
    { year: 2022 },
  );
}

/** The district's 2021 report (2021 format), to pair with its 2020 report (2019 format); numbers swing. */
export function district2021Draft(): Draft {
  const template = templates['2021'];
  const base = emptyDraft(template, 2021, '宁波市镇海区人民政府', new Date('2022-01-10T00:00:00Z'));
  const zeros = Object.fromEntries(Object.keys(flattenTables(template, base.tables)).map((key) => [key, 0]));
  return withCells({ ...base, tables: nestTables(template, zeros) }, {
    'applications.newReceived.naturalPerson': 900,
    'applications.carriedOver.naturalPerson': 2,
    'applications.granted.naturalPerson': 900,
    'applications.carriedForward.naturalPerson': 2,
    'reviewLitigation.review.upheld': 2,
  });
}
