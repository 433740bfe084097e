/**
 * The font table of the Word report (`word/fontTable.xml`). docx writes an empty one unless fonts are
 * embedded (which 方正 licences and ~10 MB CJK files rule out), and a reader that lacks a font then knows
 * nothing about it. Each font the report names is declared with what Word itself records for it: an
 * alternative name a reader may have instead (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体, the
 * usual substitutes on Windows), the PANOSE classification and the character set (GB2312, 86), from which
 * Word, WPS and LibreOffice choose a similar font.
 */
import { FONT_BODY, FONT_HEADING1, FONT_HEADING2, FONT_LATIN, FONT_PAGE_NUMBER, FONT_TITLE } from './typography.ts';

export const FONT_TABLE_PATH = 'word/fontTable.xml';

export interface FontDeclaration {
  readonly name: string;
  readonly altName?: string;
  /** PANOSE-1, 10 bytes as 20 hex digits. */
  readonly panose: string;
  /** `w:charset`: 86 = GB2312, 00 = ANSI. */
  readonly charset: string;
  readonly family: 'roman' | 'swiss' | 'modern' | 'auto';
  readonly pitch: 'fixed' | 'variable';
}

/** Every font the report names (./typography.ts), body font first. */
export const FONT_DECLARATIONS: readonly FontDeclaration[] = [
  { name: FONT_BODY, altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT_TITLE, altName: '宋体', panose: '02000000000000000000', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT_HEADING1, altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT_HEADING2, altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT_PAGE_NUMBER, altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT_LATIN, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function fontTableXml(fonts: readonly FontDeclaration[] = FONT_DECLARATIONS): string {
  const entries = fonts
    .map(
      (font) =>
        `<w:font w:name="${escapeAttribute(font.name)}">` +
        (font.altName ? `<w:altName w:val="${escapeAttribute(font.altName)}"/>` : '') +
        `<w:panose1 w:val="${font.panose}"/><w:charset w:val="${font.charset}"/>` +
        `<w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries +
    '</w:fonts>'
  );
}
