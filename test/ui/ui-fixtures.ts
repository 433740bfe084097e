/**
 * The sample drafts for DOM tests. (test/helpers/fixtures.ts also resolves file paths with
 * `fileURLToPath(import.meta.url)`, which fails under happy-dom, so the JSON is imported directly.)
 */
import { migrateFileFormat } from '../../src/domain/draft-migration.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import district2020 from '../fixtures/zhenhai-district-2020.draft.json';
import office2023 from '../fixtures/zhenhai-office-2023.draft.json';

/**
 * The fixture files are drafts as the app wrote them before the draft recorded its format's revision
 * (draft format 1), kept as they were; they are brought up to the current draft format as the reader does.
 */
function read(fixture: Record<string, unknown>): Draft {
  return migrateFileFormat(structuredClone(fixture)) as unknown as Draft;
}

export function office2023Draft(): Draft {
  return read(office2023);
}

export function district2020Draft(): Draft {
  return read(district2020);
}
