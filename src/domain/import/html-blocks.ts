/**
 * A web page (saved by the browser, or HTML pasted from the clipboard) → paragraphs and tables. Written
 * against the few DOM members that the browser's DOMParser and linkedom (in Node) both provide, so the
 * app and the command line read a page the same way. The walk keeps its own stack: a hostile page nested
 * a hundred thousand levels deep cannot overflow the call stack.
 */
import { cellText, paragraphText, type Block, type SourceCell } from './blocks.ts';

/** The DOM members the reader uses (a subset of `Node`/`Element`). */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never report text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME', 'SVG', 'OBJECT', 'TEXTAREA', 'INPUT']);
/** Elements that end a line of text (a paragraph break). */
const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'NAV',
  'ASIDE', 'MAIN', 'BLOCKQUOTE', 'PRE', 'CENTER', 'DD', 'DT', 'DL', 'FORM', 'TITLE', 'BODY', 'HTML', 'ADDRESS', 'FIGURE',
  'FIGCAPTION', 'CAPTION', 'HR', 'TR', 'TD', 'TH',
]);

/** Upper bound of the cells read from one page; a report has about 250. */
const MAX_CELLS = 100_000;

function nameOf(node: HtmlNode): string {
  return node.nodeName.toUpperCase();
}

function spanOf(node: HtmlNode, attribute: string): number {
  const value = Number.parseInt(node.getAttribute?.(attribute) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

/**
 * A node's children, read once: linkedom builds `childNodes` anew on every access, so indexing it in a
 * loop would be quadratic.
 */
function childrenOf(node: HtmlNode): HtmlNode[] {
  return Array.from(node.childNodes);
}

/** Pushes the children in reverse, so that they are popped in document order. */
function pushChildren(stack: (HtmlNode | null)[], node: HtmlNode): void {
  const children = childrenOf(node);
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}

/** All text below a node (its own stack), skipping scripts and styles. */
function textBelow(root: HtmlNode): string {
  const parts: string[] = [];
  const stack: (HtmlNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) continue;
    if (node.nodeType === TEXT) parts.push(node.nodeValue ?? '');
    else if ((node.nodeType === ELEMENT && !SKIPPED.has(nameOf(node))) || node.nodeType === 9 || node.nodeType === 11) {
      pushChildren(stack, node);
    }
  }
  return parts.join('');
}

/** The rows of a table element: its own `tr`s, directly or under thead/tbody/tfoot (not a nested table's). */
function tableRows(table: HtmlNode, budget: { cells: number }): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const addRow = (tr: HtmlNode) => {
    const cells: SourceCell[] = [];
    for (const cell of childrenOf(tr)) {
      const name = nameOf(cell);
      if (cell.nodeType !== ELEMENT || (name !== 'TD' && name !== 'TH')) continue;
      if (budget.cells-- <= 0) break;
      cells.push({ text: cellText(textBelow(cell)), colSpan: spanOf(cell, 'colspan'), rowSpan: spanOf(cell, 'rowspan') });
    }
    rows.push(cells);
  };
  for (const child of childrenOf(table)) {
    const name = nameOf(child);
    if (name === 'TR') addRow(child);
    else if (name === 'THEAD' || name === 'TBODY' || name === 'TFOOT') {
      for (const row of childrenOf(child)) if (nameOf(row) === 'TR') addRow(row);
    }
  }
  return rows;
}

/** The page's paragraphs and tables in reading order. `root` is the document (or any element of it). */
export function htmlBlocks(root: HtmlNode): Block[] {
  const blocks: Block[] = [];
  let line: string[] = [];
  const flush = () => {
    if (line.length === 0) return;
    const text = paragraphText(line.join(''));
    line = [];
    if (text !== '') blocks.push({ kind: 'paragraph', text });
  };
  const budget = { cells: MAX_CELLS };
  // `null` marks the end of a block element: the line is flushed when its content has been walked.
  const stack: (HtmlNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      line.push(node.nodeValue ?? '');
      continue;
    }
    const isContainer = node.nodeType === 9 || node.nodeType === 11;
    if (node.nodeType !== ELEMENT && !isContainer) continue;
    const name = isContainer ? '' : nameOf(node);
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      flush();
      continue;
    }
    if (name === 'TABLE') {
      flush();
      const rows = tableRows(node, budget);
      if (rows.length > 0) blocks.push({ kind: 'table', rows });
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push(null);
    }
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}
