import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { reportFindings } from '../../src/domain/check.ts';
import { storedTotalDisagreements, storedTotalMessage } from '../../src/domain/stored-totals.ts';

const fixture = readFileSync(new URL('../fixtures/zhenhai-office-2023.draft.json', import.meta.url), 'utf8');

function readWith(edit: (file: { tables: { applications: Record<string, Record<string, number | null>> } }) => void) {
  const file = JSON.parse(fixture);
  edit(file);
  const read = readDraftJson(JSON.stringify(file));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.draft;
}

describe('totals in a file that disagree with their parts', () => {
  it('finds none in a published report whose totals add up', () => {
    expect(storedTotalDisagreements(readWith(() => undefined))).toEqual([]);
  });

  it('names the total, the value in the file and the sum the app will show', () => {
    // The published 本年新收 row: 36 + 16 + 0 + 0 + 0 + 0 = 52; the file says 55.
    const draft = readWith((file) => {
      file.tables.applications.newReceived!.total = 55;
    });
    const found = storedTotalDisagreements(draft);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: 'applications.newReceived.total', stored: 55, computed: 52 });
    expect(storedTotalMessage(found[0]!)).toBe('表三“一、本年新收政府信息公开申请数量 / 总计”：文件中为 55，各项之和为 52');
    // The command line's check reports the same total as an error: the app's notice and `report check` agree.
    const errors = reportFindings(draft).filter((finding) => finding.severity === 'error');
    expect(errors.some((finding) => finding.cells.includes('applications.newReceived.total'))).toBe(true);
  });

  it('reports a total given for a row whose parts are all blank', () => {
    const draft = readWith((file) => {
      const row = file.tables.applications.newReceived!;
      for (const key of Object.keys(row)) row[key] = null;
      row.total = 7;
    });
    const found = storedTotalDisagreements(draft).find((item) => item.key === 'applications.newReceived.total');
    expect(found).toMatchObject({ stored: 7, computed: null });
    expect(storedTotalMessage(found!)).toContain('各项均未填写');
  });

  it('does not count a total the file leaves blank', () => {
    const draft = readWith((file) => {
      file.tables.applications.newReceived!.total = null;
    });
    expect(storedTotalDisagreements(draft).map((item) => item.key)).not.toContain('applications.newReceived.total');
  });
});
