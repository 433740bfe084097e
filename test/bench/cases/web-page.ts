/**
 * The report as a web page (src/html/report-page.ts): median time to build the page of each fixture in Node
 * (goal: under 100 ms, as for the Word file), its size, the size of the fragment copied for a website
 * editor, and the time for a draft at the stated text limits (300 paragraphs in each narrative part).
 */
import { reportPageFragment, reportPageHtml } from '../../../src/html/report-page.ts';
import { time, type BenchResult } from '../bench-types.ts';
import { fixtureDraft } from '../fixtures.ts';

export const name = 'web-page';


const NONE = { state: 'none' } as const;

export async function run(): Promise<BenchResult[]> {
  const office = fixtureDraft('zhenhai-office-2023.draft.json');
  const district = fixtureDraft('zhenhai-district-2020.draft.json');
  const full = fixtureDraft('zhenhai-office-2023.draft.json');
  // 300 paragraphs of 60 字 in every part: the most the limits allow per text box (public/draft-format.md).
  const paragraphs = Array.from({ length: 300 }, (_, i) => `第${i + 1}段`.padEnd(60, '公')).join('\n');
  for (const section of Object.values(full.narrative)) for (const part of section.parts) part.text = paragraphs;

  const options = { warmup: 20, batches: 40, batch: 2 };
  const officeTime = time(() => reportPageHtml(office, 'final', NONE), options);
  const districtTime = time(() => reportPageHtml(district, 'final', NONE), options);
  const fullTime = time(() => reportPageHtml(full, 'final', NONE), { warmup: 3, batches: 10, batch: 1 });
  const kib = (text: string) => new TextEncoder().encode(text).length / 1024;
  return [
    { label: 'reportPageHtml, 2023 fixture (median)', value: officeTime.median, unit: 'ms', goal: 100 },
    { label: 'reportPageHtml, 2020 fixture (median)', value: districtTime.median, unit: 'ms', goal: 100 },
    { label: 'reportPageHtml, 300 paragraphs in every part (median)', value: fullTime.median, unit: 'ms' },
    { label: 'page size, 2023 fixture', value: kib(reportPageHtml(office, 'final', NONE)), unit: 'KiB' },
    { label: 'fragment size (inline styles), 2023 fixture', value: kib(reportPageFragment(office, 'final', NONE)), unit: 'KiB' },
  ];
}
