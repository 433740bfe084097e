/**
 * DOM ids of the grid's inputs, so that other parts of the app (the 检查与生成 list, findings links) can
 * focus a cell by its key. Keys are camelCase segments joined by dots; dots are awkward in CSS selectors,
 * so they become dashes (keys never contain dashes, so the id stays unique).
 */
export function cellInputId(key: string): string {
  return `cell-${key.replaceAll('.', '-')}`;
}

/**
 * DOM id of the note a reviewer's comment puts beside a cell (`cellId` being the cell's `cellInputId`).
 * The grid lists it in the cell's `aria-describedby` next to its own message, so both are read.
 */
export function cellCommentId(cellId: string): string {
  return `${cellId}-comment`;
}
