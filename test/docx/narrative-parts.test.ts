// @vitest-environment node
/**
 * The narrative prints as the clerk shaped it: parts retitled, moved, added and removed print in that
 * order under those titles (narrativeOutline, one answer for the Word file and the preview), and a section
 * written with lead-ins prints each title in 黑体 at the start of its first paragraph (sample 003's 五:
 * “主要问题：…”, “改进情况：…”). The topic a part stands for still counts for the checks.
 */
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { reportFindings } from '../../src/domain/check.ts';
import type { Draft, NarrativePart } from '../../src/domain/draft-types.ts';
import { narrativeOutline } from '../../src/domain/report-outline.ts';
import { narrativeSections } from '../../src/domain/template.ts';
import type { NarrativeSectionTemplate } from '../../src/domain/template-types.ts';
import { templateOf } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { readDocx, type DocxRead } from '../helpers/read-docx.ts';

function sectionOf(draft: Draft, id: string): NarrativeSectionTemplate {
  return narrativeSections(templateOf(draft)).find((section) => section.id === id)!;
}

const take = (parts: NarrativePart[], id: string): NarrativePart => {
  const index = parts.findIndex((part) => part.id === id);
  if (index < 0) throw new Error(`no part ${id}`);
  return parts.splice(index, 1)[0]!;
};

/** Sample 000's 一 in its own order and words: the clerk's sub-headings, 监督保障 first, 平台建设 removed. */
function reshaped(): Draft {
  const draft = office2023Draft();
  const overview = draft.narrative.overview!;
  const parts = overview.parts;
  const oversight = take(parts, 'oversight');
  take(parts, 'platforms');
  oversight.title = '“专班化”加强组织领导，提升统筹协调效率';
  parts.unshift(oversight);
  parts.push({ id: 'p1', topic: null, title: '政务公开标准化规范化建设', text: '更新基层政务公开事项目录。' });
  parts.find((part) => part.id === 'onRequest')!.title = '依申请公开办理情况';
  return draft;
}

/** Body paragraphs between one 一、 heading and the next. */
function sectionParagraphs(doc: DocxRead, heading: string, next: string): { text: string; fonts: string[] }[] {
  const texts = doc.paragraphs.map((p) => p.text);
  const start = texts.indexOf(heading);
  const end = texts.indexOf(next);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return doc.paragraphs.slice(start + 1, end).map((p) => ({ text: p.text, fonts: p.runs.map((run) => run.fonts?.['w:eastAsia'] ?? '') }));
}

describe('narrativeOutline: the order and titles the clerk chose', () => {
  it('prints the parts in the draft’s order under their own titles, numbered as printed', () => {
    const draft = reshaped();
    const outline = narrativeOutline(sectionOf(draft, 'overview'), draft.narrative.overview, false);
    expect(outline.parts.map((part) => [part.key, part.ordinal, part.title, part.style])).toEqual([
      ['oversight', '（一）', '“专班化”加强组织领导，提升统筹协调效率', 'heading'],
      ['proactive', '（二）', '主动公开', 'heading'],
      ['onRequest', '（三）', '依申请公开办理情况', 'heading'],
      ['management', '（四）', '政府信息管理', 'heading'],
      ['extra.0', '（五）', '政务新媒体管理方面', 'heading'],
      ['p1', '（六）', '政务公开标准化规范化建设', 'heading'],
    ]);
    // The removed required topic is named, as the preview points it out.
    expect(outline.unwrittenRequired).toEqual(['政府信息公开平台建设']);
  });

  it('prints the official title where the clerk emptied the title, and leaves an empty own part out', () => {
    const draft = office2023Draft();
    draft.narrative.overview!.parts[0]!.title = '  ';
    draft.narrative.overview!.parts.push({ id: 'p1', topic: null, title: '', text: '' });
    const outline = narrativeOutline(sectionOf(draft, 'overview'), draft.narrative.overview, true);
    expect(outline.parts[0]!.title).toBe('主动公开');
    expect(outline.parts.map((part) => part.key)).not.toContain('p1');
  });

  it('in the lead-in style: no ordinals, the title with a colon as lead-in, one already ending in a colon kept', () => {
    const draft = office2023Draft();
    const problems = draft.narrative.problems!;
    problems.style = 'leadIns';
    problems.parts[0]!.title = '主要问题';
    problems.parts[1]!.title = '改进情况：';
    const outline = narrativeOutline(sectionOf(draft, 'problems'), problems, false);
    expect(outline.parts.map((part) => [part.ordinal, part.style, part.leadIn])).toEqual([
      ['', 'leadIn', '主要问题：'],
      ['', 'leadIn', '改进情况：'],
    ]);
  });
});

