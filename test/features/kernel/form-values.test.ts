import { describe, expect, it } from 'vitest';
import { report2021 } from '../../../templates/report-2021.ts';
import { emptyDraft, flattenTables, nestTables, templateOf } from '../../../src/domain/values.ts';
import type { Draft } from '../../../src/domain/draft-types.ts';
import { computeTotals } from '../../../src/domain/totals.ts';
import {
  draftToFormValues,
  formValuesToDraft,
  rawCellValue,
  unparsedInputs,
  type RawNested,
} from '../../../src/features/kernel/form-values.ts';
import { district2020Draft, office2023Draft } from '../../ui/ui-fixtures.ts';

/** The draft as the app stores it: totals recomputed (the fixtures balance, so nothing changes). */
function normalised(draft: Draft): Draft {
  const template = templateOf(draft);
  return { ...draft, tables: nestTables(template, computeTotals(template, flattenTables(template, draft.tables))) };
}

function setRaw(tables: Record<string, RawNested>, key: string, value: string) {
  const path = key.split('.');
  let node: RawNested = tables;
  for (const segment of path.slice(0, -1)) node = node[segment] as RawNested;
  node[path[path.length - 1]!] = value;
}

describe('draft ⇄ form values', () => {
  it.each([
    ['2023 office (2021 format)', office2023Draft],
    ['2020 district (2019 format)', district2020Draft],
  ])('round-trips %s exactly', (_, make) => {
    const draft = normalised(make());
    expect(formValuesToDraft(draftToFormValues(draft), draft)).toEqual(draft);
  });

  it('round-trips an empty draft: untouched cells stay null, never 0', () => {
    const draft = emptyDraft(report2021, 2025, '某某县教育局', new Date('2026-01-05T08:00:00Z'));
    const back = formValuesToDraft(draftToFormValues(draft), draft);
    expect(back).toEqual(draft);
    expect(Object.values(flattenTables(report2021, back.tables)).every((value) => value === null)).toBe(true);
  });

  it('keeps table cells as raw strings at tables.<cell key>', () => {
    const values = draftToFormValues(office2023Draft());
    expect(rawCellValue(values, 'applications.newReceived.naturalPerson')).toBe('36');
    expect(rawCellValue(values, 'applications.denied.stateSecret.naturalPerson')).toBe('0');
    expect(typeof values.tables.applications).toBe('object');
  });

  it('parses what a Chinese IME types (full-width digits) and recomputes the totals from the inputs', () => {
    const base = emptyDraft(report2021, 2025, '某某县教育局');
    const values = draftToFormValues(base);
    setRaw(values.tables, 'applications.newReceived.naturalPerson', '１２');
    setRaw(values.tables, 'applications.newReceived.commercial', '3');
    // A stale total typed into a computed cell is ignored: totals come from the parts.
    setRaw(values.tables, 'applications.newReceived.total', '999');
    const draft = formValuesToDraft(values, base);
    const flat = flattenTables(report2021, draft.tables);
    expect(flat['applications.newReceived.naturalPerson']).toBe(12);
    expect(flat['applications.newReceived.total']).toBe(15);
    expect(flat['applications.carriedOver.total']).toBeNull();
  });

  it('stores text that is not a number as untouched, and keeps it aside to restore it as typed', () => {
    const base = emptyDraft(report2021, 2025, '某某县教育局');
    const values = draftToFormValues(base);
    setRaw(values.tables, 'applications.newReceived.naturalPerson', '12a');
    values.fees.collectedAmount = '一百';
    const draft = formValuesToDraft(values, base);
    expect(flattenTables(report2021, draft.tables)['applications.newReceived.naturalPerson']).toBeNull();
    expect(draft.fees.collectedAmount).toBeNull();
    const kept = unparsedInputs(values, base);
    expect(kept).toEqual({ 'applications.newReceived.naturalPerson': '12a', 'fees.collectedAmount': '一百' });
    const restored = draftToFormValues(draft, kept);
    expect(rawCellValue(restored, 'applications.newReceived.naturalPerson')).toBe('12a');
    expect(restored.fees.collectedAmount).toBe('一百');
  });

  it('reads the same text by the kind of cell it is in, again and again (an amount may have decimals, a count not)', () => {
    const base = emptyDraft(report2021, 2025, '某某县教育局');
    const values = draftToFormValues(base);
    for (const text of ['1.5', '2.25', '1.5']) {
      setRaw(values.tables, 'proactive.fees.amount', text);
      setRaw(values.tables, 'applications.newReceived.naturalPerson', text);
      const flat = flattenTables(report2021, formValuesToDraft(values, base).tables);
      expect(flat['proactive.fees.amount']).toBe(Number(text));
      expect(flat['applications.newReceived.naturalPerson']).toBeNull();
      expect(unparsedInputs(values, base)).toEqual({ 'applications.newReceived.naturalPerson': text });
    }
    setRaw(values.tables, 'applications.newReceived.naturalPerson', '15');
    expect(flattenTables(report2021, formValuesToDraft(values, base).tables)['applications.newReceived.total']).toBe(15);
    expect(unparsedInputs(values, base)).toEqual({});
  });

  it('carries the narrative, fees, signature and agency through, and keeps what the form does not edit', () => {
    const base = office2023Draft();
    const values = draftToFormValues(base);
    values.narrative.overview!.parts.unshift({ partId: 'p1', topic: null, title: '新增小标题', text: '新增内容', generated: [] });
    values.narrative.problems!.style = 'leadIns';
    values.fees = { noticesIssued: '2', noticesAmount: '300', collectedAmount: '100.5' };
    values.signature = { include: true, date: '2024-01-20' };
    values.agency.phone = '0574-1';
    const draft = formValuesToDraft(values, base);
    expect(draft.narrative.overview?.parts[0]).toEqual({ id: 'p1', topic: null, title: '新增小标题', text: '新增内容' });
    expect(draft.narrative.overview?.parts.slice(1).map((part) => part.id)).toEqual(base.narrative.overview?.parts.map((part) => part.id));
    expect(draft.narrative.problems?.style).toBe('leadIns');
    expect(draft.fees).toEqual({ noticesIssued: 2, noticesAmount: 300, collectedAmount: 100.5 });
    expect(draft.signature).toEqual({ include: true, date: '2024-01-20' });
    expect(draft.agency.phone).toBe('0574-1');
    expect([draft.template, draft.year, draft.meta]).toEqual([base.template, base.year, base.meta]);
  });
});
