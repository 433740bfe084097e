/**
 * The architecture in one test: the template is data, domain logic and Word generation are pure
 * TypeScript usable from Node and the browser, and the React app sits on top. Imports only point
 * downwards: templates ← src/domain ← src/docx, src/html ← src/cli / src/features, src/app.
 *
 * Inside the React app the house is one-way too:
 *   src/app                 the shell (routes, the editor that composes the steps): may import every feature
 *   src/features/<feature>  basics, check, home, last-year, narrative, review, rollup, table-grid: each imports only
 *                           itself, the kernel and the shared layer, never another feature
 *   src/features/kernel     the editor's shared kernel (editor context, steps, field ids, form values,
 *                           live draft, locating a finding): no feature, no shell
 *   src/features/shared     widgets and services every screen uses: nothing above it
 * Where a feature shows another feature's panel, the shell passes it in (src/features/kernel/step-slots.ts).
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

/** Every module specifier a file imports (static, dynamic and for side effects such as CSS), resolved to a repo path when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (match) => (match[1] ?? match[2] ?? match[3])!,
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
  {
    dir: 'src/html',
    // The page takes the Word file's typography numbers (pure constants), never the docx library.
    mayNotImport: /^(react|react-dom|react-hook-form|@hookform\/|idb$|docx$|src\/(features|app|storage|cli)\/|src\/docx\/(?!typography\.ts$)|node:)/,
    why: 'the web page of the report is built in Node and in the browser alike, without React or the Word library',
  },
];

const LOWER_LAYERS = ['kernel', 'shared'];

/** The features: every folder of src/features that is not one of the lower layers. */
function featureNames(): string[] {
  return readdirSync(join(root, 'src/features')).filter(
    (name) => statSync(join(root, 'src/features', name)).isDirectory() && !LOWER_LAYERS.includes(name),
  );
}

/** The app's own layers: a feature sees itself, the kernel and shared; the kernel sees shared; shared sees only itself. */
function appLayers(): { dir: string; mayNotImport: RegExp; why: string }[] {
  return [
    ...featureNames().map((feature) => ({
      dir: `src/features/${feature}`,
      mayNotImport: new RegExp(`^src/(app/|features/(?!${feature}/|kernel/|shared/))`),
      why: 'a feature imports no other feature and not the shell (the shell passes other features\' panels in)',
    })),
    {
      dir: 'src/features/kernel',
      mayNotImport: /^src\/(app\/|features\/(?!kernel\/|shared\/))/,
      why: 'the editor kernel sits under the features',
    },
    {
      dir: 'src/features/shared',
      mayNotImport: /^src\/(app\/|features\/(?!shared\/))/,
      why: 'the shared layer is the bottom of the app',
    },
  ];
}

describe('import boundaries', () => {
  for (const layer of [...layers, ...appLayers()]) {
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
    // Relative imports inside the app resolve to repo paths, lazy ones included.
    expect(importsOf('src/features/check/check-step.tsx')).toContain('src/features/kernel/editor-context.tsx');
    expect(importsOf('src/app/editor/editor.tsx')).toContain('src/features/last-year/cross-year-notices.tsx');
  });

  it('the app layers cover every feature and would catch a feature, or the kernel, importing a feature', () => {
    expect(featureNames()).toEqual(expect.arrayContaining(['basics', 'check', 'home', 'last-year', 'narrative', 'review', 'rollup', 'table-grid']));
    const rules = new Map(appLayers().map((layer) => [layer.dir, layer.mayNotImport]));
    const basics = rules.get('src/features/basics')!;
    expect(basics.test('src/features/review/approval-setting.tsx')).toBe(true);
    expect(basics.test('src/features/last-year/last-year-panel.tsx')).toBe(true);
    expect(basics.test('src/app/editor/editor.tsx')).toBe(true);
    expect(basics.test('src/features/basics/basics-step.tsx')).toBe(false);
    expect(basics.test('src/features/kernel/editor-context.tsx')).toBe(false);
    expect(basics.test('src/features/shared/modal.tsx')).toBe(false);
    // A feature whose name begins like another's is still another feature.
    expect(rules.get('src/features/review')!.test('src/features/reviewers/x.ts')).toBe(true);
    const kernel = rules.get('src/features/kernel')!;
    expect(kernel.test('src/features/table-grid/cell-id.ts')).toBe(true);
    expect(kernel.test('src/features/shared/format.ts')).toBe(false);
    expect(rules.get('src/features/shared')!.test('src/features/kernel/steps.ts')).toBe(true);
  });
});
