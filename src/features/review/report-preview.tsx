/**
 * The whole report, read-only, laid out as it will print (src/docx/build-report.ts, final mode): the
 * title, the 编制说明, the six sections with their sub-headings, the fee sentence, the three tables
 * with their merged headers from `layoutTable`, and the 落款. In review mode every section heading,
 * paragraph and table cell is also a place to attach a comment (click it, or its 意见 button), and the
 * places that already carry comments are marked with their numbers.
 */
import { createContext, Fragment, memo, useContext, useMemo, type ReactNode } from 'react';
import { formatCellValue } from '../../domain/cell-input.ts';
import type { CellValue, CommentAnchor, Draft } from '../../domain/draft-types.ts';
import { feeStatementSentence } from '../../domain/fee-statement.ts';
import { defaultPreamble } from '../../domain/preamble.ts';
import { anchorKey, anchorLabel } from '../../domain/review.ts';
import { cellAccessibleName, layoutTable, type LayoutCell } from '../../domain/table-layout.ts';
import type { NarrativeSectionTemplate, SectionTemplate, TableSectionTemplate, TableTemplate } from '../../domain/template-types.ts';
import { sectionTables } from '../../domain/template.ts';
import { computeTotals } from '../../domain/totals.ts';
import { flattenTables, templateOf } from '../../domain/values.ts';
import { narrativeOutline } from '../../domain/report-outline.ts';
import { chineseDate, paragraphsOf } from '../../domain/report-text.ts';
import { preambleAnchor } from './anchors.ts';
import { commentTitle } from './comment-card.tsx';

export interface PreviewMark {
  readonly number: number;
  readonly state: 'open' | 'answered' | 'resolved' | 'pending';
}

export interface ReportPreviewProps {
  readonly draft: Draft;
  /** Comments by `anchorKey`, to mark their places. */
  readonly marks: ReadonlyMap<string, readonly PreviewMark[]>;
  /** Absent: nothing can be commented (after the decision, or for the clerk). */
  readonly onComment?: ((anchor: CommentAnchor) => void) | undefined;
  /** Last year's values by cell key, shown under each cell when given. */
  readonly previousValues?: ReadonlyMap<string, CellValue> | null | undefined;
}

