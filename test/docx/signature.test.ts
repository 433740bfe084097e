// @vitest-environment node
/**
 * The 落款 is an inline group of text boxes inside the last paragraph (src/docx/signature-box.ts): its text is
 * still text to everything that reads the Word file — the app's own Word import, the comparison of what a file
 * shows with the draft it carries, and screen readers.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { compareVisibleContent } from '../../src/docx/visible-content.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { docxBlocks } from '../../src/domain/import/docx-blocks.ts';
import { importDocx } from '../../src/domain/import/index.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { descendants, readDocx, textOf } from '../helpers/read-docx.ts';

function signed(date: string): Draft {
  const draft = office2023Draft();
  draft.signature = { include: true, date };
  return draft;
}

/** The file with word/document.xml edited and, unless `keepDraft`, without the draft it carries. */
function edited(bytes: Uint8Array, edit: (xml: string) => string, keepDraft: boolean): Uint8Array {
  const files = unzipSync(bytes) as Zippable;
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml'] as Uint8Array)));
  return zipSync(keepDraft ? files : Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('customXml/'))));
}

describe('the 落款 as text', () => {
  it('is read back by the app’s Word import from a file without its draft: the date, and the 落款 switched on', async () => {
    const bytes = edited(await buildReportDocx(signed('2024-01-19'), 'final'), (xml) => xml, false);
    expect(strFromU8(unzipSync(bytes)['word/document.xml']!)).toContain('<v:group');
    const result = importDocx(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.signature).toEqual({ include: true, date: '2024-01-19' });
    expect(result.draft.agency.name).toBe('宁波市镇海区人民政府办公室');
    // The last paragraph's own text (the fee sentence, read as such) is not taken for part of the 落款, nor lost.
    expect(result.draft.wording?.feeText).toContain('未收取信息处理费');
  });

  it('is compared with the draft the file carries: a date changed in Word is a difference', async () => {
    const original = await buildReportDocx(signed('2024-01-20'), 'final');
    expect(await compareVisibleContent(original, signed('2024-01-20'))).toEqual({ ok: true, differences: [] });
    const changed = edited(
      original,
      (xml) => {
        expect(xml).toContain('>2024年1月20日</w:t>');
        return xml.replace('>2024年1月20日</w:t>', '>2024年1月21日</w:t>');
      },
      true,
    );
    const comparison = await compareVisibleContent(changed, signed('2024-01-20'));
    expect(comparison.ok && comparison.differences).toEqual([
      expect.objectContaining({ kind: 'paragraph', shown: expect.stringContaining('1月21日'), expected: expect.stringContaining('1月20日') }),
    ]);
  });

  it('is read once from a file Word saved again with the 落款 as DrawingML and the VML as its fallback', async () => {
    const original = await buildReportDocx(signed('2024-01-20'), 'final');
    // Word writes the choice first and the VML after it; both hold the text boxes' paragraphs.
    const resaved = edited(
      original,
      (xml) => {
        const pict = /<w:pict>[\s\S]*<\/w:pict>/.exec(xml)![0];
        const drawing = pict.replace('<w:pict>', '<w:drawing>').replace('</w:pict>', '</w:drawing>');
        return xml.replace(pict, `<mc:AlternateContent><mc:Choice Requires="wpg">${drawing}</mc:Choice><mc:Fallback>${pict}</mc:Fallback></mc:AlternateContent>`);
      },
      true,
    );
    expect(strFromU8(unzipSync(resaved)['word/document.xml']!).match(/2024年1月20日<\/w:t>/g)).toHaveLength(2);
    expect(await compareVisibleContent(resaved, signed('2024-01-20'))).toEqual({ ok: true, differences: [] });
    // The Word import too: without the draft it carries, the 落款 is read once and nothing is left over.
    const bare = edited(resaved, (xml) => xml, false);
    const blocks = docxBlocks(bare);
    if (!blocks.ok) throw new Error(blocks.reason);
    expect(blocks.blocks.filter((block) => block.kind === 'paragraph' && block.text === '2024年1月20日')).toHaveLength(1);
    const result = importDocx(bare);
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.signature).toEqual({ include: true, date: '2024-01-20' });
    expect(JSON.stringify(result.draft.narrative)).not.toContain('2024年1月20日');
    expect(JSON.stringify(result.draft.narrative)).not.toContain('宁波市镇海区人民政府办公室');
  });

  it('without a date yet, is the agency name alone, one blank line above it', async () => {
    const draft = signed('');
    const last = readDocx(await buildReportDocx(draft, 'final')).paragraphs.at(-1)!;
    const boxes = descendants(last.node, 'v:rect').map((box) => [textOf(box), box.attrs['style']!.split(';').slice(0, 5).join(';')]);
    // 13 characters with no date to centre over: 右空二字 (640 of the text block's 8845), the box two lines (579 each) high.
    expect(boxes).toEqual([['宁波市镇海区人民政府办公室', 'position:absolute;left:0;top:0;width:8205;height:1158']]);
    expect(descendants(last.node, 'v:group')[0]!.attrs['style']).toContain('height:57.9pt');
  });

  it('is named for screen readers, with its words', async () => {
    const doc = readDocx(await buildReportDocx(signed('2024-01-20'), 'final'));
    const [group, ...more] = descendants(doc.body, 'v:group');
    expect(more).toEqual([]);
    expect(group!.attrs['alt']).toBe('落款：宁波市镇海区人民政府办公室 2024年1月20日');
  });

  it('keeps the line before the 落款 as typed: no stretching of a line that ends in a line break', async () => {
    const doc = readDocx(await buildReportDocx(signed('2024-01-20'), 'final'));
    expect(descendants(doc.paragraphs.at(-1)!.node, 'w:br')).toHaveLength(1);
    const settings = doc.xml('word/settings.xml');
    expect(settings).toMatch(/<w:compat>.*<w:doNotExpandShiftReturn\/>.*<\/w:compat>/);
  });
});
