// @vitest-environment node
/**
 * The draft carried inside the .docx: found where we put it and wherever an editor moves it (Word renumbers
 * custom XML parts; LibreOffice re-escapes; some tools write CDATA, a prefix or UTF-16), absent → null, and
 * never an exception, whatever the bytes; a zip bomb is refused after a bounded number of inflated bytes.
 */
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import {
  EMBEDDED_DRAFT_NAMESPACE,
  EMBEDDED_DRAFT_PATH,
  embedDraftJson,
  extractEmbeddedDraftJson,
  MAX_DRAFT_PART_BYTES,
  MAX_TOTAL_INFLATED_BYTES,
  MAX_ZIP_ENTRIES,
  readEmbeddedDraft,
} from '../../src/domain/embedded-draft.ts';
import { manyEntriesZip, repeatedByteDeflate, zipBombDocx, zipOf } from '../helpers/zip-bomb.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { parseXml } from '../helpers/read-docx.ts';

const TRICKY = JSON.stringify({ text: 'a]]>b<c>&d"e\'f \u0001 \uFFFF 𠀀 😀', n: [1, null, -2.5] }, null, 2);

async function plainDocx(): Promise<Uint8Array> {
  return Packer.pack(new Document({ sections: [{ children: [new Paragraph('正文')] }] }), 'uint8array');
}

function withPart(files: Record<string, Uint8Array>, path: string, xml: string | Uint8Array): Uint8Array {
  return zipSync({ ...files, [path]: typeof xml === 'string' ? strToU8(xml) : xml });
}

