/**
 * `npm run bench`: runs every module in test/bench/cases/ (each exports `name` and `run()`), one after
 * another, and prints one table. Speed is measured here, never in the tests.
 * `npm run bench -- app-browser docx` runs only the cases of those file names.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, BenchResult } from './bench-types.ts';

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));

function formatValue(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(4);
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return columns;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(casesDir)
    .filter((file) => file.endsWith('.ts') && (only.length === 0 || only.includes(file.replace(/\.ts$/, ''))))
    .sort();
  if (files.length === 0) throw new Error(`no bench case named ${only.join(', ')} in test/bench/cases/`);
  const rows: string[][] = [];
  let failedGoals = 0;
  for (const file of files) {
    const module = (await import(pathToFileURL(casesDir + file).href)) as BenchCase;
    let results: BenchResult[];
    try {
      results = await module.run();
    } catch (error) {
      rows.push([module.name ?? file, `failed: ${error instanceof Error ? error.message : String(error)}`, '', '', '']);
      failedGoals += 1;
      continue;
    }
    for (const result of results) {
      const met = result.goal === undefined ? '' : result.value <= result.goal ? 'ok' : 'MISSED';
      if (met === 'MISSED') failedGoals += 1;
      rows.push([
        module.name ?? file,
        result.label,
        `${formatValue(result.value)} ${result.unit}`,
        result.goal === undefined ? '' : `< ${result.goal} ${result.unit}`,
        met,
      ]);
    }
  }
  const header = ['case', 'measure', 'value', 'goal', ''];
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]!))));
  const line = (cells: string[]): string => cells.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
  if (failedGoals > 0) {
    console.log(`${failedGoals} goal(s) missed`);
    process.exitCode = 1;
  }
}

await main();
