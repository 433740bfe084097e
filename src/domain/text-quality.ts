/**
 * What evaluators check of the report's text besides its numbers (warnings, part of the one check):
 *
 * - N15: 一、总体情况 within the local length limit (`settings.overviewLengthLimit`, default 1000 字, null:
 *   none), counted as the editor counts 字 (`countCharacters`: every character but whitespace) over the
 *   text the clerk writes — the opening paragraph, every part and every added sub-topic with its title.
 * - N16: 一、总体情况 covers the five topics of 国办公开办函〔2021〕30号 (主动公开、依申请公开、政府信息管理、
 *   政府信息公开平台建设、监督保障). A topic is covered by a written part standing for it (the template's part,
 *   or any part whose title names it) or by its key words anywhere in the section. For a 各级人民政府
 *   (`agency.kind === 'government'`) also 工作考核、社会评议和责任追究结果 (条例 第五十条第（四）项), by key words.
 * - N17: with last year's report attached, a part nearly identical to last year's: the character-bigram
 *   Jaccard similarity of the two texts (whitespace removed) is at least `REPEAT_SIMILARITY` (0.8), or at
 *   least `REPEAT_SENTENCE_SHARE` (80 %) of this year's sentences appear word for word in last year's
 *   part. Parts shorter than `REPEAT_MIN_CHARACTERS` are not compared (本年度无其他需要报告的事项 may be
 *   the same every year), unless they are word for word last year's and at least
 *   `REPEAT_MIN_IDENTICAL_CHARACTERS` long: a short part carried over from last year's report unchanged
 *   (a report begun from last year's) is flagged until it is rewritten. The finding lists the repeated
 *   sentences as both years have them.
 * - N18: 六 says nothing about the 信息处理费: neither the generated statement (from `fees`) nor the
 *   clerk's text of 六 mentions 信息处理费 / 收费通知. Only where the format asks for that statement
 *   (`feeStatementRequired`: the 2021 format; the 2019 one predates the fee rules).
 *
 * The text is read through `narrativePlaces` (text-numbers.ts), that is through `narrativeOutline`.
 */
import { overviewLengthLimitOf, type Draft } from './draft-types.ts';
import { feeStatementSentence } from './fee-statement.ts';
import type { Finding, RepeatedSentence } from './findings.ts';
import { narrativeSections } from './template.ts';
import type { ReportTemplate } from './template-types.ts';
import { countCharacters } from './text-limits.ts';
import { narrativePlaces, type TextPlace } from './text-numbers.ts';
import { templateOf } from './values.ts';

export const OVERVIEW_LENGTH_RULE = 'N15';
export const OVERVIEW_TOPIC_RULE = 'N16';
export const REPEATED_TEXT_RULE = 'N17';
export const FEE_STATEMENT_MISSING_RULE = 'N18';

/** Character-bigram Jaccard similarity from which a part counts as repeated from last year. */
export const REPEAT_SIMILARITY = 0.8;
/** Share of this year's sentences found word for word in last year's part from which it counts as repeated. */
export const REPEAT_SENTENCE_SHARE = 0.8;
/** Parts shorter than this (字) are not compared with last year's. */
export const REPEAT_MIN_CHARACTERS = 30;
/**
 * A shorter part still counts as repeated when it is word for word last year's (whitespace aside) and at
 * least this long: a one-sentence part carried over unchanged, while a stock line such as
 * 本年度无其他需要报告的事项。 (13 字) may stay the same every year.
 */
export const REPEAT_MIN_IDENTICAL_CHARACTERS = 20;

interface Topic {
  /** Key of the template part that stands for it (templates/shared.ts `overviewSection`). */
  readonly part: string;
  readonly title: string;
  readonly keywords: RegExp;
}

/** The five topics of 30号, with the words by which a report shows it wrote about each. */
export const OVERVIEW_TOPICS: readonly Topic[] = [
  { part: 'proactive', title: '主动公开', keywords: /主动公开/ },
  { part: 'onRequest', title: '依申请公开', keywords: /依申请|政府信息公开申请|公开申请/ },
  { part: 'management', title: '政府信息管理', keywords: /信息管理|发布审查|保密审查|公开属性|动态更新|规范性文件清理|清理规范性文件|三审三校/ },
  { part: 'platforms', title: '政府信息公开平台建设', keywords: /平台|网站|政务新媒体|政府公报|公开专栏|微信公众号|政务微博/ },
  { part: 'oversight', title: '监督保障', keywords: /监督|保障|考核|培训|社会评议|责任追究/ },
];

/** 条例 第五十条第（四）项, for 各级人民政府: each result named. */
const GOVERNMENT_RESULTS: readonly { readonly title: string; readonly keywords: RegExp }[] = [
  { title: '工作考核', keywords: /考核/ },
  { title: '社会评议', keywords: /评议/ },
  { title: '责任追究', keywords: /责任追究|追责|问责/ },
];

