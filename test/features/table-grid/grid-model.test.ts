// @vitest-environment node
/**
 * The grid's pure model on a small table built for the test: two input columns (the second merged over
 * two physical columns), a computed 合计 column, input rows, a heading row without figure, and a
 * computed 总计 row. Expected keys and placements are read off the table drawn below, by hand.
 *
 *              | 甲 | 乙 (2 cols) | 合计*
 *   第一行      | a1 |     b1      |  t1*
 *   第二行      | a2 |     b2      |  t2*
 *   其中（标题） |       ——                     (no figure)
 *   第三行      | a3 |     b3      |  t3*
 *   总计*       | s* |     s*      |  s*
 */
import { describe, expect, it } from 'vitest';
import type { CellValues } from '../../../src/domain/draft-types.ts';
import type { CellInfo } from '../../../src/domain/table-layout.ts';
import type { TableTemplate } from '../../../src/domain/template-types.ts';
import { buildGridModel, labelTargets, neighbour, planPaste, type PasteContext } from '../../../src/features/table-grid/grid-model.ts';

const table: TableTemplate = {
  key: 'demo',
  title: '示例表',
  gridColumns: 6,
  labelColumns: 1,
  columnWeights: [3, 1, 1, 1, 1, 1],
  repeatHeader: false,
  parts: [
    {
      corner: '项目',
      unitColumn: '单位',
      valueType: 'count',
      columns: [
        { key: 'a', label: '甲' },
        { key: 'b', label: '乙', span: 2 },
        { key: 'total', label: '合计', computed: true },
      ],
      rows: [
        { key: 'r1', label: '第一行', unit: '件' },
        { key: 'r2', label: '第二行', unit: '件' },
        { label: '其中', noFigure: true },
        { key: 'r3', label: '第三行', unit: '件' },
        { key: 'sum', label: '总计', unit: '件', computed: true },
      ],
    },
  ],
};

const model = buildGridModel(table);
const keys = (cells: readonly { cell: CellInfo }[]) => cells.map(({ cell }) => cell.key);

/** Sums by hand: 合计 = 甲 + 乙 per row, 总计 = the sum of the three rows per column. */
const context: PasteContext = {
  current: {},
  parse: (raw) => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null),
  totals: (values: CellValues) => {
    const out: CellValues = { ...values };
    const v = (key: string) => values[key] ?? 0;
    for (const row of ['r1', 'r2', 'r3']) out[`demo.${row}.total`] = v(`demo.${row}.a`) + v(`demo.${row}.b`);
    for (const column of ['a', 'b', 'total']) {
      out[`demo.sum.${column}`] = ['r1', 'r2', 'r3'].reduce((sum, row) => sum + (out[`demo.${row}.${column}`] ?? 0), 0);
    }
    return out;
  },
};

describe('buildGridModel', () => {
  it('keeps value cells in reading order, the merged column as one stop, and the row without figure as a slotless row', () => {
    expect(model.rows.map((row) => row.slots.map((slot) => slot.cell.key))).toEqual([
      ['demo.r1.a', 'demo.r1.b', 'demo.r1.total'],
      ['demo.r2.a', 'demo.r2.b', 'demo.r2.total'],
      [],
      ['demo.r3.a', 'demo.r3.b', 'demo.r3.total'],
      ['demo.sum.a', 'demo.sum.b', 'demo.sum.total'],
    ]);
    expect(model.rows[2]).toMatchObject({ noFigure: true, computed: true });
    const r1 = model.rows[0]!.slots;
    // Physical columns: 0 the row label, 1 the unit, then 甲 at 2, 乙 over 3–4, 合计 at 5.
    expect(r1.map((slot) => [slot.gridColumn, slot.colSpan])).toEqual([
      [2, 1],
      [3, 2],
      [5, 1],
    ]);
    expect(model.positions.get('demo.r3.b')).toEqual({ row: 3, slot: 1 });
  });

  it('knows which rows and columns the app computes', () => {
    expect([...model.computedRowCells].sort()).toEqual(['demo.sum.a', 'demo.sum.b', 'demo.sum.total']);
    expect([...model.computedColumns]).toEqual(['total']);
    expect(model.rows.map((row) => row.computed)).toEqual([false, false, true, false, true]);
  });

  it('is built once per table', () => {
    expect(buildGridModel(table)).toBe(model);
  });
});

