import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { buildReportDocx } from '../../src/docx/build-report.ts';
import { embedDraftJson } from '../../src/domain/embedded-draft.ts';
import { zipBombDocx } from '../helpers/zip-bomb.ts';
import { draftFileName, readDraftBytes, readDraftJson, serializeDraft, type DraftReadResult } from '../../src/domain/draft-file.ts';
import { DRAFT_FORMAT_VERSION, reviewOf, settingsOf, type Draft, type NestedValues } from '../../src/domain/draft-types.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import { emptyDraft, flattenTables } from '../../src/domain/values.ts';
import { district2020Draft, office2023Draft } from '../helpers/fixtures.ts';
import { partText, setPartText } from '../helpers/narrative.ts';

/** What reading fills in for a draft without review state and settings. */
function complete(draft: Draft): Draft {
  return { ...draft, review: reviewOf(draft), settings: settingsOf(draft) };
}

const minimal = { formatVersion: 1, template: '2021', year: 2025, agency: { name: '某某市某某区人民政府办公室' } };

function read(value: unknown): DraftReadResult {
  return readDraftJson(JSON.stringify(value));
}

function problemsOf(result: DraftReadResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

function draftOf(result: DraftReadResult): Draft {
  if (!result.ok) throw new Error(`expected the file to be read, got:\n${result.problems.map((p) => p.message).join('\n')}`);
  return result.draft;
}

/** A file with `tables.<path>` set to `value` (or removed for `undefined`). */
function withCell(base: Draft, dotted: string, value: unknown): Record<string, unknown> {
  const file = JSON.parse(serializeDraft(base)) as Record<string, unknown>;
  const path = dotted.split('.');
  let node = file.tables as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  if (value === undefined) delete node[path[path.length - 1]!];
  else node[path[path.length - 1]!] = value;
  return file;
}

/** A minimal but real `.docx`-shaped zip (the parts embedDraftJson needs). */
function docxWith(json: string | null): Uint8Array {
  const zip = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'),
  });
  return json === null ? zip : embedDraftJson(zip, json);
}

