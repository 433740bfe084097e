/**
 * The draft JSON carried inside the generated `.docx`, so that the app and `report check` can reopen a Word
 * file the app made and get the exact draft back.
 *
 * Why a custom XML part (`customXml/item1.xml` + `customXml/itemProps1.xml`, related from
 * `word/document.xml.rels` with the `…/relationships/customXml` type):
 * - It is the mechanism OOXML defines for "data that belongs to the document but is not content" (ECMA-376
 *   Part 1 §15.2.5 Custom XML Data Storage Part). Word keeps custom XML parts on open/save (it is how its own
 *   bibliography and content-control data bindings are stored), and never shows them to the reader.
 * - LibreOffice Writer imports the parts into its "grab bag" and writes them back on DOCX export; WPS keeps
 *   them too. Neither complains about an unknown root namespace — a custom XML part may hold any
 *   well-formed XML. (Checked here: a LibreOffice DOCX→DOCX round trip keeps the draft, see
 *   test/docx/libreoffice.test.ts.)
 * - The alternatives are worse: an `altChunk` or an OLE-embedded package is *content* (Word would import or
 *   show it); a custom document property (`docProps/custom.xml`) is shown in File › Properties and Word's UI
 *   truncates long values; an unreferenced zip entry is dropped by every editor on save.
 *
 * Encoding: the JSON is the element's text, XML-escaped (`&`, `<`, `>`), not base64, so it stays readable
 * with any unzip tool. `JSON.stringify` already escapes U+0000–U+001F and lone surrogates; the two remaining
 * XML-illegal code points U+FFFE/U+FFFF are escaped as `\uFFFE`/`\uFFFF`, which mean the same inside a JSON
 * string (the only place they can appear). Editors that re-serialise the part (LibreOffice, Word) may change
 * the escaping or use CDATA; the reader decodes both.
 *
 * Reading is bounded (see readEmbeddedDraft): a zip bomb is refused after a counted number of bytes.
 *
 * Pure (fflate only): runs in Node and the browser.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { centralDirectory, inflateEntry, MAX_ZIP_ENTRIES } from './bounded-zip.ts';

export { MAX_ZIP_ENTRIES };

/** Zip path of the part holding the draft JSON in files this app writes. */
export const EMBEDDED_DRAFT_PATH = 'customXml/item1.xml';

/** Our own namespace for the root element of the part; how the reader recognises it in any `customXml/item*.xml`. */
export const EMBEDDED_DRAFT_NAMESPACE = 'urn:gov-info-annual-report:draft';

const ROOT = 'draft';
/** Content type of the properties part (the item itself is `application/xml`, the `xml` default). */
export const ITEM_PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
/** Relationship type from `word/document.xml` to the custom XML part. */
export const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_CUSTOM_XML_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
/** Zip path of the custom XML part's properties. */
export const EMBEDDED_DRAFT_PROPS_PATH = 'customXml/itemProps1.xml';
/** Fixed datastore id: there is one draft part per file, and a fixed id keeps `document.xml` runs comparable. */
const DATASTORE_ITEM_ID = '{6A3C2B7E-1F4D-4C1B-9E52-2D0F5A8B7C31}';

function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Make JSON text safe as XML character data without changing what it parses to. */
function xmlSafeJson(json: string): string {
  return json.replace(/\uFFFE/g, '\\ufffe').replace(/\uFFFF/g, '\\uffff');
}

function draftPartXml(json: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<${ROOT} xmlns="${EMBEDDED_DRAFT_NAMESPACE}" formatVersion="1">` +
    escapeXmlText(xmlSafeJson(json)) +
    `</${ROOT}>`
  );
}

function itemPropsXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<ds:datastoreItem ds:itemID="${DATASTORE_ITEM_ID}" ` +
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">' +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${EMBEDDED_DRAFT_NAMESPACE}"/></ds:schemaRefs>` +
    '</ds:datastoreItem>'
  );
}

function itemRelsXml(propsName: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="${propsName}"/>` +
    '</Relationships>'
  );
}

