/**
 * Reading a zip (a `.docx`) from outside in bounded time and memory. The sizes in a zip's central
 * directory are whatever the file claims, so a "zip bomb" declares a few KB and inflates to gigabytes:
 * the directory is walked here (a bounded number of entries), and an entry is inflated by feeding the
 * compressed bytes to the inflater in small slices while counting what comes out, stopping as soon as
 * the budget is passed. The declared sizes are never trusted. Used for the embedded draft
 * (./embedded-draft.ts) and for the visible text of a Word file (src/docx/visible-content.ts).
 */
import { Inflate } from 'fflate';

/** A Word file has a few dozen entries; more than this is not a report. */
export const MAX_ZIP_ENTRIES = 5000;
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1032:1, so one slice
 * yields at most about 1 MB and the counter sees every megabyte as it comes.
 */
const INFLATE_SLICE = 1024;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The central directory's entries, `'damaged'` when it cannot be read, `'entries'` when there are too many. */
export function centralDirectory(bytes: Uint8Array): ZipEntry[] | 'damaged' | 'entries' {
  if (bytes.length < 22) return 'damaged';
  // End of central directory record: the last 22 bytes, or earlier when the zip has a comment (≤ 65535 bytes).
  let eocd = -1;
  for (let at = bytes.length - 22, stop = Math.max(0, bytes.length - 22 - 65535); at >= stop; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return 'damaged';
  const count = u16(bytes, eocd + 10);
  const offset = u32(bytes, eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which no report of a few hundred KB needs.
  if (count === 0xffff || offset === 0xffffffff) return 'damaged';
  if (count > MAX_ZIP_ENTRIES) return 'entries';
  const entries: ZipEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE) return 'damaged';
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) return 'damaged';
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localHeaderOffset: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

export type PartBytes = { ok: true; bytes: Uint8Array } | { ok: false; kind: 'damaged' | 'oversized' };

/**
 * One entry's bytes, inflated with a counter: stops past `budget` bytes (never allocating more than about
 * one slice's worth beyond it). `counter.inflated` grows by what was produced, also on failure.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number, counter: { inflated: number }): PartBytes {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL_SIGNATURE) return { ok: false, kind: 'damaged' };
  if ((entry.flags & 1) !== 0) return { ok: false, kind: 'damaged' }; // encrypted: not ours
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  // The declared compressed size is a claim too: never read past the end of the file.
  const end = Math.min(bytes.length, start + entry.compressedSize);
  if (start > end) return { ok: false, kind: 'damaged' };
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    counter.inflated += data.length;
    return data.length > budget ? { ok: false, kind: 'oversized' } : { ok: true, bytes: data };
  }
  if (entry.method !== 8) return { ok: false, kind: 'damaged' };
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let overBudget = false;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    counter.inflated += chunk.length;
    if (produced > budget) overBudget = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !overBudget; at += INFLATE_SLICE) {
      const slice = data.subarray(at, Math.min(data.length, at + INFLATE_SLICE));
      inflater.push(slice, at + INFLATE_SLICE >= data.length);
    }
  } catch {
    return { ok: false, kind: overBudget ? 'oversized' : 'damaged' };
  }
  if (overBudget) return { ok: false, kind: 'oversized' };
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}

/**
 * One entry's bytes by name, inflated within `limit`; null when the zip is damaged, has too many entries,
 * lacks the entry, or the entry inflates past the limit.
 */
export function readZipEntry(bytes: Uint8Array, name: string, limit: number): Uint8Array | null {
  try {
    const directory = centralDirectory(bytes);
    if (typeof directory === 'string') return null;
    const entry = directory.find((candidate) => candidate.name === name);
    if (!entry) return null;
    const part = inflateEntry(bytes, entry, limit, { inflated: 0 });
    return part.ok ? part.bytes : null;
  } catch {
    return null;
  }
}
