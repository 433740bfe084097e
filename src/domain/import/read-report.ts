/**
 * A report that was not made by this app (its published web page, pasted HTML, a Word file) → a draft,
 * with an account of what was read and what differs from the format for the clerk to confirm. Works on
 * the document's paragraphs and tables (./blocks.ts), whatever file they came from:
 * - the title gives the agency and the year; what stands before it (a site's header and menus) is left;
 * - the headings 一 … 六 split the report; the tables under them are read by their labels
 *   (./read-tables.ts); the format (2019 or 2021) is the one whose labels the tables carry;
 * - the text before 一 is the 编制说明, the text of 一, 五 and 六 goes to the narrative parts by sub-heading
 *   (`narrativeSectionOf`), and a closing agency name and date are the 落款.
 */
import { readDraftJson, serializeDraft } from '../draft-file.ts';
import type { Draft, NarrativePart, NarrativeSectionDraft } from '../draft-types.ts';
import { narrativeSections } from '../template.ts';
import type { NarrativeSectionTemplate, ReportTemplate } from '../template-types.ts';
import { emptyDraft, nestTables } from '../values.ts';
import { formats, templateForYear } from '../../../templates/index.ts';
import type { Block, SourceCell } from './blocks.ts';
import { editDistance, labelCore } from './label-match.ts';
import { feeReadingText, readFeeStatement, type FeeReading } from './read-fees.ts';
import { readTables, type GuessedLabel, type MissingCell, type UnmatchedRow, type UnreadableCell } from './read-tables.ts';

export interface ImportReport {
  readonly format: { readonly id: string; readonly name: string };
  readonly agency: string;
  readonly year: number;
  /** The format's tables found in the document, by name (表二 …). */
  readonly tablesFound: readonly string[];
  readonly cellsRead: number;
  readonly cellsBlank: number;
  readonly guessedLabels: readonly GuessedLabel[];
  readonly unmatchedRows: readonly UnmatchedRow[];
  readonly unreadableCells: readonly UnreadableCell[];
  readonly missingCells: readonly MissingCell[];
  /** Further remarks, in Chinese: headings that differ, text placed without a sub-heading, other tables. */
  readonly notes: readonly string[];
  /**
   * The 信息处理费 statement of 六 (./read-fees.ts); null for a format without one, and for a format that
   * does not ask for it (2019) when the report states none. What was read fills
   * the draft's `fees`, its sentences become the fee sentence (`wording.feeText`) and leave the text of 六,
   * with a sub-heading of the fee's own when nothing else stood under it.
   */
  readonly fees: FeeReading | null;
  /** What was made of the fee statement, in Chinese (`feeReadingText`), for the summary; null with `fees`. */
  readonly feeSummary: string | null;
}

export type ImportResult =
  | { readonly ok: true; readonly draft: Draft; readonly report: ImportReport }
  | { readonly ok: false; readonly message: string };

/** Every cell of the tables read: no unreadable and no missing cell, no row left unread. */
export function importComplete(report: ImportReport): boolean {
  return report.unreadableCells.length === 0 && report.missingCells.length === 0 && report.unmatchedRows.length === 0;
}

/** The 信息处理费 statement the format asks for was not read: its three figures are to be filled in by hand. */
export function feeStatementUnread(report: ImportReport): boolean {
  return report.fees !== null && !report.fees.read;
}

/**
 * The report's title as agencies print it: `2019年上海市人民政府办公厅政府信息公开工作年度报告`,
 * `会仪镇人民政府2021年信息公开年度报告`, `关于2022年度政府信息公开情况的报告`, and with the year after the
 * subject, `某某办公室政府信息公开工作2022年度报告`.
 */
const TITLE = /(\d{4})\s*年度?(.*?)(?:政府信息|信息)公开(?:工作|情况的?)?年?度?报告/;
/** A line that names an agency ends as agencies' names do (a breadcrumb `首页政务公开…年报` does not). */
const AGENCY_NAME = /(政府|办公室|办公厅|办事处|街道|镇|乡|局|厅|委员会|委|办|署|院|中心|会|所|站|队|处)$/;
const SENTENCE_PUNCTUATION = /[，,。：:；;！？]/;
/** Longer paragraphs are sentences that name the report, not its title. */
const TITLE_MAX_LENGTH = 80;
const TITLE_YEAR_LAST = /^(.*?)(?:政府信息|信息)公开工作\s*(\d{4})\s*年度?报告/;

