/** A table section (二, 三, 四): the statutory table grid inside the draft's form. */
import type { TableSectionTemplate } from '../../domain/template-types.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { TableGrid } from '../table-grid/table-grid.tsx';

export function TableStep({ section }: { section: TableSectionTemplate }) {
  const { template, previous } = useEditor();
  return (
    <div className="table-step">
      {/* Keeps the heading outline whole (h1 step → h2 → the grid's own h3). */}
      <h2 className="visually-hidden">{section.heading}表格</h2>
      {section.lead && <p className="table-lead">{section.lead}</p>}
      <TableGrid template={template} tableKey={section.table.key} previous={previous} />
    </div>
  );
}
