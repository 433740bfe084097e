/**
 * The draft: everything the clerk enters for one agency and one year. It is what IndexedDB stores and
 * what travels as a `.json` file (documented in `docs/draft-format.md`; schema in
 * `public/draft.schema.json`). The three tables sit exactly as spec §A fixes them.
 */
import type { TemplateId } from './template-types.ts';

/** Version of the file format itself. Bump only with a migration in `draft-file.ts`. */
export const DRAFT_FORMAT_VERSION = 1;

/** A cell value: a number once entered, `null` while untouched (spec §A.4). */
export type CellValue = number | null;

/** Nested table values as in the file: `{ newReceived: { naturalPerson: 3, … }, denied: { stateSecret: {…} } }`. */
export interface NestedValues {
  [key: string]: CellValue | NestedValues;
}

/** Flat values keyed by full dotted cell key, e.g. `applications.denied.stateSecret.naturalPerson`. */
export type CellValues = Record<string, CellValue>;

export interface Agency {
  /** 机关全称, e.g. 宁波市镇海区人民政府办公室. Required. */
  name: string;
  /** Contact address printed in the 编制说明. */
  address: string;
  postcode: string;
  phone: string;
  /** Where the electronic version can be downloaded (website name or address). */
  website: string;
}

/** Free text of one narrative section of the template (一, 五, 六). */
export interface NarrativeSectionDraft {
  /** Opening paragraph(s) before the parts; sections without an intro keep it empty. */
  intro: string;
  /** Text of each template part, keyed by `NarrativePartTemplate.key`. Paragraphs separated by newlines. */
  parts: Record<string, string>;
  /** Sub-topics the clerk added (一、总体情况 allows more than the five). */
  extraParts: { title: string; text: string }[];
}

/** The 信息处理费 statement of 六 (spec §2.3): counts and amounts in 元, `null` while not entered. */
export interface FeeStatement {
  /** Number of 收费通知 issued during the year. */
  noticesIssued: CellValue;
  /** Total amount of those notices, 元. */
  noticesAmount: CellValue;
  /** Amount actually collected, 元. */
  collectedAmount: CellValue;
}

export interface Signature {
  /** Print the 落款 (agency name and date) at the end. */
  include: boolean;
  /** Date of the 落款, `YYYY-MM-DD`; empty when not set. */
  date: string;
}

export interface Draft {
  formatVersion: typeof DRAFT_FORMAT_VERSION;
  template: TemplateId;
  /** The report year (statistics from 1月1日 to 12月31日 of this year). */
  year: number;
  agency: Agency;
  /** The 编制说明. Empty: generated from the agency and year; otherwise the clerk's own text. */
  preamble: string;
  /** Keyed by narrative section id: `overview`, `problems`, `other`. */
  narrative: Record<string, NarrativeSectionDraft>;
  fees: FeeStatement;
  signature: Signature;
  /** Keyed by table key (`proactive`, `applications`, `reviewLitigation`), nested as spec §A. */
  tables: Record<string, NestedValues>;
  /** Book-keeping; not part of the report's content. */
  meta: { createdAt: string; updatedAt: string };
}