/** The year, the text before the title's subject, and the agency named inside it, if the text is a title. */
function titleParts(text: string): { year: number; index: number; named: string } | undefined {
  // A sentence naming the report (`…的有关要求,现将我办2022年度政府信息公开情况报告如下:`) is not a title.
  if (SENTENCE_PUNCTUATION.test(text)) return undefined;
  const match = TITLE.exec(text);
  if (match) return { year: Number(match[1]), index: match.index, named: match[2] ?? '' };
  const yearLast = TITLE_YEAR_LAST.exec(text);
  if (yearLast) return { year: Number(yearLast[2]), index: yearLast.index + yearLast[1]!.length, named: '' };
  return undefined;
}
const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'];
const HEADING = /^([一二三四五六])\s*[、.．，,]\s*(.{2,40})$/;
/** Lines of a page around the report: publishing details, toolbars, the site's footer. */
const PAGE_DETAIL = /^(发布日期|发布时间|发文日期|日期|来源|信息来源|字号|字体|索引号|发布机构|文号|浏览次数|访问量|点击|分享|打印|关闭|【|时间[:：])/;
const PAGE_FOOTER = /(分享到|版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|联系我们|网站地图|关闭窗口|打印本页|扫一扫|相关链接|上一篇|下一篇)/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

interface Heading {
  readonly at: number;
  readonly numeral: number;
  readonly text: string;
}

/** The title paragraph: the last one naming a year's report before the first heading. */
function findTitle(paragraphs: readonly { at: number; text: string }[], firstHeading: number): { at: number; year: number; agency: string } | undefined {
  let title: { at: number; year: number; agency: string } | undefined;
  paragraphs.forEach(({ at, text }, i) => {
    if (at > firstHeading || text.length > TITLE_MAX_LENGTH) return;
    const match = titleParts(text);
    if (!match) return;
    const before = text.slice(0, match.index).trim();
    let agency = `${before}${match.named}`.replace(/^关于/, '').replace(/的?$/, '').replace(/[《》]/g, '').trim();
    if (agency === '') {
      const previous = paragraphs[i - 1];
      if (previous && previous.text.length <= 40 && !/\d/.test(previous.text) && !PAGE_DETAIL.test(previous.text) && AGENCY_NAME.test(previous.text)) agency = previous.text;
    }
    title = { at, year: match.year, agency };
  });
  return title;
}

function findHeadings(blocks: readonly Block[], from: number): Heading[] {
  const headings: Heading[] = [];
  for (let at = from; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.kind !== 'paragraph') continue;
    const match = HEADING.exec(block.text);
    if (!match) continue;
    const numeral = SECTION_NUMERALS.indexOf(match[1]!);
    const last = headings.at(-1)?.numeral ?? -1;
    if (numeral > last && !/。/.test(match[2]!)) headings.push({ at, numeral, text: block.text });
  }
  return headings;
}

interface Piece {
  /** The sub-heading as printed (without its ordinal), or null for text before the first one. */
  readonly title: string | null;
  readonly paragraphs: string[];
  /** The title led its paragraph (`主要问题：…`) rather than standing as a heading. */
  readonly leadIn?: boolean;
}

