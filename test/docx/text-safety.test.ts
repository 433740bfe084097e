// @vitest-environment node
/**
 * Narrative text comes out as typed (issue 3): XML specials, emoji, rare CJK (𠀀 U+20000) and tabs
 * unchanged; control characters pasted from other programs removed; every kind of line end a new paragraph;
 * a very long paragraph intact. The file stays well-formed XML and carries the text unchanged in its draft.
 * Text past the stated limits (150,000 paragraphs, 70,000 sub-headings) is refused with a Chinese message,
 * never a stack overflow, and the builder itself handles that many paragraphs.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { buildReportDocx, reportBlocks } from '../../src/docx/build-report.ts';
import { TEXT_LIMITS, TextLimitError } from '../../src/domain/text-limits.ts';
import { extractEmbeddedDraftJson } from '../../src/domain/embedded-draft.ts';
import { cleanText, paragraphsOf } from '../../src/domain/report-text.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { parseXml, readDocx } from '../helpers/read-docx.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

const SPECIALS = `甲 & 乙 < 丙 > 丁 "戊" '己' ]]> &amp; <w:t>`;
const EMOJI = '进展顺利😀👍🏽🇨🇳，家庭👨‍👩‍👧';
const RARE = '𠀀𠀁𪚥𰻞 U+20000';
const CONTROLS = 'a\u0000b\u0001c\u0008d\u000Ee\u001Ff\u007Fg\u0085h\uFFFEi\uFFFFj\uD800k\uDC00l\uDBFF';
// 19 600 characters in one paragraph, within the 20 000 of one text box (src/domain/text-limits.ts) with the lines above.
const LONG = '政务公开'.repeat(4_900);

function withText(draft: Draft, problems: string): Draft {
  const copy = structuredClone(draft);
  setPartText(copy, 'problems', 'problems', problems);
  return copy;
}

describe('cleanText / paragraphsOf', () => {
  it('removes XML-illegal and invisible control characters and unpaired surrogates, keeps tab and newline', () => {
    expect(cleanText(CONTROLS)).toBe('abcdefghijkl');
    expect(cleanText('a\tb\nc')).toBe('a\tb\nc');
    expect(cleanText(`${EMOJI}${RARE}${SPECIALS}`)).toBe(`${EMOJI}${RARE}${SPECIALS}`);
  });

  it('turns every kind of line end into a new paragraph and drops blank lines and typed indentation', () => {
    expect(paragraphsOf('一\r\n二\r三\u2028四\u2029五\u000B六\u000C七\n\n  \n\u3000\u3000八')).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
    ]);
  });
});

describe('narrative text in the Word file', () => {
  const text = [SPECIALS, EMOJI, RARE, `制表\t符`, CONTROLS, LONG].join('\n');
  const draft = withText(office2023Draft(), text);
  const ready = buildReportDocx(draft, 'final').then((bytes) => ({ bytes, doc: readDocx(bytes) }));

  it('stays well-formed XML in every part', async () => {
    const { doc } = await ready;
    for (const name of Object.keys(doc.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      expect(() => parseXml(doc.xml(name)), name).not.toThrow();
    }
  });

  it('prints each line as its own paragraph, as typed', async () => {
    const { doc } = await ready;
    const texts = doc.paragraphs.map((p) => p.text);
    const at = texts.indexOf(SPECIALS);
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at, at + 6)).toEqual([SPECIALS, EMOJI, RARE, '制表\t符', 'abcdefghijkl', LONG]);
  });

  it('writes a tab as w:tab', async () => {
    const { doc } = await ready;
    const p = doc.paragraphs.find((x) => x.text === '制表\t符')!;
    expect(JSON.stringify(p.node)).toContain('"w:tab"');
  });

  it('keeps the typed text, control characters included, in the embedded draft', async () => {
    const { bytes } = await ready;
    const back = JSON.parse(extractEmbeddedDraftJson(bytes)!) as Draft;
    expect(partText(back, 'problems', 'problems')).toBe(text);
    expect(back).toEqual(draft);
  });

  it('handles XML specials in the agency name (title, properties, file name)', async () => {
    const odd = structuredClone(office2023Draft());
    odd.agency.name = 'A&B<机关>"办"';
    const doc = readDocx(await buildReportDocx(odd, 'final'));
    expect(doc.paragraphs[0]!.text).toBe('A&B<机关>"办"');
    expect(doc.core.creator).toBe('A&B<机关>"办"');
    expect(doc.core.title).toBe('A&B<机关>"办"2023年政府信息公开工作年度报告');
  });
});

describe('text far past the limits', () => {
  const manyLines = withText(office2023Draft(), '存在问题\n'.repeat(150_000));
  const manyHeadings = structuredClone(office2023Draft());
  manyHeadings.narrative.overview!.parts = Array.from({ length: 70_000 }, (_, i) => ({ id: `p${i + 1}`, topic: null, title: `小标题${i}`, text: '内容' }));

  it('refuses 150,000 paragraphs and 70,000 sub-headings with the limit message, in either mode', async () => {
    for (const [draft, expected] of [
      [manyLines, '五、存在的主要问题及改进情况（一）存在的主要问题有 600000 字、150000 段，超过了每项 20000 字、300 段的上限'],
      [manyHeadings, '一、总体情况有 70000 个部分，超过了每节 25 个的上限'],
    ] as const) {
      for (const mode of ['final', 'draft'] as const) {
        const error = await buildReportDocx(draft, mode).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(TextLimitError);
        expect((error as Error).message).toContain(`文字太长，无法生成 Word 文件：${expected}`);
      }
    }
  });

  it('builds a text box of exactly the limit and refuses one character more', async () => {
    const atLimit = '政'.repeat(TEXT_LIMITS.fieldCharacters);
    const doc = readDocx(await buildReportDocx(withText(office2023Draft(), atLimit), 'draft'));
    expect(doc.paragraphs.map((p) => p.text)).toContain(atLimit);
    await expect(buildReportDocx(withText(office2023Draft(), `${atLimit}政`), 'draft')).rejects.toThrow('有 20001 字，超过了每项 20000 字的上限');
  });

  it('the builder itself lays out 150,000 paragraphs without recursion or argument spreading', () => {
    expect(reportBlocks(manyLines, 'draft').length).toBeGreaterThan(150_000);
  }, 30_000);
});