const FEE_WORDS = /信息处理费|收费通知|缴费通知|缴款通知/;

function hasText(text: string): boolean {
  return /\S/.test(text);
}

/** The text of a place together with the title it prints under (an added sub-topic's title counts). */
function overviewFindings(draft: Draft, template: ReportTemplate, places: readonly TextPlace[]): Finding[] {
  const section = narrativeSections(template).find((candidate) => candidate.id === 'overview');
  if (!section) return [];
  const own = places.filter((place) => place.section.id === section.id);
  const findings: Finding[] = [];
  // A sub-topic of the agency's own counts with its title (it says what the part is about).
  const written = (place: TextPlace) => `${place.topic === null ? place.title : ''}${place.text}`;

  const limit = overviewLengthLimitOf(draft);
  const length = own.reduce((sum, place) => sum + countCharacters(written(place)), 0);
  if (limit !== null && length > limit) {
    findings.push({
      rule: OVERVIEW_LENGTH_RULE,
      severity: 'warning',
      cells: [`narrative.${section.id}`],
      message: `${section.heading}共 ${length} 字，超过本地规定的 ${limit} 字上限 ${length - limit} 字，请精简。`,
    });
  }

  const all = own.map(written).join('\n');
  for (const topic of OVERVIEW_TOPICS) {
    const standing = own.some((place) => hasText(place.text) && (place.topic === topic.part || place.title.includes(topic.title)));
    if (standing || topic.keywords.test(all)) continue;
    const home = own.find((place) => place.topic === topic.part);
    findings.push({
      rule: OVERVIEW_TOPIC_RULE,
      severity: 'warning',
      cells: [home?.field ?? `narrative.${section.id}`],
      message: `${section.heading}没有写到“${topic.title}”方面的情况，按国办公开办函〔2021〕30号应当包括。`,
    });
  }
  if (draft.agency?.kind === 'government') {
    const missing = GOVERNMENT_RESULTS.filter((result) => !result.keywords.test(all)).map((result) => result.title);
    if (missing.length > 0) {
      const home = own.find((place) => place.topic === 'oversight');
      findings.push({
        rule: OVERVIEW_TOPIC_RULE,
        severity: 'warning',
        cells: [home?.field ?? `narrative.${section.id}`],
        message: `${section.heading}没有写到${missing.map((title) => `“${title}”`).join('、')}的结果情况。各级人民政府应报告工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）。`,
      });
    }
  }
  return findings;
}

