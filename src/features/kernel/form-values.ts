/**
 * The open draft as react-hook-form values, and back.
 *
 * Table cells live in form state as RAW STRINGS at `tables.<cell.key>` (agreed with the grid,
 * interfaces.md): what the clerk typed stays exactly as typed (IME, full-width digits) and is parsed
 * only here, with the grid's own `parseCellInput`. Computed cells are never trusted from the form:
 * `formValuesToDraft` recomputes them from the inputs, so a stored draft always adds up its totals.
 */
import { computeTotals } from '../../domain/totals.ts';
import { formatCellValue, maxValue, parseCellInput, type CellParseResult } from '../../domain/cell-input.ts';
import { FEE_FIELD_DOMAINS, FEE_RULE_ID, parseFeeInput, type FeeField } from '../../domain/fee-statement.ts';
import type { Finding } from '../../domain/findings.ts';
import type {
  Agency,
  CellValue,
  CellValues,
  Draft,
  FeeStatement,
  FeeWordingId,
  NarrativePart,
  NarrativeSectionDraft,
  NarrativeStyle,
  PreambleWordingId,
  ReportWording,
  Signature,
} from '../../domain/draft-types.ts';
import type { CellInfo } from '../../domain/table-layout.ts';
import { indexTemplate, narrativeSections } from '../../domain/template.ts';
import type { ReportTemplate, ValueType } from '../../domain/template-types.ts';
import { readPath, writePath } from '../../domain/nested-keys.ts';
import { cellPlaces, emptyDraft, flattenTables, nestTables, templateOf } from '../../domain/values.ts';

/** Raw cell text nested by key segment, exactly as react-hook-form stores `tables.a.b.c`. */
export interface RawNested {
  [key: string]: string | RawNested;
}

/**
 * One narrative part in the form. Its `id` travels as `partId`: react-hook-form's field arrays give each
 * row an `id` of their own, which must not be mistaken for (or overwrite) the part's.
 */
export interface NarrativePartFormValues {
  partId: string;
  topic: string | null;
  title: string;
  text: string;
  generated: NonNullable<NarrativePart['generated']>;
}

export interface NarrativeFormValues {
  intro: string;
  style: NarrativeStyle;
  parts: NarrativePartFormValues[];
}

const partToForm = (part: NarrativePart): NarrativePartFormValues => ({
  partId: part.id,
  topic: part.topic,
  title: part.title,
  text: part.text,
  generated: (part.generated ?? []).map((sentence) => ({ ...sentence })),
});

const sectionToForm = (stored: NarrativeSectionDraft): NarrativeFormValues => ({
  intro: stored.intro ?? '',
  style: stored.style === 'leadIns' ? 'leadIns' : 'headings',
  parts: (stored.parts ?? []).map(partToForm),
});

export type { FeeField };

export interface ReportFormValues {
  agency: Agency;
  /** Empty: the generated 编制说明 is used (and follows agency changes). */
  preamble: string;
  narrative: Record<string, NarrativeFormValues>;
  fees: Record<FeeField, string>;
  /** Chosen wordings of the generated sentences ('' for the default); optional for forms made without them. */
  wording?: WordingFormValues;
  signature: Signature;
  tables: Record<string, RawNested>;
}

export interface WordingFormValues {
  fee: FeeWordingId | '';
  feeText: string;
  preamble: PreambleWordingId | '';
}

/** The draft's `wording` from the form: only what differs from the default, and none at all when nothing does. */
export function formWording(values: WordingFormValues | undefined): ReportWording | undefined {
  const wording: ReportWording = {};
  if (values?.fee) wording.fee = values.fee;
  if (values?.feeText) wording.feeText = values.feeText;
  if (values?.preamble) wording.preamble = values.preamble;
  return Object.keys(wording).length > 0 ? wording : undefined;
}

export const FEE_FIELDS: readonly FeeField[] = ['noticesIssued', 'noticesAmount', 'collectedAmount'];

function readRaw(root: Record<string, RawNested> | undefined, key: string): string {
  return rawAt(root, key.split('.'));
}

