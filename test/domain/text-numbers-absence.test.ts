/**
 * Statements of absence in the text against the tables (spec §5.6): 本年度未收到政府信息公开申请, 无行政复议和
 * 行政诉讼 … state 0. Each published sentence (test/fixtures/text-numbers/published-absences.ts) gives nothing
 * beside its own tables, and beside a table that says otherwise gives exactly the warnings written out in the
 * fixture: at the sentence, naming the table's figure and its cells, and without a one-click fix (a negation
 * is not rewritten mechanically). Negations that are words, conditions, other years or restrictions give
 * nothing whatever the tables say.
 */
import { describe, expect, it } from 'vitest';
import { textNumberFindings } from '../../src/domain/text-numbers.ts';
import { office2023Draft } from '../ui/ui-fixtures.ts';
import { PUBLISHED_ABSENCES } from '../fixtures/text-numbers/published-absences.ts';
import { draftWith } from '../helpers/text-number-draft.ts';
import { partText } from '../helpers/narrative.ts';

describe('statements of absence in published reports', () => {
  for (const { source, template, year, text, tables, contradictions } of PUBLISHED_ABSENCES) {
    describe(source, () => {
      it('agrees with its tables: no finding', () => {
        expect(textNumberFindings(draftWith(template, tables, text, undefined, year))).toEqual([]);
      });
      for (const { cells, fees, findings: expected } of contradictions) {
        const changed = { ...tables, ...cells };
        it(`with ${JSON.stringify({ ...cells, ...fees })}: ${expected.length === 0 ? 'no finding' : expected.map(([rule, value]) => `${rule} ${value}`).join('、')}`, () => {
          const findings = textNumberFindings(draftWith(template, changed, text, fees, year));
          expect(findings.map((f) => [f.rule, f.text?.expected])).toEqual(expected);
          for (const finding of findings) {
            expect(finding.severity).toBe('warning');
            expect(finding.textFix).toBeUndefined();
            expect(finding.text?.stated).toBe(0);
            expect(finding.cells[0]).toBe('narrative.overview.parts.onRequest');
            // The span is the negation and what it denies, inside the part's text.
            const span = text.slice(finding.text!.start, finding.text!.end);
            expect(span).toMatch(/^(?:未|没有|无)/);
            expect(finding.message).toContain(span);
            expect(finding.message).toContain(`为 ${finding.text!.expected}`);
            expect(finding.message).toContain('写的是没有');
            // The cells named are the table's, and one of them holds a figure other than 0.
            const tableCells = finding.cells.slice(1);
            expect(tableCells.length).toBeGreaterThan(0);
            expect(tableCells.some((cell) => (changed[cell] ?? 0) !== 0 || cell.startsWith('fees.'))).toBe(true);
          }
        });
      }
    });
  }
});

describe('the 2023 sample report', () => {
  it('一 says no 复议 or 诉讼 arose: a 复议 in 表四 is a warning at that sentence', () => {
    const draft = office2023Draft();
    const review = draft.tables.reviewLitigation as { review: Record<string, number | null> };
    review.review.upheld = 1;
    review.review.total = 1;
    const findings = textNumberFindings(draft);
    expect(findings.map((f) => [f.rule, f.cells, f.text?.expected])).toEqual([['N6', ['narrative.overview.parts.onRequest', 'reviewLitigation.review.total'], 1]]);
    const text = partText(draft, 'overview', 'onRequest');
    expect(text.slice(findings[0]!.text!.start, findings[0]!.text!.end)).toBe('无因政府信息公开引起的行政复议或诉讼');
  });
});

