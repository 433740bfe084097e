/**
 * Statements dated as another year than the report's (spec §5.6): a count or a negation its sentence dates
 * as another year — 2022年共受理申请15件, 二〇二二年未发生行政复议, 上年度…, 去年… in a 2023 report, typically
 * a comparison with last year — is not compared with this year's tables. The report's own year, 本年度 and
 * 今年 still are, and so are 上年结转 (a row of this year's 表三), a year only compared with (与2022年相比)
 * and a year in a title (《2022年…》).
 */
import { describe, expect, it } from 'vitest';
import { reportFindings } from '../../src/domain/check.ts';
import { textNumberFindings } from '../../src/domain/text-numbers.ts';
import { draftWith } from '../helpers/text-number-draft.ts';

/** A 2023 report whose tables say: 20 applications received this year, none carried over, one 复议. */
const tables = {
  'applications.newReceived.total': 20,
  'applications.carriedOver.total': 0,
  'reviewLitigation.review.upheld': 1,
  'reviewLitigation.review.total': 1,
};
const findingsOf = (text: string, year = 2023) => textNumberFindings(draftWith('2021', tables, text, undefined, year)).map((f) => [f.rule, f.text?.stated, f.text?.expected]);

describe('a statement dated as another year is not compared with this year’s tables', () => {
  const otherYears = [
    '2022年共受理政府信息公开申请15件。',
    '2022年度，我局共受理政府信息公开申请15件。',
    '二〇二二年共受理政府信息公开申请15件。',
    '2022年全年共受理政府信息公开申请15件。',
    '上一年度共收到政府信息公开申请15件。',
    '上年度共受理政府信息公开申请15件。',
    '去年收到政府信息公开申请15件。',
    '2022年12月收到的政府信息公开申请15件已全部办结。',
    '2022年未发生行政复议。',
    '二〇二二年无行政复议案件。',
    '2022年，本机关未发生因政府信息公开引起的行政复议。',
  ];
  for (const text of otherYears) {
    it(text, () => {
      expect(findingsOf(text)).toEqual([]);
    });
  }
  it('in a comparison with last year, only this year’s count is compared', () => {
    expect(findingsOf('2022年共受理政府信息公开申请15件，2023年共受理政府信息公开申请16件。')).toEqual([['N2', 16, 20]]);
    expect(findingsOf('2022年未发生行政复议，2023年未发生行政复议。')).toEqual([['N6', 0, 1]]);
  });
});

describe('a statement of the report’s year is still compared', () => {
  const thisYear: [text: string, rule: string, stated: number, expected: number][] = [
    ['2023年共受理政府信息公开申请15件。', 'N2', 15, 20],
    ['2023年度，我局共受理政府信息公开申请15件。', 'N2', 15, 20],
    ['二〇二三年共受理政府信息公开申请15件。', 'N2', 15, 20],
    ['本年度共受理政府信息公开申请15件。', 'N2', 15, 20],
    ['今年共收到政府信息公开申请15件。', 'N1', 15, 20],
    ['2023年，我局未发生行政复议。', 'N6', 0, 1],
    ['二〇二三年无行政复议案件。', 'N6', 0, 1],
    // 上年结转 is a row of this year's 表三, not a dating.
    ['上年结转政府信息公开申请3件。', 'N3', 3, 0],
    ['本年度无上一年度结转的政府信息公开申请，共受理政府信息公开申请15件。', 'N2', 15, 20],
    // A year compared with does not date what follows.
    ['与2022年相比，2023年共受理政府信息公开申请15件。', 'N2', 15, 20],
    ['与上年相比，今年共受理政府信息公开申请15件。', 'N2', 15, 20],
    // A year in a title does not date the sentence.
    ['落实《2022年政务公开工作要点》，共受理政府信息公开申请15件。', 'N2', 15, 20],
  ];
  for (const [text, rule, stated, expected] of thisYear) {
    it(text, () => {
      expect(findingsOf(text)).toEqual([[rule, stated, expected]]);
    });
  }
  it('the same sentence in the report of the year it names is compared', () => {
    expect(findingsOf('2022年共受理政府信息公开申请15件。', 2022)).toEqual([['N2', 15, 20]]);
    expect(findingsOf('二〇二二年无行政复议案件。', 2022)).toEqual([['N6', 0, 1]]);
  });
  it('a year in an earlier sentence dates nothing after it', () => {
    expect(findingsOf('2022年，工作平稳有序。共受理政府信息公开申请15件。')).toEqual([['N2', 15, 20]]);
  });
});

describe('the one check (the app and `report check`)', () => {
  it('lists the statement of this year only, also with last year’s report attached', () => {
    const text = '2022年共受理政府信息公开申请15件，未发生行政复议；2023年共受理政府信息公开申请16件。';
    const draft = draftWith('2021', tables, text);
    const lastYear = { ...draftWith('2021', { 'applications.newReceived.total': 15 }, ''), year: 2022 };
    for (const findings of [reportFindings(draft), reportFindings(draft, lastYear)]) {
      const inText = findings.filter((f) => f.text !== undefined);
      expect(inText.map((f) => [f.rule, f.text?.stated, f.text?.expected, text.slice(f.text!.start, f.text!.end)])).toEqual([['N2', 16, 20, '16']]);
    }
  });
});