/** DOM id of a place in the preview, to scroll to it from a comment or a finding. */
export function previewAnchorId(anchor: CommentAnchor): string {
  return `rp-${anchorKey(anchor).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface PreviewContextValue {
  readonly draft: Draft;
  readonly marks: ReadonlyMap<string, readonly PreviewMark[]>;
  readonly onComment: ((anchor: CommentAnchor) => void) | undefined;
}

const PreviewContext = createContext<PreviewContextValue | null>(null);

function usePreview(): PreviewContextValue {
  const value = useContext(PreviewContext);
  if (!value) throw new Error('PreviewContext is missing');
  return value;
}

const STATE_TEXT: Record<PreviewMark['state'], string> = { open: '待处理', answered: '已答复', resolved: '已解决', pending: '未发出' };

function Marks({ marks }: { marks: readonly PreviewMark[] }) {
  if (marks.length === 0) return null;
  return (
    <span className="rp-marks">
      {marks.map((mark) => (
        <span key={mark.number} className={`rp-mark rp-mark-${mark.state}`}>
          {commentTitle(mark.number)}
          <span className="visually-hidden">（{STATE_TEXT[mark.state]}）</span>
        </span>
      ))}
    </span>
  );
}

/** A section heading or a paragraph block that can carry comments. */
function Anchored({ anchor, children, className }: { anchor: CommentAnchor; children: ReactNode; className?: string }) {
  const { draft, marks, onComment } = usePreview();
  const placed = marks.get(anchorKey(anchor)) ?? [];
  const label = anchorLabel(draft, anchor) ?? '';
  return (
    <div
      id={previewAnchorId(anchor)}
      className={['rp-block', className, placed.length > 0 ? 'rp-marked' : '', onComment ? 'rp-commentable' : ''].filter(Boolean).join(' ')}
      onClick={
        onComment
          ? () => {
              // Selecting text to copy it is not a request to comment.
              if (window.getSelection?.()?.toString()) return;
              onComment(anchor);
            }
          : undefined
      }
    >
      {children}
      <Marks marks={placed} />
      {onComment && (
        <button
          type="button"
          className="rp-add"
          aria-label={`对“${label}”提出审核意见`}
          onClick={(event) => {
            event.stopPropagation();
            onComment(anchor);
          }}
        >
          意见
        </button>
      )}
    </div>
  );
}

function Paragraphs({ text, leadIn = '' }: { text: string; leadIn?: string }) {
  const lines = paragraphsOf(text);
  // A part in the lead-in style opens its first paragraph with its title (`主要问题：`), as the Word file does.
  if (leadIn !== '' && lines.length === 0) lines.push('');
  return lines.map((line, index) => (
    <p key={index} className="rp-p">
      {index === 0 && leadIn !== '' && <strong className="rp-lead-in">{leadIn}</strong>}
      {line}
    </p>
  ));
}

/** A section of the report as printed: its heading (where a comment on the whole section is anchored), then `children`. */
function PreviewSection({ section, children }: { section: SectionTemplate; children: ReactNode }) {
  return (
    <section className="rp-section" aria-labelledby={`rp-heading-${section.id}`}>
      <Anchored anchor={{ kind: 'section', section: section.id }} className="rp-heading-block">
        <h2 id={`rp-heading-${section.id}`} className="rp-h1">
          {section.heading}
        </h2>
      </Anchored>
      {children}
    </section>
  );
}

function NarrativeSection({ section }: { section: NarrativeSectionTemplate }) {
  const { draft } = usePreview();
  const text = draft.narrative[section.id];
  // What prints in a final report, as the Word file lays it out; unwritten required parts are pointed out.
  const outline = narrativeOutline(section, text, false);
  const printed = outline.parts.map((part) => ({
    anchor: { kind: 'paragraph', section: section.id, part: part.key } satisfies CommentAnchor,
    ordinal: part.ordinal,
    title: part.title,
    body: part.body,
    leadIn: part.leadIn,
    style: part.style,
  }));
  const missing = outline.unwrittenRequired;
  const fees = section.hasFeeStatement ? feeStatementSentence(draft) : '';
  return (
    <PreviewSection section={section}>
      {section.hasIntro && text && paragraphsOf(text.intro).length > 0 && (
        <Anchored anchor={{ kind: 'paragraph', section: section.id, part: 'intro' }}>
          <Paragraphs text={text.intro} />
        </Anchored>
      )}
      {section.hasFeeStatement && (
        <Anchored anchor={{ kind: 'paragraph', section: section.id, part: 'fees' }}>
          {fees ? <Paragraphs text={fees} /> : <p className="rp-missing">信息处理费情况未填写。</p>}
        </Anchored>
      )}
      {printed.map((part) => (
        <Anchored key={anchorKey(part.anchor)} anchor={part.anchor}>
          {part.style === 'heading' && (
            <h3 className="rp-h2">
              {part.ordinal}
              {part.title}
            </h3>
          )}
          <Paragraphs text={part.body} leadIn={part.leadIn} />
        </Anchored>
      ))}
      {missing.map((title) => (
        <p key={title} className="rp-missing">
          “{title}”未填写，正式版中不会印出这一部分。
        </p>
      ))}
    </PreviewSection>
  );
}

function labelText(cell: Extract<LayoutCell, { kind: 'label' }>) {
  return cell.text;
}

/** A table section: each of its tables (a variant's and the format's own) after its lead line. */
function TableSection({ section, values, previousValues }: { section: TableSectionTemplate; values: Record<string, CellValue>; previousValues: ReportPreviewProps['previousValues'] }) {
  const placed = sectionTables(section);
  return (
    <PreviewSection section={section}>
      {placed.map(({ lead, table }) => (
        <Fragment key={table.key}>
          {paragraphsOf(lead).map((line, index) => (
            <p key={index} className="rp-p">
              {line}
            </p>
          ))}
          <PreviewTable
            table={table}
            label={placed.length > 1 && lead ? `${section.heading} ${lead}` : section.heading}
            values={values}
            previousValues={previousValues}
          />
        </Fragment>
      ))}
    </PreviewSection>
  );
}

function PreviewTable({
  table,
  label,
  values,
  previousValues,
}: {
  table: TableTemplate;
  label: string;
  values: Record<string, CellValue>;
  previousValues: ReportPreviewProps['previousValues'];
}) {
  const { marks, onComment } = usePreview();
  const rows = layoutTable(table);
  const totalWeight = table.columnWeights.reduce((sum, weight) => sum + weight, 0);
  const single = table.parts.length === 1;
  const header = single ? rows.filter((row) => row.header) : [];
  const bodies = single ? [rows.filter((row) => !row.header)] : table.parts.map((_, index) => rows.filter((row) => row.partIndex === index));
  const renderRow = (row: (typeof rows)[number], index: number) => (
    <tr key={index}>
      {row.cells.map((cell) => {
        if (cell.kind === 'label' && (cell.role === 'unit' || cell.role === 'noFigure')) {
          // A row's unit or the empty place of a row without figure: content, not a header.
          return (
            <td key={`l${cell.gridColumn}`} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined} className={`rp-td rp-${cell.role}`}>
              {cell.text}
            </td>
          );
        }
        if (cell.kind === 'label') {
          const scope = cell.role === 'rowHeader' ? (cell.rowSpan > 1 ? 'rowgroup' : 'row') : cell.role === 'caption' ? 'rowgroup' : cell.colSpan > 1 ? 'colgroup' : 'col';
          return (
            <th
              key={`l${cell.gridColumn}`}
              scope={scope}
              colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
              rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
              className={`rp-${cell.role}`}
              style={cell.indent ? { paddingLeft: `${cell.indent}em` } : undefined}
            >
              {labelText(cell)}
            </th>
          );
        }
        const anchor: CommentAnchor = { kind: 'cell', cell: cell.cell.key };
        const value = values[cell.cell.key] ?? null;
        const text = formatCellValue(value);
        const placed = marks.get(anchorKey(anchor)) ?? [];
        const previous = previousValues?.get(cell.cell.key);
        return (
          <td
            key={cell.cell.key}
            id={previewAnchorId(anchor)}
            colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
            className={['rp-td', cell.cell.computed ? 'rp-computed' : '', placed.length > 0 ? 'rp-marked' : ''].filter(Boolean).join(' ')}
          >
            {onComment ? (
              <button
                type="button"
                className="rp-cell"
                aria-label={`${cellAccessibleName(cell.cell)}：${text === '' ? '未填写' : text}。提出审核意见`}
                onClick={() => onComment(anchor)}
              >
                {text}
              </button>
            ) : (
              <span className="rp-cell">{text}</span>
            )}
            {previous !== undefined && <span className="rp-prev">上年 {previous === null ? '未填' : formatCellValue(previous)}</span>}
            <Marks marks={placed} />
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="rp-table-wrap">
      <table className={`rp-table rp-table-${table.key}`} aria-label={label}>
        <colgroup>
          {table.columnWeights.map((weight, index) => (
            <col key={index} style={{ width: `${((weight / totalWeight) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        {header.length > 0 && <thead>{header.map(renderRow)}</thead>}
        {bodies.map((body, index) => (
          <tbody key={index}>{body.map(renderRow)}</tbody>
        ))}
      </table>
    </div>
  );
}

/** Memoised: typing in the side panel (the reviewer's name) must not re-render the whole report. */
export const ReportPreview = memo(function ReportPreview({ draft, marks, onComment, previousValues }: ReportPreviewProps) {
  const template = templateOf(draft);
  const values = useMemo(() => computeTotals(template, flattenTables(template, draft.tables ?? {})), [template, draft.tables]);
  const context = useMemo(() => ({ draft, marks, onComment }), [draft, marks, onComment]);
  const preamble = paragraphsOf(draft.preamble).length > 0 ? draft.preamble : defaultPreamble(draft);
  const date = chineseDate(draft.signature.date);
  return (
    <PreviewContext.Provider value={context}>
      <article className="rp-page" aria-label="报告全文（按打印格式，只读）">
        <header className="rp-title">
          {paragraphsOf(draft.agency.name).map((line, index) => (
            <p key={index} className="rp-title-line">
              {line}
            </p>
          ))}
          <p className="rp-title-line">{draft.year}年政府信息公开工作年度报告</p>
        </header>
        <Anchored anchor={preambleAnchor(template)}>
          <Paragraphs text={preamble} />
        </Anchored>
        {template.sections.map((section) =>
          section.kind === 'narrative' ? (
            <NarrativeSection key={section.id} section={section} />
          ) : (
            <TableSection key={section.id} section={section} values={values} previousValues={previousValues} />
          ),
        )}
        {draft.signature.include && (
          <footer className="rp-signature">
            {paragraphsOf(draft.agency.name).length > 0 && <p>{paragraphsOf(draft.agency.name).join('')}</p>}
            {date && <p>{date}</p>}
          </footer>
        )}
      </article>
    </PreviewContext.Provider>
  );
});
