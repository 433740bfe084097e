/**
 * Formats are data: only the registry (templates/) names a format or variant id. Code elsewhere asks the
 * registry (templateForYear, templateOf, the draft's own `template`), so a new format or a province's
 * variant is a data file and a line in templates/index.ts, nothing more.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateIds, variantIds } from '../../templates/index.ts';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('format ids live in the registry only', () => {
  it('no module of src/ or test/bench/ spells a format or variant id as a string literal', () => {
    const ids = [...templateIds, ...variantIds];
    expect(ids.length).toBeGreaterThan(2);
    const files = [...sourceFiles('src'), ...sourceFiles('test/bench')];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return ids.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`)).map((id) => `${file} names ${id}`);
    });
    expect(found).toEqual([]);
  });
});
