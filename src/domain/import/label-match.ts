/**
 * Matching a printed label to the format's label, tolerating what published reports do to labels:
 * numbering variants (`1、` `1．` `(一)`), spaces, full-width/half-width punctuation, a dropped
 * parenthetical and typos (`2.其他法律行政止公开`). Labels are normalised, then compared by edit distance
 * with a threshold; a match that is not exact is reported to the clerk as a guess.
 */

/** Leading numbering: `一、` `（一）` `(1)` `1.` `1、` `1．` `第一`. */
const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．,，]?)/;
const PUNCTUATION = /[\s\u00a0\u3000“”"'‘’「」『』：:、，,。.．;；·•*＊]/g;
const PARENTHETICAL = /[（(][^（()）]*[)）]/g;

function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (char) => (char === '（' || char === '）' ? char : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

/** Cores already computed: the format's labels are compared with every printed cell. */
const cores = new Map<string, string>();
const MAX_CACHED_CORES = 10_000;

/** The label's words: numbering, spaces and punctuation removed. */
export function labelCore(label: string): string {
  const cached = cores.get(label);
  if (cached !== undefined) return cached;
  const core = computeCore(label);
  if (cores.size < MAX_CACHED_CORES) cores.set(label, core);
  return core;
}

function computeCore(label: string): string {
  const text = toHalfWidth(label.replace(/[\s\u00a0\u3000]+/g, '')).replace(/\(/g, '（').replace(/\)/g, '）');
  return text.replace(NUMBERING, '').replace(PUNCTUATION, '');
}

/** The core without parenthetical remarks (`部分公开（区分处理的……）` → `部分公开`). */
function withoutRemarks(core: string): string {
  return core.replace(PARENTHETICAL, '');
}

/** Levenshtein distance, stopping early once it exceeds `limit` (labels are short). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length]!;
}

export type LabelMatch<T> = { readonly item: T; readonly exact: boolean };

/** Share of a label's characters that may differ for a guess: about one character in three. */
const GUESS_RATIO = 0.34;

/**
 * The candidate whose label the printed text stands for: exact after normalising (with or without
 * parenthetical remarks), else the single nearest within the threshold. `undefined` when none is near
 * enough, or two are equally near (no guessing between them).
 */
export function matchLabel<T>(printed: string, candidates: readonly T[], labelOf: (item: T) => string): LabelMatch<T> | undefined {
  const core = labelCore(printed);
  if (core === '') return undefined;
  const bare = withoutRemarks(core);
  const forms = (item: T) => {
    const own = labelCore(labelOf(item));
    return [own, withoutRemarks(own)];
  };
  for (const item of candidates) {
    const [own, ownBare] = forms(item);
    if (core === own || (bare !== '' && bare === ownBare)) return { item, exact: true };
  }
  let best: { item: T; distance: number } | undefined;
  let tie = false;
  for (const item of candidates) {
    const [own, ownBare] = forms(item);
    const limit = Math.max(1, Math.floor([...own!].length * GUESS_RATIO));
    const distance = Math.min(editDistance(core, own!, limit), bare === '' ? limit + 1 : editDistance(bare, ownBare!, limit));
    if (distance > limit) continue;
    if (!best || distance < best.distance) {
      best = { item, distance };
      tie = false;
    } else if (distance === best.distance) tie = true;
  }
  return best && !tie ? { item: best.item, exact: false } : undefined;
}
