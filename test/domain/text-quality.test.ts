/**
 * What evaluators check of the text (N15–N18, N12 kept): the length of 一、总体情况 against the draft's
 * limit, its five topics (and for 各级人民政府 the results of 考核、评议、追责), parts copied from last
 * year's report with the repeated sentences listed, and 六 without any 信息处理费 statement.
 */
import { describe, expect, it } from 'vitest';
import { reportFindings } from '../../src/domain/check.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { bigramSimilarity, repetition, textQualityFindings } from '../../src/domain/text-quality.ts';
import { district2020Draft, office2023Draft } from '../ui/ui-fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

const rules = (findings: readonly { rule: string }[]) => findings.map((finding) => finding.rule);

function overviewOf(draft: Draft) {
  return draft.narrative.overview!;
}

/** Replaces the agency's own sub-topics of 一 (the 2023 sample has one: 政务新媒体管理方面) with `own`. */
function setOwnParts(draft: Draft, own: { title: string; text: string }[]): void {
  const overview = overviewOf(draft);
  overview.parts = [...overview.parts.filter((part) => part.topic !== null), ...own.map((part, index) => ({ id: `p${index + 1}`, topic: null, ...part }))];
}

/** The 2023 sample (一、总体情况 of 1092 字) under a local rule without a length limit. */
function office2023(): Draft {
  const draft = office2023Draft();
  draft.settings = { requireApproval: true, overviewLengthLimit: null };
  return draft;
}

