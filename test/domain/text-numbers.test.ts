/**
 * Numbers in the text against the tables (spec §5.6): every statement of counts found in published
 * reports (test/fixtures/text-numbers) agrees with its tables and gives nothing; each of its figures
 * changed gives exactly one warning at that figure, with the tables' number and a fix that restores the
 * text; figures that are not statements give nothing when changed. The two sample reports' full text
 * gives no finding.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { applyTextFix, narrativePlaces, reportYearFindings, textNumberFindings } from '../../src/domain/text-numbers.ts';
import { templateOf } from '../../src/domain/values.ts';
import { PUBLISHED_CONTRADICTIONS, PUBLISHED_SENTENCES } from '../fixtures/text-numbers/published-sentences.ts';
import { district2020Draft, office2023Draft } from '../ui/ui-fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';
import { draftWith } from '../helpers/text-number-draft.ts';

interface Marked {
  readonly text: string;
  /** Offsets of the figures marked as statements. */
  readonly statements: readonly { start: number; end: number; figure: string }[];
  /** Offsets of every other figure followed by 件, 起, 宗, 元, 份, 条 or 次 (not statements). */
  readonly others: readonly { start: number; end: number; figure: string }[];
}

function unmark(marked: string): Marked {
  const statements: { start: number; end: number; figure: string }[] = [];
  let text = '';
  for (const piece of marked.split(/(\[\d+(?:\.\d+)?\])/)) {
    if (/^\[\d/.test(piece)) {
      const figure = piece.slice(1, -1);
      statements.push({ start: text.length, end: text.length + figure.length, figure });
      text += figure;
    } else text += piece;
  }
  const others = [...text.matchAll(/\d+(?:\.\d+)?(?=\s*(?:件|起|宗|元|余件|份|条|次))/g)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, figure: m[0] }))
    .filter((figure) => !statements.some((s) => s.start === figure.start) && !/\d/.test(text[figure.start - 1] ?? ''));
  return { text, statements, others };
}

function changed(text: string, at: { start: number; end: number; figure: string }): { text: string; figure: string } {
  const figure = String(Number(at.figure) + 10);
  return { text: text.slice(0, at.start) + figure + text.slice(at.end), figure };
}

describe('statements of counts in published reports', () => {
  for (const sentence of PUBLISHED_SENTENCES) {
    const marked = unmark(sentence.text);
    describe(sentence.source, () => {
      it('agrees with its tables: no finding', () => {
        expect(textNumberFindings(draftWith(sentence.template, sentence.tables, marked.text, undefined, sentence.year))).toEqual([]);
      });
      for (const statement of marked.statements) {
        it(`with ${statement.figure} changed: one warning at that figure, and its fix restores the text`, () => {
          const edit = changed(marked.text, statement);
          const findings = textNumberFindings(draftWith(sentence.template, sentence.tables, edit.text, undefined, sentence.year));
          expect(findings).toHaveLength(1);
          const finding = findings[0]!;
          expect(finding.severity).toBe('warning');
          expect(finding.rule).toMatch(/^N\d+$/);
          expect(finding.cells[0]).toBe('narrative.overview.parts.onRequest');
          expect(finding.cells.length).toBeGreaterThan(1);
          expect(finding.text).toEqual({
            section: 'overview',
            part: 'onRequest',
            start: statement.start,
            end: statement.start + edit.figure.length,
            stated: Number(edit.figure),
            expected: Number(statement.figure),
          });
          // The text's figure with its unit as written (行政复议1起), the tables' figure in 件.
          const written = /^\s*(起|宗|件|份|条|次)/.exec(marked.text.slice(statement.end))?.[1] ?? '件';
          expect(finding.message).toContain(` ${edit.figure}${written}与`);
          expect(finding.message).toContain(`（${statement.figure}件）`);
          expect(applyTextFix(edit.text, finding.textFix!)).toBe(marked.text);
        });
      }
      if (marked.others.length > 0) {
        it(`figures that are not statements (${marked.others.map((o) => o.figure).join('、')}) give nothing when changed`, () => {
          for (const other of marked.others) {
            const edit = changed(marked.text, other);
            expect(textNumberFindings(draftWith(sentence.template, sentence.tables, edit.text, undefined, sentence.year)), edit.text).toEqual([]);
          }
        });
      }
    });
  }
});

describe('contradictions published in real reports are caught', () => {
  for (const { text, tables, stated, expected, rule } of PUBLISHED_CONTRADICTIONS) {
    it(text, () => {
      const findings = textNumberFindings(draftWith('2021', tables, text));
      expect(findings.map((f) => [f.rule, f.text?.stated, f.text?.expected])).toEqual([[rule, stated, expected]]);
    });
  }
});