describe('no false alarm', () => {
  const busy = {
    'applications.newReceived.total': 3,
    'applications.newReceived.naturalPerson': 3,
    'applications.carriedOver.total': 1,
    'applications.carriedForward.total': 1,
    'reviewLitigation.review.total': 2,
    'reviewLitigation.litigationDirect.total': 1,
  };
  it('a table cell still empty gives nothing', () => {
    const draft = draftWith('2021', busy, '本年度未收到政府信息公开申请。');
    expect(textNumberFindings(draft).map((f) => f.rule)).toEqual(['N1']);
    (draft.tables.applications as { newReceived: { total: number | null } }).newReceived.total = null;
    expect(textNumberFindings(draft)).toEqual([]);
  });
  it('a result of 复议 narrows the statement to its column: 纠错 is 结果纠正', () => {
    const upheld = { ...busy, 'reviewLitigation.review.upheld': 2 };
    expect(textNumberFindings(draftWith('2021', upheld, '全年未发生行政复议被纠错的情况。'))).toEqual([]);
    const corrected = { ...busy, 'reviewLitigation.review.corrected': 1, 'reviewLitigation.review.upheld': 1 };
    const findings = textNumberFindings(draftWith('2021', corrected, '全年未发生行政复议被纠错的情况。'));
    expect(findings.map((f) => [f.rule, f.cells.slice(1), f.text?.expected])).toEqual([['N6', ['reviewLitigation.review.corrected'], 1]]);
  });
  it('each quantity a negation can deny, with its rule and the table’s figure', () => {
    const cases: [text: string, rule: string, expected: number][] = [
      // 受理 leads with 本年新收 3 + 上年结转 1 (spec §5.6 N2); neither reading is 0.
      ['本年度未受理政府信息公开申请。', 'N2', 4],
      ['本年度无上年结转的政府信息公开申请。', 'N3', 1],
      ['没有结转下年度继续办理的申请。', 'N5', 1],
      ['暂无行政复议案件。', 'N6', 2],
      ['未发生行政诉讼。', 'N7', 1],
      ['本机关未发出收费通知。', 'N14', 2],
      ['未收取信息处理费。', 'N14', 40],
      ['本单位无行政事业性收费。', 'N14', 1.5],
    ];
    const fees = { noticesIssued: 2, noticesAmount: 40, collectedAmount: 40 };
    for (const [text, rule, expected] of cases) {
      const findings = textNumberFindings(draftWith('2021', { ...busy, 'proactive.fees.amount': 1.5 }, text, fees));
      expect(findings.map((f) => [f.rule, f.text?.stated, f.text?.expected, f.textFix]), text).toEqual([[rule, 0, expected, undefined]]);
      expect(textNumberFindings(draftWith('2021', {}, text)), text).toEqual([]);
    }
  });
  it('an applicant type narrows the statement to its column', () => {
    expect(textNumberFindings(draftWith('2021', busy, '本年度未收到企业提出的政府信息公开申请。'))).toEqual([]);
    const findings = textNumberFindings(draftWith('2021', busy, '本年度未收到自然人提出的政府信息公开申请。'));
    expect(findings.map((f) => [f.rule, f.cells.slice(1), f.text?.expected])).toEqual([['N8', ['applications.newReceived.naturalPerson', 'applications.carriedOver.naturalPerson'], 3]]);
  });
  const sentences = [
    // Words that hold a negation without denying anything.
    '未来将进一步规范受理政府信息公开申请的流程。',
    '对未经复议直接起诉的行政诉讼案件认真应诉。',
    '申请内容属于本机关不掌握或没有现成信息需要另行制作的，依法告知申请人。',
    '无论收到何种政府信息公开申请，均依法答复。',
    '未收到申请人的补正材料的，按规定处理。',
    '有无行政复议、行政诉讼情况均如实报告。',
    '推行无差别受理政府信息公开申请。',
    '对尚未办结的政府信息公开申请继续办理。',
    // Conditions, goals and other years.
    '如未收到政府信息公开申请，应在年度报告中说明。',
    '力争全年无因政府信息公开引起的行政复议和行政诉讼。',
    '上年未发生行政复议和行政诉讼，今年有所增加。',
    // Restrictions and second negations: less than "none".
    '除上述申请外，未收到其他政府信息公开申请。',
    '全年未再发生行政复议。',
    '无逾期未答复的政府信息公开申请。',
    '未收到要求提供公开出版物的申请。',
    // A particular outcome: there may be 复议 or 诉讼 without it.
    '截至目前未收到行政复议决定书。',
    '全年无行政诉讼败诉案件。',
    // A figure in the clause is a statement of that figure.
    '未办结的政府信息公开申请1件结转下年度继续办理。',
    // Negations of other things.
    '未收到行政许可申请。',
    '未收到群众投诉。',
    '2023年未发生政务公开责任追究情况。',
  ];
  for (const text of sentences) {
    it(text, () => {
      expect(textNumberFindings(draftWith('2021', busy, text))).toEqual([]);
    });
  }
});
