// @vitest-environment node
/** The stated text limits: what counts, where each finding points, and that real reports are far inside them. */
import { describe, expect, it } from 'vitest';
import { countCharacters, fieldLimitMessage, TEXT_LIMIT_RULE, TEXT_LIMITS, textLimitFindings } from '../../src/domain/text-limits.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';

describe('countCharacters', () => {
  it('counts what the clerk sees as characters: whitespace no, a character outside the BMP once', () => {
    expect(countCharacters('本年 主动\n公开\u3000信息\t')).toBe(8);
    expect(countCharacters('𠀀😀a')).toBe(3);
    expect(countCharacters('\uD800x')).toBe(2); // a lone surrogate still counts (it will be dropped when printed)
    expect(countCharacters('')).toBe(0);
  });
});

describe('textLimitFindings', () => {
  it('finds nothing in the real sample reports', () => {
    expect(textLimitFindings(office2023Draft())).toEqual([]);
    expect(textLimitFindings(district2020Draft())).toEqual([]);
  });

  it('names the field past its limit, as an error the check page can locate', () => {
    const draft = office2023Draft();
    draft.narrative.overview!.intro = '开'.repeat(TEXT_LIMITS.fieldCharacters + 1);
    draft.preamble = '段\n'.repeat(TEXT_LIMITS.fieldParagraphs + 1);
    draft.agency.name = '某'.repeat(TEXT_LIMITS.lineCharacters + 1);
    const findings = textLimitFindings(draft);
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.cells])).toEqual([
      [TEXT_LIMIT_RULE, 'error', ['agency.name']],
      [TEXT_LIMIT_RULE, 'error', ['preamble']],
      [TEXT_LIMIT_RULE, 'error', ['narrative.overview.intro']],
    ]);
    expect(findings[0]!.message).toBe('机关全称有 201 字，超过了每项 200 字的上限，请删减（已写的内容都还在）。');
    expect(findings[1]!.message).toBe('编制说明有 301 段，超过了每项 300 段的上限，请合并或删减段落（已写的内容都还在）。');
    expect(findings[2]!.message).toBe('一、总体情况的开头段落有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。');
  });

  it('counts the parts once, however many, and checks the first ones’ titles and text', () => {
    const draft = office2023Draft();
    draft.narrative.overview!.parts = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i + 1}`, topic: null, title: '标'.repeat(300), text: '' }));
    const findings = textLimitFindings(draft);
    expect(findings[0]!.message).toBe('一、总体情况有 5000 个部分，超过了每节 25 个的上限，请合并或删除多余的部分（已写的内容都还在）。');
    expect(findings.filter((finding) => finding.message.includes('的标题有 300 字'))).toHaveLength(TEXT_LIMITS.parts);
  });

  it('names a part by its own title and points at its title or its text', () => {
    const draft = office2023Draft();
    const part = draft.narrative.problems!.parts[0]!;
    part.title = '主要问题';
    part.text = '问'.repeat(20_001);
    const limits = textLimitFindings(draft);
    expect(limits.map((finding) => [finding.cells, finding.message])).toEqual([
      [['narrative.problems.parts.problems'], '五、存在的主要问题及改进情况（一）主要问题有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。'],
    ]);
    part.title = '题'.repeat(201);
    part.text = '';
    expect(textLimitFindings(draft).map((finding) => finding.cells)).toEqual([['narrative.problems.parts.problems.title']]);
  });

  it('names a part as the editor labels its field: （二） under heading lines, the title in quotes as a lead-in or in 六, its place without a title', () => {
    const draft = office2023Draft();
    const problems = draft.narrative.problems!;
    problems.parts[1]!.text = '改'.repeat(20_001);
    const message = () => textLimitFindings(draft)[0]!.message;
    expect(message()).toBe('五、存在的主要问题及改进情况（二）改进情况有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。');
    problems.style = 'leadIns';
    expect(message()).toBe('五、存在的主要问题及改进情况“改进情况”有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。');
    problems.parts[1]!.text = '';
    problems.parts.push({ id: 'p9', topic: null, title: '', text: '新'.repeat(20_001) });
    expect(message()).toBe('五、存在的主要问题及改进情况第 3 部分有 20001 字，超过了每项 20000 字的上限，请删减（已写的内容都还在）。');
    problems.parts.pop();
    const other = draft.narrative.other!;
    other.parts[0]!.text = '其'.repeat(20_001);
    expect(message()).toMatch(/^六、其他需要报告的事项“[^”]+”有 20001 字/);
  });

  it('limits the whole text, every box within its own limit', () => {
    const draft = office2023Draft();
    const box = '字'.repeat(TEXT_LIMITS.fieldCharacters - 100);
    for (const section of Object.values(draft.narrative)) for (const part of section.parts) part.text = box;
    const findings = textLimitFindings(draft);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^报告的文字部分合计 \d+ 字，超过了全文 100000 字的上限/);
  });

  it('says nothing within the limits', () => {
    expect(fieldLimitMessage('本项', 'field', { characters: TEXT_LIMITS.fieldCharacters, paragraphs: TEXT_LIMITS.fieldParagraphs })).toBeNull();
  });
});
