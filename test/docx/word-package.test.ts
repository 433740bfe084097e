/**
 * What the Word file declares for readers that lack the 公文 fonts: the language of its text and a font
 * table with substitutes; and the 落款 kept with the text before it (GB/T 9704). Read back from the XML.
 */
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { setApprovalRequired } from '../../src/domain/review.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { child, descendants, elements, parseXml, readDocx, type XmlNode } from '../helpers/read-docx.ts';

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

  it('keeps the 落款 with the last paragraph: that paragraph and the agency line keep with the next', async () => {
    const draft = office2023Draft();
    draft.signature = { include: true, date: '2024-01-20' };
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const paragraphs = doc.paragraphs;
    const [lastText, name, date] = paragraphs.slice(-3);
    expect(name!.text).toBe(draft.agency.name);
    expect(date!.text).toBe('2024年1月20日');
    const pPr = (p: typeof lastText) => child(p!.node, 'w:pPr');
    expect(on(child(pPr(lastText), 'w:keepNext'))).toBe(true);
    expect(on(child(pPr(lastText), 'w:widowControl'))).toBe(true);
    expect(on(child(pPr(name), 'w:keepNext'))).toBe(true);
    expect(on(child(pPr(name), 'w:keepLines'))).toBe(true);
    expect(on(child(pPr(date), 'w:keepLines'))).toBe(true);
  });

  it('holds a last paragraph to the 落款 when both fit on a page or the paragraph is longer than a page, not in between', async () => {
    // 18 + a 落款 of 3 lines fits the 22 lines of a page; 20 does not, though the paragraph alone would (LibreOffice
    // then moves the paragraph whole to a new page and leaves the 落款 alone after it); 25 breaks anyway.
    const keepsByLines = await Promise.all(
      [18, 20, 25].map(async (lines) => {
        const draft = office2023Draft();
        draft.signature = { include: true, date: '2024-01-20' };
        draft.wording = { feeText: '公开'.repeat(14 * lines - 1) };
        const [lastText] = readDocx(await buildReportDocx(draft, 'final')).paragraphs.slice(-3);
        const pPr = child(lastText!.node, 'w:pPr');
        expect(on(child(pPr, 'w:widowControl')), `${lines} lines`).toBe(true);
        return on(child(pPr, 'w:keepNext'));
      }),
    );
    expect(keepsByLines).toEqual([true, false, true]);
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
