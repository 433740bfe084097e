/**
 * Holds the latest `TableAnalysis` of one table and tells subscribers when it changes. One small component
 * (`AnalysisFeed`) watches the form with `useWatch({ compute })` and publishes here; every cell reads only
 * its own `CellView` through `useSyncExternalStore`, so a keystroke re-renders just the cells whose view
 * changed, and the analysis runs once per change rather than once per cell.
 */
import type { TableAnalysis } from './table-analysis.ts';

export interface TableStore {
  get(): TableAnalysis;
  set(next: TableAnalysis): void;
  subscribe(listener: () => void): () => void;
}

export function createTableStore(initial: TableAnalysis): TableStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      if (next === current) return;
      current = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Test hook: called on every render of a grid cell with its key. Null in the app. The component tests use
 * it to guard that typing in one cell does not re-render the others (engineering guide §2a).
 */
export const cellRenderProbe: { current: ((key: string) => void) | null } = { current: null };
