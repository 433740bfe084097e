/**
 * Every label, key, merge and cell count of both templates against the official forms as transcribed in
 * test/fixtures/official-labels/report-format-labels.md (the "spec" below): §2.2 and §2.3 (headings, the
 * five topics), §3.1–§3.3 and §4.1–§4.2 (tables with their gridSpan/vMerge annotations), §A.1–§A.3 (keys).
 * Nothing expected here is typed by hand: it is all parsed from that file, so a label in templates/ that
 * changes by one character fails. A missing file fails too (it must never silently skip).
 */
import { describe, expect, it } from 'vitest';
import { SPEC_PATH, specSection as section, specText } from '../helpers/spec.ts';
import { report2019 } from '../../templates/report-2019.ts';
import { report2021 } from '../../templates/report-2021.ts';
import { layoutTable, partColumns, tableCells, type LayoutRow } from '../../src/domain/table-layout.ts';
import { narrativeSections, tableByKey } from '../../src/domain/template.ts';
import type { ReportTemplate, TableKey, ValueType } from '../../src/domain/template-types.ts';


/** The markdown tables of a section: header cells and body rows (separator row dropped). */
function markdownTables(text: string): { header: string[]; rows: string[][] }[] {
  const tables: { header: string[]; rows: string[][] }[] = [];
  let current: string[][] | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line.trim().slice(1, -1).split('|').map((cell) => cell.trim());
    if (cells.every((cell) => /^-+$/.test(cell))) continue;
    if (!current) {
      current = [];
      tables.push({ header: cells, rows: current });
    } else current.push(cells);
  }
  return tables;
}

