// @vitest-environment node
/**
 * The generated texts: the default 编制说明 (spec §2.1), the 信息处理费 sentence of 六 (spec §2.3), the
 * clerk's own 编制说明 taking its place, optional parts of 六, and the 落款 (spec §8.5).
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { feeStatementSentence } from '../../src/domain/fee-statement.ts';
import { defaultPreamble } from '../../src/domain/preamble.ts';
import { templateOf } from '../../src/domain/values.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { chineseDate, chineseNumeral } from '../../src/domain/report-text.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { descendants, paragraphInfo, readDocx, textOf } from '../helpers/read-docx.ts';
import { setPartText } from '../helpers/narrative.ts';

function edit(draft: Draft, change: (d: Draft) => void): Draft {
  const copy = structuredClone(draft);
  change(copy);
  return copy;
}

describe('defaultPreamble', () => {
  it('states the legal basis with the template’s notice, the six parts, the period and the contact', () => {
    for (const draft of [office2023Draft(), district2020Draft()]) {
      const template = templateOf(draft);
      const text = defaultPreamble(draft);
      expect(text).toContain('《中华人民共和国政府信息公开条例》（国务院令第711号）');
      expect(text).toContain(`${template.noticeTitle}（${template.notice}）`);
      expect(text).toContain(`结合${draft.agency.name}${draft.year}年度政府信息公开工作实际编制`);
      for (const section of template.sections) expect(text).toContain(section.heading.replace(/^.、/, ''));
      expect(text).toContain('六个部分');
      expect(text).toContain(`从${draft.year}年1月1日到12月31日止`);
      expect(text).toContain(
        `请与${draft.agency.name}联系（地址：${draft.agency.address}，邮编：${draft.agency.postcode}，电话：${draft.agency.phone}）。`,
      );
    }
  });

  it('says where the electronic version can be downloaded when a website is given', () => {
    const named = edit(office2023Draft(), (d) => (d.agency.website = '宁波市镇海区人民政府门户网站'));
    expect(defaultPreamble(named)).toContain('本报告电子版可在宁波市镇海区人民政府门户网站查阅和下载。');
    const url = edit(office2023Draft(), (d) => (d.agency.website = 'http://www.zh.gov.cn'));
    expect(defaultPreamble(url)).toContain('本报告电子版可在网站（http://www.zh.gov.cn）查阅和下载。');
    expect(defaultPreamble(office2023Draft())).not.toContain('电子版');
  });

  it('leaves out empty contact details gracefully', () => {
    const some = edit(office2023Draft(), (d) => {
      d.agency.address = '';
      d.agency.postcode = '  ';
    });
    expect(defaultPreamble(some)).toMatch(/联系（电话：0574-89287728）。$/);
    const none = edit(some, (d) => (d.agency.phone = ''));
    expect(defaultPreamble(none)).toMatch(/请与宁波市镇海区人民政府办公室联系。$/);
    expect(defaultPreamble(none)).not.toMatch(/（）|：，|，）/);
  });
});

describe('feeStatementSentence', () => {
  const fees = (noticesIssued: number | null, noticesAmount: number | null, collectedAmount: number | null) =>
    feeStatementSentence(edit(office2023Draft(), (d) => (d.fees = { noticesIssued, noticesAmount, collectedAmount })));

  it('states that nothing was issued or collected', () => {
    expect(fees(0, 0, 0)).toBe('本机关2023年度未发出信息处理费收费通知，未收取信息处理费。');
  });

  it('states counts and amounts in 元', () => {
    expect(fees(3, 150, 100)).toBe('本机关2023年度共发出信息处理费收费通知3件，金额合计150元，实际收取信息处理费100元。');
    expect(fees(2, 80.5, 0)).toBe('本机关2023年度共发出信息处理费收费通知2件，金额合计80.5元，未收取信息处理费。');
    expect(fees(0, 0, 400)).toBe('本机关2023年度未发出信息处理费收费通知，实际收取信息处理费400元。');
  });

  it('never states an unentered value as 0', () => {
    expect(fees(null, null, null)).toBe('');
    expect(fees(null, null, 0)).toBe('本机关2023年度未收取信息处理费。');
    expect(fees(4, null, null)).toBe('本机关2023年度共发出信息处理费收费通知4件。');
  });
});

describe('fee values outside the domain in the Word file', () => {
  it('prints them as they are in the version marked 草稿, and the final version is refused', async () => {
    const draft = edit(office2023Draft(), (d) => (d.fees = { noticesIssued: -1, noticesAmount: 0, collectedAmount: 12.345 }));
    const doc = readDocx(await buildReportDocx(draft, 'draft'));
    expect(doc.paragraphs.map((p) => p.text)).toContain('本机关2023年度共发出信息处理费收费通知-1件，金额合计0元，实际收取信息处理费12.345元。');
    await expect(buildReportDocx(draft, 'final')).rejects.toThrow();
  });
});

describe('texts in the Word file', () => {
  it('prints the clerk’s own 编制说明 instead of the default, paragraph by paragraph', async () => {
    const draft = edit(office2023Draft(), (d) => (d.preamble = '编制说明：第一段。\n第二段。'));
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    expect(doc.paragraphs.slice(2, 4).map((p) => p.text)).toEqual(['编制说明：第一段。', '第二段。']);
    expect(doc.paragraphs.some((p) => p.text === defaultPreamble(draft))).toBe(false);
  });

  it('prints optional parts of 六 only when written, as （一）… after the fee sentence', async () => {
    const template = templateOf(office2023Draft());
    const other = template.sections.find((s) => s.id === 'other');
    if (other?.kind !== 'narrative') throw new Error('no 六');
    const plain = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    const titles = other.parts.map((p) => p.title);
    expect(plain.paragraphs.filter((p) => titles.some((t) => p.text.endsWith(t)))).toEqual([]);

    const [first, , third] = other.parts;
    const draft = edit(office2023Draft(), (d) => {
      setPartText(d, 'other', first!.key, '落实情况。');
      setPartText(d, 'other', third!.key, '创新情况。');
    });
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    const texts = doc.paragraphs.map((p) => p.text);
    const at = texts.indexOf(other.heading);
    expect(texts.slice(at + 1)).toEqual([
      feeStatementSentence(draft),
      `（一）${first!.title}`,
      '落实情况。',
      `（二）${third!.title}`,
      '创新情况。',
    ]);
  });

  it('prints the 落款 when asked: agency name, then the date 右空四字, one blank line above', async () => {
    const draft = edit(office2023Draft(), (d) => (d.signature = { include: true, date: '2024-01-18' }));
    const doc = readDocx(await buildReportDocx(draft, 'final'));
    // One text box a line (./signature-box.ts), in the last paragraph: the first holds the blank line above.
    const boxes = descendants(doc.paragraphs.at(-1)!.node, 'v:rect').map((box) => {
      const style = Object.fromEntries(box.attrs['style']!.split(';').map((entry) => entry.split(':') as [string, string]));
      const [paragraph, ...more] = descendants(box, 'w:p').map(paragraphInfo);
      expect(more).toEqual([]);
      return { text: paragraph!.text, alignment: paragraph!.alignment, top: style['top'], width: style['width'], height: style['height'], anchor: style['v-text-anchor'] };
    });
    // Widths in twips from the left margin: the text block is 8845 wide, a character 320; the text is
    // right-aligned, so the date ends 4 characters (1280) short of the margin, and the name, shorter than
    // 4 + the date's 6½ + 4 characters, ends 2 characters short of it (never closer).
    expect(boxes).toEqual([
      { text: '宁波市镇海区人民政府办公室', alignment: 'right', top: '0', width: String(8845 - 2 * 320), height: String(2 * 579), anchor: 'bottom' },
      { text: '2024年1月18日', alignment: 'right', top: String(2 * 579), width: String(8845 - 4 * 320), height: '579', anchor: 'bottom' },
    ]);
    const none = readDocx(await buildReportDocx(office2023Draft(), 'final'));
    expect(none.paragraphs.at(-1)!.text).not.toContain('2024年1月18日');
    expect(descendants(none.body, 'w:pict')).toEqual([]);
  });

  it('centres a short agency name over the date, and wraps a long one 右空二字 with the date below it', async () => {
    const layout = (name: string) => {
      const draft = edit(office2023Draft(), (d) => {
        d.signature = { include: true, date: '2024-01-18' };
        d.agency.name = name;
      });
      return buildReportDocx(draft, 'final').then((bytes) =>
        descendants(readDocx(bytes).paragraphs.at(-1)!.node, 'v:rect').map((box) => [textOf(box), /top:(\d+);width:(\d+)/.exec(box.attrs['style']!)!.slice(1).join(' ')]),
      );
    };
    // 某某局 (3 characters) over 2024年1月18日 (6½): its right end 4 + (6½ − 3) / 2 = 5¾ characters (1840) from the margin.
    expect(await layout('某某局')).toEqual([
      ['某某局', `0 ${8845 - 1840}`],
      ['2024年1月18日', `${2 * 579} ${8845 - 1280}`],
    ]);
    // 30 characters: 26 on the first line (the text block's 28 less 2), the rest on the next, the date after them.
    const long = '宁波市镇海区人民政府办公室宁波市镇海区大数据发展管理局办公室';
    expect(await layout(long)).toEqual([
      [long.slice(0, 26), `0 ${8845 - 640}`],
      [long.slice(26), `${2 * 579} ${8845 - 640}`],
      ['2024年1月18日', `${3 * 579} ${8845 - 1280}`],
    ]);
  });

  it('writes dates and ordinals the Chinese way', () => {
    expect(chineseDate('2024-01-18')).toBe('2024年1月18日');
    expect(chineseDate('2024-02-30')).toBeNull();
    expect(chineseDate('')).toBeNull();
    expect([1, 5, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '五', '十', '十一', '二十', '二十三']);
  });
});
