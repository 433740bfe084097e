/**
 * 上年结转 from last year's 结转下年度继续办理 (cross-year rule C1), column by column: last year's
 * number, this year's, and 采用 per column or 全部采用. Applying writes the form cells like typing
 * would (autosave, live checks, approval voiding all follow); 总计 is computed from the columns.
 */
import { useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { formatCellValue } from '../../domain/cell-input.ts';
import { carryOverProposal, type CarryOverItem } from '../../domain/cross-year.ts';
import type { Draft } from '../../domain/draft-types.ts';
import { indexTemplate, sectionOfCell } from '../../domain/template.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { ReportFormValues } from '../kernel/form-values.ts';

function shown(value: number | null): string {
  return value === null ? '未填' : formatCellValue(value);
}

export function CarryOverPanel({ previous }: { previous: Draft }) {
  const { template, live, readOnly } = useEditor();
  const { draft } = useLiveDraft();
  const { setValue } = useFormContext<ReportFormValues>();
  const [notice, setNotice] = useState('');
  const items = useMemo(() => carryOverProposal(draft, previous), [draft, previous]);
  const cell = items[0] ? indexTemplate(template).cellsByKey.get(items[0].cell) : undefined;
  const previousCell = items[0] ? indexTemplate(template).cellsByKey.get(items[0].previousCell) : undefined;
  const section = items[0] ? sectionOfCell(template, items[0].cell) : undefined;
  if (items.length === 0) return null;

  const applicable = items.filter((item) => !item.computed && item.differs);
  // Each column is named as table 三 names it (其他, not the rule messages' short 其他组织).
  const columnName = (item: CarryOverItem): string => indexTemplate(template).cellsByKey.get(item.cell)?.columnLabel || item.label || item.cell;
  const apply = (chosen: readonly CarryOverItem[]) => {
    for (const item of chosen) {
      setValue(`tables.${item.cell}` as never, formatCellValue(item.proposed) as never, { shouldDirty: true });
    }
    live.refresh();
    setNotice(
      chosen.length === 1
        ? `已采用上年数：${columnName(chosen[0]!)} ${shown(chosen[0]!.proposed)}`
        : `已采用上年数：${chosen.map((item) => `${columnName(item)} ${shown(item.proposed)}`).join('，')}`,
    );
  };

  return (
    <section className="ly-carry" aria-labelledby="carry-over-heading">
      <h3 id="carry-over-heading" className="ly-subheading">
        上年结转
      </h3>
      <p className="field-help">
        {section ? `${section.heading}：` : ''}本年“{cell?.rowLabel ?? '上年结转'}”应等于上年报告“{previousCell?.rowLabel ?? '结转下年度继续办理'}”。可以逐列采用上年报告的数字，总计自动计算。
      </p>
      <table className="ly-carry-table">
        <caption className="visually-hidden">上年结转：上年报告与本年的数字，逐列采用</caption>
        <thead>
          <tr>
            <th scope="col">列</th>
            <th scope="col">上年报告：结转下年度继续办理</th>
            <th scope="col">本年：上年结转</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            return (
              <tr key={item.cell} className={item.differs && !item.computed ? 'ly-differs' : undefined}>
                <th scope="row">{columnName(item)}</th>
                <td className="ly-number">{shown(item.proposed)}</td>
                <td className="ly-number">{shown(item.current)}</td>
                <td>
                  {item.computed ? (
                    <span className="muted">自动计算</span>
                  ) : item.differs ? (
                    <button type="button" className="button button-small" disabled={readOnly} onClick={() => apply([item])} aria-label={`采用上年数：${columnName(item)}`}>
                      采用
                    </button>
                  ) : (
                    <span className="ly-same">{item.proposed === null ? '上年未填' : '一致'}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={readOnly || applicable.length === 0} onClick={() => apply(applicable)}>
          全部采用
        </button>
        <p className="ly-carry-status" role="status">
          {notice || (applicable.length === 0 ? '本年上年结转与上年报告一致。' : `有 ${applicable.length} 列与上年报告不同。`)}
        </p>
      </div>
    </section>
  );
}