/**
 * The three parts that carry the draft, for a package that has no custom XML part yet (docx writes one only
 * for a bibliography): the item at {@link EMBEDDED_DRAFT_PATH}, its properties and their relationship. The
 * package must also relate `word/document.xml` to the item ({@link REL_CUSTOM_XML}, target
 * `../customXml/item1.xml`) and declare the properties' content type ({@link ITEM_PROPS_CONTENT_TYPE}).
 * build-report.ts hands these to docx's Packer so that the zip is written once.
 */
export function draftPackageParts(json: string): { path: string; data: string }[] {
  return [
    { path: EMBEDDED_DRAFT_PATH, data: draftPartXml(json) },
    { path: EMBEDDED_DRAFT_PROPS_PATH, data: itemPropsXml() },
    { path: 'customXml/_rels/item1.xml.rels', data: itemRelsXml('itemProps1.xml') },
  ];
}

/**
 * Add the draft JSON to any finished `.docx` (unzips and zips again; build-report.ts avoids that cost by
 * passing {@link draftPackageParts} to the Packer): the custom XML part, its properties part, the
 * relationship from the main document and the content-type override. Returns new zip bytes.
 */
export function embedDraftJson(docx: Uint8Array, json: string): Uint8Array {
  const files: Unzipped = unzipSync(docx);
  // docx writes customXml/item1.xml itself only for a bibliography; take the first free number either way.
  let n = 1;
  while (files[`customXml/item${n}.xml`] !== undefined) n++;
  const itemName = `item${n}.xml`;
  const propsName = `itemProps${n}.xml`;
  files[`customXml/${itemName}`] = strToU8(draftPartXml(json));
  files[`customXml/${propsName}`] = strToU8(itemPropsXml());
  files[`customXml/_rels/${itemName}.rels`] = strToU8(itemRelsXml(propsName));

  const relsPath = 'word/_rels/document.xml.rels';
  const rels = files[relsPath];
  if (rels === undefined) throw new Error('docx package without word/_rels/document.xml.rels');
  const relsXml = strFromU8(rels);
  let relId = 'rIdDraftData';
  for (let i = 2; relsXml.includes(`Id="${relId}"`); i++) relId = `rIdDraftData${i}`;
  files[relsPath] = strToU8(
    relsXml.replace(
      '</Relationships>',
      `<Relationship Id="${relId}" Type="${REL_CUSTOM_XML}" Target="../customXml/${itemName}"/></Relationships>`,
    ),
  );

  const ctPath = '[Content_Types].xml';
  const ct = files[ctPath];
  if (ct === undefined) throw new Error('docx package without [Content_Types].xml');
  let ctXml = strFromU8(ct);
  if (!ctXml.includes(`PartName="/customXml/${propsName}"`)) {
    ctXml = ctXml.replace(
      '</Types>',
      `<Override ContentType="${ITEM_PROPS_CONTENT_TYPE}" PartName="/customXml/${propsName}"/></Types>`,
    );
  }
  // item*.xml is covered by the `xml` default (application/xml), which docx always writes; add it if absent.
  if (!/<Default\s[^>]*Extension="xml"/i.test(ctXml)) {
    ctXml = ctXml.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  }
  files[ctPath] = strToU8(ctXml);
  return zipSync(files, { level: 6 });
}

