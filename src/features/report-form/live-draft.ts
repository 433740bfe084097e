/**
 * The open draft as a value the navigator, the progress bar and the check page can subscribe to,
 * refreshed shortly after typing stops. Typing itself never waits for it: the grid shows its own
 * live messages; this store feeds the parts of the screen that may lag a quarter of a second.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { Finding } from '../../domain/findings.ts';
import { checkDraft } from '../../domain/rules.ts';
import { templateOf } from '../../domain/values.ts';
import { textLimitFindings } from '../../domain/text-limits.ts';
import { narrativeFindings } from '../editor/narrative-checks.ts';

export interface LiveDraftSnapshot {
  readonly draft: Draft;
  readonly findings: readonly Finding[];
}

export function findingsOf(draft: Draft, previous: Draft | null): Finding[] {
  let engine: Finding[];
  try {
    engine = checkDraft(draft, previous);
  } catch {
    // The checks must never take the editor down; the check page then shows no findings.
    engine = [];
  }
  return [...engine, ...narrativeFindings(draft, templateOf(draft), engine), ...textLimitFindings(draft)];
}

export class LiveDraft {
  private snapshot: LiveDraftSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly read: () => Draft,
    private previous: Draft | null,
    private readonly delayMs = 250,
  ) {
    const draft = read();
    this.snapshot = { draft, findings: findingsOf(draft, previous) };
  }

  getSnapshot = (): LiveDraftSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.delayMs);
  }

  setPrevious(previous: Draft | null): void {
    this.previous = previous;
    this.refresh();
  }

  refresh(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const draft = this.read();
    this.snapshot = { draft, findings: findingsOf(draft, this.previous) };
    this.listeners.forEach((listener) => listener());
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
