/**
 * Sentences written from the tables, in the words published reports use (sample 003: “受理依申请公开52件，
 * 已办结50件，2件结转下年度继续办理。…无因政府信息公开引起的行政复议或诉讼。”), for the clerk to insert into
 * 一、总体情况 (依申请公开, and the statistics of 主动公开) instead of copying numbers by hand.
 *
 * An inserted sentence is remembered with the part (`NarrativePart.generated`: its source and its exact
 * text). While the text still holds it word for word, it is compared with what the tables say now: when a
 * number behind it changed, it is out of date (`staleSentences`) and can be refreshed in one step
 * (`refreshSentence`); it is never rewritten unasked. Once the clerk edits the sentence, it is their own
 * text and no longer compared (the record stays, harmless, until the sentence is inserted again).
 */
import type { CellValues, NarrativePart } from './draft-types.ts';
import type { ReportTemplate } from './template-types.ts';
import { indexTemplate } from './template.ts';

/** What a sentence is written from: table 三 (applications), table 四 (reviews, lawsuits), table 二. */
export type SentenceSource = 'applications' | 'reviewLitigation' | 'proactive';

export interface GeneratedSentence {
  readonly source: SentenceSource;
  /** The sentence as inserted. */
  readonly text: string;
}

export type SentenceResult = { ok: true; text: string } | { ok: false; message: string };

/** Which sentences a part of 一 offers, by the official topic it stands for. */
export const SENTENCES_BY_TOPIC: Readonly<Record<string, readonly SentenceSource[]>> = {
  proactive: ['proactive'],
  onRequest: ['applications', 'reviewLitigation'],
};

const SOURCE_NAMES: Record<SentenceSource, string> = {
  applications: '表三（收到和处理政府信息公开申请情况）',
  reviewLitigation: '表四（行政复议、行政诉讼情况）',
  proactive: '表二（主动公开政府信息情况）',
};

class Missing extends Error {}

/** Reads cells; any unfilled one makes the sentence impossible (a sentence never guesses a number). */
function reader(template: ReportTemplate, values: CellValues) {
  const known = indexTemplate(template).cellsByKey;
  const value = (key: string): number => {
    const found = values[key];
    if (typeof found !== 'number') throw new Missing(key);
    return found;
  };
  /** Sum of every cell whose key starts with `prefix.` and ends with `.suffix` (a group's rows). */
  const sum = (prefix: string, suffix: string): number => {
    let total = 0;
    for (const key of known.keys()) if (key.startsWith(`${prefix}.`) && key.endsWith(`.${suffix}`)) total += value(key);
    return total;
  };
  const has = (key: string) => known.has(key);
  return { value, sum, has };
}

/** `其中予以公开20件、不予公开2件`: the non-zero items, or '' when all are zero. */
function items(list: readonly [string, number][], unit = '件'): string {
  const shown = list.filter(([, count]) => count !== 0).map(([label, count]) => `${label}${formatNumber(count)}${unit}`);
  return shown.join('、');
}

function formatNumber(value: number): string {
  return String(value);
}

function applications(template: ReportTemplate, values: CellValues): string {
  const { value, sum } = reader(template, values);
  const received = value('applications.newReceived.total');
  const natural = value('applications.newReceived.naturalPerson');
  const carried = value('applications.carriedOver.total');
  const results: [string, number][] = [
    ['予以公开', value('applications.granted.total')],
    ['部分公开', value('applications.partiallyGranted.total')],
    ['不予公开', sum('applications.denied', 'total')],
    ['无法提供', sum('applications.unavailable', 'total')],
    ['不予处理', sum('applications.notProcessed', 'total')],
    // 2021: the rows under （六）其他处理; 2019: the one row itself (its key ends in .total as well).
    ['其他处理', sum('applications.otherHandling', 'total')],
  ];
  const done = value('applications.resultTotal.total');
  const forward = value('applications.carriedForward.total');
  const first =
    `本年度共收到政府信息公开申请${received}件` +
    (received > 0 ? `，其中自然人${natural}件、法人或其他组织${received - natural}件` : '') +
    `；上年结转${carried}件。`;
  const listed = items(results);
  const second = `本年度办结${done}件${listed ? `，其中${listed}` : ''}；结转下年度继续办理${forward}件。`;
  return first + second;
}

function reviewLitigation(template: ReportTemplate, values: CellValues): string {
  const { value } = reader(template, values);
  const outcomes = (rows: readonly string[]): [string, number][] =>
    (
      [
        ['结果维持', 'upheld'],
        ['结果纠正', 'corrected'],
        ['其他结果', 'other'],
        ['尚未审结', 'pending'],
      ] as const
    ).map(([label, column]) => [label, rows.reduce((total, row) => total + value(`reviewLitigation.${row}.${column}`), 0)]);
  const reviews = value('reviewLitigation.review.total');
  const lawsuits = value('reviewLitigation.litigationDirect.total') + value('reviewLitigation.litigationAfterReview.total');
  if (reviews === 0 && lawsuits === 0) return '本年度无因政府信息公开引起的行政复议或行政诉讼。';
  const part = (what: string, count: number, list: [string, number][]) => {
    const listed = items(list);
    return count === 0 ? `未${what}` : `${what}${count}件${listed ? `（${listed}）` : ''}`;
  };
  return (
    `本年度因政府信息公开${part('被申请行政复议', reviews, outcomes(['review']))}，` +
    `${part('被提起行政诉讼', lawsuits, outcomes(['litigationDirect', 'litigationAfterReview']))}。`
  );
}

