/**
 * A fingerprint of a report's *content*, to bind an approval to exactly what the reviewer saw
 * (issue 5 item 6): SHA-256 of a canonical JSON of the draft without its book-keeping.
 *
 * Content is every top-level field of the draft except `formatVersion`, `meta` and `review` (and a
 * `$schema` reference): today template, year, agency, preamble, narrative, fees, signature, tables and
 * settings. The settings are part of what is approved: turning `requireApproval` off after an approval
 * voids it like any other change. (Drafts approved before settings were covered hash differently; their
 * approvals were unsigned anyway and read as 未签名的审核记录（旧版本）.) It is a deny-list on purpose: a content field added to the draft later is
 * covered without anyone remembering this module, so an approval can never silently survive a change
 * to it.
 *
 * Canonical form, so that the hash survives any faithful re-serialisation (key order, indentation, a
 * partial table from another system, a missing optional text):
 * - the draft is laid over `emptyDraft` of its template, so an absent text, fee or narrative part
 *   reads as its default, as the draft reader does;
 * - tables hold every cell of the template (untouched = null), nested as spec §A;
 * - object keys are sorted at every level; arrays keep their order; numbers as JSON writes them;
 * - a narrative section that draft format 2 could hold (the template's parts in template order under
 *   their official titles, then added sub-topics, printed as headings) is hashed in that format's shape,
 *   so that a draft approved before format 3 keeps its approval when it is opened and migrated. Any
 *   section using what format 3 adds (a title, an order, a removed part, a style) is hashed as it is.
 *
 * This detects any change, accidental or by hand. On its own it cannot stop someone who edits the file
 * and recomputes the hash: the approval's signature (./signing.ts) covers the hash, so a recomputed
 * hash breaks the signature.
 */
import { isTemplateId } from '../../templates/index.ts';
import { migrateFileFormat } from './draft-migration.ts';
import { DRAFT_FORMAT_VERSION, type Draft, type NarrativePart } from './draft-types.ts';
import { narrativeSections } from './template.ts';
import type { NarrativeSectionTemplate } from './template-types.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from './values.ts';

/** Top-level draft fields that are not report content. */
// `templateRevision` is book-keeping like `formatVersion`: the tables themselves (read through the current
// revision) are the content, so that opening an older file does not void its approval. `settings` are
// content: the approval covers whether approval was required.
const NOT_CONTENT: ReadonlySet<string> = new Set(['formatVersion', 'templateRevision', 'meta', 'review', '$schema']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with the defaults of `base` for whatever it leaves out (objects merged, arrays replaced). */
function withDefaults(base: unknown, value: unknown): unknown {
  if (value === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(value)) return value;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, child] of Object.entries(value)) merged[key] = withDefaults(base[key], child);
  return merged;
}

/** The content part of a draft in canonical form (before serialisation). */
export function canonicalContent(draft: Draft): Record<string, unknown> {
  // An object of an older draft format (a file as it was written) is hashed as what it reads as.
  const version = (draft as { formatVersion?: unknown }).formatVersion;
  const current =
    typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < DRAFT_FORMAT_VERSION && isTemplateId(draft.template)
      ? (migrateFileFormat(structuredClone(draft) as unknown as Record<string, unknown>) as unknown as Draft)
      : draft;
  const source = current as unknown as Record<string, unknown>;
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (!NOT_CONTENT.has(key)) content[key] = value;
  // A draft naming an unknown template never gets past the reader; hash it as it is rather than throw.
  if (!isTemplateId(draft.template)) return content;
  const template = templateOf(draft);
  const base = emptyDraft(template, draft.year, draft.agency?.name ?? '') as unknown as Record<string, unknown>;
  const baseContent = Object.fromEntries(Object.entries(base).filter(([key]) => !NOT_CONTENT.has(key)));
  const normalised = withDefaults(baseContent, content) as Record<string, unknown>;
  normalised.tables = nestTables(template, flattenTables(template, draft.tables ?? {}));
  if (isPlainObject(normalised.narrative)) {
    const narrative: Record<string, unknown> = {};
    for (const [id, stored] of Object.entries(normalised.narrative)) {
      // Which sentences came from the tables is book-keeping: the text they left is the content.
      const section =
        isPlainObject(stored) && Array.isArray(stored.parts)
          ? { ...stored, parts: stored.parts.map((part: unknown) => (isPlainObject(part) ? withoutKey(part, 'generated') : part)) }
          : stored;
      const sectionTemplate = narrativeSections(template).find((candidate) => candidate.id === id);
      narrative[id] = sectionTemplate && isPlainObject(section) ? formatTwoShape(sectionTemplate, section) : section;
    }
    normalised.narrative = narrative;
  }
  return normalised;
}

function withoutKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}

/** A section in the shape of draft format 2 when it has one there (see above), otherwise as it is. */
function formatTwoShape(template: NarrativeSectionTemplate, section: Record<string, unknown>): unknown {
  const parts = section.parts;
  if (section.style !== 'headings' || !Array.isArray(parts) || parts.length < template.parts.length) return section;
  const official = template.parts.every((part, index) => {
    const stored = parts[index] as Partial<NarrativePart> | undefined;
    return stored?.id === part.key && stored.topic === part.key && stored.title === part.title;
  });
  const added = parts.slice(template.parts.length) as Partial<NarrativePart>[];
  if (!official || !added.every((part, index) => part?.id === `extra.${index}` && part.topic === null)) return section;
  return {
    intro: section.intro,
    parts: Object.fromEntries(template.parts.map((part, index) => [part.key, (parts[index] as NarrativePart).text])),
    extraParts: added.map((part) => ({ title: part.title, text: part.text })),
  };
}

/** JSON with object keys sorted at every level and `undefined` properties left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (isPlainObject(value)) {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const child = value[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value as Json;
}

/**
 * SHA-256 (64 lowercase hex digits) of the draft's content in canonical form.
 *
 * @example
 * const approvedHash = await contentHash(draft);
 * (await contentHash(editedDraft)) === approvedHash; // false once any content changed
 */
export async function contentHash(draft: Draft): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalJson(canonicalContent(draft))));
}

/**
 * The hash older versions of the app recorded in their (unsigned) approvals: the content without the
 * settings. Only to tell whether such a file was changed since; it never makes an approval valid.
 */
export async function legacyContentHash(draft: Draft): Promise<string> {
  const { settings: _settings, ...content } = canonicalContent(draft);
  return sha256Hex(new TextEncoder().encode(canonicalJson(content)));
}

/**
 * SHA-256 through Web Crypto where it exists. Browsers only offer `crypto.subtle` in a secure context
 * (https, localhost, a file opened from disk); an intranet server on plain http has none, so the
 * same digest is then computed in script (`sha256Fallback`).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
      return toHex(new Uint8Array(digest));
    } catch {
      // Some environments expose `subtle` but refuse to work (insecure context); fall through.
    }
  }
  return toHex(sha256Fallback(bytes));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Round constants: first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2). */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 in plain script (FIPS 180-4), for contexts without Web Crypto. */
export function sha256Fallback(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  // Message + 0x80 + zero padding + 64-bit big-endian length, to a multiple of 64 bytes.
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 0x1_0000_0000));
  view.setUint32(paddedLength - 4, bitLength >>> 0);

  const hash = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15]!;
      const w2 = w[t - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const choose = (e & f) ^ (~e & g);
      const temp1 = (h + s1 + choose + K[t]! + w[t]!) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (s0 + majority) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) >>> 0;
    }
    hash[0] = hash[0]! + a;
    hash[1] = hash[1]! + b;
    hash[2] = hash[2]! + c;
    hash[3] = hash[3]! + d;
    hash[4] = hash[4]! + e;
    hash[5] = hash[5]! + f;
    hash[6] = hash[6]! + g;
    hash[7] = hash[7]! + h;
  }
  const digest = new Uint8Array(32);
  const digestView = new DataView(digest.buffer);
  hash.forEach((word, index) => digestView.setUint32(index * 4, word));
  return digest;
}
