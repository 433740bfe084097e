/**
 * A table section (二, 三, 四): the statutory table grid inside the draft's form; with a local variant,
 * each of the section's tables after its own lead line (e.g. 1.… the province's table, 2.… the national one).
 */
import { sectionTables } from '../../domain/template.ts';
import type { TableSectionTemplate } from '../../domain/template-types.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { TableGrid } from './table-grid.tsx';

export function TableStep({ section }: { section: TableSectionTemplate }) {
  const { template, previous } = useEditor();
  return (
    <div className="table-step">
      {/* Keeps the heading outline whole (h1 step → h2 → the grid's own h3). */}
      <h2 className="visually-hidden">{section.heading}表格</h2>
      {sectionTables(section).map(({ lead, table }) => (
        <div key={table.key} className="table-step-table">
          {lead && <p className="table-lead">{lead}</p>}
          <TableGrid template={template} tableKey={table.key} previous={previous} />
        </div>
      ))}
    </div>
  );
}
