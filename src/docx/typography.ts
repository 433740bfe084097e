/**
 * Page set-up and typography of the Word report: GB/T 9704-2012 《党政机关公文格式》 as spec §8 reads it.
 * Every number here is derived from (and cites) a clause; the builders never use a literal size or font.
 *
 * Units: OOXML page and indent measures are twips (1/20 pt; 1 mm = 1440 / 25.4 ≈ 56.693 tw); run sizes are
 * half-points (`w:sz`). Millimetres are converted with Math.round — docx's `convertMillimetersToTwip` floors,
 * which would give 11905 × 16837 for A4 and 2097 for 37 mm (engineering guide §2b).
 */

/** Millimetres → twips, rounded (not floored). */
export function mmToTwip(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** Points → twips. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * 20);
}

// ---------------------------------------------------------------------------------------------------------
// Page (GB/T 9704-2012 5.1, 5.2.1; spec §8.1)
// ---------------------------------------------------------------------------------------------------------

/** A4, 210 × 297 mm, as Word writes it (`w:pgSz w:w="11906" w:h="16838"`), GB/T 9704 5.1. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;

/**
 * Margins, GB/T 9704 5.2.1: 天头 (top) 37 mm, 订口 (left) 28 mm, 版心 156 × 225 mm, hence bottom
 * 297 − 37 − 225 = 35 mm and right 210 − 28 − 156 = 26 mm. Spec §8.1 gives the twips.
 */
export const MARGIN_TOP = 2098; // 37 mm
export const MARGIN_BOTTOM = 1984; // 35 mm
export const MARGIN_LEFT = 1587; // 28 mm
export const MARGIN_RIGHT = 1474; // 26 mm

/** Width of the text block (版心), 156 mm: 11906 − 1587 − 1474 = 8845 tw. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/** Height of the text block, 225 mm. */
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/**
 * Footer distance from the paper's bottom edge. GB/T 9704 7.5: the page number's 一字线 sits 7 mm below the
 * text block, i.e. 35 − 7 = 28 mm above the paper edge; the dash is about 4 mm above the bottom of a 四号
 * line, so the footer starts 24 mm up (spec §8.3 estimates 23–25 mm).
 */
export const FOOTER_DISTANCE = mmToTwip(24);
/** Header distance, used only by the draft mark (a final report has no header, as a 公文 has none). */
export const HEADER_DISTANCE = mmToTwip(15);

// ---------------------------------------------------------------------------------------------------------
// Lines and characters (GB/T 9704 5.2.2: 一般每面排22行，每行排28个字，并撑满版心; spec §8.1)
// ---------------------------------------------------------------------------------------------------------

export const LINES_PER_PAGE = 22;
/** 三号 in points; the body size the 28 characters are counted in. */
const SIZE_SANHAO_PT = 16;
export const CHARS_PER_LINE = 28;

/**
 * Line pitch: 225 mm / 22 = 10.227 mm = 28.99 pt → 579 tw (spec §8.1). It is the exact line spacing of all
 * text outside tables, so that the 22 lines hold in Word, WPS and LibreOffice whatever the substituted font's
 * own line height is; the section's `w:docGrid` records it too.
 */
export const LINE_PITCH = 579;

// ---------------------------------------------------------------------------------------------------------
// Sizes (spec §8.2: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt), in half-points
// ---------------------------------------------------------------------------------------------------------

export const SIZE_ERHAO = 44; // 二号
export const SIZE_SANHAO = 32; // 三号
export const SIZE_SIHAO = 28; // 四号
export const SIZE_XIAOSI = 24; // 小四
export const SIZE_WUHAO = 21; // 五号
export const SIZE_XIAOWU = 18; // 小五

/** One character of body text (三号 = 16 pt) in twips: the unit of 空一字 / 右空四字 (GB/T 9704 3.2 字). */
export const BODY_CHAR = ptToTwip(SIZE_SANHAO / 2);

/**
 * 28 characters a line. Word and WPS could take this from a character grid (`w:docGrid w:type="linesAndChars"`
 * with a negative `w:charSpace`, as many 公文 templates do), but LibreOffice snaps every glyph to whole grid cells, so a 16 pt glyph in a
 * 15.8 pt cell takes two and a line holds 14 characters. Instead the grid is lines only and the text is
 * condensed, which every reader honours; justified paragraphs then fill the line (并撑满版心).
 *
 * 8845 tw / 28 = 315.9 tw per character would allow condensing 三号 (320 tw) by 5 tw, but with 28 characters
 * filling the line to within 25 tw, LibreOffice (7.4, rendered and read back with pdftotext) hangs a comma or
 * 顿号 that falls 29th into the margin and then does not draw it: the printed report loses it. Condensed by
 * one twip more (28 × 314 = 8792 tw, 53 tw to spare; 29 × 314 = 9106 tw still does not fit) a line still holds
 * exactly 28 characters in Word, WPS and LibreOffice, and LibreOffice draws the hanging punctuation
 * (标点悬挂, as Word does). `w:overflowPunct w:val="0"` does not change LibreOffice's behaviour.
 */
const LIBREOFFICE_HANGING_PUNCTUATION_MARGIN = 1;
export const BODY_CHARACTER_SPACING =
  Math.floor(TEXT_WIDTH / CHARS_PER_LINE) - ptToTwip(SIZE_SANHAO_PT) - LIBREOFFICE_HANGING_PUNCTUATION_MARGIN;

