/**
 * Issue 2, "Performance": one full check of a complete report (goal: under 1 ms median), and reading
 * and validating a draft file (`readDraftJson`: JSON parse, zod schema, normalisation).
 */
import type { Draft } from '../../../src/domain/draft-types.ts';
import { readDraftJson } from '../../../src/domain/draft-file.ts';
import { reportFindings } from '../../../src/domain/check.ts';
import { checkDraft, evaluateRules } from '../../../src/domain/rules.ts';
import { computeTotals } from '../../../src/domain/totals.ts';
import { flattenTables, templateOf } from '../../../src/domain/values.ts';
import type { BenchResult } from '../bench-types.ts';
import { time } from '../bench-types.ts';
import { fixtureDraft, fixtureText } from '../fixtures.ts';

export const name = 'check';


export async function run(): Promise<BenchResult[]> {
  const office = fixtureText('zhenhai-office-2023.draft.json');
  const district = fixtureText('zhenhai-district-2020.draft.json');
  const officeDraft = fixtureDraft('zhenhai-office-2023.draft.json');
  const districtDraft = fixtureDraft('zhenhai-district-2020.draft.json');
  const t2021 = templateOf(officeDraft);
  const t2019 = templateOf(districtDraft);
  const officeValues = flattenTables(t2021, officeDraft.tables);
  const districtValues = flattenTables(t2019, districtDraft.tables);
  const previous = { template: t2021, values: { ...officeValues, 'applications.carriedForward.naturalPerson': 1 } };
  const previousDraft: Draft = { ...structuredClone(officeDraft), year: officeDraft.year - 1 };
  const ms = (label: string, value: number, goal?: number): BenchResult => ({ label, value, unit: 'ms', ...(goal ? { goal } : {}) });

  // The first check of a template pays for expanding its rules; measured on fresh copies (cache miss).
  const coldStart = performance.now();
  const coldRuns = 20;
  for (let i = 0; i < coldRuns; i += 1) evaluateRules(structuredClone(t2021), officeValues);
  const cold = (performance.now() - coldStart) / coldRuns;

  const results = [
    ms('evaluateRules, complete 2021 report (median)', time(() => evaluateRules(t2021, officeValues)).median, 1),
    ms('evaluateRules, complete 2019 report (median)', time(() => evaluateRules(t2019, districtValues)).median, 1),
    ms('evaluateRules with last year’s report, C1–C2 on (median)', time(() => evaluateRules(t2021, officeValues, previous)).median, 1),
    ms('computeTotals, 2021 report (median)', time(() => computeTotals(t2021, officeValues)).median),
    ms('checkDraft (flatten nested tables + check), 2021 (median)', time(() => checkDraft(officeDraft)).median),
    // The app's live check with last year's report attached: rules, narrative, cross-year rules and swings.
    ms('reportFindings with last year’s report, 2021 (median)', time(() => reportFindings(officeDraft, previousDraft)).median),
    ms('first check of a template, incl. rule expansion (mean)', cold),
  ];

  const read = time(() => readDraftJson(office), { warmup: 50, batches: 100, batch: 5 });
  const readValid = readDraftJson(office);
  if (!readValid.ok) throw new Error(`fixture does not read: ${JSON.stringify(readValid.problems)}`);
  results.push(
    ms('readDraftJson (parse + validate), 2021 fixture (median)', read.median),
    ms(
      'readDraftJson + checkDraft, 2019 fixture (median)',
      time(
        () => {
          const result = readDraftJson(district);
          return result.ok ? checkDraft(result.draft) : result;
        },
        { warmup: 50, batches: 100, batch: 5 },
      ).median,
    ),
  );
  return results;
}
