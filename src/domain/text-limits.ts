/**
 * How much text a report may hold, stated up front (the editor's counters, `report check`, the Word
 * builder and public/draft-format.md all use these numbers).
 *
 * Real reports have a few hundred to a few thousand characters per section and a few dozen paragraphs;
 * the limits leave ten times that as head-room. They exist because a file from elsewhere (or a paste gone
 * wrong) can hold hundreds of thousands of paragraphs, which no report has and which would make the Word
 * file unusable. Over-limit text is never thrown away: the draft still opens and saves as it is, the
 * field says by how much it is over, `check` reports an error, and the Word file is refused until the
 * text is shortened.
 *
 * Characters are counted as the editor's counter shows them: every character except whitespace and line
 * breaks. Paragraphs are the non-empty lines that print (report-text.ts `paragraphsOf`).
 */
import type { Draft } from './draft-types.ts';
import type { Finding } from './findings.ts';
import { partFieldName, printedTitle } from './report-outline.ts';
import { paragraphsOf } from './report-text.ts';
import { narrativeSections } from './template.ts';
import { templateOf } from './values.ts';

export const TEXT_LIMITS = {
  /** One text box: the 编制说明, a section's opening or the text of one （一）… part. */
  fieldCharacters: 20_000,
  fieldParagraphs: 300,
  /** A one-line field: the agency's name, address, postcode, phone, website, a part's title. */
  lineCharacters: 200,
  lineParagraphs: 3,
  /** Parts a section may hold: the template's own and those the clerk adds (a section has at most 5 of its own). */
  parts: 25,
  /** All text boxes together. */
  totalCharacters: 100_000,
  totalParagraphs: 2_000,
} as const;

/** Rule id of the findings below (`check --json` shows it). */
export const TEXT_LIMIT_RULE = 'T1';

/** U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF: `\s`. */
function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Characters that count (字): whitespace and line breaks do not; a character outside the BMP counts once. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue; // second half of a pair
    }
    if (!isWhitespace(code)) count++;
  }
  return count;
}

/** Paragraphs a text prints as. */
export function countParagraphs(text: string): number {
  return paragraphsOf(text).length;
}

export type TextFieldKind = 'field' | 'line';

export interface TextMeasure {
  readonly characters: number;
  readonly paragraphs: number;
}

export function measureText(text: string): TextMeasure {
  return { characters: countCharacters(text), paragraphs: countParagraphs(text) };
}

/**
 * What is wrong with one field's length, in Chinese (`place` names the field), or null within the limits.
 * The editor shows it under the field; `check` and the Word builder report it as a finding.
 */
export function fieldLimitMessage(place: string, kind: TextFieldKind, measure: TextMeasure): string | null {
  const characters = kind === 'field' ? TEXT_LIMITS.fieldCharacters : TEXT_LIMITS.lineCharacters;
  const paragraphs = kind === 'field' ? TEXT_LIMITS.fieldParagraphs : TEXT_LIMITS.lineParagraphs;
  const overCharacters = measure.characters > characters;
  const overParagraphs = measure.paragraphs > paragraphs;
  if (overCharacters && overParagraphs) {
    return `${place}有 ${measure.characters} 字、${measure.paragraphs} 段，超过了每项 ${characters} 字、${paragraphs} 段的上限，请删减（已写的内容都还在）。`;
  }
  if (overCharacters) return `${place}有 ${measure.characters} 字，超过了每项 ${characters} 字的上限，请删减（已写的内容都还在）。`;
  if (overParagraphs) {
    return `${place}有 ${measure.paragraphs} 段，超过了每项 ${paragraphs} 段的上限，请合并或删减段落（已写的内容都还在）。`;
  }
  return null;
}

interface TextPlace {
  readonly key: string;
  readonly place: string;
  readonly kind: TextFieldKind;
  readonly text: string;
}

/** The labels the 基本信息 page gives these fields. */
const AGENCY_FIELDS = [
  ['name', '机关全称'],
  ['address', '通讯地址'],
  ['postcode', '邮政编码'],
  ['phone', '咨询电话'],
  ['website', '报告电子版查阅网站'],
] as const;

