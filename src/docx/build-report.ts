/**
 * The finished Word report: one pure function from a draft to `.docx` bytes, the same in the browser
 * (download) and in Node (`report docx`). Lazy-load this module in the app: docx is most of its weight.
 *
 * What prints, in which order, is `reportContent` (src/domain/report-content.ts), shared with the web page
 * (src/html); labels, headings and the 编制说明 wording come from the template and src/domain. This module
 * only turns those blocks into Word paragraphs and tables with the typography of ./typography.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type Table,
} from 'docx';
import { reviewOf, settingsOf, type Draft } from '../domain/draft-types.ts';
import { verdictLabel, verifyApproval, type ApprovalVerdict } from '../domain/approval-verdict.ts';
import { approvalSwitchedOffInApp, reviewStatusLabels } from '../domain/review.ts';
import { formatFingerprint } from '../domain/signing.ts';
import { finalBlockers } from '../domain/final-gate.ts';
import { templateOf } from '../domain/values.ts';
import { beijingDateTimeText } from '../domain/date-text.ts';
import { draftPackageParts, EMBEDDED_DRAFT_PATH, EMBEDDED_DRAFT_PROPS_PATH, ITEM_PROPS_CONTENT_TYPE, REL_CUSTOM_XML } from '../domain/embedded-draft.ts';
import { buildTable } from './table-builder.ts';
import { signatureRun, type Signature } from './signature-box.ts';
import {
  DRAFT_MARK,
  draftNote,
  reportContent,
  reportFileStem,
  reportTitle,
  type ReportBlock,
  type ReportMode,
} from '../domain/report-content.ts';
import { paragraphsOf, tabSeparated } from '../domain/report-text.ts';
import { FONT_TABLE_PATH, fontTableXml } from './font-table.ts';
import { textLimitFindings, TextLimitError } from '../domain/text-limits.ts';
import {
  BODY_CHAR,
  BODY_CHARACTER_SPACING,
  FIRST_LINE_CHARS,
  FONT_BODY,
  FONT_HEADING1,
  FONT_HEADING2,
  FONT_TITLE,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_FONTS,
  PAGE_NUMBER_INDENT,
  PAGE_WIDTH,
  SIZE_ERHAO,
  SIZE_SANHAO,
  SIZE_SIHAO,
  SIZE_XIAOSI,
  runFonts,
} from './typography.ts';

export type { ReportMode } from '../domain/report-content.ts';

/** The language of the report's text, Latin and East Asian alike (`w:lang`). */
const REPORT_LANGUAGE = 'zh-CN';

/** File-name suffix of a draft (issue 3). */
const DRAFT_FILE_SUFFIX = '（草稿）';

/** `<机关全称><年度>年政府信息公开工作年度报告[（草稿）].docx`, safe as a file name on Windows. */
export function reportFileName(draft: Draft, mode: ReportMode): string {
  return `${reportFileStem(draft, mode)}.docx`;
}

// ---------------------------------------------------------------------------------------------------------
// Paragraph builders

/**
 * 左空二字: `firstLineChars` (Word and WPS, follows the character grid) plus the same in twips for readers that
 * ignore `firstLineChars` (LibreOffice).
 */
const FIRST_LINE_INDENT = { firstLineChars: FIRST_LINE_CHARS, firstLine: (FIRST_LINE_CHARS / 100) * BODY_CHAR };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Runs of one line of text: tabs become `w:tab`, the rest is text (docx escapes XML specials). */
function textRuns(line: string, run: { font?: ReturnType<typeof runFonts>; size?: number } = {}): TextRun[] {
  const pieces = tabSeparated(line);
  return [
    new TextRun({
      ...run,
      children: pieces.flatMap((piece, i) => (i === 0 ? [piece] : [new Tab(), piece])),
    }),
  ];
}

/** The body paragraphs, the ones the 落款 may join (`appendSignature`). */
const bodyParagraphs = new WeakSet<Paragraph>();

/** Body paragraph: 仿宋_GB2312 三号 from the document defaults, first line indented 2 characters. */
function bodyParagraph(line: string): Paragraph {
  const paragraph = new Paragraph({ indent: FIRST_LINE_INDENT, children: textRuns(line) });
  bodyParagraphs.add(paragraph);
  return paragraph;
}


/**
 * The line before a table (`2.主动公开政府信息具体情况`): body text kept with its table; after another table
 * it gets the same half line of air as a heading there.
 */
