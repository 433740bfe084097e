/**
 * Zip bombs for the hostile-file tests, built in the test rather than stored: a `.docx`-shaped zip whose
 * `customXml/item1.xml` is a deflate stream of one byte repeated `inflatedBytes` times.
 *
 * The deflate stream is written by hand (one fixed-Huffman block: a literal, then matches of length 258 at
 * distance 1, 13 bits each), so a gigabyte costs 6.5 MB of compressed bytes and milliseconds to build,
 * where compressing a gigabyte of zeros would take the test seconds.
 */

class BitWriter {
  private bytes: Uint8Array;
  private bitLength = 0;
  constructor(capacityBytes: number) {
    this.bytes = new Uint8Array(capacityBytes);
  }
  /** `count` bits of `value`, least significant first (deflate's bit order for header fields). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >>> i) & 1);
  }
  /** A Huffman code, most significant bit first (deflate's order for codes). */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }
  private bit(b: number): void {
    if (b) this.bytes[this.bitLength >>> 3]! |= 1 << (this.bitLength & 7);
    this.bitLength++;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, (this.bitLength + 7) >>> 3);
  }
}

/** Raw deflate data that inflates to `byte` repeated `length` times (length ≥ 1). */
export function repeatedByteDeflate(byte: number, length: number): Uint8Array {
  const matches = Math.floor((length - 1) / 258);
  const rest = (length - 1) % 258;
  const writer = new BitWriter(Math.ceil((matches * 13 + rest * 9 + 64) / 8));
  writer.bits(1, 1); // BFINAL
  writer.bits(1, 2); // BTYPE = 01, fixed Huffman
  // Fixed literal codes: 0–143 are 8 bits from 0x30.
  const literal = (value: number) => (value < 144 ? writer.code(0x30 + value, 8) : writer.code(0x190 + value - 144, 9));
  literal(byte);
  for (let i = 0; i < matches; i++) {
    writer.code(0xc5, 8); // length code 285 = 258 (codes 280–287 are 8 bits from 0xC0)
    writer.code(0, 5); // distance code 0 = 1
  }
  for (let i = 0; i < rest; i++) literal(byte);
  writer.code(0, 7); // end of block (256)
  return writer.done();
}

interface Entry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly data: Uint8Array;
  /** What the central directory claims the entry inflates to. */
  readonly declaredSize: number;
}

const encoder = new TextEncoder();

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A zip of the given entries (no CRC: the reader under test must refuse before it could check one). */
export function zipOf(entries: readonly Entry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const declared = Math.min(entry.declaredSize, 0xfffffffe);
    const header = new Uint8Array([
      ...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(entry.method), ...u16(0), ...u16(0),
      ...u32(0), ...u32(entry.data.length), ...u32(declared), ...u16(name.length), ...u16(0), ...name,
    ]);
    central.push(
      ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(entry.method), ...u16(0), ...u16(0),
      ...u32(0), ...u32(entry.data.length), ...u32(declared), ...u16(name.length), ...u16(0), ...u16(0),
      ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name,
    );
    chunks.push(header, entry.data);
    offset += header.length + entry.data.length;
  }
  const eocd = [
    ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length),
    ...u32(central.length), ...u32(offset), ...u16(0),
  ];
  chunks.push(new Uint8Array(central), new Uint8Array(eocd));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const stored = (name: string, text: string): Entry => {
  const data = encoder.encode(text);
  return { name, method: 0, data, declaredSize: data.length };
};

/**
 * A `.docx`-shaped zip whose draft part inflates to `inflatedBytes` bytes of spaces. By default the central
 * directory tells the truth about the size; `declaredSize` makes it lie (a bomb that claims to be small).
 */
export function zipBombDocx(inflatedBytes: number, options: { declaredSize?: number } = {}): Uint8Array {
  return zipOf([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    stored('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    { name: 'customXml/item1.xml', method: 8, data: repeatedByteDeflate(0x20, inflatedBytes), declaredSize: options.declaredSize ?? inflatedBytes },
  ]);
}

/** A zip holding `count` empty stored entries: too many for a report. */
export function manyEntriesZip(count: number): Uint8Array {
  return zipOf(Array.from({ length: count }, (_, i) => ({ name: `f${i}.xml`, method: 0 as const, data: new Uint8Array(0), declaredSize: 0 })));
}