/** Decode XML character data: entities and CDATA sections (an editor may re-serialise either way). */
function decodeXmlText(raw: string): string {
  let out = '';
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    out += decodeEntities(raw.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
  }
  return out + decodeEntities(raw.slice(last));
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_all, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Part bytes as text: UTF-8 (with or without BOM) or UTF-16 with BOM, which some editors write. */
function decodePartBytes(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const encoding = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** The JSON text inside a custom XML part if its root element is ours (any prefix), else null. */
function draftJsonFromPart(xml: string): string | null {
  if (!xml.includes(EMBEDDED_DRAFT_NAMESPACE)) return null;
  // Root start tag: the first element after the prolog/comments; tolerate a prefix (`<x:draft xmlns:x=…>`).
  const open = /<(?:([A-Za-z_][\w.-]*):)?draft\b[^>]*>/.exec(xml);
  if (open === null) return null;
  const qname = open[1] !== undefined ? `${open[1]}:${ROOT}` : ROOT;
  if (open[0].endsWith('/>')) return '';
  const start = open.index + open[0].length;
  const end = xml.lastIndexOf(`</${qname}`);
  if (end < start) return null;
  return decodeXmlText(xml.slice(start, end));
}

// ---------------------------------------------------------------------------------------------------------
// Reading, bounded
//
// A file from outside is hostile until read: only the custom XML parts are inflated, each through the
// counting inflater of ./bounded-zip.ts, and the parts together within a budget of their own.

/** Most any draft part may inflate to. A real draft is well under 1 MB (text is capped, see text-limits.ts). */
export const MAX_DRAFT_PART_BYTES = 16 * 1024 * 1024;
/** Most all custom XML parts of one file may inflate to together. */
export const MAX_TOTAL_INFLATED_BYTES = 32 * 1024 * 1024;
/** Custom XML parts looked into; Word keeps a handful. */
const MAX_PARTS_EXAMINED = 32;

export type EmbeddedDraftRead =
  /** The draft JSON of our custom XML part. */
  | { readonly kind: 'found'; readonly json: string; readonly inflatedBytes: number }
  /** A readable zip without our part: a Word file made by something else. */
  | { readonly kind: 'absent'; readonly inflatedBytes: number }
  /** Not a readable zip (cut short, bytes changed), or a part whose compressed data is broken. */
  | { readonly kind: 'damaged'; readonly inflatedBytes: number }
  /**
   * Refused unread: a part inflates past {@link MAX_DRAFT_PART_BYTES} (a zip bomb), the parts together past
   * {@link MAX_TOTAL_INFLATED_BYTES}, or the zip has more than {@link MAX_ZIP_ENTRIES} entries.
   */
  | { readonly kind: 'oversized'; readonly reason: 'part' | 'total' | 'entries'; readonly inflatedBytes: number };

const DRAFT_PART_NAME = /^customXml\/item\d+\.xml$/i;

/**
 * Reads the draft a `.docx` made by this app carries, in bounded time and memory whatever the bytes are.
 * Never throws. Looks at {@link EMBEDDED_DRAFT_PATH} first, then at every other custom XML part (Word
 * renumbers them when it saves). `inflatedBytes` is how much was decompressed, for tests and measurements.
 */
export function readEmbeddedDraft(bytes: Uint8Array): EmbeddedDraftRead {
  const counter = { inflated: 0 };
  try {
    const directory = centralDirectory(bytes);
    if (directory === 'damaged') return { kind: 'damaged', inflatedBytes: 0 };
    if (directory === 'entries') return { kind: 'oversized', reason: 'entries', inflatedBytes: 0 };
    const parts = directory
      .filter((entry) => DRAFT_PART_NAME.test(entry.name))
      .sort((a, b) => (a.name === EMBEDDED_DRAFT_PATH ? -1 : b.name === EMBEDDED_DRAFT_PATH ? 1 : a.name.localeCompare(b.name)))
      .slice(0, MAX_PARTS_EXAMINED);
    for (const entry of parts) {
      const budget = Math.min(MAX_DRAFT_PART_BYTES, MAX_TOTAL_INFLATED_BYTES - counter.inflated);
      const part = inflateEntry(bytes, entry, budget, counter);
      if (!part.ok) {
        return part.kind === 'oversized'
          ? { kind: 'oversized', reason: budget < MAX_DRAFT_PART_BYTES ? 'total' : 'part', inflatedBytes: counter.inflated }
          : { kind: 'damaged', inflatedBytes: counter.inflated };
      }
      const json = draftJsonFromPart(decodePartBytes(part.bytes));
      if (json !== null) return { kind: 'found', json, inflatedBytes: counter.inflated };
    }
    return { kind: 'absent', inflatedBytes: counter.inflated };
  } catch {
    return { kind: 'damaged', inflatedBytes: counter.inflated };
  }
}

/**
 * The draft JSON a `.docx` made by this app carries, or null when there is none or the file is damaged or
 * oversized ({@link readEmbeddedDraft} tells those apart). Never throws.
 */
export function extractEmbeddedDraftJson(docx: Uint8Array): string | null {
  const read = readEmbeddedDraft(docx);
  return read.kind === 'found' ? read.json : null;
}
