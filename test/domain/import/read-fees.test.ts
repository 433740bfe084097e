/**
 * Reading the 信息处理费 statement of 六 in the ways published reports write it. Each expected figure is
 * read off the sentence by hand; only a clear statement fills a field, and a field the sentence does not
 * state stays empty.
 *
 * Sources: the first sentence is a published report's, word for word. The stored copies of published
 * pages that could be searched end before 六, so the other sentences are not quoted from a page: they are
 * written in the phrasings reports use for this statement (未收取 / 共收取…元 / 收取…X笔、共计X元 /
 * 发出收费通知的件数和总金额以及实际收取的总金额均为0), each marked below as such; one more is a report-shaped
 * test fixture of another project, marked as such.
 */
import { describe, expect, it } from 'vitest';
import type { Draft, FeeStatement, FeeWordingId } from '../../../src/domain/draft-types.ts';
import { generatedFeeSentence } from '../../../src/domain/fee-statement.ts';
import { feeReadingText, readFeeStatement } from '../../../src/domain/import/read-fees.ts';
import { office2023Draft } from '../../helpers/fixtures.ts';

const none: FeeStatement = { noticesIssued: null, noticesAmount: null, collectedAmount: null };

/** The statement of one paragraph, of a report of `year` (2023 unless the sentence is of another year). */
function readOne(paragraph: string, year = 2023) {
  return readFeeStatement([paragraph], year).reading;
}

describe('clear statements fill the fields they state', () => {
  it.each<[string, string, FeeStatement, number?]>([
    [
      // Published: 宁波市镇海区人民政府办公室2023年度政府信息公开工作年度报告, 六 (text as published in
      // /work/shared/samples/003-zhenhai-district-office-2023.txt, line 424).
      'no notice issued and nothing collected, in the words of a published report',
      '本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。',
      { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 },
    ],
    // Written in the common phrasing, not quoted from a page.
    [
      // Report-shaped fixture (a 2021-format report's 六) in the repository zxj6827111-blip/KIROGOVCOMPARE,
      // the positive case quoted in the format document's notes; not a published page.
      'an amount collected, after the 办法 is named',
      '依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元。',
      { noticesIssued: null, noticesAmount: null, collectedAmount: 400 },
      2025,
    ],
    ['nothing collected, the notices not mentioned', '本年度未收取信息处理费。', { noticesIssued: null, noticesAmount: null, collectedAmount: 0 }],
    ['an amount of 0', '2023年，本机关共收取信息处理费0元。', { noticesIssued: null, noticesAmount: null, collectedAmount: 0 }],
    ['an amount collected', '本年度收取信息处理费1200元。', { noticesIssued: null, noticesAmount: null, collectedAmount: 1200 }],
    [
      'payments and their total after the 办法 is named (the 笔 are payments, not notices)',
      '按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本机关2023年度收取信息处理费3笔、共计1200元。',
      { noticesIssued: null, noticesAmount: null, collectedAmount: 1200 },
    ],
    [
      'notices with their amount, and the amount collected',
      '本机关2023年度共发出信息处理费收费通知2件，金额合计300元，实际收取信息处理费100元。',
      { noticesIssued: 2, noticesAmount: 300, collectedAmount: 100 },
    ],
    [
      // Written as this tool's `measures` wording puts it, not quoted from a page.
      'the counts and totals all 0, in one clause',
      '根据《政府信息公开信息处理费管理办法》，本机关2023年度发出收费通知的件数和总金额以及实际收取的总金额均为0。',
      { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 },
    ],
    ['full-width digits, spaces and a thousands separator', '本年度 共收取信息处理费 １，２００．５０ 元。', { noticesIssued: null, noticesAmount: null, collectedAmount: 1200.5 }],
    // 累计 adds up within the year: not another year.
    ['the year’s total (累计)', '全年累计收取信息处理费300元。', { noticesIssued: null, noticesAmount: null, collectedAmount: 300 }],
    ['an amount in 万元, shifted exactly into 元', '全年实际收取信息处理费0.12万元。', { noticesIssued: null, noticesAmount: null, collectedAmount: 1200 }],
  ])('%s', (_case, sentence, fees, year) => {
    const reading = readOne(sentence, year);
    expect(reading).toEqual({ read: true, fees, sentences: [sentence.trim()] });
  });

  it('reads the statement over two sentences and keeps the rest of 六 in place', () => {
    const { reading, remaining } = readFeeStatement(
      ['本机关2023年度未发出信息处理费收费通知。本机关2023年度未收取信息处理费。', '本年度无其他需要报告的事项。'],
      2023,
    );
    expect(reading).toEqual({
      read: true,
      fees: { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 },
      sentences: ['本机关2023年度未发出信息处理费收费通知。', '本机关2023年度未收取信息处理费。'],
    });
    expect(remaining).toEqual(['本年度无其他需要报告的事项。']);
  });

  it('takes the statement out of a paragraph that says more, keeping the other sentences word for word', () => {
    const { reading, remaining } = readFeeStatement(['2023年度，本机关收取信息处理费0元。全年组织政务公开培训2次。'], 2023);
    expect(reading.read).toBe(true);
    expect(remaining).toEqual(['全年组织政务公开培训2次。']);
  });

  it('gives back every other character of 六, stray punctuation and unfinished sentences included', () => {
    const { reading, remaining } = readFeeStatement(['。本年度未收取信息处理费；另：无其他事项', '！！'], 2023);
    expect(reading).toMatchObject({ read: true, sentences: ['本年度未收取信息处理费；'] });
    expect(remaining).toEqual(['。另：无其他事项', '！！']);
  });

  it('keeps a sentence about the fee that states no figure (a promise, a policy) in the text', () => {
    const { reading, remaining } = readFeeStatement(['本年度未收取信息处理费。今后将严格按照规定收取信息处理费。'], 2023);
    expect(reading).toEqual({ read: true, fees: { ...none, collectedAmount: 0 }, sentences: ['本年度未收取信息处理费。'] });
    expect(remaining).toEqual(['今后将严格按照规定收取信息处理费。']);
  });

  it.each<[FeeWordingId, FeeStatement]>([
    ['itemised', { noticesIssued: 3, noticesAmount: 450.5, collectedAmount: 200 }],
    ['itemised', { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 }],
    ['measures', { noticesIssued: 3, noticesAmount: 450.5, collectedAmount: 200 }],
    ['measures', { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 }],
    ['noneIssued', { noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 }],
  ])('reads back the %s sentence this tool prints for %j', (wording, fees) => {
    const draft: Draft = { ...office2023Draft(), fees };
    const sentence = generatedFeeSentence(draft, wording);
    expect(readOne(sentence)).toEqual({ read: true, fees, sentences: [sentence] });
  });
});

