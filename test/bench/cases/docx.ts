/**
 * Issue 3, "Performance": the median time to generate a complete Word report in Node (goal: under 100 ms),
 * for both fixtures, from the draft to the finished `.docx` bytes with the draft embedded; and the size of
 * the lazily loaded Word chunk when the app has been built (`dist/assets/build-report-*.js`). Also how long
 * refusing a zip bomb takes (a .docx whose draft part inflates to 1 GiB) and how much it inflates first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildReportDocx } from '../../../src/docx/build-report.ts';
import { extractEmbeddedDraftJson, readEmbeddedDraft } from '../../../src/domain/embedded-draft.ts';
import { zipBombDocx } from '../../helpers/zip-bomb.ts';
import type { BenchResult } from '../bench-types.ts';
import { fixtureDraft } from '../fixtures.ts';

export const name = 'docx';


/** Median and 95th percentile of an async call, after a warm-up (the first builds pay for JIT compilation). */
async function timeAsync(fn: () => Promise<unknown>, { warmup = 10, samples = 40 } = {}): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

function wordChunk(): { raw: number; gzip: number } | null {
  const assets = new URL('../../../dist/assets/', import.meta.url);
  if (!existsSync(assets)) return null;
  const file = readdirSync(assets).find((f) => /^build-report-.*\.js$/.test(f));
  if (file === undefined) return null;
  const bytes = readFileSync(new URL(file, assets));
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes).length / 1024 };
}

export async function run(): Promise<BenchResult[]> {
  const office = fixtureDraft('zhenhai-office-2023.draft.json');
  const district = fixtureDraft('zhenhai-district-2020.draft.json');
  const officeTime = await timeAsync(() => buildReportDocx(office, 'final'));
  const districtTime = await timeAsync(() => buildReportDocx(district, 'final'));
  const draftTime = await timeAsync(() => buildReportDocx(office, 'draft'));
  const bytes = await buildReportDocx(district, 'final');
  const extract = await timeAsync(async () => extractEmbeddedDraftJson(bytes), { warmup: 20, samples: 100 });
  const bomb = zipBombDocx(1024 * 1024 * 1024);
  const bombRead = readEmbeddedDraft(bomb);
  const bombTime = await timeAsync(async () => readEmbeddedDraft(bomb), { warmup: 2, samples: 10 });

  const results: BenchResult[] = [
    { label: 'buildReportDocx, 2023 fixture, final (median)', value: officeTime.median, unit: 'ms', goal: 100 },
    { label: 'buildReportDocx, 2023 fixture, final (p95)', value: officeTime.p95, unit: 'ms' },
    { label: 'buildReportDocx, 2020 fixture (long text), final (median)', value: districtTime.median, unit: 'ms', goal: 100 },
    { label: 'buildReportDocx, 2023 fixture, draft (median)', value: draftTime.median, unit: 'ms', goal: 100 },
    { label: 'extractEmbeddedDraftJson from a report (median)', value: extract.median, unit: 'ms' },
    { label: 'size of a generated report (2020 fixture)', value: bytes.length / 1024, unit: 'KB' },
    { label: 'refusing a 1 GiB zip bomb (readEmbeddedDraft, median)', value: bombTime.median, unit: 'ms' },
    { label: 'bytes inflated before refusing the 1 GiB zip bomb', value: bombRead.inflatedBytes / 1024 / 1024, unit: 'MB' },
  ];
  const chunk = wordChunk();
  if (chunk) {
    results.push(
      { label: 'lazily loaded Word chunk (dist/assets/build-report-*.js)', value: chunk.raw, unit: 'KB' },
      { label: 'lazily loaded Word chunk, gzip', value: chunk.gzip, unit: 'KB' },
    );
  }
  return results;
}