describe('readDraftJson: valid files', () => {
  it('reads a minimal draft, filling everything else as emptyDraft does', () => {
    const draft = draftOf(read(minimal));
    const expected = emptyDraft(templates['2021'], 2025, '某某市某某区人民政府办公室');
    expect(draft).toEqual(complete({ ...expected, meta: { createdAt: '', updatedAt: '' } }));
  });

  it('reads a minimal 2019-format draft with its own tables, all untouched', () => {
    const draft = draftOf(read({ ...minimal, template: '2019', year: 2020 }));
    const values = flattenTables(templates['2019'], draft.tables);
    expect(Object.keys(values)).toHaveLength(indexTemplate(templates['2019']).cells.length);
    expect(Object.values(values).every((value) => value === null)).toBe(true);
    expect(draft.tables.proactive).toHaveProperty('procurement.amount', null);
  });

  it('reads a draft holding only some tables: the absent ones read as untouched', () => {
    const office = office2023Draft();
    const draft = draftOf(read({ ...minimal, year: 2023, tables: { applications: office.tables.applications } }));
    expect(draft.tables.applications).toEqual(office.tables.applications);
    const proactive = flattenTables(templates['2021'], { proactive: draft.tables.proactive! });
    expect(Object.entries(proactive).filter(([key]) => key.startsWith('proactive.')).every(([, value]) => value === null)).toBe(true);
  });

  it('reads partial narrative, fees and signature, keeping what is there', () => {
    const draft = draftOf(
      read({
        ...minimal,
        narrative: { other: { parts: { otherMatters: '本年度无其他需要报告的事项。' } } },
        fees: { collectedAmount: 0 },
        signature: { include: true },
      }),
    );
    expect(partText(draft, 'other', 'otherMatters')).toBe('本年度无其他需要报告的事项。');
    expect(partText(draft, 'other', 'workPoints')).toBe('');
    expect(draft.narrative.overview?.parts.map((part) => part.id)).toEqual(['proactive', 'onRequest', 'management', 'platforms', 'oversight']);
    expect(draft.fees).toEqual({ noticesIssued: null, noticesAmount: null, collectedAmount: 0 });
    expect(draft.signature).toEqual({ include: true, date: '' });
  });

  it('accepts and drops a "$schema" reference', () => {
    const draft = draftOf(read({ $schema: './draft.schema.json', ...minimal }));
    expect(draft).not.toHaveProperty('$schema');
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(readDraftJson(`\ufeff${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it('accepts negative counts and fractional amounts: ranges are the rules engine’s findings, not read errors', () => {
    const draft = draftOf(readDraftJson(JSON.stringify(withCell(office2023Draft(), 'applications.newReceived.naturalPerson', -3))));
    expect(draft.tables.applications).toHaveProperty('newReceived.naturalPerson', -3);
    expect(draftOf(read(withCell(office2023Draft(), 'proactive.fees.amount', 12.34567))).tables.proactive).toHaveProperty('fees.amount', 12.34567);
  });
});

describe('serializeDraft', () => {
  it('round-trips both fixtures exactly (review state and settings filled in when absent)', () => {
    for (const draft of [office2023Draft(), district2020Draft()]) {
      expect(draftOf(readDraftJson(serializeDraft(draft)))).toEqual(complete(draft));
    }
  });

  it('round-trips a draft under review, comments and approval included', () => {
    const draft = complete(office2023Draft());
    draft.review = {
      status: 'approved',
      approval: { reviewer: '张三', role: '办公室主任', at: '2024-01-20T08:00:00.000Z', contentHash: 'a'.repeat(64) },
      history: [{ round: 1, action: 'submitted', by: '李四', at: '2024-01-18T08:00:00.000Z' }],
      comments: [
        {
          id: 'c1',
          anchor: { kind: 'cell', cell: 'applications.newReceived.naturalPerson' },
          text: '请核对',
          author: '张三',
          at: '2024-01-19T08:00:00.000Z',
          round: 1,
          state: 'resolved',
          resolved: { author: '李四', at: '2024-01-19T09:00:00.000Z' },
        },
      ],
    };
    draft.settings = { requireApproval: false };
    expect(draftOf(readDraftJson(serializeDraft(draft)))).toEqual(draft);
  });

  it('keeps the chosen wordings and the clerk’s own fee sentence, and writes none for a draft with the defaults', () => {
    const draft = complete(office2023Draft());
    draft.wording = { fee: 'measures', feeText: '本机关2023年度未收取信息处理费。', preamble: 'brief' };
    expect(draftOf(readDraftJson(serializeDraft(draft)))).toEqual(draft);
    delete draft.wording;
    expect(JSON.parse(serializeDraft(draft))).not.toHaveProperty('wording');
  });

  it('writes every cell of the template, null when untouched, and is stable', () => {
    const draft = emptyDraft(templates['2019'], 2020, '某某局');
    draft.tables = {};
    const text = serializeDraft(draft);
    const reread = draftOf(readDraftJson(text));
    for (const cell of indexTemplate(templates['2019']).cells) {
      const [table, ...path] = cell.key.split('.');
      let node: unknown = (JSON.parse(text) as Draft).tables[table!];
      for (const segment of path) node = (node as NestedValues)[segment];
      expect(node, cell.key).toBeNull();
    }
    expect(serializeDraft(reread)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('round-trips random cell values and texts (property)', () => {
    const template = templates['2021'];
    const cells = indexTemplate(template).cells;
    const cellValue = (integer: boolean) =>
      fc.option(integer ? fc.integer({ min: -1e9, max: 1e9 }) : fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.tuple(...cells.map((cell) => cellValue(cell.valueType !== 'amount'))),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'grapheme' }),
        (values, name, text) => {
          const draft = emptyDraft(template, 2024, name.trim() === '' ? '某机关' : name);
          const flat = Object.fromEntries(cells.map((cell, i) => [cell.key, values[i] ?? null]));
          draft.tables = JSON.parse(JSON.stringify(readTables(flat))) as Draft['tables'];
          setPartText(draft, 'problems', 'problems', text);
          draft.narrative.overview!.parts.push({ id: 'p1', topic: null, title: text, text: name });
          expect(draftOf(readDraftJson(serializeDraft(draft)))).toEqual(complete(JSON.parse(JSON.stringify(draft)) as Draft));
        },
      ),
      { numRuns: 60 },
    );
  });
});

function readTables(flat: Record<string, number | null>): Draft['tables'] {
  const tables: Record<string, NestedValues> = {};
  for (const [key, value] of Object.entries(flat)) {
    const [table, ...path] = key.split('.');
    let node = (tables[table!] ??= {});
    for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as NestedValues;
    node[path[path.length - 1]!] = value === 0 ? 0 : value; // -0 is written as 0
  }
  return tables;
}

describe('readDraftJson: bad files get a Chinese message naming the place', () => {
  it('empty file', () => {
    for (const text of ['', '   \n\t', '\ufeff']) {
      expect(problemsOf(readDraftJson(text))).toEqual([{ path: '', message: expect.stringContaining('文件是空的') }]);
    }
  });

  it('not JSON, with line and column', () => {
    const [problem] = problemsOf(readDraftJson('{\n  "formatVersion": 1\n  "template": "2021"\n}'));
    expect(problem?.message).toMatch(/^文件不是有效的 JSON：第 3 行第 3 列/);
    expect(problem?.message).toContain('逗号');
    expect(problemsOf(readDraftJson('这不是 JSON'))[0]?.message).toContain('第 1 行第 1 列');
  });

  it('truncated JSON: says the file seems incomplete', () => {
    const text = serializeDraft(office2023Draft());
    for (const length of [1, 200, Math.floor(text.length / 2), text.length - 3]) {
      const [problem] = problemsOf(readDraftJson(text.slice(0, length)));
      expect(problem?.message, `cut at ${length}`).toMatch(/^文件似乎不完整：内容在第 \d+ 行第 \d+ 列就结束了/);
    }
  });

  it('a JSON value that is not an object', () => {
    expect(problemsOf(readDraftJson('[1, 2]'))[0]?.message).toContain('草稿应是一个 JSON 对象');
    expect(problemsOf(readDraftJson('42'))[0]?.message).toContain('数字 42');
    expect(problemsOf(readDraftJson('null'))[0]?.message).toContain('null');
  });

  it('foreign JSON: not a draft of this tool', () => {
    const [problem] = problemsOf(read({ name: 'package', version: '1.0.0' }));
    expect(problem?.message).toMatch(/^这不是本工具的草稿文件：缺少 formatVersion.*和 template/);
    expect(problem?.message).toContain('name、version');
  });

  it('newer formatVersion: a precise message and nothing else', () => {
    const problems = problemsOf(read({ ...minimal, formatVersion: DRAFT_FORMAT_VERSION + 1, template: '2030', unknownField: 1 }));
    expect(problems).toEqual([
      { path: 'formatVersion', message: expect.stringContaining(`文件由更新版本的程序生成（草稿格式版本 ${DRAFT_FORMAT_VERSION + 1}）`) },
    ]);
    expect(problems[0]?.message).toContain(`只能读取版本 ${DRAFT_FORMAT_VERSION}`);
  });

  it('bad or missing formatVersion', () => {
    expect(problemsOf(read({ ...minimal, formatVersion: '1' }))[0]).toMatchObject({ path: 'formatVersion', message: expect.stringContaining(`应为整数 ${DRAFT_FORMAT_VERSION}`) });
    const { formatVersion: _v, ...noVersion } = minimal;
    expect(problemsOf(read(noVersion))[0]).toMatchObject({ path: 'formatVersion', message: expect.stringContaining('缺少草稿格式版本') });
  });

  it('unknown template: lists the known ones', () => {
    const [problem] = problemsOf(read({ ...minimal, template: '2030' }));
    expect(problem?.path).toBe('template');
    expect(problem?.message).toContain('未知的报告格式 template："2030"');
    expect(problem?.message).toContain('"2021"（国办公开办函〔2021〕30号）');
    expect(problem?.message).toContain('"2019"（国办公开办函〔2019〕60号）');
    expect(problemsOf(read({ ...minimal, template: 2021 }))[0]?.message).toContain('应为字符串 "2021"');
  });

  it('ill-typed cell: names the path and the statutory label and quotes the value', () => {
    const [problem, ...rest] = problemsOf(read(withCell(office2023Draft(), 'applications.newReceived.naturalPerson', 'abc')));
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      path: 'tables.applications.newReceived.naturalPerson',
      message: '表三“一、本年新收政府信息公开申请数量 / 自然人”（tables.applications.newReceived.naturalPerson）应为整数，文件中是 "abc"',
    });
  });

  it('ill-typed cells of every kind', () => {
    const office = office2023Draft();
    const cases: [string, unknown, string][] = [
      ['applications.denied.stateSecret.commercial', 1.5, '表三“（三）不予公开 1.属于国家秘密 / 商业企业”（tables.applications.denied.stateSecret.commercial）应为整数，文件中是 1.5'],
      ['reviewLitigation.review.upheld', true, '表四“行政复议 结果维持”（tables.reviewLitigation.review.upheld）应为整数，文件中是 true'],
      ['proactive.fees.amount', '12.5', '应为数字（单位：万元），文件中是 "12.5"（数字不要加引号）'],
      ['proactive.licensing.decisions', '', '应为整数，文件中是 ""（未填写请写 null）'],
      ['proactive.penalty.decisions', [1], '应为整数，文件中是 数组 […]'],
    ];
    for (const [key, value, message] of cases) {
      const [problem] = problemsOf(read(withCell(office, key, value)));
      expect(problem?.path).toBe(`tables.${key}`);
      expect(problem?.message).toContain(message);
    }
    const signed = district2020Draft();
    const [problem] = problemsOf(read(withCell(signed, 'proactive.licensing.change', 'x')));
    expect(problem?.message).toBe('表二“行政许可 / 本年增/减”（tables.proactive.licensing.change）应为整数，文件中是 "x"');
  });

  it('missing cell in a table that is present: names it', () => {
    const [problem, ...rest] = problemsOf(read(withCell(office2023Draft(), 'applications.resultTotal.total', undefined)));
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      path: 'tables.applications.resultTotal.total',
      message: expect.stringMatching(/^表三缺少单元格“（七）总计 \/ 总计”（tables\.applications\.resultTotal\.total）：.*未填写的写 null$/),
    });
  });

  it('missing row of a table that is present: one message for the row', () => {
    const problems = problemsOf(read(withCell(office2023Draft(), 'applications.denied', undefined)));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('tables.applications.denied');
    expect(problems[0]?.message).toContain('表三缺少“（三）不予公开”（tables.applications.denied）这一组（其下共 56 个单元格）');
  });

  it('unknown cell: names it and suggests the key meant', () => {
    const [problem] = problemsOf(read(withCell(office2023Draft(), 'applications.newReceived.naturalPersn', 3)));
    expect(problem?.path).toBe('tables.applications.newReceived.naturalPersn');
    expect(problem?.message).toContain('表三“一、本年新收政府信息公开申请数量”（tables.applications.newReceived）中有未知的键“naturalPersn”');
    expect(problem?.message).toContain('是否应为“naturalPerson”');
  });

  it('a 2021 cell in a 2019 draft: says which format has it', () => {
    const file = withCell(district2020Draft(), 'applications.otherHandling', { overdueCorrection: {} });
    const problems = problemsOf(read(file));
    expect(problems.some((problem) => problem.message.includes('这是 2021 格式'))).toBe(true);
  });

  it('unknown table and unknown top-level field', () => {
    const problems = problemsOf(read({ ...minimal, tables: { proactiv: {} }, agancy: {} }));
    expect(problems.map((problem) => problem.path)).toEqual(['tables.proactiv', 'agancy']);
    expect(problems[0]?.message).toContain('未知的表“proactiv”');
    expect(problems[0]?.message).toContain('proactive（表二）');
    expect(problems[1]?.message).toContain('是否应为“agency”');
  });

  it('wrong year for the template, and implausible years', () => {
    const [problem] = problemsOf(read({ ...minimal, year: 2020 }));
    expect(problem?.path).toBe('year');
    expect(problem?.message).toContain('2021 格式（国办公开办函〔2021〕30号）适用于 2021 年及以后的报告');
    expect(problem?.message).toContain('"template": "2019"');
    expect(problemsOf(read({ ...minimal, template: '2019', year: 2023 }))[0]?.message).toContain('适用于 2019–2020 年');
    expect(problemsOf(read({ ...minimal, year: 20225 }))[0]?.message).toContain('不在本工具支持的');
    expect(problemsOf(read({ ...minimal, year: '2025' }))[0]?.message).toContain('应为整数年份');
    expect(problemsOf(read({ ...minimal, year: 2025.5 }))[0]?.path).toBe('year');
  });

  it('agency name missing or blank', () => {
    expect(problemsOf(read({ ...minimal, agency: {} }))[0]).toMatchObject({ path: 'agency.name', message: expect.stringContaining('缺少机关全称') });
    expect(problemsOf(read({ ...minimal, agency: { name: '  ' } }))[0]).toMatchObject({ path: 'agency.name', message: expect.stringContaining('不能为空') });
    const { agency: _a, ...noAgency } = minimal;
    expect(problemsOf(read(noAgency))[0]?.message).toContain('缺少机关信息');
  });

  it('other ill-typed fields name their place in Chinese', () => {
    const problems = problemsOf(
      read({
        ...minimal,
        agency: { name: 'x', phone: 12345678 },
        narrative: { overview: { parts: { proactive: null } } },
        fees: { noticesIssued: '2' },
        signature: { date: '2025-02-30' },
      }),
    );
    const byPath = Object.fromEntries(problems.map((problem) => [problem.path, problem.message]));
    expect(byPath['agency.phone']).toBe('联系电话（agency.phone）应为文字（用双引号括起来的字符串），文件中是 12345678');
    // A file of format 1 or 2: its text of 主动公开 becomes the first part of 一.
    expect(byPath['narrative.overview.parts.0.text']).toContain('“一、总体情况”的第 1 部分的正文');
    expect(byPath['fees.noticesIssued']).toContain('应为整数或 null');
    expect(byPath['signature.date']).toContain('YYYY-MM-DD');
  });

  it('review state and settings: their own messages, placed', () => {
    const problems = problemsOf(read({ ...minimal, review: { status: 'done', history: [{ round: 1, action: 'submitted', at: '2025-01-01' }] }, settings: { requireApproval: 'yes' } }));
    const byPath = Object.fromEntries(problems.map((problem) => [problem.path, problem.message]));
    expect(byPath['review.status']).toMatch(/^审核状态（review\.status）：审核状态应为 editing.*文件中是 "done"$/);
    expect(byPath['review.history.0.by']).toBe('审核历史中缺少“by”（review.history.0.by）');
    expect(byPath['settings.requireApproval']).toContain('应为 true 或 false，文件中是 "yes"');
  });

  it('huge numbers', () => {
    const text = JSON.stringify(withCell(office2023Draft(), 'applications.granted.research', 123456789)).replace('123456789', '1e400');
    expect(problemsOf(readDraftJson(text))[0]).toMatchObject({ path: 'tables.applications.granted.research', message: expect.stringContaining('超出范围') });
    expect(problemsOf(read(withCell(office2023Draft(), 'applications.granted.research', 2 ** 60)))[0]?.message).toContain('过大');
  });
});

describe('readDraftBytes', () => {
  const json = serializeDraft(office2023Draft());

  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    const utf8 = new TextEncoder().encode(json);
    const expected = complete(office2023Draft());
    expect(draftOf(readDraftBytes(utf8))).toEqual(expected);
    expect(draftOf(readDraftBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])))).toEqual(expected);
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, json.charCodeAt(i), true);
    expect(draftOf(readDraftBytes(utf16))).toEqual(expected);
  });

  it('reads the draft embedded in a .docx the app made', () => {
    expect(draftOf(readDraftBytes(docxWith(json), '报告.docx'))).toEqual(complete(office2023Draft()));
  });

  it('reads back the exact draft from real Word reports (final and draft mode, both formats)', async () => {
    for (const draft of [complete(office2023Draft()), complete(district2020Draft())]) {
      for (const mode of ['final', 'draft'] as const) {
        expect(draftOf(readDraftBytes(await buildReportDocx(draft, mode), 'x.docx'))).toEqual(draft);
      }
    }
  });

  it('a Word file without the embedded draft: not made by this tool', () => {
    const [problem] = problemsOf(readDraftBytes(docxWith(null), '别人的.docx'));
    expect(problem?.message).toMatch(/^这个 Word 文件不是本工具生成的/);
  });

  it('a Word file cut short (a broken download) is called damaged, not foreign', async () => {
    const bytes = await buildReportDocx(office2023Draft(), 'final');
    for (const kept of [0.3, 0.9, 0.999]) {
      const [problem] = problemsOf(readDraftBytes(bytes.slice(0, Math.floor(bytes.length * kept)), '年度报告.docx'));
      expect(problem?.message).toMatch(/^这个 Word 文件已损坏或不完整/);
    }
    expect(problemsOf(readDraftBytes(bytes.slice(0, 5000), 'backup.zip'))[0]?.message).toMatch(/^这个压缩包（zip）文件已损坏或不完整/);
  });

  it('a docx whose embedded draft is broken says so', () => {
    const [problem] = problemsOf(readDraftBytes(docxWith(json.replace('"year": 2023', '"year": 2020')), 'x.docx'));
    expect(problem?.message).toMatch(/^Word 文件中附带的草稿数据有误：报告年度/);
  });

  it('other binary files and other encodings get a clear message', () => {
    expect(problemsOf(readDraftBytes(new Uint8Array(0)))[0]?.message).toContain('文件是空的');
    expect(problemsOf(readDraftBytes(strToU8('%PDF-1.7\n...')))[0]?.message).toMatch(/^这是 PDF 文件/);
    expect(problemsOf(readDraftBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))[0]?.message).toContain('旧版 Office');
    expect(problemsOf(readDraftBytes(new Uint8Array([0x00, 0x01, 0x02, 0xfe, 0x80, 0x00, 0x00]), 'a.bin'))[0]?.message).toContain('a.bin 是二进制文件');
    // "机关" in GBK inside an otherwise ASCII JSON file.
    expect(problemsOf(readDraftBytes(new Uint8Array([0x7b, 0x22, 0xbb, 0xfa, 0xb9, 0xd8, 0x22, 0x7d])))[0]?.message).toContain('不是 UTF-8 编码');
  });
});

describe('nothing throws', () => {
  const valid = JSON.parse(serializeDraft(office2023Draft())) as Record<string, unknown>;

  /** The valid file with one JSON value replaced at a random place (keys picked from the real file). */
  const mutatedFile = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.jsonValue(), fc.boolean()).map(([picks, value, remove]) => {
    const file = structuredClone(valid);
    let node: Record<string, unknown> = file;
    for (const [depth, pick] of picks.entries()) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[pick % keys.length]!;
      const child = node[key];
      if (depth === picks.length - 1 || typeof child !== 'object' || child === null) {
        if (remove) delete node[key];
        else node[key] = value;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return file;
  });

  it('arbitrary strings, JSON values and mutated drafts give a result, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), mutatedFile.map((file) => JSON.stringify(file))), (text) => {
        const result = readDraftJson(text);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(typeof problem.path).toBe('string');
            expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('every rejected mutation of a valid draft names a path inside the file', () => {
    fc.assert(
      fc.property(mutatedFile, (file) => {
        const result = read(file);
        if (result.ok) return;
        const topLevel = new Set([...Object.keys(file), ...Object.keys(valid)]);
        for (const problem of result.problems) expect(problem.path === '' || topLevel.has(problem.path.split('.')[0]!), problem.path).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes, and zips with arbitrary content, never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array(), fc.uint8Array().map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])), fc.string().map((s) => docxWith(s))), (bytes) => {
        expect(typeof readDraftBytes(bytes).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('draftFileName', () => {
  it('is <agency><year>年政府信息公开工作年度报告.draft.json', () => {
    expect(draftFileName(office2023Draft())).toBe('宁波市镇海区人民政府办公室2023年政府信息公开工作年度报告.draft.json');
  });

  it('drops characters Windows refuses in file names', () => {
    const draft = office2023Draft();
    draft.agency.name = ' 某某局/办公室:"测试"\n ';
    expect(draftFileName(draft)).toBe('某某局办公室测试2023年政府信息公开工作年度报告.draft.json');
  });
});

describe('readDraftBytes: zip bombs', () => {
  it('refuses a Word file whose draft part inflates to a gigabyte as damaged or not acceptable, not as foreign', () => {
    for (const bomb of [zipBombDocx(1024 * 1024 * 1024), zipBombDocx(256 * 1024 * 1024, { declaredSize: 900 })]) {
      const read = readDraftBytes(bomb, '报告.docx');
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]!.message).toMatch(/^这个 Word 文件已损坏或不是可接受的文件：其中的数据解压后超过 16 MB/);
      expect(read.problems[0]!.message).not.toContain('不是本工具生成的');
    }
  });
});