function feeStatementFindings(draft: Draft, template: ReportTemplate, places: readonly TextPlace[]): Finding[] {
  const section = narrativeSections(template).find((candidate) => candidate.hasFeeStatement);
  if (!section?.feeStatementRequired || !draft.fees) return [];
  if (feeStatementSentence(draft) !== '') return [];
  if (places.some((place) => place.section.id === section.id && FEE_WORDS.test(place.text))) return [];
  return [
    {
      rule: FEE_STATEMENT_MISSING_RULE,
      severity: 'warning',
      cells: ['fees.noticesIssued', `narrative.${section.id}`],
      message: `${section.heading}没有说明信息处理费的情况：请填写本年发出收费通知和实际收取信息处理费的情况（未收取的填 0），或在正文中说明。`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Repeated from last year

/** Sentences of a text: split after 。！？；and at line ends, whitespace removed, empty ones dropped. */
export function sentencesOf(text: string): string[] {
  // A match per sentence rather than a split with look-behind, which older Safari cannot parse.
  return (text.match(/[^。！？；;!?\n]+[。！？；;!?]?/gu) ?? [])
    .map((sentence) => sentence.replace(/\s+/gu, ''))
    .filter((sentence) => countCharacters(sentence) >= 6);
}

/** Adjacent character pairs of a text, whitespace removed, as numbers (two UTF-16 units each). */
function bigrams(text: string): Set<number> {
  const compact = text.replace(/\s+/gu, '');
  const set = new Set<number>();
  for (let i = 0; i + 1 < compact.length; i++) set.add(compact.charCodeAt(i) * 0x10000 + compact.charCodeAt(i + 1));
  return set;
}

function jaccard(left: ReadonlySet<number>, right: ReadonlySet<number>): number {
  if (left.size === 0 && right.size === 0) return 1;
  // At most min/max: far apart in size, nothing to count.
  if (Math.min(left.size, right.size) / Math.max(left.size, right.size) < REPEAT_SIMILARITY) return Math.min(left.size, right.size) / Math.max(left.size, right.size);
  let shared = 0;
  for (const pair of left) if (right.has(pair)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Jaccard similarity of the two texts' sets of adjacent character pairs, 0–1. */
export function bigramSimilarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

/** A text without its whitespace: two texts equal in this form are the same text. */
function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Punctuation-insensitive form of a sentence, to find it again in last year's text. */
function sentenceKey(sentence: string): string {
  return sentence.replace(/[\s，,。．.！!？?；;：:、“”"'‘’（）()]/gu, '');
}

interface TextAnalysis {
  readonly characters: number;
  readonly bigrams: ReadonlySet<number>;
  readonly sentences: readonly string[];
  /** Sentence by its punctuation-insensitive key. */
  readonly byKey: ReadonlyMap<string, string>;
}

/**
 * What the comparison needs of a text, kept for the texts seen last: last year's report does not change
 * while the clerk types, and a keystroke changes one paragraph of this year's.
 */
const analysisCache = new Map<string, TextAnalysis>();
const ANALYSIS_CACHE_SIZE = 200;

function analysisOf(text: string): TextAnalysis {
  const cached = analysisCache.get(text);
  if (cached) return cached;
  const sentences = sentencesOf(text);
  const analysis: TextAnalysis = {
    characters: countCharacters(text),
    bigrams: bigrams(text),
    sentences,
    byKey: new Map(sentences.map((sentence) => [sentenceKey(sentence), sentence] as const)),
  };
  if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value!);
  analysisCache.set(text, analysis);
  return analysis;
}

export interface Repetition {
  readonly similarity: number;
  readonly sentenceShare: number;
  readonly repeated: readonly RepeatedSentence[];
}

/** Comparisons made, by this year's text's analysis and last year's: unchanged texts are not compared again. */
const repetitionCache = new WeakMap<TextAnalysis, WeakMap<TextAnalysis, Repetition>>();

/** How much of `current` repeats `previous`; null when the part is too short to compare. */
export function repetition(current: string, previous: string): Repetition | null {
  const now = analysisOf(current);
  const before = analysisOf(previous);
  const shortest = Math.min(now.characters, before.characters);
  if (shortest < REPEAT_MIN_IDENTICAL_CHARACTERS) return null;
  if (shortest < REPEAT_MIN_CHARACTERS && compact(current) !== compact(previous)) return null;
  let known = repetitionCache.get(now);
  if (!known) {
    known = new WeakMap();
    repetitionCache.set(now, known);
  }
  const cached = known.get(before);
  if (cached) return cached;
  const result = compare(now, before);
  known.set(before, result);
  return result;
}

function compare(now: TextAnalysis, before: TextAnalysis): Repetition {
  const repeated = now.sentences.flatMap((sentence) => {
    const match = before.byKey.get(sentenceKey(sentence));
    return match === undefined ? [] : [{ current: sentence, previous: match }];
  });
  return {
    similarity: jaccard(now.bigrams, before.bigrams),
    sentenceShare: now.sentences.length === 0 ? 0 : repeated.length / now.sentences.length,
    repeated,
  };
}

/** Last year's report does not change while the clerk types: its places are read once. */
const previousPlacesCache = new WeakMap<Draft, readonly TextPlace[]>();

function placesOfPrevious(previous: Draft): readonly TextPlace[] {
  let places = previousPlacesCache.get(previous);
  if (!places) {
    places = narrativePlaces(previous, templateOf(previous));
    previousPlacesCache.set(previous, places);
  }
  return places;
}

function repeatedFindings(places: readonly TextPlace[], previous: Draft): Finding[] {
  const previousPlaces = placesOfPrevious(previous);
  const findings: Finding[] = [];
  for (const place of places) {
    // Last year's same part: the intro, the part standing for the same topic, or an own part of the same title.
    const samePart = (candidate: TextPlace) =>
      place.part === 'intro' ? candidate.part === 'intro' : place.topic !== null ? candidate.topic === place.topic : candidate.topic === null && candidate.part !== 'intro' && candidate.title === place.title;
    const before = previousPlaces.find((candidate) => candidate.section.id === place.section.id && samePart(candidate));
    if (!before) continue;
    const found = repetition(place.text, before.text);
    if (!found || (found.similarity < REPEAT_SIMILARITY && found.sentenceShare < REPEAT_SENTENCE_SHARE)) continue;
    const percent = Math.round(Math.max(found.similarity, found.sentenceShare) * 100);
    findings.push({
      rule: REPEATED_TEXT_RULE,
      severity: 'warning',
      cells: [place.field],
      message: `${place.name}与上年报告的同一部分基本相同（相似度 ${percent}%${found.repeated.length > 0 ? `，${found.repeated.length} 句原样重复` : ''}），应写本年度的实际情况，不能照抄上年。`,
      repeated: found.repeated,
    });
  }
  return findings;
}

/**
 * N15–N18 for a draft; N17 only with last year's report. In the order above. `places`: the draft's
 * narrative as `narrativePlaces` reads it, when the caller has it already.
 */
export function textQualityFindings(
  draft: Draft,
  previous?: Draft | null,
  template: ReportTemplate = templateOf(draft),
  places: readonly TextPlace[] = narrativePlaces(draft, template),
): Finding[] {
  return [
    ...overviewFindings(draft, template, places),
    ...feeStatementFindings(draft, template, places),
    ...(previous ? repeatedFindings(places, previous) : []),
  ];
}