/** What a table row looks like once laid out: each cell starting in it, left to right. */
interface ExpectedCell {
  /** Label text, or the value kind: INT, SIGNED INT, MONEY. */
  readonly text: string;
  readonly gridColumn: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

const VALUE_KIND: Record<ValueType, string> = { count: 'INT', signedCount: 'SIGNED INT', amount: 'MONEY' };

function actualRows(rows: readonly LayoutRow[]): ExpectedCell[][] {
  return rows.map((row) =>
    row.cells.map((cell) => ({
      text: cell.kind === 'label' ? cell.text : VALUE_KIND[cell.cell.valueType],
      gridColumn: cell.gridColumn,
      colSpan: cell.colSpan,
      rowSpan: cell.rowSpan,
    })),
  );
}

const CONTINUATION = /^\((vMerge continue|continue|cont\.)\)$/;

/**
 * Parses a spec layout table. `firstColumn` is the index of the first grid column in the markdown row;
 * `gridStart(i)` maps a markdown column to its physical grid column. Spans come from the annotations
 * (`gridSpan=3`, `span 2`, `vMerge restart h2–h3`, `8 rows: 5–12`); a bare `(vMerge)` spans as far down
 * as the continuation markers below it.
 */
function parseLayoutTable(
  table: { header: string[]; rows: string[][] },
  firstColumn: number,
): ExpectedCell[][] {
  const gridStart = (columnIndex: number): number => {
    const name = table.header[columnIndex]!;
    const match = /(\d+)/.exec(name);
    if (!match) throw new Error(`column header without a number: ${name}`);
    return Number(match[1]) - 1;
  };
  const rows = table.rows.map((row) =>
    row.flatMap((raw, columnIndex): ExpectedCell[] => {
      if (columnIndex < firstColumn || raw === '' || CONTINUATION.test(raw)) return [];
      const label = /^`([^`]*)`/.exec(raw);
      const kind = /^(SIGNED INT|INT|MONEY)\b/.exec(raw);
      if (!label && !kind) throw new Error(`unreadable spec cell: ${raw}`);
      const colSpan = /span[=\s](\d+)/i.exec(raw);
      const rows = /(\d+) rows/.exec(raw);
      const headerRange = /h(\d)–h(\d)/.exec(raw);
      return [
        {
          text: label ? label[1]! : kind![1]!,
          gridColumn: gridStart(columnIndex),
          colSpan: colSpan ? Number(colSpan[1]) : 1,
          rowSpan: rows
            ? Number(rows[1])
            : headerRange
              ? Number(headerRange[2]) - Number(headerRange[1]) + 1
              : /\(vMerge\)/.test(raw)
                ? -1
                : 1,
        },
      ];
    }),
  );
  // A bare (vMerge): count the continuation markers below it in the same markdown column.
  rows.forEach((cells, rowIndex) =>
    cells.forEach((cell, i) => {
      if (cell.rowSpan !== -1) return;
      const columnIndex = table.header.findIndex((_, c) => c >= firstColumn && gridStart(c) === cell.gridColumn);
      let span = 1;
      while (CONTINUATION.test(table.rows[rowIndex + span]?.[columnIndex] ?? '')) span += 1;
      cells[i] = { ...cell, rowSpan: span };
    }),
  );
  return rows;
}

function valueCells(count: number, firstGridColumn: number): ExpectedCell[] {
  return Array.from({ length: count }, (_, i) => ({ text: 'INT', gridColumn: firstGridColumn + i, colSpan: 1, rowSpan: 1 }));
}

function layoutOf(template: ReportTemplate, key: TableKey): ExpectedCell[][] {
  return actualRows(layoutTable(tableByKey(template, key)));
}

function cellCount(template: ReportTemplate, key: TableKey): number {
  return tableCells(tableByKey(template, key)).length;
}

/** Table 三 (2021) as the spec lays it out: the §3.2 header table, then its data-row table. */
function expectedApplications2021(): ExpectedCell[][] {
  const text = section('### 3.2');
  const [header, body] = markdownTables(text);
  const valuesPerRow = Number(/Each has (\d+) INT cells/.exec(text)![1]);
  const headerRows = parseLayoutTable(header!, 1);
  // Body columns: "#", "key (suggested)", C1, C2, C3; the data cells follow in C4–C10.
  const bodyRows = parseLayoutTable(body!, 2).map((cells) => [...cells, ...valuesPerRow ? valueCells(valuesPerRow, 3) : []]);
  return [...headerRows, ...bodyRows];
}

describe('the official labels file', () => {
  it('is part of the repository (test/fixtures/official-labels/report-format-labels.md)', () => {
    expect(specText().length, `empty ${SPEC_PATH}`).toBeGreaterThan(0);
  });
});

describe('section headings and topics (spec §2.2, §2.3)', () => {
  const headings = (): string[] => {
    const block = /```\n([\s\S]*?)```/.exec(section('### 2.2'))![1]!;
    return block.split('\n').filter((line) => line.trim() !== '');
  };
  it.each([report2021, report2019])('template $id has the six canonical headings in order', (template) => {
    expect(headings()).toHaveLength(6);
    expect(template.sections.map((s) => s.heading)).toEqual(headings());
  });
  it.each([report2021, report2019])('template $id: 一、总体情况 offers the five topics of 30号 in order', (template) => {
    const topics = [...section('### 2.3').matchAll(/^ {2}\d\. ([^.\s]+)/gm)].map((match) => match[1]);
    expect(topics).toHaveLength(5);
    const overview = narrativeSections(template).find((s) => s.id === 'overview')!;
    expect(overview.parts.map((part) => part.title)).toEqual(topics);
  });
});

describe('table 二 layout and labels (spec §3.1, §4.1)', () => {
  it('2021: every caption, header, row label, span and value kind as in §3.1', () => {
    const [table] = markdownTables(section('### 3.1'));
    expect(layoutOf(report2021, 'proactive')).toEqual(parseLayoutTable(table!, 1));
  });
  it('2019: every caption, header, row label, span and value kind as in §4.1', () => {
    const [table] = markdownTables(section('### 4.1'));
    expect(layoutOf(report2019, 'proactive')).toEqual(parseLayoutTable(table!, 1));
  });
  it('cell counts: 10 (2021) and 22 (2019), counted from the spec tables', () => {
    const count = (heading: string): number =>
      parseLayoutTable(markdownTables(section(heading))[0]!, 1)
        .flat()
        .filter((cell) => ['INT', 'SIGNED INT', 'MONEY'].includes(cell.text)).length;
    expect(count('### 3.1')).toBe(10);
    expect(count('### 4.1')).toBe(22);
    expect(cellCount(report2021, 'proactive')).toBe(count('### 3.1'));
    expect(cellCount(report2019, 'proactive')).toBe(count('### 4.1'));
  });
});

describe('table 三 layout and labels (spec §3.2, §4.2)', () => {
  it('2021: header merges (gridSpan, vMerge) and all 25 row labels with their merges as in §3.2', () => {
    expect(layoutOf(report2021, 'applications')).toEqual(expectedApplications2021());
  });

  it('2019: as 2021 except （六）其他处理 is one row and 三、本年度办理结果 spans fewer rows (§4.2)', () => {
    const text = section('### 4.2');
    const single = /`([^`]+)` with gridSpan=(\d+)/.exec(text)!;
    const resultSpan = Number(/spans \*\*(\d+) rows\*\*/.exec(text)![1]);
    const expected = expectedApplications2021();
    const otherRow = expected.findIndex((cells) => cells.some((cell) => cell.text === single[1]));
    const otherCell = expected[otherRow]!.find((cell) => cell.text === single[1])!;
    const singleRow: ExpectedCell[] = [
      { text: single[1]!, gridColumn: otherCell.gridColumn, colSpan: Number(single[2]), rowSpan: 1 },
      ...expected[otherRow]!.filter((cell) => cell.text === 'INT'),
    ];
    expected.splice(otherRow, otherCell.rowSpan, singleRow);
    const results = expected.flat().find((cell) => cell.text === '三、本年度办理结果')!;
    Object.assign(results, { rowSpan: resultSpan });
    expect(layoutOf(report2019, 'applications')).toEqual(expected);
  });

  it('cell counts 175 (2021) and 161 (2019) as stated in the spec', () => {
    expect(cellCount(report2021, 'applications')).toBe(Number(/\*\*(\d+) INT cells\*\*/.exec(section('### 3.2'))![1]));
    expect(cellCount(report2019, 'applications')).toBe(Number(/(\d+) INT cells/.exec(section('### 4.2'))![1]));
    expect(cellCount(report2021, 'applications')).toBe(175);
    expect(cellCount(report2019, 'applications')).toBe(161);
  });
});

describe('table 四 layout and labels (spec §3.3, §4.3)', () => {
  it.each([report2021, report2019])('template $id: headers, merges and the 15 value cells as in §3.3', (template) => {
    const [table] = markdownTables(section('### 3.3'));
    expect(layoutOf(template, 'reviewLitigation')).toEqual(parseLayoutTable(table!, 1));
    expect(section('### 4.3')).toContain('Identical to §3.3');
  });
  it.each([report2021, report2019])('template $id: 15 cells as stated in the spec', (template) => {
    const stated = Number(/(\d+) INT cells/.exec(section('### 3.3'))![1]);
    expect(stated).toBe(15);
    expect(cellCount(template, 'reviewLitigation')).toBe(stated);
  });
});

/** `key` label pairs of a prose line, e.g. "`naturalPerson` 自然人 · `commercial` 商业企业". */
function keyLabelPairs(text: string): { key: string; label: string | null }[] {
  return [...text.matchAll(/`(\w+)`\s*([^\s`]*)/g)].map((match) => {
    const label = match[2]!.replace(/[,.;]+$/, '');
    return { key: match[1]!, label: label === '' || label === '·' || label === 'and' || label.startsWith('(') ? null : label };
  });
}

describe('draft keys (spec §A.1–§A.3)', () => {
  const applicationColumns = (): { key: string; label: string | null }[] =>
    keyLabelPairs(/Columns, in order: ([^\n]+(?:\n[^\n]+)*?)\.\n/.exec(section('### A.1'))![1]!);

  const applicationRows2021 = (): { key: string; label: string }[] =>
    markdownTables(section('### A.1'))[0]!.rows.map(([key, label]) => ({ key: key!.replace(/`/g, ''), label: label! }));

  /**
   * Row keys with their labels as the §A.1 table writes them: a group's label only on its first row
   * (`（三）不予公开 1.属于国家秘密`, then `2.其他法律行政法规禁止公开`), as in the merged table.
   */
  const rowsOf = (template: ReportTemplate, key: TableKey): { key: string; label: string }[] => {
    const seen = new Map<string, string>();
    for (const cell of tableCells(tableByKey(template, key))) seen.set(cell.rowKey, cell.rowLabel);
    const parent = (rowKey: string): string => rowKey.split('.').slice(0, -1).join('.');
    const rows = [...seen];
    return rows.map(([rowKey, label], i) => {
      const previous = rows[i - 1]?.[0];
      const continuesGroup = parent(rowKey) !== '' && previous !== undefined && parent(previous) === parent(rowKey);
      return { key: rowKey, label: continuesGroup ? label.split(' ').at(-1)! : label };
    });
  };

  const leafColumnsOf = (template: ReportTemplate, key: TableKey): { key: string; label: string; path: string }[] =>
    tableByKey(template, key).parts.flatMap((part) =>
      partColumns(part).map((leaf) => ({
        key: leaf.path.flatMap((node) => (node.key ? [node.key] : [])).join('.'),
        label: leaf.node.label,
        path: leaf.path.slice(0, -1).map((node) => node.label).join('/'),
      })),
    );

  it.each([report2021, report2019])('template $id: table 三 columns, keys and labels (§A.1)', (template) => {
    const expected = applicationColumns();
    expect(expected).toHaveLength(7);
    expect(leafColumnsOf(template, 'applications').map(({ key, label }) => ({ key, label }))).toEqual(expected);
  });

  it('2021: table 三 row keys and labels (§A.1 table)', () => {
    expect(rowsOf(report2021, 'applications')).toEqual(applicationRows2021());
  });

  it('2019: table 三 row keys and labels: the 2021 rows with （六）其他处理 as one row (§A.1)', () => {
    const rule = /except that (\S+) is one row, key `(\w+)`/.exec(section('### A.1'))!;
    const rows2021 = applicationRows2021();
    const first = rows2021.findIndex((row) => row.key.startsWith(`${rule[2]}.`));
    const expected = rows2021.filter((row) => !row.key.startsWith(`${rule[2]}.`));
    expected.splice(first, 0, { key: rule[2]!, label: rule[1]! });
    expect(rowsOf(report2019, 'applications')).toEqual(expected);
  });

  it.each([report2021, report2019])('template $id: table 四 groups and columns (§A.2)', (template) => {
    const text = section('### A.2');
    const groups = keyLabelPairs(/Groups: ([^\n]+)/.exec(text)![1]!);
    const outcomes = keyLabelPairs(/Each has ([^\n]+)/.exec(text)![1]!);
    const expected = groups.flatMap((group) =>
      outcomes.map((outcome) => ({ key: `${group.key}.${outcome.key}`, label: outcome.label, path: group.label })),
    );
    expect(expected).toHaveLength(15);
    expect(leafColumnsOf(template, 'reviewLitigation')).toEqual(expected);
  });

  /** Rows × columns of table 二 from the §A.3 prose of one format ("2021 format:" / "2019 format:"). */
  const proactiveKeys = (format: string): { key: string; rowLabel: string; columnLabel: string }[] => {
    const text = section('### A.3');
    const paragraph = new RegExp(`${format} format: ([\\s\\S]*?)(?:\\n\\n|$)`).exec(text)![1]!.replace(/\n/g, ' ');
    const labels = new Map<string, string>();
    const cells: { key: string; rowKey: string; columnKey: string }[] = [];
    for (const clause of paragraph.split(';')) {
      const [rowText, columnText] = clause.includes(' each ') ? clause.split(' each ') : [clause, null];
      let rows = keyLabelPairs(rowText!);
      let columns = columnText === null ? rows.slice(1) : keyLabelPairs(columnText!);
      if (columnText === null) rows = rows.slice(0, 1);
      for (const pair of [...rows, ...columns]) if (pair.label !== null) labels.set(pair.key, pair.label);
      columns = columns.map((pair) => ({ key: pair.key, label: pair.label ?? labels.get(pair.key) ?? null }));
      for (const row of rows) for (const column of columns) cells.push({ key: `${row.key}.${column.key}`, rowKey: row.key, columnKey: column.key });
    }
    return cells.map((cell) => ({ key: cell.key, rowLabel: labels.get(cell.rowKey)!, columnLabel: labels.get(cell.columnKey)! }));
  };

  it.each([
    [report2021, '2021'],
    [report2019, '2019'],
  ] as const)('template %#: table 二 cell keys, row and column labels (§A.3)', (template, format) => {
    const expected = proactiveKeys(format);
    const actual = tableCells(tableByKey(template, 'proactive')).map((cell) => ({
      key: `${cell.rowKey}.${cell.columnKey}`,
      rowLabel: cell.rowLabel,
      columnLabel: cell.columnLabel,
    }));
    expect(actual).toEqual(expected);
  });
});