// ---------------------------------------------------------------------------------------------------------
// Fonts (spec §8.2; GB/T 9704 7.3.3 第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字)
// East Asian names go into the eastAsia slot only; digits and Latin letters use Times New Roman
// (practice, spec §8.2 last row). A string font would set all four slots (engineering guide §2b).
// ---------------------------------------------------------------------------------------------------------

export const FONT_LATIN = 'Times New Roman';
/** Title: 小标宋体, in practice 方正小标宋简体 (GB/T 9704 7.3.1). */
export const FONT_TITLE = '方正小标宋简体';
/** Body and tables: 仿宋, in practice 仿宋_GB2312 (GB/T 9704 5.2.2 / 7.3.3). */
export const FONT_BODY = '仿宋_GB2312';
/** Level-1 headings 一、: 黑体. */
export const FONT_HEADING1 = '黑体';
/** Level-2 headings （一）: 楷体, in practice 楷体_GB2312. */
export const FONT_HEADING2 = '楷体_GB2312';
/** Page numbers: 4号半角宋体阿拉伯数字 (GB/T 9704 7.5). */
export const FONT_PAGE_NUMBER = '宋体';

export interface RunFonts {
  readonly ascii: string;
  readonly hAnsi: string;
  readonly eastAsia: string;
  readonly cs: string;
}

/** The object form: East Asian font in eastAsia (and cs), Times New Roman for ascii and hAnsi. */
export function runFonts(eastAsia: string): RunFonts {
  return { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia, cs: eastAsia };
}

/** Page numbers are 宋体 throughout: the digits are 半角宋体 too (GB/T 9704 7.5). */
export const PAGE_NUMBER_FONTS: RunFonts = {
  ascii: FONT_PAGE_NUMBER,
  hAnsi: FONT_PAGE_NUMBER,
  eastAsia: FONT_PAGE_NUMBER,
  cs: FONT_PAGE_NUMBER,
};

// ---------------------------------------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------------------------------------

/** 每个自然段左空二字，回行顶格 (GB/T 9704 7.3.3): first line indented 2 characters, as 1/100 characters. */
export const FIRST_LINE_CHARS = 200;

/** 落款: the date 右空四字 (spec §8.5). */
export const SIGNATURE_DATE_RIGHT_CHARS = 4;

/** Page number 空一字 from the text block's edge, odd pages right, even pages left (GB/T 9704 7.5). */
export const PAGE_NUMBER_INDENT = BODY_CHAR;

/** The page number text around the PAGE field: 一字线 on both sides, "— 1 —" (GB/T 9704 7.5). */
export const PAGE_NUMBER_DASH = '—';

// ---------------------------------------------------------------------------------------------------------
// Tables (spec §8.4: 仿宋_GB2312 五号 or 小五, single spacing, centred vertically)
// ---------------------------------------------------------------------------------------------------------

/** Left/right cell padding: 1 mm, so that a 10 mm column of table 四 still holds two 小五 characters. */
export const CELL_MARGIN_X = mmToTwip(1);
/** Top/bottom cell padding, 0.8 mm: a one-line row is about 6.4 mm high. */
export const CELL_MARGIN_Y = mmToTwip(0.8);

/**
 * Table font size by the width of its narrowest column: 五号 when a column of 2 characters plus padding fits,
 * 小五 otherwise (table 四's 15 columns in 156 mm are 10.4 mm each, spec §3.3: "Use a smaller font").
 */
export function tableFontSize(narrowestColumn: number): number {
  const twoWuhaoChars = 2 * ptToTwip(SIZE_WUHAO / 2) + 2 * CELL_MARGIN_X;
  return narrowestColumn >= twoWuhaoChars + ptToTwip(SIZE_WUHAO / 2) / 2 ? SIZE_WUHAO : SIZE_XIAOWU;
}

/**
 * Digits a number column holds on one line: 7, i.e. counts up to 9999999 (a province's 本年新收) and amounts
 * such as 12345.67 (万元), in Times New Roman whose digits are half a character wide.
 */
export const NUMBER_COLUMN_DIGITS = 7;

/** Air in a number column (1.5 pt) so that rounding in a reader's font metrics does not wrap the last digit. */
const NUMBER_COLUMN_AIR = 30;

/** Width of a number column holding {@link NUMBER_COLUMN_DIGITS} digits at `halfPoints`, with its padding. */
export function numberColumnWidth(halfPoints: number): number {
  return Math.ceil((NUMBER_COLUMN_DIGITS * halfPoints * 10) / 2) + NUMBER_COLUMN_AIR + 2 * CELL_MARGIN_X;
}

/** Width of a column holding `chars` characters of a table at `halfPoints`, with its padding. */
export function labelColumnWidth(chars: number, halfPoints: number): number {
  return Math.ceil(chars * halfPoints * 10) + 2 * CELL_MARGIN_X;
}

/**
 * Exact line height inside table cells: about 1.3 × the font size (single spacing of a CJK font). Exact
 * spacing keeps the 29 pt document grid out of the tables (Word ignores the grid for exact spacing).
 */
export function tableLineHeight(halfPoints: number): number {
  return Math.round((halfPoints / 2) * 1.3 * 20);
}

/** Table borders: single 0.5 pt lines (`w:sz` in 1/8 pt). */
export const TABLE_BORDER_SIZE = 4;
