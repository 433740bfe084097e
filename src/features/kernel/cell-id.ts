/**
 * DOM ids of the grid's inputs, so that other parts of the app (the 检查与生成 list, findings links) can
 * focus a cell by its key. Keys are camelCase segments joined by dots; dots are awkward in CSS selectors,
 * so they become dashes (keys never contain dashes, so the id stays unique).
 */
export function cellInputId(key: string): string {
  return `cell-${key.replaceAll('.', '-')}`;
}
