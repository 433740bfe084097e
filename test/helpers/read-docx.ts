/**
 * Reads a generated `.docx` back for tests (engineering guide §2d): unzips it with fflate, parses
 * `word/document.xml`, `styles.xml`, the footers and headers, `settings.xml` and `docProps/core.xml` with a
 * small XML parser, and returns what the tests ask about: paragraphs, tables cell by cell (text, gridSpan,
 * vMerge, widths, alignment, run sizes), docDefaults and style fonts, page size, margins, footers.
 *
 * The parser handles what WordprocessingML uses (elements, attributes, text, entities, CDATA); it is not a
 * general XML parser.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlNode | string)[];
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Parses an XML document into its root element. Throws on malformed input (tests want to know). */
export function parseXml(xml: string): XmlNode {
  const stack: { name: string; attrs: Record<string, string>; children: (XmlNode | string)[] }[] = [
    { name: '#document', attrs: {}, children: [] },
  ];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      const closed = stack.pop()!;
      if (closed.name !== m[2]) throw new Error(`XML: </${m[2]}> closes <${closed.name}>`);
      stack[stack.length - 1]!.children.push(closed);
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      for (let a = attrRe.exec(m[4] ?? ''); a !== null; a = attrRe.exec(m[4] ?? '')) {
        attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      const node = { name: m[3], attrs, children: [] as (XmlNode | string)[] };
      if (m[5] === '/') top.children.push(node);
      else stack.push(node);
    } else if (m[6] !== undefined) {
      if (m[6].includes('<') || m[6].includes('>')) throw new Error('XML: stray angle bracket');
      top.children.push(decodeEntities(m[6]));
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> not closed`);
  const root = stack[0]!.children.find((c): c is XmlNode => typeof c !== 'string');
  if (!root) throw new Error('XML: no root element');
  return root;
}

export function elements(node: XmlNode, name?: string): XmlNode[] {
  return node.children.filter((c): c is XmlNode => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node === undefined ? undefined : elements(node, name)[0];
}

/** Every descendant element with this name, in document order (not descending into matches). */
export function descendants(node: XmlNode, name: string, into = false): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) {
        out.push(c);
        if (into) walk(c);
      } else walk(c);
    }
  };
  walk(node);
  return out;
}

/** Text of `w:t` elements below a node (tabs as `\t`, breaks ignored: they only choose where lines wrap). */
export function textOf(node: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t') out += c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (c.name === 'w:tab' && n.name === 'w:r') out += '\t';
      else walk(c);
    }
  };
  walk(node);
  return out;
}

export interface RunInfo {
  readonly text: string;
  readonly fonts: Record<string, string> | undefined;
  readonly size: string | undefined;
}

function runInfo(r: XmlNode): RunInfo {
  const rPr = child(r, 'w:rPr');
  return { text: textOf(r), fonts: child(rPr, 'w:rFonts')?.attrs, size: child(rPr, 'w:sz')?.attrs['w:val'] };
}

export interface ParagraphInfo {
  readonly text: string;
  readonly style: string | undefined;
  readonly alignment: string | undefined;
  readonly indent: Record<string, string> | undefined;
  readonly spacing: Record<string, string> | undefined;
  readonly runs: readonly RunInfo[];
  readonly node: XmlNode;
}

export function paragraphInfo(p: XmlNode): ParagraphInfo {
  const pPr = child(p, 'w:pPr');
  return {
    text: textOf(p),
    style: child(pPr, 'w:pStyle')?.attrs['w:val'],
    alignment: child(pPr, 'w:jc')?.attrs['w:val'],
    indent: child(pPr, 'w:ind')?.attrs,
    spacing: child(pPr, 'w:spacing')?.attrs,
    runs: descendants(p, 'w:r').map(runInfo),
    node: p,
  };
}

export interface CellInfoRead {
  readonly text: string;
  readonly gridSpan: number;
  /** `restart`, `continue`, or null when the cell is not vertically merged. */
  readonly vMerge: 'restart' | 'continue' | null;
  readonly width: number | undefined;
  readonly alignment: string | undefined;
  readonly sizes: readonly (string | undefined)[];
}

export interface RowRead {
  readonly tableHeader: boolean;
  readonly cantSplit: boolean;
  readonly cells: readonly CellInfoRead[];
}

export interface TableRead {
  readonly gridCols: readonly number[];
  readonly width: Record<string, string> | undefined;
  readonly layout: string | undefined;
  readonly rows: readonly RowRead[];
}

function onOff(node: XmlNode | undefined): boolean {
  if (node === undefined) return false;
  const v = node.attrs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}

function tableRead(tbl: XmlNode): TableRead {
  const tblPr = child(tbl, 'w:tblPr');
  return {
    gridCols: elements(child(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => Number(g.attrs['w:w'])),
    width: child(tblPr, 'w:tblW')?.attrs,
    layout: child(tblPr, 'w:tblLayout')?.attrs['w:type'],
    rows: elements(tbl, 'w:tr').map((tr) => {
      const trPr = child(tr, 'w:trPr');
      return {
        tableHeader: onOff(child(trPr, 'w:tblHeader')),
        cantSplit: onOff(child(trPr, 'w:cantSplit')),
        cells: elements(tr, 'w:tc').map((tc) => {
          const tcPr = child(tc, 'w:tcPr');
          const vMerge = child(tcPr, 'w:vMerge');
          const w = child(tcPr, 'w:tcW')?.attrs['w:w'];
          const paragraphs = elements(tc, 'w:p').map(paragraphInfo);
          return {
            text: paragraphs.map((p) => p.text).join('\n'),
            gridSpan: Number(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1),
            vMerge: vMerge === undefined ? null : vMerge.attrs['w:val'] === 'restart' ? 'restart' : 'continue',
            width: w === undefined ? undefined : Number(w),
            alignment: paragraphs[0]?.alignment,
            sizes: paragraphs.flatMap((p) => p.runs.map((r) => r.size)),
          };
        }),
      };
    }),
  };
}

export interface HeaderFooterRead {
  /** `default` (odd pages when even/odd differ) or `even` or `first`. */
  readonly type: string;
  readonly paragraphs: readonly ParagraphInfo[];
  readonly text: string;
  /** Field instructions (`PAGE`) found in the part. */
  readonly fields: readonly string[];
}

export interface DocxRead {
  readonly files: Readonly<Record<string, Uint8Array>>;
  readonly xml: (path: string) => string;
  readonly document: XmlNode;
  readonly body: XmlNode;
  /** Paragraphs of the body outside tables, in order. */
  readonly paragraphs: readonly ParagraphInfo[];
  readonly tables: readonly TableRead[];
  /** Body blocks in order: a paragraph or the index of a table. */
  readonly blocks: readonly ({ kind: 'p'; p: ParagraphInfo } | { kind: 'table'; index: number })[];
  readonly docDefaults: {
    fonts: Record<string, string> | undefined;
    size: string | undefined;
    /** Run character spacing (`w:rPr/w:spacing/@w:val`, twips). */
    characterSpacing: string | undefined;
    spacing: Record<string, string> | undefined;
  };
  readonly styles: ReadonlyMap<string, XmlNode>;
  readonly pgSz: Record<string, string>;
  readonly pgMar: Record<string, string>;
  readonly docGrid: Record<string, string> | undefined;
  readonly footers: readonly HeaderFooterRead[];
  readonly headers: readonly HeaderFooterRead[];
  readonly evenAndOddHeaders: boolean;
  readonly core: { title: string; creator: string; description: string };
}

function headerFooterParts(
  files: Readonly<Record<string, Uint8Array>>,
  sectPr: XmlNode,
  kind: 'w:footerReference' | 'w:headerReference',
): HeaderFooterRead[] {
  const rels = parseXml(strFromU8(files['word/_rels/document.xml.rels']!));
  const targets = new Map(elements(rels, 'Relationship').map((r) => [r.attrs['Id']!, r.attrs['Target']!]));
  return elements(sectPr, kind).map((ref) => {
    const target = targets.get(ref.attrs['r:id']!)!;
    const root = parseXml(strFromU8(files[`word/${target}`]!));
    const paragraphs = descendants(root, 'w:p').map(paragraphInfo);
    return {
      type: ref.attrs['w:type'] ?? 'default',
      paragraphs,
      text: paragraphs.map((p) => p.text).join('\n'),
      fields: descendants(root, 'w:instrText').map((n) => n.children.filter((c): c is string => typeof c === 'string').join('').trim()),
    };
  });
}

export function readDocx(bytes: Uint8Array): DocxRead {
  const files = unzipSync(bytes);
  const xml = (path: string): string => {
    const f = files[path];
    if (f === undefined) throw new Error(`docx has no ${path}`);
    return strFromU8(f);
  };
  const document = parseXml(xml('word/document.xml'));
  const body = child(document, 'w:body')!;
  const blocks: DocxRead['blocks'][number][] = [];
  const tables: TableRead[] = [];
  for (const node of elements(body)) {
    if (node.name === 'w:p') blocks.push({ kind: 'p', p: paragraphInfo(node) });
    else if (node.name === 'w:tbl') {
      blocks.push({ kind: 'table', index: tables.length });
      tables.push(tableRead(node));
    }
  }
  const styles = parseXml(xml('word/styles.xml'));
  const rPrDefault = child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const pPrDefault = child(child(child(styles, 'w:docDefaults'), 'w:pPrDefault'), 'w:pPr');
  const sectPr = child(body, 'w:sectPr')!;
  const settings = parseXml(xml('word/settings.xml'));
  const core = parseXml(xml('docProps/core.xml'));
  const coreText = (name: string) => textOf({ name: 'x', attrs: {}, children: [{ name: 'w:t', attrs: {}, children: child(core, name)?.children ?? [] }] });
  return {
    files,
    xml,
    document,
    body,
    paragraphs: blocks.flatMap((b) => (b.kind === 'p' ? [b.p] : [])),
    tables,
    blocks,
    docDefaults: {
      fonts: child(rPrDefault, 'w:rFonts')?.attrs,
      size: child(rPrDefault, 'w:sz')?.attrs['w:val'],
      characterSpacing: child(rPrDefault, 'w:spacing')?.attrs['w:val'],
      spacing: child(pPrDefault, 'w:spacing')?.attrs,
    },
    styles: new Map(elements(styles, 'w:style').map((s) => [s.attrs['w:styleId']!, s])),
    pgSz: child(sectPr, 'w:pgSz')!.attrs,
    pgMar: child(sectPr, 'w:pgMar')!.attrs,
    docGrid: child(sectPr, 'w:docGrid')?.attrs,
    footers: headerFooterParts(files, sectPr, 'w:footerReference'),
    headers: headerFooterParts(files, sectPr, 'w:headerReference'),
    evenAndOddHeaders: onOff(child(settings, 'w:evenAndOddHeaders')),
    core: { title: coreText('dc:title'), creator: coreText('dc:creator'), description: coreText('dc:description') },
  };
}