const SUB_HEADING = /^[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$/;

/** A section's text split at its sub-headings `（一）…` (on a line of its own, or leading a paragraph). */
function splitPieces(section: NarrativeSectionTemplate, paragraphs: readonly string[]): Piece[] {
  const pieces: Piece[] = [{ title: null, paragraphs: [] }];
  for (const text of paragraphs) {
    const ordinal = SUB_HEADING.exec(text);
    if (ordinal) {
      const rest = ordinal[2]!;
      const stop = rest.search(/[。：:]/);
      if (stop === -1 && rest.length <= 30) {
        pieces.push({ title: rest, paragraphs: [] });
        continue;
      }
      if (stop > 0 && stop <= 20) {
        const body = rest.slice(stop + 1).trim();
        pieces.push({ title: rest.slice(0, stop), paragraphs: body === '' ? [] : [body] });
        continue;
      }
    }
    // `主要问题：…` — a part's title leading its paragraph.
    const lead = /^([^。：:，,]{2,12})[：:](.+)$/.exec(text);
    if (lead && partFor(section, lead[1]!)) {
      pieces.push({ title: lead[1]!, paragraphs: [lead[2]!.trim()], leadIn: true });
      continue;
    }
    pieces.at(-1)!.paragraphs.push(text);
  }
  return pieces.filter((piece) => piece.title !== null || piece.paragraphs.length > 0);
}

/** A title's words without the endings and fillers that vary between reports (情况, 方面, 工作, 主要 …). */
function titleCore(title: string): string {
  // 主要 is a filler too: `存在的问题` is the format's `存在的主要问题`.
  let core = labelCore(title).replace(/主要/g, '');
  for (let previous = ''; previous !== core; ) {
    previous = core;
    core = core.replace(/(情况|方面|工作|建设|措施)$/, '');
  }
  return core;
}

/** The template part a printed sub-heading stands for: one contains the other, or they nearly agree. */
function partFor(section: NarrativeSectionTemplate, printed: string) {
  const core = titleCore(printed);
  if (core.length < 2) return undefined;
  return section.parts.find((part) => {
    const own = titleCore(part.title);
    const threshold = Math.floor(own.length / 4);
    return core.includes(own) || own.includes(core) || editDistance(core, own, threshold) <= threshold;
  });
}

/**
 * The section's text in the draft's narrative model: the printed sub-headings become the parts, in the
 * printed order and with the printed titles; a sub-heading that is one of the format's topics stands for
 * that topic (the checks of topics covered go by it); others are the agency's own parts where the section
 * allows them (else their text joins the part before them). Text before any sub-heading is the intro (or,
 * for a section without one, goes to its last part). Topics the report did not print follow as empty parts
 * with their official titles, as in a new draft. A section whose parts all led their paragraphs
 * (`主要问题：…`) keeps that style. Kept in this one function so that a change of the narrative model changes
 * only this.
 */
export function narrativeSectionOf(section: NarrativeSectionTemplate, paragraphs: readonly string[], notes: string[]): NarrativeSectionDraft {
  const parts: NarrativePart[] = [];
  let intro = '';
  const append = (existing: string, lines: readonly string[]) => [existing, ...lines].filter((line) => line !== '').join('\n');
  const used = new Set<string>();
  let ownCount = 0;
  let titled = 0;
  let leadIns = 0;
  const fallbackPart = (): NarrativePart => {
    const last = section.parts.at(-1)!;
    let part = parts.find((candidate) => candidate.topic === last.key);
    if (!part) {
      part = { id: last.key, topic: last.key, title: last.title, text: '' };
      parts.push(part);
      used.add(last.key);
    }
    return part;
  };
  for (const piece of splitPieces(section, paragraphs)) {
    if (piece.title === null) {
      if (section.hasIntro) intro = append(intro, piece.paragraphs);
      else {
        const part = parts.at(-1) ?? fallbackPart();
        part.text = append(part.text, piece.paragraphs);
        notes.push(`“${section.heading}”中没有小标题的文字放在了“${part.title}”中，请核对。`);
      }
      continue;
    }
    titled += 1;
    if (piece.leadIn) leadIns += 1;
    const topic = partFor(section, piece.title);
    if (topic && !used.has(topic.key)) {
      used.add(topic.key);
      parts.push({ id: topic.key, topic: topic.key, title: piece.title, text: append('', piece.paragraphs) });
    } else if (section.allowExtraParts) {
      ownCount += 1;
      parts.push({ id: `p${ownCount}`, topic: null, title: piece.title, text: piece.paragraphs.join('\n') });
    } else {
      const part = parts.at(-1) ?? fallbackPart();
      part.text = append(part.text, [piece.title, ...piece.paragraphs]);
      notes.push(`“${section.heading}”中的小标题“${piece.title}”不是格式中的部分，它的文字接在前一部分之后，请核对。`);
    }
  }
  for (const topic of section.parts) {
    if (!used.has(topic.key)) parts.push({ id: topic.key, topic: topic.key, title: topic.title, text: '' });
  }
  return { intro, style: titled > 0 && leadIns === titled ? 'leadIns' : 'headings', parts };
}

/** 地址、邮编、电话 as the 编制说明 usually gives them. */
function contactOf(preamble: string): Partial<Draft['agency']> {
  const pick = (pattern: RegExp) => pattern.exec(preamble)?.[1]?.trim();
  const contact: Partial<Draft['agency']> = {};
  const address = pick(/(?:办公)?地址[:：]\s*([^，,；;。）)]+)/);
  const postcode = pick(/邮编[:：]?\s*(\d{6})/);
  const phone = pick(/电话[:：]?\s*([\d\-－— ]{7,})/);
  if (address) contact.address = address;
  if (postcode) contact.postcode = postcode;
  if (phone) contact.phone = phone.replace(/[－—]/g, '-');
  return contact;
}

