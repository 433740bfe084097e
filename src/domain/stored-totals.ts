/**
 * Totals in a draft file that disagree with the sum of their parts. The app computes every total (总计)
 * from its parts and does not let it be typed, so a file from another system, or edited by hand, whose
 * total disagrees opens showing the sum instead. That must not pass silently: a total that disagrees
 * usually means a part was mistyped, and public/draft-format.md promises the disagreement is reported, not
 * quietly changed. `report check` reports the same totals as errors of their relation rules.
 */
import type { Draft } from './draft-types.ts';
import { indexTemplate, tableTitle } from './template.ts';
import { computeTotals } from './totals.ts';
import { flattenTables, templateOf } from './values.ts';

export interface StoredTotalDisagreement {
  /** Dotted cell key of the total, e.g. `applications.newReceived.total`. */
  readonly key: string;
  /** Where it is, in Chinese: `表三“一、本年新收政府信息公开申请数量 / 总计”`. */
  readonly place: string;
  /** The value the file holds. */
  readonly stored: number;
  /** The sum of its parts, as the app shows it; `null` when every part is blank. */
  readonly computed: number | null;
}

/** Every computed cell whose value in the file is a number other than the sum of its parts, in table order. */
export function storedTotalDisagreements(draft: Draft): StoredTotalDisagreement[] {
  const template = templateOf(draft);
  const stored = flattenTables(template, draft.tables ?? {});
  const computed = computeTotals(template, stored);
  const result: StoredTotalDisagreement[] = [];
  for (const cell of indexTemplate(template).cells) {
    if (!cell.computed) continue;
    const value = stored[cell.key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const sum = computed[cell.key];
    const sumValue = typeof sum === 'number' ? sum : null;
    if (sumValue === value) continue;
    // Named as a file's problems are (draft-file.ts placeName), without loading the file reader and its schema.
    const label = [cell.rowLabel, cell.columnLabel].filter((part) => part !== '').join(' / ');
    result.push({ key: cell.key, place: `${tableTitle(template, cell.table)}“${label}”`, stored: value, computed: sumValue });
  }
  return result;
}

/** One line per disagreement for the notice shown when such a file is opened. */
export function storedTotalMessage(disagreement: StoredTotalDisagreement): string {
  const sum = disagreement.computed === null ? '各项均未填写' : `各项之和为 ${disagreement.computed}`;
  return `${disagreement.place}：文件中为 ${disagreement.stored}，${sum}`;
}