describe('the Word file prints what was written, in that order', () => {
  it('一 retitled, moved, added and removed', async () => {
    const draft = reshaped();
    const doc = readDocx(await buildReportDocx(draft, 'draft'));
    const texts = sectionParagraphs(doc, '一、总体情况', '二、主动公开政府信息情况').map((p) => p.text);
    const headings = texts.filter((text) => /^（[一二三四五六七八九十]+）/.test(text));
    expect(headings).toEqual([
      '（一）“专班化”加强组织领导，提升统筹协调效率',
      '（二）主动公开',
      '（三）依申请公开办理情况',
      '（四）政府信息管理',
      '（五）政务新媒体管理方面',
      '（六）政务公开标准化规范化建设',
    ]);
    // Each text under its own heading.
    const oversightText = draft.narrative.overview!.parts[0]!.text.split('\n')[0]!.trim();
    expect(texts[texts.indexOf(headings[0]!) + 1]).toBe(oversightText);
    expect(texts[texts.indexOf(headings[5]!) + 1]).toBe('更新基层政务公开事项目录。');
    expect(texts.join('')).not.toContain('政府信息公开平台建设');
  });

  it('五 with lead-ins: “主要问题：” in 黑体 opens the first paragraph, no heading lines', async () => {
    const draft = office2023Draft();
    const problems = draft.narrative.problems!;
    problems.style = 'leadIns';
    problems.parts[0]!.title = '主要问题';
    problems.parts[1]!.title = '改进情况';
    problems.parts[0]!.text = '政策解读形式较为单一。\n基层公开标准化有待加强。';
    problems.parts[1]!.text = '丰富解读形式，推进标准化建设。';
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const paragraphs = sectionParagraphs(doc, '五、存在的主要问题及改进情况', '六、其他需要报告的事项');
    expect(paragraphs.map((p) => p.text)).toEqual(['主要问题：政策解读形式较为单一。', '基层公开标准化有待加强。', '改进情况：丰富解读形式，推进标准化建设。']);
    expect(doc.paragraphs.some((p) => p.text === '（一）存在的主要问题' || p.text === '（一）主要问题')).toBe(false);
    // The lead-in run in 黑体, the text after it in the body font (no font of its own).
    expect(paragraphs[0]!.fonts).toEqual(['黑体', '']);
    expect(paragraphs[2]!.fonts).toEqual(['黑体', '']);
  });
});

describe('the topic a part stands for still counts for the checks', () => {
  it('五’s 存在的主要问题 retitled and moved is still checked (N12) by its topic; removed, it is reported as missing', () => {
    const draft = office2023Draft();
    const parts = draft.narrative.problems!.parts;
    parts.reverse();
    parts[1]!.title = '主要问题';
    parts[1]!.text = '无';
    const n12 = () => reportFindings(draft).filter((finding) => finding.rule === 'N12');
    expect(n12().map((finding) => [finding.cells, finding.message])).toEqual([
      [['narrative.problems.parts.problems'], '五、存在的主要问题及改进情况（二）主要问题只有 1 个字，应如实报告，不少于 10 个字，不能只写“无”。'],
    ]);
    parts.splice(1, 1);
    expect(n12().map((finding) => [finding.cells, finding.message])).toEqual([
      [['narrative.problems'], '五、存在的主要问题及改进情况没有写“存在的主要问题”这一部分（已删除），应如实报告，不能空缺；请在本节增加这一部分。'],
    ]);
  });
});