describe('embedDraftJson / extractEmbeddedDraftJson', () => {
  it('round-trips any JSON text through a .docx, as well-formed XML', async () => {
    const bytes = embedDraftJson(await plainDocx(), TRICKY);
    const back = extractEmbeddedDraftJson(bytes);
    expect(JSON.parse(back!)).toEqual(JSON.parse(TRICKY));
    const files = unzipSync(bytes);
    for (const path of [EMBEDDED_DRAFT_PATH, 'customXml/itemProps1.xml', 'customXml/_rels/item1.xml.rels', 'word/_rels/document.xml.rels', '[Content_Types].xml']) {
      expect(files[path], path).toBeDefined();
      expect(() => parseXml(new TextDecoder().decode(files[path]))).not.toThrow();
    }
  });

  it('relates the part from the main document and types its properties, in a built report too', async () => {
    for (const bytes of [embedDraftJson(await plainDocx(), '{}'), await buildReportDocx(office2023Draft(), 'final')]) {
      const files = unzipSync(bytes);
      const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']);
      expect(rels).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
      const types = new TextDecoder().decode(files['[Content_Types].xml']);
      expect(types).toContain('PartName="/customXml/itemProps1.xml"');
      expect(types).toMatch(/Extension="xml"/);
    }
  });

  it('returns null for a .docx without the part, and for bytes that are not a zip', async () => {
    expect(extractEmbeddedDraftJson(await plainDocx())).toBeNull();
    expect(extractEmbeddedDraftJson(new Uint8Array())).toBeNull();
    expect(extractEmbeddedDraftJson(strToU8('{"formatVersion":1}'))).toBeNull();
    expect(extractEmbeddedDraftJson(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toBeNull();
  });

  it('ignores other custom XML parts and finds ours after Word renumbered it', async () => {
    const files = unzipSync(await plainDocx());
    const bibliography = '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>';
    const ours = `<draft xmlns="${EMBEDDED_DRAFT_NAMESPACE}">{"a":1}</draft>`;
    const bytes = zipSync({ ...files, 'customXml/item1.xml': strToU8(bibliography), 'customXml/item2.xml': strToU8(ours) });
    expect(extractEmbeddedDraftJson(bytes)).toBe('{"a":1}');
    expect(extractEmbeddedDraftJson(withPart(files, 'customXml/item1.xml', bibliography))).toBeNull();
  });

  it('reads the part however an editor re-serialised it: entities, CDATA, a prefix, a BOM, UTF-16', async () => {
    const files = unzipSync(await plainDocx());
    const json = '{"t":"<&>\\""}';
    const variants: (string | Uint8Array)[] = [
      `<?xml version="1.0"?><draft xmlns="${EMBEDDED_DRAFT_NAMESPACE}">{&quot;t&quot;:&quot;&lt;&amp;&gt;\\&quot;&quot;}</draft>`,
      `<?xml version="1.0"?>\n<draft xmlns='${EMBEDDED_DRAFT_NAMESPACE}' formatVersion="1"><![CDATA[{"t":"<&>\\""}]]></draft>`,
      `<x:draft xmlns:x="${EMBEDDED_DRAFT_NAMESPACE}">{"t":"&#60;&#x26;>\\""}</x:draft>`,
      `\uFEFF<draft xmlns="${EMBEDDED_DRAFT_NAMESPACE}">${json.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</draft>`,
      new Uint8Array([
        0xff,
        0xfe,
        ...[...`<draft xmlns="${EMBEDDED_DRAFT_NAMESPACE}">{"t":"&lt;&amp;>\\""}</draft>`].flatMap((c) => {
          const code = c.charCodeAt(0);
          return [code & 0xff, code >> 8];
        }),
      ]),
    ];
    for (const [i, variant] of variants.entries()) {
      expect(extractEmbeddedDraftJson(withPart(files, 'customXml/item1.xml', variant)), `variant ${i}`).toBe(json);
    }
  });

  it('never throws, whatever the bytes', async () => {
    const good = embedDraftJson(await plainDocx(), '{"a":1}');
    for (let cut = 0; cut < good.length; cut += Math.ceil(good.length / 97)) {
      expect(() => extractEmbeddedDraftJson(good.subarray(0, cut))).not.toThrow();
      const flipped = good.slice();
      flipped[cut] = flipped[cut]! ^ 0xff;
      expect(() => extractEmbeddedDraftJson(flipped)).not.toThrow();
    }
  });
});

describe('readEmbeddedDraft: bounded whatever the file claims', () => {
  const GiB = 1024 * 1024 * 1024;

  it('the test bomb is what it says: a run of one byte', () => {
    const data = repeatedByteDeflate(0x20, 100_000);
    const out = inflateSync(data);
    expect(out.length).toBe(100_000);
    expect(out.every((byte) => byte === 0x20)).toBe(true);
    expect(data.length).toBeLessThan(100_000 / 100);
  });

  it('stops inflating a 1 GiB part just past the limit and calls it oversized', () => {
    const bomb = zipBombDocx(GiB);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const read = readEmbeddedDraft(bomb);
    expect(read).toMatchObject({ kind: 'oversized', reason: 'part' });
    // One slice of compressed input can add at most about 1 MB of output beyond the limit.
    expect(read.inflatedBytes).toBeGreaterThan(MAX_DRAFT_PART_BYTES);
    expect(read.inflatedBytes).toBeLessThan(MAX_DRAFT_PART_BYTES + 2 * 1024 * 1024);
  });

  it('ignores a central directory that claims the part is small', () => {
    const read = readEmbeddedDraft(zipBombDocx(GiB / 4, { declaredSize: 1200 }));
    expect(read).toMatchObject({ kind: 'oversized', reason: 'part' });
    expect(read.inflatedBytes).toBeLessThan(MAX_DRAFT_PART_BYTES + 2 * 1024 * 1024);
  });

  it('bounds the total over many parts, each under the limit', () => {
    const part = repeatedByteDeflate(0x20, MAX_DRAFT_PART_BYTES - 1024);
    const zip = zipOf(
      Array.from({ length: 10 }, (_, i) => ({ name: `customXml/item${i + 1}.xml`, method: 8 as const, data: part, declaredSize: 10 })),
    );
    const read = readEmbeddedDraft(zip);
    expect(read).toMatchObject({ kind: 'oversized', reason: 'total' });
    expect(read.inflatedBytes).toBeGreaterThan(MAX_TOTAL_INFLATED_BYTES);
    expect(read.inflatedBytes).toBeLessThan(MAX_TOTAL_INFLATED_BYTES + 2 * 1024 * 1024);
  });

  it('refuses a zip with more entries than any report has, without inflating anything', () => {
    const read = readEmbeddedDraft(manyEntriesZip(MAX_ZIP_ENTRIES + 1));
    expect(read).toEqual({ kind: 'oversized', reason: 'entries', inflatedBytes: 0 });
  });

  it('tells a damaged zip from a foreign one', async () => {
    const good = embedDraftJson(await plainDocx(), '{"a":1}');
    expect(readEmbeddedDraft(good)).toMatchObject({ kind: 'found', json: '{"a":1}' });
    expect(readEmbeddedDraft(await plainDocx()).kind).toBe('absent');
    expect(readEmbeddedDraft(good.subarray(0, good.length - 30)).kind).toBe('damaged');
    // A deflate stream cut short inside the part.
    const cut = zipOf([{ name: 'customXml/item1.xml', method: 8, data: repeatedByteDeflate(0x20, 1_000_000).subarray(0, 100), declaredSize: 1_000_000 }]);
    expect(readEmbeddedDraft(cut).kind).toBe('damaged');
  });
});