describe('neighbour', () => {
  it('moves along a row and steps over computed cells; stops at the edge', () => {
    expect(neighbour(model, 'demo.r1.a', 'right')).toBe('demo.r1.b');
    expect(neighbour(model, 'demo.r1.b', 'right')).toBeNull();
    expect(neighbour(model, 'demo.r1.b', 'left')).toBe('demo.r1.a');
    expect(neighbour(model, 'demo.r1.a', 'left')).toBeNull();
  });

  it('moves up and down in the same physical column, over the row without figure and never into 总计', () => {
    expect(neighbour(model, 'demo.r1.b', 'down')).toBe('demo.r2.b');
    expect(neighbour(model, 'demo.r2.a', 'down')).toBe('demo.r3.a');
    expect(neighbour(model, 'demo.r3.a', 'up')).toBe('demo.r2.a');
    expect(neighbour(model, 'demo.r3.a', 'down')).toBeNull();
    expect(neighbour(model, 'demo.r1.a', 'up')).toBeNull();
  });

  it('answers null for a key that is not in the table', () => {
    expect(neighbour(model, 'other.r1.a', 'down')).toBeNull();
  });
});

describe('labelTargets', () => {
  it('offers every row with a figure and every column, never the heading without figure', () => {
    const { rows, columns } = labelTargets(model);
    expect(rows.map((row) => row.key)).toEqual(['r1', 'r2', 'r3', 'sum']);
    expect(columns.map((column) => column.key)).toEqual(['a', 'b', 'total']);
    expect(rows[0]!.path).toEqual(['第一行']);
  });
});

describe('planPaste', () => {
  it('a block of just the numbers fills the input cells, stepping over the row without figure', () => {
    const plan = planPaste(model, 'demo.r1.a', [['1', '2'], ['3', '4'], ['5', '6']], context);
    expect(plan).toMatchObject({ rows: 'inputs', columns: 'inputs', outside: 0, skipped: 0, onComputed: [] });
    expect(keys(plan.writes)).toEqual(['demo.r1.a', 'demo.r1.b', 'demo.r2.a', 'demo.r2.b', 'demo.r3.a', 'demo.r3.b']);
    expect(plan.writes.map((write) => write.raw)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('a block copied with its 合计 column lays on the grid as it stands, the totals not written', () => {
    const plan = planPaste(model, 'demo.r1.a', [['1', '2', '3'], ['4', '5', '9']], context);
    expect(plan.columns).toBe('all');
    expect(keys(plan.writes)).toEqual(['demo.r1.a', 'demo.r1.b', 'demo.r2.a', 'demo.r2.b']);
    expect(keys(plan.onComputed)).toEqual(['demo.r1.total', 'demo.r2.total']);
  });

  it('a block copied whole, blank on the heading row and with 总计, lands row for row', () => {
    const block = [['1', '2', '3'], ['4', '5', '9'], ['', '', ''], ['1', '1', '2'], ['6', '8', '14']];
    const plan = planPaste(model, 'demo.r1.a', block, context);
    expect(plan).toMatchObject({ rows: 'all', columns: 'all', outside: 0 });
    expect(keys(plan.writes)).toEqual(['demo.r1.a', 'demo.r1.b', 'demo.r2.a', 'demo.r2.b', 'demo.r3.a', 'demo.r3.b']);
    expect(plan.writes.map((write) => write.raw)).toEqual(['1', '2', '4', '5', '1', '1']);
    expect(keys(plan.onComputed)).toHaveLength(6);
  });

  it('counts what falls outside the table instead of writing it', () => {
    const plan = planPaste(model, 'demo.r3.b', [['1', '2', '3'], ['4', '5', '6']], context);
    expect(keys(plan.writes)).toEqual(['demo.r3.b']);
    expect(plan.outside).toBe(5);
  });

  it('places by the block’s own labels, skipping rows whose labels matched nothing', () => {
    const plan = planPaste(model, 'demo.r1.a', [['7', '8'], ['9', '10']], context, { rowKeys: ['r3', null], columnKeys: ['b', 'a'] });
    expect(plan).toMatchObject({ rows: 'labels', columns: 'labels', skipped: 2 });
    expect(plan.writes.map((write) => [write.cell.key, write.raw])).toEqual([
      ['demo.r3.b', '7'],
      ['demo.r3.a', '8'],
    ]);
  });

  it('plans nothing for an empty block or a focus outside the table', () => {
    expect(planPaste(model, 'demo.r1.a', [], context).writes).toEqual([]);
    expect(planPaste(model, 'nowhere', [['1']], context).writes).toEqual([]);
  });
});
