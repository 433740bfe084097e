/**
 * The check including the report's text (numbers in the text against the tables, length and topics of 一,
 * parts repeated from last year): the whole check of a complete report stays under 2 ms (median), with
 * last year's report attached too, for both samples (the 2020 one has 3385 字 in 一 alone). And the work
 * one keystroke in a paragraph causes — the live check of the draft with one character more in a
 * paragraph — is measured beside one keystroke in a cell, so that typing text costs what typing a number
 * does. Hostile texts at the length limit (figures or negations without a full stop) are timed too.
 */
import { reportFindings } from '../../../src/domain/check.ts';
import type { Draft } from '../../../src/domain/draft-types.ts';
import { textNumberFindings } from '../../../src/domain/text-numbers.ts';
import { textQualityFindings } from '../../../src/domain/text-quality.ts';
import type { BenchResult } from '../bench-types.ts';
import { time } from '../bench-types.ts';
import { fixtureDraft } from '../fixtures.ts';

export const name = 'text-check';


/** The draft with 一、（二）依申请公开 replaced by `text`. */
function withOnRequest(draft: Draft, text: string): Draft {
  const overview = draft.narrative.overview!;
  const parts = overview.parts.map((part) => (part.topic === 'onRequest' ? { ...part, text } : part));
  return { ...draft, narrative: { ...draft.narrative, overview: { ...overview, parts } } };
}

export async function run(): Promise<BenchResult[]> {
  const office = fixtureDraft('zhenhai-office-2023.draft.json');
  const district = fixtureDraft('zhenhai-district-2020.draft.json');
  // Last year's report: the same text (the slowest case for the comparison: every part is compared in full).
  const officeLastYear: Draft = { ...structuredClone(office), year: office.year - 1 };
  const districtLastYear: Draft = { ...structuredClone(district), year: district.year - 1 };
  const ms = (label: string, value: number, goal?: number): BenchResult => ({ label, value, unit: 'ms', ...(goal ? { goal } : {}) });

  // One keystroke: a copy of the draft with one character more in 依申请公开, or one digit more in a cell,
  // as the live check sees it after the clerk types (a new draft object each time, nothing cached per draft).
  let typed = 0;
  const afterTextKeystroke = () => {
    const overview = office.narrative.overview!;
    const parts = overview.parts.map((part) => (part.topic === 'onRequest' ? { ...part, text: part.text + String(typed++ % 10) } : part));
    const draft = { ...office, narrative: { ...office.narrative, overview: { ...overview, parts } } };
    return reportFindings(draft, officeLastYear);
  };
  const afterCellKeystroke = () => {
    const applications = structuredClone(office.tables.applications!);
    (applications.granted as Record<string, number>).naturalPerson = 12 + (typed++ % 10);
    return reportFindings({ ...office, tables: { ...office.tables, applications } }, officeLastYear);
  };

  return [
    ms('reportFindings incl. text, complete 2021 report (median)', time(() => reportFindings(office)).median, 2),
    ms('reportFindings incl. text, 2021, with last year’s report (median)', time(() => reportFindings(office, officeLastYear)).median, 2),
    ms('reportFindings incl. text, complete 2019 report, 一 of 3385 字 (median)', time(() => reportFindings(district)).median, 2),
    ms('reportFindings incl. text, 2019, with last year’s report (median)', time(() => reportFindings(district, districtLastYear)).median, 2),
    ms('textNumberFindings alone, 2019 report (median)', time(() => textNumberFindings(district)).median),
    ms('textQualityFindings alone, 2019, with last year’s report (median)', time(() => textQualityFindings(district, districtLastYear)).median),
    ms('live check after a keystroke in a paragraph, 2021 + last year (median)', time(afterTextKeystroke).median, 2),
    ms('live check after a keystroke in a cell, 2021 + last year (median)', time(afterCellKeystroke).median, 2),
    // Hostile text at the limit of a text box (20000 字): figures or negations without a full stop must
    // cost linear time, not a frozen page. A new text each call, so nothing is cached.
    ms('textNumberFindings, 20000 字 of 1件1件… (median)', time(() => textNumberFindings(withOnRequest(office, '1件'.repeat(10_000) + String(typed++))), { warmup: 3, batches: 10, batch: 1 }).median, 50),
    ms('textNumberFindings, 20000 字 of 未收到复议… (median)', time(() => textNumberFindings(withOnRequest(office, '未收到复议'.repeat(4_000) + String(typed++))), { warmup: 3, batches: 10, batch: 1 }).median, 50),
    // Every figure a statement that disagrees: 3333 warnings, each message naming its sentence (read only
    // so far around the figure, not across the whole text without full stops).
    ms('textNumberFindings, 20000 字 of 收到申请2件…, 3333 warnings (median)', time(() => textNumberFindings(withOnRequest(office, '收到申请2件'.repeat(3_333) + String(typed++))), { warmup: 3, batches: 10, batch: 1 }).median),
  ];
}
