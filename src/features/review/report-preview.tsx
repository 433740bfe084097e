/**
 * The whole report, read-only, laid out as it will print (src/docx/build-report.ts, final mode): the
 * title, the 编制说明, the six sections with their sub-headings, the fee sentence, the three tables
 * with their merged headers from `layoutTable`, and the 落款. In review mode every section heading,
 * paragraph and table cell is also a place to attach a comment (click it, or its 意见 button), and the
 * places that already carry comments are marked with their numbers. From round 2 on, what changed since
 * the round the reviewer last decided on (`changes`, src/domain/round-changes.ts) is marked where it is:
 * changed cells with their former value, changed paragraphs with the inserted and deleted characters,
 * added and removed paragraphs — each in words as well as in colour.
 */
import { createContext, Fragment, memo, useContext, useMemo, type ReactNode } from 'react';
import { DiffSegments } from './diff-segments.tsx';
import { formatCellValue } from '../../domain/cell-input.ts';
import type { CellValue, CommentAnchor, Draft } from '../../domain/draft-types.ts';
import { feeStatementSentence } from '../../domain/fee-statement.ts';
import { defaultPreamble } from '../../domain/preamble.ts';
import { anchorKey, anchorLabel } from '../../domain/review.ts';
import { cellAccessibleName, layoutTable, printedCellValue, printedLabel, type LayoutCell } from '../../domain/table-layout.ts';
import type { NarrativeSectionTemplate, SectionTemplate, TableSectionTemplate, TableTemplate } from '../../domain/template-types.ts';
import { sectionTables } from '../../domain/template.ts';
import { computeTotals } from '../../domain/totals.ts';
import { flattenTables, templateOf } from '../../domain/values.ts';
import { narrativeOutline } from '../../domain/report-outline.ts';
import { chineseDate, paragraphsOf } from '../../domain/report-text.ts';
import { placeOfAnchor, type ParagraphDiff, type RoundChanges } from '../../domain/round-changes.ts';
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
  /** What changed since the round the reviewer last decided on; absent or null: nothing is marked. */
  readonly changes?: RoundChanges | null | undefined;
}

