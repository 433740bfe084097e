/** What every step page of the open draft can reach, without re-rendering on keystrokes. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CellValues, Draft } from '../../domain/draft-types.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import type { Autosave } from '../../storage/autosave.ts';
import type { LastYearChoice } from '../../storage/side-records.ts';
import type { LastYear } from './last-year-source.ts';
import type { LiveDraft, LiveDraftSnapshot } from './live-draft.ts';
import type { StepId } from './steps.ts';

export interface EditorContextValue {
  readonly draftId: string;
  readonly template: ReportTemplate;
  /** Format, year and book-keeping of the open draft (the form holds everything else). */
  readonly base: () => Draft;
  /** The draft as the form holds it right now. */
  readonly currentDraft: () => Draft;
  /** Last year's report as the grid and the checks take it (from `lastYear`). */
  readonly previous: { template: ReportTemplate; values: CellValues } | null;
  /** Last year's report: chosen by the clerk, or the same agency's draft of the year before in this browser. */
  readonly lastYear: LastYear;
  /** Choose last year's report (`undefined`: back to the automatic pick); kept beside the draft. */
  readonly chooseLastYear: (choice: LastYearChoice | undefined) => Promise<void>;
  /** Take review state and settings from `next` (the form keeps the content); saved with the next save. */
  readonly commitMeta: (next: Draft) => void;
  readonly readOnly: boolean;
  readonly live: LiveDraft;
  readonly autosave: Autosave;
  /** Go to a step and, optionally, focus an element there. */
  readonly goTo: (step: StepId, focusId?: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('EditorContext is missing');
  return value;
}

export function useLiveDraft(): LiveDraftSnapshot {
  const { live } = useEditor();
  return useSyncExternalStore(live.subscribe, live.getSnapshot);
}