function rawAt(root: Record<string, RawNested> | undefined, path: readonly string[]): string {
  const node = readPath(root, path);
  return typeof node === 'string' ? node : '';
}

/*
 * The draft is rebuilt from every cell of the form on each change (autosave writes it as it is typed),
 * while the clerk changes one cell at a time. So each cell's path is split once per format, and what a
 * text reads as is remembered by text: a keystroke parses the one new text, not the whole report. The paths
 * come from `cellPlaces` (src/domain/values.ts).
 */

/** Texts remembered per value type; a table holds few distinct texts, and a long session at most this many. */
const PARSED_TEXTS_KEPT = 4096;
const parsedTexts = new Map<ValueType, Map<string, CellParseResult>>();

/** `parseCellInput(raw, valueType)`, remembered (the result is never changed by its users). */
function parsedCell(raw: string, valueType: ValueType): CellParseResult {
  let known = parsedTexts.get(valueType);
  if (!known) {
    known = new Map();
    parsedTexts.set(valueType, known);
  }
  let result = known.get(raw);
  if (!result) {
    if (known.size >= PARSED_TEXTS_KEPT) known.clear();
    result = parseCellInput(raw, valueType);
    known.set(raw, result);
  }
  return result;
}

function writeRaw(root: Record<string, RawNested>, key: string, value: string): void {
  writePath(root, key.split('.'), value);
}

/** The raw text of one table cell in form values ('' when absent). */
export function rawCellValue(values: Pick<ReportFormValues, 'tables'>, key: string): string {
  return readRaw(values.tables, key);
}

export function draftToFormValues(draft: Draft, rawInputs: Readonly<Record<string, string>> = {}): ReportFormValues {
  const template = templateOf(draft);
  const flat = flattenTables(template, draft.tables);
  const tables: Record<string, RawNested> = {};
  for (const cell of indexTemplate(template).cells) {
    writeRaw(tables, cell.key, rawInputs[cell.key] ?? formatCellValue(flat[cell.key] ?? null));
  }

  const narrative: Record<string, NarrativeFormValues> = {};
  const empty = emptyDraft(template, draft.year, '');
  for (const section of narrativeSections(template)) {
    narrative[section.id] = sectionToForm(draft.narrative[section.id] ?? empty.narrative[section.id]!);
  }
  // Sections a template does not know (a file from elsewhere) travel through untouched.
  for (const [id, stored] of Object.entries(draft.narrative)) narrative[id] ??= sectionToForm(stored);

  const fees = Object.fromEntries(
    FEE_FIELDS.map((field) => [field, rawInputs[`fees.${field}`] ?? formatCellValue(draft.fees[field])]),
  ) as Record<FeeField, string>;

  return {
    agency: { ...draft.agency },
    preamble: draft.preamble,
    narrative,
    fees,
    wording: { fee: draft.wording?.fee ?? '', feeText: draft.wording?.feeText ?? '', preamble: draft.wording?.preamble ?? '' },
    signature: { include: draft.signature.include, date: draft.signature.date },
    tables,
  };
}

/** The cell values a form holds, parsed; text that does not parse counts as untouched (`null`). */
export function formCellValues(values: Pick<ReportFormValues, 'tables'>, base: Pick<Draft, 'template'>): CellValues {
  const template = templateOf(base);
  const flat: CellValues = {};
  for (const { cell, fullPath: path } of cellPlaces(template)) {
    const parsed = parsedCell(rawAt(values.tables, path), cell.valueType);
    flat[cell.key] = parsed.ok ? parsed.value : null;
  }
  return { ...flat, ...computeTotals(template, flat) };
}

/**
 * The draft the form describes. Everything not edited in the form (format, year, book-keeping) comes
 * from `base`. Computed totals are recomputed from the inputs.
 */
