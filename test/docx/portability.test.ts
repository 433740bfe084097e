// @vitest-environment node
/**
 * src/docx and its domain helpers run in the browser as well as in Node (issue 3): no Node built-ins, no
 * React, and no syntax older browsers cannot parse (regex lookbehind) in the modules the Word chunk loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = [
  ...readdirSync(`${root}src/docx`).map((f) => `src/docx/${f}`),
  'src/domain/preamble.ts',
  'src/domain/fee-statement.ts',
];

describe.each(files)('%s', (file) => {
  const source = readFileSync(`${root}${file}`, 'utf8');
  it('imports no Node built-in and no React', () => {
    expect(source).not.toMatch(/from\s+['"](node:|fs['"]|path['"]|os['"]|react)/);
    expect(source).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
  });
  it('uses no regex lookbehind', () => {
    expect(source).not.toMatch(/\(\?<[=!]/);
  });
});
