/**
 * The wordings of the sentences the agency signs (信息处理费 sentence of 六, generated 编制说明): the variants
 * published reports use, the clerk's own text, and the default for drafts that chose nothing, which prints
 * exactly as before.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { feeStatementSentence, FEE_WORDINGS, generatedFeeSentence } from '../../src/domain/fee-statement.ts';
import { defaultPreamble, generatedPreamble, PREAMBLE_WORDINGS } from '../../src/domain/preamble.ts';
import { textLimitFindings } from '../../src/domain/text-limits.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

function withFees(draft: Draft, noticesIssued: number | null, noticesAmount: number | null, collectedAmount: number | null): Draft {
  draft.fees = { noticesIssued, noticesAmount, collectedAmount };
  return draft;
}

describe('信息处理费 sentence', () => {
  it('offers the four wordings, each with a Chinese name and help', () => {
    expect(FEE_WORDINGS.map((w) => w.id)).toEqual(['itemised', 'measures', 'noneIssued', 'omitted']);
    for (const w of FEE_WORDINGS) {
      expect(w.name).toMatch(/[\u4e00-\u9fff]/);
      expect(w.help).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('prints as before for a draft that chose no wording', () => {
    const draft = withFees(office2023Draft(), 0, 0, 0);
    expect(draft.wording).toBeUndefined();
    expect(feeStatementSentence(draft)).toBe('本机关2023年度未发出信息处理费收费通知，未收取信息处理费。');
  });

  it('words nothing issued as the 2023 sample report does, and as the 办法 does', () => {
    const draft = withFees(office2023Draft(), 0, 0, 0);
    expect(generatedFeeSentence(draft, 'noneIssued')).toBe('本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    expect(generatedFeeSentence(draft, 'measures')).toBe(
      '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关2023年度发出收费通知的件数和总金额以及实际收取的总金额均为0。',
    );
  });

  it('states every figure entered in the 办法 wording, and never says 未发出 when notices were issued', () => {
    const draft = withFees(office2023Draft(), 3, 1200, 800.5);
    expect(generatedFeeSentence(draft, 'measures')).toBe(
      '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关2023年度发出收费通知3件，收费通知总金额1200元，实际收取的总金额800.5元。',
    );
    expect(generatedFeeSentence(draft, 'noneIssued')).toBe('本机关2023年度共发出信息处理费收费通知3件，金额合计1200元，实际收取信息处理费800.5元。');
  });

  it('prints no fee sentence when the clerk leaves it out (2019 format reports have none)', () => {
    const draft = withFees(district2020Draft(), 0, 0, 0);
    draft.wording = { fee: 'omitted' };
    expect(feeStatementSentence(draft)).toBe('');
  });

  it('prints the clerk’s own text instead of the generated one, and counts it against the text limits', () => {
    const draft = withFees(office2023Draft(), 0, 0, 0);
    draft.wording = { fee: 'measures', feeText: '本机关2023年度未收取任何费用。' };
    expect(feeStatementSentence(draft)).toBe('本机关2023年度未收取任何费用。');
    draft.wording = { fee: 'measures', feeText: '   ' };
    expect(feeStatementSentence(draft)).toMatch(/^根据《政府信息公开信息处理费管理办法》/);
    draft.wording = { feeText: '费'.repeat(20001) };
    expect(textLimitFindings(draft).map((f) => f.message).join('\n')).toContain('信息处理费的表述');
  });
});

describe('编制说明 wordings', () => {
  it('offers the full and the brief wording; a draft that chose none gets the full one as before', () => {
    expect(PREAMBLE_WORDINGS.map((w) => w.id)).toEqual(['full', 'brief']);
    const draft = office2023Draft();
    expect(defaultPreamble(draft)).toBe(generatedPreamble(draft, 'full'));
    expect(defaultPreamble(draft)).toContain('全文包括总体情况、');
  });

  it('words the brief 编制说明 as the 2023 sample report does', () => {
    const draft = office2023Draft();
    draft.wording = { preamble: 'brief' };
    expect(defaultPreamble(draft)).toBe(
      '本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）要求，结合宁波市镇海区人民政府办公室2023年度政府信息公开工作实际编制而成。本年度报告中所列数据的统计期限从2023年1月1日到12月31日止。' +
        '如对本报告所涉内容有咨询或疑问，请与宁波市镇海区人民政府办公室联系（地址：宁波市镇海区民和路569号区政府办政务公开科，邮编：315200，电话：0574-89287728）。',
    );
  });
});
