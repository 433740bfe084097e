// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { alignLabelledBlock, isTabularBlock, normaliseLabel, parseTabularText, type LabelTarget } from '../../src/domain/paste.ts';
import { indexTemplate } from '../../src/domain/template.ts';
import type { ReportTemplate, TableKey } from '../../src/domain/template-types.ts';

describe('parseTabularText', () => {
  it('splits an Excel block (CRLF rows, trailing CRLF) into rows of cells', () => {
    expect(parseTabularText('36\t16\t0\r\n0\t1\t2\r\n')).toEqual([
      ['36', '16', '0'],
      ['0', '1', '2'],
    ]);
  });

  it('accepts LF rows and a block without a trailing newline', () => {
    expect(parseTabularText('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTabularText('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells, including leading and trailing ones', () => {
    expect(parseTabularText('\t5\t\r\n\t\t\r\n')).toEqual([
      ['', '5', ''],
      ['', '', ''],
    ]);
  });

  it('ignores only one trailing newline: a further empty line is an empty row', () => {
    expect(parseTabularText('1\n\n')).toEqual([['1'], ['']]);
  });

  it('returns nothing for empty text and one cell for a single value', () => {
    expect(parseTabularText('')).toEqual([]);
    expect(parseTabularText('\r\n')).toEqual([]);
    expect(parseTabularText('1,234')).toEqual([['1,234']]);
    expect(parseTabularText('1,234\r\n')).toEqual([['1,234']]);
  });

  it('reads quoted cells with embedded tabs, newlines and doubled quotes as Excel writes them', () => {
    expect(parseTabularText('"a\tb"\t2\r\n"line1\nline2"\t"say ""hi"""\r\n')).toEqual([
      ['a\tb', '2'],
      ['line1\nline2', 'say "hi"'],
    ]);
  });

  it('reads a quote that does not close a cell literally', () => {
    expect(parseTabularText('"12\t3')).toEqual([['"12', '3']]);
    expect(parseTabularText('"1"2\t3')).toEqual([['"1"2', '3']]);
    expect(parseTabularText('5"\t"6"')).toEqual([['5"', '6']]);
  });

  it('keeps cell text as copied (full-width digits, separators, spaces)', () => {
    expect(parseTabularText('１２\t1,234\t 7 ')).toEqual([['１２', '1,234', ' 7 ']]);
  });

  it('handles a lone CR as row separator (old Mac clipboards)', () => {
    expect(parseTabularText('1\t2\r3\t4\r')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('isTabularBlock', () => {
  it('is true for more than one cell only', () => {
    expect(isTabularBlock('12')).toBe(false);
    expect(isTabularBlock('12\r\n')).toBe(false);
    expect(isTabularBlock('1\t2')).toBe(true);
    expect(isTabularBlock('1\n2')).toBe(true);
    expect(isTabularBlock('')).toBe(false);
  });
});

/** The rows and columns of a table as label targets: keys and label paths, in table order. */
function targetsOf(template: ReportTemplate, table: TableKey): { rows: LabelTarget[]; columns: LabelTarget[] } {
  const cells = indexTemplate(template).cellsByTable.get(table)!;
  const rows = new Map<string, LabelTarget>();
  const columns = new Map<string, LabelTarget>();
  for (const cell of cells) {
    if (cell.rowLabel !== '' && !rows.has(cell.rowKey)) rows.set(cell.rowKey, { key: cell.rowKey, path: cell.rowLabel.split(' ') });
    if (!columns.has(cell.columnKey)) columns.set(cell.columnKey, { key: cell.columnKey, path: cell.columnLabel.split(' ') });
  }
  return { rows: [...rows.values()], columns: [...columns.values()] };
}

const applications = targetsOf(templates['2021'], 'applications');
const reviews = targetsOf(templates['2021'], 'reviewLitigation');
const align = (text: string, targets = applications) => alignLabelledBlock(parseTabularText(text), targets.rows, targets.columns);

describe('normaliseLabel', () => {
  it('folds full-width characters and spaces and drops statutory numbering', () => {
    expect(normaliseLabel('（一）予以公开')).toBe('予以公开');
    expect(normaliseLabel('(一) 予以公开')).toBe('予以公开');
    expect(normaliseLabel('1．属于国家秘密')).toBe('属于国家秘密');
    expect(normaliseLabel('１. 属于 国家秘密')).toBe('属于国家秘密');
    expect(normaliseLabel('三、本年度办理结果')).toBe('本年度办理结果');
    expect(normaliseLabel('自然人：')).toBe('自然人');
  });
});

describe('alignLabelledBlock', () => {
  it('places a block of table 三 copied from Excel with its three header rows and three label columns', () => {
    // Table 三 as Excel copies a published report: merged cells give their text once, then blanks.
    const excel = [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t',
      '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
      '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
      '一、本年新收政府信息公开申请数量\t\t\t14\t2\t0\t0\t0\t0\t16',
      '二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1',
      '三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6',
      '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t2\t0\t0\t0\t0\t0\t2',
      '\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
      '\t\t2.其他法律行政法规禁止公开\t3\t0\t0\t0\t0\t0\t3',
    ].join('\r\n');
    const aligned = align(`${excel}\r\n`);
    expect(aligned.headerRows).toBe(3);
    expect(aligned.labelColumns).toBe(3);
    expect(aligned.rowKeys).toEqual(['newReceived', 'carriedOver', 'granted', 'partiallyGranted', 'denied.stateSecret', 'denied.prohibitedByLaw']);
    expect(aligned.columnKeys).toEqual(['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
    expect(aligned.values[0]).toEqual(['14', '2', '0', '0', '0', '0', '16']);
    expect(aligned.values[5]).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(aligned.unmatchedRows).toEqual([]);
    expect(aligned.unmatchedColumns).toEqual([]);
  });

  it('aligns rows picked out of order, with WPS repeating merged headings, full-width text and numbering variants', () => {
    const wps = [
      '办理结果\t办理结果\t自然人\t商业企业',
      '（四）无法提供\t1. 本机关不掌握相关政府信息\t７\t1',
      '（一）\t予以公开\t5\t0',
    ].join('\n');
    const aligned = align(wps);
    expect(aligned.headerRows).toBe(1);
    expect(aligned.labelColumns).toBe(2);
    expect(aligned.rowKeys).toEqual(['unavailable.notHeld', 'granted']);
    expect(aligned.columnKeys).toEqual(['naturalPerson', 'commercial']);
  });

  it('tells apart equal leaves by their parent labels and by table order (table 四 has five 结果维持 … 总计 per group)', () => {
    const block = [
      '行政复议\t\t未经复议直接起诉\t',
      '结果维持\t总计\t结果维持\t总计',
      '1\t1\t2\t2',
    ].join('\n');
    const aligned = align(block, reviews);
    expect(aligned.columnKeys).toEqual(['review.upheld', 'review.total', 'litigationDirect.upheld', 'litigationDirect.total']);
    expect(aligned.rowKeys).toBeNull();
  });

  it('names the rows and columns it could not match, and leaves their values out', () => {
    const block = ['\t自然人\t备注', '（一）予以公开\t5\t说明', '合计行\t9\t', '空行\t\t'].join('\n');
    const aligned = align(block);
    expect(aligned.rowKeys).toEqual(['granted', null, null]);
    expect(aligned.columnKeys).toEqual(['naturalPerson', null]);
    expect(aligned.unmatchedRows).toEqual(['合计行']);
    expect(aligned.unmatchedColumns).toEqual(['备注']);
  });

  it('falls back to position when the labels match nothing, still leaving the labels out', () => {
    const aligned = align(['项目\t甲\t乙', '某事\t1\t2', '另一事\t3\t4'].join('\n'));
    expect(aligned).toMatchObject({ headerRows: 1, labelColumns: 1, rowKeys: null, columnKeys: null, values: [['1', '2'], ['3', '4']] });
  });

  it('keeps a block of numbers (none marks and typos included) as it is', () => {
    const block = parseTabularText('1\t2\n-\t无\n12a\t3');
    const aligned = alignLabelledBlock(block, applications.rows, applications.columns);
    expect(aligned).toMatchObject({ headerRows: 0, rowKeys: null, columnKeys: null, values: block });
    // "12a" is one unreadable value among numbers, not a label column.
    expect(aligned.labelColumns).toBe(0);
    // A block of nothing but text has no numbers to align: it pastes as it is, each cell with its message.
    expect(align('甲\t乙\n丙\t丁')).toMatchObject({ headerRows: 0, labelColumns: 0, values: [['甲', '乙'], ['丙', '丁']] });
  });
});
