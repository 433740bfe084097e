/**
 * Counts written in Chinese numerals (spec §5.6): read into the number, compared with the tables like
 * figures, and fixed in the style they were written (两件 → 三件). Words that merely hold a numeral
 * (一是, 第一, 一网通办, 十四五, 一件大事, 与复议机关一起) are never counts.
 *
 * The search of published reports (pages of 政府信息公开工作年度报告, see the cited sources in
 * published-sentences.ts and published-absences.ts) found their counts written in figures only; the
 * sentences below are published sentences with their figures written in Chinese numerals, the form this
 * check must also read, and each says which one it comes from.
 */
import { describe, expect, it } from 'vitest';
import { readChineseNumeral, writeChineseNumeral } from '../../src/domain/text-numbers-chinese.ts';
import { applyTextFix, textNumberFindings } from '../../src/domain/text-numbers.ts';
import { draftWith } from '../helpers/text-number-draft.ts';

describe('reading a Chinese numeral', () => {
  const numbers: [string, number][] = [
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['二', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百', 100],
    ['两百', 200],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三百四十五', 345],
    ['一千零一十', 1010],
    ['一千二百', 1200],
    ['一万', 10000],
    ['一万零五', 10005],
    ['三万四千五百', 34500],
    ['壹佰零伍', 105],
    ['贰拾', 20],
  ];
  for (const [text, value] of numbers) it(`${text} = ${value}`, () => expect(readChineseNumeral(text)).toBe(value));
  // Estimates (一两件 one or two, 三五件 three to five), colloquial shorthand (一百五 = 150) and bare units
  // are not one number.
  for (const text of ['一两', '三五', '两三', '一百五', '一万五', '百', '千', '万', '零零', '一百零', '一千五十', '']) {
    it(`${text || '(empty)'} is not read`, () => expect(readChineseNumeral(text)).toBeNull());
  }
});

describe('writing the tables’ number as the clerk wrote', () => {
  const cases: [number, string, string][] = [
    [0, '一', '零'],
    [0, '〇', '〇'],
    [1, '两', '一'],
    [2, '一', '两'],
    [3, '两', '三'],
    [10, '一', '十'],
    [12, '两', '十二'],
    [20, '一', '二十'],
    [105, '一', '一百零五'],
    [110, '一', '一百一十'],
    [1010, '一', '一千零一十'],
    [10005, '一', '一万零五'],
    [2, '壹', '贰'],
    [105, '壹', '壹佰零伍'],
  ];
  for (const [value, written, expected] of cases) it(`${value} after ${written} → ${expected}`, () => expect(writeChineseNumeral(value, written)).toBe(expected));
  it('a number that is not a whole count is not written in Chinese numerals', () => {
    expect(writeChineseNumeral(1.5, '一')).toBeNull();
    expect(writeChineseNumeral(-1, '一')).toBeNull();
  });
});

/**
 * Each statement: the text, the tables that agree, and for each Chinese count in it a table figure that
 * disagrees with the finding it must give (rule, the count as written, its fix) and the text after the fix.
 */
const statements: {
  source: string;
  /** The report's year, when the text names one. */
  year?: number;
  text: string;
  tables: Record<string, number>;
  changes: { cell: string; value: number; rule: string; stated: number; label: string; fixed: string }[];
}[] = [
  {
    // samples/003 一、（二）: 受理依申请公开52件，已办结50件，2件结转下年度继续办理 — figures written in Chinese numerals.
    source: 'samples/003 一、（二）, counts in Chinese numerals',
    text: '受理依申请公开十二件，已办结十件，两件结转下年度继续办理。',
    tables: {
      'applications.newReceived.total': 12,
      'applications.granted.total': 10,
      'applications.resultTotal.total': 10,
      'applications.carriedForward.total': 2,
    },
    changes: [
      { cell: 'applications.resultTotal.total', value: 11, rule: 'N4', stated: 10, label: '把文中的 十件 改为 十一件', fixed: '受理依申请公开十二件，已办结十一件，两件结转下年度继续办理。' },
      { cell: 'applications.carriedForward.total', value: 3, rule: 'N5', stated: 2, label: '把文中的 两件 改为 三件', fixed: '受理依申请公开十二件，已办结十件，三件结转下年度继续办理。' },
    ],
  },
  {
    // tjbc.gov.cn 佳荣里街 2021年报告: 2021年，全街共受理政府信息公开申请总数1件 — written 一件.
    source: 'https://www.tjbc.gov.cn/zwgk/zfxxgk/xxgk_zjyq/xxgk_zjyq_xxgk_jrlj/xxgk_zfxgknb_jrlj/202201/t20220123_5786521.html',
    year: 2021,
    text: '2021年，全街共受理政府信息公开申请总数一件。',
    tables: { 'applications.newReceived.total': 1 },
    changes: [
      { cell: 'applications.newReceived.total', value: 2, rule: 'N2', stated: 1, label: '把文中的 一件 改为 两件', fixed: '2021年，全街共受理政府信息公开申请总数两件。' },
      { cell: 'applications.newReceived.total', value: 20, rule: 'N2', stated: 1, label: '把文中的 一件 改为 二十件', fixed: '2021年，全街共受理政府信息公开申请总数二十件。' },
    ],
  },
  {
    // syyh.gov.cn 迎宾路街道 2021年报告: 信息公开类行政复议1起，正在办理中 — written 一起.
    source: 'http://www.syyh.gov.cn/zwgk/zfxxgknb/2021/jdbsczfxxgkgzndbg/202206/t20220615_3268918.html',
    text: '受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请五件，均在法定时限内予以答复。信息公开类行政复议一起，正在办理中。',
    tables: { 'applications.newReceived.total': 5, 'reviewLitigation.review.pending': 1, 'reviewLitigation.review.total': 1 },
    changes: [
      { cell: 'reviewLitigation.review.total', value: 2, rule: 'N6', stated: 1, label: '把文中的 一起 改为 两起', fixed: '受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请五件，均在法定时限内予以答复。信息公开类行政复议两起，正在办理中。' },
      { cell: 'applications.newReceived.total', value: 105, rule: 'N2', stated: 5, label: '把文中的 五件 改为 一百零五件', fixed: '受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请一百零五件，均在法定时限内予以答复。信息公开类行政复议一起，正在办理中。' },
    ],
  },
  {
    // shpt.gov.cn 普陀区 2022年上半年: 行政诉讼案件2件，被纠错0件 (published-sentences.ts) — written 两件, 零件.
    source: 'shpt.gov.cn/shpt/tjsj-tjsjzhzwqfbzfwj2021/20220725/847939.html, counts in Chinese numerals',
    year: 2022,
    text: '2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件两件，被纠错零件。',
    tables: { 'reviewLitigation.litigationDirect.total': 2 },
    changes: [
      { cell: 'reviewLitigation.litigationDirect.total', value: 0, rule: 'N7', stated: 2, label: '把文中的 两件 改为 零件', fixed: '2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件零件，被纠错零件。' },
    ],
  },
  {
    // The 2021 format's 一百零五: a count past one hundred.
    source: 'a count past one hundred',
    text: '本年新收政府信息公开申请一百零五件。',
    tables: { 'applications.newReceived.total': 105 },
    changes: [
      { cell: 'applications.newReceived.total', value: 115, rule: 'N1', stated: 105, label: '把文中的 一百零五件 改为 一百一十五件', fixed: '本年新收政府信息公开申请一百一十五件。' },
    ],
  },
];

describe('counts in Chinese numerals against the tables', () => {
  for (const { source, year, text, tables, changes } of statements) {
    describe(source, () => {
      it('agrees with its tables: no finding', () => {
        expect(textNumberFindings(draftWith('2021', tables, text, undefined, year))).toEqual([]);
      });
      for (const change of changes) {
        it(`with ${change.cell} = ${change.value}: ${change.label}`, () => {
          const findings = textNumberFindings(draftWith('2021', { ...tables, [change.cell]: change.value }, text, undefined, year));
          expect(findings.map((f) => [f.rule, f.text?.stated, f.text?.expected, f.textFix?.label])).toEqual([[change.rule, change.stated, change.value, change.label]]);
          const finding = findings[0]!;
          expect(finding.severity).toBe('warning');
          expect(finding.cells).toContain(change.cell);
          expect(finding.message).toContain(`（${change.value}件）不一致`);
          const fixed = applyTextFix(text, finding.textFix!);
          expect(fixed).toBe(change.fixed);
          // The fixed text agrees with the changed table.
          expect(textNumberFindings(draftWith('2021', { ...tables, [change.cell]: change.value }, fixed!, undefined, year))).toEqual([]);
        });
      }
    });
  }
});

describe('words that hold a numeral are not counts', () => {
  // Every quantity the statements could be compared with is non-zero and unlike any numeral below.
  const busy = {
    'applications.newReceived.total': 37,
    'applications.carriedOver.total': 4,
    'applications.granted.total': 23,
    'applications.resultTotal.total': 38,
    'applications.carriedForward.total': 3,
    'applications.denied.securityStability.total': 6,
    'reviewLitigation.review.total': 7,
    'reviewLitigation.litigationDirect.total': 8,
  };
  const sentences = [
    // The brief's list of false friends, in sentences that name the statements' subjects.
    '一是规范受理政府信息公开申请，二是做好行政复议应诉工作。',
    '第一，收到政府信息公开申请后及时登记。',
    '受理政府信息公开申请工作更进一步，推进一体化办理和一网通办。',
    '围绕十四五规划，做好两微一端建设，一把手负责行政复议工作。',
    '对危及三安全一稳定的申请依法不予公开。',
    // Numerals with a unit that are words, estimates or approximations.
    '把受理政府信息公开申请作为一件大事来抓。',
    '对收到的每一件政府信息公开申请都认真答复。',
    '复议机关与我局一起研究行政复议答复意见。',
    '受理政府信息公开申请一件一件地落实，答复一件不落。',
    '收到政府信息公开申请一两件。',
    '收到政府信息公开申请数十件。',
    '收到政府信息公开申请十余件。',
    '办结政府信息公开申请约三十件。',
    '收到政府信息公开申请较上年增加十件。',
    // An amount in Chinese numerals is not read (amounts are written in figures).
    '收取信息处理费三万元。',
  ];
  for (const text of sentences) {
    it(text, () => {
      expect(textNumberFindings(draftWith('2021', busy, text))).toEqual([]);
    });
  }
});