const pad = (n: string) => n.padStart(2, '0');

/** Reads a report from its paragraphs and tables. */
export function importReport(blocks: readonly Block[], now = new Date()): ImportResult {
  const paragraphs = blocks.flatMap((block, at) => (block.kind === 'paragraph' ? [{ at, text: block.text }] : []));
  const headingsFromStart = findHeadings(blocks, 0);
  const firstHeading = headingsFromStart[0]?.at ?? blocks.length;
  const title = findTitle(paragraphs, firstHeading);
  const start = title ? title.at + 1 : 0;
  const headings = findHeadings(blocks, start);
  const tables = blocks.flatMap((block) => (block.kind === 'table' ? [block.rows] : []));

  const year = title?.year ?? yearFromPreamble(paragraphs.filter((p) => p.at < firstHeading).map((p) => p.text));
  if (year === undefined || tables.length === 0 || headings.length === 0) {
    return { ok: false, message: notAReport(year, tables.length, headings.length) };
  }

  // The format: the one whose labels the tables carry; a draw goes to the format of the year.
  const readings = formats.map((format) => ({ format: format as ReportTemplate, reading: readTables(format, tables) }));
  readings.sort((a, b) => b.reading.exactLabels - a.reading.exactLabels);
  const best = readings[0]!;
  const sameScore = readings.filter((candidate) => candidate.reading.exactLabels === best.reading.exactLabels);
  const chosen = sameScore.find((candidate) => candidate.format.id === templateForYear(year).id) ?? best;
  const { format: template, reading } = chosen;
  if (reading.tablesFound.length === 0) {
    return { ok: false, message: '文件中有表格，但没有一张是《政府信息公开工作年度报告》的统计表（表二、表三、表四），不像是年度报告，没有导入。' };
  }

  const notes: string[] = [];
  if (!title) notes.push('没有找到报告标题，年度取自编制说明，请核对。');
  if (template.id !== templateForYear(year).id) {
    notes.push(`报告年度为 ${year} 年，但表格是${template.name}（${template.notice}），按表格的格式导入，请核对。`);
  }
  if (reading.otherTables > 0) notes.push(`文件中另有 ${reading.otherTables} 张表格不是格式中的统计表，没有读入。`);

  // Headings that differ from the format's wording.
  for (const heading of headings) {
    const section = template.sections[heading.numeral];
    if (section && labelCore(section.heading) !== labelCore(heading.text)) {
      notes.push(`标题“${heading.text}”与格式中的“${section.heading}”不同，按第${SECTION_NUMERALS[heading.numeral]}部分读入。`);
    }
  }

  // The text of each heading's section, up to the next heading; the last one ends at the page's footer.
  const sectionText = new Map<number, string[]>();
  let signatureDate = '';
  let signedBy = '';
  headings.forEach((heading, i) => {
    const end = headings[i + 1]?.at ?? blocks.length;
    const lines: string[] = [];
    for (let at = heading.at + 1; at < end; at++) {
      const block = blocks[at]!;
      if (block.kind !== 'paragraph') continue;
      if (i === headings.length - 1 && (PAGE_FOOTER.test(block.text) || /^附件/.test(block.text))) break;
      lines.push(block.text);
    }
    if (i === headings.length - 1) {
      // 落款: the agency's name and a date closing the last section.
      for (let k = Math.max(0, lines.length - 3); k < lines.length; k++) {
        const date = DATE_LINE.exec(lines[k]!);
        if (!date) continue;
        signatureDate = `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
        const isSigner = (line: string, index: number) => index === k - 1 && line.length <= 40 && !/[。，]/.test(line);
        const signer = lines.slice(0, k).find(isSigner)?.trim() ?? '';
        signedBy = AGENCY_NAME.test(signer) ? signer : '';
        const closing = lines.slice(0, k).filter((line, index) => !isSigner(line, index));
        lines.length = 0;
        lines.push(...closing);
        break;
      }
    }
    sectionText.set(heading.numeral, lines);
  });

  const preambleLines = paragraphs
    .filter((p) => p.at >= start && p.at < (headings[0]?.at ?? start))
    .map((p) => p.text)
    // A title printed again is left out; a 编制说明 that opens with the title (`某某2020年…年度报告(以下简称年报)根据…`) is kept.
    .filter((text) => !PAGE_DETAIL.test(text) && !(text.length <= TITLE_MAX_LENGTH && titleParts(text) !== undefined));
  const preamble = preambleLines.join('\n');

  // The agency: from the title, else from the name that signs the report (关于2022年度政府信息公开情况的报告 … 落款).
  const agency = title?.agency || signedBy;
  if (agency === '') {
    return { ok: false, message: '没有读出机关名称：报告标题（如“某某区人民政府办公室2022年政府信息公开工作年度报告”）和落款中都没有机关名称，没有导入。' };
  }
  if (!title?.agency) notes.push(`标题中没有机关名称，机关全称取自落款“${agency}”，请核对。`);

  const draft = emptyDraft(template, year, agency, now);
  Object.assign(draft.agency, contactOf(preamble));
  draft.preamble = preamble;
  let fees: FeeReading | null = null;
  let feePlace = '';
  for (const section of narrativeSections(template)) {
    const numeral = template.sections.indexOf(section);
    let lines: readonly string[] = sectionText.get(numeral) ?? [];
    if (section.hasFeeStatement) {
      // The statement is printed once, as the fee sentence that opens 六, in the report's own words.
      const statement = readFeeStatement(lines, year);
      lines = statement.remaining;
      if (statement.reading.read) {
        draft.fees = { ...statement.reading.fees };
        draft.wording = { feeText: statement.reading.sentences.join('') };
      }
      // A statement not read is something to fill in only where the format asks for one (not in the 2019 format).
      if (statement.reading.read || section.feeStatementRequired) {
        fees = statement.reading;
        feePlace = section.heading;
      }
    }
    draft.narrative[section.id] = narrativeSectionOf(section, lines, notes);
  }
  if (signatureDate !== '') draft.signature = { include: true, date: signatureDate };
  draft.tables = nestTables(template, reading.values);

  // The draft goes through the same validation as a file the clerk opens.
  const checked = readDraftJson(serializeDraft(draft));
  if (!checked.ok) {
    return { ok: false, message: `读出的内容不能成为有效的草稿：${checked.problems.map((problem) => problem.message).join('；')}` };
  }
  const values = Object.values(reading.values);
  return {
    ok: true,
    draft: checked.draft,
    report: {
      format: { id: template.id, name: template.name },
      agency,
      year,
      tablesFound: reading.tablesFound.map((key) => template.sections.find((s) => s.kind === 'table' && s.table.key === key)?.heading ?? key),
      cellsRead: values.filter((value) => value !== null).length,
      cellsBlank: values.filter((value) => value === null).length - reading.unreadableCells.length - reading.missingCells.length,
      guessedLabels: reading.guessedLabels,
      unmatchedRows: reading.unmatchedRows,
      unreadableCells: reading.unreadableCells,
      missingCells: reading.missingCells,
      notes,
      fees,
      feeSummary: fees === null ? null : feeReadingText(fees, feePlace),
    },
  };
}

function yearFromPreamble(lines: readonly string[]): number | undefined {
  for (const line of lines) {
    const match = /(\d{4})年1月1日/.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function notAReport(year: number | undefined, tables: number, headings: number): string {
  const missing = [
    ...(year === undefined ? ['报告标题（某某机关某年政府信息公开工作年度报告）'] : []),
    ...(headings === 0 ? ['“一、总体情况”等各部分标题'] : []),
    ...(tables === 0 ? ['统计表格'] : []),
  ];
  return `这个文件不像是《政府信息公开工作年度报告》：没有找到${missing.join('、')}，没有导入。`;
}

export type { SourceCell };
