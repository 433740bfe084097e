/**
 * Walking a dotted key (`table2.received.natural`, split at the dots) through nested objects: the
 * draft file's `tables` (numbers), the form's `tables` (raw text), one table's value as react-hook-form
 * hands it over. One walker, so every reader agrees on what a missing or malformed level means: nothing
 * is there. Only own properties count, so a key never reads something inherited from Object.prototype.
 */
export interface NestedRecord {
  [key: string]: unknown;
}

function isLevel(value: unknown): value is NestedRecord {
  return typeof value === 'object' && value !== null;
}

/** The value at `path`, or undefined when a level on the way is missing or is not an object. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (!isLevel(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * Sets the value at `path` (at least one segment), making each missing or non-object level on the way
 * `{}`. An inherited level is never written into (so `__proto__` cannot reach Object.prototype).
 */
export function writePath(root: NestedRecord, path: readonly string[], value: unknown): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (!Object.prototype.hasOwnProperty.call(node, segment) || !isLevel(node[segment])) node[segment] = {};
    node = node[segment] as NestedRecord;
  }
  node[path[path.length - 1]!] = value;
}
