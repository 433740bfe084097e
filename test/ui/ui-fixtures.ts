/**
 * The sample drafts for DOM tests. (test/helpers/fixtures.ts also resolves file paths with
 * `fileURLToPath(import.meta.url)`, which fails under happy-dom, so the JSON is imported directly.)
 */
import type { Draft } from '../../src/domain/draft-types.ts';
import district2020 from '../fixtures/zhenhai-district-2020.draft.json';
import office2023 from '../fixtures/zhenhai-office-2023.draft.json';

export function office2023Draft(): Draft {
  return structuredClone(office2023) as Draft;
}

export function district2020Draft(): Draft {
  return structuredClone(district2020) as Draft;
}