describe('a sub-heading of the fee under which only the statement stood goes with it', () => {
  it('drops a sub-heading of the fee whose only content was the statement, keeping the headings after it', () => {
    // Written in the phrasing reports use for 六 with sub-headings, not quoted from a page.
    const { reading, remaining } = readFeeStatement(
      ['（一）收取信息处理费情况', '本机关2023年度未发出信息处理费收费通知，未收取信息处理费。', '（二）其他事项', '本年度无其他需要报告的事项。'],
      2023,
    );
    expect(reading).toMatchObject({ read: true, sentences: ['本机关2023年度未发出信息处理费收费通知，未收取信息处理费。'] });
    expect(remaining).toEqual(['（二）其他事项', '本年度无其他需要报告的事项。']);
  });

  it('drops a fee sub-heading that ends 六 with only the statement under it, and one leading the statement’s paragraph', () => {
    expect(readFeeStatement(['（一）工作要点落实情况', '已全部落实。', '(二) 信息处理费收取情况', '本年度未收取信息处理费。'], 2023).remaining).toEqual([
      '（一）工作要点落实情况',
      '已全部落实。',
    ]);
    const leading = readFeeStatement(['（一）信息处理费收取情况：本年度收取信息处理费0元。', '（二）其他事项', '无。'], 2023);
    // The statement moves without its heading, which goes with it.
    expect(leading.reading).toMatchObject({ read: true, sentences: ['本年度收取信息处理费0元。'] });
    expect(leading.remaining).toEqual(['（二）其他事项', '无。']);
    const unnumbered = readFeeStatement(['信息处理费情况：本年度收取信息处理费0元。', '本年度无其他需要报告的事项。'], 2023);
    expect(unnumbered.reading).toMatchObject({ read: true, sentences: ['本年度收取信息处理费0元。'] });
    expect(unnumbered.remaining).toEqual(['本年度无其他需要报告的事项。']);
  });

  it('keeps a fee sub-heading with anything besides the statement under it', () => {
    // A sentence kept in the statement's paragraph.
    expect(readFeeStatement(['（一）信息处理费收取情况', '本年度未收取信息处理费。今后将严格按照规定收取信息处理费。'], 2023).remaining).toEqual([
      '（一）信息处理费收取情况',
      '今后将严格按照规定收取信息处理费。',
    ]);
    // A paragraph after the statement, before the next heading.
    expect(readFeeStatement(['（一）信息处理费收取情况', '本年度未收取信息处理费。', '全年未发生相关投诉。', '（二）其他事项', '无。'], 2023).remaining).toEqual([
      '（一）信息处理费收取情况',
      '全年未发生相关投诉。',
      '（二）其他事项',
      '无。',
    ]);
    // A sentence kept after the statement in a paragraph the heading leads.
    expect(readFeeStatement(['（一）信息处理费收取情况：本年度未收取信息处理费。全年未发生相关投诉。'], 2023).remaining).toEqual([
      '（一）信息处理费收取情况：全年未发生相关投诉。',
    ]);
  });

  it('keeps a sub-heading that does not name the fee, and a fee sub-heading that had nothing under it before', () => {
    expect(readFeeStatement(['（一）其他事项', '本年度未收取信息处理费。'], 2023).remaining).toEqual(['（一）其他事项']);
    expect(readFeeStatement(['（一）收费情况', '（二）其他事项', '本年度未收取信息处理费。'], 2023).remaining).toEqual(['（一）收费情况', '（二）其他事项']);
  });

  it('drops no heading when nothing is read', () => {
    const paragraphs = ['（一）信息处理费收取情况', '本年度收取信息处理费1200元，较上年减少300元。'];
    const { reading, remaining } = readFeeStatement(paragraphs, 2023);
    expect(reading.read).toBe(false);
    expect(remaining).toEqual(paragraphs);
  });
});

