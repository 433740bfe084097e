/**
 * The 填报说明 of table 二 names exactly the 第二十条 items of the format's table 二 (spec §3.1, §4.1):
 * the 2019 format has five, （九）政府集中采购 included; the 2021 format has four.
 */
import { describe, expect, it } from 'vitest';
import { report2019 } from '../../templates/report-2019.ts';
import { report2021 } from '../../templates/report-2021.ts';
import type { ReportTemplate } from '../../src/domain/template-types.ts';

function proactiveGuidance(template: ReportTemplate): string {
  const section = template.sections.find((candidate) => candidate.id === 'proactive');
  if (!section || section.kind !== 'table') throw new Error('no table 二');
  return section.guidance;
}

describe('table 二 guidance', () => {
  it('2019 format: lists （一）（五）（六）（八）（九）, 政府集中采购 being item （九）', () => {
    expect(proactiveGuidance(report2019)).toBe('按《中华人民共和国政府信息公开条例》第二十条第（一）、（五）、（六）、（八）、（九）项填写本年度数据。无数据的格子填 0。');
  });

  it('2021 format: lists （一）（五）（六）（八）, its table having no （九）', () => {
    expect(proactiveGuidance(report2021)).toBe('按《中华人民共和国政府信息公开条例》第二十条第（一）、（五）、（六）、（八）项填写本年度数据。无数据的格子填 0。');
  });
});
