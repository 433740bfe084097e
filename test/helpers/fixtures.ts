/**
 * Two published reports (a district government 2020, 2019 format; an office 2023, 2021 format) as drafts in
 * test/fixtures/ (transcribed, both balance), for any test.
 * Each call returns a fresh deep copy, so a test may change cells without affecting another.
 */
import { fileURLToPath } from 'node:url';
import { migrateFileFormat } from '../../src/domain/draft-migration.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import district2020 from '../fixtures/zhenhai-district-2020.draft.json';
import office2023 from '../fixtures/zhenhai-office-2023.draft.json';

/** 宁波市镇海区人民政府办公室 2023 (sample 003), 2021 format. */
export const OFFICE_2023_PATH = fileURLToPath(new URL('../fixtures/zhenhai-office-2023.draft.json', import.meta.url));
/** 宁波市镇海区人民政府 2020 (sample 000, national tables only), 2019 format. */
export const DISTRICT_2020_PATH = fileURLToPath(new URL('../fixtures/zhenhai-district-2020.draft.json', import.meta.url));

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