describe('the two sample reports', () => {
  it('the 2023 report (2021 format): its whole text gives no finding', () => {
    expect(textNumberFindings(office2023Draft())).toEqual([]);
  });
  it('the 2020 report (2019 format): its whole text gives no finding', () => {
    expect(textNumberFindings(district2020Draft())).toEqual([]);
  });
  it('the 2023 report with 已办结 written as 51: one warning naming the cell and the part', () => {
    const draft = office2023Draft();
    const text = partText(draft, 'overview', 'onRequest');
    setPartText(draft, 'overview', 'onRequest', text.replace('已办结50件', '已办结51件'));
    const findings = textNumberFindings(draft);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.rule).toBe('N4');
    expect(findings[0]!.cells).toEqual(['narrative.overview.parts.onRequest', 'applications.resultTotal.total']);
    expect(findings[0]!.message).toBe(
      '一、总体情况（二）依申请公开：“受理依申请公开52件，已办结51件，2件结转下年度继续办理”中的 51件与表三“办理结果总计”（50件）不一致，请核对文字或表格。',
    );
    expect(findings[0]!.textFix!.label).toBe('把文中的 51件 改为 50件');
  });
});

describe('no false alarm', () => {
  const base = { 'applications.newReceived.total': 52, 'applications.carriedOver.total': 3, 'applications.resultTotal.total': 50 };
  it('受理 may mean 本年新收 or 本年新收 + 上年结转: either agrees', () => {
    expect(textNumberFindings(draftWith('2021', base, '受理政府信息公开申请52件。'))).toEqual([]);
    expect(textNumberFindings(draftWith('2021', base, '受理政府信息公开申请55件。'))).toEqual([]);
    expect(textNumberFindings(draftWith('2021', base, '受理政府信息公开申请54件。'))).toHaveLength(1);
  });
  it('新收 means this year’s only; 含上年结转 means both', () => {
    expect(textNumberFindings(draftWith('2021', base, '本年新收政府信息公开申请55件。'))).toHaveLength(1);
    expect(textNumberFindings(draftWith('2021', base, '共收到政府信息公开申请55件（含上年结转3件）。'))).toEqual([]);
    expect(textNumberFindings(draftWith('2021', base, '共收到政府信息公开申请52件（含上年结转3件）。'))).toHaveLength(1);
  });
  it('a table cell still empty gives nothing', () => {
    const draft = draftWith('2021', base, '已办结49件。');
    expect(textNumberFindings(draft)).toHaveLength(1);
    (draft.tables.applications as { resultTotal: { total: number | null } }).resultTotal.total = null;
    expect(textNumberFindings(draft)).toEqual([]);
  });
  it('comparisons and approximations are not statements of a cell', () => {
    for (const text of ['收到申请60件，较上年增加8件。', '办结申请约49件。', '办结申请49余件。', '答复申请40多件。']) {
      const findings = textNumberFindings(draftWith('2021', { ...base, 'applications.newReceived.total': 60 }, text));
      expect(findings.map((f) => f.text?.stated), text).toEqual([]);
    }
  });
  it('things other than 政府信息公开申请 (投诉、建议、许可申请) are not compared with table 三', () => {
    for (const text of ['受理群众投诉申请120件。', '收到人大代表建议12件。', '受理行政许可申请3000件。']) {
      expect(textNumberFindings(draftWith('2021', base, text)), text).toEqual([]);
    }
  });
});

describe('phrasings', () => {
  const cells = {
    'applications.newReceived.naturalPerson': 80,
    'applications.newReceived.commercial': 1,
    'applications.newReceived.total': 81,
    'applications.carriedOver.total': 0,
    'applications.granted.naturalPerson': 12,
    'applications.granted.total': 20,
    'reviewLitigation.review.total': 2,
    'reviewLitigation.review.upheld': 2,
    'reviewLitigation.litigationDirect.total': 1,
    'reviewLitigation.litigationAfterReview.total': 1,
    'proactive.fees.amount': 1.5,
  };
  const cases: [string, number[]][] = [
    ['涉及自然人80件、商业企业1件。', []],
    ['涉及自然人81件、商业企业1件。', [81]],
    ['其中自然人申请予以公开12件。', []],
    ['行政复议2件，行政诉讼2件。', []],
    ['行政复议2件，行政诉讼3件。', [3]],
    ['被申请行政复议2件（结果维持2件）。', []],
    ['被申请行政复议2件（结果维持1件）。', [1]],
    ['本年收取行政事业性收费1.5万元。', []],
    ['本年收取行政事业性收费15000元。', []],
    ['本年收取行政事业性收费2万元。', [2]],
    ['受理依申请公开81件，予以公开20件，占24.7%。', []],
    ['行政复议2件，其中维持2件。', []],
    ['行政复议2件，其中维持1件。', [1]],
    ['行政复议2件，行政诉讼2件。其中维持1件。', []],
  ];
  for (const [text, stated] of cases) {
    it(text, () => {
      expect(textNumberFindings(draftWith('2021', cells, text)).map((f) => f.text?.stated)).toEqual(stated);
    });
  }
  it('the 2019 format reads its own cells (其他处理 is one row there)', () => {
    const cells2019 = { 'applications.otherHandling.total': 2 };
    expect(textNumberFindings(draftWith('2019', cells2019, '2件因申请人逾期不补正不再处理。'))).toEqual([]);
    expect(textNumberFindings(draftWith('2019', cells2019, '3件因申请人逾期不补正不再处理。'))).toHaveLength(1);
  });
});

