/**
 * HTML → DOM in Node, for the import: linkedom gives the DOM members the browser's DOMParser gives, so
 * the reader in src/domain/import is the same code in both.
 */
import { DOMParser } from 'linkedom';
import type { HtmlNode } from '../domain/import/index.ts';

export function parseHtml(text: string): HtmlNode {
  return new DOMParser().parseFromString(text, 'text/html') as unknown as HtmlNode;
}