function textPlaces(draft: Draft): { places: TextPlace[]; partCounts: { key: string; heading: string; count: number }[] } {
  const places: TextPlace[] = [];
  const partCounts: { key: string; heading: string; count: number }[] = [];
  for (const [field, label] of AGENCY_FIELDS) {
    places.push({ key: `agency.${field}`, place: label, kind: 'line', text: draft.agency[field] ?? '' });
  }
  places.push({ key: 'preamble', place: '编制说明', kind: 'field', text: draft.preamble ?? '' });
  places.push({ key: 'wording.feeText', place: '信息处理费的表述', kind: 'field', text: draft.wording?.feeText ?? '' });
  for (const section of narrativeSections(templateOf(draft))) {
    const text = draft.narrative[section.id];
    if (!text) continue;
    const prefix = `narrative.${section.id}`;
    if (section.hasIntro) places.push({ key: `${prefix}.intro`, place: `${section.heading}的开头段落`, kind: 'field', text: text.intro ?? '' });
    const parts = text.parts ?? [];
    partCounts.push({ key: prefix, heading: section.heading, count: parts.length });
    // Past the limit on their number, only the count is reported: 70,000 parts need one message, not 70,000.
    for (let i = 0; i < Math.min(parts.length, TEXT_LIMITS.parts); i++) {
      const part = parts[i]!;
      const name = partFieldName(section, text.style, i, printedTitle(part, section).slice(0, 30));
      places.push({ key: `${prefix}.parts.${part.id}.title`, place: `${name}的标题`, kind: 'line', text: part.title });
      places.push({ key: `${prefix}.parts.${part.id}`, place: name, kind: 'field', text: part.text });
    }
  }
  return { places, partCounts };
}

/**
 * Every way the draft's text exceeds {@link TEXT_LIMITS}, as error findings naming the field; empty when
 * within them. Linear in the text (no recursion, no spreading), whatever its size.
 */
export function textLimitFindings(draft: Draft): Finding[] {
  const findings: Finding[] = [];
  const { places, partCounts } = textPlaces(draft);
  const add = (key: string, message: string) => findings.push({ rule: TEXT_LIMIT_RULE, severity: 'error', cells: [key], message });
  for (const { key, heading, count } of partCounts) {
    if (count > TEXT_LIMITS.parts) {
      add(key, `${heading}有 ${count} 个部分，超过了每节 ${TEXT_LIMITS.parts} 个的上限，请合并或删除多余的部分（已写的内容都还在）。`);
    }
  }
  let totalCharacters = 0;
  let totalParagraphs = 0;
  let firstLong: string | null = null;
  for (const { key, place, kind, text } of places) {
    const measure = measureText(text);
    const message = fieldLimitMessage(place, kind, measure);
    if (message !== null) add(key, message);
    if (kind === 'field') {
      totalCharacters += measure.characters;
      totalParagraphs += measure.paragraphs;
      if (firstLong === null && measure.characters > 0) firstLong = key;
    }
  }
  if (totalCharacters > TEXT_LIMITS.totalCharacters) {
    add(firstLong ?? 'preamble', `报告的文字部分合计 ${totalCharacters} 字，超过了全文 ${TEXT_LIMITS.totalCharacters} 字的上限，请删减（已写的内容都还在）。`);
  } else if (totalParagraphs > TEXT_LIMITS.totalParagraphs) {
    add(firstLong ?? 'preamble', `报告的文字部分合计 ${totalParagraphs} 段，超过了全文 ${TEXT_LIMITS.totalParagraphs} 段的上限，请合并或删减段落（已写的内容都还在）。`);
  }
  return findings;
}

/** Thrown by the Word builder for text past the limits; `message` is the first finding, in Chinese. */
export class TextLimitError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(
      `文字太长，无法生成 Word 文件：${findings[0]?.message ?? ''}` +
        (findings.length > 1 ? `（另有 ${findings.length - 1} 处超出上限）` : ''),
    );
    this.name = 'TextLimitError';
  }
}