function proactive(template: ReportTemplate, values: CellValues): string {
  const { value, has } = reader(template, values);
  if (has('proactive.regulations.issued')) {
    // 2021 format: 本年制发 / 本年废止 / 现行有效; decisions; fees in 万元.
    const documents = (key: string, name: string) =>
      `制发${name}${value(`proactive.${key}.issued`)}件、废止${value(`proactive.${key}.repealed`)}件，现行有效${value(`proactive.${key}.inForce`)}件`;
    return (
      `本年度${documents('regulations', '规章')}；${documents('normativeDocuments', '行政规范性文件')}。` +
      `作出行政许可决定${value('proactive.licensing.decisions')}件、行政处罚决定${value('proactive.penalty.decisions')}件、` +
      `行政强制决定${value('proactive.coercion.decisions')}件，收取行政事业性收费${value('proactive.fees.amount')}万元。`
    );
  }
  // 2019 format: 新制作 / 新公开 / 对外公开总数量; decisions.
  const documents = (key: string, name: string) =>
    `新制作${name}${value(`proactive.${key}.newlyMade`)}件、新公开${value(`proactive.${key}.newlyPublished`)}件，对外公开总数${value(`proactive.${key}.totalPublished`)}件`;
  return (
    `本年度${documents('regulations', '规章')}；${documents('normativeDocuments', '规范性文件')}。` +
    `作出行政许可处理决定${value('proactive.licensing.decisions')}件、行政处罚处理决定${value('proactive.penalty.decisions')}件、` +
    `行政强制处理决定${value('proactive.coercion.decisions')}件。`
  );
}

const WRITERS: Record<SentenceSource, (template: ReportTemplate, values: CellValues) => string> = { applications, reviewLitigation, proactive };

/**
 * The sentence `source` gives for these values (totals included, as `computeTotals` adds them), or why
 * there is none yet: a number it needs is not filled in.
 */
export function tableSentence(source: SentenceSource, template: ReportTemplate, values: CellValues): SentenceResult {
  try {
    return { ok: true, text: WRITERS[source](template, values) };
  } catch (error) {
    if (error instanceof Missing) return { ok: false, message: `${SOURCE_NAMES[source]}还有未填写的单元格，填写后才能根据表格写出这句话。` };
    throw error;
  }
}

export interface StaleSentence {
  readonly source: SentenceSource;
  /** The sentence in the text. */
  readonly old: string;
  /** What the tables say now. */
  readonly current: string;
}

/** Inserted sentences still in the text word for word whose numbers the tables no longer give. */
export function staleSentences(part: Pick<NarrativePart, 'text' | 'generated'>, template: ReportTemplate, values: CellValues): StaleSentence[] {
  const stale: StaleSentence[] = [];
  for (const record of part.generated ?? []) {
    if (!part.text.includes(record.text)) continue; // edited by the clerk: their text now
    const now = tableSentence(record.source, template, values);
    if (now.ok && now.text !== record.text) stale.push({ source: record.source, old: record.text, current: now.text });
  }
  return stale;
}

/** The part with the sentences of `sources` appended as a paragraph of their own, and remembered. */
export function insertSentences(
  part: Pick<NarrativePart, 'text' | 'generated'>,
  sources: readonly SentenceSource[],
  template: ReportTemplate,
  values: CellValues,
): { ok: true; text: string; generated: GeneratedSentence[] } | { ok: false; message: string } {
  const written: GeneratedSentence[] = [];
  for (const source of sources) {
    const result = tableSentence(source, template, values);
    if (!result.ok) return result;
    written.push({ source, text: result.text });
  }
  const paragraph = written.map((sentence) => sentence.text).join('');
  const text = part.text.trim() === '' ? paragraph : `${part.text.replace(/\s+$/u, '')}\n${paragraph}`;
  const kept = (part.generated ?? []).filter((record) => !sources.includes(record.source));
  return { ok: true, text, generated: [...kept, ...written] };
}

/** The part with one out-of-date sentence replaced by what the tables say now; unchanged when not stale. */
export function refreshSentence(
  part: Pick<NarrativePart, 'text' | 'generated'>,
  source: SentenceSource,
  template: ReportTemplate,
  values: CellValues,
): { text: string; generated: GeneratedSentence[] } {
  const generated = [...(part.generated ?? [])];
  const index = generated.findIndex((record) => record.source === source && part.text.includes(record.text));
  const now = tableSentence(source, template, values);
  if (index < 0 || !now.ok) return { text: part.text, generated };
  const old = generated[index]!.text;
  generated[index] = { source, text: now.text };
  return { text: part.text.replace(old, () => now.text), generated };
}
