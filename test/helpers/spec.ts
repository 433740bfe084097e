/**
 * The official labels of both statutory formats (国办公开办函〔2021〕30号 and 〔2019〕60号) as a fixture of
 * the project: test/fixtures/official-labels/report-format-labels.md, read by the label tests. Its absence
 * is a failure with the path, never a skipped check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SPEC_PATH = fileURLToPath(new URL('../fixtures/official-labels/report-format-labels.md', import.meta.url));

let cached: string | undefined;

/** The whole fixture text; throws (failing the test) when the file is missing. */
export function specText(): string {
  if (cached !== undefined) return cached;
  if (!existsSync(SPEC_PATH)) throw new Error(`official labels file missing: ${SPEC_PATH} (the label tests need it; they never skip)`);
  cached = readFileSync(SPEC_PATH, 'utf8');
  return cached;
}

/** The text of a section, from its heading line to the next heading of any level. */
export function specSection(headingStart: string): string {
  const lines = specText().split('\n');
  const start = lines.findIndex((line) => line.startsWith(headingStart));
  if (start < 0) throw new Error(`official labels file has no heading starting with "${headingStart}"`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