describe('N15: length of 一、总体情况', () => {
  it('both samples are over the default 1000 字: the 2023 one has 1092 字, the 2020 one 3385 字', () => {
    expect(textQualityFindings(office2023Draft()).map((f) => f.message)).toEqual(['一、总体情况共 1092 字，超过本地规定的 1000 字上限 92 字，请精简。']);
    const findings = textQualityFindings(district2020Draft());
    expect(findings).toEqual([
      {
        rule: 'N15',
        severity: 'warning',
        cells: ['narrative.overview'],
        message: '一、总体情况共 3385 字，超过本地规定的 1000 字上限 2385 字，请精简。',
      },
    ]);
  });
  it('counts 字 as the editor does (whitespace not counted), over intro, parts and added sub-topics with their titles', () => {
    const draft = office2023Draft();
    const overview = overviewOf(draft);
    overview.intro = '';
    for (const part of overview.parts) part.text = '';
    setPartText(draft, 'overview', 'proactive', '主动公开'.repeat(100)); // 400
    setPartText(draft, 'overview', 'onRequest', `依申请公开${' '.repeat(50)}`.repeat(60)); // 300
    setOwnParts(draft, [{ title: '平台建设', text: '监督保障'.repeat(74) }]); // 4 + 296
    draft.settings = { requireApproval: true };
    expect(rules(textQualityFindings(draft)).filter((rule) => rule === 'N15')).toEqual([]); // exactly 1000
    overviewOf(draft).parts.find((part) => part.topic === null)!.text += '多';
    expect(textQualityFindings(draft).find((f) => f.rule === 'N15')?.message).toBe('一、总体情况共 1001 字，超过本地规定的 1000 字上限 1 字，请精简。');
  });
  it('a local limit in the settings replaces the default; null turns it off', () => {
    const draft = district2020Draft();
    draft.settings = { requireApproval: true, overviewLengthLimit: 4000 };
    expect(rules(textQualityFindings(draft))).toEqual([]);
    draft.settings = { requireApproval: true, overviewLengthLimit: 3000 };
    expect(textQualityFindings(draft)[0]!.message).toContain('超过本地规定的 3000 字上限 385 字');
    draft.settings = { requireApproval: true, overviewLengthLimit: null };
    expect(rules(textQualityFindings(draft))).toEqual([]);
  });
  it('an older draft file without the setting reads unchanged (no field added) and gets the default', () => {
    const read = readDraftJson(JSON.stringify({ formatVersion: 2, template: '2021', year: 2023, agency: { name: '某某局' } }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.draft.settings).toEqual({ requireApproval: true });
    expect(read.draft.agency.kind).toBeUndefined();
  });
});

describe('N16: topics of 一、总体情况', () => {
  it('a topic whose part is empty but whose words appear elsewhere is covered (the 2020 sample has no 监督保障 part)', () => {
    expect(partText(district2020Draft(), 'overview', 'oversight')).toBe('');
    expect(rules(textQualityFindings(district2020Draft())).filter((rule) => rule === 'N16')).toEqual([]);
  });
  it('a topic neither written nor mentioned is named, at its part', () => {
    const draft = office2023Draft();
    const overview = overviewOf(draft);
    overview.intro = '本年度政务公开工作稳步推进。';
    setPartText(draft, 'overview', 'platforms', '');
    setOwnParts(draft, []);
    setPartText(draft, 'overview', 'management', '严格落实“三审三校”程序。');
    setPartText(draft, 'overview', 'proactive', '主动公开政府信息319条。');
    const findings = textQualityFindings(draft).filter((f) => f.rule === 'N16');
    expect(findings).toEqual([
      {
        rule: 'N16',
        severity: 'warning',
        cells: ['narrative.overview.parts.platforms'],
        message: '一、总体情况没有写到“政府信息公开平台建设”方面的情况，按国办公开办函〔2021〕30号应当包括。',
      },
    ]);
  });
  it('an added sub-topic whose title names the topic covers it', () => {
    const draft = office2023Draft();
    const overview = overviewOf(draft);
    setPartText(draft, 'overview', 'platforms', '');
    setOwnParts(draft, [{ title: '政府信息公开平台建设情况', text: '按时完成各项改版任务。' }]);
    setPartText(draft, 'overview', 'proactive', '主动公开政府信息319条。');
    expect(rules(textQualityFindings(draft)).filter((rule) => rule === 'N16')).toEqual([]);
  });
  it('for 各级人民政府 only: the results of 工作考核、社会评议、责任追究', () => {
    const draft = office2023();
    setPartText(draft, 'overview', 'oversight', '一是举办政务公开专题培训会。二是督查考核双管发力。');
    expect(rules(textQualityFindings(draft))).toEqual([]);
    draft.agency.kind = 'department';
    expect(rules(textQualityFindings(draft))).toEqual([]);
    draft.agency.kind = 'government';
    const findings = textQualityFindings(draft);
    expect(findings.map((f) => [f.rule, f.cells[0], f.message])).toEqual([
      [
        'N16',
        'narrative.overview.parts.oversight',
        '一、总体情况没有写到“社会评议”、“责任追究”的结果情况。各级人民政府应报告工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）。',
      ],
    ]);
    // The 2023 sample's own text reports all three.
    expect(rules(textQualityFindings({ ...office2023(), agency: { ...draft.agency } }))).toEqual([]);
  });
});

describe('N17: a part copied from last year', () => {
  function lastYear(draft: Draft): Draft {
    const previous = structuredClone(draft);
    previous.year = draft.year - 1;
    return previous;
  }
  it('an unchanged 五 is found, with each repeated sentence as both years have it', () => {
    const draft = office2023();
    const previous = lastYear(draft);
    const findings = textQualityFindings(draft, previous).filter((f) => f.rule === 'N17');
    const problems = findings.find((f) => f.cells[0] === 'narrative.problems.parts.problems')!;
    expect(problems.message).toBe('五、存在的主要问题及改进情况（一）存在的主要问题与上年报告的同一部分基本相同（相似度 100%，3 句原样重复），应写本年度的实际情况，不能照抄上年。');
    const sentences = [
      '2023年度镇海区政府办公室的政务公开工作总体较好，但仍存在一些问题，主要表现在一是信息公开的广度深度仍需进一步深化；',
      '二是政策解读质效仍需进一步提高；',
      '三是重大建设项目虽已按项目全生命周期公开全流程信息，流程性信息公开方面仍需进一步改进。',
    ];
    expect(problems.repeated).toEqual(sentences.map((sentence) => ({ current: sentence, previous: sentence })));
    // Every written part of the sample is long enough to compare, and all were copied.
    expect(findings.map((f) => f.cells[0])).toContain('narrative.overview.parts.onRequest');
    expect(findings.map((f) => f.cells[0])).toContain('narrative.overview.parts.extra.0');
  });
  it('a part rewritten for this year is not', () => {
    const draft = office2023Draft();
    const previous = lastYear(draft);
    setPartText(previous, 'problems', 'problems', '2022年度仍存在公开栏目更新不及时、部分领域信息公开不够全面、依申请公开答复文书不够规范等问题，需在新的一年加以改进。');
    const findings = textQualityFindings(draft, previous).filter((f) => f.cells[0] === 'narrative.problems.parts.problems');
    expect(findings).toEqual([]);
  });
  it('the measure: bigram Jaccard ≥ 0.8 or ≥ 80 % of sentences repeated; short parts are not compared', () => {
    expect(bigramSimilarity('政务公开工作总体较好', '政务公开工作总体较好')).toBe(1);
    expect(bigramSimilarity('甲乙丙丁', '戊己庚辛')).toBe(0);
    const old = '一是信息公开的广度深度仍需进一步深化。二是政策解读质效仍需进一步提高。三是流程性信息公开方面仍需进一步改进。四是新媒体管理仍需加强。';
    const reordered = '四是新媒体管理仍需加强。一是信息公开的广度深度仍需进一步深化。二是政策解读质效仍需进一步提高。三是流程性信息公开方面仍需进一步改进。';
    expect(repetition(reordered, old)!.sentenceShare).toBe(1);
    expect(repetition('本年度无其他需要报告事项。', '本年度无其他需要报告事项。')).toBeNull();
  });
  it('a short part carried over word for word (20–29 字) is flagged; changed, or a stock line, it is not', () => {
    const carried = '严格落实政务新媒体常态化监管要求，压实责任，抓好制度落实。'; // 29 字, from the published 2023 report
    expect(repetition(carried, carried)!.repeated).toEqual([{ current: carried, previous: carried }]);
    expect(repetition(`${carried}\n`, carried)!.similarity).toBe(1); // whitespace aside
    expect(repetition('严格落实政务新媒体常态化监管要求，压实责任，抓好制度执行。', carried)).toBeNull();
    expect(repetition('本机关本年度无其他需要报告的事项。', '本机关本年度无其他需要报告的事项。')).toBeNull(); // 17 字

    const draft = office2023Draft();
    setPartText(draft, 'problems', 'improvements', carried);
    const previous = lastYear(draft);
    const findings = textQualityFindings(draft, previous).filter((f) => f.cells[0] === 'narrative.problems.parts.improvements');
    expect(findings.map((f) => f.message)).toEqual([
      '五、存在的主要问题及改进情况（二）改进情况与上年报告的同一部分基本相同（相似度 100%，1 句原样重复），应写本年度的实际情况，不能照抄上年。',
    ]);
  });
  it('without last year’s report nothing is compared', () => {
    expect(rules(textQualityFindings(office2023(), null))).toEqual([]);
  });
});

describe('N18: 六 without the 信息处理费', () => {
  it('warns only when neither the fee statement nor the text of 六 says anything of it', () => {
    const draft = office2023();
    expect(rules(textQualityFindings(draft))).toEqual([]); // the fee fields are filled: 0 / 0 / 0
    draft.fees = { noticesIssued: null, noticesAmount: null, collectedAmount: null };
    expect(textQualityFindings(draft)).toEqual([
      {
        rule: 'N18',
        severity: 'warning',
        cells: ['fees.noticesIssued', 'narrative.other'],
        message: '六、其他需要报告的事项没有说明信息处理费的情况：请填写本年发出收费通知和实际收取信息处理费的情况（未收取的填 0），或在正文中说明。',
      },
    ]);
    setPartText(draft, 'other', 'otherMatters', '本机关2023年度未发出依申请公开缴款通知书，也未对申请人收取信息处理费，特此说明。');
    expect(rules(textQualityFindings(draft))).toEqual([]);
  });
  it('says nothing in a 2019-format report, whose format predates the fee rules and does not ask for the statement', () => {
    const draft = district2020Draft();
    draft.fees = { noticesIssued: null, noticesAmount: null, collectedAmount: null };
    expect(rules(textQualityFindings(draft))).not.toContain('N18');
  });
});

describe('in the one check', () => {
  it('N12 stays: 五 of “无” is still reported, beside the new rules', () => {
    const draft = office2023();
    setPartText(draft, 'problems', 'problems', '无');
    expect(rules(reportFindings(draft))).toEqual(['N12']);
  });
  it('the text findings come with the check of the whole report', () => {
    const draft = office2023();
    setPartText(draft, 'overview', 'onRequest', partText(draft, 'overview', 'onRequest').replace('已办结50件', '已办结51件'));
    const previous = structuredClone(office2023());
    previous.year = 2022;
    // Last year's report as a copy: its 结转下年度 (2) is not this year's 上年结转 (0), C1 and C2 of the tables.
    expect(new Set(rules(reportFindings(draft, previous)))).toEqual(new Set(['C1', 'C2', 'N4', 'N17']));
  });
});