function leadParagraphs(lines: readonly string[], afterTable: boolean): Paragraph[] {
  return lines.map(
    (line, index) =>
      new Paragraph({
        indent: FIRST_LINE_INDENT,
        keepNext: true,
        ...(afterTable && index === 0 ? { spacing: { before: Math.round(LINE_PITCH / 2) } } : {}),
        children: textRuns(line),
      }),
  );
}

function titleParagraph(text: string, last: boolean): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    // 标题下空一行 (GB/T 9704 7.3.1 practice): one line of space after the title.
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: last ? LINE_PITCH : 0 },
    children: textRuns(text, { font: runFonts(FONT_TITLE), size: SIZE_ERHAO }),
  });
}

/** 一、 heading: 黑体 三号, indented like body text (每个自然段左空二字). */
function heading1(text: string, afterTable: boolean): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    // Half a line of air between a table and the heading below it, which would otherwise touch its border.
    ...(afterTable ? { spacing: { before: Math.round(LINE_PITCH / 2) } } : {}),
    indent: FIRST_LINE_INDENT,
    children: textRuns(text, { font: runFonts(FONT_HEADING1), size: SIZE_SANHAO }),
  });
}

/** （一） heading: 楷体_GB2312 三号. */
function heading2(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    indent: FIRST_LINE_INDENT,
    children: textRuns(text, { font: runFonts(FONT_HEADING2), size: SIZE_SANHAO }),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sections

/**
 * `target.push(...items)` without the spread: a text of 150,000 lines gives as many paragraphs, and
 * spreading them as arguments overflows the call stack.
 */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * A part in the lead-in style: its title (`主要问题：`) in 黑体 opens its first paragraph, the text runs on
 * in the body font (as 五 of many published reports is written); a part without text prints the lead-in alone.
 */
function leadInParagraphs(leadIn: string, lines: readonly string[]): Paragraph[] {
  const [first = '', ...rest] = lines;
  const lead = leadIn === '' ? [] : textRuns(leadIn, { font: runFonts(FONT_HEADING1) });
  const opening = new Paragraph({ indent: FIRST_LINE_INDENT, children: [...lead, ...(first === '' ? [] : textRuns(first))] });
  bodyParagraphs.add(opening);
  const paragraphs = [opening];
  for (const line of rest) paragraphs.push(bodyParagraph(line));
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------------------
// Headers and footers

/** `— N —` in 四号 宋体, odd pages right and even pages left, 空一字 from the edge (GB/T 9704 7.5). */
function pageNumberFooter(alignment: Align): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            font: PAGE_NUMBER_FONTS,
            size: SIZE_SIHAO,
            children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`],
          }),
        ],
      }),
    ],
  });
}

/** The 草稿 mark on every page of a draft: printable (black text and a rule), impossible to miss. */
function draftHeader(note: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
        children: [
          new TextRun({ text: DRAFT_MARK, font: runFonts(FONT_HEADING1), size: SIZE_SANHAO, characterSpacing: 200 }),
          new TextRun({ text: `　${note}`, font: runFonts(FONT_BODY), size: SIZE_XIAOSI }),
        ],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------
// The document

/** The body of the report, in order (`reportContent`). Exported for tests and for the app's preview. */
export function reportBlocks(draft: Draft, mode: ReportMode): (Paragraph | Table)[] {
  const { blocks: content, values } = reportContent(draft, mode);
  const blocks: (Paragraph | Table)[] = [];
  let afterTable = false;
  for (const block of content) {
    if (block.kind === 'signature') appendSignature(blocks, block);
    else appendAll(blocks, wordBlocks(block, afterTable, values));
    afterTable = block.kind === 'table';
  }
  return blocks;
}

/** The Word paragraphs (or table) of one block; `afterTable`: the block before it was a table. */
function wordBlocks(
  block: Exclude<ReportBlock, { kind: 'signature' }>,
  afterTable: boolean,
  values: ReturnType<typeof reportContent>['values'],
): readonly (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return block.lines.map((line, i) => titleParagraph(line, i === block.lines.length - 1));
    case 'body':
      return block.paragraphs.map(bodyParagraph);
    case 'heading1':
      return [heading1(block.text, afterTable)];
    case 'heading2':
      return [heading2(block.text)];
    case 'leadIn':
      return leadInParagraphs(block.leadIn, block.paragraphs);
    case 'lead':
      return leadParagraphs(block.paragraphs, afterTable);
    case 'table':
      return [buildTable(block.table, values).table];
  }
}

/**
 * GB/T 9704 7.3.5: the 落款 is never alone on a page, it follows the text. It is one inline object
 * (./signature-box.ts) on a line of its own at the end of the last body paragraph, so that it is that
 * paragraph's last line and widow control keeps the paragraph's last line of text with it on its page. The
 * paragraph's lines are at least (not exactly) one line pitch high, so that the line holding the 落款 grows to
 * its height; a line of text keeps the pitch, the font being lower (rendered in LibreOffice: a page of such lines
 * still holds 22, their text about 1 pt lower than in exactly spaced lines). After a table or a heading the 落款
 * is a paragraph of its own.
 */
function appendSignature(blocks: (Paragraph | Table)[], signature: Signature): void {
  const run = signatureRun(signature);
  if (run === null) return;
  const growingLines = { line: LINE_PITCH, lineRule: LineRuleType.AT_LEAST };
  const last = blocks[blocks.length - 1];
  if (last instanceof Paragraph && bodyParagraphs.has(last)) {
    blocks[blocks.length - 1] = new Paragraph({
      ...last.options,
      widowControl: true,
      spacing: { ...last.options.spacing, ...growingLines },
      children: [...(last.options.children ?? []), new TextRun({ break: 1 }), run],
    });
  } else {
    blocks.push(new Paragraph({ spacing: growingLines, children: [run] }));
  }
}

/**
 * Names of the custom document properties (docProps/custom.xml) that carry the sign-off, so that
 * whoever receives the Word file can see in 文件 → 属性 who approved it, when, which content, and with
 * which key.
 */
export const APPROVAL_PROPERTY = {
  status: '审核状态',
  reviewer: '审核人',
  role: '审核人职务',
  approvedAt: '审核通过时间',
  contentHash: '审核内容摘要（SHA-256）',
  keyFingerprint: '审核签名密钥指纹',
  verification: '签名核验',
} as const;

/** 审核状态 of a final report printed without review, because the agency switched the requirement off. */
export const NOT_REVIEWED_STATUS = '未经审核（本机关未设审核）';

/**
 * The review record as document properties. An approval is written out only when it counts (`valid`,
 * or `unverified` when no reviewers list is deployed — then said so); a void one is named with its
 * reason, never passed off as an approval.
 */
export function approvalProperties(draft: Draft, verdict: ApprovalVerdict): { name: string; value: string }[] {
  const review = reviewOf(draft);
  if (verdict.state === 'valid' || verdict.state === 'unverified') {
    const approval = verdict.approval;
    return [
      { name: APPROVAL_PROPERTY.status, value: verdictLabel(verdict) },
      // Names come from a file anyone can edit: keep them XML-safe like any other text.
      { name: APPROVAL_PROPERTY.reviewer, value: paragraphsOf(approval.reviewer).join(' ') },
      { name: APPROVAL_PROPERTY.role, value: paragraphsOf(approval.role).join(' ') },
      { name: APPROVAL_PROPERTY.approvedAt, value: approval.at },
      { name: APPROVAL_PROPERTY.contentHash, value: approval.contentHash },
      ...(approval.signature ? [{ name: APPROVAL_PROPERTY.keyFingerprint, value: formatFingerprint(approval.signature.fingerprint) }] : []),
      { name: APPROVAL_PROPERTY.verification, value: verdict.state === 'valid' ? '签名有效，签名人在本机关审核人名单中' : verdict.why },
    ];
  }
  if (!settingsOf(draft).requireApproval && approvalSwitchedOffInApp(draft)) return [{ name: APPROVAL_PROPERTY.status, value: NOT_REVIEWED_STATUS }];
  return [{ name: APPROVAL_PROPERTY.status, value: verdict.state === 'void' ? verdictLabel(verdict) : reviewStatusLabels[review.status] }];
}

/**
 * `，经王建国（办公室主任）于 2024-01-20T08:06:00.000Z 审核通过` for an approval that counts;
 * `，未经审核（本机关未设审核）` when the agency switched review off in the app (as the 审核状态 property says);
 * '' otherwise.
 */
function approvalSentence(draft: Draft, verdict: ApprovalVerdict): string {
  if (verdict.state !== 'valid' && verdict.state !== 'unverified') {
    return !settingsOf(draft).requireApproval && approvalSwitchedOffInApp(draft) ? `，${NOT_REVIEWED_STATUS}` : '';
  }
  const approval = verdict.approval;
  return `，经${paragraphsOf(approval.reviewer).join(' ')}（${paragraphsOf(approval.role).join(' ')}）于 ${beijingDateTimeText(approval.at)}（北京时间）审核通过${verdict.state === 'unverified' ? '（签名未核验）' : ''}`;
}

/** The docx `Document` (not yet packed); `approval` is `verifyApproval(draft, list)`, for the document properties. */
export function createReportDocument(draft: Draft, mode: ReportMode, approval: ApprovalVerdict = { state: 'none' }): Document {
  const template = templateOf(draft);
  const agency = paragraphsOf(draft.agency.name).join('');
  const headingRun = (font: string, size: number) => ({ font: runFonts(font), size, bold: false, italics: false, color: '000000' });
  const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  // The text is Chinese (w:lang): readers then pick Chinese line breaking, punctuation and fonts for it.
  const language = { value: REPORT_LANGUAGE, eastAsia: REPORT_LANGUAGE };
  return new Document({
    title: reportTitle(draft) + (mode === 'draft' ? DRAFT_FILE_SUFFIX : ''),
    creator: agency,
    lastModifiedBy: agency,
    description: `${template.notice}格式${mode === 'draft' ? `，${DRAFT_MARK}` : ''}${approvalSentence(draft, approval)}`,
    customProperties: approvalProperties(draft, approval),
    evenAndOddHeaderAndFooters: true,
    // The last text line before the 落款 ends in a line break (`appendSignature`): it stays as typed, not
    // stretched across the line as Word and LibreOffice otherwise do to such a line of a justified paragraph.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        document: {
          run: { font: runFonts(FONT_BODY), size: SIZE_SANHAO, characterSpacing: BODY_CHARACTER_SPACING, language },
          paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
        },
        title: { run: headingRun(FONT_TITLE, SIZE_ERHAO), paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine } },
        heading1: { run: headingRun(FONT_HEADING1, SIZE_SANHAO), paragraph: { spacing: exactLine, outlineLevel: 0 } },
        heading2: { run: headingRun(FONT_HEADING2, SIZE_SANHAO), paragraph: { spacing: exactLine, outlineLevel: 1 } },
      },
      // The same run and paragraph defaults again on Normal, for readers that start from the Normal style
      // rather than the document defaults.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: runFonts(FONT_BODY), size: SIZE_SANHAO, characterSpacing: BODY_CHARACTER_SPACING, language },
          paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
            },
          },
          // The 22 lines come from the exact 579 tw line spacing of the text; the grid records the pitch but is
          // not switched on (type default): LibreOffice would snap every table line to 29 pt and double the
          // tables' height, and docx cannot switch snapping off per paragraph.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        ...(mode === 'draft' ? { headers: { default: draftHeader(draftNote(draft, approval)), even: draftHeader(draftNote(draft, approval)) } } : {}),
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: reportBlocks(draft, mode),
      },
    ],
  });
}

/**
 * The report as `.docx` bytes, with the draft itself carried inside (./embedded-draft.ts).
 * `final` throws when `finalBlockers(draft)` is not empty: callers check first and offer the draft. Either
 * mode throws a `TextLimitError` (Chinese message) for text past the limits of src/domain/text-limits.ts.
 * `approval` is the verdict the caller gated on (`verifyApproval(draft, reviewersList)`); without one the
 * approval is checked without a reviewers list (at best 签名未核验).
 */
export async function buildReportDocx(draft: Draft, mode: ReportMode, approval?: ApprovalVerdict): Promise<Uint8Array> {
  // Stated limits first (src/domain/text-limits.ts): the same message the check page and `report check` give.
  const overLimit = textLimitFindings(draft);
  if (overLimit.length > 0) throw new TextLimitError(overLimit);
  if (mode === 'final') {
    const blockers = finalBlockers(draft);
    if (blockers.length > 0) {
      const first = blockers[0]!;
      throw new Error(
        `不能生成正式报告：还有 ${blockers.length} 处错误或未填写的表格（第一处：${first.message}）。请先修正，或生成草稿。`,
      );
    }
  }
  const doc = createReportDocument(draft, mode, approval ?? (await verifyApproval(draft, null)));
  // The draft travels inside (./embedded-draft.ts): its parts go into the zip with the rest, related from
  // the main document and typed in [Content_Types].xml, the way docx itself adds a bibliography's part.
  doc.Document.Relationships.addRelationship('DraftData', REL_CUSTOM_XML, `../${EMBEDDED_DRAFT_PATH}`);
  doc.ContentTypes.addOverride(ITEM_PROPS_CONTENT_TYPE, `/${EMBEDDED_DRAFT_PROPS_PATH}`);
  return Packer.pack(doc, 'uint8array', undefined, [
    ...draftPackageParts(JSON.stringify(draft, null, 2)),
    // docx writes an empty font table: declare the report's fonts with their substitutes (./font-table.ts).
    { path: FONT_TABLE_PATH, data: fontTableXml() },
  ]);
}
