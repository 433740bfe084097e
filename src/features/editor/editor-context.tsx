/** What every step page of the open draft can reach, without re-rendering on keystrokes. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CellValues, Draft } from '../../domain/draft-types.ts';
import type { ReportTemplate } from '../../domain/template-types.ts';
import type { Autosave } from '../../storage/autosave.ts';
import type { LiveDraft, LiveDraftSnapshot } from '../report-form/live-draft.ts';
import type { StepId } from './steps.ts';

export interface EditorContextValue {
  readonly draftId: string;
  readonly template: ReportTemplate;
  /** Format, year and book-keeping of the open draft (the form holds everything else). */
  readonly base: () => Draft;
  /** The draft as the form holds it right now. */
  readonly currentDraft: () => Draft;
  /** Last year's draft of the same agency, when this browser has it (cross-year checks). */
  readonly previous: { template: ReportTemplate; values: CellValues } | null;
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
