/**
 * HTML → DOM in Node, for the import: linkedom gives the DOM members the browser's DOMParser gives, so
 * the reader in src/domain/import is the same code in both.
 *
 * linkedom's parser (htmlparser2) slows down with the square of the nesting depth (200,000 nested
 * `<div>`s took over a minute), so a page nested deeper than any real page is refused before parsing.
 * Browsers cap the depth themselves, so the app needs no such guard.
 */
import { DOMParser } from 'linkedom';
import { importHtmlDocument, type HtmlNode, type ImportResult } from '../domain/import/index.ts';

/** Real report pages nest a few dozen levels; the Word-export markup of a table adds a handful. */
export const MAX_HTML_DEPTH = 2000;

/** Elements that never hold content, or whose end tag is commonly left out: they do not nest. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'td', 'th', 'tr', 'option', 'dd', 'dt', 'tbody', 'thead', 'tfoot', 'colgroup',
]);

/** The deepest nesting of elements in the text, counted from its tags (a linear scan). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
    const name = match[2]!.toLowerCase();
    if (NOT_NESTING.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

export function parseHtml(text: string): HtmlNode {
  return new DOMParser().parseFromString(text, 'text/html') as unknown as HtmlNode;
}

/** A report page's text imported as the app imports it, refused unparsed when nested past MAX_HTML_DEPTH. */
export function importWebPage(text: string): ImportResult {
  if (nestingDepth(text) > MAX_HTML_DEPTH) {
    return { ok: false, message: `这个网页的标签嵌套超过 ${MAX_HTML_DEPTH} 层，不是正常的网页（可能是恶意构造的文件），已拒绝。` };
  }
  return importHtmlDocument(parseHtml(text));
}
