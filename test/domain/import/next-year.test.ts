/**
 * Starting this year's report from last year's imported report: text kept, tables empty, 上年结转
 * carried over from last year's 结转下年度继续办理 (figures of the published 2023 report: 2 · 0 … · 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import { readDraftJson, serializeDraft } from '../../../src/domain/draft-file.ts';
import { draftForNextYear, importHtmlDocument } from '../../../src/domain/import/index.ts';
import { flattenTables, templateOf } from '../../../src/domain/values.ts';
import { partText } from '../../helpers/narrative.ts';

const page = readFileSync(new URL('../../fixtures/import/zhenhai-office-2023.html', import.meta.url), 'utf8');
const imported = importHtmlDocument(parseHtml(page));
if (!imported.ok) throw new Error(imported.message);
const next = draftForNextYear(imported.draft, new Date('2025-01-05T08:00:00Z'));

describe('draftForNextYear', () => {
  it('is the next year of the same agency, with its contact details, in the format of that year', () => {
    expect(next.year).toBe(2024);
    expect(next.template).toBe('2021');
    expect(next.agency).toEqual({ name: '宁波市镇海区人民政府办公室', address: '宁波市镇海区民和路569号区政府办政务公开科', postcode: '315200', phone: '0574-89287728', website: '' });
  });

  it('carries 上年结转 over from last year’s 结转下年度继续办理 and leaves every other cell empty', () => {
    const values = flattenTables(templateOf(next), next.tables);
    expect(values['applications.carriedOver.naturalPerson']).toBe(2);
    expect(values['applications.carriedOver.commercial']).toBe(0);
    expect(values['applications.carriedOver.total']).toBe(2);
    const others = Object.entries(values).filter(([key]) => !key.startsWith('applications.carriedOver.'));
    expect(others.length).toBeGreaterThan(150);
    for (const [key, value] of others) expect(value, key).toBeNull();
  });

  it('does not carry last year’s 信息处理费 sentence or figures over: this year states its own', () => {
    expect(imported.ok && imported.draft.fees).toEqual({ noticesIssued: 0, noticesAmount: 0, collectedAmount: 0 });
    expect(next.fees).toEqual({ noticesIssued: null, noticesAmount: null, collectedAmount: null });
    expect(next.wording).toBeUndefined();
    expect(JSON.stringify(next.narrative)).not.toContain('信息处理费');
  });

  it('keeps last year’s text as the starting point, but not the 编制说明 and the 落款 date', () => {
    expect(partText(next, 'overview', 'onRequest')).toBe('受理依申请公开52件，已办结50件，2件结转下年度继续办理。');
    // Last year's parts in last year's order and titles, the agency's own part among them.
    expect(next.narrative.overview!.parts.map((part) => part.title)).toEqual([
      '主动公开情况',
      '依申请公开情况',
      '政府信息管理情况',
      '政府信息公开平台建设情况',
      '政务新媒体管理方面',
      '监督保障方面',
    ]);
    expect(next.narrative.overview!.parts[4]).toMatchObject({ topic: null, text: '严格落实政务新媒体常态化监管要求，压实责任，抓好制度落实。' });
    expect(partText(next, 'problems', 'improvements')).toMatch(/^一是要继续加强/);
    expect(next.preamble).toBe('');
    expect(next.signature).toEqual({ include: true, date: '' });
    expect(readDraftJson(serializeDraft(next)).ok).toBe(true);
  });
});