describe('N11: the reporting year in the text', () => {
  function withOverview(text: string, year = 2023): Draft {
    const draft = draftWith('2021', {}, '');
    draft.year = year;
    draft.narrative.overview!.intro = text;
    return draft;
  }
  const places = (draft: Draft) => narrativePlaces(draft, templateOf(draft));

  it('last year’s or next year’s year as the agency’s own year of work is found, with a fix', () => {
    const text = '本机关2022年度未发出收费通知，也未收取信息处理费。';
    const draft = withOverview(text);
    const findings = reportYearFindings(draft, places(draft));
    expect(findings.map((f) => [f.rule, f.cells[0], f.text?.stated, f.text?.expected])).toEqual([['N11', 'narrative.overview.intro', 2022, 2023]]);
    expect(findings[0]!.message).toBe('一、总体情况概述：“本机关2022年度未发出收费通知，也未收取信息处理费”写的是2022年，本报告是2023年度报告，请核对是否沿用了上年的文字。');
    expect(applyTextFix(text, findings[0]!.textFix!)).toBe('本机关2023年度未发出收费通知，也未收取信息处理费。');
    const next = withOverview('我局2024年将继续加强培训。');
    expect(reportYearFindings(next, places(next)).map((f) => f.text?.stated)).toEqual([2024]);
  });
  it('the report’s own year, other years and years not following the agency’s name give nothing', () => {
    for (const text of ['本机关2023年度未收取信息处理费。', '我区2019年起推行政务公开标准化。', '对照2022年度报告中提出的问题逐项整改。', '2024年，我局将继续加强培训。']) {
      const draft = withOverview(text);
      expect(reportYearFindings(draft, places(draft)), text).toEqual([]);
    }
  });
  it('the two samples give nothing', () => {
    for (const draft of [office2023Draft(), district2020Draft()]) expect(reportYearFindings(draft, places(draft))).toEqual([]);
  });
});

describe('counts in 次, 份 and 条: read only where they state a quantity of the tables', () => {
  const tables = {
    'applications.newReceived.total': 3,
    'applications.newReceived.naturalPerson': 3,
    'applications.resultTotal.total': 3,
    'proactive.normativeDocuments.issued': 2,
    'reviewLitigation.review.upheld': 1,
    'reviewLitigation.review.total': 1,
    'reviewLitigation.litigationDirect.pending': 1,
    'reviewLitigation.litigationDirect.total': 1,
  };
  // 复议 and 诉讼 counted in 次, as reports write them (行政复议0次, 被复议0次): right after the quantity.
  const statements: [text: string, rule: string, stated: number, expected: number][] = [
    ['因政府信息公开被申请行政复议0次。', 'N6', 0, 1],
    ['全年被复议2次。', 'N6', 2, 1],
    ['行政复议案件共3次，行政诉讼1次。', 'N6', 3, 1],
    ['被提起行政诉讼0次。', 'N7', 0, 1],
    ['被申请行政复议和提起行政诉讼均为0次。', 'N7', 0, 1],
    ['收到自然人提出的政府信息公开申请2份。', 'N8', 2, 3],
    ['全年共受理政府信息公开申请两份。', 'N2', 2, 3],
  ];
  for (const [text, rule, stated, expected] of statements) {
    it(`${text}: ${rule}, ${stated} against ${expected}`, () => {
      const findings = textNumberFindings(draftWith('2021', tables, text));
      expect(findings.map((f) => [f.rule, f.text?.stated, f.text?.expected])).toEqual([[rule, stated, expected]]);
      const unit = text.slice(findings[0]!.text!.end, findings[0]!.text!.end + 1);
      expect(findings[0]!.message).toContain(`${text.slice(findings[0]!.text!.start, findings[0]!.text!.end)}${unit}与`);
    });
  }
  // The same units counting other things give nothing; written in 件, each would be read as a statement.
  const others = [
    '开展行政复议培训2次。',
    '组织干部旁听行政诉讼庭审3次。',
    '出庭应诉3次。',
    '召开行政复议案件研讨会2次。',
    '被申请行政复议1次，其中维持0次。',
    '收到政府信息公开申请材料5份。',
    '出具政府信息公开答复书5份。',
    '制发行政规范性文件5份。',
    '回复网民留言28条，已办结28条。',
    '答复政府信息公开申请5条。',
  ];
  for (const text of others) {
    it(`${text}: nothing`, () => {
      expect(textNumberFindings(draftWith('2021', tables, text))).toEqual([]);
      const inJian = text.replace(/(\d)[次份条]/g, '$1件');
      expect(textNumberFindings(draftWith('2021', tables, inJian)).length, inJian).toBeGreaterThan(0);
    });
  }
});