export function formValuesToDraft(values: ReportFormValues, base: Draft): Draft {
  const template = templateOf(base);
  const narrative: Draft['narrative'] = {};
  for (const [id, section] of Object.entries(values.narrative ?? {})) {
    narrative[id] = {
      intro: section.intro ?? '',
      style: section.style === 'leadIns' ? 'leadIns' : 'headings',
      parts: (section.parts ?? []).map((part) => ({
        id: part.partId,
        topic: part.topic ?? null,
        title: part.title ?? '',
        text: part.text ?? '',
        ...(part.generated && part.generated.length > 0 ? { generated: part.generated.map((sentence) => ({ ...sentence })) } : {}),
      })),
    };
  }
  const fees = formFees(values.fees);
  // A form without wording fields keeps the draft's; absent stays absent (drafts print and hash as before).
  const wording = values.wording === undefined ? base.wording : formWording(values.wording);
  const { wording: _previousWording, ...rest } = base;

  return {
    ...rest,
    ...(wording !== undefined ? { wording } : {}),
    agency: agencyOf({ ...base.agency, ...values.agency }),
    preamble: values.preamble ?? '',
    narrative,
    fees,
    signature: { include: Boolean(values.signature?.include), date: values.signature?.date ?? '' },
    tables: nestTables(template, formCellValues(values, base)),
    meta: { ...base.meta },
  };
}

/** The agency as a draft holds it: a kind left unchosen (the select's empty option) is absent, not `""`. */
function agencyOf(agency: Draft['agency']): Draft['agency'] {
  const { kind, ...rest } = agency;
  return kind === 'government' || kind === 'department' || kind === 'other' ? { ...rest, kind } : rest;
}

/** A plain decimal number, possibly negative: what a fee value from a file is shown as. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A fee field's value for the draft. A plain number outside the domain (−1, 12.345 元, as a file may hold)
 * is kept as that number, not dropped to "not entered": the rules then report it (N10, an error) and the
 * report cannot be final with it, in the app exactly as in `report check`.
 */
function feeValueOf(raw: string, field: FeeField): CellValue {
  const parsed = parseFeeInput(raw, field);
  if (parsed.ok) return parsed.value;
  const text = raw.trim();
  const number = Number(text);
  return PLAIN_NUMBER.test(text) && Math.abs(number) <= maxValue(FEE_FIELD_DOMAINS[field].valueType, '元') ? number : null;
}

/**
 * Fee fields holding text that is no number at all (`两件`): the draft can only hold it as "not
 * entered", so the checks name it here (N10, an error) and the report cannot be final with it — the
 * Word sentence would otherwise leave out something the clerk typed.
 */
export function feeInputFindings(raw: Partial<Record<FeeField, string>> | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const field of FEE_FIELDS) {
    const text = raw?.[field] ?? '';
    if (text.trim() === '' || feeValueOf(text, field) !== null) continue;
    const parsed = parseFeeInput(text, field);
    if (parsed.ok) continue;
    const { name, unit } = FEE_FIELD_DOMAINS[field];
    findings.push({
      rule: FEE_RULE_ID,
      severity: 'error',
      cells: [`fees.${field}`],
      message: `信息处理费“${name}（${unit}）”填的“${text.trim()}”不是有效的数：${parsed.message}`,
    });
  }
  return findings;
}

/** The 信息处理费 values the form's fee fields hold (the draft's `fees`). */
export function formFees(raw: Partial<Record<FeeField, string>> | undefined): FeeStatement {
  return Object.fromEntries(FEE_FIELDS.map((field) => [field, feeValueOf(raw?.[field] ?? '', field)])) as unknown as FeeStatement;
}

/**
 * Text in the form that does not parse (e.g. `12a`): the draft file cannot hold it, so the app keeps it
 * beside the draft in storage and puts it back on reload — the clerk finds the cell exactly as left.
 */
export function unparsedInputs(values: ReportFormValues, base: Pick<Draft, 'template'>): Record<string, string> {
  const template = templateOf(base);
  const kept: Record<string, string> = {};
  for (const { cell, fullPath: path } of cellPlaces(template)) {
    if (cell.computed) continue;
    const raw = rawAt(values.tables, path);
    if (raw.trim() !== '' && !parsedCell(raw, cell.valueType).ok) kept[cell.key] = raw;
  }
  for (const field of FEE_FIELDS) {
    const raw = values.fees?.[field] ?? '';
    if (raw.trim() !== '' && !parseFeeInput(raw, field).ok) kept[`fees.${field}`] = raw;
  }
  return kept;
}
