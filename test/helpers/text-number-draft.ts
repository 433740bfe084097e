/**
 * A draft for the checks of numbers in the text: every cell of the format 0 except those given, the
 * 信息处理费 figures as given (0 by default), and `text` as 一、（二）依申请公开. The report's year is `year`
 * (by default 2023 for the 2021 format, 2020 for the 2019 format).
 */
import type { Draft, FeeStatement } from '../../src/domain/draft-types.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { emptyDraft, nestTables, templateOf } from '../../src/domain/values.ts';
import { setPartText } from './narrative.ts';

export function draftWith(
  template: '2019' | '2021',
  cells: Readonly<Record<string, number>>,
  text: string,
  fees: FeeStatement = { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 },
  year: number = template === '2019' ? 2020 : 2023,
): Draft {
  const format = templateOf({ template });
  const draft = emptyDraft(format, year, '某某机关');
  const values = Object.fromEntries(indexTemplate(format).cells.map((cell) => [cell.key, cells[cell.key] ?? 0]));
  draft.tables = nestTables(format, values);
  draft.fees = { ...fees };
  setPartText(draft, 'overview', 'onRequest', text);
  return draft;
}
