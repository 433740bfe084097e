/**
 * The draft file (.json) on demand. The reader/writer carries the file schema (zod) and the .docx
 * unzipper, so it is loaded the first time a file is opened or downloaded, not with the app.
 */
import type { Draft } from '../../domain/draft-types.ts';
import { downloadFile, JSON_MIME } from './download.ts';

export function loadDraftFileModule() {
  return import('../../domain/draft-file.ts');
}

export async function downloadDraftFile(draft: Draft): Promise<void> {
  const { serializeDraft, draftFileName } = await loadDraftFileModule();
  downloadFile(serializeDraft(draft), draftFileName(draft), JSON_MIME);
}