/** DOM id of a place in the preview, to scroll to it from a comment or a finding. */
export function previewAnchorId(anchor: CommentAnchor): string {
  return `rp-${anchorKey(anchor).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** DOM id of paragraph `index` of a changed block's `BlockDiff.paragraphs`, to scroll to a change. */
export function changedParagraphId(anchor: CommentAnchor, index: number): string {
  return `${previewAnchorId(anchor)}-d${index}`;
}

/** DOM ids of the title and the 落款, which take no comments but can change. */
export const PREVIEW_TITLE_ID = 'rp-report-title';
export const PREVIEW_SIGNATURE_ID = 'rp-report-signature';

interface PreviewContextValue {
  readonly draft: Draft;
  readonly marks: ReadonlyMap<string, readonly PreviewMark[]>;
  readonly onComment: ((anchor: CommentAnchor) => void) | undefined;
  readonly changes: RoundChanges | null;
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
  const { draft, marks, onComment, changes } = usePreview();
  const placed = marks.get(anchorKey(anchor)) ?? [];
  const label = anchorLabel(draft, anchor) ?? '';
  const place = placeOfAnchor(anchor);
  const changed = place !== null ? changes?.blocks.get(place) : undefined;
  return (
    <div
      id={previewAnchorId(anchor)}
      className={['rp-block', className, placed.length > 0 ? 'rp-marked' : '', changed ? 'rp-changed-block' : '', onComment ? 'rp-commentable' : ''].filter(Boolean).join(' ')}
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
      {changed && (
        // In the page's left margin, like a change bar; the full words for screen readers.
        <span className="rp-change-tag">
          <span aria-hidden="true">{changed.kind === 'added' ? '新增' : '已改'}</span>
          <span className="visually-hidden">{changed.kind === 'added' ? `第${changes!.round}轮后新增：` : `第${changes!.round}轮后有改动：`}</span>
        </span>
      )}
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

/** A changed paragraph: kept text as is, inserted text underlined, deleted text struck through, each also said in words. */
function DiffParagraph({ paragraph, id }: { paragraph: ParagraphDiff; id: string }) {
  switch (paragraph.kind) {
    case 'same':
      return (
        <p id={id} className="rp-p">
          {paragraph.text}
        </p>
      );
    case 'added':
      return (
        <p id={id} tabIndex={-1} className="rp-p rp-p-added">
          <span className="rp-change-label">新增段落</span>
          <ins>{paragraph.text}</ins>
        </p>
      );
    case 'removed':
      return (
        <p id={id} tabIndex={-1} className="rp-p rp-p-removed">
          <span className="rp-change-label">删去的段落</span>
          <del>{paragraph.text}</del>
        </p>
      );
    case 'changed':
      return (
        <p id={id} tabIndex={-1} className="rp-p rp-p-changed">
          <span className="rp-change-label">改动的段落</span>
          <DiffSegments segments={paragraph.segments} />
        </p>
      );
  }
}

/** The paragraphs of a block: with the changes marked when it changed since the last round, else as printed. */
function BlockParagraphs({ anchor, text, leadIn = '' }: { anchor: CommentAnchor; text: string; leadIn?: string }) {
  const { changes } = usePreview();
  const place = placeOfAnchor(anchor);
  const diff = place !== null ? changes?.blocks.get(place) : undefined;
  if (!diff) return <Paragraphs text={text} leadIn={leadIn} />;
  return diff.paragraphs.map((paragraph, index) => <DiffParagraph key={index} paragraph={paragraph} id={changedParagraphId(anchor, index)} />);
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
          <BlockParagraphs anchor={{ kind: 'paragraph', section: section.id, part: 'intro' }} text={text.intro} />
        </Anchored>
      )}
      {section.hasFeeStatement && (
        <Anchored anchor={{ kind: 'paragraph', section: section.id, part: 'fees' }}>
          {fees ? <BlockParagraphs anchor={{ kind: 'paragraph', section: section.id, part: 'fees' }} text={fees} /> : <p className="rp-missing">信息处理费情况未填写。</p>}
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
          <TitleChange anchor={part.anchor} />
          <BlockParagraphs anchor={part.anchor} text={part.body} leadIn={part.leadIn} />
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

/** The former sub-heading, when the clerk renamed the part since the last round. */
function TitleChange({ anchor }: { anchor: CommentAnchor }) {
  const { changes } = usePreview();
  const place = placeOfAnchor(anchor);
  const before = place !== null ? changes?.blocks.get(place)?.titleBefore : null;
  if (before === null || before === undefined) return null;
  return <p className="rp-title-change">小标题已改，原为“{before}”</p>;
}

function labelText(cell: Extract<LayoutCell, { kind: 'label' }>) {
  // As the Word file prints it: 采购总金额（万元）.
  return printedLabel(cell);
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
  const { marks, onComment, changes } = usePreview();
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
        // As the Word file prints it: a rise in 本年增/减 as +2.
        const text = printedCellValue(cell.cell, value);
        const placed = marks.get(anchorKey(anchor)) ?? [];
        const previous = previousValues?.get(cell.cell.key);
        const change = changes?.cells.get(cell.cell.key);
        const was = change ? (change.before === null ? '未填' : formatCellValue(change.before)) : '';
        return (
          <td
            key={cell.cell.key}
            id={previewAnchorId(anchor)}
            tabIndex={onComment ? undefined : -1}
            colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
            className={['rp-td', cell.cell.computed ? 'rp-computed' : '', placed.length > 0 ? 'rp-marked' : '', change ? 'rp-changed' : ''].filter(Boolean).join(' ')}
          >
            {onComment ? (
              <button
                type="button"
                className="rp-cell"
                aria-label={`${cellAccessibleName(cell.cell)}：${text === '' ? '未填写' : text}${change ? `（第${changes!.round}轮为${was}）` : ''}。提出审核意见`}
                onClick={() => onComment(anchor)}
              >
                {text}
              </button>
            ) : (
              <span className="rp-cell">{text}</span>
            )}
            {change && (
              <span className="rp-was" aria-hidden={onComment ? true : undefined}>
                <span className="visually-hidden">第{changes!.round}轮为</span>
                <span aria-hidden="true">原</span>
                {was}
              </span>
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
export const ReportPreview = memo(function ReportPreview({ draft, marks, onComment, previousValues, changes = null }: ReportPreviewProps) {
  const template = templateOf(draft);
  const values = useMemo(() => computeTotals(template, flattenTables(template, draft.tables ?? {})), [template, draft.tables]);
  const context = useMemo(() => ({ draft, marks, onComment, changes }), [draft, marks, onComment, changes]);
  const preamble = paragraphsOf(draft.preamble).length > 0 ? draft.preamble : defaultPreamble(draft);
  const date = chineseDate(draft.signature.date);
  return (
    <PreviewContext.Provider value={context}>
      <article className="rp-page" aria-label="报告全文（按打印格式，只读）">
        <header id={PREVIEW_TITLE_ID} tabIndex={-1} className={['rp-title', changes?.blocks.has('title') ? 'rp-changed-block' : ''].filter(Boolean).join(' ')}>
          {paragraphsOf(draft.agency.name).map((line, index) => (
            <p key={index} className="rp-title-line">
              {line}
            </p>
          ))}
          <p className="rp-title-line">{draft.year}年政府信息公开工作年度报告</p>
        </header>
        <Anchored anchor={preambleAnchor(template)}>
          <BlockParagraphs anchor={preambleAnchor(template)} text={preamble} />
        </Anchored>
        {template.sections.map((section) =>
          section.kind === 'narrative' ? (
            <NarrativeSection key={section.id} section={section} />
          ) : (
            <TableSection key={section.id} section={section} values={values} previousValues={previousValues} />
          ),
        )}
        {draft.signature.include && (
          <footer id={PREVIEW_SIGNATURE_ID} tabIndex={-1} className={['rp-signature', changes?.blocks.has('signature') ? 'rp-changed-block' : ''].filter(Boolean).join(' ')}>
            {paragraphsOf(draft.agency.name).length > 0 && <p>{paragraphsOf(draft.agency.name).join('')}</p>}
            {date && <p>{date}</p>}
          </footer>
        )}
      </article>
    </PreviewContext.Provider>
  );
});
