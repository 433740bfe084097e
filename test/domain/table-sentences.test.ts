// @vitest-environment node
/**
 * Sentences from the tables, against the published reports the fixtures transcribe: sample 003 (2023)
 * writes “受理依申请公开52件，已办结50件，2件结转下年度继续办理。…50件申请中20件予以公开…26件属于本机关不掌握或
 * 没有现成信息…无因政府信息公开引起的行政复议或诉讼”, sample 000 (2020) “受理依申请公开93件，其中，已办结88件，
 * 结转下年度办理5件；因政府信息公开引起的行政复议2件（其中作出结果纠正1件）、行政诉讼1件”. The expected
 * sentences are written out here, with those numbers.
 */
import { describe, expect, it } from 'vitest';
import type { CellValues, Draft } from '../../src/domain/draft-types.ts';
import { insertSentences, refreshSentence, staleSentences, tableSentence } from '../../src/domain/table-sentences.ts';
import { computeTotals } from '../../src/domain/totals.ts';
import { flattenTables, templateOf } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

function valuesOf(draft: Draft): CellValues {
  const template = templateOf(draft);
  const flat = flattenTables(template, draft.tables);
  return { ...flat, ...computeTotals(template, flat) };
}

const sentence = (draft: Draft, source: Parameters<typeof tableSentence>[0]) => tableSentence(source, templateOf(draft), valuesOf(draft));

describe('tableSentence, in the words of published reports', () => {
  it('sample 003 (2021 format): applications, no reviews or lawsuits, table 二', () => {
    const draft = office2023Draft();
    expect(sentence(draft, 'applications')).toEqual({
      ok: true,
      text:
        '本年度共收到政府信息公开申请52件，其中自然人36件、法人或其他组织16件；上年结转0件。' +
        '本年度办结50件，其中予以公开20件、不予公开1件、无法提供26件、不予处理1件、其他处理2件；结转下年度继续办理2件。',
    });
    expect(sentence(draft, 'reviewLitigation')).toEqual({ ok: true, text: '本年度无因政府信息公开引起的行政复议或行政诉讼。' });
    expect(sentence(draft, 'proactive')).toEqual({
      ok: true,
      text:
        '本年度制发规章0件、废止0件，现行有效0件；制发行政规范性文件9件、废止20件，现行有效116件。' +
        '作出行政许可决定0件、行政处罚决定0件、行政强制决定0件，收取行政事业性收费0万元。',
    });
  });

  it('sample 000 (2019 format): 93 applications (91 new, 2 carried over), 2 reviews and 1 lawsuit', () => {
    const draft = district2020Draft();
    expect(sentence(draft, 'applications')).toEqual({
      ok: true,
      text:
        '本年度共收到政府信息公开申请91件，其中自然人88件、法人或其他组织3件；上年结转2件。' +
        '本年度办结88件，其中予以公开46件、部分公开18件、不予公开5件、无法提供12件、不予处理2件、其他处理5件；结转下年度继续办理5件。',
    });
    expect(sentence(draft, 'reviewLitigation')).toEqual({
      ok: true,
      text: '本年度因政府信息公开被申请行政复议2件（结果维持1件、结果纠正1件），被提起行政诉讼1件（结果维持1件）。',
    });
    expect(sentence(draft, 'proactive')).toEqual({
      ok: true,
      text:
        '本年度新制作规章0件、新公开0件，对外公开总数0件；新制作规范性文件27件、新公开27件，对外公开总数140件。' +
        '作出行政许可处理决定34752件、行政处罚处理决定4896件、行政强制处理决定44件。',
    });
  });

  it('writes no sentence while a number it needs is not filled in, and says which table', () => {
    const draft = office2023Draft();
    const values = valuesOf(draft);
    values['applications.carriedForward.total'] = null;
    values['applications.carriedForward.naturalPerson'] = null;
    expect(tableSentence('applications', templateOf(draft), values)).toEqual({
      ok: false,
      message: '表三（收到和处理政府信息公开申请情况）还有未填写的单元格，填写后才能根据表格写出这句话。',
    });
  });
});

describe('inserted sentences are tracked, never rewritten unasked', () => {
  const template = templateOf(office2023Draft());
  const inserted = () => {
    const result = insertSentences({ text: '依法依规办理政府信息公开申请。', generated: [] }, ['applications', 'reviewLitigation'], template, valuesOf(office2023Draft()));
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it('appends the sentences as a paragraph of their own after what the clerk wrote, and remembers them', () => {
    const part = inserted();
    const [first, second] = part.text.split('\n');
    expect(first).toBe('依法依规办理政府信息公开申请。');
    expect(second).toMatch(/^本年度共收到政府信息公开申请52件.*本年度无因政府信息公开引起的行政复议或行政诉讼。$/);
    expect(part.generated.map((record) => record.source)).toEqual(['applications', 'reviewLitigation']);
  });

  it('marks a sentence out of date when a number behind it changes, and refreshes it in place on request', () => {
    const part = inserted();
    const changed = office2023Draft();
    const values = valuesOf(changed);
    values['applications.granted.total'] = 21;
    values['applications.resultTotal.total'] = 51;
    const stale = staleSentences(part, template, values);
    expect(stale.map((item) => item.source)).toEqual(['applications']);
    expect(stale[0]!.current).toContain('本年度办结51件，其中予以公开21件');
    const refreshed = refreshSentence(part, 'applications', template, values);
    expect(refreshed.text.split('\n')[0]).toBe('依法依规办理政府信息公开申请。');
    expect(refreshed.text).toContain('本年度办结51件，其中予以公开21件');
    expect(refreshed.text).toContain('本年度无因政府信息公开引起的行政复议或行政诉讼。');
    expect(staleSentences({ ...part, ...refreshed }, template, values)).toEqual([]);
  });

  it('leaves a sentence the clerk edited alone: it is their text now', () => {
    const part = inserted();
    const edited = { ...part, text: part.text.replace('上年结转0件', '无上年结转') };
    const values = valuesOf(office2023Draft());
    values['applications.granted.total'] = 21;
    expect(staleSentences(edited, template, values).map((item) => item.source)).toEqual([]);
    expect(refreshSentence(edited, 'applications', template, values).text).toBe(edited.text);
  });
});
