/**
 * The architecture in one test: the template is data, domain logic and Word generation are pure
 * TypeScript usable from Node and the browser, and the React app sits on top. Imports only point
 * downwards: templates ← src/domain ← src/docx ← src/cli / src/features, src/app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports (static and dynamic), resolved to a repo path when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2])!,
  );
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? relative(root, resolve(root, file, '..', specifier)) : specifier,
  );
}

const layers: { dir: string; mayNotImport: RegExp; why: string }[] = [
  {
    dir: 'templates',
    mayNotImport: /^(react|react-dom|docx|src\/(?!domain\/template-types\.ts$))/,
    why: 'templates are plain data; they may only use the template types',
  },
  {
    dir: 'src/domain',
    mayNotImport: /^(react|react-dom|react-hook-form|@hookform\/|idb$|src\/(docx|features|app|storage|cli)\/|node:)/,
    why: 'domain logic is pure TypeScript for Node and the browser alike',
  },
  {
    dir: 'src/docx',
    mayNotImport: /^(react|react-dom|react-hook-form|@hookform\/|idb$|src\/(features|app|storage|cli)\/|node:)/,
    why: 'Word generation runs in Node and in the browser, without React',
  },
];

describe('import boundaries', () => {
  for (const layer of layers) {
    it(`${layer.dir}: ${layer.why}`, () => {
      const files = sourceFiles(layer.dir);
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) =>
        importsOf(file)
          .filter((target) => layer.mayNotImport.test(target))
          .map((target) => `${file} imports ${target}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('every schema takes zod from src/domain/zod.ts, which turns off generated code before any schema is built', () => {
    // The built app's Content-Security-Policy forbids string evaluation; a module that imported zod
    // directly could build a schema before the setting and trip the policy (seen when a chunk did).
    const direct = [...sourceFiles('src'), ...sourceFiles('templates')].filter(
      (file) => file !== 'src/domain/zod.ts' && importsOf(file).some((target) => target === 'zod' || target.startsWith('zod/')),
    );
    expect(direct).toEqual([]);
    expect(importsOf('src/domain/draft-schema.ts')).toContain('src/domain/zod.ts');
  });

  it('the boundary check itself sees imports (guards against a regex that matches nothing)', () => {
    expect(importsOf('src/domain/variant.ts')).toContain('templates/index.ts');
    expect(importsOf('src/docx/build-report.ts').some((target) => target === 'docx')).toBe(true);
  });
});
