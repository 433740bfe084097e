/**
 * The templates as data are sound: they match the meta-schema, survive a JSON round trip (they stay
 * plain data), every rule names existing cells, every computed cell has exactly one defining rule, and
 * the defining rules have no cycles.
 */
import { describe, expect, it } from 'vitest';
import { formats, templates, variants } from '../../templates/index.ts';
import { expandRules } from '../../src/domain/rules.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { templateSchema } from '../../src/domain/template-schema.ts';
import type { ReportTemplate } from '../../src/domain/template-types.ts';
import { applyVariant } from '../../src/domain/variant.ts';

/** Every format of the registry, alone and with each of its local variants applied. */
const all = [
  ...formats.map((template) => ({ name: template.id, template: template as ReportTemplate })),
  ...variants.map((variant) => ({
    name: `${variant.format} + ${variant.id}`,
    template: applyVariant(templates[variant.format], variant),
  })),
];

function definingRules(template: ReportTemplate) {
  return expandRules(template).filter((rule) => rule.computes);
}

describe.each(all)('template $name', ({ template }) => {
  it('passes the meta-schema', () => {
    const result = templateSchema.safeParse(template);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('is plain data: JSON and structuredClone round trips are equal', () => {
    expect(JSON.parse(JSON.stringify(template))).toEqual(template);
    expect(structuredClone(template)).toEqual(template);
  });

  it('every relation rule expands to at least one instance', () => {
    const ids = new Set(expandRules(template).map((rule) => `${rule.id}|${rule.description}`));
    for (const rule of template.rules) {
      if (rule.kind === 'relation') expect(ids, `${rule.id} ${rule.description}`).toContain(`${rule.id}|${rule.description}`);
    }
  });

  it('every rule operand and fix target names an existing cell', () => {
    const { cellsByKey } = indexTemplate(template);
    const missing: string[] = [];
    for (const rule of expandRules(template)) {
      for (const term of [...rule.left, ...rule.right]) {
        expect(term.cells.length).toBeGreaterThan(0);
        for (const cell of term.cells) if (!cellsByKey.has(cell)) missing.push(`${rule.id}: ${cell}`);
      }
      if (rule.fixTarget !== undefined && !cellsByKey.has(rule.fixTarget)) missing.push(`${rule.id}: ${rule.fixTarget}`);
    }
    expect(missing).toEqual([]);
  });

  it('every value-type and filled rule names a table of the template', () => {
    const tables = new Set(indexTemplate(template).tables.map((table) => table.key));
    for (const rule of template.rules) if (rule.kind !== 'relation') expect(tables).toContain(rule.table);
  });

  it('every computed cell has exactly one defining rule, and only computed cells are defined', () => {
    const definitions = new Map<string, number>();
    for (const rule of definingRules(template)) {
      expect(rule.left).toHaveLength(1);
      expect(rule.left[0]!.cells).toHaveLength(1);
      const target = rule.left[0]!.cells[0]!;
      definitions.set(target, (definitions.get(target) ?? 0) + 1);
    }
    const cells = indexTemplate(template).cells;
    for (const cell of cells) {
      expect(definitions.get(cell.key) ?? 0, cell.key).toBe(cell.computed ? 1 : 0);
    }
    const computed = cells.filter((cell) => cell.computed).length;
    expect(definitions.size).toBe(computed);
    // 表三: 25 row totals + 6 column totals of （七）总计; 表四: 3 totals.
    expect(computed).toBe(template.id === '2021' ? 25 + 6 + 3 : 23 + 6 + 3);
  });

  it('the defining rules have no cycles', () => {
    const operands = new Map(
      definingRules(template).map((rule) => [rule.left[0]!.cells[0]!, rule.right.flatMap((term) => term.cells)] as const),
    );
    const state = new Map<string, 'visiting' | 'done'>();
    const cycle: string[] = [];
    const visit = (cell: string, path: string[]): void => {
      if (state.get(cell) === 'done') return;
      if (state.get(cell) === 'visiting') {
        cycle.push([...path, cell].join(' → '));
        return;
      }
      state.set(cell, 'visiting');
      for (const operand of operands.get(cell) ?? []) visit(operand, [...path, cell]);
      state.set(cell, 'done');
    };
    for (const cell of operands.keys()) visit(cell, []);
    expect(cycle).toEqual([]);
  });

  it('cross-year terms are the only last-year operands, and only in C rules', () => {
    for (const rule of expandRules(template)) {
      const crossYear = [...rule.left, ...rule.right].some((term) => term.previousYear);
      expect(crossYear, rule.id).toBe(rule.id.startsWith('C'));
    }
  });
});

describe('the meta-schema rejects what is not a template', () => {
  const base = templates['2021'];
  it('a misspelt rule property', () => {
    const broken = { ...base, rules: [{ ...base.rules[0]!, compute: true }, ...base.rules.slice(1)] };
    expect(templateSchema.safeParse(broken).success).toBe(false);
  });
  it('an unknown value type in a table part', () => {
    const broken = structuredClone(base) as unknown as { sections: { table?: { parts: { valueType: string }[] } }[] };
    broken.sections[1]!.table!.parts[0]!.valueType = 'money';
    expect(templateSchema.safeParse(broken).success).toBe(false);
  });
  it('a sumOver term without a label', () => {
    const clone = structuredClone(base) as unknown as { rules: { right?: { label?: string }[] }[] };
    delete clone.rules[1]!.right![0]!.label;
    expect(templateSchema.safeParse(clone).success).toBe(false);
  });
  it('a cell pattern that is not a dotted key', () => {
    const clone = structuredClone(base) as unknown as { rules: { left?: { cell: string }[] }[] };
    clone.rules[0]!.left![0]!.cell = 'applications newReceived';
    expect(templateSchema.safeParse(clone).success).toBe(false);
  });
});
