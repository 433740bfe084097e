/**
 * Conversions between the draft file's nested tables (spec §A.0) and the flat `key → value` map the
 * checks and the form work on, plus the empty draft a new report starts from.
 */
import {
  DRAFT_FORMAT_VERSION,
  defaultDraftSettings,
  initialReviewState,
  type CellValues,
  type Draft,
  type NestedValues,
} from './draft-types.ts';
import { readPath, writePath } from './nested-keys.ts';
import type { CellInfo } from './table-layout.ts';
import { indexTemplate, narrativeSections } from './template.ts';
import type { ReportTemplate, TemplateId, VariantId } from './template-types.ts';
import { resolveTemplate } from './variant.ts';

/** Reads a dotted key out of nested values; `undefined` when a level is missing. */
export function getNested(root: NestedValues | undefined, path: readonly string[]): number | null | undefined {
  const node = readPath(root, path);
  return typeof node === 'object' && node !== null ? undefined : (node as number | null | undefined);
}

/**
 * Whether the clerk has given a cell a value: typed, pasted, set by 填 0 or carried over from last year
 * all leave a value in the draft; only a cell nobody filled is null (or absent). The one definition of
 * "touched" for the checks: a relation with an untouched cell is still being filled (待填), not wrong.
 */
export function isTouched(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** Where a cell stands in the draft file's nested tables. */
export interface CellPlace {
  readonly cell: CellInfo;
  /** The key's first segment: the table. */
  readonly table: string;
  /** The key's segments after the table's own. */
  readonly path: readonly string[];
  /** All the key's segments, the table's included (the form holds the tables nested the same way). */
  readonly fullPath: readonly string[];
}

const cellPlaceCache = new WeakMap<ReportTemplate, readonly CellPlace[]>();

/** Each cell's key split into table and path, once per format (the app converts a draft on every keystroke). */
export function cellPlaces(template: ReportTemplate): readonly CellPlace[] {
  let places = cellPlaceCache.get(template);
  if (!places) {
    places = indexTemplate(template).cells.map((cell) => {
      const fullPath = cell.key.split('.');
      const [table, ...path] = fullPath;
      return { cell, table: table!, path, fullPath };
    });
    cellPlaceCache.set(template, places);
  }
  return places;
}

/** Every cell of the template, flat; a cell missing from `tables` reads as `null`. */
export function flattenTables(template: ReportTemplate, tables: Draft['tables']): CellValues {
  const values: CellValues = {};
  for (const { cell, table, path } of cellPlaces(template)) values[cell.key] = getNested(tables[table], path) ?? null;
  return values;
}

/** The nested `tables` object of a draft file, every cell present (`null` when untouched). */
export function nestTables(template: ReportTemplate, values: CellValues): Draft['tables'] {
  const tables: Record<string, NestedValues> = {};
  for (const { cell, table, path } of cellPlaces(template)) writePath((tables[table] ??= {}), path, values[cell.key] ?? null);
  return tables;
}

/** The draft's format with its local variant, if any. */
export function templateOf(draft: Pick<Draft, 'template' | 'variant'>): ReportTemplate {
  return resolveTemplate(draft.template, draft.variant);
}

/** The agency's contact fields, which stay the same from one year's report to the next. */
export const AGENCY_CONTACT_FIELDS = ['address', 'postcode', 'phone', 'website'] as const satisfies readonly (keyof Draft['agency'])[];

/**
 * A new report takes over the agency's address, postcode, phone and website from its newest earlier
 * report (`earlier`: drafts of the same agency, as the caller matches names), so the clerk does not type
 * them again each year. Only empty fields are filled, only from a report of an earlier year; a field
 * left empty last year stays empty. Returns `draft` itself when there is nothing to take over.
 */
export function withEarlierContact(draft: Draft, earlier: readonly Draft[]): Draft {
  const source = earlier
    .filter((other) => other.year < draft.year)
    .reduce<Draft | null>((newest, other) => (newest === null || other.year > newest.year ? other : newest), null);
  if (!source) return draft;
  const agency = { ...draft.agency };
  let changed = false;
  for (const field of AGENCY_CONTACT_FIELDS) {
    const value = source.agency[field];
    if (agency[field].trim() === '' && typeof value === 'string' && value.trim() !== '') {
      agency[field] = value;
      changed = true;
    }
  }
  return changed ? { ...draft, agency } : draft;
}

/** A new, empty report: every cell untouched, every text empty. */
export function emptyDraft(template: ReportTemplate, year: number, agencyName: string, now = new Date()): Draft {
  const narrative: Draft['narrative'] = {};
  for (const section of narrativeSections(template)) {
    narrative[section.id] = {
      intro: '',
      style: 'headings',
      parts: section.parts.map((part) => ({ id: part.key, topic: part.key, title: part.title, text: '' })),
    };
  }
  const values: CellValues = Object.fromEntries(indexTemplate(template).cells.map((cell) => [cell.key, null]));
  return {
    formatVersion: DRAFT_FORMAT_VERSION,
    template: template.id as TemplateId,
    templateRevision: template.revision,
    ...(template.variant ? { variant: template.variant.id as VariantId } : {}),
    year,
    agency: { name: agencyName, address: '', postcode: '', phone: '', website: '' },
    preamble: '',
    narrative,
    fees: { noticesIssued: null, noticesAmount: null, collectedAmount: null },
    signature: { include: false, date: '' },
    tables: nestTables(template, values),
    meta: { createdAt: now.toISOString(), updatedAt: now.toISOString() },
    review: initialReviewState(),
    settings: defaultDraftSettings(),
  };
}
