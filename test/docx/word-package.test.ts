/**
 * What the Word file declares for readers that lack the 公文 fonts: the language of its text and a font
 * table with substitutes; and the 落款 on the last line of the text before it (GB/T 9704). Read back from the XML.
 */
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { templateOf } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { child, descendants, elements, parseXml, readDocx, textOf, type XmlNode } from '../helpers/read-docx.ts';

const on = (node: XmlNode | undefined): boolean => node !== undefined && !['false', '0', 'off'].includes(node.attrs['w:val'] ?? 'true');

describe('the Word package', () => {
  it('declares Simplified Chinese for all text in the document defaults and in Normal', async () => {
    const doc = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    const styles = parseXml(doc.xml('word/styles.xml'));
    const rPrDefault = child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    expect(child(rPrDefault, 'w:lang')?.attrs).toMatchObject({ 'w:val': 'zh-CN', 'w:eastAsia': 'zh-CN' });
    expect(child(child(doc.styles.get('Normal'), 'w:rPr'), 'w:lang')?.attrs).toMatchObject({ 'w:eastAsia': 'zh-CN' });
  });

  it('declares the 公文 fonts in the font table with a substitute, PANOSE and the GB2312 character set', async () => {
    const doc = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    const fonts = new Map(elements(parseXml(doc.xml('word/fontTable.xml')), 'w:font').map((font) => [font.attrs['w:name']!, font]));
    const expected: Record<string, string> = { 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '宋体', 黑体: 'SimHei' };
    for (const [name, altName] of Object.entries(expected)) {
      const font = fonts.get(name);
      expect(font, name).toBeDefined();
      expect(child(font, 'w:altName')?.attrs['w:val'], name).toBe(altName);
      expect(child(font, 'w:charset')?.attrs['w:val'], name).toBe('86');
      expect(child(font, 'w:panose1')?.attrs['w:val'], name).toMatch(/^[0-9A-F]{20}$/);
    }
    expect(child(fonts.get('Times New Roman'), 'w:panose1')?.attrs['w:val']).toBe('02020603050405020304');
    // Every font a run or style names is declared.
    const named = new Set(
      [...descendants(doc.document, 'w:rFonts'), ...descendants(parseXml(doc.xml('word/styles.xml')), 'w:rFonts')].flatMap((node) =>
        ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'].flatMap((slot) => (node.attrs[slot] ? [node.attrs[slot]!] : [])),
      ),
    );
    for (const name of named) expect(fonts.has(name), name).toBe(true);
  });

  it('puts the 落款 on a line of its own at the end of the last paragraph, which keeps its last lines together', async () => {
    const draft = office2023Draft();
    draft.signature = { include: true, date: '2024-01-20' };
    draft.wording = { feeText: '第一段。\n本年度未收取信息处理费。' };
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const last = doc.paragraphs.at(-1)!;
    const runs = elements(last.node, 'w:r');
    // The text, a line break, then the 落款 as one picture (w:pict) in a run of its own, and nothing after it.
    expect(runs.map((run) => elements(run).filter((node) => node.name !== 'w:rPr').map((node) => node.name))).toEqual([['w:t'], ['w:br'], ['w:pict']]);
    expect(textOf(runs[0]!)).toBe('本年度未收取信息处理费。');
    expect(descendants(runs[2]!, 'w:p').map(textOf)).toEqual([draft.agency.name, '2024年1月20日']);
    const pPr = child(last.node, 'w:pPr');
    expect(on(child(pPr, 'w:widowControl'))).toBe(true);
    // At least (not exactly) one line pitch, so that the line holding the 落款 takes its height.
    expect(child(pPr, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'atLeast' });
    expect(on(child(pPr, 'w:keepNext'))).toBe(false);
    // The paragraph before keeps its exact line pitch.
    expect(doc.paragraphs.at(-2)!.text).toBe('第一段。');
    expect(child(child(doc.paragraphs.at(-2)!.node, 'w:pPr'), 'w:spacing')).toBeUndefined();
  });

  it('puts the 落款 into the last paragraph whatever its length', async () => {
    for (const lines of [1, 20, 25]) {
      const draft = office2023Draft();
      draft.signature = { include: true, date: '2024-01-20' };
      draft.wording = { feeText: '公开'.repeat(14 * lines - 1) };
      const last = readDocx(await buildReportDocx(draft, 'final')).paragraphs.at(-1)!;
      expect(last.text, `${lines} lines`).toBe(`${'公开'.repeat(14 * lines - 1)}${draft.agency.name}2024年1月20日`);
      expect(on(child(child(last.node, 'w:pPr'), 'w:widowControl')), `${lines} lines`).toBe(true);
    }
  });

  it('gives the 落款 a paragraph of its own when the report ends in a heading', async () => {
    const draft = office2023Draft();
    draft.signature = { include: true, date: '2024-01-20' };
    // A title of the clerk's own without text yet: the heading prints, with nothing under it.
    const lastSection = templateOf(draft).sections.at(-1)!.id;
    const text = draft.narrative[lastSection]!;
    draft.narrative[lastSection] = { ...text, style: 'headings', parts: [...text.parts, { id: 'p9', topic: null, title: '其他事项', text: '' }] };
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const [heading, signature] = doc.paragraphs.slice(-2);
    expect(heading!.text).toMatch(/^（.）其他事项$/);
    expect(on(child(child(heading!.node, 'w:pPr'), 'w:keepNext'))).toBe(true);
    expect(signature!.text).toBe(`${draft.agency.name}2024年1月20日`);
    expect(descendants(signature!.node, 'w:pict')).toHaveLength(1);
  });

  it('does not hold the last paragraph to the next when there is no 落款', async () => {
    const draft = office2023Draft();
    draft.signature = { include: false, date: '' };
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const last = doc.paragraphs[doc.paragraphs.length - 1]!;
    expect(on(child(child(last.node, 'w:pPr'), 'w:keepNext'))).toBe(false);
  });
});

describe('the file properties of a report without review', () => {
  it('say 未经审核（本机关未设审核） in 审核状态 and in the description of a final file', async () => {
    const noReview = setApprovalRequired(office2023Draft(), false, '李晓明', new Date('2024-01-20T08:01:00Z'));
    noReview.review = { ...noReview.review!, status: 'editing' };
    const doc = readDocx(await buildReportDocx(noReview, 'final'));
    expect(doc.xml('docProps/custom.xml')).toContain('<vt:lpwstr>未经审核（本机关未设审核）</vt:lpwstr>');
    expect(doc.xml('docProps/custom.xml')).not.toContain('编辑中');
    expect(doc.core.description).toBe('国办公开办函〔2021〕30号格式，未经审核（本机关未设审核）');
  });
});
