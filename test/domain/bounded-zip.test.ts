/**
 * The bounded zip reader (src/domain/bounded-zip.ts): an entry comes out whole within its budget, and a
 * bomb stops at the budget (counted in inflated bytes, not timed), whatever sizes the file declares.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { centralDirectory, inflateEntry, MAX_ZIP_ENTRIES, readZipEntry } from '../../src/domain/bounded-zip.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { office2023Draft } from '../helpers/fixtures.ts';

describe('readZipEntry', () => {
  it('returns an entry whole within its budget, and null past it or when the entry is missing', async () => {
    const bytes = await buildReportDocx(office2023Draft(), 'draft');
    const document = readZipEntry(bytes, 'word/document.xml', 64 * 1024 * 1024)!;
    expect(new TextDecoder().decode(document)).toContain('<w:body>');
    expect(readZipEntry(bytes, 'word/document.xml', document.length)).toHaveLength(document.length);
    expect(readZipEntry(bytes, 'word/document.xml', document.length - 1)).toBeNull();
    expect(readZipEntry(bytes, 'word/missing.xml', document.length)).toBeNull();
  });

  it('reads stored (uncompressed) entries as well as deflated ones', () => {
    const zip = zipSync({ 'a.txt': [strToU8('纸质版'), { level: 0 }], 'b.txt': [strToU8('政务新媒体'.repeat(50)), { level: 9 }] });
    expect(new TextDecoder().decode(readZipEntry(zip, 'a.txt', 100)!)).toBe('纸质版');
    expect(new TextDecoder().decode(readZipEntry(zip, 'b.txt', 1000)!)).toBe('政务新媒体'.repeat(50));
  });

  it('stops a bomb at its budget: the inflated byte count stays within one slice of it', () => {
    const bomb = zipSync({ 'item.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    const directory = centralDirectory(bomb);
    if (typeof directory === 'string') throw new Error(`directory not read: ${directory}`);
    const counter = { inflated: 0 };
    const budget = 1024 * 1024;
    expect(inflateEntry(bomb, directory[0]!, budget, counter)).toEqual({ ok: false, kind: 'oversized' });
    expect(counter.inflated).toBeGreaterThan(budget);
    expect(counter.inflated).toBeLessThan(budget + 2 * 1024 * 1024);
  });

  it('calls a cut-short or foreign file damaged, and refuses a directory of too many entries unread', () => {
    const zip = zipSync({ 'a.txt': strToU8('x') });
    expect(centralDirectory(zip.subarray(0, zip.length - 10))).toBe('damaged');
    expect(centralDirectory(strToU8('%PDF-1.7 not a zip at all, long enough to be looked at'))).toBe('damaged');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) many[`f${i}`] = new Uint8Array(0);
    expect(centralDirectory(zipSync(many))).toBe('entries');
  });
});
