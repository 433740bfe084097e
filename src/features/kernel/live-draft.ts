/**
 * The open draft as a value the navigator, the progress bar and the check page can subscribe to,
 * refreshed shortly after typing stops. Typing itself never waits for it: the grid shows its own
 * live messages; this store feeds the parts of the screen that may lag a quarter of a second.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { Finding } from '../../domain/findings.ts';
import { reportFindings } from '../../domain/check.ts';

export interface LiveDraftSnapshot {
  readonly draft: Draft;
  readonly findings: readonly Finding[];
}

/**
 * The findings the app shows: the domain's one check, as the final gate and `report check` run it, plus
 * findings about form text the draft cannot hold (`feeInputFindings`), which no file carries.
 */
export function findingsOf(draft: Draft, previous: Draft | null, inputFindings: readonly Finding[] = []): Finding[] {
  let engine: Finding[];
  try {
    engine = reportFindings(draft, previous);
  } catch {
    // The checks must never take the editor down; the check page then shows no findings.
    engine = [];
  }
  return [...engine, ...inputFindings];
}

export class LiveDraft {
  private snapshot: LiveDraftSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly read: () => Draft,
    private previous: Draft | null,
    private readonly delayMs = 250,
    /** Findings about form text the draft cannot hold (`feeInputFindings`). */
    private readonly readInputFindings: () => Finding[] = () => [],
  ) {
    const draft = read();
    this.snapshot = { draft, findings: findingsOf(draft, previous, readInputFindings()) };
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
    this.snapshot = { draft, findings: findingsOf(draft, this.previous, this.readInputFindings()) };
    this.listeners.forEach((listener) => listener());
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
