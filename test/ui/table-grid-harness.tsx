/**
 * Test harness for the table grid: the app's form set-up in miniature (one react-hook-form form, raw
 * strings at `tables.<cell.key>`, a FormProvider around the grid).
 */
import { render, screen } from '@testing-library/react';
import { FormProvider, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { formatCellValue } from '../../src/domain/cell-input.ts';
import type { CellValues } from '../../src/domain/draft-types.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import type { ReportTemplate, TableKey } from '../../src/domain/template-types.ts';
import { TableGrid, type TableGridProps } from '../../src/features/table-grid/table-grid.tsx';

/** Nested raw-string form values for every cell of the template (`''` when untouched). */
export function rawTables(template: ReportTemplate, values: CellValues = {}): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const cell of indexTemplate(template).cells) {
    const path = cell.key.split('.');
    let node = tables as Record<string, unknown>;
    for (const segment of path.slice(0, -1)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    node[path.at(-1)!] = formatCellValue(values[cell.key] ?? null);
  }
  return tables;
}

export interface Rendered {
  form: UseFormReturn<FieldValues>;
  container: HTMLElement;
}

export function renderGrid(
  template: ReportTemplate,
  tableKey: TableKey,
  options: { values?: CellValues; previous?: TableGridProps['previous'] } = {},
): Rendered {
  const captured: { form: UseFormReturn<FieldValues> | null } = { form: null };
  function Harness() {
    const form = useForm<FieldValues>({ defaultValues: { tables: rawTables(template, options.values) } });
    captured.form = form;
    return (
      <FormProvider {...form}>
        {/* No surrounding <form>: each input cell has a form of its own (grid-cells.tsx), and forms do not nest. */}
        <div>
          <TableGrid template={template} tableKey={tableKey} previous={options.previous ?? null} />
        </div>
      </FormProvider>
    );
  }
  const { container } = render(<Harness />);
  return { form: captured.form!, container };
}

/**
 * The grid's status line (paste notices, undo). Computed figures are `<output>`s, which are status
 * elements too (named, not live); the status line is the one that is not an output.
 */
export function gridStatus(): HTMLElement {
  const lines = screen.getAllByRole('status').filter((element) => element.tagName !== 'OUTPUT');
  if (lines.length !== 1) throw new Error(`expected one grid status line, found ${lines.length}`);
  return lines[0]!;
}
