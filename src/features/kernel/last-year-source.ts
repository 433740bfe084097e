/**
 * Which report is "last year's" for a draft. The clerk's choice (a file, or another draft in this
 * browser, kept with a copy beside the draft: src/storage/side-records.ts) wins; without one, the
 * draft of the same agency for the year before, when this browser has it; `none` turns both off.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { DraftRepository } from '../../storage/draft-repository.ts';
import type { LastYearChoice } from '../../storage/side-records.ts';

export interface LastYear {
  /** The report compared with, or null. */
  readonly draft: Draft | null;
  /** How it was found: chosen (file / stored), found automatically, or turned off. */
  readonly source: 'file' | 'stored' | 'auto' | 'none';
  /** The file's name (file), for the screen. */
  readonly fileName?: string;
  /** The stored draft's id (stored, auto). */
  readonly draftId?: string;
  /** A stored draft chosen earlier is gone from this browser: the copy kept at the time is used. */
  readonly fromCopy?: boolean;
}

export const NO_LAST_YEAR: LastYear = { draft: null, source: 'none' };

export async function resolveLastYear(
  repository: DraftRepository,
  draftId: string,
  draft: Draft,
  choice?: LastYearChoice,
): Promise<LastYear> {
  const chosen = choice ?? (await repository.getLastYear(draftId).catch(() => undefined));
  if (chosen?.kind === 'none') return NO_LAST_YEAR;
  if (chosen?.kind === 'file') return { draft: chosen.draft, source: 'file', fileName: chosen.fileName };
  if (chosen?.kind === 'stored') {
    // The stored draft may have been corrected since it was picked: use it as it is now.
    const stored = await repository.get(chosen.draftId).catch(() => undefined);
    return stored
      ? { draft: stored.draft, source: 'stored', draftId: stored.id }
      : { draft: chosen.draft, source: 'stored', draftId: chosen.draftId, fromCopy: true };
  }
  const found = await repository.findByAgencyYear(draft.agency.name, draft.year - 1).catch(() => undefined);
  return found && found.id !== draftId ? { draft: found.draft, source: 'auto', draftId: found.id } : { draft: null, source: 'auto' };
}