describe('anything unclear leaves every field empty, with the reason', () => {
  it.each<[string, string[], RegExp]>([
    ['no word about the fee', ['本年度无其他需要报告的事项。'], /没有关于信息处理费的说明/],
    ['nothing at all (a copy cut short before 六)', [], /没有关于信息处理费的说明/],
    ['a figure in words no wording accounts for', ['本年度信息处理费相关咨询3件。'], /不是能确定读出的写法/],
    ['a figure written in Chinese numerals', ['本年度共收取信息处理费一千二百元。'], /提到信息处理费，但没有写明件数或金额/],
    ['two sentences that disagree', ['本年度收取信息处理费1200元。全年实际收取信息处理费1500元。'], /前后不一致/],
    ['an amount beyond 分', ['本年度收取信息处理费12.345元。'], /实际收取信息处理费（元）/],
    ['a comparison with last year', ['本年度收取信息处理费1200元，较上年减少300元。'], /说到其他年度的数字，不能确定哪个是2023年度的/],
    ['the figures of two years', ['2022年收取信息处理费1000元，2023年收取信息处理费1200元。'], /说到2022年的数字/],
    ['one sentence saying both none and some', ['本年度未收取信息处理费，实际收取信息处理费1200元。'], /实际收取信息处理费前后说法不一致/],
  ])('%s', (_case, paragraphs, reason) => {
    const { reading, remaining } = readFeeStatement(paragraphs, 2023);
    expect(reading.read).toBe(false);
    if (reading.read) return;
    expect(reading.reason).toMatch(reason);
    // Nothing leaves the text when nothing is read.
    expect(remaining).toEqual(paragraphs);
  });
});

describe('what the summary says', () => {
  it('names each figure read, each left empty, and where they came from', () => {
    expect(feeReadingText(readOne('本年度未收取信息处理费。'), '六、其他需要报告的事项')).toBe(
      '信息处理费读出：实际收取信息处理费 0 元（据“本年度未收取信息处理费。”）；本年发出收费通知件数、收费通知金额合计报告中没有写明，留空，请填写；作为该年度的报告打开时，原句照原文印作报告中信息处理费的表述。',
    );
  });

  it('says the fee was not read, where, why, and what to do', () => {
    expect(feeReadingText(readFeeStatement(['本年度无其他需要报告的事项。'], 2023).reading, '六、其他需要报告的事项')).toBe(
      '信息处理费没有读出（六、其他需要报告的事项）：其中没有关于信息处理费的说明。三项数字留空，请在“其他需要报告的事项”中填写。',
    );
  });
});
